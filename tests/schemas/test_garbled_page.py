"""A page OCR garbles: no code read on it is confident (schemas/garbled_page.py)."""

from synth import page

from schemas.extract import REVIEW_THRESHOLD, extract_records, flatten_fields
from schemas.garbled_page import is_garbled, page_garbled


def test_a_garbled_word_is_a_doubted_word_with_a_symbol_no_writing_puts_in_a_word():
    assert is_garbled("x*y", 0.2) and is_garbled("Đá^", 0.4) and is_garbled("a&b", 0.0)
    # read with confidence, or a word of ordinary writing, or a lone speck: not a garbled word
    assert not is_garbled("x*y", 0.9)
    assert not is_garbled("(cả", 0.3) and not is_garbled("12,5", 0.2) and not is_garbled("nắp),", 0.1)
    assert not is_garbled("—", 0.1) and not is_garbled("*", 0.0)


def test_three_garbled_words_put_the_page_in_question():
    assert page_garbled([("x*y", 0.2), ("a&b", 0.1), ("q^r", 0.3), ("Gốm", 0.9)])
    assert not page_garbled([("x*y", 0.2), ("a&b", 0.1), ("Gốm", 0.2), ("12", 0.1)])


HEAD = ["SỔ ĐĂNG KÝ HIỆN VẬT", [(100, "STT"), (250, "Số ĐK"), (500, "Tên hiện vật"), (900, "Chất liệu"),
                               (1200, "Niên đại")]]


def _codes(specks: list[str]) -> list[tuple[str, float]]:
    """The codes of a register page and their confidences; ``specks``: words added to its rows' notes."""
    rows = [("GV.5120", "Bát sứ", "Gốm"), ("GV.3988", "Đĩa", "Sứ"), ("GV.4211", "Bình", "Đồng")]
    body = [[(100, str(i + 1)), (250, code), (500, name), (900, material), (1200, "Năm 1900")]
            for i, (code, name, material) in enumerate(rows)]
    body.append([(500, " ".join(["Ghi chú"] + specks))])
    recs = extract_records([page(HEAD + body)], "baotang/")
    return [(flatten_fields(r)["inventory_number"], flatten_fields(r, "confidence")["inventory_number"])
            for r in recs]


def test_codes_of_a_page_ocr_garbles_are_not_confident():
    clean = _codes(["x*y@0.2", "a&b@0.1"])  # two garbled words: a stain, the codes stay confident
    assert [v for v, _ in clean] == ["GV.5120", "GV.3988", "GV.4211"]
    assert all(c >= REVIEW_THRESHOLD for _, c in clean)
    garbled = _codes(["x*y@0.2", "a&b@0.1", "q^r@0.3"])
    assert [v for v, _ in garbled] == ["GV.5120", "GV.3988", "GV.4211"]
    assert all(c < REVIEW_THRESHOLD for _, c in garbled)
