"""Pairs no label rule placed on a page: a label nobody listed (or one that named another field) and its value,
listed on the record as unmapped, so review sees them, and kept as pending pairs for the record-wide decoding
(``schemas/assign.py``), which gives each a field once the page is read, from what its value looks like, where it
sits between the fields read and its known label words. Personal data: a listed value is masked like any
field's for roles without the right to it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sohoa.text import clean_spaces, fold

from .assign import Pending, assign
from .citation import cited_numbers, citation_parts, issuer_end
from .fields import Draft, Found, _value_toks
from .layout import Tok, text_of, union
from .loader import FieldSpec, Label, Schema, label_key
from .normalize import UNIT_FOLDS
from .value_evidence import misplaced_office
from .value_start import value_start


def unmapped_pair(label: str, toks: list[Tok], page: int, value: str | None = None) -> dict:
    """A "label: value" pair whose label names no field, as the record lists it: the label, the value as read
    (personal data: masked like any field's value for roles without the right to it) and where it is, so a
    reviewer can give it to a field in one step."""
    text = clean_spaces(value if value is not None else " ".join(t.text for t in toks))
    return {"label": label, "value": text or None, "page": page,
            "bbox": list(union([t.bbox for t in toks])) if toks else None}


@dataclass
class PendingPair:
    """A "label: value" pair no label rule placed, kept for the record-wide decoding (``schemas/assign.py``):
    where it was read (``at``: how many fields the record had then, so the fields before and after it are
    known once the page is read) and, when it is listed as unmapped, that entry (taken off when placed)."""
    label: str
    toks: list[Tok]
    value: str
    section: str | None
    at: int
    page: int
    listed: dict | None = None


def pend(draft: Draft, label: str, toks: list[Tok], section: str | None, listed: dict | None, page: int,
         label_toks: Sequence[Tok] = ()) -> None:
    """The pair kept on the record as pending, its label taking back the words the label ran on into: a value
    that opens in lower case with label words ("Xx. | yyy thị trấn …"), or a unit's name cut between the label
    and the value ("Xx Đại | đội 2, …")."""
    toks = [t for t in toks if not t.leader]
    k = value_start(toks) if toks and toks[0].text[:1].islower() else None
    if k is not None and k <= 2:  # label words the label ran on into ("Xx. | yyy thị trấn …"): the label's
        label, toks = clean_spaces(f"{label} {text_of(toks[:k])}"), toks[k:]
    if toks and len(label_toks) > 1 and fold(text_of([label_toks[-1], toks[0]])) in UNIT_FOLDS:
        label, toks = text_of(list(label_toks[:-1])), [label_toks[-1], *toks]  # "Xx Đại | đội 2, …": the unit's name
    value = text_of(toks)
    if value:
        draft.pending.append(PendingPair(label, list(toks), value, section, len(draft.fields), page, listed))


def list_beyond(draft: Draft, toks: list[Tok], section: str | None, page: int) -> None:
    """Words a value ran on into past its end (``fields.place_and_tail``): a label nobody listed and its value,
    as a row of label words then a value is ("Mã định danh 0381…"), else label words alone. Listed as an
    unmapped pair, so review sees them, and kept for the record-wide decoding as any row of a label nobody
    listed is: placed there, the field says so and is never confident."""
    k = value_start(toks)
    label, value = (toks[:k], toks[k:]) if k is not None else (toks, [])
    listed = unmapped_pair(text_of(label), value or label, page, text_of(value) if value else None)
    draft.unmapped.append(listed)
    if value:
        pend(draft, text_of(label), value, section, listed, page, label)


def cited_parts(schema: Schema, spec: FieldSpec, toks: list[Tok]) -> tuple[list[Tok], list[tuple[FieldSpec, list[Tok]]]]:
    """A whole cited document placed on its number ("12/GBT do Trạm y tế xã cấp ngày 03/04/2001",
    ``citation.citation_parts``): the number's words, and each other part's field with its words (an issuer's
    without its closing verb); the value as read and no parts for any other field or value."""
    toks = [t for t in toks if not t.leader]
    spans = citation_parts([t.text for t in toks]) if spec.key in cited_numbers([f.key for f in schema.fields]) else None
    if spans is None:
        return toks, []
    doc = spec.key.rsplit(".", 1)[0]
    parts = []
    for part in ("issuer", "date"):
        words = toks[slice(*spans[part])]
        if part == "issuer":
            words = words[:issuer_end([t.text for t in words])]
        parts.append((schema.by_key[f"{doc}.{part}"], words))
    return toks[slice(*spans["number"])], parts


def _add_parts(draft: Draft, parts: list[tuple[FieldSpec, list[Tok]]], label: Label, page: int) -> None:
    """The other parts of a cited document placed by its look, each its field's while that field is unread;
    like the number, placed without a label of their own, so never confident."""
    for spec, words in parts:
        if spec.key in draft.fields or not (words := _value_toks(words, spec.kind, spec)):
            continue
        f = Found(spec, words, label, 0.5, page).finish()
        if f.value is not None:
            f.notes.append(f"placed by the record-wide decoding as a part of a cited document: no label names {spec.key}")
            draft.add(f)


def place_pending(schema: Schema, draft: Draft, page: int) -> None:
    """The pairs of the record no label rule placed on ``page``, given fields by the record-wide decoding: what
    each value looks like, where it sits between the fields read, its known label words, the label classifier,
    each field once (``schemas/assign.py``). A placed pair leaves the unmapped list; its field says it was
    placed without a label of its own, which keeps it from passing as confident."""
    pending = [p for p in draft.pending if p.page == page]
    if not pending:
        return
    keys = list(draft.fields)
    pairs = [Pending(p.label, p.value, p.section, keys[p.at - 1] if 0 < p.at <= len(keys) else None,
                     keys[p.at] if p.at < len(keys) else None) for p in pending]
    filled = {k for k, f in draft.fields.items() if f.value is not None}
    placed_at: set[int] = set()
    for placed in assign(schema, pairs, filled):
        p = pending[placed.index]
        spec = schema.by_key[placed.key]
        toks, parts = cited_parts(schema, spec, p.toks)
        toks = _value_toks(toks, spec.kind, spec)
        if not toks:
            continue
        label = Label(p.label, label_key(p.label), by_meaning=True, source="assigned")
        f = Found(spec, toks, label, 0.5, p.page).finish()
        if f.value is None or misplaced_office(spec.role, f.value):
            continue
        f.notes.append(f"placed by the record-wide decoding (value, place in the form, known label words; "
                       f"score {placed.score:.1f}): no label names {spec.key}")
        draft.add(f)
        _add_parts(draft, parts, label, p.page)
        placed_at.add(placed.index)
        if p.listed is not None:
            draft.unmapped = [u for u in draft.unmapped if u is not p.listed]
    # a pair the decoding could not place and no rule listed (a row of label words nobody knows and its
    # value): listed now, so it ends on the record as unmapped rather than nowhere
    draft.unmapped += [unmapped_pair(p.label, p.toks, p.page, p.value) for i, p in enumerate(pending)
                       if i not in placed_at and p.listed is None]
    draft.pending = [p for p in draft.pending if p.page != page]
