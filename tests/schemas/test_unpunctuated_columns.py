"""Two "label value" pairs a line on a form that prints no colon: the page's second column is found from the
type's label wordings at the start of the runs after a wide blank, and a value wraps in its own column, at the
column's start or indented under its value (schemas/layout.py column_starts, split_at_columns; schemas/reader.py
PageReader._opens_pair)."""

from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.layout import build_rows, column_starts, split_at_columns


def test_pairs_with_no_punctuation_two_a_line_are_read_column_by_column():
    rec = extract_records([page([
        "GIẤY KHAI SINH",
        [(100, "Họ và tên Trần Văn Bình"), (900, "Giới tính Nam")],
        [(100, "Dân tộc Kinh"), (900, "Quốc tịch Việt Nam")],
        [(100, "Nơi sinh xã Tam Sơn, huyện Từ"), (900, "Họ và tên mẹ Nguyễn Thị")],
        [(100, "Sơn, tỉnh Bắc Ninh"), (900, "Lan")],
    ])], collection="hotich/")[0]
    v = flatten_fields(rec)
    assert v["full_name"] == "Trần Văn Bình" and v["sex"] == "male"
    assert v["nationality"] == "Việt Nam"
    assert v["place_of_birth"] == "xã Tam Sơn, huyện Từ Sơn, tỉnh Bắc Ninh"  # its wrapped line, not the mother's
    assert v["mother.full_name"] == "Nguyễn Thị Lan"


def test_a_grid_of_labels_and_values_with_no_punctuation_stays_whole():
    rec = extract_records([page([
        "GIẤY KHAI SINH",
        [(100, "Họ và tên"), (700, "Trần Văn Bình")],
        [(100, "Dân tộc"), (700, "Kinh")],
        [(100, "Quốc tịch"), (700, "Việt Nam")],
    ])], collection="hotich/")[0]
    v = flatten_fields(rec)
    assert v["full_name"] == "Trần Văn Bình" and v["ethnicity"] == "Kinh" and v["nationality"] == "Việt Nam"


def test_a_line_wrapped_under_its_value_in_a_column_in_use_is_cut_there():
    rows = build_rows(page([
        [(100, "Họ tên: Trần Văn Bình"), (900, "Nơi ở: thôn 5, xã Xuân Lập,")],
        [(100, "Dân tộc: Kinh"), (900, "Quốc tịch: Việt Nam")],
        [(100, "Năm sinh: 1950"), (900, "Nơi ở: thôn 5, xã Tam Sơn,")],
        [(100, "Nam"), (1100, "huyện Từ Sơn")],  # the right value's wrapped line, indented under the value
    ]))
    parts = split_at_columns(rows, column_starts(rows))
    assert [(c, p.text) for c, p in parts[3]] == [(0, "Nam"), (1, "huyện Từ Sơn")]


def test_a_place_after_label_words_no_list_holds_wraps_in_its_column():
    rec = extract_records([page([
        "GIẤY CHỨNG NHẬN KẾT HÔN",
        [(100, "Bên vợ"), (900, "Bên chồng")],
        [(100, "Họ và tên: Trần Thị Lan"), (900, "Họ và tên: Nguyễn Văn Bình")],
        [(100, "Xxx ở hiện nay thôn 5, xã Tam Sơn,"), (900, "Xxx ở hiện nay xã Đình Bảng,")],
        [(100, "huyện Từ Sơn"), (900, "huyện Từ Sơn")],
        "Ngày đăng ký: 01/02/1995",
    ])], collection="hotich/")[0]
    v = flatten_fields(rec)
    assert v.get("wife.residence") == "thôn 5, xã Tam Sơn, huyện Từ Sơn"
    assert v.get("husband.residence") == "xã Đình Bảng, huyện Từ Sơn"


def test_a_bare_province_level_word_before_a_column_splits_no_place_unless_a_province_follows():
    from schemas.layout import splits_unit

    def toks(text):
        return build_rows(page([text]))[0].toks

    assert not splits_unit(toks("Quang, thành phố Tuyên Quang, tỉnh"), toks("Tường Nguyệt"))  # a column's words
    assert splits_unit(toks("xã Tam Sơn, tỉnh"), toks("Bắc Ninh"))  # the province's name across the blank
    assert splits_unit(toks("xã Hạp Lĩnh, huyện"), toks("Thuận Thành"))


