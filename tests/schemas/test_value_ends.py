"""Where a value ends: an address runs from its smallest unit up to its province, and what the gazetteer knows
of its units says where it stops and what a doubtful word inside it is."""

import pytest
from synth import page

from schemas.extract import extract_records
from schemas.gazetteer import address_end, begins_unit_name, chain_goes_on


@pytest.mark.parametrize("raw, end", [
    # the next label run in after the province ("Mã định danh …"), or specks read as letters
    ("phường Tùng Ảnh, thành phố Hà Tĩnh, tỉnh Hà Tĩnh Mã định danh 038152148284", 10),
    ("xã An Thạnh, huyện Mỏ Cày Nam, tỉnh Bến Tre y Io000Ä 3BEMI", 10),
    # a district is the top when the province goes without saying
    ("xã Tân Xuân, huyện Giồng Trôm Ngày sinh 1950", 6),
    # nothing smaller comes after a province: another column's district on the same row
    ("tỉnh Quảng Bình Bố Trạch, tỉnh Quảng Bình", 3),
])
def test_words_after_the_top_unit_are_no_part_of_the_address(raw, end):
    assert address_end(raw.split()) == end


@pytest.mark.parametrize("raw", [
    "xã Tân Xuân, huyện Giồng Trôm, tỉnh Bến Tre",  # whole
    "xã Võ Cường, tỉnh Bắc Giang, Việt Nam",  # the country after a comma
    "xã Vĩnh Thành, huyện Mỏ Cày Nam tỉnh Bến Tre",  # a comma lost before the next level word
    "xã Thạch Kênh, huyện Thạch Hà Hà Tĩnh",  # … before a province named without its level word
    "huyện Mỏ Cày Nam",  # the longest name the gazetteer knows, not "Mỏ Cày" and a word
    "tỉnh Bắc Giang. Nay thuộc tỉnh Bắc Ninh",  # a stop parts them (after_province's case)
    "tỉnh Hà Nam Ninh",  # a former province: its whole name
])
def test_an_address_that_does_not_run_on_is_left_whole(raw):
    assert address_end(raw.split()) is None


def test_a_short_doubtful_word_after_a_level_word_is_the_units_name_not_a_speck():
    assert begins_unit_name("huyện", "Mỗ") and begins_unit_name("huyện", "Giồng")
    assert not begins_unit_name("huyện", "Qx") and not begins_unit_name("Tên", "Mỗ")
    rec = extract_records([page(["GIẤY CHỨNG NHẬN THƯƠNG BINH", "Họ và tên: Ứng Chí Quân",
                                 "Quê quán: xã Vĩnh Thành, huyện Mỗ@0.41",
                                 "Cày Nam, tỉnh Bến Tre"])], "nguoicocong/")[0]
    got = rec["fields"]["hometown"]
    assert got["value"] == "xã Vĩnh Thành, huyện Mỏ Cày Nam, tỉnh Bến Tre"
    # a speck read as two letters after no level word is still a speck
    rec = extract_records([page(["GIẤY CHỨNG NHẬN THƯƠNG BINH", "Họ và tên: Ứng Chí Quân",
                                 "Quê quán: xã Vĩnh Thành, huyện Mỏ Cày Nam, tỉnh Bến Tre Mỗ@0.41"])],
                          "nguoicocong/")[0]
    assert rec["fields"]["hometown"]["value"] == "xã Vĩnh Thành, huyện Mỏ Cày Nam, tỉnh Bến Tre"


def test_a_label_run_into_an_address_is_listed_as_another_pair():
    rec = extract_records([page(["GIẤY CHỨNG NHẬN KẾT HÔN", "Họ và tên chồng: Bạch Tự Quân",
                                 "Nơi cư trú: xã Thạch Kênh, huyện Đức Thọ, tỉnh Hà Tĩnh Mã nhận dạng 042095048353"])],
                          "hotich/")[0]
    got = rec["fields"]["husband"]["residence"]
    assert got["value"] == "xã Thạch Kênh, huyện Đức Thọ, tỉnh Hà Tĩnh"
    assert any("left out" in n for n in got["notes"])
    # listed for review, or placed by the record-wide decoding as its value says (never confidently)
    listed = [u for u in rec["unmapped"] if u["label"] == "Mã nhận dạng"]
    placed = rec["fields"]["husband"].get("personal_id")
    assert listed and listed[0]["value"] == "042095048353" or placed and placed["value"] == "042095048353" \
        and placed["confidence"] < 0.995


