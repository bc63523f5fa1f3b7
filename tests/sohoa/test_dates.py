"""The kernel's date reader: shapes of dates that say what they are not sure of."""

import pytest

from sohoa.dates import date_spans, parse_date


# -- a month in Roman numerals, a year joined to what was not read -------------------------------------------------

@pytest.mark.parametrize("text, iso", [
    ("2/IX/1945", "1945-09-02"),
    ("tháng XII-1967", "1967-12"),
    ("IV.1988", "1988-04"),
])
def test_a_month_written_in_roman_numerals_is_read_and_noted(text, iso):
    got = parse_date(text)
    assert (got.iso, got.notes) == (iso, ["month written in Roman numerals"])
    assert got.quality < 1.0


def test_a_roman_month_that_makes_no_date_is_refused():
    assert parse_date("31/IV/1950").iso is None


@pytest.mark.parametrize("text", ["I/1950", "?/1950", "ab-1950"])
def test_a_year_joined_to_a_day_or_month_not_read_is_only_the_year_and_doubtful(text):
    got = parse_date(text)
    assert (got.iso, got.quality, got.notes) == ("1950", 0.4, ["only the year could be read"])


@pytest.mark.parametrize("text", ["năm 1950", "Năm sinh: .... 1950", "---- 1950", "1950"])
def test_a_year_after_its_label_or_leaders_is_the_whole_value(text):
    assert parse_date(text).quality >= 0.9 and parse_date(text).notes == []


def test_a_date_with_a_roman_month_is_found_in_free_text_as_it_is_read():
    text = "Nhập ngũ ngày 2/IX/1965 tại Hà Tĩnh"
    spans = date_spans(text)
    assert [(text[f.start:f.end], f.value) for f in spans] == [("2/IX/1965", "1965-09-02")]


def test_a_code_s_part_that_looks_like_a_roman_month_is_not_a_date():
    assert date_spans("Số đăng ký BTBN-V-2001") == []
