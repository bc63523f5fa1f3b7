"""Fields for the "label: value" pairs the label rules left unplaced, decided over the whole record at once.

A label whose every word the vocabulary lacks names no field, but the pair
still says much about which field it is: what the value looks like (a date, a year, a person's name, a place,
an office, a number), where it sits (the fields of a record type come in a conventional order — the
schema's — so a pair read between the child's place of birth and the mother's name is a field of the child;
the section it is in), the words of its label that *are* known (a known "what" beside an unknown "who"), the
label classifier's reading (``label_model``, fitted on the seen wordings only), and which fields are still
unfilled. Each candidate field gets a log-score from these; the pairs are then given fields so that the sum
is greatest and each field is filled once (a Hungarian assignment, ``scipy.optimize.linear_sum_assignment``);
a pair whose field scores under ``MIN_SCORE``, or not ``MARGIN`` above every other field left free, stays
unplaced (listed as unmapped, for a person to place).

Pure: plain data in, plain data out. A field placed this way had no label evidence of its own: its label is
marked ``source="assigned"``, which the calibration (``confidence.py``) treats as a reading of its own, never
confident without a map fitted for it (docs/extraction.md).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

from sohoa.dates import date_words_only, lunar_year

from . import label_model
from .gazetteer import is_place
from .label_edges import name_like
from .labels import bent_person_word, field_meanings, meaning, role_fits, value_kind
from .loader import FieldSpec, Schema
from .normalize import normalise, syllable_key
from .object_state import names_a_state
from .value_look import field_by_look, is_military_unit, is_unit_field, of_another_kind
from .vocab import vocabulary

MIN_SCORE = 0.0  # a pair whose best field scores under this stays unplaced (listed as unmapped)
MARGIN = 1.0  # how much better than any other field still free a pair's field must score to be placed
MODEL_FLOOR = 0.01  # the classifier's probability is floored here: one unknown wording must not veto a field
SHAPE_BONUS = 1.5  # the value has exactly the look of the field's kind (a name for a name, a place for a place)
ATTR_WEIGHT = 1.0  # per known "what" word of the label the field means; as much against per word it does not
ROLE_FIT, ROLE_MISFIT = 1.0, 3.0  # the label names the field's person / another person
ORDER_FIT, ORDER_STEP = 1.0, 0.6  # between the fields read before and after it in the schema's order / per step off
SECTION_FIT, SECTION_MISFIT = 1.0, 2.0  # the field is of the section the pair sits in / of another person



@dataclass(frozen=True)
class Pending:
    """A pair to place: its label and value as read, the section it sits in, and the fields read just before
    and just after it on the record (``None`` at either end)."""
    label: str
    value: str
    section: str | None = None
    previous: str | None = None
    following: str | None = None


@dataclass(frozen=True)
class Placement:
    index: int  # of the pair in the list given
    key: str
    score: float


def looks_like_name(value: str) -> bool:
    """A person's name (``label_edges.name_like``) that is not a place's ("Hà Văn" names both)."""
    return name_like(value.replace(",", " ").split()) and not is_place(value)




def _label_words_only(value: str) -> bool:
    """Every word of the value is a word of labels the vocabulary knows."""
    m = meaning(value)
    return not m.empty and not m.unknown


def words_of_its_list(spec: FieldSpec, value: str) -> bool:
    """Every word of the value is a word of the field's own vocabulary, marks and all (a material "Bạc", an
    origin "Khai quật"), and the words name none of what the field's own labels name: such a value is what the
    field holds, even when labels of other fields use the same words (the rank's "Bậc", the find place's "nơi
    khai quật"). The field's own label read as its value ("Tên hiện vật" as the name) is still a label."""
    if not spec.vocabulary:
        return False
    words = [w.strip(".,;:()\"'“”-–") for w in value.split()]
    words = [w for w in words if w]
    known = _vocabulary_keys(spec.vocabulary)
    if not words or not all(syllable_key(w) in known for w in words):
        return False
    own = set().union(*(meaning(lb.text).attrs for lb in spec.labels))
    return not meaning(value).attrs & own


def _vocabulary_keys(names: tuple[str, ...]) -> frozenset[tuple[str, str]]:
    return frozenset(syllable_key(w) for phrase in vocabulary(names) for w in phrase.split())


def names_a_relation(value: str) -> bool:
    """The words are a relation's value: a person's word, in three words at most ("Mẹ", "Con gái", "Cháu nội")."""
    return bool(meaning(value).roles) and len(value.split()) <= 3


def value_fits(spec: FieldSpec, value: str) -> float | None:
    """How well the value fits the field's kind: None when it cannot be it (it does not parse, or it plainly is
    something else — a year is no name, a sex no place), else a bonus when it has exactly that kind's look."""
    n = normalise(spec.kind, value, spec.values)
    if not n.ok or n.value is None or not label_model._kind_fits(spec.kind, value):
        return None
    seen = value_kind(value)
    tail = spec.key.rsplit(".", 1)[-1]
    strong = {"sex": spec.kind == "sex", "ethnicity": spec.kind == "ethnicity",
              "nationality": tail == "nationality", "id": spec.kind in ("id", "number"),
              "year": spec.kind == "date", "place": spec.kind in ("place", "text"),
              "dimensions": spec.kind == "dimensions", "weight": spec.kind == "weight"}
    if seen is not None and not strong.get(seen, True):
        return None
    if is_military_unit(value) != is_unit_field(spec):  # "Đại đội 8, Tiểu đoàn 24": a military unit, and only a unit field
        return None
    if of_another_kind(spec, value):  # a date, or a label's lower-case rest ("quân"), is no place
        return None
    if tail == "nationality":  # a text field whose values are countries
        return SHAPE_BONUS if seen == "nationality" else None
    if tail == "relation":
        return SHAPE_BONUS if names_a_relation(value) else None
    if spec.kind in ("text", "place") and _label_words_only(value):
        return None  # "chữ đệm và tên": the rest of a label, no value
    if spec.kind == "name" and tail == "alias":  # a name one goes by: capitalised words, no family name needed
        words = value.split()
        return 0.0 if 1 <= len(words) <= 3 and all(w[:1].isupper() and w.isalpha() for w in words) else None
    if spec.kind == "name":
        return SHAPE_BONUS if looks_like_name(value) else None
    if spec.kind == "place":
        return SHAPE_BONUS if seen == "place" else None
    if spec.kind == "date" and not (date_words_only(value) or lunar_year(value)):
        return None  # a note that holds a date ("… corrected on 12/08/1990") is no date field's value
    if spec.kind in ("sex", "ethnicity", "enum", "date", "time", "dimensions", "weight", "dating", "percent"):
        return SHAPE_BONUS if n.quality >= 1 else 0.0
    if spec.kind == "text":  # anything parses as text: a name or a bare number is rarely one
        if looks_like_name(value) or not any(c.isalpha() for c in value):
            return -SHAPE_BONUS
        # a few words naming a damage or its absence are an object's condition, not its free description
        return SHAPE_BONUS if tail == "condition" and names_a_state(value) else 0.0
    if spec.kind in ("number", "id"):  # a number has digits
        if not any(c.isdigit() for c in value):
            return None
        return SHAPE_BONUS if n.quality >= 1 else 0.0
    return 0.0


def implausible(spec: FieldSpec, value: str) -> bool:
    """The value plainly is not what the field holds, whoever named the field: it does not parse as the field's
    kind, a unit field's value names no military unit, a relation is no person's word (or one whose marks are not
    that word's: ``labels.bent_person_word``), a number has no digit, a name has digits, or a text is only words
    of labels ("gốc của" read as a hometown). Looser than ``value_fits``, which also asks for the kind's exact look
    before a pair with no label is placed: here a label did name the field, and a bare province or a time is its
    value."""
    n = normalise(spec.kind, value, spec.values)
    if not n.ok or n.value is None:
        return True
    tail = spec.key.rsplit(".", 1)[-1]
    if is_unit_field(spec) and not is_military_unit(value):
        return True
    if spec.kind == "place" and not is_unit_field(spec) and is_military_unit(value):
        return True  # "Đại đội 8, Tiểu đoàn 24" under a place of death: a unit is no place
    if tail == "relation":
        return not meaning(value).roles or bent_person_word(value)
    if spec.kind in ("number", "id"):
        return not any(c.isdigit() for c in value)
    if spec.kind == "name":
        return any(c.isdigit() for c in value) or _label_words_only(value)
    return spec.kind in ("text", "place") and _label_words_only(value) and not words_of_its_list(spec, value)


def _order_score(schema: Schema, key: str, previous: str | None, following: str | None) -> float:
    """The schema lists a type's fields in the order forms print them: a field between the fields read before
    and after the pair fits; one further off costs a step per field."""
    order = [f.key for f in schema.fields if not f.internal]
    if key not in order:
        return 0.0
    k = order.index(key)
    lo = order.index(previous) if previous in order else -1
    hi = order.index(following) if following in order else len(order)
    if lo < k < hi:
        return ORDER_FIT
    off = lo - k + 1 if k <= lo else k - hi + 1
    return -ORDER_STEP * min(off, 5)


def _label_score(schema: Schema, spec: FieldSpec, label: str) -> float:
    """The label's words the vocabulary knows: a "what" the field means counts for it, one it does not
    against; a person that is the field's for it, another person strongly against."""
    m = meaning(label)
    fms = [fm for fm in field_meanings(schema) if fm.spec.key == spec.key]
    if not fms:
        return 0.0
    best = -math.inf
    for fm in fms:
        means = fm.needs | fm.may
        # (an event that only says when the thing asked held, "khi hy sinh", counts for a field that means it and
        # against none)
        score = ATTR_WEIGHT * (len(m.attrs & means) - len(m.attrs - means - m.when))
        fits = role_fits(fm, m.roles, schema)
        score += ROLE_FIT if fits else (-ROLE_MISFIT if fits is False else 0.0)
        best = max(best, score)
    return best


def _section_score(spec: FieldSpec, section: str | None, schema: Schema) -> float:
    if section is None:
        return 0.0
    own = spec.section if spec.section in schema.sections else None
    if own == section:
        return SECTION_FIT
    return -SECTION_MISFIT if own is not None else 0.0


def in_a_block_of_listed_persons(spec: FieldSpec, section: str | None, schema: Schema) -> bool:
    """A pair inside a block of persons the record lists (a schema section whose fields are list items: a martyr's
    relatives) is one of theirs, never a field outside the block: a relative's name or address is neither the
    martyr's own nor a document's. (The list's items are read by their labels; the decoding fills single fields.)"""
    if section not in schema.sections or spec.section == section:
        return False
    own = [f for f in schema.fields if f.section == section]
    return bool(own) and all(f.is_list for f in own)


def spelled_out_only(schema: Schema, spec: FieldSpec, value: str) -> bool | None:
    """For a field that holds a date written out in words (``Schema.words_fields``), whether the value has words
    at all, not digits and separators alone ("12/03/1990"); None for any other field. A date in digits placed there
    would only feed the check of the date in digits and be dropped with it: it is some other date's (one written
    after a label nobody listed), for the decoding to place elsewhere or list."""
    if spec.key not in schema.words_fields:
        return None
    return any(c.isalpha() for c in value)


def _looks_its_own(schema: Schema, spec: FieldSpec, value: str) -> bool:
    """A value of a look only one field of the type holds (a cemetery is the burial place: ``value_look``) fits
    that field, though the field's kind reads it as no value of its own (a cemetery's name is no place of the
    gazetteer)."""
    looked = field_by_look(value, schema)
    return looked is not None and looked.key == spec.key and normalise(spec.kind, value, spec.values).ok


def score(schema: Schema, spec: FieldSpec, pair: Pending) -> float | None:
    """The log-score of the pair being this field; None when it cannot be."""
    shape = value_fits(spec, pair.value)
    if (shape is None or shape < SHAPE_BONUS) and _looks_its_own(schema, spec, pair.value):
        shape = SHAPE_BONUS  # (free text fits any text field: a look only one field holds says which)
    if shape is None or in_a_block_of_listed_persons(spec, pair.section, schema) \
            or spelled_out_only(schema, spec, pair.value) is False:
        return None
    probs = label_model.predict(schema, pair.label, pair.value, pair.previous)
    model = math.log(max(probs.get(spec.key, 0.0), MODEL_FLOOR)) - math.log(MODEL_FLOOR) if probs else 0.0
    return (shape + model / 2 + _label_score(schema, spec, pair.label)
            + _order_score(schema, spec.key, pair.previous, pair.following)
            + _section_score(spec, pair.section, schema))


def assign(schema: Schema, pairs: list[Pending], filled: set[str] | frozenset[str]) -> list[Placement]:
    """The field of each pair that can be placed: the assignment of pairs to unfilled fields with the greatest
    total score, each field at most once, no pair placed under ``MIN_SCORE``."""
    # (internal fields too: a date written in words feeds the check of the date in digits)
    free: list[FieldSpec] = [f for f in schema.fields if not f.is_list and f.key not in filled]
    if not pairs or not free:
        return []
    worst = -1e6
    cost = np.full((len(pairs), len(free) + len(pairs)), -worst)
    for i, pair in enumerate(pairs):
        for j, spec in enumerate(free):
            s = score(schema, spec, pair)
            if s is not None and s >= MIN_SCORE:
                cost[i, j] = -s
        cost[i, len(free) + i] = -MIN_SCORE + 1e-9  # left unplaced: just worse than the weakest placement
    rows, cols = linear_sum_assignment(cost)
    taken = {int(j): int(i) for i, j in zip(rows, cols) if j < len(free) and cost[i, j] < -worst}
    out = []
    for j, i in taken.items():
        # a pair two fields would take about as well (a name after the child's, with the mother's, the father's
        # and the declarant's still empty) is no placement: it stays listed for a person to place
        rivals = [-cost[i, k] for k in range(len(free)) if k != j and taken.get(k, i) == i and cost[i, k] < -worst]
        if not rivals or -cost[i, j] - max(rivals) >= MARGIN:
            out.append(Placement(i, free[j].key, float(-cost[i, j])))
    return sorted(out, key=lambda p: p.index)
