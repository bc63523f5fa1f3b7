"""Search: the JSON API (``/records/search``, ``/records/{id}``, ``/pages/search``) and the search page.

Routes stay thin: queries are built by ``indexers/records_search.py``. Every
record leaves the service through ``record_body`` (one result in a list) or
``record_detail_body`` (one record with its page images), so access control
and masking of personal data can be added in one place.
"""

from __future__ import annotations

import logging
from urllib.parse import quote
from pathlib import Path
from typing import Annotated

from elasticsearch import Elasticsearch, NotFoundError
from elastic_transport import TransportError
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import pass_context

from api import audit, auth, cursors, i18n, page_images, search_params
from api.disclosure import disclosed_json
from api.json_response import FastJSONResponse
from api.static_files import static_file
from indexers.pages import PageQuery, search_pages
from indexers.records_search import (MAX_SIZE, REVIEW_STATUSES, SORTS, SOURCE_EXCLUDES, BadQuery, RecordQuery, detail,
                                     parse_range, search_records)
from indexers.records import date_bound
from schemas.loader import load_schemas
from sohoa.config import Config
from sohoa.text import nfc, strip_invisible

log = logging.getLogger(__name__)
HERE = Path(__file__).parent

router = APIRouter()
templates = i18n.install_templates(Jinja2Templates(directory=str(HERE / "templates")))


def get_config(request: Request) -> Config:
    return request.app.state.config


def get_es(config: Config = Depends(get_config)) -> Elasticsearch:
    # The one client of the process (api/auth.py): the token check, the search and the audit entry share its
    # connection pool.
    return auth.es_for(config)


def get_bucket(request: Request):
    bucket = getattr(request.app.state, "search_bucket", None)
    if bucket is None:
        from sohoa.storage import Bucket
        bucket = request.app.state.search_bucket = Bucket(request.app.state.config)
    return bucket


# --- what a record looks like to a caller: the one place for auth and masking -----------------------

def record_body(item: dict) -> dict:
    """One record in a result list."""
    return auth.mask_record(item, auth.full_fields())


def record_detail_body(source: dict, record_id: str, bucket) -> dict:
    """One record with its fields and short-lived links to its page images."""
    auth.check_record_access(source)
    body = detail(source)
    body["id"] = body.get("id") or record_id
    doc_hash = source.get("doc_hash")
    # Served by /records/{id}/pages/{n}/image, which gives a role without the right to personal data a
    # redacted copy: the bucket's own (presigned) links would give the original to anyone holding one.
    body["page_images"] = [
        {"page": p, "url": f"/records/{quote(body['id'], safe='')}/pages/{int(p)}/image"}
        for p in (source.get("pages") or []) if doc_hash
    ]
    audit.record("record.view", record_ids=[body["id"]], detail={"page_images": [i["page"] for i in
                                                                                  body["page_images"]]})
    return auth.mask_record(body, auth.full_fields())


# --- query parameters -------------------------------------------------------------------------

# Years a record can carry (the extractor reads 1000..2100). Anything else is the caller's mistake, answered
# with 400 and a message that does not repeat the value (it may be a date of birth).
MIN_YEAR, MAX_YEAR = 1000, 2100


def clean_query(text: str | None) -> str | None:
    """A query string as searched: NFC, invisible characters removed."""
    return strip_invisible(nfc(text)) if text else text


def checked_bound(param: str, value: str | None) -> str | None:
    if not value:
        return None
    if date_bound(value, False) is None or not MIN_YEAR <= int(value[:4]) <= MAX_YEAR:
        raise BadQuery(f"{param}: not a date between {MIN_YEAR} and {MAX_YEAR} (use YYYY, YYYY-MM or YYYY-MM-DD, "
                       "or a range FROM..TO)")
    return value


def checked_range(param: str, text: str | None) -> tuple[str | None, str | None]:
    try:
        lo, hi = parse_range(text)
    except BadQuery:
        lo = hi = "x"  # reported below, without the value
    return checked_bound(param, lo), checked_bound(param, hi)


