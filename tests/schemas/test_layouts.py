"""Labels in the layouts forms print (inline, numbered items, a label/value grid with no punctuation, the value
on the line below its label; ending with ":", "." or " -"), labels holding a word the vocabulary lacks, values
that say what they are, and a person's field never confident when the label may name someone else."""

import pytest
from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.gazetteer import is_place
from schemas.labels import meaning, resolve
from schemas.layout import is_item_number
from schemas.loader import load_schemas

SCHEMAS = load_schemas()

# (label, value as printed, key, value as stored); "Zzz" stands for a word no vocabulary holds
FIELDS = [
    ("Họ và tên", "Nguyễn Văn An", "full_name", "Nguyễn Văn An"),
    ("Ngày, tháng, năm sinh", "05/03/1972", "date_of_birth", "1972-03-05"),
    ("Zzz giới tính", "Nam", "sex", "male"),
    ("Zzz dân tộc", "Tày", "ethnicity", "Tày"),
    ("Zzz quốc tịch", "Việt Nam", "nationality", "Việt Nam"),
    ("Nơi sinh", "xã Tam Sơn, huyện Từ Sơn, tỉnh Bắc Ninh", "place_of_birth", "xã Tam Sơn, huyện Từ Sơn, tỉnh Bắc Ninh"),
    ("Họ và tên mẹ", "Trần Thị Lan", "mother.full_name", "Trần Thị Lan"),
    ("Nơi cư trú của người mẹ", "xã Tam Sơn, huyện Từ Sơn", "mother.residence", "xã Tam Sơn, huyện Từ Sơn"),
    ("Sổ đăng ký", "05/1972", "registration.book", "05/1972"),
]


def _form(layout: str, stop: str):
    rows = ["GIẤY KHAI SINH"]
    for n, (label, value, _, _) in enumerate(FIELDS, 1):
        text = label + stop
        if layout == "inline":
            rows.append(f"{text} {value}")
        elif layout == "numbered":
            rows.append(f"{n}. {text} {value}")
        elif layout == "grid":
            rows.append([(100, label), (700, value)])
        else:  # below
            rows.append(text)
            rows.append([(160, value)])
    return page(rows)


@pytest.mark.parametrize("layout,stop", [(lay, stop) for lay in ("inline", "numbered", "below")
                                         for stop in (":", ".", " -")] + [("grid", "")])
def test_every_layout_and_stop_reads_every_field(layout, stop):
    record = extract_records([_form(layout, stop)], "hotich/")[0]
    flat = flatten_fields(record)
    wrong = {key: flat.get(key) for _, _, key, want in FIELDS if flat.get(key) != want}
    assert not wrong, wrong


def test_item_numbers_are_no_label_or_value():
    assert all(is_item_number(x) for x in ("1.", "12)", "a)", "IV.", "(3)"))
    assert not any(is_item_number(x) for x in ("1972.", "Số.", "05/03", "ab)"))


def test_a_word_is_read_as_written_before_folded():
    assert meaning("Sổ").attrs == {"book"} and meaning("Số").attrs == {"number"}
    assert meaning("So").attrs == {"number"}  # typed without marks: the common reading
    assert meaning("Tên má").roles == {"mother"}


def test_a_field_may_need_one_of_several_sets_of_words():
    s = SCHEMAS["museum_object"]
    assert [x.key for x in resolve("Mã hiện vật", s).specs] == ["inventory_number"]
    assert [x.key for x in resolve("Số", s).specs] == ["inventory_number"]


