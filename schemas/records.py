"""A record as output: fields nested as the contract's keys say, calibrated confidences, review flags and
reasons, the required fields missing and the labels that named no field; and how the records of one
file's pages are merged."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, cast

from sohoa.text import fold

from .checks import _boost, doubts_across_fields, run_checks
from .assign import implausible
from .confidence import CONFIDENT, calibrate, resolution
from .fields import Draft
from .label_edges import name_like
from .label_model import agreement
from .labels import value_kind
from .model import ExtractedRecord, UnmappedEntry
from .review_rule import FieldDoubt, hold_reasons
from .value_evidence import AGREES, DISAGREES, VOUCHED_MIN_OCR, VOUCHED_SCORE
from .value_reading import doubt as value_reading_doubt
from .wording_causes import strange_causes, unplaced_pair_counts

REVIEW_THRESHOLD = CONFIDENT  # a field under this calibrated confidence is doubtful (schemas/review_rule.py)
AGREEMENT = False  # group the calibration by the label classifier's agreement too (tried: see docs/benchmarks.md)


def weigh_labels(d: Draft) -> None:
    """How each field's label was read, whether the label classifier, given the label, the value and the field
    read before it, picks the same field, and whether the record's wording is familiar: the evidence the
    calibration is grouped by."""
    previous = None
    found = d.found()
    for f in found:
        f.how = resolution(f.label, f.label_score, f.notes)
        if AGREEMENT and d.schema is not None and not f.spec.internal:
            f.agree = agreement(d.schema, f.spec.key, f.label.text, f.raw, previous)
            previous = f.spec.key
    missing = d.schema is not None and any(
        s.required and s.key not in d.fields and not d.lists.get(s.key) for s in d.schema.fields)
    # how familiar the whole form is: every label one of the type's wordings ("known"); nothing unplaced but some
    # label read only from its meaning, its value or the classifier ("partly": a form nobody listed, read well);
    # a label unplaced, a required field missing, or a field placed by the record-wide decoding (a label nobody
    # listed and the model could not name) ("strange")
    listed = all(f.how in ("exact", "fuzzy") for f in found)
    strange = d.strange = strange_causes(bool(d.unmapped), missing, (f.how for f in found))
    wording = "strange" if strange else "known" if listed else "partly"
    for f in found:
        f.wording = wording
        f.layout = d.layout


# a person's name or a place the lists vouch for whole, under a label read fuzzily or from its meaning, on a form
# whose every label was placed: on the seen and dev splits (seeds 7, 11, 13), 540 such values read with no repair
# or doubt scored under the floor, none wrong, 39 of them held for OCR's doubt about their print; the same values
# on a form with a label unplaced were wrong 8 times in 271 and are left as they are
VOUCHED_READINGS = frozenset({"fuzzy", "meaning"})
VOUCHED_KINDS = frozenset({"name", "place"})


def floor_vouched(d: Draft) -> None:
    """The floor ``fields.Found.finish`` gives a vouched value under a label read word for word, for a name or a
    place whose label was read fuzzily or from its meaning on a form with nothing unplaced (``wording`` not
    ``strange``): what OCR's word confidence doubts there is the print, not the reading."""
    for f in d.found():
        if f.evidence == AGREES and f.spec.kind in VOUCHED_KINDS and f.how in VOUCHED_READINGS \
                and f.wording != "strange" and not f.notes and f.ocr >= VOUCHED_MIN_OCR:
            f.confidence = max(f.confidence, VOUCHED_SCORE)


def _set(out: dict, key: str, value: Any) -> None:
    parts = key.split(".")
    for p in parts[:-1]:
        out = out.setdefault(p, {})
    out[parts[-1]] = value


