"""The hour written inside a date's value ("21 giờ 10 phút, ngày …") under a label read as the event's date alone is
the event's time (issue 12, part BD; schemas/hour_of_date.py, schemas/reader.py)."""

from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.hour_of_date import hour_span, in_hour, time_of_date
from schemas.layout import build_rows
from schemas.loader import load_schemas
from schemas.matching import find_labels


def test_an_hour_is_a_number_then_its_word_and_the_minutes_when_written():
    assert hour_span("21 giờ 10 phút, ngày 03 tháng 5 năm 2001".split()) == (0, 4)
    assert hour_span("vào 6 giờ, ngày 03/05/2001".split()) == (1, 3)
    assert hour_span("ngày 03/05/2001".split()) is None
    assert hour_span("giờ 10".split()) is None  # no number before the hour's word
    assert hour_span("|4 giờ 15 phút".split()) == (0, 4)  # a table's rule glued to the number


def test_the_time_field_of_a_dates_event():
    death = load_schemas()["death"]
    date = next(f for f in death.fields if f.key == "date_of_death")
    assert time_of_date(date, death).key == "time_of_death"
    birth = next(f for f in death.fields if f.key == "date_of_birth")
    assert time_of_date(birth, death) is None


def _death(label: str, when: str) -> dict:
    rows = ["TRÍCH LỤC KHAI TỬ", "Họ và tên: Lê Văn Sở", f"{label}: {when}", "Nơi chết: Trạm y tế xã"]
    return flatten_fields(extract_records([page(rows)], "hotich/")[0])


def test_the_hour_before_the_day_under_a_date_label_is_the_events_time():
    got = _death("Thời điểm tạ thế", "21 giờ 10 phút, ngày 03 tháng 5 năm 2001")
    assert got["date_of_death"] == "2001-05-03"
    assert got["time_of_death"] == "21:10"


def test_no_time_is_read_from_a_date_written_without_its_hour():
    got = _death("Thời điểm tạ thế", "ngày 03 tháng 5 năm 2001")
    assert got["date_of_death"] == "2001-05-03"
    assert "time_of_death" not in got


def test_words_inside_an_hour_are_known_as_such():
    words = "1 giờ 30 phút 27/7/2019".split()
    assert in_hour(words, 3, 4)  # "phút" ends the hour
    assert not in_hour(words, 4, 5)
    assert in_hour("ngày 3/5, 6 giờ 15 phút".split(), 5, 6)  # an hour after other words


def test_the_minutes_word_ending_an_hour_is_no_label():
    death = load_schemas()["death"]
    toks = build_rows(page([[(100, "1 giờ 30 phút"), (900, "27/7/2019")]], width=1800))[0].toks  # a gap after it
    assert find_labels(toks, death, None) == []


def test_an_hour_and_a_day_under_two_captions_the_second_one_unread():
    # (the second caption's words are no label the type knows: the first caption took them as its value, and the
    # row below, the hour and the day, was read as the date's)
    rows = ["GIẤY CHỨNG TỬ", [(100, "Họ và tên"), (900, "Ngày sinh")], [(100, "Lê Văn Sở"), (900, "03/04/1950")],
            [(100, "Giờ chết"), (900, "Ngày an giấc")], [(100, "1 giờ 30 phút"), (900, "27/7/2019")]]
    got = flatten_fields(extract_records([page(rows, width=1800)], "hotich/")[0])
    assert got["date_of_death"] == "2019-07-27"
    assert got["time_of_death"] == "01:30"
