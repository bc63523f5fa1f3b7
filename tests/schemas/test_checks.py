"""Checks across the codes of one page and the values of one record (schemas/checks.py)."""

from synth import page

from schemas.checks import code_tail, shared_prefix
from schemas.extract import extract_records, flatten_fields


def test_words_after_a_code_that_are_no_part_of_it():
    assert code_tail("KL.3988 2 ỞƠC") == "KL.3988"
    assert code_tail("BTBN 1234/KL") is None  # a code of several words, whole
    assert code_tail("BTBN 1234/KL 56") is None  # digits after it may be its own
    assert code_tail("KL.3988") is None
    assert code_tail("Tượng đá") is None


def test_letters_one_off_the_code_the_page_shares():
    assert shared_prefix("RL", ["KL", "KL", "GV"]) == "KL"
    assert shared_prefix("RL", ["KL", "GV"]) is None  # one other row is no collection's code
    assert shared_prefix("GX", ["KL", "KL", "GV", "GV"]) == "GV"
    assert shared_prefix("EX", ["KL", "KL", "GV", "GV"]) is None  # two letters off every shared code
    assert shared_prefix("GV", ["GV", "GV", "GX", "GX"]) is None  # a code the page has is read as written
    assert shared_prefix("KX", ["KL", "KL", "KV", "KV"]) is None  # two codes one off: no single answer


def test_a_register_page_gives_its_codes_the_collection_s_letters():
    rows = ["SỔ ĐĂNG KÝ HIỆN VẬT",
            [(100, "STT"), (300, "Số đăng ký"), (700, "Tên hiện vật"), (1200, "Chất liệu"), (1700, "Niên đại")],
            [(100, "1"), (300, "KL.3988"), (700, "Bình gốm"), (1200, "Gốm"), (1700, "Thế kỷ XV")],
            [(100, "2"), (300, "RL.6363"), (700, "Chuông đồng"), (1200, "Đồng"), (1700, "Thế kỷ XVI")],
            [(100, "3"), (300, "KL.3885"), (700, "Ống điếu"), (1200, "Gỗ"), (1700, "Thế kỷ XVII")]]
    recs = extract_records([page(rows)], "baotang/")
    codes = [flatten_fields(r).get("inventory_number") for r in recs]
    assert codes == ["KL.3988", "KL.6363", "KL.3885"]
    fixed = recs[1]["fields"]["inventory_number"]
    assert fixed["raw"].startswith("RL") and any("read as 'KL'" in n for n in fixed["notes"])
