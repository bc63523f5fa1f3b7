"""Splitting a record in two and merging two records into one: what a reviewer does when the extractor cut a
register or a dossier in the wrong places.

Pure functions over plain record dicts — the extractor's (``schemas/records.py: finish``) or the base of a
stored record document (``indexers/records.py``), with its ``review`` — so the same operations give the same
records whether a reviewer asks for them now or a later re-extraction replays them.

Where things are on the document is the only thing that says which side of a split they fall on: a field's
*position* is its page and the top of its box (``bbox`` as OCR saw the page, else the box a reviewer drew).
A split at a point sends every field at or after it to a new record; a merge appends the next record's
fields to the first one's. Fields under a list (``relatives[2].full_name``) move as whole entries and are
numbered again; the review answers, reasons and ``doubtful`` keys that name them follow them.

A document's *layout* is the list of operations people made on it, in order (``{"op": "split" | "merge",
"at": [page, y]}``). ``replay`` applies it to a fresh extraction: a split is made again where a record still
straddles its point, a merge where a record still starts at (or near) it; an operation the new extraction
already agrees with changes nothing.
"""

from __future__ import annotations

import copy
import math
import re
from typing import Any, Iterator

from schemas.confidence import CONFIDENT
from schemas.review import ReviewError, get_node, reason_field, set_node

OPS = ("split", "merge")
MERGE_TOLERANCE = 40  # pixels: a record starting this close to a merge's point is the one merged on a replay
MAX_ROUNDS = 20
_ENTRY = re.compile(r"^([^\[\].]+)\[(\d+)\]")
_MISSING = re.compile(r"^[\w.\[\]]+: required field missing$")

Position = tuple[int, float]


# --- where things are ---------------------------------------------------------------------------------

def _leaves(node: Any, prefix: str = "") -> Iterator[tuple[str, dict]]:
    if isinstance(node, dict) and "value" in node and ("raw" in node or "added" in node):
        yield prefix, node
    elif isinstance(node, dict):
        for k, v in node.items():
            yield from _leaves(v, f"{prefix}.{k}" if prefix else k)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _leaves(v, f"{prefix}[{i}]")


def node_position(node: dict | None) -> Position | None:
    """(page, top of the box) of a field; None when it has no page."""
    if not isinstance(node, dict) or not node.get("page"):
        return None
    box = node.get("bbox") or node.get("image_box")
    top = float(box[1]) if isinstance(box, (list, tuple)) and len(box) == 4 else math.inf
    return int(node["page"]), top


def point_of(at: Any) -> Position:
    if not (isinstance(at, (list, tuple)) and len(at) == 2 and isinstance(at[0], int) and at[0] >= 1
            and isinstance(at[1], (int, float))):
        raise ReviewError("a split or merge point is [page, y]")
    return int(at[0]), float(at[1])


def _units(record: dict) -> list[tuple[str, Any, Position | None]]:
    """What moves as one: each top-level field (``mother.full_name`` too) and each list entry (``relatives[0]``),
    with its position (the earliest of its fields')."""
    out: list[tuple[str, Any, Position | None]] = []
    fields = record.get("fields") or {}
    for key, node in fields.items():
        if isinstance(node, list):
            for i, entry in enumerate(node):
                spots = [p for _, leaf in _leaves(entry) if (p := node_position(leaf)) is not None]
                out.append((f"{key}[{i}]", entry, min(spots) if spots else None))
        elif isinstance(node, dict) and not ("value" in node and ("raw" in node or "added" in node)):
            for sub, leaf in _leaves(node, key):
                out.append((sub, leaf, node_position(leaf)))
        else:
            out.append((key, node, node_position(node)))
    return out


def start_of(record: dict) -> Position:
    """Where a record begins on its document: its earliest field, else the top of its first page."""
    spots = [p for _, _, p in _units(record) if p is not None]
    if spots:
        return min(spots)
    pages = record.get("pages") or [0]
    return int(pages[0]), 0.0


def straddles(record: dict, at: Position) -> bool:
    spots = [p for _, _, p in _units(record) if p is not None]
    return any(p < at for p in spots) and any(p >= at for p in spots)