def test_two_pairs_meet_at_the_column_across_a_blank_no_wider_than_a_words():
    head = [[(100, "Họ và tên: Trần Văn Bình"), (900, "Giới tính: Nam")],
            [(100, "Dân tộc: Kinh"), (900, "Quốc tịch: Việt Nam")]]
    # a value that fills its half of the page: the second pair starts a word's blank after it, right at the column
    rows = build_rows(page(head + [[(100, "Nơi sinh: thôn Đông Xá, xã Tam Sơn, huyện"), (882, "Năm sinh: 1972")]]))
    starts = column_starts(rows)
    last = rows[2].toks
    assert starts == [900] and last[-2].bbox[0] - last[-3].bbox[2] < 36  # (narrower than a line height)
    assert [p.text for _, p in split_at_columns(rows, starts)[2]] == [
        "Nơi sinh: thôn Đông Xá, xã Tam Sơn, huyện", "Năm sinh: 1972"]
    # words that open no pair there stay with the value
    rows = build_rows(page(head + [[(100, "Nơi sinh: thôn Đông Xá, xã Tam Sơn, huyện"), (882, "Thuận Thành")]]))
    assert [p.text for _, p in split_at_columns(rows, column_starts(rows))[2]] == [
        "Nơi sinh: thôn Đông Xá, xã Tam Sơn, huyện Thuận Thành"]


def test_a_pair_opens_with_a_known_wording_or_label_words_of_any_wording_before_a_value():
    from schemas.loader import load_schemas
    from schemas.reader import PageReader

    reader = PageReader(load_schemas()["birth"], [], "document", 1, 1700)

    def opens(text):
        return reader._opens_pair(build_rows(page([text]))[0].toks)

    assert opens("Dân tộc con trẻ Kinh")  # a wording of the type, then a value
    assert opens("Xxx yyy đứa con 10-02-2007")  # words no list holds, capitalised first, then a value
    assert not opens("Họ và tên")  # a label alone (a grid's left column)
    assert not opens("Trần Văn Bình")  # a value alone
    assert not opens("Lộc, tỉnh Hà Tĩnh")  # the rest of a place


def opens_or_shape(toks):
    from schemas.loader import load_schemas
    from schemas.reader import PageReader

    return PageReader(load_schemas()["birth"], [], "document", 1, 1700)._opens_pair(toks)


def test_a_place_cut_at_the_column_across_a_narrow_blank_stays_whole():
    rows = build_rows(page([
        [(100, "Họ và tên: Trần Văn Bình"), (900, "Giới tính: Nam")],
        [(100, "Dân tộc: Kinh"), (900, "Quốc tịch: Việt Nam")],
        # the place's next word lands right at the column, a word's blank after "thôn"
        [(100, "Địa chỉ thường trú của người mẹ sinh: thôn"), (890, "Trung 4, xã Xuân Lâm, huyện Từ Sơn")],
    ]))
    assert [p.text for _, p in split_at_columns(rows, column_starts(rows), opens_or_shape)[2]] == [
        "Địa chỉ thường trú của người mẹ sinh: thôn Trung 4, xã Xuân Lâm, huyện Từ Sơn"]


def test_a_place_after_label_words_no_list_holds_cut_mid_name_goes_on_over_every_line():
    rec = extract_records([page([
        "GIẤY CHỨNG NHẬN KẾT HÔN",
        [(100, "Bên vợ"), (900, "Bên chồng")],
        [(100, "Họ và tên: Trần Thị Lan"), (900, "Họ và tên: Nguyễn Văn Bình")],
        [(100, "Xxx ở hiện nay thôn 5, xã Tam"), (900, "Xxx ở hiện nay xã Đình Bảng,")],
        [(100, "Sơn, huyện Từ"), (900, "huyện Từ Sơn")],
        [(100, "Sơn, tỉnh Bắc")],
        [(100, "Ninh")],
        "Ngày đăng ký: 01/02/1995",
    ])], collection="hotich/")[0]
    assert flatten_fields(rec).get("wife.residence") == "thôn 5, xã Tam Sơn, huyện Từ Sơn, tỉnh Bắc Ninh"
