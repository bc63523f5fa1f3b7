"""Why a record's wording is ``strange`` (``records.weigh_labels``), named by cause, and how many of its unplaced
"label: value" pairs could hold a field the record lacks: counts and cause names only, never a label's or a
value's text, so that the causes can be counted on any split.

The three causes, as ``weigh_labels`` reads them: a pair whose label named no field is left on the record
(``unmapped``), a required field is missing (``missing``), or a field was placed by the record-wide decoding with
no label evidence of its own (``unlabelled``, ``confidence.UNLABELLED``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from .confidence import UNLABELLED
from .review_rule import identity_value_kind, open_fields

CAUSES = ("unmapped", "missing", "unlabelled")


def strange_causes(unmapped: bool, missing: bool, readings: Iterable[str]) -> list[str]:
    """The causes, in ``CAUSES`` order, that make a record's wording strange (empty: it is not): ``unmapped`` a
    pair left unplaced, ``missing`` a required field not found, ``readings`` how each field's label was read."""
    found = {"unmapped": unmapped, "missing": missing, "unlabelled": any(h in UNLABELLED for h in readings)}
    return [c for c in CAUSES if found[c]]


def unplaced_pair_counts(unmapped: Sequence[Any], schema, present: Iterable[str]) -> dict[str, int]:
    """How many unplaced pairs a record has, split as the review rule splits them (``review_rule.hold_reasons``):
    ``could_fill`` a pair whose value looks like a person's identity (a name, a date) while the record has no
    field of that kind (``present``: the keys it has a value for), ``other`` any other pair (no value, or a value
    no open field of the record could be)."""
    free = open_fields(schema, present) if schema is not None else {}
    out = {"could_fill": 0, "other": 0}
    for u in unmapped:
        value = u.get("value") if isinstance(u, dict) else None
        kind = identity_value_kind(value)
        out["could_fill" if kind is not None and free.get(kind) else "other"] += 1
    return out