# --- keys that move -----------------------------------------------------------------------------------

def _rename(key: str, renames: dict[str, str]) -> str:
    """``relatives[3].full_name`` with ``{"relatives[3]": "relatives[0]"}`` -> ``relatives[0].full_name``."""
    m = _ENTRY.match(key)
    if m and m.group(0) in renames:
        return renames[m.group(0)] + key[m.end():]
    return key


def _unit_of(key: str) -> str:
    m = _ENTRY.match(key)
    return m.group(0) if m else key


def _reason_key(reason: Any) -> str | None:
    return reason_field(reason)


def _rename_reason(reason: Any, renames: dict[str, str]) -> Any:
    key = _reason_key(reason)
    if key is None or not isinstance(reason, str):
        return reason
    return _rename(key, renames) + reason[len(key):]


def _missing_keys(record_type: str | None, fields: dict) -> list[str]:
    from schemas.review import _schemas
    schema = _schemas().get(record_type or "")
    if schema is None:
        return []
    present = {k for k, _ in _leaves(fields)}
    plain = {re.sub(r"\[\d+\]", "[]", k) for k in present}
    return [s.key for s in schema.fields if s.required and not s.internal and s.key not in present
            and not any(p == s.key or p.startswith(s.key + ".") or p.startswith(s.key.replace("[]", "") + "[")
                        for p in plain)]


def _confidence(fields: dict) -> float:
    confs = [n["confidence"] for _, n in _leaves(fields) if isinstance(n.get("confidence"), (int, float))]
    return round(sum(confs) / len(confs), 3) if confs else 0.0


def _finish(record: dict, fields: dict, *, pages: list[int], reasons: list, doubtful: list[str],
            unmapped: list, review: dict | None) -> dict:
    """A record made of ``fields``: its required fields missing, confidence and review flag computed again."""
    missing = _missing_keys(record.get("record_type"), fields)
    reasons = [r for r in reasons if not (isinstance(r, str) and _MISSING.match(r))]
    reasons += [f"{k}: required field missing" for k in missing]
    out = {**record, "fields": fields, "pages": sorted(set(pages)), "review_reasons": list(dict.fromkeys(reasons)),
           "doubtful": list(dict.fromkeys(doubtful)), "missing": missing, "unmapped": unmapped,
           "confidence": _confidence(fields)}
    out["needs_review"] = bool(record.get("needs_review") or out["review_reasons"])
    if review is not None:
        out["review"] = review
    return out


def _place(fields: dict, unit: str, node: Any) -> None:
    m = _ENTRY.fullmatch(unit)
    if m:
        fields.setdefault(m.group(1), []).append(node)
    else:
        set_node(fields, unit, node)


# --- split ----------------------------------------------------------------------------------------------

