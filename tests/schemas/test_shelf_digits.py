"""A shelf mark's inner parts numbered with letters read for digits (schemas/shelf_digits.py)."""

from schemas.shelf_digits import shelf_part_digits


def test_a_stem_alone_after_an_inner_part_is_the_digit_one():
    fixed = shelf_part_digits("Kho đồ gỗ, tủ 3, ngăn I")
    assert fixed.value == "Kho đồ gỗ, tủ 3, ngăn 1"
    assert fixed.changes == ["I -> 1"] and not fixed.sure


def test_a_number_with_a_stem_in_it_is_read_as_digits():
    assert shelf_part_digits("Kho 2, kệ l4").value == "Kho 2, kệ 14"
    assert shelf_part_digits("Phòng B; hộp I2").value == "Phòng B; hộp 12"


def test_the_store_itself_may_be_named_by_letters():
    # a store or a room is often named by its letters or a Roman numeral: its number is left as read
    assert shelf_part_digits("Kho I, giá 2").changes == []
    assert shelf_part_digits("Phòng II, tủ 4").changes == []


def test_a_letter_name_of_a_part_is_left():
    # a round or bowed letter may be the part's own name; digits are digits
    assert shelf_part_digits("Kho 5, giá B").changes == []
    assert shelf_part_digits("Kho 5, giá 12, tầng 3").changes == []


def test_only_a_value_whose_every_part_opens_with_a_storage_word():
    # a description's or an address's words are no shelf mark, whatever word comes before a stem
    assert shelf_part_digits("Thân có giá I, ngăn I").changes == []
    assert shelf_part_digits("tầng I").changes == []
    assert shelf_part_digits("Kho 4, giá I, xóm Đông").changes == []
