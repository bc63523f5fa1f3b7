"""Two pages of one dossier read one place field differently, one of them as a person's name (a name's label
misread as a place's on that page): the place is kept, whatever the two confidences, and the pages are still
said to disagree (issue 12, part AT; schemas/records.py, _merge)."""

from schemas.fields import Draft, Found
from schemas.loader import Label, load_schemas
from schemas.records import _merge

SCHEMAS = load_schemas()
PLACE = "xã Yên Lạc, huyện Như Xuân, tỉnh Thanh Hóa"


def _draft(value: str, confidence: float, page: int) -> Draft:
    spec = SCHEMAS["war_invalid"].by_key["hometown"]
    d = Draft("war_invalid", SCHEMAS["war_invalid"], [page])
    d.fields["hometown"] = Found(spec, [], Label("Quê quán", "quequan"), 0.9, page, raw=value, value=value,
                                 confidence=confidence)
    return d


def test_a_place_is_kept_over_a_name_read_for_it_on_another_page():
    for first, second in (((PLACE, 0.6, 1), ("Lò Văn Thắm", 0.9, 2)), (("Lò Văn Thắm", 0.9, 1), (PLACE, 0.6, 2))):
        into = _draft(*first)
        _merge(into, _draft(*second))
        assert into.fields["hometown"].value == PLACE
        assert any("disagree" in r for r in into.reasons)


def test_otherwise_the_surer_reading_is_kept():
    into = _draft(PLACE, 0.6, 1)
    _merge(into, _draft("xã Yên Lạc, huyện Như Thanh, tỉnh Thanh Hóa", 0.9, 2))
    assert into.fields["hometown"].value == "xã Yên Lạc, huyện Như Thanh, tỉnh Thanh Hóa"