def split_record(record: dict, at: Position) -> tuple[dict, dict]:
    """``record`` cut at ``at`` (page, y): the fields before stay, those at or after it make the second record.
    Pages: the first keeps those before the point's page (and that page when the point is below its top), the
    second those from the point's page on. ReviewError when one side would hold no field."""
    at = point_of(list(at))
    units = _units(record)
    first_f: dict = {}
    second_f: dict = {}
    side: dict[str, int] = {}
    renames: list[dict[str, str]] = [{}, {}]
    for unit, node, pos in units:
        s = 1 if pos is not None and pos >= at else 0
        target = (first_f, second_f)[s]
        m = _ENTRY.fullmatch(unit)
        if m:
            new = f"{m.group(1)}[{len(target.get(m.group(1)) or [])}]"
            renames[s][unit] = new
            side[unit] = s
        else:
            side[unit] = s
        _place(target, unit, copy.deepcopy(node))
    if not first_f or not second_f:
        raise ReviewError("nothing on one side of the split: choose a field after the record's first one")

    def which(key: str) -> int | None:
        return side.get(_unit_of(key)) if _unit_of(key) in side else side.get(key)

    reasons: list[list] = [[], []]
    for r in record.get("review_reasons") or []:
        key = _reason_key(r)
        s = which(key) if key else None
        if s is None:
            reasons[0].append(r)
            reasons[1].append(r)
        else:
            reasons[s].append(_rename_reason(r, renames[s]))
    doubtful: list[list[str]] = [[], []]
    for k in record.get("doubtful") or []:
        s = which(k)
        doubtful[s or 0].append(_rename(k, renames[s or 0]))
    unmapped: list[list] = [[], []]
    for u in record.get("unmapped") or []:
        pos = node_position(u) if isinstance(u, dict) else None
        unmapped[1 if pos is not None and pos >= at else 0].append(u)
    reviews: list[dict | None] = [None, None]
    review = record.get("review")
    if review:
        parts = [copy.deepcopy({k: v for k, v in review.items() if k != "fields"}) for _ in range(2)]
        for p in parts:
            p["fields"] = {}
        for key, fr in (review.get("fields") or {}).items():
            s = which(key)
            if s is None:  # an answer whose field is in neither part (added with no node): by where it was drawn
                pos = (int(fr["page"]), float((fr.get("bbox") or [0, 0])[1])) if fr.get("page") else None
                s = 1 if pos is not None and pos >= at else 0
            parts[s]["fields"][_rename(key, renames[s])] = fr
        reviews = parts
    pages = record.get("pages") or []
    first_pages = [p for p in pages if p < at[0] or (p == at[0] and at[1] > 0)] or pages[:1]
    second_pages = [p for p in pages if p >= at[0]] or [at[0]]
    first = _finish(record, first_f, pages=first_pages, reasons=reasons[0], doubtful=doubtful[0],
                    unmapped=unmapped[0], review=reviews[0])
    second = _finish(record, second_f, pages=second_pages, reasons=reasons[1], doubtful=doubtful[1],
                     unmapped=unmapped[1], review=reviews[1])
    return first, second


# --- merge ----------------------------------------------------------------------------------------------

def _values(entry: Any) -> list:
    return [n.get("value") for _, n in _leaves(entry)]


def merge_records(first: dict, second: dict) -> dict:
    """``second``'s fields added to ``first``'s (a dossier read as two records; an entry cut in two by a page
    turn). A field both have: one a person answered wins, else the more confident one, and when they differ
    the record says so (``pages disagree``, a review reason). List entries are appended, an identical one
    once."""
    fields = copy.deepcopy(first.get("fields") or {})
    review_a = copy.deepcopy((first.get("review") or {}).get("fields") or {})
    review_b = (second.get("review") or {}).get("fields") or {}
    taken: dict[str, str] = {}  # second's unit -> its key in the merged record
    reasons = list(first.get("review_reasons") or [])
    disputed: list[str] = []  # fields the two read differently and no person answered
    first_pages = first.get("pages") or []
    second_pages = second.get("pages") or []
    for unit, node, _ in _units(second):
        m = _ENTRY.fullmatch(unit)
        if m:
            existing = fields.get(m.group(1)) or []
            if any(_values(e) == _values(node) for e in existing):
                continue
            new = f"{m.group(1)}[{len(existing)}]"
            _place(fields, unit, copy.deepcopy(node))
            taken[unit] = new
            continue
        mine = get_node(fields, unit)
        if mine is None:
            set_node(fields, unit, copy.deepcopy(node))
            taken[unit] = unit
            continue
        if mine.get("value") == node.get("value"):
            continue
        mine_answered, theirs_answered = unit in review_a, unit in review_b
        theirs_better = theirs_answered and not mine_answered or (
            not mine_answered and not theirs_answered and (node.get("confidence") or 0) > (mine.get("confidence") or 0))
        if theirs_better:
            set_node(fields, unit, copy.deepcopy(node))
            taken[unit] = unit
            review_a.pop(unit, None)
        if not (theirs_answered if theirs_better else mine_answered):
            disputed.append(unit)
        a_page = mine.get("page") or (first_pages[:1] or [0])[0]
        b_page = node.get("page") or (second_pages[:1] or [0])[0]
        reasons.append(f"{unit}: pages {min(a_page, b_page)} and {max(a_page, b_page)} disagree")
    renames = {u: k for u, k in taken.items() if u != k}
    for r in second.get("review_reasons") or []:
        key = _reason_key(r)
        if key is None:
            reasons.append(r)
        elif _unit_of(key) in taken or key in taken:
            reasons.append(_rename_reason(r, renames))
    doubtful = list(first.get("doubtful") or []) + [_rename(k, renames) for k in second.get("doubtful") or []
                                                   if _unit_of(k) in taken or k in taken]
    for unit in disputed:
        # one of the two readings is wrong and nothing says which: the kept one is never confident (as
        # records._merge does for a record's own pages)
        kept = get_node(fields, unit)
        if kept is not None and (kept.get("confidence") or 0) >= CONFIDENT:
            kept["confidence"] = CONFIDENT - 0.001
        if unit not in doubtful:
            doubtful.append(unit)
    review = None
    if first.get("review") or second.get("review"):
        review = copy.deepcopy({k: v for k, v in (first.get("review") or second.get("review") or {}).items()
                                if k != "fields"})
        for key, fr in review_b.items():
            if _unit_of(key) in taken or key in taken:
                review_a[_rename(key, renames)] = fr
        review["fields"] = review_a
        rounds = ((first.get("review") or {}).get("rounds") or []) + ((second.get("review") or {}).get("rounds") or [])
        review["rounds"] = sorted(rounds, key=lambda r: str(r.get("at")))[-MAX_ROUNDS:]
    merged = _finish(first, fields, pages=[*first_pages, *second_pages], reasons=reasons, doubtful=doubtful,
                     unmapped=[*(first.get("unmapped") or []), *(second.get("unmapped") or [])], review=review)
    merged["needs_review"] = bool(first.get("needs_review") or second.get("needs_review") or merged["review_reasons"])
    return merged


