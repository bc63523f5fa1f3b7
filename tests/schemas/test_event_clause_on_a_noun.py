"""An event right after a noun the vocabulary lacks, in a label that already asks something of a person, says
which person is meant, not a second thing asked (issue 12): "Ngày sinh thủy thủ bị thương" asks the birth date
of the sailor who was injured, not the date of the injury (label_clauses.event_on_unknown_noun). Made-up labels."""

from schemas.labels import meaning, resolve
from schemas.loader import load_schemas

SCHEMAS = load_schemas()
INVALID = SCHEMAS["war_invalid"]


def keys(label: str) -> list[str]:
    got = resolve(label, INVALID)
    return [s.key for s in got.specs] if got else []


def test_the_birth_of_the_person_an_event_names_is_asked():
    for label in ("Ngày sinh thủy thủ bị thương", "Năm sinh dân công bị thương", "Ngày sinh học viên bị thương"):
        assert "injury" not in meaning(label).attrs, label
        assert keys(label) == ["date_of_birth"], label


def test_an_event_after_a_bare_date_is_the_event_asked():
    assert keys("Ngày thủy thủ bị thương") == ["injury_date"]
    assert keys("Ngày tháng bị thương") == ["injury_date"]
    assert keys("Đơn vị khi bị thương") == ["unit_when_injured"]


def test_a_clause_opened_by_its_own_words_is_read_as_before():
    assert meaning("Ngày sinh người bị thương").roles == {"invalid"}
