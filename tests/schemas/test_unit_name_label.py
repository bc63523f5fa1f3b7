"""Words right after an administrative level's word are the unit's name, never a label read from their meaning
("huyện Giồng Trôm": "giồng" is one mark from "giống", a sex) (schemas.matching._no_unit_name_label)."""

from schemas.layout import Tok
from schemas.loader import label_key, load_schemas
from schemas.matching import find_labels


def _row(words: list[tuple[str, int]]) -> list[Tok]:
    toks = [Tok(w, label_key(w), 0.95, (x, 2233, x + 22 * len(w) + 8, 2270), 0, leader=w == "_") for w, x in words]
    toks[-1].line_end = True
    return toks


# a row of values under a grid's captions (a bound register's father block): nationality, residence, declarant,
# the declarant's relation, each in its column
VALUES_ROW = [("Việt", 175), ("Nam", 263), ("_", 361), ("thị", 406), ("trấn", 463), ("Tân", 549), ("Xuân,", 636),
              ("huyện", 763), ("Giồng", 889), ("Trôm,", 1015), ("Bạch", 1248), ("Hoài", 1360), ("Trâm", 1457),
              ("Mẹ", 2062)]


def test_a_units_name_after_its_level_word_is_no_label():
    toks = _row(VALUES_ROW)
    schema = load_schemas()["birth"]
    found = find_labels(toks, schema, None, previous=schema.field("date_of_birth"), heading="GIẤY KHAI SINH")
    assert not [m for m in found if toks[m.start].text == "Giồng"]


def test_a_label_ended_by_its_colon_after_a_level_word_is_still_read():
    # "xã" with its name lost by OCR, then the next field's label with its colon
    toks = _row([("Nơi", 100), ("sinh:", 170), ("xã", 260), ("Giới", 320), ("tính:", 400), ("Nam", 500)])
    found = find_labels(toks, load_schemas()["birth"], None)
    assert [m.spec.key for m in found if toks[m.start].text == "Giới"] == ["sex"]