# --- a document's layout --------------------------------------------------------------------------------

def check_op(op: dict) -> dict:
    if not isinstance(op, dict) or op.get("op") not in OPS:
        raise ReviewError(f"a layout operation is one of {', '.join(OPS)}")
    return {**op, "at": list(point_of(op.get("at")))}


def in_order(records: list[dict]) -> list[dict]:
    """A document's records in reading order (where each begins), ties in the order given."""
    return [r for _, r in sorted(enumerate(records), key=lambda ir: (start_of(ir[1]), ir[0]))]


def next_of(records: list[dict], record: dict, same=lambda a, b: a is b) -> dict | None:
    """The record that comes after ``record`` in its document (``records``: all of them)."""
    ordered = in_order(records)
    for i, r in enumerate(ordered):
        if same(r, record):
            return ordered[i + 1] if i + 1 < len(ordered) else None
    return None


def replay(records: list[dict], ops: list[dict]) -> list[dict]:
    """The layout people made (``ops``, in order) applied to a document's records, e.g. a fresh extraction.

    Every record carries ``ordinal`` (its place in the extraction) and ``split`` (None, or the number of the
    split that made it: ``index + 1`` in ``ops``), which is what its ID is made of, so a record people made
    gets the same ID, and so keeps its review, every time the layout is replayed."""
    out = list(records)
    for n, raw in enumerate(ops):
        try:
            op = check_op(raw)
        except ReviewError:
            continue  # a stored operation this code cannot read changes nothing rather than stopping the document
        at = tuple(op["at"])
        if op["op"] == "split":
            for i, r in enumerate(out):
                if straddles(r, at):
                    a, b = split_record(r, at)
                    b["split"] = n + 1
                    out[i:i + 1] = [a, b]
                    break
        else:
            ordered = in_order(out)
            best = None
            for i in range(1, len(ordered)):
                page, top = start_of(ordered[i])
                if page == at[0] and abs(top - at[1]) <= MERGE_TOLERANCE:
                    if best is None or abs(top - at[1]) < best[0]:
                        best = (abs(top - at[1]), i)
            if best is not None:
                a, b = ordered[best[1] - 1], ordered[best[1]]
                merged = merge_records(a, b)
                out = [merged if r is a else r for r in out if r is not b]
    return out
