"""A label printed in capitals with no colon ends where its value, written as people write it, starts: a word in
title case after a word in capitals (``layout.case_turns``), as a capital after a word in lower case does."""

from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.layout import case_turns


def test_the_case_turns_at_a_value_after_a_label_in_lower_case_or_in_capitals():
    assert case_turns("tên", "Lê") and case_turns("TÊN", "Lê") and case_turns("TỘC", "Mường")
    assert not case_turns("HỌ", "TÊN")  # both the label's
    assert not case_turns("Họ", "Tên") and not case_turns("tên", "lê")  # a capital after a capital: no turn
    assert not case_turns("T", "Lê")  # one capital letter is no word in capitals (an initial, a speck)


def test_a_name_after_a_label_in_capitals_no_list_holds_is_read_under_two_headings_side_by_side():
    record = extract_records([page([
        "GIẤY CHỨNG NHẬN KẾT HÔN",
        [(100, "PHẦN GHI VỀ ĐƯƠNG SỰ NỮ"), (900, "PHẦN GHI VỀ ĐƯƠNG SỰ NAM")],
        [(100, "TÊN GỌI ĐẦY ĐỦ Lê Thị Hoa"), (900, "TÊN GỌI ĐẦY ĐỦ Đỗ Văn Sơn")],
        [(100, "SINH NGÀY 05/03/1972"), (900, "SINH NGÀY 12/11/1970")],
        "NGÀY GHI VÀO SỔ 01/02/1995",
    ])], collection="hotich/")[0]
    v = flatten_fields(record)
    assert v["wife.full_name"] == "Lê Thị Hoa" and v["husband.full_name"] == "Đỗ Văn Sơn"
    assert v["wife.date_of_birth"] == "1972-03-05" and v["husband.date_of_birth"] == "1970-11-12"
