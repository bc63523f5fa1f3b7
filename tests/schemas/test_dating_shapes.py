"""A dating short of what its reading needs: a century's numeral alone, a range's first year with a digit lost
(schemas/dating_shapes.py, read by normalize.norm_dating). Made-up values."""

from schemas.dating_shapes import century_numeral_alone, lost_first_digit
from schemas.normalize import norm_dating


def test_a_centurys_numeral_alone_is_the_century_never_confident():
    for raw, want in [("XIV", (1301, 1400)), ("Giữa XIX", (1831, 1870)), ("XV - XVI", (1401, 1600)),
                      ("nửa đầu XX", (1901, 1950))]:
        n = norm_dating(raw)
        assert (n.value["year_from"], n.value["year_to"]) == want, raw
        assert n.quality < 1.0
    assert century_numeral_alone("Cuối XIX") == "Cuối thế kỷ XIX"


def test_what_is_no_numeral_alone_is_not_read_as_a_century():
    # a speck or a digit ("I"), a word in lower case ("xi"), words of text: no century
    for raw in ("I", "xi", "Đồ gốm", "Xưa"):
        assert century_numeral_alone(raw) is None, raw
        assert norm_dating(raw).value is None, raw


def test_a_ranges_start_that_lost_its_first_digit_takes_the_ends():
    n = norm_dating("Thời Lê, niên hiệu Xxx (735 - 1760)")
    assert n.value == {"year_from": 1735, "year_to": 1760}
    assert n.quality < 1.0
    # a true start of three digits before an end across the year 1000 keeps it: the repaired one would be later
    assert norm_dating("968 - 1009").value == {"year_from": 968, "year_to": 1009}
    assert lost_first_digit("735", "1760") == 1735 and lost_first_digit("968", "1009") is None
    assert lost_first_digit("1735", "1760") is None
