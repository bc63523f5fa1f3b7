"""The registration number (issue 12, part O): words of a label read in part are not the number."""

from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.layout import Tok
from schemas.loader import label_key
from schemas.value_start import label_rest_words


def tok(text: str) -> Tok:
    return Tok(text, label_key(text), 0.9, (0, 0, 10, 10), 1)


def test_lower_case_words_with_no_digit_are_a_labels_rest():
    assert label_rest_words([tok("vào."), tok("sổ")])
    assert not label_rest_words([tok("412")])
    assert not label_rest_words([tok("II")])  # a book's roman numeral, in capitals
    assert not label_rest_words([tok("vào"), tok("sổ"), tok("412")])


def test_a_label_read_in_part_leaves_the_number_to_the_entry():
    # the label's first word glued to the next by OCR ("Số:.vào. sổ"): the matcher reads "Số" and takes the rest as
    # its value; the entry's number is the one beyond, and no record is made of the label's words
    rows = ["SỔ ĐĂNG KÝ KHAI SINH", "Năm 1990", [(100, "Số:.vào. sổ"), (700, "412")],
            "Họ và tên Hoàng Thị Mai", "Ngày sinh 02/03/1990", "Giới tính Nữ",
            [(100, "Số"), (700, "413")], "Họ và tên Lò Văn Tùng", "Ngày sinh 05/04/1990", "Giới tính Nam"]
    got = [flatten_fields(r) for r in extract_records([page(rows)], "hotich/")]
    assert [g.get("registration.number") for g in got] == ["412", "413"]
    assert [g.get("full_name") for g in got] == ["Hoàng Thị Mai", "Lò Văn Tùng"]
