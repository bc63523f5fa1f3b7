"""A two-column block of persons ("Bên chồng | Bên vợ") ends at the line that writes the registering office's
name, whatever the label before it: no person's field holds a body's name (issue 12, part CR;
schemas/office_row.py, reader._over_office_name). Made-up label words, names and places."""

from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.layout import build_rows
from schemas.office_row import office_name_at, opens_with_office_name

OFFICE = "Ủy ban nhân dân xã Võ Cường, huyện Yên Dũng, tỉnh Bắc Giang"
SHORT_OFFICE = "UBND phường Đông Ngạc, quận Bắc Từ Liêm, thành phố Hà Nội"
COLUMNS = [
    "GIẤY CHỨNG NHẬN KẾT HÔN",
    [(100, "Bên chồng"), (900, "Bên vợ")],
    [(100, "Họ và tên: Vũ Thế Đạt"), (900, "Họ và tên: Lê Minh Hương")],
    [(100, "Dân tộc: Sán Dìu"), (900, "Dân tộc: Kinh")],
]


def _row(text: str):
    return build_rows(page([text], width=2000))[0].toks


def test_an_office_head_and_a_level_word_begin_a_bodys_name():
    assert office_name_at(_row(f"Xxx yyy {OFFICE}")) == 2
    assert office_name_at(_row(SHORT_OFFICE)) == 0 and opens_with_office_name(_row(SHORT_OFFICE))


def test_an_office_word_without_a_unit_or_a_plain_address_is_no_bodys_name():
    assert office_name_at(_row("Ủy ban đăng ký")) is None
    assert office_name_at(_row("Ủy ban nhân dân")) is None
    assert office_name_at(_row("xã Võ Cường, huyện Yên Dũng, tỉnh Bắc Giang")) is None
    assert not opens_with_office_name(_row(f"Xxx yyy {OFFICE}"))


def test_an_office_beside_a_label_the_vocabulary_lacks_is_read_whole_under_the_columns():
    rec = extract_records([page(COLUMNS + [
        [(100, "Xxx yyy zzz"), (640, OFFICE)],
        "Ngày đăng ký: 23/11/2005",
    ], width=2000)])[0]
    v = flatten_fields(rec)
    assert v["husband.ethnicity"] == "Sán Dìu" and v["wife.ethnicity"] == "Kinh"
    assert v.get("registration.office") == OFFICE or any(u.get("value") == OFFICE for u in rec["unmapped"])


def test_an_office_under_its_label_alone_on_a_line_is_read_whole_under_the_columns():
    rec = extract_records([page(COLUMNS + [
        "Xxx yyy zzz",
        [(160, SHORT_OFFICE)],
        "Ngày đăng ký: 23/11/2005",
    ], width=2000)])[0]
    v = flatten_fields(rec)
    assert v["husband.ethnicity"] == "Sán Dìu" and v["wife.ethnicity"] == "Kinh"
    assert v.get("registration.office") == SHORT_OFFICE \
        or any(u.get("value") == SHORT_OFFICE for u in rec["unmapped"])


def test_a_speck_before_the_office_on_its_line_does_not_hide_it():
    assert opens_with_office_name(_row(f"¬ {SHORT_OFFICE}"))