@pytest.mark.parametrize("words, below, goes_on", [
    ("thôn 5, xã Xuân Lập,", "huyện Hoằng Hóa, tỉnh Thanh Hóa", True),
    ("UBND phường Mỹ Bằng", "huyện Yên Sơn, tỉnh Tuyên Quang", True),
    ("xã Tân Xuân, huyện Giồng Trôm", "tỉnh Bến Tre", True),
    ("xã Tân Xuân, huyện Giồng Trôm, tỉnh Bến Tre", "huyện Chợ Lách", False),  # a province ends it
    ("huyện Giồng Trôm", "xã Tân Xuân", False),  # a lower unit: another value
    ("xã Tân Xuân", "Ngày sinh: 1950", False),
    ("huyện Quảng Trạch,", "tỉnh Quảng Bình Bố Trạch, tỉnh Quảng Bình", True),  # (the reader takes no such row:
    # past its top unit it holds another column's words; test_a_row_holding_more_than_the_address_is_not_taken)
    ("Bệnh viện đa khoa", "huyện Giồng Trôm", False),  # no unit named: no address to go on
])
def test_an_address_short_of_its_province_goes_on_with_a_higher_unit(words, below, goes_on):
    assert chain_goes_on(words.split(), below.split()) is goes_on


def test_an_office_named_by_its_unit_goes_on_with_the_unit():
    assert chain_goes_on("Ủy ban nhân dân".split(), "xã Nga Điền,".split())
    assert chain_goes_on("UBND phường Mỹ Bằng, .".split(), '"huyện Yên Sơn, tỉnh Tuyên Quang'.split())
    assert not chain_goes_on("Ủy ban nhân dân".split(), "Ngày đăng ký: 12/12/1993".split())


def test_a_place_opening_with_the_date_its_short_label_follows_gives_the_date_its_field():
    # "Hy sinh tại …" reads as the place of death's label, but its value opens with a date and the place's own
    # "tại" (which follows the date of death): the date is the date of death's, the rest the place
    rows = ["BẰNG TỔ QUỐC GHI CÔNG", "Họ và tên liệt sĩ: Phùng Hoài Danh",
            "Hy sinh tại chiến trường: 22/10/1956 tại Mặt trận Vị Xuyên, Hà Giang"]
    rec = extract_records([page(rows)], "nguoicocong/")[0]
    assert rec["fields"]["place_of_death"]["value"] == "Mặt trận Vị Xuyên, Hà Giang"
    assert rec["fields"]["date_of_death"]["value"] == "1956-10-22"
    # words before "tại" that are no date stay the place's: "Bệnh viện 7 tại Hà Nội" names no date
    rows[2] = "Hy sinh tại: Trạm xá 7 tại Mặt trận Vị Xuyên"
    rec = extract_records([page(rows)], "nguoicocong/")[0]
    assert rec["fields"]["place_of_death"]["value"] == "Trạm xá 7 tại Mặt trận Vị Xuyên"
    assert "date_of_death" not in rec["fields"]


def test_an_address_short_of_its_province_takes_the_higher_units_from_the_row_below():
    from schemas.extract import flatten_fields
    rows = ["GIẤY KHAI SINH", "Họ, chữ đệm, tên: Lê Văn An", "Họ, chữ đệm, tên người mẹ: Trần Thị Lan",
            "Nơi cư trú: thôn 5, xã Xuân Lập, .......", "huyện Thọ Xuân, tỉnh Thanh Hóa", "Dân tộc: Kinh"]
    got = flatten_fields(extract_records([page(rows)], "hotich/")[0])
    assert got["mother.residence"] == "thôn 5, xã Xuân Lập, huyện Thọ Xuân, tỉnh Thanh Hóa"
    # (the dotted leader says the line ended there: only the order of the units says the next row goes on)
    # a row below that opens with no higher unit than the address named is another value's
    rows[4] = "xã Thọ Lập, tỉnh Thanh Hóa"
    got = flatten_fields(extract_records([page(rows)], "hotich/")[0])
    assert got["mother.residence"] == "thôn 5, xã Xuân Lập"


