"""A label its colon ends (or a ruled cell's border, read as its colon) is read whole up to
LABEL_MAX_WORDS_ENDED words when every word is a label word: a person named by what they do makes labels long,
and the colon says where the label ends (matching.refine_labels)."""

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

