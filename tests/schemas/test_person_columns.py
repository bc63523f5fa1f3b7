"""Two people side by side: a row of two headings over two columns of pairs, each column one person's block, even
when a heading's words are ones no marker list holds (schemas/person_columns.py, used by schemas/reader.py)."""

from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.layout import build_rows
from schemas.loader import load_schemas
from schemas.person_columns import counterpart, heading_like, heading_pair, person_of_heading

SCHEMAS = load_schemas()
MARRIAGE, BIRTH = SCHEMAS["marriage"], SCHEMAS["birth"]


def rows_of(lines):
    return build_rows(page(lines))


def first_split(lines, schema):
    rows = rows_of(lines)
    return heading_pair(rows[0], rows[1:3], schema, 1700)


def marriage(left_heading: str, right_heading: str):
    return extract_records([page([
        "GIẤY CHỨNG NHẬN KẾT HÔN",
        [(100, left_heading), (900, right_heading)],
        [(100, "Họ và tên: Trần Thị Lan"), (900, "Họ và tên: Nguyễn Văn Bình")],
        [(100, "Ngày sinh: 05/03/1972"), (900, "Ngày sinh: 12/11/1970")],
        [(100, "Dân tộc: Tày"), (900, "Dân tộc: Kinh")],
        "Ngày đăng ký: 01/02/1995",
    ])], collection="hotich/")[0]


def test_two_headings_in_words_no_marker_holds_give_each_column_its_person():
    # neither heading is a marker wording: one names the wife among unknown words, the other says "nam"
    v = flatten_fields(marriage("Xxx yyy phía vợ", "Xxx yyy đương sự nam"))
    assert v["wife.full_name"] == "Trần Thị Lan" and v["husband.full_name"] == "Nguyễn Văn Bình"
    assert v["wife.date_of_birth"] == "1972-03-05" and v["husband.date_of_birth"] == "1970-11-12"
    assert v["wife.ethnicity"] == "Tày" and v["husband.ethnicity"] == "Kinh"
    assert v["registration.date"] == "1995-02-01"  # the block ends at a field of neither column


def test_the_heading_not_understood_is_the_other_persons_counterpart():
    v = flatten_fields(marriage("Xxx zzz qqq", "Xxx yyy bên chồng"))
    assert v["wife.full_name"] == "Trần Thị Lan" and v["husband.full_name"] == "Nguyễn Văn Bình"
    assert v["wife.ethnicity"] == "Tày" and v["husband.ethnicity"] == "Kinh"
    v = flatten_fields(marriage("Xxx yyy phía vợ", "Xxx zzz qqq"))  # the heading no name: "Xxx Zzz Qqq"
    assert v["wife.full_name"] == "Trần Thị Lan" and v["husband.full_name"] == "Nguyễn Văn Bình"


def test_counterparts_are_the_sections_with_the_same_fields():
    assert counterpart("wife", MARRIAGE) == "husband" and counterpart("husband", MARRIAGE) == "wife"
    assert counterpart("mother", BIRTH) == "father" and counterpart("father", BIRTH) == "mother"
    assert counterpart("declarant", BIRTH) is None  # nobody is asked what the declarant is asked


def test_a_heading_names_a_person_by_the_sex_written_only_where_one_section_has_it():
    toks = rows_of(["Xxx yyy đương sự nữ"])[0].toks
    assert person_of_heading(toks, MARRIAGE) == "wife"
    assert person_of_heading(rows_of(["Xxx yyy năm"])[0].toks, MARRIAGE) is None  # "năm" is a year, no "nam"


def test_a_heading_asks_nothing_and_is_no_value():
    assert heading_like(rows_of(["Xxx phía vợ"])[0].toks)
    assert not heading_like(rows_of(["Dân tộc người vợ"])[0].toks)  # a label: it asks the ethnicity
    assert not heading_like(rows_of(["Trần Thị Lan"])[0].toks)  # a name
    assert not heading_like(rows_of(["Kinh"])[0].toks)  # an ethnic group
    assert not heading_like(rows_of(["Số 12 phía vợ"])[0].toks)  # a digit


def test_a_grid_of_labels_and_values_is_no_pair_of_headings():
    lines = [[(100, "Xxx người mẹ"), (900, "Xxx qqq")], [(100, "Họ và tên"), (900, "Trần Thị Lan")],
             [(100, "Dân tộc"), (900, "Kinh")]]
    assert first_split(lines, BIRTH) is None  # nothing under the right "heading" starts a label


def test_a_label_and_its_value_across_a_blank_are_no_pair_of_headings():
    lines = [[(100, "Tên người cha:"), (900, "Vũ Quang Toàn")],
             [(100, "Năm sinh: 1978"), (900, "Dân tộc: Kinh")], [(100, "Quốc tịch: Việt Nam")]]
    assert first_split(lines, BIRTH) is None


def test_two_headings_split_where_the_right_column_starts():
    lines = [[(100, "Xxx người mẹ"), (900, "Xxx qqq")],
             [(100, "Họ và tên: Trần Thị Lan"), (900, "Họ và tên: Vũ Quang Toàn")],
             [(100, "Năm sinh: 1950"), (900, "Năm sinh: 1948")]]
    x, left, right = first_split(lines, BIRTH)
    assert (left, right) == ("mother", "father") and 880 <= x <= 900


def test_a_speck_alone_in_the_blank_between_two_headings_is_no_columns_start():
    lines = [[(100, "Xxx người mẹ"), (600, ":"), (900, "Xxx qqq")],
             [(100, "Họ và tên: Trần Thị Lan"), (900, "Họ và tên: Vũ Quang Toàn")],
             [(100, "Năm sinh: 1950"), (900, "Năm sinh: 1948")]]
    x, left, right = first_split(lines, BIRTH)
    assert (left, right) == ("mother", "father") and 880 <= x <= 900
