"""Museum objects: words of names, materials and conditions read against a museum vocabulary."""

import unicodedata

import pytest
from synth import page

from schemas.extract import REVIEW_THRESHOLD, extract_records, flatten_fields
from schemas.loader import SchemaError, parse_schema
from schemas.normalize import repair_tone_shift, repair_word, vocabulary_neighbours
from schemas.vocab import vocabulary

WORDS = vocabulary(("museum_words", "museum_materials"))
MATERIALS = vocabulary(("museum_materials",))
CARD = ["PHIẾU HIỆN VẬT", "Số đăng ký: BTBN 1234/KL 56"]


def card(*rows):
    recs = extract_records([page(list(CARD) + list(rows))], "baotang/")
    assert len(recs) == 1
    return flatten_fields(recs[0]), flatten_fields(recs[0], "confidence"), flatten_fields(recs[0], "notes")


def test_vocabularies_are_nfc_lower_case_and_broad():
    for words in (WORDS, MATERIALS):
        assert all(unicodedata.is_normalized("NFC", w) and w == w.lower() for w in words)
    assert {"đồng", "gốm", "sứ", "men", "vải", "gỗ", "giấy", "đá", "sắt", "bạc", "vàng", "ngà", "sừng", "tre",
            "mây", "da", "sành"} <= MATERIALS
    assert {"bình", "bát", "đĩa", "tượng", "trống", "chuông", "miệng", "thân", "đáy", "nứt", "hiến", "tặng"} <= WORDS
    assert "đông" not in MATERIALS and "vài" not in MATERIALS


@pytest.mark.parametrize("word,vocab,want", [
    ("chuôà", WORDS, "chuồn"),  # only the museum words know it
    ("chuôà", None, None),
    ("Gôñ", MATERIALS, "Gốm"),  # the field's words first: not the "gốc" of "Nguồn gốc"
    ("Gôñ", None, "Gốc"),
    ("gôñi", WORDS, "gốm"),  # an m read as "ni", the tone on its first letter
    ("trăñg", WORDS, "trắng"),
    ("Huyêà", WORDS, "Huyền"),  # other words still come from the general list
])
def test_tone_shift_with_a_field_vocabulary(word, vocab, want):
    assert repair_tone_shift(word, vocab=vocab) == want


def test_a_toned_consonant_stands_for_a_final_consonant():
    # "ñ" is read as n, c, m…: never dropped, so "Gôñ" is not "Gỗ"
    assert repair_tone_shift("Gôñ", vocab=MATERIALS) != "Gỗ"
    assert repair_tone_shift("Yêñ", names=True) == "Yến"


@pytest.mark.parametrize("word,vocab,want", [
    ("Đông", MATERIALS, ["đồng"]), ("Vài", MATERIALS, ["vải"]), ("Gổm", MATERIALS, ["gốm"]),
    ("Đồng", MATERIALS, []),  # known
    ("Dong", MATERIALS, []),  # typed without marks
    ("Vài", WORDS, ["vai", "vại", "vải"]),  # several: nothing to choose
])
def test_vocabulary_neighbours(word, vocab, want):
    assert vocabulary_neighbours(word, vocab) == want


def test_repair_word_tries_the_field_vocabulary_first():
    assert repair_word("Tôt", WORDS) == "Tốt"
    assert repair_word("Tôt") is None


def test_material_read_with_other_marks_is_the_one_material():
    v, c, n = card("Chất liệu: Đông")
    assert v["material"] == "Đồng" and c["material"] > REVIEW_THRESHOLD
    assert any("Đông -> Đồng" in x for x in n["material"])
    v, c, _ = card("Chất liệu: Vài")
    assert v["material"] == "Vải"


def test_material_with_an_unknown_word_goes_to_review():
    v, c, n = card("Chất liệu: Gốc men lam")
    assert v["material"] == "Gốc men lam" and c["material"] < REVIEW_THRESHOLD
    _, c, _ = card("Chất liệu: Bạc - 7")
    assert c["material"] < REVIEW_THRESHOLD
    _, c, _ = card("Chất liệu: Gốm men lam")
    assert c["material"] > 0.9


def test_object_name_with_an_unknown_word_goes_to_review_proper_names_do_not():
    _, c, _ = card("Tên hiện vật: Chum sành ụ")
    assert c["name"] < REVIEW_THRESHOLD
    v, c, _ = card("Tên hiện vật: Bình gốm Chu Đậu")
    assert v["name"] == "Bình gốm Chu Đậu" and c["name"] > 0.9
    _, c, _ = card("Tên hiện vật: Trống đồng")
    assert c["name"] > 0.9


def test_known_word_capitalised_inside_a_phrase_is_lower_cased():
    v, _, _ = card("Chất liệu: Gốm men Lam")
    assert v["material"] == "Gốm men lam"
    v, _, _ = card("Mô tả: Miệng Loe, cổ cao, thân phình")
    assert v["description"] == "Miệng loe, cổ cao, thân phình"
    v, _, _ = card("Mô tả: Giấy dó, chữ Hán viết tay")
    assert v["description"] == "Giấy dó, chữ Hán viết tay"  # a proper name stays


def test_short_vocabulary_word_read_doubtfully_is_no_speck():
    v, _, _ = card("Chất liệu: Gỗ@0.5")
    assert v["material"] == "Gỗ"
    v, _, _ = card("Nơi bảo quản: Kho 3 Gỗ@0.5")
    assert v["storage_location"] == "Kho 3"  # a field without the vocabulary drops it as before


def test_loader_checks_vocabularies():
    base = {"record_type": "x", "family": "museum", "schema_version": 1, "unit": "document",
            "headings": ["PHIẾU"]}
    ok = dict(base, fields=[{"key": "m", "kind": "text", "labels": ["Chất liệu"], "vocabulary": ["museum_materials"],
                             "vocabulary_closed": True}])
    assert parse_schema(ok).fields[0].vocabulary == ("museum_materials",)
    for bad in ({"vocabulary": ["no_such_list"]}, {"vocabulary_closed": True},
                {"vocabulary": ["museum_words"], "kind": "number"}):
        f = dict({"key": "m", "kind": "text", "labels": ["Chất liệu"]}, **bad)
        with pytest.raises(SchemaError):
            parse_schema(dict(base, fields=[f]))
