"""Labels the vocabulary reads only in part (schemas/reader.py, labels.py): the words a wording stopped short of,
a value with the look of a personal ID under a label that asks only for a number, headings, clauses and words
that say which person a label is about when the vocabulary has no word for that person."""

from synth import page

from schemas.extract import extract_records, flatten_fields


def fields(rows, collection="hotich/"):
    return [flatten_fields(r) for r in extract_records([page(rows)], collection)]


def test_the_words_a_wording_stopped_short_of_are_read_with_it():
    # "Họ và tên" matches the subject's wording; the words after it in the same cell name the declarant
    got = fields(["GIẤY CHỨNG TỬ", "| Xưng danh | Lê Văn Cường", "| Ngày chết | 03/04/2010",
                  "| Họ và tên người làm thủ tục khai tử | Phạm Thị Hoa"])
    assert got[0].get("declarant.full_name") == "Phạm Thị Hoa"
    assert got[0].get("full_name") != "Phạm Thị Hoa"


def test_a_personal_id_under_a_label_that_asks_only_for_a_number_is_the_persons_id():
    # the title (GIẤY CHỨNG TỬ) would make a bare number the notice's; 12 digits are a citizen's ID
    got = fields(["GIẤY CHỨNG TỬ", "Họ và tên: Lê Văn Cường", "Mã cá nhân: 001085012345", "Số giấy báo tử: 12/GBT"])
    assert got[0]["personal_id"] == "001085012345"
    assert got[0]["death_notice.number"] == "12/GBT"


def test_a_number_that_is_no_id_stays_the_documents():
    got = fields(["GIẤY CHỨNG TỬ", "Họ và tên: Lê Văn Cường", "Mã cá nhân: 12/GBT"])
    assert got[0].get("personal_id") is None


SCHEMAS = __import__("schemas.loader", fromlist=["load_schemas"]).load_schemas()


def keys(label, record_type, section=None):
    from schemas.labels import resolve
    r = resolve(label, SCHEMAS[record_type], section)
    return [s.key for s in r.specs] if r else None


def test_a_heading_introduced_by_ve_names_its_person_through_one_unknown_word():
    from schemas.labels import marker_section
    assert marker_section("Về xyz vợ", SCHEMAS["marriage"]) == "wife"
    assert marker_section("Phần xyz chồng", SCHEMAS["marriage"]) == "husband"
    # a row of unknown words and a person is a label, not a heading; two unknown words are not a side
    assert marker_section("Xyz người vợ", SCHEMAS["marriage"]) is None
    assert marker_section("Về xyz abc vợ", SCHEMAS["marriage"]) is None
    assert marker_section("Về vợ xyz", SCHEMAS["marriage"]) is None


def test_an_event_after_da_and_an_unknown_noun_says_who_not_what():
    # "… xyz đã hy sinh": the person who died, whose birth year is asked
    assert keys("Năm sinh xyz đã hy sinh", "martyr") == ["date_of_birth"]
    assert keys("Quê quán xyz đã hy sinh", "martyr") == ["hometown"]
    # with no unknown noun before it, "đã hy sinh" still asks the death
    assert keys("Ngày đã hy sinh", "martyr") == ["date_of_death"]


def test_nam_or_nu_where_a_person_word_stands_names_the_party_of_a_marriage():
    assert keys("Họ và tên xyz nữ", "marriage") == ["wife.full_name"]
    assert keys("Ngày sinh xyz nam", "marriage") == ["husband.date_of_birth"]
    assert keys("Giới tính (nam, nữ)", "birth") == ["sex"]
    assert keys("Họ và tên xyz nữ", "birth") == ["full_name"]  # no husband and wife in a birth record


def test_luc_or_khi_after_what_is_asked_says_when_it_held_and_asks_no_time():
    assert keys("Đơn vị lúc hy sinh", "martyr") == ["unit"]
    assert keys("Quân hàm lúc hy sinh", "martyr") == ["rank"]
    # after an event or a date, "lúc" still asks the moment
    assert keys("Chết lúc", "death") == ["time_of_death"]
    assert keys("Hy sinh lúc", "martyr") == ["date_of_death"]


def test_a_post_named_after_a_unit_is_no_unit():
    from schemas.value_look import is_military_unit as _is_unit
    assert _is_unit("Đại đội 16, Tiểu đoàn 29") and _is_unit("Trung đoàn Sông Lô")
    assert not _is_unit("Đại đội phó") and not _is_unit("Tiểu đoàn trưởng")
    got = fields(["GIẤY BÁO TỬ", "Họ và tên: Lê Văn Cường", "Xyz abc: Đại đội phó",
                  "Đơn vị lúc hy sinh: Đại đội 16, Tiểu đoàn 29"], "nguoicocong/")
    assert got[0]["unit"] == "Đại đội 16, Tiểu đoàn 29"


