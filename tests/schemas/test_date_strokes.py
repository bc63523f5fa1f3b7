"""A date's slash read as a 7 or a 1 on a worn page (issue 12, part BK): "DD?MM?YYYY" and "MM?YYYY" with a digit
where a separator stands are the date, doubtfully (schemas/date_strokes.py). Made-up dates."""

from synth import page

from schemas.date_strokes import separators_read_as_digits
from schemas.extract import extract_records, flatten_fields
from schemas.normalize import normalise


def test_a_slash_read_as_a_digit_is_read_back():
    assert separators_read_as_digits("24/0771986") == "24/07/1986"
    assert separators_read_as_digits("2410771986") == "24/07/1986"
    assert separators_read_as_digits("24-0171986") == "24/01/1986"
    assert separators_read_as_digits("0971962") == "09/1962"
    assert separators_read_as_digits("0911962,") == "09/1962"


def test_digits_laid_out_otherwise_or_out_of_range_are_no_date():
    assert separators_read_as_digits("24/07/1986") is None  # a plain date is the date reader's
    assert separators_read_as_digits("09/1962") is None
    assert separators_read_as_digits("4271986") is None  # no month 42
    assert separators_read_as_digits("0971362") is None  # no year 1362
    assert separators_read_as_digits("3571986") is None
    assert separators_read_as_digits("24071986") is None  # eight digits: no separator read as one
    assert separators_read_as_digits("0961962") is None  # a 6 is no slash
    assert separators_read_as_digits("24 0771986") is None


def test_the_date_is_read_doubtfully():
    n = normalise("date", "24/0771986")
    assert n.value == "1986-07-24" and n.quality < 1
    n = normalise("date", "0971962")
    assert n.value == "1962-09" and n.quality < 1


def test_a_martyrs_enlistment_month_read_with_its_slash_as_a_seven():
    rows = ["GIẤY BÁO TỬ", "Họ và tên: Lê Quang Hải", "Sinh năm: 1941", "Nhập ngũ: 0971962",
            "Hy sinh ngày: 04/07/1972"]
    rec = extract_records([page(rows)], "lietsi/")[0]
    assert flatten_fields(rec)["enlistment_date"] == "1962-09"
    assert rec["fields"]["enlistment_date"]["confidence"] < 0.9
