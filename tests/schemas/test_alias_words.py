"""An alias is made of ordinary words ("Sáu Cỏ": the sixth child, grass), many of which no given name uses: a
syllable rare in given names is kept as read in an alias, still doubted, while a person's name is read as the
nearest common name syllable as before (alias_words.made_of_words; issue 12, part CE). Made-up values."""

from synth import page

from schemas.alias_words import made_of_words
from schemas.extract import extract_records
from schemas.loader import load_schemas

MARTYR = load_schemas()["martyr"]
TAIL = ["Sinh năm: 1950", "Quê quán: xã Tân Lập, huyện Đồng Xuân, tỉnh Phú Yên", "Hy sinh ngày: 09/05/1971"]


def test_the_alias_field_is_made_of_words():
    assert made_of_words(MARTYR.by_key["alias"])
    assert not made_of_words(MARTYR.by_key["full_name"])


def fields(alias: str) -> dict:
    rows = ["GIẤY BÁO TỬ", "Họ và tên: Đoàn Văn Lực", f"Bí danh: {alias}"] + TAIL
    return extract_records([page(rows)], "lietsi/")[0]["fields"]


def test_a_word_rare_in_names_stays_as_read_in_an_alias_never_confident():
    got = fields("Sáu Cỏ")["alias"]
    assert got["value"] == "Sáu Cỏ"
    assert got["confidence"] < 0.995 and any("rare in names" in n for n in got.get("notes", []))


def test_a_person_s_name_is_still_read_as_the_common_name_syllable():
    rows = ["GIẤY BÁO TỬ", "Họ và tên: Đoàn Văn Cỏ"] + TAIL
    got = extract_records([page(rows)], "lietsi/")[0]["fields"]["full_name"]
    assert got["value"] == "Đoàn Văn Cổ"
