"""Confidence rules that catch OCR misreads which still look like Vietnamese words."""

import unicodedata

import pytest
from synth import page

from schemas.extract import REVIEW_THRESHOLD, extract_records, flatten_fields
from schemas.normalize import rare_name_syllable, syllable_key
from schemas.vocab import NAME_SYLLABLES


def fields(rows, collection="hotich/"):
    recs = extract_records([page(rows)], collection)
    assert len(recs) == 1
    return flatten_fields(recs[0]), flatten_fields(recs[0], "confidence"), recs[0]


BIRTH_HEAD = ["GIẤY KHAI SINH", "Số: 125 Quyển số: 02/2010"]


def test_name_syllable_list_is_nfc_lower_case_and_broad():
    assert all(unicodedata.is_normalized("NFC", w) and w == w.lower() for w in NAME_SYLLABLES)
    assert {"đức", "hương", "chi", "thị", "văn", "hòa"} <= NAME_SYLLABLES
    assert len(NAME_SYLLABLES) > 500


@pytest.mark.parametrize("word,alternatives", [
    ("Đúc", ["dục", "dực", "đức"]),  # a misread of the marks of a common syllable
    ("Chỉ,", ["chi", "chí"]),  # punctuation at the edge is not part of the word
    ("Đức", []),  # common
    ("Hoà", []), ("Hòa", []),  # old and new tone placement are the same syllable
    ("Duc", []),  # typed without any marks: nothing to compare
    ("Xyz", []),  # no neighbour at all: a rare name is not a misread
])
def test_rare_name_syllable(word, alternatives):
    assert rare_name_syllable(word) == alternatives


def test_syllable_key_ignores_tone_placement():
    assert syllable_key("hoà") == syllable_key("Hòa") != syllable_key("hoa")


def test_name_with_a_misread_syllable_goes_to_review():
    v, c, rec = fields(BIRTH_HEAD + ["Họ, chữ đệm, tên: Nguyễn Văn Đúc", "Ngày, tháng, năm sinh: 15/03/1972"])
    assert v["full_name"] == "Nguyễn Văn Đúc"  # kept as read: the reviewer decides
    assert c["full_name"] < REVIEW_THRESHOLD
    assert any("full_name" in r for r in rec["review_reasons"])
    v, c, _ = fields(BIRTH_HEAD + ["Họ, chữ đệm, tên: Nguyễn Văn Đức", "Ngày, tháng, năm sinh: 15/03/1972"])
    assert c["full_name"] > 0.9


def test_place_name_with_a_misread_syllable_goes_to_review_level_words_do_not():
    v, c, _ = fields(BIRTH_HEAD + ["Nơi sinh: xã Tân Chỉ, huyện Tiên Du, tỉnh Bắc Ninh"])
    assert c["place_of_birth"] < REVIEW_THRESHOLD
    v, c, _ = fields(BIRTH_HEAD + ["Nơi sinh: Trạm y tế xã Tân Chi, huyện Tiên Du, tỉnh Bắc Ninh"])
    assert c["place_of_birth"] > 0.9  # "Trạm", "huyện", "Bắc Ninh" are not name syllables to check