def test_column_titles_are_read_by_meaning():
    rows = ["SỔ ĐĂNG KÝ HIỆN VẬT",
            [(100, "STT"), (250, "Mã hiện vật"), (600, "Tên hiện vật"), (1000, "Làm bằng"), (1300, "Thời kỳ")],
            [(100, "1"), (250, "G.3173"), (600, "Áo the"), (1000, "Vải"), (1300, "Thế kỷ XIX")],
            [(100, "2"), (250, "G.3174"), (600, "Bình gốm"), (1000, "Gốm"), (1300, "Thế kỷ XVIII")]]
    records = extract_records([page(rows)], "baotang/")
    got = [(r["fields"]["inventory_number"]["value"], r["fields"]["name"]["value"],
            r["fields"]["material"]["value"]) for r in records]
    assert got == [("G.3173", "Áo the", "Vải"), ("G.3174", "Bình gốm", "Gốm")]


def test_a_value_says_what_a_role_alone_asks():
    rows = ["GIẤY KHAI SINH", "Họ và tên: Nguyễn Văn An", "Mẹ: Trần Thị Lan", "Mẹ: Tày",
            "Mẹ: xã Tam Sơn, huyện Từ Sơn, tỉnh Bắc Ninh"]
    flat = flatten_fields(extract_records([page(rows)], "hotich/")[0])
    assert flat["mother.full_name"] == "Trần Thị Lan"
    assert flat["mother.ethnicity"] == "Tày"
    assert flat["mother.residence"] == "xã Tam Sơn, huyện Từ Sơn, tỉnh Bắc Ninh"


def test_a_person_field_whose_label_may_name_someone_else_is_never_confident():
    # "Zzz" may be a role word the vocabulary lacks: the name is kept, for a person to confirm
    rows = ["GIẤY KHAI SINH", "Họ và tên: Nguyễn Văn An", "Họ tên zzz: Trần Thị Lan"]
    record = extract_records([page(rows)], "hotich/")[0]
    flat = flatten_fields(record)
    placed = [k for k, v in flat.items() if v == "Trần Thị Lan"]
    assert set(placed) <= set(record["doubtful"])
    assert record["needs_review"]


def test_places_are_told_from_names():
    assert is_place("xã Tam Sơn, huyện Từ Sơn")
    assert is_place("Từ Sơn, Bắc Ninh")  # no level word: the gazetteer knows the district and the province
    assert is_place("Tu Son, Bac Ninh")
    assert not is_place("Nguyễn Văn An")
    assert not is_place("Hà")  # a one-word province name is also a given name
    assert not is_place("Việt Nam")


@pytest.mark.parametrize("label", ["Quan hệ với người được khai sinh", "Quan hệ với trẻ", "Là gì của trẻ"])
@pytest.mark.parametrize("layout", ["inline", "below"])
def test_a_relation_is_a_persons_word_even_alone_below_its_label(label, layout):
    rows = ["GIẤY KHAI SINH", "Họ và tên: Nguyễn Văn An", "Họ và tên mẹ: Trần Thị Lan",
            "Họ tên người đi khai sinh: Trần Thị Lan"]
    if layout == "inline":
        rows += [f"{label}: Mẹ", "Nơi đăng ký: Ủy ban nhân dân xã Tam Sơn"]
    else:
        rows += [f"{label}.", [(160, "Mẹ")], "Nơi đăng ký.", [(160, "Ủy ban nhân dân xã Tam Sơn")]]
    flat = flatten_fields(extract_records([page(rows)], "hotich/")[0])
    assert flat["declarant.relation"] == "Mẹ"
    assert flat["registration.office"] == "Ủy ban nhân dân xã Tam Sơn"
    assert flat["mother.full_name"] == "Trần Thị Lan"


def test_a_measure_column_whose_title_was_not_read_is_split_off_by_its_values():
    rows = ["SỔ ĐĂNG KÝ HIỆN VẬT",
            [(100, "STT"), (250, "Số kiểm kê"), (600, "Tên hiện vật"), (1000, "Chất liệu"), (1250, "Zzz yyy"),
             (1700, "Niên đại")],
            [(100, "1"), (250, "G.3173"), (600, "Áo the"), (1000, "Vải"), (1250, "Dài 45 cm"), (1700, "Thế kỷ XIX")]]
    v = flatten_fields(extract_records([page(rows)], "baotang/")[0])
    assert v["material"] == "Vải"
    assert v["dimensions"] == {"length_cm": 45.0}