@pytest.mark.parametrize("rows", [
    # a label read by its meaning ("Số GBT"): its followers are cut from its value; the issuer's own
    # follower ends the row, its value on the next
    ["Số GBT: 35/GBT do Trung tâm y tế xã cấp ngày", "07/04/2022"],
    # the follower's words themselves part over the two rows
    ["Số GBT: 35/GBT do Trung tâm y tế xã cấp", "ngày 07/04/2022"],
])
def test_a_number_do_issuer_cap_ngay_date_value_splits_by_its_short_labels_over_rows(rows):
    from schemas.extract import flatten_fields
    got = flatten_fields(extract_records([page(["GIẤY CHỨNG TỬ", "Họ và tên: Lê Văn An", *rows,
                                                "Nơi chết: Nhà riêng"])], "hotich/")[0])
    assert got["death_notice.number"] == "35/GBT"
    assert got["death_notice.issuer"] == "Trung tâm y tế xã"
    assert got["death_notice.date"] == "2022-04-07"


def test_a_short_doubtful_given_name_after_a_name_is_no_speck():
    from schemas.extract import flatten_fields
    rows = ["GIẤY KHAI SINH", "Họ, chữ đệm, tên: Phùng Hoài Uy@0.57", "Giới tính: Nam"]
    assert flatten_fields(extract_records([page(rows)], "hotich/")[0])["full_name"] == "Phùng Hoài Uy"
    # two doubtful letters no name uses, or in lower case, are still specks
    for speck in ("Qx@0.57", "uy@0.57"):
        rows[1] = f"Họ, chữ đệm, tên: Phùng Hoài Danh {speck}"
        assert flatten_fields(extract_records([page(rows)], "hotich/")[0])["full_name"] == "Phùng Hoài Danh"


@pytest.mark.parametrize("value, want", [
    ("HIỆN NAY Việt Nam", "Việt Nam"),  # label words in capitals before the country's name
    ("hiện tại Việt Nam", "Việt Nam"),
    ("HIỆN XYZ Việt Nam", "HIỆN XYZ Việt Nam"),  # a word no label uses: left for review, not cut
])
def test_label_words_before_a_countrys_name_are_the_labels(value, want):
    from schemas.label_edges import label_head
    from schemas.loader import load_schemas
    spec = load_schemas()["birth"].by_key["nationality"]
    words = value.split()
    assert " ".join(words[label_head(spec, words):]) == want


@pytest.mark.parametrize("value, want", [
    # a label the vocabulary reads whole, in Title case, before the address
    ("Họ tên người đi khai báo thôn 9, xã Phú Lâm", "thôn 9, xã Phú Lâm"),
    ("Đăng ký tại xã Đa Lộc, huyện Nga Sơn", "xã Đa Lộc, huyện Nga Sơn"),
    # a place's own words before its units, which labels do not use, stay
    ("Nhà riêng tại xóm 7, xã Tân Trào", "Nhà riêng tại xóm 7, xã Tân Trào"),
    ("Trạm y tế xã Đình Bảng", "Trạm y tế xã Đình Bảng"),
    ("Nghĩa trang liệt sĩ huyện Yên Phong", "Nghĩa trang liệt sĩ huyện Yên Phong"),  # label words naming a place
])
def test_label_words_the_vocabulary_reads_whole_before_an_address_are_the_labels(value, want):
    from schemas.label_edges import label_head
    from schemas.loader import load_schemas
    spec = load_schemas()["birth"].by_key["father.residence"]
    words = value.split()
    assert " ".join(words[label_head(spec, words):]) == want


