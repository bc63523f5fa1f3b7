"""A label that starts its row and asks about a person in many words ("… người được đăng ký khai sinh"): the
attribute's words before them are the label's too (schemas/matching.ROW_LABEL_MAX_WORDS), so "Chỗ" makes it a
place, not the date the words after it would ask alone."""

from synth import page

from ocr.result import PageText
from schemas.extract import extract_records, flatten_fields

PLACE = "xã Tân Lập, huyện Yên Sơn, tỉnh Tuyên Quang"


def fields(pg: PageText, collection: str = "hotich/") -> dict:
    return flatten_fields(extract_records([pg], collection)[0])


def test_a_place_word_before_a_long_person_phrase_ended_by_a_colon_makes_the_label_a_place():
    got = fields(page(["GIẤY KHAI SINH", "Họ và tên: Lê Văn Cường", "Ngày sinh: 03/04/2010",
                       f"Chỗ sinh ra người được đăng ký khai sinh: {PLACE}"]))
    assert got.get("place_of_birth") == PLACE
    assert got.get("date_of_birth") == "2010-04-03"



def test_a_place_word_before_a_long_person_phrase_ended_by_a_dash_makes_the_label_a_place():
    got = fields(page(["GIẤY KHAI SINH", "Họ và tên-- Lê Văn Cường", "Ngày sinh-- 03/04/2010",
                       f"Chỗ sinh ra người được đăng ký khai sinh-- {PLACE}"]))
    assert got.get("place_of_birth") == PLACE
    assert got.get("date_of_birth") == "2010-04-03"
