"""Notes in brackets in a label's words, one reading (schemas/bracket_notes.py): a note is closed by the first word
ending in ")" whatever punctuation follows it; a number alone in brackets is a value's unless it is a footnote's mark
of one or two digits; a bracket left open runs to the words' end, less the digits that end them."""

from schemas.bracket_notes import in_notes, inside_open_note, note_spans, outside_notes
from schemas.layout import Tok


def _words(text: str) -> list[Tok]:
    return [Tok(w, w.lower(), 90.0, (10 * k, 0, 10 * k + 8, 10), 1) for k, w in enumerate(text.split())]


def _outside(text: str) -> list[str]:
    return [t.text for t in outside_notes(_words(text))]


def test_a_note_closed_before_a_colon_ends_there():
    assert in_notes("Nơi thường trú (ghi đủ cấp): thôn 3".split()) == [
        False, False, False, True, True, True, False, False]
    assert _outside("Quê quán (ghi đủ cấp): xã Tân Lập") == ["Quê", "quán", "xã", "Tân", "Lập"]


def test_a_note_of_single_letters_or_a_sign_is_a_note():
    assert _outside("Kích thước (D x R x C): 20 x 10 x 5") == ["Kích", "thước", "20", "x", "10", "x", "5"]
    assert _outside("Tỷ lệ hao hụt (%): 15") == ["Tỷ", "lệ", "hao", "hụt", "15"]


def test_a_number_alone_in_brackets_is_a_value():
    assert _outside("Sinh năm (1962)") == ["Sinh", "năm", "(1962)"]
    assert _outside("Ngày nhập ngũ (03/1968)") == ["Ngày", "nhập", "ngũ", "(03/1968)"]
    assert _outside("Sinh năm (ghi 4 chữ số) 1962") == ["Sinh", "năm", "1962"]


def test_a_footnote_mark_is_the_forms():
    assert _outside("Nơi cư trú (2): xóm Đông") == ["Nơi", "cư", "trú", "xóm", "Đông"]
    assert note_spans("Họ và tên (1)".split()) == [(3, 4)]


def test_a_bracket_left_open_runs_on_to_the_digits_that_end_the_words():
    assert _outside("Nghề nghiệp (nếu có") == ["Nghề", "nghiệp"]
    assert _outside("Điện thoại (nhà 0912 345") == ["Điện", "thoại", "0912", "345"]
    assert _outside("Năm sinh (ghi 4 chữ số") == ["Năm", "sinh"]
    assert _outside("Năm sinh (1962") == ["Năm", "sinh", "(1962"]


def test_a_bracket_left_open_ends_at_its_labels_colon_or_where_the_next_opens():
    assert _outside("Bí danh (nếu có: Ba Tâm Nghề nghiệp") == ["Bí", "danh", "Ba", "Tâm", "Nghề", "nghiệp"]
    # (where the first note ended nobody can say; the second is a note of its own, closed before its colon)
    assert note_spans("Chức vụ (nếu có Đơn vị (ghi rõ): C2".split()) == [(2, 6), (6, 8)]


def test_words_inside_a_note_after_its_opening_word():
    assert inside_open_note(["Năm", "sinh", "(đủ", "chữ", "số)", "|", "1962"]) == [
        False, False, False, True, True, False, False]
    assert inside_open_note(["(Số)", "12"]) == [False, False]
    assert inside_open_note(["Nơi", "ở", "(ghi", "rõ):", "xã"]) == [False, False, False, True, False]
