"""A register's book is written as its order and its year, an entry's number as a bare count: a number of the
book's shape, of the year the entry was registered, beside a bare count in the book's field, was read the other
way round, and the record gets each back (schemas/book_shape.py, checks.number_and_book). Made-up values; the
extractor's own wordings."""

from synth import page

from schemas.book_shape import book_year, read_other_way
from schemas.extract import extract_records, flatten_fields


def test_a_book_is_its_order_and_its_year():
    assert book_year("03/2011") == 2011
    assert book_year(" 7/1996 ") == 1996
    assert book_year("45") is None
    assert book_year("12/GBT") is None
    assert book_year(None) is None


def test_a_number_of_the_books_shape_beside_a_bare_count_was_read_the_other_way():
    assert read_other_way("03/2011", "88", 2011)
    assert read_other_way("03/2011", None, 2011)


def test_only_of_the_year_registered_and_beside_no_book_of_its_own_shape():
    assert not read_other_way("03/2011", "88", 2012)  # another year: a number written so, left as read
    assert not read_other_way("03/2011", "88", None)  # no year to check it against
    assert not read_other_way("88", "03/2011", 2011)  # already where they belong
    assert not read_other_way("03/2011", "04/2011", 2011)  # two books' shapes: nothing says which is which


def fields_of(rows):
    return flatten_fields(extract_records([page(["GIẤY KHAI SINH"] + rows)], collection="hotich/")[0])


def test_a_record_whose_number_and_book_were_read_the_other_way_gets_each_back():
    got = fields_of(["Số: 03/2011", "Quyển số: 88", "Họ và tên: Lê Văn Tâm", "Ngày đăng ký: 14/06/2011"])
    assert got["registration.number"] == "88"
    assert got["registration.book"] == "03/2011"


def test_a_number_of_another_year_than_the_registrations_is_left_as_read():
    got = fields_of(["Số: 03/2011", "Quyển số: 88", "Họ và tên: Lê Văn Tâm", "Ngày đăng ký: 14/06/2015"])
    assert got["registration.number"] == "03/2011"
    assert got["registration.book"] == "88"
