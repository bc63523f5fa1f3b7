"""Columns of "label: value" pairs a page repeats down its rows: where a value ends on a row holding two pairs,
and where it goes on below (schemas/layout.py column_starts, split_at_columns; schemas/reader.py)."""

from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.layout import build_rows, column_starts, split_at_columns, splits_unit


def values(rec):
    return flatten_fields(rec)


def rows_of(lines):
    return build_rows(page(lines))


def cut(lines):
    rows = rows_of(lines)
    return [[(c, p.text) for c, p in parts] for parts in split_at_columns(rows, column_starts(rows))]


PAIRED = [(100, "Họ và tên: Trần Văn Bình"), (900, "Ngày sinh: 05/03/1972")]


def test_a_column_is_where_a_second_pair_starts_on_two_rows():
    rows = rows_of([PAIRED, [(100, "Dân tộc: Kinh"), (905, "Quốc tịch: Việt Nam")]])
    assert column_starts(rows) == [900]


def test_one_row_with_two_pairs_is_no_column():
    assert column_starts(rows_of([PAIRED, "Dân tộc: Kinh"])) == []


def test_a_grid_of_labels_and_values_has_no_column_of_pairs():
    # the words left of the blank are a label alone, no pair: the values' column is no column of pairs
    rows = rows_of([[(100, "Họ và tên"), (640, "Trần Văn Bình")], [(100, "Dân tộc"), (640, "Kinh")]])
    assert column_starts(rows) == []


def test_a_column_starts_only_after_a_whole_pair():
    # a label spaced out to its colon ("Ngày tháng      sinh : …") holds no second column inside it
    rows = rows_of([[(100, "Họ tên : Trần Văn Bình"), (900, "Ngày tháng"), (1200, "sinh : 05/03/1972")],
                    [(100, "Dân tộc : Kinh"), (900, "Năm sinh"), (1200, "mẹ : 1950")]])
    assert column_starts(rows) == [900]


def test_rows_are_cut_at_the_column_beside_a_pair_and_where_the_column_goes_on():
    parts = cut([PAIRED, [(100, "Nơi sinh: xã Tam Sơn,"), (900, "Nơi cư trú: xã Đình Bảng,")],
                 [(100, "huyện Từ Sơn"), (900, "huyện Từ Sơn")]])
    assert parts[1] == [(0, "Nơi sinh: xã Tam Sơn,"), (1, "Nơi cư trú: xã Đình Bảng,")]
    assert parts[2] == [(0, "huyện Từ Sơn"), (1, "huyện Từ Sơn")]  # each wrapped line in its own column


def test_no_cut_between_a_label_and_its_value():
    parts = cut([PAIRED, PAIRED, [(100, "Quốc tịch hiện nay:"), (900, "Việt Nam")]])
    assert parts[2] == [(0, "Quốc tịch hiện nay: Việt Nam")]


def test_no_cut_inside_a_place_name_running_across_the_blank():
    parts = cut([PAIRED, PAIRED, [(100, "Nơi sinh: xã Hạp Lĩnh, huyện"), (900, "Thuận Thành, tỉnh Bắc Ninh")]])
    assert parts[2] == [(0, "Nơi sinh: xã Hạp Lĩnh, huyện Thuận Thành, tỉnh Bắc Ninh")]


def test_no_cut_where_the_column_was_not_in_use_and_no_pair_is_left_of_it():
    # a label spaced out to its colon, under a row that holds one pair only
    parts = cut([PAIRED, PAIRED, "Họ và tên: Trần Văn Bình", [(100, "Ngày tháng năm sinh người được khai"),
                                                               (900, "sinh: 12/12/2002")]])
    assert parts[3] == [(0, "Ngày tháng năm sinh người được khai sinh: 12/12/2002")]


def test_splits_unit_compares_level_words_as_written():
    toks = lambda text: rows_of([text])[0].toks  # noqa: E731
    assert splits_unit(toks("xã Hạp Lĩnh, huyện"), toks("Thuận Thành"))
    assert splits_unit(toks("tỉnh Bắc"), toks("Giang"))
    assert not splits_unit(toks("tỉnh Hà Tĩnh"), toks("huyện Thạch Hà"))  # "Tĩnh" is a name, no "tỉnh"


def test_paired_certificate_values_end_at_the_column_and_wrap_in_it():
    rec = extract_records([page([
        "GIẤY KHAI SINH",
        [(100, "HỌ TÊN NGƯỜI CON: TRẦN VĂN BÌNH"), (900, "RA ĐỜI NGÀY: 05/03/1972")],
        [(100, "QUỐC TỊCH: Việt"), (900, "DÂN TỘC: Kinh")],
        [(100, "Nam")],
        [(100, "NƠI SINH: xã Tam Sơn, huyện Từ"), (900, "HỌ TÊN MẸ: Nguyễn Thị Lan")],
        [(100, "Sơn, tỉnh Bắc Ninh")],
        [(100, "NGUYÊN NHÂN: ghi chú"), (900, "HỌ TÊN NGƯỜI ĐI KHAI SINH: Trần")],
        [(900, "Văn Hùng")],
    ])])[0]
    v = values(rec)
    assert v["full_name"] == "Trần Văn Bình"  # not cut before the next pair's label, nor run into it
    assert v["nationality"] == "Việt Nam"  # wrapped onto the line below in its own column
    assert v["place_of_birth"] == "xã Tam Sơn, huyện Từ Sơn, tỉnh Bắc Ninh"
    assert v["mother.full_name"] == "Nguyễn Thị Lan"
    assert v["declarant.full_name"] == "Trần Văn Hùng"  # the right column's wrapped line


def test_a_register_row_cut_at_its_columns_opens_the_next_entry_whole():
    # the first entry's number label is one the vocabulary lacks; the second entry's "Số: 84" must not stay
    # with the first entry because its name sits in the right column
    recs = extract_records([page([
        "SỔ ĐĂNG KÝ KHAI SINH",
        [(100, "Số: 283"), (900, "Họ và tên: Trần Văn Bình")],
        [(100, "Ngày sinh: 05/03/1972"), (900, "Giới tính: Nam")],
        [(100, "Số: 84"), (900, "Họ và tên: Lê Thị Hoa")],
        [(100, "Ngày sinh: 07/08/1980"), (900, "Giới tính: Nữ")],
    ])])
    got = sorted((values(r).get("registration.number"), values(r).get("full_name")) for r in recs)
    assert got == [("283", "Trần Văn Bình"), ("84", "Lê Thị Hoa")]


def test_a_names_wrapped_line_may_carry_a_quote_mark_read_beside_it():
    rec = extract_records([page([
        "GIẤY KHAI SINH",
        [(100, "HỌ TÊN NGƯỜI CON: TRẦN"), (900, "RA ĐỜI NGÀY: 05/03/1972")],
        [(100, '"Văn Bình'), (900, "DÂN TỘC: Kinh")],
        [(100, "QUỐC TỊCH: Việt Nam"), (900, "GIỚI TÍNH: Nam")],
    ])])[0]
    assert values(rec)["full_name"] == "Trần Văn Bình"
