"""A country's name under a label read in part as a name's is the nationality of the person the label names
(reader._field_by_look, value_look.is_country_name): a person's full name is never a country's name alone, and OCR
may have lost the country's capital ("việt Nam")."""

from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.value_look import is_country_name

CHILD = ["GIẤY KHAI SINH", "| Họ và tên | Trần Văn An |", "| Ngày sinh | 05/03/1990 |"]


def test_a_country_is_told_by_its_written_name_whatever_the_first_letters_case():
    assert is_country_name("Việt Nam") and is_country_name("việt Nam") and is_country_name("Hoa Kỳ")
    assert not is_country_name("Nguyễn Văn Nam") and not is_country_name("Việt Nam Xxx")


def test_a_country_under_a_name_label_read_in_part_is_the_nationality():
    fields = flatten_fields(extract_records([page(CHILD + ["| Họ dân nước người con | việt Nam |",
                                                           "| Dân tộc | Kinh |"])], "hotich/")[0])
    assert fields["nationality"] == "Việt Nam"
    assert fields["full_name"] == "Trần Văn An"
    assert "sex" not in fields
