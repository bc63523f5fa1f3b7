"""Another name written after a person's full name, in brackets or after "tức" (issue 12, part AY): the record's
alias, not words of the full name (schemas/name_alias.py, reader._alias_after_name)."""

from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.layout import build_rows
from schemas.name_alias import name_and_alias

TAIL = ["Sinh năm: 1951", "Quê quán: xã Tân Lập, huyện Đồng Xuân, tỉnh Phú Yên", "Hy sinh ngày: 04/07/1972"]


def toks(text: str):
    return build_rows(page([[(100, text)]]))[0].toks


def texts(ts):
    return " ".join(t.text for t in ts)


def dossier(name_row):
    rec = extract_records([page(["GIẤY BÁO TỬ", name_row] + TAIL)], "lietsi/")[0]
    return flatten_fields(rec), rec


def test_a_name_in_brackets_or_after_tuc_is_the_alias():
    for written in ("Lê Quang Hải (Sáu Hải)", "Lê Quang Hải (tức Sáu Hải)", "Lê Quang Hải, tức Sáu Hải",
                    "Lê Quang Hải tức là Sáu Hải", "LÊ QUANG HẢI (SÁU HẢI)", "Lê Quang Hải [Sáu Hải]"):
        name, alias = name_and_alias(toks(written))
        assert texts(name).lower().rstrip(",") == "lê quang hải", written
        assert texts(alias).lower() == "sáu hải", written


def test_what_is_no_alias_is_left_with_the_name():
    for written in ("Lê Quang Hải", "Lê Quang Hải (1951)", "Lê Quang Hải (ghi rõ họ tên)", "Lê Quang Hải (LIỆT SĨ)",
                    "Lê Quang Hải (Sáu", "Hải (Sáu Hải)", "Lê Quang Tức"):
        name, alias = name_and_alias(toks(written))
        assert alias == [] and texts(name) == written, written


def test_a_dossier_reads_the_alias_after_the_full_name():
    for row in ("Họ và tên: Lê Quang Hải (Sáu Hải)", "Họ và tên liệt sĩ: Lê Quang Hải, tức Sáu Hải"):
        got, rec = dossier(row)
        assert got["full_name"] == "Lê Quang Hải", row
        assert got["alias"] == "Sáu Hải", row
        assert rec["fields"]["full_name"]["confidence"] > 0.9, row


def test_an_alias_under_its_own_label_read_first_is_kept():
    rec = extract_records([page(["GIẤY BÁO TỬ", "Bí danh: Tư Hải", "Họ và tên: Lê Quang Hải (Sáu Hải)"] + TAIL)],
                          "lietsi/")[0]
    got = flatten_fields(rec)
    assert got["full_name"] == "Lê Quang Hải" and got["alias"] == "Tư Hải"
    assert rec["fields"]["full_name"]["confidence"] > 0.9


def test_a_record_type_with_no_alias_field_keeps_the_name_as_read():
    rec = extract_records([page(["GIẤY CHỨNG SINH", "Họ và tên: Lê Quang Hải (Sáu Hải)", "Ngày sinh: 04/07/1972"])],
                          "khaisinh/")[0]
    assert "alias" not in flatten_fields(rec)
