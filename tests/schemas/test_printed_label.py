"""Words beside a label that are the form's print, another field's label, are no value: the value is looked for under
the label, in its own column, and the print is listed as a label (schemas/printed_label.py, schemas/reader.py)."""

from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.loader import load_schemas
from schemas.printed_label import reads_as_print

SCHEMAS = load_schemas()


def _spec(record_type: str, key: str):
    return next(f for f in SCHEMAS[record_type].fields if f.key == key)


def _read(lines: list, collection: str) -> dict:
    return extract_records([page(lines, width=1800)], collection)[0]


def test_a_heading_beside_a_label_is_print_and_the_values_are_under_each():
    # two headings OCR read as one line, the second in words no list holds ("Danh tính người đứng khai" names the
    # declarant), the values under each: the cause is the words under its heading, never the next heading
    rec = _read(["TRÍCH LỤC KHAI TỬ", "Họ và tên: Phạm Văn Hùng", "Nguyên nhân chết Danh tính người đứng khai",
                 [(100, "Ung thư gan"), (406, "Trần Văn Nam")]], "hotich/")
    flat = flatten_fields(rec)
    assert flat.get("cause_of_death") == "Ung thư gan"
    assert flat.get("declarant.full_name") == "Trần Văn Nam"


def test_a_tie_under_its_label_beside_the_next_heading_is_read():
    # a tie's label, then the office's heading on the same line: the tie is the word under its own label, and the
    # heading, with the office under it, is listed for review, never dropped
    rec = _read(["TRÍCH LỤC KHAI TỬ", "Họ và tên: Phạm Văn Hùng", "Quan hệ với người chết Cơ quan đăng ký khai tử",
                 [(100, "Con trai"), (700, "Ủy ban nhân dân xã An Bình")]], "hotich/")
    assert flatten_fields(rec).get("declarant.relation") == "Con trai"
    assert "Cơ quan đăng ký khai tử" in [u["label"] for u in rec["unmapped"]]


def test_a_labels_lower_case_run_on_is_no_print():
    # "của người đi khai tử" goes on with the label "Họ và tên": the whole names the declarant, whose name is below
    rec = _read(["TRÍCH LỤC KHAI TỬ", "Họ và tên: Phạm Văn Hùng", "Họ và tên của người đi khai tử", "Trần Văn Nam"],
                "hotich/")
    assert flatten_fields(rec).get("declarant.full_name") == "Trần Văn Nam"


def test_words_naming_another_field_are_print():
    assert reads_as_print(SCHEMAS["death"], _spec("death", "cause_of_death"), "Họ tên người đứng khai".split())
    assert reads_as_print(SCHEMAS["museum_object"], _spec("museum_object", "condition"), "NƠI CẤT GIỮ".split())


def test_a_value_in_its_own_fields_words_is_no_print():
    # a cause of death says "bệnh", a burial place "nghĩa trang", an office "ủy ban": words of their own labels
    assert not reads_as_print(SCHEMAS["death"], _spec("death", "cause_of_death"), "Bệnh phổi".split())
    assert not reads_as_print(SCHEMAS["martyr"], _spec("martyr", "burial_place"), "Nghĩa trang liệt sĩ Xxx".split())
    assert not reads_as_print(SCHEMAS["death"], _spec("death", "registration.office"),
                              "Ủy ban nhân dân xã An Bình".split())


def test_a_tie_an_address_a_number_and_a_name_are_no_print():
    assert not reads_as_print(SCHEMAS["death"], _spec("death", "declarant.relation"), "Con trai".split())
    assert not reads_as_print(SCHEMAS["death"], _spec("death", "place_of_death"),
                              "Tại nhà riêng, xã An Bình, huyện Yên Lạc".split())
    assert not reads_as_print(SCHEMAS["death"], _spec("death", "death_notice.number"), "12/GBT".split())
    assert not reads_as_print(SCHEMAS["death"], _spec("death", "declarant.full_name"), "Trần Văn Nam".split())