def test_the_event_after_khi_stays_part_of_what_is_asked():
    assert keys("Đơn vị khi bị thương", "war_invalid") == ["unit_when_injured"]
    assert keys("Đơn vị xyz khi bị thương", "war_invalid") == ["unit_when_injured"]


def test_the_titles_document_never_takes_a_label_whose_own_words_it_leaves_unread():
    from schemas.labels import resolve
    death = SCHEMAS["death"]
    # "Xyz lúc" asks a moment: under GIẤY CHỨNG TỬ it is no notice number
    r = resolve("Xyz abc lúc", death, heading="GIẤY CHỨNG TỬ")
    assert r is None or not any(s.key.startswith("death_notice") for s in r.specs)
    # a bare "Số" or "Ngày" still numbers or dates the title's document
    for label, key in (("Số", "death_notice.number"), ("Ngày", "death_notice.date")):
        r = resolve(label, SCHEMAS["martyr"], heading="GIẤY BÁO TỬ")
        assert r is not None and [s.key for s in r.specs] == [key]


def test_a_word_of_residence_after_an_event_names_the_events_place():
    assert keys("Mộ phần hiện ở", "martyr") == ["burial_place"]
    assert keys("Sinh tại", "birth") == ["place_of_birth"]


def test_a_register_header_with_the_index_title_and_two_read_titles_names_its_other_columns_by_their_cells():
    x = [100, 220, 480, 800, 1050, 1400]
    rows = ["SỔ ĐĂNG KÝ HIỆN VẬT",
            list(zip(x, ["STT", "Ký hiệu", "Xyz đồ vật", "Pqr abc", "Uvw", "Niên đại"])),
            list(zip(x, ["1", "GV.2687", "Tượng đá", "Đất nung", "Cao 45 cm", "Thế kỷ XIX"])),
            list(zip(x, ["2", "G.1226", "Nồi đồng", "Xà cừ", "Cao 60 cm", "Năm 1873"])),
            list(zip(x, ["3", "KL.4654", "Bia đá", "Đá", "Dài 120 cm", "Thế kỷ XVII"]))]
    got = fields(rows, "baotang/")
    assert [r["inventory_number"] for r in got] == ["GV.2687", "G.1226", "KL.4654"]
    assert [r.get("material") for r in got] == ["Đất nung", "Xà cừ", "Đá"]
    assert got[1]["dimensions"] == {"height_cm": 60.0}


def test_two_titles_without_the_index_title_make_no_header():
    # a certificate row that names two fields is no register's header
    got = fields(["PHIẾU HIỆN VẬT", "Ký hiệu: GV.2687   Niên đại: Thế kỷ XIX", "Tên hiện vật: Tượng đá"], "baotang/")
    assert len(got) == 1 and got[0]["name"] == "Tượng đá"


def test_a_label_that_asks_only_a_moment_is_the_types_one_time_and_its_date():
    got = fields(["GIẤY CHỨNG TỬ", "Họ và tên: Lê Văn Cường", "Xyz abc lúc: 15 giờ 15 phút, ngày 01/10/2005"])
    assert got[0]["time_of_death"] == "15:15" and got[0]["date_of_death"] == "2005-10-01"
    # a type with no time field has no such moment: nothing is read from the label alone
    assert keys("Xyz abc lúc", "martyr") is None


def test_lower_case_label_words_before_a_country_are_the_labels():
    from schemas.label_edges import label_head
    spec = SCHEMAS["death"].by_key["nationality"]
    assert label_head(spec, "hiện tại người xyz abc Việt Nam".split()) == 5
    assert label_head(spec, "Việt Nam".split()) == 0


def test_a_capitalised_word_after_a_registers_number_is_the_next_labels():
    from schemas.label_edges import label_tail
    spec = SCHEMAS["birth"].by_key["registration.number"]
    assert label_tail(spec, ["217", "Thuộc"]) == 1
    assert label_tail(spec, ["53/GBT"]) == 0 and label_tail(spec, ["12", "bis"]) == 0
    assert fields(["GIẤY KHAI SINH", "Số: 217 Thuộc", "Họ và tên: Lê Văn Cường"])[0]["registration.number"] == "217"