def finish(d: Draft, calibrated: bool = True) -> ExtractedRecord:
    """The record as output. ``calibrated``: field confidences mapped to probabilities of being right
    (schemas/confidence.py); False gives the raw scores the calibration is fitted on."""
    run_checks(d)
    weigh_labels(d)
    floor_vouched(d)
    if calibrated:
        for f in d.found():
            f.confidence = calibrate(f.spec.kind, f.clean, f.confidence, how=f.how, agree=f.agree, wording=f.wording,
                                     layout=f.layout, value=f.evidence, confirmed=f.confirmed)
            if f.confidence >= CONFIDENT and f.raw and implausible(f.spec, f.raw):
                # the value plainly is not what its field holds (a place with no place in it, a relation that is
                # no person's word, a unit that names no unit, a label's words as a value): whatever the label
                # said, the wrong value was read — the calibration, fitted on forms whose values sit where their
                # labels say, cannot know that
                f.confidence = CONFIDENT - 0.001
                f.notes.append(f"the value does not look like a {f.spec.kind} of this field")
            elif f.confidence >= CONFIDENT and f.digits_doubted:
                # a digit of like shape misread (6 for 8) keeps its word's confidence: the page's other digits
                # read with doubt are the only sign (schemas/digit_doubt.py)
                f.confidence = CONFIDENT - 0.001
                f.notes.append("other digits on its page were read with doubt")
            elif f.confidence >= CONFIDENT and f.code_garbled_page:
                # a code's digit of like shape misread (0 for 9) keeps its word's confidence: the page's words that
                # OCR made up from specks are the only sign (schemas/garbled_page.py)
                f.confidence = CONFIDENT - 0.001
                f.notes.append("its page has words OCR garbled: a digit of the code may be misread")
            elif f.confidence >= CONFIDENT and f.read_otherwise:
                # two pages of the record read the field differently: one of them is wrong, and the maps, fitted
                # field by field, cannot know which — the score's 0.7 for it is no match for a value that
                # reads well on its own page
                f.confidence = CONFIDENT - 0.001
                f.notes.append("another page of the record reads it differently")
            elif f.confidence >= CONFIDENT and (why := value_reading_doubt(d.schema, f.spec, f.how)):
                # placed from its value alone: the value says what it is, not whose, and a code's shape survives
                # a misread separator (schemas/value_reading.py); the value reading's maps, pooled over kinds,
                # cannot know either
                f.confidence = CONFIDENT - 0.001
                f.notes.append(why)
            elif f.confidence >= CONFIDENT and f.evidence == DISAGREES:
                # the gazetteer or the name lists say the value is not whole (a unit no level has, a name of one
                # word): its note says so, and no map of read values may vouch for it
                f.confidence = CONFIDENT - 0.001
        for f, why in doubts_across_fields(d):
            f.notes.append(why)
            if f.confidence >= CONFIDENT:
                f.confidence = CONFIDENT - 0.001  # (a record-wide doubt the calibration, field by field, cannot see)
    doubtful: list[str] = []
    seen: list[FieldDoubt] = []
    fields: dict[str, Any] = {}
    confs = []
    schema = d.schema

    def weigh(key: str, f) -> None:
        seen.append(FieldDoubt(key, f.spec.kind, f.spec.identity, f.spec.required, f.value is not None,
                               f.confidence))
        if f.value is None or f.confidence < REVIEW_THRESHOLD:
            doubtful.append(key)

    for key, f in d.fields.items():
        if f.spec.internal:
            continue
        _set(fields, key, f.as_dict(calibrated))
        confs.append(f.confidence)
        weigh(key, f)
    for key, items in d.lists.items():
        base, _, sub = key.partition("[].")
        lst = fields.setdefault(base, [])
        for f in items:
            entry = {sub: f.as_dict(calibrated)}
            if f.relation:
                entry["relation"] = {"value": f.relation, "raw": f.label.text, "confidence": round(f.label_score, 3),
                                     "page": f.page, "bbox": None}
            lst.append(entry)
            confs.append(f.confidence)
            weigh(f"{base}[{len(lst) - 1}].{sub}", f)
    missing = [spec.key for spec in schema.fields if spec.required and spec.key not in d.fields
               and not d.lists.get(spec.key)] if schema is not None else []
    conflicts = list(d.reasons)
    if d.classification < 0.6 and schema is not None:
        conflicts.append("record type taken from the collection, no heading recognised")
    reasons = hold_reasons(seen, missing=missing, unmapped=d.unmapped, schema=schema, threshold=REVIEW_THRESHOLD,
                           conflicts=conflicts, type_known=schema is not None)
    conf = sum(confs) / len(confs) if confs else 0.0
    out: ExtractedRecord = {
        "record_type": d.record_type,
        "family": schema.family if schema else None,
        "schema_version": schema.schema_version if schema else None,
        "fields": fields,
        "pages": sorted(set(d.pages)),
        "confidence": round(conf, 3),
        "needs_review": bool(reasons),
        "review_reasons": reasons,
        "missing": missing,  # required fields not found (keys)
        "doubtful": doubtful,  # fields under the confidence threshold or with no readable value (keys)
        # "label: value" pairs naming no field: {label, value, page, bbox}, one per pair (the value is personal
        # data: kept for the reviewer who gives it to a field, masked as any value is)
        "unmapped": unmapped_entries(d.unmapped + d.shared),
    }
    if not calibrated:
        # read with calibration off (the fits' and the benchmark's reading), what made the wording strange,
        # counted: cause names and counts of unplaced pairs only, never a label's or a value's text
        out["wording"] = {"causes": d.strange, "shared": len(d.shared),
                          "unplaced": unplaced_pair_counts(d.unmapped, schema, [f.key for f in seen if f.readable])}
    return out