def test_a_row_of_headings_under_a_label_is_no_value():
    # a heading with nothing beside it, the next row of headings under it (its note in brackets holds a digit, the
    # print's own): that row is print, never the mother's name; the year under its own heading is still read
    rec = _read(["GIẤY KHAI SINH", "Họ và tên: Phạm Văn Hùng", [(100, "Tên người mẹ"), (900, "Dân tộc")],
                 [(100, "Năm sinh (ghi 4 chữ số) của người mẹ")], [(100, "Trần Thị Lan"), (900, "Kinh")], [(100, "1960")]],
                "hotich/")
    flat = flatten_fields(rec)
    assert flat.get("mother.full_name") in (None, "Trần Thị Lan")
    assert flat.get("mother.birth_year") == "1960"


def test_a_digit_inside_a_note_is_the_prints_own():
    spec = _spec("birth", "mother.full_name")
    assert reads_as_print(SCHEMAS["birth"], spec, "Năm sinh (ghi 4 chữ số) của người mẹ".split())
    assert not reads_as_print(SCHEMAS["birth"], spec, "Năm sinh 1960 của người mẹ".split())


def test_a_heading_with_its_note_after_a_code_ends_the_number():
    # a certificate's number whose code has letters, then the next heading in capitals with its note in brackets:
    # the heading is print, cut off, not the code going on ("12/QĐ UBND" keeps its letters)
    from schemas.label_edges import label_tail
    spec = _spec("war_invalid", "certificate.number")
    assert label_tail(spec, "HN/4521 HỌ TÊN (CHỮ IN HOA) NGƯỜI ĐƯỢC CẤP".split()) == 8
    assert label_tail(spec, "12/QĐ UBND".split()) == 0


def test_another_fields_heading_beside_a_closed_fields_label_is_print():
    # (issue 12, part BF) a closed field's label ("Dân tộc") with the next column's heading beside it: the heading
    # reads as no group, so it is print and the group under the label is its value; words the normaliser reads as
    # the field's value are never print, even when they are label words (a date in words, a sex)
    assert reads_as_print(SCHEMAS["death"], _spec("death", "ethnicity"), "Danh tính người đứng khai".split())
    assert not reads_as_print(SCHEMAS["death"], _spec("death", "date_of_death"), "ngày mười lăm tháng ba".split())
    assert not reads_as_print(SCHEMAS["death"], _spec("death", "sex"), "Nam giới".split())
    rec = _read(["TRÍCH LỤC KHAI TỬ", "Họ và tên: Ông Văn Lộc", "Dân tộc Danh tính người đứng khai",
                 [(100, "Mường"), (406, "Ông Thị Hạnh")]], "hotich/")
    flat = flatten_fields(rec)
    assert flat.get("ethnicity") == "Mường"
    assert flat.get("declarant.full_name") == "Ông Thị Hạnh"


def test_a_row_that_ends_in_a_whole_caption_after_another_is_print():
    # (issue 12, part BJ) a caption in words no list holds ("Vết nứt"), then a caption of the type, whichever
    # field it names, this one too: a row of captions, never the value of the label above it
    spec = _spec("museum_object", "storage_location")
    assert reads_as_print(SCHEMAS["museum_object"], spec, "Vết nứt Nơi bảo quản".split())
    assert reads_as_print(SCHEMAS["museum_object"], _spec("museum_object", "origin"), "Vết nứt Niên đại".split())
    # a value ending in words of its own, or running on in lower case, is no caption
    assert not reads_as_print(SCHEMAS["museum_object"], spec, "Kho Gốm sứ".split())
    assert not reads_as_print(SCHEMAS["martyr"], _spec("martyr", "burial_place"),
                              "Nghĩa trang liệt sĩ xã An Bình".split())


def test_an_offices_name_that_ends_in_a_persons_word_is_no_caption_row():
    # capitalised words of an office's name, the last of them naming a person ("Thương binh"): no caption asks
    spec = _spec("war_invalid", "decision.issuer")
    assert not reads_as_print(SCHEMAS["war_invalid"], spec, "Sở Lao động - Thương binh".split())
