"""Notes in brackets in a label's words, read two ways (schemas/bracket_notes.py): a label span is judged by the
words outside every bracket it opens; digits are looked for outside the notes that hold words."""

from schemas.bracket_notes import in_note, outside_brackets, outside_notes
from schemas.layout import Tok


def _words(text: str) -> list[Tok]:
    return [Tok(w, w.lower(), 90.0, (10 * k, 0, 10 * k + 8, 10), 1) for k, w in enumerate(text.split())]


def _texts(toks: list[Tok]) -> list[str]:
    return [t.text for t in toks]


def test_a_note_closed_before_a_colon_is_inside_its_brackets():
    words = _words("Quê quán (ghi đủ cấp):")
    assert [in_note(words, 0, e) for e in range(len(words))] == [False, False, True, True, True]
    assert _texts(outside_brackets(words)) == ["Quê", "quán"]


def test_a_label_span_leaves_out_digits_in_brackets_and_an_unclosed_bracket():
    assert _texts(outside_brackets(_words("Số con (2) hiện có"))) == ["Số", "con", "hiện", "có"]
    assert _texts(outside_brackets(_words("Nghề nghiệp (nếu có"))) == ["Nghề", "nghiệp"]


def test_digits_alone_in_brackets_are_a_value_not_a_note():
    assert _texts(outside_notes(_words("Sinh năm (1962)"))) == ["Sinh", "năm", "(1962)"]
    assert _texts(outside_notes(_words("Sinh năm (ghi 4 chữ số) 1962"))) == ["Sinh", "năm", "1962"]


def test_an_unclosed_bracket_is_no_note_when_digits_are_looked_for():
    assert _texts(outside_notes(_words("Điện thoại (nhà 0912"))) == ["Điện", "thoại", "(nhà", "0912"]
