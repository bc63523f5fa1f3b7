"""People's answers to doubtful records: decisions per field, and the record they make.

Pure functions over plain data (no I/O): ``indexers/reviews.py`` stores what
these compute, ``indexers/records.py`` applies it whenever a record document is
built, so the same decisions give the same record after any re-extraction.

A record's review lives beside its extracted fields, under ``review``::

    {"fields": {"full_name": FieldReview, "mother.full_name": FieldReview, ...},
     "record_type": {"value": "death", "original": "birth", "by": ..., "at": ...} | None,
     "rounds": [{"by": "Lan", "at": "2026-12-04T20:00:00+00:00", "fields": 7}, ...]}

One ``FieldReview`` per field key (flattened, ``relatives[0].full_name``)::

    {"status": "verified" | "pending" | "disputed",
     "action": "accept" | "edit" | "illegible" | "not_on_page" | "add",
     "value": what the record now says (None: illegible or not on the page),
     "typed": what the reviewer typed (edit, add), NFC,
     "by", "at": who decided first, and when,
     "confirmed_by", "confirmed_at": the second reviewer (two-person rule) or the arbitrator,
     "original": {"value", "raw", "confidence"} as the extractor gave it (None for an added field),
     "page", "bbox": where an added field is on the page (drawn on the stored page image, so in its pixels,
                     not in those of the image OCR saw),
     "proposals": [{"by", "at", "action", "value"}, ...]: the answers that disagree (disputed)}

The two-person rule: on a field it covers (``two_person_kinds``: names and
dates by default), an answer that changes the extractor's value is ``pending``
until a second reviewer gives the same answer (then ``verified``); a different
answer makes the field ``disputed``, which only an arbitrator settles.
Accepting the extractor's value changes nothing and is verified at once.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import Any

from sohoa.text import clean_spaces

ACTIONS = ("accept", "edit", "illegible", "not_on_page", "add")
CHANGES = ("edit", "illegible", "not_on_page", "add")  # answers that change what the extractor said
FINAL, PENDING, DISPUTED = "verified", "pending", "disputed"
# A record's review status, as the records index stores it (review_status).
RECORD_STATUSES = ("needs_review", "awaiting_second", "disputed", "verified", "ok")
QUEUE_STATUSES = ("needs_review", "awaiting_second")  # what reviewers are given; disputes go to arbitration
MAX_TYPED = 500

_INDEX = re.compile(r"\[(\d+)\]")
_PATH = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


class ReviewError(ValueError):
    """A decision that cannot be applied. Messages name field keys and actions, never values."""


@dataclass(frozen=True)
class Decision:
    field: str
    action: str
    value: Any = None       # what the reviewer typed (edit, add)
    page: int | None = None
    bbox: list | None = None
    unmapped: str | None = None  # the label of the unmapped "label: value" pair this answer gives to the field


# --- field keys and kinds ------------------------------------------------------------------------

def spec_key(key: str) -> str:
    """``relatives[0].full_name`` -> ``relatives[].full_name`` (the key in schemas/types/*.json)."""
    return _INDEX.sub("[]", key)


def leaf(key: str) -> str:
    return _INDEX.sub("", key).rsplit(".", 1)[-1]


def _schemas():
    # loaded once per folder (schemas/loader.py); read each time so that SOHOA_RECORD_TYPES_DIR is the one in force
    from schemas.loader import load_schemas
    return load_schemas()


def field_kind(record_type: str | None, key: str) -> str:
    """The kind of a field (name, date, id, place, text, number, ...) from its record type's schema; for a key
    the schema does not list, its kind in the other record types (a field kept from the type a reviewer changed
    the record from), else a guess from how its last part is worded."""
    types = _schemas()
    schema = types.get(record_type or "")
    spec = schema.field(spec_key(key)) if schema is not None else None
    if spec is None:
        spec = next((s for t in types.values() for s in t.fields if s.key == spec_key(key)), None)
    if spec is not None:
        return spec.kind
    last = leaf(key)
    if last == "date" or last.startswith("date_") or last.endswith("_date"):
        return "date"
    return "text"


def two_person(record_type: str | None, key: str, rule: tuple[str, ...] | list[str]) -> bool:
    """Whether ``rule`` (field kinds or field keys) covers this field."""
    return bool(rule) and (field_kind(record_type, key) in rule or spec_key(key) in rule or leaf(key) in rule)


def known_types() -> tuple[str, ...]:
    return tuple(sorted(_schemas()))


def addable_keys(record_type: str | None) -> list[str]:
    """Field keys of a record type a reviewer may add (not internal, not inside a list)."""
    schema = _schemas().get(record_type or "")
    return [s.key for s in schema.fields if not s.internal and "[]" not in s.key] if schema is not None else []


# --- reading what a person typed -------------------------------------------------------------------

def read_typed(record_type: str | None, key: str, typed: Any) -> tuple[Any, str]:
    """(normal value, the text as typed, NFC) for a value a reviewer typed; ReviewError when it is not one."""
    if typed is None or (isinstance(typed, str) and not typed.strip()):
        raise ReviewError(f"{key}: an edit needs a value (or mark the field illegible or not on the page)")
    text = clean_spaces(str(typed))
    if len(text) > MAX_TYPED:
        raise ReviewError(f"{key}: a value is at most {MAX_TYPED} characters")
    kind = field_kind(record_type, key)
    from schemas.normalize import KINDS, normalise
    if kind in ("date", "id", "sex", "percent", "time"):
        schema = _schemas().get(record_type or "")
        spec = schema.field(spec_key(key)) if schema is not None else None
        norm = normalise(kind, text, spec.values if spec is not None else None)
        if norm.value is None:
            raise ReviewError(f"{key}: not understood as a {kind}")
        return norm.value, text
    if kind == "name":
        # Names as the reviewer wrote them, title case word by word (as extraction does).
        return " ".join(w[:1].upper() + w[1:] for w in text.split()), text
    if kind in KINDS and kind not in ("text", "place", "number"):
        norm = normalise(kind, text)
        return (norm.value if norm.value is not None else text), text
    return text, text


# --- nested fields by flat key ---------------------------------------------------------------------

def path_of(key: str) -> list[str | int]:
    out: list[str | int] = []
    for name, index in _PATH.findall(key):
        out.append(int(index) if index else name)
    if not out:
        raise ReviewError("an empty field key")
    return out


def get_node(fields: dict, key: str) -> dict | None:
    node: Any = fields
    for part in path_of(key):
        if isinstance(part, int):
            if not isinstance(node, list) or part >= len(node):
                return None
            node = node[part]
        else:
            if not isinstance(node, dict) or part not in node:
                return None
            node = node[part]
    return node if isinstance(node, dict) and "value" in node else None


def set_node(fields: dict, key: str, node: dict) -> None:
    parts = path_of(key)
    cur: Any = fields
    for part, nxt in zip(parts, parts[1:]):
        empty: Any = [] if isinstance(nxt, int) else {}
        if isinstance(part, int):
            while len(cur) <= part:
                cur.append({})
            if not isinstance(cur[part], (dict, list)) or not cur[part]:
                cur[part] = cur[part] or empty
            cur = cur[part]
        else:
            if part not in cur or not isinstance(cur[part], (dict, list)):
                cur[part] = empty
            cur = cur[part]
    last = parts[-1]
    if isinstance(last, int):
        while len(cur) <= last:
            cur.append({})
    cur[last] = node


def original_of(node: dict | None) -> dict | None:
    if node is None:
        return None
    return {"value": node.get("value"), "raw": node.get("raw"), "confidence": node.get("confidence")}


# --- deciding one field ------------------------------------------------------------------------------

def _answer(decision: Decision, record_type: str | None, node: dict | None) -> tuple[str, Any, str | None]:
    """(action, value the record would say, typed text) for one decision, before the two-person rule."""
    action = decision.action
    if action not in ACTIONS:
        raise ReviewError(f"{decision.field}: unknown action {action!r}; one of {', '.join(ACTIONS)}")
    if action == "accept":
        if node is None:
            raise ReviewError(f"{decision.field}: no such field to accept")
        return "accept", node.get("value"), None
    if action in ("illegible", "not_on_page"):
        return action, None, None
    value, typed = read_typed(record_type, decision.field, decision.value)
    return action, value, typed


def decide_field(prev: dict | None, node: dict | None, decision: Decision, *, who: str, at: str,
                 record_type: str | None, rule: tuple[str, ...]) -> dict:
    """The field's review after ``who`` answered ``decision``; ``node`` is the field as the record shows it now
    (the extractor's, or the first reviewer's answer while it is pending)."""
    if prev is not None and prev.get("status") == DISPUTED:
        raise ReviewError(f"{decision.field}: reviewers disagree on this field; it waits for arbitration")
    if decision.action == "add" and node is not None and prev is None and node.get("value") not in (None, ""):
        raise ReviewError(f"{decision.field}: the field exists; edit it instead")
    action, value, typed = _answer(decision, record_type, node)
    if prev is not None and prev.get("status") == PENDING and prev.get("by") != who:
        # The second reviewer: the same answer confirms it, another one is a dispute.
        if value == prev.get("value") and (action == "accept" or action == prev.get("action")
                                           or (action in ("edit", "add") and prev.get("action") in ("edit", "add"))):
            return {**prev, "status": FINAL, "confirmed_by": who, "confirmed_at": at}
        return {**prev, "status": DISPUTED, "proposals": [
            {"by": prev.get("by"), "at": prev.get("at"), "action": prev.get("action"), "value": prev.get("value")},
            {"by": who, "at": at, "action": action, "value": value}]}
    original = prev["original"] if prev is not None and "original" in prev else original_of(node)
    if action == "accept" and prev is not None and value != (original or {}).get("value"):
        return prev  # accepting an earlier answer as shown (one's own pending one, or one verified before)
    if action in ("edit", "add") and original is not None and value == original.get("value"):
        action = "accept"  # typed what the extractor read: nothing changed
    out = {"status": FINAL, "action": action, "value": value,
           "typed": typed, "by": who, "at": at, "original": original, "confirmed_by": None, "confirmed_at": None}
    if action == "add" or (node is None and action in CHANGES):
        out["page"] = decision.page
        out["bbox"] = decision.bbox if _is_box(decision.bbox) else None
    if decision.unmapped:
        out["from_unmapped"] = decision.unmapped
    if action in CHANGES and two_person(record_type, decision.field, rule):
        out["status"] = PENDING
    return out


def assign_unmapped(source: dict, field: str, index: int, *, image_box: list | None = None) -> Decision:
    """The answer that gives the record's ``index``-th unmapped "label: value" pair to ``field``: its value
    added (or, for a field the record has, put in place of what it says), at the pair's place on the page."""
    entries = source.get("unmapped") or []
    if not isinstance(index, int) or not 0 <= index < len(entries) or not isinstance(entries[index], dict):
        raise ReviewError(f"{field}: no such unmapped label to give it")
    entry = entries[index]
    if not entry.get("value"):
        raise ReviewError(f"{field}: that unmapped label has no value; add the field by typing it")
    node = get_node(source.get("fields") or {}, field)
    action = "edit" if node is not None and node.get("value") not in (None, "") else "add"
    return Decision(field, action, entry["value"], entry.get("page"), image_box or entry.get("bbox"),
                    unmapped=entry.get("label"))


def assigned_unmapped(review: dict | None) -> dict[str, str]:
    """Unmapped labels given to a field, and the field."""
    return {fr["from_unmapped"]: key for key, fr in ((review or {}).get("fields") or {}).items()
            if fr.get("from_unmapped")}


def arbitrate_field(prev: dict | None, decision: Decision, *, who: str, at: str, record_type: str | None,
                    node: dict | None) -> dict:
    """An arbitrator's answer: final whatever came before (kept under ``proposals``)."""
    if prev is None:
        raise ReviewError(f"{decision.field}: nothing to arbitrate")
    action, value, typed = _answer(decision, record_type, node)
    if action == "accept":
        value = (prev.get("original") or {}).get("value")
    return {**prev, "status": FINAL, "action": action, "value": value, "typed": typed, "confirmed_by": who,
            "confirmed_at": at, "arbitrated": True}


def _is_box(b: Any) -> bool:
    return isinstance(b, (list, tuple)) and len(b) == 4 and all(isinstance(x, (int, float)) for x in b)


# --- a whole record ------------------------------------------------------------------------------------

def field_keys(fields: dict) -> list[str]:
    from schemas.extract import flatten_fields
    return list(flatten_fields({"fields": fields}).keys())


def apply_decisions(source: dict, decisions: list[Decision], *, who: str, at: str, rule: tuple[str, ...],
                    record_type: str | None = None, arbitrate: bool = False, require_all: bool = True,
                    hidden: tuple[str, ...] = ()) -> dict:
    """The record's new ``review`` after one reviewer's answers (one submission).

    ``source``: the record as stored (its ``fields`` show current answers, ``review`` the decisions so far).
    ``require_all``: every field must have an answer once this submission is counted (fields in ``hidden``,
    which the reviewer's role may not see, excepted). ``record_type``: a new type for the record.
    """
    review = copy.deepcopy(source.get("review") or {})
    done = review.setdefault("fields", {})
    rtype = source.get("record_type")
    seen = set()
    if record_type and record_type != rtype:
        if record_type not in known_types():
            raise ReviewError(f"unknown record type {record_type!r}")
        prev_type = review.get("record_type") or {}
        review["record_type"] = {"value": record_type, "original": prev_type.get("original", rtype), "by": who,
                                 "at": at}
        rtype = record_type
    for d in decisions:
        if d.field in seen:
            raise ReviewError(f"{d.field}: two answers in one submission")
        seen.add(d.field)
        if any(leaf(d.field) == h or spec_key(d.field) == h for h in hidden):
            raise ReviewError(f"{d.field}: this role may not see this field")
        node = get_node(source.get("fields") or {}, d.field)
        if arbitrate:
            done[d.field] = arbitrate_field(done.get(d.field), d, who=who, at=at, record_type=rtype, node=node)
        else:
            done[d.field] = decide_field(done.get(d.field), node, d, who=who, at=at, record_type=rtype, rule=rule)
    if require_all and not arbitrate:
        missing = [k for k in field_keys(source.get("fields") or {})
                   if k not in done and not any(leaf(k) == h for h in hidden)]
        if missing:
            raise ReviewError("fields without an answer: " + ", ".join(missing[:20]))
    review.setdefault("rounds", []).append({"by": who, "at": at, "fields": len(decisions),
                                            "arbitration": bool(arbitrate)})
    review["rounds"] = review["rounds"][-20:]
    return review


def effective_fields(fields: dict, review: dict | None) -> dict:
    """The fields as the record now says them: each reviewed field carries the people's value, with the
    extractor's kept under ``original`` and the review under ``review``. Idempotent: applying it to its own
    output changes nothing, so a stored record can be derived again."""
    if not review or not review.get("fields"):
        return fields
    out = copy.deepcopy(fields)
    for key, fr in review["fields"].items():
        try:
            node = get_node(out, key)
        except ReviewError:
            continue
        if node is None:
            node = {"value": None, "raw": fr.get("typed") or "", "confidence": None, "page": fr.get("page"),
                    "bbox": None, "image_box": fr.get("bbox"), "added": True}
        else:
            node = dict(node)
        node["value"] = fr.get("value")
        node["original"] = fr.get("original")
        node["verified"] = fr.get("status") == FINAL
        node["review"] = {k: fr.get(k) for k in ("status", "action", "by", "at", "confirmed_by", "confirmed_at")}
        set_node(out, key, node)
    return out


def record_status(fields: dict, review: dict | None, needs_review: bool) -> str:
    """needs_review (some field has no answer yet), awaiting_second, disputed, verified; ``ok`` when the
    extractor was sure and nobody reviewed it."""
    if not review or not review.get("fields"):
        return "needs_review" if needs_review else "ok"
    statuses = [fr.get("status") for fr in review["fields"].values()]
    if DISPUTED in statuses:
        return "disputed"
    if any(k not in review["fields"] for k in field_keys(fields)):
        return "needs_review"
    if PENDING in statuses:
        return "awaiting_second"
    return "verified"


def pending_by(review: dict | None) -> list[str]:
    """Who gave the first answers still waiting for a second reviewer (they may not confirm themselves)."""
    return sorted({fr.get("by") for fr in ((review or {}).get("fields") or {}).values()
                   if fr.get("status") == PENDING and fr.get("by")})


# --- why a field is doubtful ---------------------------------------------------------------------------

_CODES = (("could not read", "unreadable"), ("could be read", "unreadable"), ("low confidence", "low_confidence"),
          ("not confident", "low_confidence"), ("required field missing", "missing"), ("disagree", "pages_disagree"),
          ("not recognised", "unknown_type"), ("taken from the collection", "type_from_collection"),
          ("names no field", "unmapped"))


def reason_field(reason: Any) -> str | None:
    if isinstance(reason, dict):
        return reason.get("field") or reason.get("key")
    head, sep, _ = str(reason).partition(": ")
    return head if sep and re.fullmatch(r"[\w.\[\]]+", head) else None


def reason_code(reason: Any) -> str:
    """A value-free code for a review reason (the queue filters on these): the extractor's reasons are
    sentences that may quote what was read; the code keeps only what kind of doubt it is."""
    if isinstance(reason, dict):
        code = reason.get("code") or reason.get("reason") or "other"
        return re.sub(r"[^a-z0-9_]+", "_", str(code).lower()).strip("_") or "other"
    text = str(reason)
    if reason_field(text):
        text = text.partition(": ")[2]
    lowered = text.lower()
    for phrase, code in _CODES:
        if phrase in lowered:
            return code
    words = re.split(r"['\"(\d]", lowered, maxsplit=1)[0]
    return re.sub(r"[^a-z]+", "_", words).strip("_")[:40] or "other"


def reason_codes(reasons: list | None) -> list[str]:
    return sorted({reason_code(r) for r in reasons or []})


def field_reasons(reasons: list | None) -> dict[str, list[str]]:
    """Field key -> codes of why it is doubtful (reasons about the whole record under ``""``)."""
    out: dict[str, list[str]] = {}
    for r in reasons or []:
        out.setdefault(reason_field(r) or "", []).append(reason_code(r))
    return out
