"""Where a value in a column stops: the row below opens the next pair, in words no label list need hold, or
carries the value's wrapped rest (schemas/reader.py opens_next_pair)."""

from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.layout import build_rows
from schemas.value_rest import opens_next_pair


def toks(text: str, x: int = 100):
    return build_rows(page([[(x, text)]]))[0].toks


def test_label_words_then_a_value_at_the_labels_start_open_the_next_pair():
    assert opens_next_pair(toks("Việt Nam", 400), toks("Xxx chỉ thường trú phường Tùng Ảnh"), 100, 36)


def test_the_rest_of_a_place_the_value_cuts_short_is_its_wrapped_line():
    assert not opens_next_pair(toks("xã Thạch Kênh, huyện Can", 400), toks("Lộc, tỉnh Hà Tĩnh"), 100, 36)


def test_a_value_ending_on_a_word_in_lower_case_goes_on_below():
    assert not opens_next_pair(toks("Sở Lao động - Thương binh và", 400), toks("Xã hội tỉnh Bắc Ninh"), 100, 36)
    assert not opens_next_pair(toks("phường Tùng Ảnh, thành phố", 400), toks("Hà Tĩnh, tỉnh Hà Tĩnh"), 100, 36)


def test_a_line_starting_in_the_values_column_is_the_values_rest():
    assert not opens_next_pair(toks("Bộ", 400), toks("Tư lệnh Quân khu 4", 400), 100, 36)


def test_a_row_of_value_words_alone_opens_no_pair():
    assert not opens_next_pair(toks("Việt Nam", 400), toks("Nguyễn Văn Bình"), 100, 36)


def test_a_value_at_its_columns_edge_stops_before_the_next_pair_below():
    from schemas.extract import extract_records, flatten_fields

    rec = extract_records([page([
        "GIẤY CHỨNG NHẬN KẾT HÔN",
        [(100, "Xxx yyy phía vợ"), (900, "Xxx yyy bên chồng")],
        [(100, "Họ và tên: Trần Thị Lan"), (900, "Họ và tên: Nguyễn Văn Bình")],
        [(100, "Quốc tịch: Việt Nam"), (900, "Quốc tịch hiện nay Việt Nam")],  # the right column's widest row
        [(100, "Xxx trú: xã Tam Sơn,"), (900, "Xxx chỉ thường trú phường Tùng Ảnh")],
        [(100, "huyện Từ Sơn"), (900, "Ngày sinh: 12/11/1970")],
        "Ngày đăng ký: 01/02/1995",
    ])], collection="hotich/")[0]
    v = flatten_fields(rec)
    assert v["husband.nationality"] == "Việt Nam"
    assert v["wife.residence"] == "xã Tam Sơn, huyện Từ Sơn"  # a wrapped line at the label's start still wraps


def test_a_place_cut_mid_name_on_each_line_of_a_narrow_column_goes_on_over_every_line():
    from schemas.extract import extract_records, flatten_fields

    rec = extract_records([page([
        "GIẤY CHỨNG NHẬN KẾT HÔN",
        [(100, "Bên vợ"), (900, "Bên chồng")],
        [(100, "Họ và tên: Trần Thị Lan"), (900, "Họ và tên: Nguyễn Văn Bình")],
        [(100, "Nơi cư trú: huyện Thuận"), (900, "Nơi cư trú: xã Đình Bảng,")],
        [(100, "Thành, tỉnh Bắc"), (900, "huyện Từ Sơn")],
        [(100, "Ninh")],
        "Ngày đăng ký: 01/02/1995",
    ])], collection="hotich/")[0]
    assert flatten_fields(rec)["wife.residence"] == "huyện Thuận Thành, tỉnh Bắc Ninh"


def test_a_line_that_starts_in_lower_case_goes_on_with_the_value_above():
    # "thông - Vận tải …" reads like a label and its value, but a label starts with a capital: the office's
    # name broke mid-word at the line's end
    rows = ["GIẤY CHỨNG NHẬN THƯƠNG BINH", "Họ và tên: Đinh Công Tráng", "Tỷ lệ tổn thương cơ thể: 61%",
            "Quyết định số: 412/QĐ-GTVT ngày 03/08/1974 của Sở Giao", "thông - Vận tải tỉnh Hải Hưng"]
    rec = extract_records([page(rows, width=1100)], "nguoicocong/")[0]
    assert flatten_fields(rec)["decision.issuer"] == "Sở Giao thông - Vận tải tỉnh Hải Hưng"
    assert not rec["unmapped"]


def test_a_value_ending_on_an_offices_head_word_goes_on_below():
    # "Sở", "Bộ", "Cục" alone name no office: the line below at the label's start carries the office's name
    assert not opens_next_pair(toks("412/QĐ ngày 03/08/1974 của Sở", 400), toks("Tài chính - Vật giá tỉnh Hà Tây"),
                               100, 36)
    assert opens_next_pair(toks("Việt Nam", 400), toks("Xxx chỉ thường trú phường Tùng Ảnh"), 100, 36)


def test_an_issuer_under_its_label_wraps_below_the_row_it_ends_on():
    rows = ["GIẤY CHỨNG NHẬN THƯƠNG BINH", "Họ và tên: Đinh Công Tráng",
            [(100, "Tỷ lệ tổn thương"), (700, "Quyết định công nhận số")],
            [(100, "61%"), (700, "412/QĐ-TCVG ngày 03/08/1974 của Sở")],
            [(700, "Tài chính - Vật giá tỉnh Hà Tây")]]
    rec = extract_records([page(rows, width=1500)], "nguoicocong/")[0]
    assert flatten_fields(rec)["decision.issuer"] == "Sở Tài chính - Vật giá tỉnh Hà Tây"
