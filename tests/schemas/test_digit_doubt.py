"""A page whose OCR doubts its dates: no value in digits read on it is confident (schemas/digit_doubt.py)."""

from synth import page

from schemas.digit_doubt import page_doubts_digits
from schemas.extract import REVIEW_THRESHOLD, extract_records, flatten_fields


def test_two_dates_read_with_doubt_put_the_page_s_digits_in_question():
    assert page_doubts_digits([("12/03/1971", 0.4), ("1950", 0.3), ("Nguyễn", 0.2)])
    # one smudged date alone, short numbers, words without digits: no sign about the page's digits
    assert not page_doubts_digits([("12/03/1971", 0.4), ("1950", 0.9)])
    assert not page_doubts_digits([("12", 0.1), ("03", 0.2), ("Nam", 0.1), ("Kinh", 0.1)])


def _certificate(doubt: float) -> dict:
    rows = ["GIẤY KHAI SINH", "Số: 45", "Họ và tên: Trần Văn Minh", "Ngày sinh: 14/09/1983", "Giới tính: Nam",
            f"Họ tên mẹ: Lê Thị Hoa Năm sinh: 1961@{doubt}", f"Họ tên cha: Trần Văn Hải Năm sinh: 1958@{doubt}",
            "Nơi đăng ký: Ủy ban nhân dân xã Tam Sơn"]
    return extract_records([page(rows)], "hotich/")[0]


def test_a_date_read_clearly_on_a_page_of_doubted_dates_is_not_confident():
    clear = flatten_fields(_certificate(0.95), "confidence")
    assert clear["date_of_birth"] >= REVIEW_THRESHOLD  # the same page read clearly: confident
    doubted = _certificate(0.3)
    assert flatten_fields(doubted, "value")["date_of_birth"] == "1983-09-14"
    assert flatten_fields(doubted, "confidence")["date_of_birth"] < REVIEW_THRESHOLD
