"""Page documents: build them from OCR output, bulk-index them, search them."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from elasticsearch import Elasticsearch, helpers
from elastic_transport import TransportError

from ocr.result import PageText
from sohoa.clock import now_iso
from sohoa.config import Config
from sohoa.errors import DependencyUnavailable
from sohoa.masking import mask_text
from sohoa.text import clean_spaces, nfc

from .analysis import folded_text, norm_text
from .snippets import snippet

log = logging.getLogger(__name__)


def page_document(page: PageText, *, doc: dict, image_key: str | None, ocr_key: str | None) -> dict:
    """The index document for one page. ``doc`` is the document's job record."""
    text = nfc(page.text)
    public = mask_text(text)
    return {
        "doc_hash": doc["doc_hash"],
        "page": page.page,
        "pages_total": doc.get("pages_total"),
        "bucket": doc.get("bucket"),
        "key": doc.get("key"),
        "collection": doc.get("collection"),
        "content_kind": doc.get("content_kind"),
        "text": text,
        "text_norm": norm_text(text),
        "text_folded": folded_text(text),
        # What roles that see only years search in: dates as their year, ID numbers as their last digits.
        "text_public_norm": norm_text(public),
        "text_public_folded": folded_text(public),
        "mean_confidence": round(page.mean_confidence, 4),
        "word_count": len(page.words),
        "flags": list(page.flags),
        "needs_review": bool(page.flags),
        "rotation": page.rotation,
        "skew": round(page.skew, 2),
        "dpi": page.dpi,
        "engine": page.engine,
        "image_key": image_key,
        "ocr_key": ocr_key,
        "received_at": doc.get("received_at"),
        "indexed_at": now_iso(),
    }


def bulk_index(es: Elasticsearch, index: str, docs: Iterable[tuple[str, Mapping[str, Any] | bytes]], chunk_size: int = 200,
               visible: bool = False) -> int:
    """Index (id, document) pairs in bulk; return how many were indexed.

    A document may be a dict or its JSON already serialised (bytes), which is sent as it is.

    ``streaming_bulk`` retries rejected chunks (429) with backoff; any other
    per-document error is raised so the stage is retried or recorded.
    ``visible`` waits until the documents are searchable (the next refresh,
    at most a second), so a document is never reported indexed before a
    search can find it; bulk loads leave it off.
    """
    actions = ({"_op_type": "index", "_index": index, "_id": _id, "_source": body} for _id, body in docs)
    count = 0
    extra = {"refresh": "wait_for"} if visible else {}
    try:
        for ok, _item in helpers.streaming_bulk(es, actions, chunk_size=chunk_size, max_retries=5,
                                               initial_backoff=1, max_backoff=30, raise_on_error=True, **extra):
            count += ok
    except helpers.BulkIndexError as exc:
        errors = exc.errors[:3]
        raise RuntimeError(f"{len(exc.errors)} documents were rejected by Elasticsearch, e.g. "
                           f"{[e.get('index', {}).get('error', {}).get('type') for e in errors]}") from exc
    except TransportError as exc:
        raise DependencyUnavailable(f"Elasticsearch unreachable: {exc}") from exc
    return count


@dataclass
class PageQuery:
    text: str
    collection: str | None = None
    key_prefix: str | None = None
    needs_review: bool | None = None
    size: int = 10
    offset: int = 0
    filters: dict = field(default_factory=dict)
    year_only: bool = False  # the caller may not see dates finer than a year nor ID numbers (text_public_*)


MAX_SIZE = 100
MAX_DEPTH = 10_000


def build_page_query(q: PageQuery) -> dict:
    """An Elasticsearch query from structured clauses only: user text never reaches query-string syntax.

    Every query word must match in its folded form (so missing diacritics
    never hide a page); exact-form matches and phrase matches add score so
    pages that spell it the way it was typed come first.
    """
    text = clean_spaces(q.text)
    folded = folded_text(text)
    norm_field, folded_field = ("text_public_norm", "text_public_folded") if q.year_only else ("text_norm",
                                                                                               "text_folded")
    must = [{"match": {folded_field: {"query": folded, "operator": "and"}}}] if text else [{"match_all": {}}]
    should = []
    if text:
        should = [
            {"match": {norm_field: {"query": norm_text(text), "boost": 3.0}}},
            {"match_phrase": {norm_field: {"query": norm_text(text), "boost": 3.0}}},
            {"match_phrase": {folded_field: {"query": folded, "boost": 2.0}}},
        ]
    filters = []
    if q.collection:
        filters.append({"term": {"collection": q.collection}})
    if q.key_prefix:
        filters.append({"prefix": {"key": q.key_prefix}})
    if q.needs_review is not None:
        filters.append({"term": {"needs_review": q.needs_review}})
    return {"bool": {"must": must, "should": should, "filter": filters}}


def search_pages(es: Elasticsearch, config: Config, q: PageQuery) -> dict:
    size = max(1, min(q.size, MAX_SIZE))
    offset = max(0, min(q.offset, MAX_DEPTH - size))
    try:
        resp = es.search(index=config.index("pages"), query=build_page_query(q), size=size, from_=offset,
                         source_excludes=["text_norm", "text_folded", "text_public_norm", "text_public_folded"], track_total_hits=True)
    except TransportError as exc:
        raise DependencyUnavailable(f"Elasticsearch unreachable: {exc}") from exc
    hits = []
    for h in resp["hits"]["hits"]:
        src = h["_source"]
        # The snippet is cut from text already masked, so a window can never show half a date unmasked.
        text = mask_text(src.get("text", "")) if q.year_only else src.get("text", "")
        hits.append({
            "id": h["_id"],
            "score": h["_score"],
            "key": src.get("key"),
            "page": src.get("page"),
            "pages_total": src.get("pages_total"),
            "collection": src.get("collection"),
            "doc_hash": src.get("doc_hash"),
            "mean_confidence": src.get("mean_confidence"),
            "flags": src.get("flags", []),
            "image_key": src.get("image_key"),
            "snippet": snippet(text, q.text) or text[:200],
        })
    return {"total": resp["hits"]["total"]["value"], "hits": hits}


def delete_by_doc_hash(es: Elasticsearch, index: str, doc_hash: str) -> int:
    """Remove every document of one source content from an index; return how many.

    Done as a scan and a bulk delete because the minimal Elasticsearch has no
    delete-by-query; the refresh first makes sure nothing just indexed is missed.
    """
    try:
        es.indices.refresh(index=index)
        ids = [h["_id"] for h in helpers.scan(es, index=index, query={"query": {"term": {"doc_hash": doc_hash}}},
                                              _source=False)]
        if ids:
            helpers.bulk(es, ({"_op_type": "delete", "_index": index, "_id": i} for i in ids), raise_on_error=False)
        return len(ids)
    except TransportError as exc:
        raise DependencyUnavailable(f"Elasticsearch unreachable: {exc}") from exc
