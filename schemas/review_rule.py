"""Whether a record goes to review: only what is doubtful about it in a way that matters.

A person reads every record held here, so holding one costs a reviewer's minutes; letting a wrong one through
costs a wrong person in a register. The rule holds a record when

- a field that identifies who or what the record is about (``identity`` in ``schemas/types/*.json``: the
  subject's name and the date that identifies them, the other persons' names, ID numbers, an object's number)
  or a required one is doubtful (its calibrated confidence under the threshold);
- a field's label was found but the text after it is no value of its kind (a conflict: the label says one
  thing, the text another);
- a required field (``required`` in the type file) is missing;
- fields of other kinds are doubtful or unreadable, ``DOUBTFUL_HOLD`` of them or more (the page was read
  poorly: one or two are listed on the record, with their confidence, and do not hold it), or one of them is
  at or under ``EVEN_ODDS`` (no more likely right than wrong: a value the extractor does not bet on is not stored
  unread);
- something conflicts: a cross-check failed, two pages give a field two values, a date in digits and in words
  disagree (those come as ``conflicts``, reasons the extraction gave);
- a "label: value" pair named no field, its value looks like a person's identity (a name, a date) and the record
  lacks a field of that kind the value could be (the mother's name lost under a wording nobody listed);
- the record type is not known for sure.

A missing optional field, or a "label: value" pair whose value could be no missing field of the record, is still
listed on the record (``missing`` lists required keys, ``unmapped`` every pair, ``doubtful`` every field under the
threshold: review and search see them) but does not hold it on its own.

Pure functions over plain data: ``schemas/records.py`` applies the rule to a fresh extraction,
``schemas/regroup.py`` to a record people split or merged, ``scripts/bench_extract.py --tradeoff`` replays it at
other thresholds. Reasons name fields and labels, never a value (values are personal data).
"""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Iterable, Sequence
from typing import Any

DOUBTFUL_HOLD = 3  # doubtful fields of other kinds that together hold a record: the page was read poorly
# at or under even odds a value is no more likely right than wrong: listing it as doubtful and letting the record
# through would store a value the extractor itself does not bet on, so it holds the record on its own
EVEN_ODDS = 0.5


@dataclass(frozen=True)
class FieldDoubt:
    """One output field as the rule sees it."""
    key: str  # flat key (``mother.full_name``, ``relatives[0].full_name``)
    kind: str
    identity: bool
    required: bool
    readable: bool  # a value was read (False: the label was found but its text is no value of the field's kind)
    confidence: float


def identity_value_kind(value: Any) -> str | None:
    """``name`` or ``date`` when a value on its own looks like a person's identity: a known family name then
    capitalised words, or a date (a full date, a month and year, a year). None otherwise."""
    if not isinstance(value, str) or not value.strip():
        return None
    from .label_model import value_features

    shape = set(value_features(value))
    if shape & {"vs=date", "vs=partial_date", "vs=year"}:
        return "date"
    if "vs=name" in shape:
        return "name"
    return None


def open_fields(schema, present: Iterable[str]) -> dict[str, list[str]]:
    """Kind -> keys of the type's output fields the record has no value for (a list field counts as open while
    it is empty)."""
    have = set()
    for key in present:
        have.add(key)
        if "[" in key:  # relatives[0].full_name -> relatives[].full_name
            head, _, rest = key.partition("[")
            have.add(f"{head}[]{rest.partition(']')[2]}")
    out: dict[str, list[str]] = {}
    if schema is None:
        return out
    for spec in schema.fields:
        if not spec.internal and spec.key not in have:
            out.setdefault(spec.kind, []).append(spec.key)
    return out


def hold_reasons(fields: list[FieldDoubt], *, missing: list[str], unmapped: list[dict], schema,
                 threshold: float, conflicts: Sequence[str] = (), type_known: bool = True) -> list[str]:
    """The reasons a record is held for review (empty: it is not). ``fields`` every output field, ``missing``
    the required keys not found, ``unmapped`` the pairs whose label named no field ({label, value, …}),
    ``conflicts`` reasons the extraction gave (checks failed, pages disagree, the type from the collection)."""
    reasons = list(conflicts)
    secondary = []
    for f in fields:
        doubtful = not f.readable or f.confidence < threshold
        if not doubtful:
            continue
        why = f"{f.key}: no {f.kind} could be read from the text" if not f.readable else \
            f"{f.key}: not confident ({f.confidence:.3f})"
        if f.identity or f.required or not f.readable or f.confidence <= EVEN_ODDS:
            reasons.append(why)  # (not readable: text under a field's label that is no value of its kind)
        else:
            secondary.append(why)
    if len(secondary) >= DOUBTFUL_HOLD:
        reasons += secondary
    reasons += [f"{key}: required field missing" for key in missing]
    if schema is not None:
        free = open_fields(schema, [f.key for f in fields if f.readable])
        for label in dict.fromkeys(u.get("label") for u in unmapped if isinstance(u, dict)):
            values = [u.get("value") for u in unmapped if isinstance(u, dict) and u.get("label") == label]
            kinds = {k for k in (identity_value_kind(v) for v in values) if k is not None}
            if any(free.get(k) for k in kinds):
                said = f"label {label!r} names no field of {schema.record_type}" if label else \
                    "a row no label was read in"
                reasons.append(f"{said}; its value may be a missing {' or '.join(sorted(kinds))}")
    if not type_known:
        reasons.append("record type not recognised")
    return list(dict.fromkeys(reasons))
