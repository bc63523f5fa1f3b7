"""A field every other record of its type in the document has, and this one lacks, holds the record.

A register page, a bound register or a dossier prints the same form for each of its entries: one set of columns or
labels, filled in for each person. When every other entry of a record type in the document gives a field a value
and one entry gives it none, the entry's value was almost surely printed and lost (a row read across two cells, a
label OCR broke), not left blank: the record is held for a person to read the page. The review rule
(``schemas/review_rule.py``) sees one record at a time and lets a missing optional field through on its own; this
is what the record's siblings know and it does not.

At least ``SIBLINGS`` other records must agree, so that two certificates bound together, or an entry and its
neighbour, do not decide for each other. List fields (relatives, …) are left out: their length differs from entry
to entry by right. Pure: takes and returns finished records (``schemas/records.py``'s dicts); the reason names the
field, never a value.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from .records import flatten_fields

SIBLINGS = 2  # other records of the type, each with the field, before its absence on one is taken as a loss


def filled_keys(record: Mapping[str, Any]) -> set[str]:
    """The record's output fields that have a value, list fields left out (``relatives[0].full_name``)."""
    return {key for key, value in flatten_fields(record).items() if value is not None and not re.search(r"\[\d+\]", key)}


def sibling_gaps(records: Sequence[Mapping[str, Any]]) -> list[list[str]]:
    """For each record, in order, the fields every other record of its type in the document fills (at least
    ``SIBLINGS`` of them) and it does not."""
    filled = [filled_keys(r) for r in records]
    out: list[list[str]] = []
    for k, record in enumerate(records):
        others = [filled[j] for j, r in enumerate(records) if j != k and r.get("record_type") == record.get("record_type")]
        if len(others) < SIBLINGS:
            out.append([])
            continue
        shared = set.intersection(*others)
        out.append(sorted(shared - filled[k]))
    return out


def hold_sibling_gaps(records: list[dict]) -> list[dict]:
    """The records, each one that lacks a field all its siblings fill held for review with a reason naming it."""
    out = []
    for record, gaps in zip(records, sibling_gaps(records)):
        if gaps and record.get("record_type") is not None:
            reasons = list(record.get("review_reasons") or [])
            reasons += [f"{key}: every other {record['record_type']} record of the document has it, this one has none"
                        for key in gaps]
            record = {**record, "review_reasons": list(dict.fromkeys(reasons)), "needs_review": True}
        out.append(record)
    return out
