"""A museum object's dating in the ways cards write it (schemas/normalize.norm_dating): both spellings of
"thế kỷ", halves, ranges of centuries with their parts, ranges joined by words, decades of a century."""

import pytest

from schemas.normalize import norm_dating


@pytest.mark.parametrize("raw,lo,hi", [
    ("Nửa cuối thế kỷ 16", 1551, 1600),  # the second half, not the last thirty years
    ("Nửa đầu thế kỷ 16", 1501, 1550),
    ("Thế kỉ 16", 1501, 1600),  # "kỉ" is as much Vietnamese as "kỷ"
    ("Giữa thế kỉ 16", 1531, 1570),
    ("TK. 16", 1501, 1600),
    ("Cuối thế kỷ 16 - đầu thế kỷ 17", 1571, 1630),
    ("Giữa TK 16 – cuối TK 17", 1531, 1700),
    ("Cuối thế kỷ 16, đầu thế kỷ 17", 1571, 1630),
    ("Thế kỷ 16 đến thế kỷ 17", 1501, 1700),
    ("Từ 1612 đến 1630", 1612, 1630),
    ("Khoảng 1612 tới 1630", 1612, 1630),
    ("Những năm 40 của thế kỷ 19", 1840, 1849),
    ("Thập niên 40 (TK 19)", 1840, 1849),
    ("Thập kỷ 1840", 1840, 1849),
    ("Cuối thế kỷXVI - đầu thế kỷXVII", 1571, 1630),  # the numeral glued to "kỷ" as OCR reads it
    ("Thế kỉXVI", 1501, 1600),
])
def test_datings_written_in_words(raw, lo, hi):
    assert norm_dating(raw).value == {"year_from": lo, "year_to": hi}


def test_a_long_roman_numeral_stays_doubtful_in_a_range_of_parts():
    n = norm_dating("Cuối thế kỷ XVIII - đầu thế kỷ XIX")
    assert n.value == {"year_from": 1771, "year_to": 1830} and n.quality < 1.0


def test_a_range_of_centuries_before_the_common_era():
    assert norm_dating("Thế kỷ 2 đến thế kỷ 3 TCN").value == {"year_from": -300, "year_to": -101}
