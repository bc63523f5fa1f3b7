"""Two looks of a value that name its field whatever the label says (schemas/value_look.py): a shelf mark (a
store, a cabinet, a shelf, a drawer, each word before its number) is where a museum object is kept, and a
cemetery is where a person is buried."""

from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.loader import load_schemas
from schemas.value_look import field_by_look, is_cemetery, is_shelf_mark

SCHEMAS = load_schemas()


def test_a_shelf_mark_is_its_parts_each_before_a_number_or_a_letter():
    assert is_shelf_mark("Phòng B, tủ 4, tầng 2")
    assert is_shelf_mark("Kho số 2, kệ 11")
    assert not is_shelf_mark("Kho 2")  # one part: a word and a number say no more than a count
    assert not is_shelf_mark("đội 3, xã Yên Hòa, huyện Ý Yên")  # an address
    assert not is_shelf_mark("Đại đội 4, Tiểu đoàn 9")  # a unit


def test_a_shelf_mark_is_the_storage_field_and_no_other_types():
    assert field_by_look("Phòng B, tủ 4, tầng 2", SCHEMAS["museum_object"]).key == "storage_location"
    assert field_by_look("Phòng B, tủ 4, tầng 2", SCHEMAS["death"]) is None


def test_a_cemetery_is_the_burial_place():
    assert is_cemetery("Nghĩa trang liệt sĩ huyện Yên Thành")
    assert not is_cemetery("xã Nghĩa Trung, huyện Yên Thành")
    assert field_by_look("Nghĩa trang liệt sĩ huyện Yên Thành", SCHEMAS["martyr"]).key == "burial_place"


def test_a_card_row_whose_label_is_unknown_is_kept_by_its_look():
    rows = ["PHIẾU HIỆN VẬT", "Số đăng ký: BTBN 1234/KL 5", "Tên hiện vật: Chuông đồng",
            "Xếp đặt: Phòng B, tủ 4, tầng 2"]
    fields = flatten_fields(extract_records([page(rows)], "baotang/")[0])
    assert fields["storage_location"] == "Phòng B, tủ 4, tầng 2"


def test_a_dossier_row_whose_label_is_unknown_is_buried_by_its_look():
    # (after the rank, a label of words nobody listed: read by its place alone, the value was the position)
    rows = ["LÝ LỊCH LIỆT SĨ", "Họ và tên: Phạm Văn Tư", "Năm sinh: 1940", "Cấp bậc: Hạ sĩ",
            "Xxx yyy: Nghĩa trang liệt sĩ huyện Thủy Nguyên"]
    fields = flatten_fields(extract_records([page(rows)], "nguoicocong/")[0])
    assert fields["burial_place"] == "Nghĩa trang liệt sĩ huyện Thủy Nguyên"