def test_a_persons_label_and_name_run_into_a_text_are_another_pair():
    from schemas.fields import text_and_tail
    from schemas.layout import Tok

    def toks(text):
        return [Tok(w, w.lower(), 0.95, (i * 60, 0, i * 60 + 50, 30), 1) for i, w in enumerate(text.split())]

    kept, tail = text_and_tail(toks("Sốt xuất huyết Danh tính người được ủy quyền khai tử Lại Tự Quân"))
    assert " ".join(t.text for t in kept) == "Sốt xuất huyết"
    assert " ".join(t.text for t in tail) == "Danh tính người được ủy quyền khai tử Lại Tự Quân"
    # an office named after a person, or a text with no person's label before the name, is left whole
    for text in ("Bệnh viện Bạch Mai", "Trường tiểu học Nguyễn Văn Trỗi", "Ngã cao tại nhà Lê Văn An"):
        assert text_and_tail(toks(text))[1] == []


def test_the_pair_run_into_a_cause_of_death_is_listed_for_review():
    rec = extract_records([page(["GIẤY CHỨNG TỬ", "Họ và tên: Lê Văn An",
                                 "Nguyên nhân chết: Sốt xuất huyết Danh tính người được ủy quyền khai tử Lại Tự Quân"])],
                          "hotich/")[0]
    assert rec["fields"]["cause_of_death"]["value"] == "Sốt xuất huyết"
    declarant = rec["fields"].get("declarant", {}).get("full_name", {})
    assert [u["value"] for u in rec["unmapped"]] == ["Lại Tự Quân"] or declarant.get("value") == "Lại Tự Quân"


def test_a_value_with_an_address_deep_inside_is_no_address_to_go_on():
    # other words first, a unit named far inside (several pairs read as one value): no chain to carry on
    words = "hiện nay Việt Nam Dân nước Việt Nam HKTT đội 12, xã Sen Thủy, huyện Thọ".split()
    assert not chain_goes_on(words, "tỉnh Quảng Bình".split())
    assert chain_goes_on("Nhà riêng tại xóm 7, xã Tân Trào".split(), "huyện Sơn Dương".split())


def test_a_stop_read_inside_a_units_name_neither_stops_its_completion_nor_stays():
    from schemas.gazetteer import completes_unit
    from schemas.repair import dots_in_parts
    assert completes_unit("xã Sen Thủy, huyện Lệ Thủy, tỉnh", ["Quảng.", "Bình"]) == 2
    got = dots_in_parts("xã Sen Thủy, huyện Lệ Thủy, tỉnh Quảng. Bình")
    assert got.value == "xã Sen Thủy, huyện Lệ Thủy, tỉnh Quảng Bình" and got.changes
    # a stop after a whole name, before other words, is left: those words are no part of the name
    assert dots_in_parts("tỉnh Hà. Nay thuộc tỉnh Hà Tĩnh").value == "tỉnh Hà. Nay thuộc tỉnh Hà Tĩnh"


def test_a_cut_unit_takes_its_rest_from_under_the_value_beside_a_labels_wrapped_words():
    from schemas.extract import flatten_fields
    rows = ["GIẤY CHỨNG NHẬN THƯƠNG BINH", "Họ và tên: Ứng Chí Quân",
            [(100, "Nơi thường trú người"), (560, "xã Tân Xuân, huyện Giồng")],
            [(100, "hưởng trợ cấp"), (560, "Trôm, tỉnh Bến Tre")],
            "Đối tượng: Thương binh"]
    got = flatten_fields(extract_records([page(rows)], "nguoicocong/")[0])
    assert got["residence"] == "xã Tân Xuân, huyện Giồng Trôm, tỉnh Bến Tre"
    # a pair of its own on the left of the row below is no label's wrapped rest: the rest is not taken from it
    rows[3] = [(100, "Dân tộc: Kinh"), (560, "Trôm, tỉnh Bến Tre")]
    got = flatten_fields(extract_records([page(rows)], "nguoicocong/")[0])
    assert got.get("residence") != "xã Tân Xuân, huyện Giồng Trôm, tỉnh Bến Tre"


