"""A label that starts its row and asks about a person in many words ("… người được đăng ký khai sinh"): the
attribute's words before them are the label's too (schemas/matching.ROW_LABEL_MAX_WORDS), so "Chỗ" makes it a
place, not the date the words after it would ask alone."""

from synth import line, page

from ocr.result import Line, PageText
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


def test_a_place_word_before_a_long_person_phrase_ended_by_a_wide_gap_makes_the_label_a_place():
    # one OCR line, no colon: the value after a blank of two line heights (a grid of labels and values)
    label = line("Chỗ sinh ra người được đăng ký khai sinh", 100, 256)
    value = line(PLACE, label.bbox[2] + 72, 256)
    row = Line(label.words + value.words, (100, 256, value.bbox[2], value.bbox[3]), 1)
    pg = page(["GIẤY KHAI SINH", "Họ và tên Lê Văn Cường", "Ngày sinh 03/04/2010"])
    got = fields(PageText(page=1, width=pg.width, height=pg.height + 100, lines=pg.lines + [row]))
    assert got.get("place_of_birth") == PLACE
    assert got.get("date_of_birth") == "2010-04-03"
