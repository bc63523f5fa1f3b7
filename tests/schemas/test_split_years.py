"""A year OCR split at a narrow gap between its digits, or read with a letter for a digit, is read whole and
doubtful (sohoa.dates.join_split_year, schemas.normalize._year_from_letters)."""

import pytest

from schemas.extract import REVIEW_THRESHOLD
from schemas.normalize import norm_date
from sohoa.dates import join_split_year, parse_date


@pytest.mark.parametrize("raw,iso", [
    ("ngày 4 tháng 6 năm 19 83", "1983-06-04"),     # after "năm"
    ("ngày 4 tháng 6 năm 1 983", "1983-06-04"),
    ("21/10/198 6", "1986-10-21"),                 # after a date's separator
    ("20 07", "2007"),                             # alone in the value
    ("Nam 18 96", "1896"),                         # "năm" typed without its marks
])
def test_a_year_split_in_two_is_read_whole_and_doubtful(raw, iso):
    got = parse_date(raw)
    assert got.iso == iso
    assert got.quality < REVIEW_THRESHOLD
    assert norm_date(raw).value == iso


@pytest.mark.parametrize("raw", [
    "ngày 3 4 1990",        # a day and a month side by side: the year is written after them
    "năm 12 34",            # four digits, but no year a record holds
    "năm 19 8 5",           # three runs: not a year split once
    "Số 19 84",             # a number, not where a year stands
])
def test_runs_that_are_not_one_year_stay_apart(raw):
    assert join_split_year(raw) == (raw, False)


def test_a_whole_date_is_not_touched():
    got = parse_date("ngày 4 tháng 6 năm 1983")
    assert got.iso == "1983-06-04" and got.quality == 1.0


@pytest.mark.parametrize("raw,year", [("20z1", "2021"), ("|18g7", "1897"), ("19Z4", "1924")])
def test_a_year_with_a_letter_for_a_digit_is_repaired_and_doubtful(raw, year):
    n = norm_date(raw)
    assert n.value == year and n.quality < REVIEW_THRESHOLD


def test_a_date_whose_year_was_split_is_masked_as_a_date():
    from sohoa.dates import date_spans
    text = "Cấp lại ngày 21/10/198 6 tại xã"
    spans = [(text[f.start:f.end], f.value) for f in date_spans(text)]
    assert spans == [("21/10/198 6", "1986-10-21")]