def test_a_value_in_title_case_after_a_wording_is_no_more_of_its_label():
    rows = ["GIẤY CHỨNG NHẬN THƯƠNG BINH", "Họ và tên: Nguyễn Văn An",
            "Quyết định số: 1291/QĐ-LĐTBXH ngày 15/04/1957 của Sở Lao động - Thương binh và Xã hội tỉnh Bắc Ninh"]
    v = flatten_fields(extract_records([page(rows)], "nguoicocong/")[0])
    assert v["decision.issuer"] == "Sở Lao động - Thương binh và Xã hội tỉnh Bắc Ninh"


def test_a_name_or_material_column_whose_title_was_not_read_is_split_off_by_what_it_is():
    rows = ["SỔ ĐĂNG KÝ HIỆN VẬT",
            [(100, "STT"), (250, "Số kiểm kê"), (1000, "Chất liệu"), (1400, "Kích thước"), (1800, "Niên đại")],
            [(100, "1"), (250, "G.484"), (500, "Ống nhổ"), (1000, "Đồng"), (1400, "Cao 12 cm"), (1800, "Thế kỷ XIX")]]
    v = flatten_fields(extract_records([page(rows)], "baotang/")[0])
    assert v["inventory_number"] == "G.484" and v["name"] == "Ống nhổ" and v["material"] == "Đồng"
    rows = ["SỔ ĐĂNG KÝ HIỆN VẬT",
            [(100, "STT"), (250, "Số kiểm kê"), (500, "Tên hiện vật"), (1400, "Kích thước"), (1800, "Niên đại")],
            [(100, "1"), (250, "G.485"), (500, "Áo the"), (1000, "Vải"), (1400, "Cao 12 cm"), (1800, "Thế kỷ XIX")]]
    v = flatten_fields(extract_records([page(rows)], "baotang/")[0])
    assert v["name"] == "Áo the" and v["material"] == "Vải"


def test_a_province_or_district_cut_short_and_the_words_that_complete_it():
    from schemas.gazetteer import completes_unit, cut_unit
    assert cut_unit("xã Vân Tương, huyện Gia Bình, tỉnh Bắc") == ("tinh", "bac")
    assert cut_unit("huyện Gia Bình, tỉnh Bắc Giang") is None  # a whole name
    assert cut_unit("xã Tam Sơn") is None  # no province or district last
    assert completes_unit("…, tỉnh Bắc", ["Giang"]) == 1
    assert completes_unit("…, tỉnh Hà", ["Bắc"]) == 1  # a province of the older records
    assert completes_unit("xã Tam Sơn, huyện Thuận", ["Thành,", "tỉnh", "Bắc", "Giang"]) == 1
    assert completes_unit("…, tỉnh Bắc", ["Hà"]) == 0  # no "Bắc Hà" province: the line is no rest of it
    assert completes_unit("…, tỉnh Bắc Ninh", ["Giang"]) == 0  # not cut


def test_a_level_word_ending_the_line_takes_its_whole_name_from_the_next():
    from schemas.gazetteer import completes_unit
    assert completes_unit("phường Tân Trào, thành phố", ["Tuyên", "Quang,", "tỉnh"]) == 2
    assert completes_unit("xã Kỳ Phong, huyện", ["Đức", "Thọ,"]) == 2
    assert completes_unit("xã Kỳ Phong, huyện", ["Họ", "tên"]) == 0  # no district of that name: not its rest
    # "Tĩnh" of "tỉnh Hà Tĩnh" is a name as written, no level word waiting for one
    assert completes_unit("xã Kỳ Phong, tỉnh Hà Tĩnh", ["Quảng", "Bình"]) == 0
