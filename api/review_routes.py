"""The review desk: doubtful records go to a person, and the person's answers become the record.

- ``GET /review``: the reviewer's page (keyboard-first, vanilla JS in
  ``api/static/review.js``); ``?mode=arbitration`` for disputed fields.
- ``GET /review/queue``: what waits, doubt first, with counts by status,
  record type, collection and reason; ``POST /review/next``: lease the next
  record and return it with its field crops.
- ``GET /review/records/{id}``: one record for review: per field the crop,
  OCR text, normal value, why it is doubtful, its box on the page image.
- ``POST /review/records/{id}/decisions``: one reviewer's answers (the caller
  must hold the record's lease); ``/release`` lets it go; ``/arbitrate``
  settles disputed fields; ``/history`` lists every round.
- ``GET /review/backlog``: waiting records, reviewed per hour per reviewer,
  ETA (operators; also on the console and in ``/metrics``).

Collection limits and masking work as for search: a record outside the
caller's collections does not exist for them, and a role without
``full_fields`` gets masked values, no crop of a masked field, and may not
answer one. Every action is audited with record IDs, field keys and actions,
never values.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from urllib.parse import quote
from typing import Annotated

from elasticsearch import Elasticsearch, NotFoundError
from fastapi import APIRouter, BackgroundTasks, Body, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, Field

from api import audit, auth
from ocr.page_crops import crop, data_uri, pages, source_box
from api import i18n
from api.static_files import static_file
from api.search_routes import get_bucket, get_config, get_es
from indexers import reviews
from indexers.records_search import SOURCE_EXCLUDES
from schemas.extract import flatten_fields
from schemas.model import RecordDocument
from schemas.review import (Decision, ReviewError, addable_keys, apply_decisions, assign_unmapped,
                            assigned_unmapped, field_kind, field_reasons, known_types, leaf, two_person)
from sohoa.config import Config

log = logging.getLogger(__name__)
router = APIRouter(tags=["review"])

# What the page's script says (api/static/review.js), from the catalogues: desk.js.<key>.
JS_TEXT = ('accept', 'add', 'box_drawn', 'collection', 'confidence', 'crop_alt', 'disputed', 'edit', 'empty_arbitration',
           'empty_review', 'field_added', 'held_until', 'hidden_field', 'illegible', 'need_key_value', 'not_on_page',
           'pending', 'saved', 'saving', 'two_person', 'type_on_save', 'verified', 'split_done', 'merge_done',
           'missing_field', 'unmapped', 'no_label', 'assigned_to', 'need_key', 'assign_hint', 'add_hint')
REASON_CODES = ("low_confidence", "unreadable", "missing", "unmapped", "pages_disagree", "unknown_type",
                "type_from_collection")


def _text(lang: str, key: str, fallback: str) -> str:
    text = i18n.translate(lang, key)
    return fallback if text == key else text


def type_label(lang: str, record_type: str | None) -> str:
    return _text(lang, f"type.{record_type}", record_type or "")


def status_label(lang: str, status: str | None) -> str:
    return _text(lang, f"review.{status}", status or "")


def reason_label(lang: str, code: str) -> str:
    return _text(lang, f"review.reason.{code}", code)


@lru_cache(maxsize=4096)
def field_label(lang: str, key: str) -> str:
    """``mother.full_name`` -> ``Mẹ › Họ, chữ đệm, tên`` (the search page's labels, api/locales)."""
    out = []
    for part in key.split("."):
        part = re.sub(r"\[(\d+)\]", lambda m: f" {int(m.group(1)) + 1}", part)
        base, _, n = part.partition(" ")
        out.append(_text(lang, f"field.{base}", base.replace("_", " ")) + (f" {n}" if n else ""))
    return " › ".join(out)


# --- who and what --------------------------------------------------------------------------------------

def _who() -> auth.Principal:
    p = auth.current()
    if p is None:
        raise auth.LoginRequired()
    return p


def _collections(asked: list[str]) -> list[str] | None:
    """The collections a queue request covers for the caller; None when it asked only for others'."""
    p = _who()
    asked = [c for c in asked if c]
    if not p.collections:
        return asked
    inside = [c for c in asked if c in p.collections] if asked else list(p.collections)
    return inside or None


def _hidden() -> tuple[str, ...]:
    return () if auth.full_fields() else auth.masked_fields()


def _get(es: Elasticsearch, config: Config, record_id: str) -> dict:
    if len(record_id) > 200:
        raise HTTPException(404, "no such record")
    try:
        source = es.get(index=config.index("records"), id=record_id, source_excludes=SOURCE_EXCLUDES)
    except NotFoundError:
        raise HTTPException(404, "no such record") from None
    auth.check_record_access(source["_source"])
    return {**source["_source"], "_seq_no": source["_seq_no"], "_primary_term": source["_primary_term"]}


# --- a record as the review screen shows it -----------------------------------------------------------------

def _masked(key: str, value):
    """A value of a field the caller's role may not read, as masking shows it (api/auth.py)."""
    if value is None or value == "":
        return value
    return auth.mask_id(str(value)) if auth.masked_leaves().get(leaf(key)) == "id" else auth.mask_date(str(value))


def _redacted_pages(bucket, source: dict):
    """page -> (image, geometry) as a role without the right to personal data may see it: the cached page
    image with every box that could show a date of birth or an ID number painted black, as the page image
    route paints it (``api/page_images.py``); a page whose OCR result cannot be read gives no image at all."""
    from api.page_images import paint, redaction_boxes
    from ocr.result import PageText
    out: dict[int, tuple] = {}

    def get(page: int):
        if page not in out:
            image, geometry = pages.get(bucket, source["doc_hash"], page)
            try:
                ocr = PageText.from_dict(bucket.get_json(bucket.page_ocr_key(source["doc_hash"], page)))
            except Exception:  # noqa: BLE001 - without its OCR nobody can tell what to hide: no image
                image = None
            out[page] = (paint(image, redaction_boxes(ocr, source)) if image is not None else None, geometry)
        return out[page]
    return get


def review_body(source: RecordDocument, bucket, *, config: Config, hidden: tuple[str, ...], lease_until: str | None = None,
                with_crops: bool = True, lang: str = i18n.DEFAULT) -> dict:
    """Per field: label, kind, normal value, OCR text, confidence, why it is doubtful, its review so far,
    its box on the page image and its crop; the page images with their sizes; the fields that may be added;
    what the extractor listed without placing it: required fields missing, doubtful fields, and unmapped
    "label: value" pairs (with their crops), each marked once a reviewer gave it to a field.

    For a role that may not see some fields (``hidden``), crops are cut from the page as that role sees it,
    with every date of birth and ID number painted black, and a masked field has no crop at all."""
    rtype = source.get("record_type")
    doc_hash = source.get("doc_hash")
    reasons = field_reasons(source.get("review_reasons"))
    review_fields = (source.get("review") or {}).get("fields") or {}
    values = flatten_fields(source)
    raws = flatten_fields(source, "raw")
    confs = flatten_fields(source, "confidence")
    page_of = flatten_fields(source, "page")
    boxes = flatten_fields(source, "bbox")
    drawn = flatten_fields(source, "image_box")  # added fields: boxes drawn on the stored page image
    page_list = source.get("pages") or []
    sizes: dict[int, tuple[int, int]] = {}
    redacted = _redacted_pages(bucket, source) if hidden and bucket is not None and doc_hash else None

    def view(page):
        """(image to cut crops from, geometry) of a page; the image None when there is nothing to show."""
        if not (doc_hash and page and bucket is not None):
            return None, None
        image, geometry = pages.get(bucket, doc_hash, page)
        if image is not None:
            sizes[page] = image.size
        if redacted is not None and with_crops:
            return redacted(page)
        return image, geometry

    def cut(image, box) -> str | None:
        return data_uri(crop(image, box)) if (with_crops and image is not None and box) else None

    out_fields = []
    for key, value in values.items():
        page = page_of.get(key) or (page_list[0] if page_list else None)
        masked = any(leaf(key) == h for h in hidden)
        image, geometry = view(page)
        box = [int(v) for v in drawn[key]] if drawn.get(key) else source_box(boxes.get(key), geometry)
        fr = review_fields.get(key) or {}
        # The field list is keyed by "key", not by field name, so masking is applied here, per field.
        out_fields.append({
            "key": key, "label": field_label(lang, key), "kind": field_kind(rtype, key),
            "value": _masked(key, value) if masked else value,
            "raw": _masked(key, raws.get(key)) if masked else raws.get(key), "confidence": confs.get(key),
            "page": page, "box": box, "reasons": reasons.get(key, []),
            "status": fr.get("status"), "action": fr.get("action"), "by": fr.get("by"),
            "original": None if masked else fr.get("original"), "proposals": None if masked else fr.get("proposals"),
            "two_person": two_person(rtype, key, config.review_two_person), "masked": masked,
            "crop": None if masked else cut(image, box),
        })
    schema_keys = addable_keys(rtype)
    given = assigned_unmapped(source.get("review"))
    unmapped = []
    for i, u in enumerate(source.get("unmapped") or []):
        if not isinstance(u, dict):
            continue
        image, geometry = view(u.get("page"))
        box = source_box(u.get("bbox"), geometry)
        value = u.get("value")
        unmapped.append({"index": i, "label": u.get("label"), "value": auth.mask_text(value) if hidden and value
                         else value, "page": u.get("page"), "box": box, "crop": cut(image, box),
                         "assigned_to": given.get(u.get("label"))})
    body = {
        "id": source.get("record_id"), "record_type": rtype, "type_label": type_label(lang, rtype),
        "types": [{"value": t, "label": type_label(lang, t)} for t in known_types()],
        "collection": source.get("collection"), "key": source.get("key"), "confidence": source.get("confidence"),
        "review_status": source.get("review_status"), "status_label": status_label(lang, source.get("review_status")),
        "reasons": [{"code": c, "label": reason_label(lang, c)} for c in reasons.get("", [])],
        "reason_labels": {c: reason_label(lang, c) for c in {*REASON_CODES, *(r for rs in reasons.values() for r in rs)}},
        "lease_until": lease_until, "fields": out_fields,
        # The search API's page-image route: same origin, audited, redacted for roles without personal data.
        "pages": [{"page": p, "url": f"/records/{quote(str(source.get('record_id')), safe='')}/pages/{int(p)}/image"
                   if doc_hash else None,
                   "width": (sizes.get(p) or (None, None))[0], "height": (sizes.get(p) or (None, None))[1]}
                  for p in page_list],
        "addable": [{"key": k, "label": field_label(lang, k)} for k in schema_keys if k not in values],
        # What the extractor listed without placing it (docs/extraction.md): nothing is dropped silently.
        "missing": [{"key": k, "label": field_label(lang, k), "added": k in review_fields}
                    for k in source.get("missing") or []],
        "doubtful": list(source.get("doubtful") or []),
        "unmapped": unmapped,
        "extracted_at": source.get("extracted_at"), "reviewed_at": source.get("reviewed_at"),
    }
    return auth.mask_record(body, not hidden)


# --- the queue --------------------------------------------------------------------------------------------

Multi = Annotated[list[str], Query()]


@router.get("/review/queue", summary="Records waiting for review, doubt first")
def review_queue(collection: Multi = [], type: Multi = [], reason: Multi = [],  # noqa: A002, B006
                 listed: Multi = [], field: Multi = [],  # noqa: B006
                 size: Annotated[int, Query(ge=1, le=100)] = 20,
                 es: Elasticsearch = Depends(get_es), config: Config = Depends(get_config)) -> dict:
    """``listed``: only records with a required field missing, an unmapped label, or a doubtful field
    (``missing``, ``unmapped``, ``doubtful``); ``field``: only those listing this field key or label."""
    colls = _collections(collection)
    if colls is None:
        return {"total": 0, "counts": {}, "hits": []}
    who = _who()
    filters = {"collections": colls, "record_types": [t for t in type if t][:20], "reasons": [r for r in reason if r][:20],
               "listed": _listed(listed), "fields": [f for f in field if f][:20]}
    leased = {lease["record_id"]: lease for lease in reviews.active_leases(es, config)}
    req = reviews.queue_search(reviewer=who.name, leased=[], size=size, **filters)
    req["_source"] = ["record_id", "record_type", "collection", "confidence", "review_status", "review_codes",
                      "extracted_at", "awaiting", "missing", "doubtful", "unmapped_labels"]
    req["track_total_hits"] = True
    resp = es.search(index=config.index("records"), **req)
    hits = [{**h["_source"], "leased": h["_id"] in leased} for h in resp["hits"]["hits"]]
    audit.record("review.queue", query=filters, record_ids=[h["record_id"] for h in hits],
                 count=resp["hits"]["total"]["value"])
    return {"total": resp["hits"]["total"]["value"], "counts": reviews.queue_counts(es, config, **filters),
            "hits": hits}


def _listed(asked: list[str]) -> list[str]:
    bad = [a for a in asked if a and a not in reviews.LISTED]
    if bad:
        raise HTTPException(400, f"listed: one of {', '.join(reviews.LISTED)}")
    return [a for a in asked if a]


class NextAsk(BaseModel):
    collection: list[str] = Field(default_factory=list, max_length=20)
    type: list[str] = Field(default_factory=list, max_length=20)
    reason: list[str] = Field(default_factory=list, max_length=20)
    listed: list[str] = Field(default_factory=list, max_length=3)
    field: list[str] = Field(default_factory=list, max_length=20)
    crops: bool = True


@router.post("/review/next", summary="Lease the next record (doubt first) and return it for review")
def review_next(request: Request, ask: NextAsk = Body(default_factory=NextAsk), es: Elasticsearch = Depends(get_es),
                config: Config = Depends(get_config), bucket=Depends(get_bucket)):
    colls = _collections(ask.collection)
    if colls is None:
        return Response(status_code=204)
    who = _who()
    upcoming: list = []
    got = reviews.next_record(es, config, who.name, upcoming=upcoming, collections=colls, record_types=ask.type,
                              reasons=ask.reason, listed=_listed(ask.listed), fields=ask.field)
    if got is None:
        return Response(status_code=204)
    record_id, until, source = got
    auth.check_record_access(source)  # the queue was asked within the caller's collections; checked again
    audit.record("review.next", record_ids=[record_id], detail={"lease_until": until})
    body = review_body(source, bucket, config=config, hidden=_hidden(), lease_until=until, with_crops=ask.crops,
                       lang=i18n.request_language(request))
    if ask.crops:
        pages.prefetch(bucket, upcoming)
    return body


@router.get("/review/records/{record_id}", summary="One record for review, with its crops")
def review_record(request: Request, record_id: str, es: Elasticsearch = Depends(get_es),
                  config: Config = Depends(get_config),
                  bucket=Depends(get_bucket)) -> dict:
    source = _get(es, config, record_id)
    lease = reviews.lease_holder(es, config, record_id)
    audit.record("review.view", record_ids=[record_id])
    body = review_body(source, bucket, config=config, hidden=_hidden(), lang=i18n.request_language(request),
                       lease_until=lease["until"] if lease and lease.get("by") == _who().name else None)
    body["leased_by_other"] = bool(lease and lease.get("by") != _who().name)
    return body


# --- answers ---------------------------------------------------------------------------------------------

class FieldAnswer(BaseModel):
    field: str = Field(..., min_length=1, max_length=200)
    action: str = Field(..., max_length=20)
    value: str | None = Field(None, max_length=500)
    page: int | None = Field(None, ge=1, le=100_000)
    bbox: list[float] | None = Field(None, min_length=4, max_length=4)
    unmapped: int | None = Field(None, ge=0, le=1000, description="assign: the unmapped pair given to the field")


class Answers(BaseModel):
    decisions: list[FieldAnswer] = Field(default_factory=list, max_length=500)
    record_type: str | None = Field(None, max_length=40)


def _decisions(answers: Answers, source: dict | None = None, bucket=None) -> list[Decision]:
    """The answers as decisions; ``assign`` (an unmapped "label: value" given to a field) becomes the add or
    edit it stands for, with the pair's value and its box on the stored page image."""
    out = []
    for a in answers.decisions:
        if a.action != "assign":
            out.append(Decision(a.field, a.action, a.value, a.page, [int(v) for v in a.bbox] if a.bbox else None))
            continue
        entries = (source or {}).get("unmapped") or []
        entry = entries[a.unmapped] if a.unmapped is not None and a.unmapped < len(entries) else None
        if not isinstance(entry, dict):
            raise ReviewError(f"{a.field}: no such unmapped label to give it")
        if _hidden() and entry.get("value") and auth.mask_text(str(entry["value"])) != entry["value"]:
            # the value holds what this role sees masked: it may not move it into a field
            raise ReviewError(f"{a.field}: this role may not see that unmapped value")
        geometry = None
        if bucket is not None and entry.get("page") and (source or {}).get("doc_hash"):
            geometry = pages.get(bucket, source["doc_hash"], entry["page"])[1]
        out.append(assign_unmapped(source or {}, a.field, a.unmapped, image_box=source_box(entry.get("bbox"), geometry)))
    return out


def _summary(decisions: list[Decision]) -> list[dict]:
    """What a round stores per field (values live in the record's review; the round keeps them too)."""
    return [{"field": d.field, "action": d.action} for d in decisions]


def _save(es, config, source: dict, answers: Answers, *, arbitrate: bool, lease: dict | None = None,
          later: BackgroundTasks | None = None, lang: str = i18n.DEFAULT, bucket=None) -> dict:
    who = _who()
    at = reviews.now_iso()
    try:
        decisions = _decisions(answers, source, bucket)
        review = apply_decisions(source, decisions, who=who.name, at=at, rule=config.review_two_person,
                                 record_type=answers.record_type, arbitrate=arbitrate, hidden=_hidden(),
                                 require_all=not arbitrate)
    except ReviewError as exc:
        raise HTTPException(400, str(exc)) from None
    stored = {k: v for k, v in source.items() if not k.startswith("_")}
    doc = reviews.save_round(es, config, stored, review, who=who.name, at=at,
                             round_kind="arbitration" if arbitrate else "review",
                             decisions=[{**s, "status": (review["fields"].get(s["field"]) or {}).get("status")}
                                        for s in _summary(decisions)])
    reviews.queue_head.forget(config, who.name, doc["record_id"])
    if later is not None:  # the answer is saved and searchable: the reviewer need not wait for this
        later.add_task(reviews.release_lease, es, config, doc["record_id"], who.name, lease)
    else:
        reviews.release_lease(es, config, doc["record_id"], who.name, lease)
    audit.record("review.arbitrate" if arbitrate else "review.decide", record_ids=[doc["record_id"]],
                 count=len(decisions), detail={"fields": _summary(decisions), "status": doc["review_status"],
                                               "record_type_changed": bool(answers.record_type and
                                                                           answers.record_type != source.get(
                                                                               "record_type"))})
    return {"id": doc["record_id"], "review_status": doc["review_status"],
            "status_label": status_label(lang, doc["review_status"])}


@router.post("/review/records/{record_id}/decisions", summary="Save one reviewer's answers to a record")
def review_decide(request: Request, record_id: str, answers: Answers, later: BackgroundTasks,
                  es: Elasticsearch = Depends(get_es),
                  config: Config = Depends(get_config), bucket=Depends(get_bucket)) -> dict:
    """Every field needs an answer: accept, edit (``value``), illegible, not_on_page, or add (``value``, and
    ``page``/``bbox`` where it is). The caller must hold the record's lease (``POST /review/next``); a free
    record is leased on the way. The record is re-indexed before this returns."""
    if len(record_id) > 200:
        raise HTTPException(404, "no such record")
    source, lease_doc = reviews.record_and_lease(es, config, record_id)
    if source is None:
        raise HTTPException(404, "no such record")
    auth.check_record_access(source)
    who = _who()
    lease = reviews.held_lease(es, config, record_id, who.name, read=lease_doc, was_read=True)
    if lease is None:
        raise HTTPException(409, "another reviewer holds this record")
    return _save(es, config, source, answers, arbitrate=False, lease=lease, later=later,
                 lang=i18n.request_language(request), bucket=bucket)


@router.post("/review/records/{record_id}/release", summary="Let a leased record go back to the queue")
def review_release(record_id: str, es: Elasticsearch = Depends(get_es), config: Config = Depends(get_config)) -> dict:
    _get(es, config, record_id)
    released = reviews.release_lease(es, config, record_id, _who().name)
    reviews.queue_head.forget(config, _who().name, record_id)
    audit.record("review.release", record_ids=[record_id], detail={"released": released})
    return {"released": released}


@router.get("/review/records/{record_id}/history", summary="Every round of answers to a record")
def review_history(record_id: str, es: Elasticsearch = Depends(get_es), config: Config = Depends(get_config)) -> dict:
    _get(es, config, record_id)
    rounds = reviews.rounds_of(es, config, record_id)
    audit.record("review.history", record_ids=[record_id], count=len(rounds))
    return {"rounds": [{k: r.get(k) for k in ("by", "at", "round", "status_after", "fields_count", "actions",
                                              "decisions")} for r in rounds]}


# --- splitting and merging records (registers and dossiers) --------------------------------------------------

class SplitAsk(BaseModel):
    field: str | None = Field(None, min_length=1, max_length=200)
    page: int | None = Field(None, ge=1, le=100_000)


def _holding(es, config, record_id: str) -> dict:
    source = _get(es, config, record_id)
    if reviews.held_lease(es, config, record_id, _who().name) is None:
        raise HTTPException(409, "another reviewer holds this record")
    return source


@router.post("/review/records/{record_id}/split", summary="Split a record in two at a field or a page")
def review_split(record_id: str, ask: SplitAsk, es: Elasticsearch = Depends(get_es),
                 config: Config = Depends(get_config)) -> dict:
    """``field``: that field and every one after it on the document go to a new record; ``page``: everything
    from the top of that page on. Both records are re-indexed before this returns, and the split is made again
    on any later extraction of the document. The caller must hold the record (a free one is leased)."""
    from schemas.regroup import node_position
    from schemas.review import get_node
    source = _holding(es, config, record_id)
    if (ask.field is None) == (ask.page is None):
        raise HTTPException(400, "split at a field or at a page: give one of them")
    if ask.field is not None:
        if any(leaf(ask.field) == h for h in _hidden()):
            raise HTTPException(400, f"{ask.field}: this role may not see this field")
        try:
            at = node_position(get_node(source.get("fields") or {}, ask.field))
        except ReviewError:
            at = None
        if at is None:
            raise HTTPException(400, f"{ask.field}: no such field with a place on the page to split at")
    else:
        at = (int(ask.page), 0.0)
    try:
        first, second = reviews.split_stored(es, config, {k: v for k, v in source.items() if not k.startswith("_")},
                                             at, who=_who().name, when=reviews.now_iso())
    except ReviewError as exc:
        raise HTTPException(400, str(exc)) from None
    audit.record("review.split", record_ids=[first["record_id"], second["record_id"]],
                 detail={"field": ask.field, "page": at[0]})
    return {"id": first["record_id"], "new": second["record_id"],
            "records": [{"id": d["record_id"], "review_status": d["review_status"], "pages": d["pages"]}
                        for d in (first, second)]}


@router.post("/review/records/{record_id}/merge-next", summary="Merge a record with the next one of its document")
def review_merge_next(record_id: str, es: Elasticsearch = Depends(get_es),
                      config: Config = Depends(get_config)) -> dict:
    """The record after this one (in reading order: the next page's, for a dossier) joins it: its fields are
    added (a field both have keeps a person's answer, else the more confident value, and says the pages
    disagree), it is deleted, the merged record re-indexed before this returns; later extractions merge
    them again. Nobody else may hold either record."""
    source = _holding(es, config, record_id)
    following = reviews.next_stored(es, config, source)
    if following is None:
        raise HTTPException(400, "no record follows this one in its document")
    auth.check_record_access(following)
    other = reviews.lease_holder(es, config, following["record_id"])
    if other and other.get("by") != _who().name:
        raise HTTPException(409, "another reviewer holds the next record")
    try:
        doc = reviews.merge_stored(es, config, {k: v for k, v in source.items() if not k.startswith("_")},
                                   following, who=_who().name, when=reviews.now_iso())
    except ReviewError as exc:
        raise HTTPException(400, str(exc)) from None
    if other:
        reviews.release_lease(es, config, following["record_id"], _who().name)
    audit.record("review.merge", record_ids=[doc["record_id"], following["record_id"]])
    return {"id": doc["record_id"], "merged": following["record_id"], "review_status": doc["review_status"],
            "pages": doc["pages"]}


@router.get("/review/arbitration", summary="Records whose reviewers disagree")
def review_arbitration(size: Annotated[int, Query(ge=1, le=100)] = 50, es: Elasticsearch = Depends(get_es),
                       config: Config = Depends(get_config)) -> dict:
    colls = _collections([])
    filters = [{"term": {"review_status": "disputed"}}]
    if colls:
        filters.append({"terms": {"collection": colls}})
    resp = es.search(index=config.index("records"), size=size, query={"bool": {"filter": filters}},
                     sort=[{"reviewed_at": {"order": "asc", "missing": "_first"}}], track_total_hits=True,
                     _source=["record_id", "record_type", "collection", "confidence", "reviewed_at"])
    hits = [h["_source"] for h in resp["hits"]["hits"]]
    audit.record("review.arbitration", record_ids=[h["record_id"] for h in hits], count=len(hits))
    return {"total": resp["hits"]["total"]["value"], "hits": hits}


@router.post("/review/records/{record_id}/arbitrate", summary="Settle fields two reviewers answered differently")
def review_arbitrate(request: Request, record_id: str, answers: Answers, es: Elasticsearch = Depends(get_es),
                     config: Config = Depends(get_config)) -> dict:
    source = _get(es, config, record_id)
    return _save(es, config, source, answers, arbitrate=True, lang=i18n.request_language(request))


@router.get("/review/backlog", summary="Records waiting, reviewed per hour per reviewer, ETA")
def review_backlog(es: Elasticsearch = Depends(get_es), config: Config = Depends(get_config)) -> dict:
    return reviews.backlog(es, config)


# --- the page -----------------------------------------------------------------------------------------------

@router.get("/review", response_class=HTMLResponse, include_in_schema=False)
def review_page(request: Request, mode: Annotated[str, Query(max_length=20)] = "review"):
    who = _who()
    lang = i18n.request_language(request)
    return auth.templates.TemplateResponse(request, "review.html", {
        "csrf": getattr(request.state, "csrf", ""), "user": who.name, "role": who.role,
        "mode": "arbitration" if mode == "arbitration" and who.can(auth.ARBITRATE) else "review",
        "can_arbitrate": who.can(auth.ARBITRATE),
        "types": {t: type_label(lang, t) for t in known_types()}, "reasons": {c: reason_label(lang, c) for c in REASON_CODES},
        "listed": {k: _text(lang, f"desk.listed.{k}", k) for k in reviews.LISTED},
        "js_text": {k: i18n.translate(lang, f"desk.js.{k}") for k in JS_TEXT}},
        headers={"Cache-Control": "no-store"})


@router.get("/review/static/{name}", include_in_schema=False)
def review_static(name: str):
    """The review desk's own static files (api/static/review*); revalidated, as they change with each release."""
    return static_file(name, "review", "no-cache")
