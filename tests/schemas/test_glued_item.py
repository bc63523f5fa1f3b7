"""An item's number OCR glued to the label after it ("5.Chức", "6.Đ.") is cut back apart, so the numbered row
reads its label instead of running on as the value above (schemas/glued_item.py; issue 12, part CT). Made-up
values."""

from synth import page

from ocr.result import Word
from schemas.extract import extract_records, flatten_fields
from schemas.glued_item import item_and_label, unglue_item
from schemas.layout import build_rows


def test_a_number_and_dot_glued_to_a_capitalised_word_or_an_initial_is_cut_after_the_dot():
    assert item_and_label("5.Chức") == ("5.", "Chức")
    assert item_and_label("12)CẤP") == ("12)", "CẤP")
    assert item_and_label("6.Đ.") == ("6.", "Đ.")
    assert item_and_label("3.B.xy:") == ("3.", "B.xy:")


def test_dates_codes_and_small_letters_after_a_number_are_left_as_read():
    for text in ("5.3.1970", "12.A3", "5.", "5.chức", "123.Chức", "5.Xqzt", "5,Chức", "Chức"):
        assert item_and_label(text) is None, text


def test_only_a_word_that_opens_its_line_is_cut():
    w = Word("5.Chức", 0.9, (100, 0, 208, 36))
    assert [p.text for p in unglue_item(w, opens_line=True)] == ["5.", "Chức"]
    assert [p.text for p in unglue_item(w, opens_line=False)] == ["5.Chức"]


def test_the_glued_number_is_marked_as_the_rows_item_number():
    row = build_rows(page(["4.Quê quán - xã Tân Lập"]))[0]
    assert [t.text for t in row.toks][:3] == ["4.", "Quê", "quán"]
    assert row.toks[0].leader and not row.toks[1].leader


def test_numbered_rows_with_glued_numbers_keep_their_own_values():
    rows = ["GIẤY BÁO TỬ", "1. Họ và tên - Đoàn Văn Lực", "2. Sinh năm - 1950", "3.Cấp bậc - Thượng úy",
            "4.Chức vụ - Trung đội trưởng", "5.Đơn vị - Tiểu đoàn 4, Trung đoàn 9",
            "6. Hy sinh ngày - 09/05/1971"]
    got = flatten_fields(extract_records([page(rows)], "lietsi/")[0])
    assert got["rank"] == "Thượng úy"
    assert got["position"] == "Trung đội trưởng"
    assert got["unit"] == "Tiểu đoàn 4, Trung đoàn 9"