def test_a_label_in_capitals_after_a_name_in_title_case_is_cut_even_with_words_nobody_listed():
    from schemas.label_edges import label_tail
    spec = SCHEMAS["war_invalid"].by_key["full_name"]
    assert label_tail(spec, "Phùng Chí Hưng ĐƯỢC SINH NGÀY NGƯỜI XYZ ABC--".split()) == 6
    assert label_tail(spec, "Lê Văn Cường NƠI Ở XYZ".split()) == 3
    # a given name in capitals is no label: its words read as nothing asked
    assert label_tail(spec, "Trần Văn AN BÌNH".split()) == 0


def test_a_code_that_goes_on_after_a_number_is_not_cut():
    from schemas.label_edges import label_tail
    spec = SCHEMAS["war_invalid"].by_key["decision.number"]
    assert label_tail(spec, ["2574/QĐ~", "LĐTBXH."]) == 0
    assert label_tail(spec, ["2574/QĐ", "LĐTBXH"]) == 0


def test_the_person_registered_is_the_person_of_the_registered_event():
    assert keys("Ngày sinh người được đăng ký khai sinh", "birth") == ["date_of_birth"]
    assert keys("Họ tên người được đăng ký khai tử", "death") == ["full_name"]
    # the one who registers is the declarant; the registration's own date stays the registration's
    assert keys("Họ và tên người đăng ký khai sinh", "birth") == ["declarant.full_name"]
    assert keys("Ngày đăng ký khai sinh", "birth") == ["registration.date"]


def test_a_value_that_says_what_it_is_ends_a_label_nobody_listed():
    # "Xyz dân", "Ww. tịch": label words no list holds, then an ethnic group and a country written with no colon;
    # the value starts at its capital, so each is a pair the record-wide decoding places by its value
    from schemas.layout import Tok
    from schemas.value_start import value_start

    def words(text):
        return [Tok(w, w.lower(), 0.95, (100 * k, 100, 100 * k + 80, 136), 1) for k, w in enumerate(text.split())]

    assert value_start(words("Xyz dân Nùng")) == 2
    assert value_start(words("Ww. tịch Việt Nam")) == 2
    assert value_start(words("Xyz dân yyy")) is None
    got = fields(["GIẤY CHỨNG TỬ", "Họ và tên: Lê Văn Cường", "Ngày chết: 03/04/2010", "Xyz dân Nùng",
                  "Ww. tịch Việt Nam"])
    assert got[0].get("ethnicity") == "Nùng" and got[0].get("nationality") == "Việt Nam"


def test_a_country_or_ethnic_group_cut_by_the_line_under_a_label_nobody_listed_is_read_whole():
    # "Xyz abc" names no field; its value is told by what it is, and "Việt" alone would read as the Kinh people:
    # the words close below that complete a country or an ethnic group ("Việt" / "Nam", "Xơ" / "Đăng") are its rest
    base = ["GIẤY CHỨNG TỬ", "Họ và tên: Lê Văn Cường", "Ngày chết: 03/04/2010"]
    got = fields(base + ["Xyz abc: Việt", "Nam", "Nơi chết: xã Tam Sơn, huyện Từ Sơn"])[0]
    assert got.get("nationality") == "Việt Nam" and got.get("ethnicity") is None
    got = fields(base + ["Xyz abc: Xơ", "Đăng", "Nơi chết: xã Tam Sơn, huyện Từ Sơn"])[0]
    assert got.get("ethnicity") == "Xơ Đăng"
    # beside another column of pairs, the rest is the one below in the value's own column
    got = fields(["GIẤY CHỨNG TỬ", [(100, "Họ và tên: Lê Văn Cường"), (900, "Ngày chết: 03/04/2010")],
                  [(100, "Xyz abc: Việt"), (900, "Nơi chết: xã Tam Sơn,")], [(100, "Nam"), (900, "huyện Từ Sơn")]])[0]
    assert got.get("nationality") == "Việt Nam"


def test_a_moments_date_on_the_row_below_its_time_is_the_events_date():
    # "Chết lúc: 9 giờ 15 phút, ngày" / "03/04/2010": the label asks the moment, the time and the date; the date
    # the line break carried to the row below is the event's date, as a date in words wrapped there is
    got = fields(["GIẤY CHỨNG TỬ", "Họ và tên: Lê Văn Cường", "Chết lúc: 9 giờ 15 phút, ngày", "03/04/2010",
                  "Nơi chết: xã Tam Sơn, huyện Từ Sơn"])[0]
    assert got.get("time_of_death") == "09:15" and got.get("date_of_death") == "2010-04-03"