def unmapped_entries(items: list) -> list[UnmappedEntry]:
    """One entry per pair, the first read; labels alone (records made before values were kept) as entries. Two
    values under one label (a label nobody knows, printed twice, or over two values side by side) are two
    entries: keeping one by its label would drop the other's value without a trace."""
    out: dict[tuple[str, str | None], UnmappedEntry] = {}
    for u in items:
        entry = cast(UnmappedEntry, u) if isinstance(u, dict) else UnmappedEntry(label=str(u), value=None, page=None,
                                                                                  bbox=None)
        out.setdefault((str(entry["label"]), entry.get("value")), entry)
    return list(out.values())


def unmapped_labels(record: dict) -> list[str]:
    return [u["label"] if isinstance(u, dict) else str(u) for u in record.get("unmapped") or []]


# --- documents ----------------------------------------------------------------------------------

def _name_of(d: Draft) -> str | None:
    """Who (or what) the record is about, to tell two records apart: its subject's names as the type declares
    them (``role: subject_name``), then an identifying code (a museum object's inventory number)."""
    if d.schema is None:
        return None
    keys = [f.key for f in d.schema.fields if f.role == "subject_name"]
    keys += [f.key for f in d.schema.fields if f.code]
    names = [d.fields[k].value for k in keys if k in d.fields and isinstance(d.fields[k].value, str)]
    return fold(" / ".join(names[:2])) if names else None


def _whole_place(a, b):
    """Of two pages' readings of one place, the whole one when the other is it cut short after a unit ("thị trấn
    Thái Sơn, huyện Chiêm Hóa" of "…, tỉnh Tuyên Quang": a degraded page loses a value's last units), else
    None."""
    if a.spec.kind != "place" or not isinstance(a.value, str) or not isinstance(b.value, str):
        return None
    short, long_ = sorted((a, b), key=lambda f: len(f.value))
    rest = long_.value[len(short.value):]
    if long_.value.startswith(short.value) and rest.startswith(",") and len(rest.strip(", ")) >= 3:
        return long_
    return None


def _place_not_name(a, b):
    """Of two pages' readings of one place, the one that reads as a place (a level word, a known province or
    district) when the other is written as a person's name ("La Văn Xxx": a name's label misread as a place's on
    one page), else None. Nobody is born or lives in a person's name; the pages still disagree."""
    if a.spec.kind != "place" or not isinstance(a.value, str) or not isinstance(b.value, str):
        return None
    for place, other in ((a, b), (b, a)):
        if value_kind(place.value) == "place" and name_like(other.value.split()):
            return place
    return None


def _merge(into: Draft, d: Draft) -> None:
    into.pages.extend(d.pages)
    into.unmapped.extend(d.unmapped)
    into.shared.extend(d.shared)
    into.classification = max(into.classification, d.classification)
    for key, f in d.fields.items():
        old = into.fields.get(key)
        if old is None:
            into.fields[key] = f
        elif old.value == f.value:
            old.confidence = _boost(max(old.confidence, f.confidence), min(old.confidence, f.confidence))
        elif (whole := _whole_place(old, f)) is not None:
            cut = f if whole is old else old
            into.fields[key] = whole
            whole.notes.append(f"page {cut.page} read the place cut short")
        else:
            keep = _place_not_name(old, f) or (old if old.confidence >= f.confidence else f)
            other = f if keep is old else old
            into.fields[key] = keep
            keep.confidence *= 0.7
            keep.read_otherwise = True
            keep.read_elsewhere.append(other.value)
            into.reasons.append(f"{key}: pages {min(keep.page, other.page)} and {max(keep.page, other.page)} disagree")
    for key, items in d.lists.items():
        have = {(fold(str(x.value)), x.relation) for x in into.lists.get(key, [])}
        for f in items:
            if (fold(str(f.value)), f.relation) not in have:
                into.lists.setdefault(key, []).append(f)




def flatten_fields(record: Mapping[str, Any], attribute: str = "value") -> dict[str, Any]:
    """``{"mother": {"full_name": {...}}}`` -> ``{"mother.full_name": value}`` (lists as ``relatives[0].full_name``).

    ``attribute`` picks what each field gives: its ``value`` (the default),
    ``confidence``, ``raw``, ``page`` or ``bbox``.
    """
    out: dict[str, Any] = {}

    def walk(prefix: str, node: Any) -> None:
        if isinstance(node, dict) and "value" in node and "raw" in node:
            out[prefix] = node.get(attribute)
        elif isinstance(node, dict):
            for k, v in node.items():
                walk(f"{prefix}.{k}" if prefix else k, v)
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(f"{prefix}[{i}]", v)

    walk("", record.get("fields", {}))
    return out


def to_json(records: Sequence[Mapping[str, Any]]) -> str:
    return json.dumps(records, ensure_ascii=False, indent=2)