def record_query(request: Request) -> RecordQuery:
    """The record query of a request's query string (``search_params.RECORD_PARAMS``), checked."""
    p = search_params.read(request.query_params)
    return query_of(**p)


def query_of(q: str | None = None, name: str | None = None, born: str | None = None, born_from: str | None = None,
             born_to: str | None = None, died: str | None = None, registered: str | None = None,
             place: str | None = None, number: str | None = None, type: list[str] = (),  # noqa: A002
             collection: list[str] = (), review: str | None = None, decade: list[int] = (),
             province: list[str] = (), role: list[str] = (), sort: str = "relevance", size: int = 20,
             facets: bool = True) -> RecordQuery:
    q, name, place, number = (clean_query(v) for v in (q, name, place, number))
    try:
        b_from, b_to = checked_range("born", born)
        d_from, d_to = checked_range("died", died)
        r_from, r_to = checked_range("registered", registered)
        born_from, born_to = (checked_bound("born", v) for v in (born_from, born_to))
    except BadQuery as exc:
        raise HTTPException(400, str(exc)) from None
    if any(not MIN_YEAR <= d <= MAX_YEAR for d in decade):
        raise HTTPException(400, f"decade: a year from {MIN_YEAR} to {MAX_YEAR}, e.g. 1970")
    review = review or None
    sort = sort or "relevance"
    if review is not None and review not in REVIEW_STATUSES:
        raise HTTPException(400, f"review must be one of {', '.join(REVIEW_STATUSES)}")
    if sort not in SORTS:
        raise HTTPException(400, f"sort must be one of {', '.join(SORTS)}")
    type, collection, province, role = ([v for v in vs if v] for vs in (type, collection, province, role))  # noqa: A001
    return RecordQuery(q=q, name=name, born_from=born_from or b_from, born_to=born_to or b_to, died_from=d_from,
                       died_to=d_to, registered_from=r_from, registered_to=r_to, place=place, number=number,
                       record_types=type[:20], collections=collection[:20], review=review, decades=list(decade[:20]),
                       provinces=province[:20], roles=[r[:40] for r in role[:20]], sort=sort, size=size,
                       facets=facets)


def _search(es: Elasticsearch, config: Config, rq: RecordQuery, cursor: str | None,
            action: str | None = "search") -> dict:
    asked, rq = rq, auth.restrict_query(rq)
    if rq is None:  # only collections outside the caller's
        return {"total": 0, "took_ms": 0, "hits": [], "facets": {}, "next_cursor": None}
    caller = auth.current()
    key = auth.session_key(config)
    try:
        inner = cursors.unseal(key, caller.token_id, cursor) if cursor else None
        result = search_records(es, config.index("records"), rq, inner, years_only=not auth.full_fields())
        # The caller never sees the sort values or the point in time: only a sealed cursor bound to them.
        pit = cursors.pit_of(result["next_cursor"], rq.fingerprint())
        cursors.close_extra(es, caller.token_id, pit)
        if result["next_cursor"]:
            result["next_cursor"] = cursors.seal(key, caller.token_id, result["next_cursor"])
    except BadQuery as exc:
        raise HTTPException(400, str(exc)) from exc
    except NotFoundError as exc:
        raise HTTPException(503, "the records index does not exist yet (sohoa index setup)") from exc
    except TransportError as exc:
        raise HTTPException(503, "search is unavailable") from exc
    result["hits"] = [record_body(h) for h in result["hits"]]
    if action:
        audit.record(action, query=asked, record_ids=[h["id"] for h in result["hits"]], count=result["total"],
                     detail={"cursor": bool(cursor)})
    return result


# --- JSON API ---------------------------------------------------------------------------------

@router.get("/records/search", tags=["search"], summary="Search extracted records",
            openapi_extra=search_params.openapi(search_params.RECORD_PARAMS, search_params.CURSOR))
