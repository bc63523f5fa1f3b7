"""A year in words read short is no disagreement with the digits (schemas/spelled_years.py, schemas/checks.py)."""

from synth import page

from schemas.extract import REVIEW_THRESHOLD, extract_records
from schemas.spelled_years import year_spellings, year_words_cut


def test_years_are_spelled_the_ways_registers_write_them():
    assert ("mot", "nghin", "chin", "tram", "bay", "muoi", "lam") in year_spellings(1975)
    assert ("mot", "ngan", "chin", "tram", "bay", "muoi", "nam") in year_spellings(1975)
    assert ("hai", "nghin", "khong", "tram", "linh", "tu") in year_spellings(2004)
    assert ("hai", "nghin", "le", "bon") in year_spellings(2004)
    assert ("hai", "nghin", "muoi", "mot") in year_spellings(2011)
    assert ("mot", "nghin", "chin", "tram", "hai", "muoi", "mot") in year_spellings(1921)
    assert ("hai", "nghin") in year_spellings(2000)


def test_words_that_stop_inside_the_digits_year_agree_as_far_as_they_go():
    assert year_words_cut("ngày mười hai tháng tư năm một nghìn chín trăm sáu", "1964-04-12")
    assert year_words_cut("ngày mồng ba tháng chín năm hai nghìn", "2017-09-03")
    assert year_words_cut("ngày mười hai tháng tư năm một nghìn chín trăm sáu mươi", "1964-04-12")


def test_words_that_say_another_date_still_disagree():
    assert not year_words_cut("ngày mười hai tháng tư năm một nghìn chín trăm năm", "1964-04-12")  # 195x
    assert not year_words_cut("ngày mười hai tháng năm năm một nghìn chín trăm sáu", "1964-04-12")  # May
    assert not year_words_cut("ngày mười ba tháng tư năm một nghìn chín trăm sáu", "1964-04-12")  # the 13th
    assert not year_words_cut("ngày mười hai tháng tư năm một nghìn chín trăm sáu mươi ba", "1964-04-12")
    assert not year_words_cut("ngày mười hai tháng tư năm một nghìn chín trăm sáu mươi tư", "1964-04-12")  # whole


CERTIFICATE = [
    "GIẤY KHAI SINH",
    "Số: 31 Quyển số: 01/1964",
    "Họ, chữ đệm, tên: Phan Văn Lộc",
    "Ngày, tháng, năm sinh: 12/04/1964",
    "Ghi bằng chữ: ngày mười hai tháng tư năm một nghìn chín trăm sáu",
    "Giới tính: Nam Dân tộc: Kinh Quốc tịch: Việt Nam",
    "Nơi sinh: xã Hoằng Lộc, huyện Hoằng Hóa, tỉnh Thanh Hóa",
]


def test_a_right_date_whose_words_were_cut_is_not_held_as_a_conflict():
    rec = extract_records([page(CERTIFICATE)], "hotich/")[0]
    date = rec["fields"]["date_of_birth"]
    assert date["value"] == "1964-04-12"
    assert not any("in words" in r for r in rec["review_reasons"])
    lines = list(CERTIFICATE)
    lines[4] = "Ghi bằng chữ: ngày mười hai tháng tư năm một nghìn chín trăm năm"  # words that say 195x
    other = extract_records([page(lines)], "hotich/")[0]
    assert any("in words" in r for r in other["review_reasons"])
    assert other["fields"]["date_of_birth"]["confidence"] < min(date["confidence"], REVIEW_THRESHOLD)
