"""A date whose label named no event of its own, and that breaks the order of a life, is read as the one empty
date field where every date keeps the order (date_order.order_keeping_move, checks.move_by_life_order; issue 12,
part CE): a year under a cut label "Năm xxx" on a martyr's dossier, before the enlistment, is the birth year, no
date of death. Every example is made up."""

from schemas.checks import keep_date_order, names_no_event
from schemas.date_order import order_keeping_move
from schemas.fields import Draft, Found
from schemas.loader import Label, load_schemas

MARTYR = load_schemas()["martyr"]
ORDER = [("date_of_birth", "enlistment_date", 12), ("enlistment_date", "date_of_death", 0),
         ("date_of_birth", "date_of_death", 12), ("date_of_death", "certificate.decision_date", 0)]


def test_the_one_empty_field_where_the_date_keeps_the_order():
    dates = {"date_of_death": "1931", "enlistment_date": "1950-03", "certificate.decision_date": "1966-02-11"}
    assert order_keeping_move(dates, ORDER, ["date_of_death"]) == ("date_of_death", "date_of_birth")


def test_only_a_guessed_field_moves():
    dates = {"date_of_death": "1931", "enlistment_date": "1950-03", "certificate.decision_date": "1966-02-11"}
    assert order_keeping_move(dates, ORDER, []) is None
    assert order_keeping_move(dates, ORDER, ["certificate.decision_date"]) is None  # in order: not a suspect


def test_no_move_when_two_fields_would_keep_the_order_or_the_order_holds():
    two = {"date_of_birth": "1958-06", "certificate.decision_date": "1966-02-11"}  # enlistment or death?
    assert order_keeping_move(two, ORDER, ["date_of_birth"]) is None
    kept = {"date_of_birth": "1931", "enlistment_date": "1950-03"}
    assert order_keeping_move(kept, ORDER, ["date_of_birth"]) is None


def _found(key: str, value: str, label: str, after: str | None = None) -> Found:
    return Found(MARTYR.by_key[key], [], Label(label, "", after=after), 0.9, 1, raw=value, value=value,
                 confidence=0.9)


def test_a_label_naming_no_event_in_unknown_words_is_a_guess():
    assert names_no_event(_found("date_of_death", "1931", "Năm xyz"))
    assert not names_no_event(_found("date_of_death", "1931", "Hy sinh ngày"))
    assert not names_no_event(_found("certificate.decision_date", "1966-02-11", "ngày",
                                     after="certificate.decision_number"))


def test_the_record_reads_the_guessed_year_as_the_birth_year_never_confidently():
    d = Draft("martyr", MARTYR, [1])
    d.fields["date_of_death"] = _found("date_of_death", "1931", "Năm xyz")
    d.fields["enlistment_date"] = _found("enlistment_date", "1950-03", "Nhập ngũ")
    keep_date_order(d)
    assert "date_of_death" not in d.fields
    moved = d.fields["date_of_birth"]
    assert moved.value == "1931" and moved.spec.key == "date_of_birth" and not moved.clean
    assert moved.confidence < 0.9 and d.reasons == []