def records_search(request: Request) -> dict:
    """Records matching every given clause, best first, with facets on the first page.

    Page on with ``next_cursor`` (search_after in a point in time: exact at any depth).
    Highlights are HTML-escaped values of the record with matches in ``<mark>``.
    """
    # The parameters are read from the query string once (api/search_params.py), not validated one by one; the
    # answer is plain JSON already (strings, numbers, lists, dicts): sent as it is, not validated and encoded
    # again against the ``dict`` return type.
    config: Config = request.app.state.config
    rq, cursor = record_query(request), search_params.CURSOR.read(request.query_params)
    result = _search(auth.es_for(config), config, rq, cursor)
    if auth.full_fields():
        return FastJSONResponse(result)
    return disclosed_json(result, done=("hits",))  # each hit went through record_body (auth.mask_record)


def _get_record(es: Elasticsearch, config: Config, record_id: str) -> dict:
    try:
        return es.get(index=config.index("records"), id=record_id, source_excludes=SOURCE_EXCLUDES)["_source"]
    except NotFoundError as exc:
        raise HTTPException(404, "no such record") from exc
    except TransportError as exc:
        raise HTTPException(503, "search is unavailable") from exc


EXPORT_MAX = 1000


@router.get("/records/export", tags=["search"], summary="Export matching records as JSON lines (capped)",
            openapi_extra=search_params.openapi(search_params.RECORD_PARAMS))
def records_export(rq: RecordQuery = Depends(record_query),
                   limit: Annotated[int, Query(ge=1, le=EXPORT_MAX)] = EXPORT_MAX,
                   es: Elasticsearch = Depends(get_es), config: Config = Depends(get_config)):
    """One JSON object per line per record, as the search API shows it to the caller (masked likewise), at most
    ``limit`` (≤ 1000) records; one audit entry lists every record exported."""
    from fastapi.responses import Response
    import json
    rq.facets = False
    rq.size = min(MAX_SIZE, limit)
    out, cursor = [], None
    while len(out) < limit:
        page = _search(es, config, rq, cursor, action=None)
        out.extend(page["hits"])
        cursor = page["next_cursor"]
        if not cursor:
            break
    out = out[:limit]
    audit.record("export", query=rq, record_ids=[h["id"] for h in out], count=len(out))
    return Response("".join(json.dumps(h, ensure_ascii=False) + "\n" for h in out), media_type="application/x-ndjson",
                    headers={"Content-Disposition": 'attachment; filename="records.jsonl"', "Cache-Control": "no-store"})


@router.get("/records/{record_id}", tags=["search"], summary="One record: fields, confidences, page images")
def record_get(record_id: str, es: Elasticsearch = Depends(get_es),
               config: Config = Depends(get_config), bucket=Depends(get_bucket)) -> dict:
    if len(record_id) > 200:
        raise HTTPException(404, "no such record")
    return record_detail_body(_get_record(es, config, record_id), record_id, bucket)


@router.get("/records/{record_id}/pages/{page}/image", tags=["search"], summary="A page image of a record",
            response_class=Response, responses={200: {"content": {"image/jpeg": {}, "image/png": {}}}})
def record_page_image(record_id: str, page: int, es: Elasticsearch = Depends(get_es),
                      config: Config = Depends(get_config), bucket=Depends(get_bucket)):
    """The page as scanned, for roles that may see personal data; for the others a copy with every masked
    field and every date of birth or ID number written on the page blacked out."""
    if len(record_id) > 200:
        raise HTTPException(404, "no such record")
    source = _get_record(es, config, record_id)
    auth.check_record_access(source)
    if page not in (source.get("pages") or []) or not source.get("doc_hash"):
        raise HTTPException(404, "no such page")
    full = auth.full_fields()
    try:
        png = page_images.image_for(bucket, source, page, full_fields=full)
    except page_images.NoImage:
        raise HTTPException(404, "no image for this page") from None
    except page_images.NoOcr:
        raise HTTPException(503, "this page's text is not available, so it cannot be shown redacted") from None
    audit.record("record.image", record_ids=[record_id], detail={"page": page, "redacted": not full})
    return Response(png, media_type=page_images.media_type(png), headers={"Cache-Control": "no-store"})


