"""A date written out in words whose pieces no label placed is the date's second reading (schemas.restated_dates,
checks.check_unplaced_date_words). Made-up dates."""

from schemas.checks import check_unplaced_date_words
from schemas.fields import Draft, Found
from schemas.loader import load_schemas
from schemas.restated_dates import date_words, unplaced_date_words


def _pair(label: str, value: str) -> dict:
    return {"label": label, "value": value, "page": 1, "bbox": None}


WRAPPED = [_pair("Quê quán", "xã An Hòa"), _pair("Viết thành chữ", "ngày mồng hai tháng bảy năm một"),
           _pair("", "nghìn chín trăm chín mươi mốt"), _pair("", "Kinh")]


def test_only_the_words_of_a_date_written_out_are_date_words():
    assert date_words("nghìn chín trăm chín mươi mốt") == ["nghin", "chin", "tram", "chin", "muoi", "mot"]
    assert date_words("Viết thành chữ") is None
    assert date_words("ngày 2 tháng 7") is None  # digits: no date written out
    assert date_words("") is None


def test_the_pieces_of_a_wrapped_date_are_read_together():
    text, taken = unplaced_date_words(WRAPPED)
    assert text == "ngay mong hai thang bay nam mot nghin chin tram chin muoi mot"
    assert taken == [1, 2]


def test_a_pair_of_number_words_that_opens_no_date_is_none():
    assert unplaced_date_words([_pair("Số", "hai mươi"), _pair("", "ba")]) is None


def _birth_draft(unmapped: list[dict], dob: str) -> tuple[Draft, Found]:
    schema = load_schemas()["birth"]
    d = Draft("birth", schema, [1], unmapped=list(unmapped))
    f = Found(schema.by_key["date_of_birth"], [], None, 1.0, 1, raw=dob, value=dob, confidence=0.9)
    d.fields["date_of_birth"] = f
    return d, f


def test_words_that_agree_confirm_the_date_and_leave_the_unplaced_pairs():
    d, f = _birth_draft(WRAPPED, "1991-07-02")
    check_unplaced_date_words(d, f)
    assert f.confirmed and f.confidence > 0.9
    assert [u["value"] for u in d.unmapped] == ["xã An Hòa", "Kinh"]


def test_words_cut_short_agree_as_far_as_they_go():
    d, f = _birth_draft([_pair("tháng mười năm một", "nghìn chín trăm bảy mươi chín")], "1979-10-05")
    check_unplaced_date_words(d, f)
    assert not f.confirmed and f.confidence == 0.9 and d.unmapped == []


def test_words_that_say_another_date_stay_listed():
    # another of the form's dates written out, maybe: no label says which, so review places it
    d, f = _birth_draft(WRAPPED, "1991-07-03")
    check_unplaced_date_words(d, f)
    assert not f.confirmed and f.confidence == 0.9 and len(d.unmapped) == 4
