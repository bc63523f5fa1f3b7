"""A code OCR glued to the capitalised word after it is cut back apart before rows are read
(schemas/glued_code.py)."""

from synth import page

from ocr.result import Word
from schemas.glued_code import code_and_word, unglue_code
from schemas.layout import build_rows


def test_a_code_glued_to_a_capitalised_syllable_is_cut_where_the_capital_begins():
    assert code_and_word("27/KHO-ABĐèn") == ("27/KHO-AB", "Đèn")  # the code's own capitals stay with it
    assert code_and_word("KHO.AB.0031Nồi") == ("KHO.AB.0031", "Nồi")
    assert code_and_word("45/2001Nam,") == ("45/2001", "Nam,")  # a comma after the word stays on it


def test_words_that_are_no_code_glued_to_a_word_are_left_as_read():
    for text in ("Nguyễn", "1968", "GC887K", "thôn12", "Số12", "12Mai", "AB12Xqz", "KHO-AB", "45/2001)", "7/AB-Cd"):
        assert code_and_word(text) is None, text


def test_a_glued_code_s_box_is_shared_between_the_code_and_the_word():
    code, word = unglue_code(Word("27/KHO-ABĐèn", 0.9, (100, 10, 220, 40)))
    assert (code.text, word.text) == ("27/KHO-AB", "Đèn")
    assert code.bbox[0] == 100 and word.bbox[2] == 220 and code.bbox[2] == word.bbox[0] > 180
    assert [w.text for w in unglue_code(Word("Hoàng", 0.9, (0, 0, 50, 20)))] == ["Hoàng"]


def test_rows_read_the_code_and_the_word_as_two_tokens():
    row = build_rows(page(["3 KHO.AB.0031Nồi đồng"]))[0]
    assert [t.text for t in row.toks] == ["3", "KHO.AB.0031", "Nồi", "đồng"]


def test_a_code_glued_to_a_word_whose_capital_was_read_as_a_symbol_is_cut_before_the_symbol():
    """"27/KHO-AB%ồi": the word's capital read as "%"; the symbol stays with the word it opens."""
    assert code_and_word("27/KHO-AB%ồi") == ("27/KHO-AB", "%ồi")
    assert code_and_word("KHO.AB.0031€ối,") == ("KHO.AB.0031", "€ối,")


def test_a_symbol_inside_a_code_or_before_no_syllable_is_left_as_read():
    for text in ("AB%ồi", "27/AB%xq", "45/2001%", "27/KHO-AB%Bình", "12§ối"):
        assert code_and_word(text) is None, text