@router.get("/pages/search", tags=["search"], summary="Full-text search over page text")
def pages_search(q: Annotated[str, Query(min_length=1, max_length=500)],
                 collection: Annotated[str | None, Query(max_length=100)] = None,
                 review: bool | None = None,
                 size: Annotated[int, Query(ge=1, le=100)] = 10,
                 offset: Annotated[int, Query(ge=0, le=9_900)] = 0,
                 es: Elasticsearch = Depends(get_es), config: Config = Depends(get_config)) -> dict:
    """Pages whose text holds every word (diacritics optional), with a snippet of the page's own text."""
    q = clean_query(q)
    try:
        result = search_pages(es, config, PageQuery(text=q, collection=auth.page_collection(collection),
                                                    needs_review=review, size=size, offset=offset,
                                                    year_only=not auth.full_fields()))
    except NotFoundError as exc:
        raise HTTPException(503, "the pages index does not exist yet (sohoa index setup)") from exc
    except Exception as exc:  # DependencyUnavailable and transport errors
        if type(exc).__name__ == "DependencyUnavailable":
            raise HTTPException(503, "search is unavailable") from exc
        raise
    if not auth.full_fields():
        for h in result["hits"]:
            h["snippet"] = auth.mask_snippet(h["snippet"])
    audit.record("pages.search", query={"q": q, "collection": collection, "review": review, "offset": offset},
                 record_ids=[h["id"] for h in result["hits"]], count=result["total"])
    return result


# --- the search page ----------------------------------------------------------------------------

@pass_context
def _type_label(context, record_type: str | None) -> str:
    """A record type's name in the page's language; a deployment's own type (SOHOA_RECORD_TYPES_DIR), which the
    catalogues do not know, by its file's title."""
    lang = i18n.request_language(context["request"])
    label = i18n.translate(lang, f"type.{record_type}")
    if label != f"type.{record_type}":
        return label
    schema = load_schemas().get(record_type or "")
    return (schema.title if schema is not None and schema.title else None) or str(record_type)


@pass_context
def _field_label(context, key: str) -> str:
    """``mother.full_name`` -> ``Mẹ › Họ, chữ đệm, tên``; ``relatives[1].relation`` -> ``Thân nhân 2 › Quan hệ``."""
    import re
    lang = i18n.request_language(context["request"])
    out = []
    for part in key.split("."):
        part = re.sub(r"\[(\d+)\]", lambda m: f" {int(m.group(1)) + 1}", part)
        base, _, n = part.partition(" ")
        label = i18n.translate(lang, f"field.{base}")
        out.append((label if label != f"field.{base}" else base.replace("_", " ")) + (f" {n}" if n else ""))
    return " › ".join(out)


def _ctx(request: Request, **kw) -> dict:
    # Labels come from the language catalogues (api/locales/*.json); the page lists what may be chosen.
    return {"request": request, "record_types": tuple(load_schemas()), "review_statuses": REVIEW_STATUSES,
            "sorts": SORTS, "field_label": _field_label, "type_label": _type_label, **kw}


@router.get("/search", response_class=HTMLResponse, include_in_schema=False)
def search_page(request: Request, rq: RecordQuery = Depends(record_query),
                cursor: Annotated[str | None, Query(max_length=4000)] = None,
                born: Annotated[str | None, Query(max_length=30)] = None,
                es: Elasticsearch = Depends(get_es), config: Config = Depends(get_config)):
    result, error = None, None
    if not rq.is_empty():
        try:
            result = _search(es, config, rq, cursor)
        except HTTPException as exc:
            error = exc.detail
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "cursor" and v != ""]
    return templates.TemplateResponse(request, "search.html", _ctx(request, rq=rq, born=born or "", result=result,
                                                                    error=error, params=params))


@router.get("/search/records/{record_id}", response_class=HTMLResponse, include_in_schema=False)
def record_page(request: Request, record_id: str, es: Elasticsearch = Depends(get_es),
                config: Config = Depends(get_config), bucket=Depends(get_bucket)):
    record = record_detail_body(_get_record(es, config, record_id), record_id, bucket)
    return templates.TemplateResponse(request, "search_record.html", _ctx(request, record=record))


@router.get("/static/search/{name}", include_in_schema=False)
def search_static(name: str):
    """The search page's own static files (api/static/search*)."""
    return static_file(name, "search", "public, max-age=300")