def test_a_communes_name_cut_at_the_lines_end_takes_its_rest_from_the_next_line():
    from schemas.gazetteer import completes_unit, cut_unit
    assert cut_unit("thị trấn Lương") == ("thi tran", "luong")
    assert completes_unit("thị trấn Lương", ["Hòa,", "huyện", "Chợ", "Lách"]) == 1
    assert completes_unit("xã Tùng", ["Ảnh,", "huyện"]) == 1
    assert cut_unit("xã Đình Bảng") is None  # a whole name
    assert completes_unit("xã Tùng", ["Qxy,", "huyện"]) == 0  # no commune of that name: not completed


def test_a_row_holding_more_than_the_address_is_not_taken():
    from schemas.extract import flatten_fields
    rows = ["GIẤY KHAI SINH", "Họ, chữ đệm, tên: Lê Văn An",
            "Nơi sinh: thị trấn Hoàn Trạch, huyện Quảng Trạch, .....",
            "tỉnh Quảng Bình Bố Trạch, tỉnh Quảng Bình", "Dân tộc: Kinh"]
    got = flatten_fields(extract_records([page(rows)], "hotich/")[0])
    assert got["place_of_birth"] == "thị trấn Hoàn Trạch, huyện Quảng Trạch"
    rows[3] = "tỉnh Quảng Bình"
    got = flatten_fields(extract_records([page(rows)], "hotich/")[0])
    assert got["place_of_birth"] == "thị trấn Hoàn Trạch, huyện Quảng Trạch, tỉnh Quảng Bình"


def test_a_place_under_a_label_nobody_listed_takes_its_cut_names_rest_from_the_row_below():
    rows = ["GIẤY KHAI SINH", "Họ, chữ đệm, tên: Lê Văn An",
            [(100, "Địa chỉ thường trú"), (700, "xã Tùng Ảnh, huyện Đức Thọ, tỉnh Hà")],
            [(700, "Tĩnh")], "Dân tộc: Kinh"]
    # (a residence with no person named: the label names no field of the child's)
    rec = extract_records([page(rows)], "hotich/")[0]
    assert [u["value"] for u in rec["unmapped"]] == ["xã Tùng Ảnh, huyện Đức Thọ, tỉnh Hà Tĩnh"]


def test_a_place_cut_at_its_line_s_end_under_a_label_of_another_kind_is_read_whole():
    # a label read as a name's ("Họ tên …") over an office's address cut after its district's level word: the
    # value is listed for the record-wide decoding whole, not cut where a name would stop
    lines = ["GIẤY KHAI SINH", "Họ và tên: Lê Văn Tám", "Ngày sinh: 05/03/2020", "Người đi khai sinh: Lê Văn Ba",
             [(100, "Họ tên người cấp:"), (700, "UBND xã Tam Sơn, huyện")],
             [(700, "Từ Sơn, tỉnh Bắc Ninh")],
             "Ngày đăng ký: 06/03/2020"]
    rec = extract_records([page(lines, width=1800)], "hotich/")[0]
    values = [u["value"] for u in rec["unmapped"]] + [rec["fields"].get("registration", {}).get("office", {}).get("value")]
    assert "UBND xã Tam Sơn, huyện Từ Sơn, tỉnh Bắc Ninh" in values
    assert not any(v and v.startswith("tỉnh Bắc Ninh") for v in values)


def test_a_tie_ends_where_a_word_in_title_case_or_a_digit_follows_its_kinship_term():
    from synth import line

    from schemas.fields import relation_and_tail
    from schemas.layout import Tok

    def toks(text: str) -> list[Tok]:
        return [Tok(w.text, w.text.lower(), w.confidence, w.bbox, 1) for w in line(text, 100, 100).words]

    kept, beyond = relation_and_tail(toks("Mẹ Xxx yyy ngày 02/03/1990"))
    assert [t.text for t in kept] == ["Mẹ"] and [t.text for t in beyond] == ["Xxx", "yyy", "ngày", "02/03/1990"]
    kept, beyond = relation_and_tail(toks("Con 12"))
    assert [t.text for t in kept] == ["Con"] and beyond
    for whole in ("Cháu ngoại", "Con út", "CHÁU NGOẠI", "Anh ruột"):
        kept, beyond = relation_and_tail(toks(whole))
        assert " ".join(t.text for t in kept) == whole and not beyond
