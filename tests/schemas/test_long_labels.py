"""A label its colon ends (or a ruled cell's border, read as its colon) is read whole up to
LABEL_MAX_WORDS_ENDED words when every word is a label word: a person named by what they do makes labels long,
and the colon says where the label ends (matching.refine_labels), and a label starting its row is read from its first word on as far
(matching._starts_row_label)."""

from synth import page

from schemas.extract import extract_records, flatten_fields


def death(rows: list) -> dict:
    return flatten_fields(extract_records([page(["TRÍCH LỤC KHAI TỬ", "Họ và tên: Trần Văn Long"] + rows)],
                                          collection="hotich/")[0])


def test_a_label_of_nine_words_ended_by_its_colon_takes_its_value_from_the_row_below():
    v = death(["Ngày chết: 03/02/1990", "Tên gọi đầy đủ người đứng làm tờ khai tử:", "Lê Thị Hạnh"])
    assert v["declarant.full_name"] == "Lê Thị Hạnh" and v["full_name"] == "Trần Văn Long"


def test_a_ruled_cells_label_of_nine_words_names_the_declarant():
    v = death([[(100, "Ngày chết"), (900, "Tên gọi đầy đủ người đứng làm tờ khai tử")],
               [(100, "03/02/1990"), (900, "Lê Thị Hạnh")],
               "Ngày đăng ký: 05/02/1990"])
    assert v["declarant.full_name"] == "Lê Thị Hạnh" and v["date_of_death"] == "1990-02-03"
    assert v["registration.date"] == "1990-02-05"



def test_a_long_label_at_the_start_of_its_row_is_read_from_its_first_word():
    # read from "sinh" on, the label would ask a date; from its first words ("Địa điểm"), a place
    v = flatten_fields(extract_records([page([
        "TRÍCH LỤC KHAI SINH",
        "Họ và tên: Lê Văn Nam",
        "Ngày sinh: 02/03/2001",
        "Địa điểm sinh ra của người được đăng ký khai sinh: xã An Bình, huyện Lệ Thủy, tỉnh Quảng Bình",
    ])], collection="hotich/")[0])
    assert v["place_of_birth"] == "xã An Bình, huyện Lệ Thủy, tỉnh Quảng Bình"
    assert v["date_of_birth"] == "2001-03-02"
