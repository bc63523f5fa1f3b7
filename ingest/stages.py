"""The pipeline stages a worker runs, as plain functions over a ``Context``.

    bucket object --prepare--> page images --ocr_pages/ocr_page--> OCR JSON --index_document--> Elasticsearch

Each stage reads "load, compute, record": it loads its inputs from the bucket
and the state store, computes with pure functions over plain data (OCR and
extraction: image in, words with boxes out; words in, records out; and
``ingest/plans.py``: which pages to read, which state a page or a document
moves to, what the index step writes), then records the results (state
writes, uploads, the index) and asks the queue for the next stage through
``ctx.send_*``. Stages are idempotent: a message delivered twice (a worker
killed mid-page, a retry after an outage) redoes the same work and writes the
same IDs, so nothing is indexed twice.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Callable, Sequence

from elasticsearch import Elasticsearch
from PIL import Image

from indexers.client import ensure_indices
from indexers.pages import bulk_index, delete_by_doc_hash
from indexers.records import record_documents
from indexers.reviews import carry_reviews, with_layout
from ocr.pipeline import OcrOptions, PageReader, ocr_image
from ocr.result import PageText
from ocr.sources import SourceInfo, detect_kind, inspect, page_image, set_pixel_limit
from ocr.textlayer import TextLayer, pdf_text_layer, text_page
from schemas.extract import extract_records, page_readings
from sohoa.clock import now_iso
from sohoa.config import Config
from sohoa.elastic import make_client
from sohoa.errors import BadInput, LimitExceeded, classify
from sohoa.messages import INDEX, OCR, OCR_PAGES, PREPARE, PrepareMessage
from sohoa.storage import Bucket, ObjectChanged, ObjectRef

from . import plans
from .plans import Record
from .sources import SourceCache
from .state import StateStore, doc_job_id

__all__ = ["Context", "prepare", "ocr_pages", "ocr_page", "index_document", "record_failure",
           "read_pages", "read_page_image", "fail_page", "supersede_older_versions", "encode_png", "encode_view",
           "ocr_json",
           "Uploads"]

log = logging.getLogger(__name__)


def _no_send(*args: Any) -> None:
    """A context made without a queue (a test, a benchmark) sends nothing."""


@dataclass
class Context:
    config: Config
    es: Elasticsearch
    bucket: Bucket
    state: StateStore
    ocr: OcrOptions
    send_prepare: Callable[[ObjectRef, str], None] = _no_send
    send_ocr: Callable[[str, int], None] = _no_send
    send_index: Callable[[str], None] = _no_send
    # Page ranges of one large document, [(first, last), ...], sent in one broker round trip.
    send_pages: Callable[[str, list[tuple[int, int]]], None] = _no_send
    sources: SourceCache = field(default_factory=SourceCache)

    @classmethod
    def from_config(cls, config: Config | None = None, **senders: Any) -> "Context":
        config = config or Config.from_env()
        es = make_client(config)
        ensure_indices(es, config)
        set_pixel_limit(config.max_pixels)
        return cls(config=config, es=es, bucket=Bucket(config), state=StateStore(es, config),
                   ocr=OcrOptions.from_config(config), **senders)


# -- prepare: one bucket object -> page images + page jobs -------------------

def prepare(ctx: Context, ref: ObjectRef, ledger_id: str) -> str | None:
    """Download an object, record it as a document, and read it or spread its pages.

    A small document (at most ``SOHOA_INLINE_PAGES`` pages, the single
    certificates that make up most of a clerk's batch) is OCR'd and indexed
    right here, by the worker that holds it: no queue hops, and no page image
    or OCR result read back from the bucket. A larger one is spread over every
    worker as ranges of pages (``ocr_pages``), each rasterized and read by the
    worker that takes it: nothing is rasterized up front.

    Returns the document hash, or None when the object was a duplicate.
    """
    ctx.state.set_ledger(ledger_id, status="preparing")
    plans.refuse_empty(ref.size)
    with tempfile.TemporaryDirectory(prefix="sohoa-") as tmp:
        path = Path(tmp) / "source"
        doc_hash = _download(ctx, ref, path, ledger_id)
        if doc_hash is None or _claim_document(ctx, ref, doc_hash, ledger_id) is None:
            return None
        info = _inspect(path, None, ctx.config.max_pages)
        ctx.state.set_document_state(doc_hash, "rasterizing", content_kind=info.kind, pages_total=info.pages)
        log.info("document %s: %s, %d pages", doc_hash[:12], info.kind, info.pages)
        if plans.is_register(info.pages, ctx.config.inline_pages):
            # This worker's ranges of the register read the file it has just downloaded and hashed.
            ctx.sources.adopt(doc_hash, path)
            return _spread(ctx, doc_hash, info.pages, ledger_id)
        numbers = list(range(1, info.pages + 1))
        existing = ctx.state.pages(doc_hash, numbers)
        # Pages an earlier attempt got through (it stopped before counting them on the
        # document) are counted with this attempt's, or the document would wait for them for ever.
        done_before = plans.done_among(numbers, existing)
        held = read_pages(ctx, doc_hash, path, info, numbers, existing)
    # One document update for every page done here, then straight on to indexing.
    doc = _complete_pages(ctx, doc_hash, done=sorted([*held, *done_before]), state="ocr")
    ctx.state.set_ledger(ledger_id, status="prepared")
    if held and plans.all_pages_accounted(doc):
        index_document(ctx, doc_hash, held=held, doc=doc)
    else:
        _maybe_finish(ctx, doc)
    return doc_hash


def _download(ctx: Context, ref: ObjectRef, path: Path, ledger_id: str) -> str | None:
    """The object's bytes at ``path``; their hash, or None when the key already holds newer bytes."""
    try:
        doc_hash = ctx.bucket.download(ref, path, ctx.config.max_object_bytes)
    except ObjectChanged as exc:
        if exc.outcome != "superseded":
            raise  # deleted: a failure with its reason
        entry = ctx.state.set_ledger(ledger_id, status="superseded", message=exc.message)
        _close_old_version(ctx, (entry or {}).get("doc_hash"), ref.key, exc.message)
        return None
    ctx.state.set_ledger(ledger_id, doc_hash=doc_hash)
    return doc_hash


def _inspect(path: Path, kind: str | None, max_pages: int) -> SourceInfo:
    """A local source file's kind (told by its bytes unless known) and pages, within the limits."""
    if not kind:
        with open(path, "rb") as fh:
            kind = detect_kind(fh.read(8192))
    return inspect(path, kind, max_pages)


def _spread(ctx: Context, doc_hash: str, pages: int, ledger_id: str) -> str:
    """A large document: its pages recorded ``queued`` (one bulk request) and sent as ranges."""
    ctx.state.create_pages(doc_hash, list(range(1, pages + 1)), "queued")
    doc = _complete_pages(ctx, doc_hash, state="ocr")
    todo = plans.pages_to_send(pages, doc)
    if todo:
        ctx.send_pages(doc_hash, plans.page_ranges(todo, ctx.config.range_pages))
    ctx.state.set_ledger(ledger_id, status="prepared")
    _maybe_finish(ctx, doc)
    return doc_hash


def ocr_pages(ctx: Context, doc_hash: str, first: int, last: int) -> dict[int, PageText]:
    """Rasterize and read pages ``first``..``last`` of a large document, from its source file.

    Pages already done are skipped (a redelivered range); a page an earlier
    attempt started and did not finish goes to the OCR queue on its own, with
    that queue's retries and failure records. The pages are counted on the
    document in one update, and the last range queues the indexing.
    """
    doc = _document(ctx, doc_hash)
    if doc.get("state") != "ocr":
        return {}  # finished, or being prepared again (which sends its ranges anew)
    numbers = list(range(first, last + 1))
    existing = ctx.state.pages(doc_hash, numbers)
    done_before = plans.done_among(numbers, existing)
    held: dict[int, PageText] = {}
    if len(done_before) < len(numbers):
        ref = ObjectRef(key=doc["key"], etag=doc["etag"], size=doc["size"])
        try:
            path = ctx.sources.path(ctx.bucket, ref, doc_hash, ctx.config.max_object_bytes)
        except ObjectChanged as exc:
            if exc.outcome != "superseded":
                raise
            _close_old_version(ctx, doc_hash, ref.key, exc.message)
            return {}
        info = ctx.sources.info(doc_hash, lambda: _inspect(path, doc.get("content_kind"), ctx.config.max_pages))
        # The range's pages are read for records here, as soon as they are OCR'd, on whichever worker
        # took the range: the document's extraction at the end only puts them together.
        held = read_pages(ctx, doc_hash, path, info, numbers, existing,
                          readings=lambda pages: page_readings(pages, doc.get("collection"), from_start=first == 1))
    doc_after = _complete_pages(ctx, doc_hash, done=sorted([*held, *done_before]))
    _maybe_finish(ctx, doc_after)
    return held


def read_pages(ctx: Context, doc_hash: str, path: Path, info: SourceInfo, numbers: list[int],
               existing: dict[int, Record],
               readings: Callable[[list[PageText]], dict[int, dict[str, Any]]] | None = None) -> dict[int, PageText]:
    """Rasterize and read the pages ``numbers`` of a local source file; their results, by page.

    Each page is rasterized and preprocessed in turn (``PageReader``; its image for people to look at is
    encoded and uploaded by a background thread meanwhile), then the pages are read in one Tesseract run:
    the process starts and the model loads once for the range, not once a page. If that run fails, the
    pages are read one at a time, so a page Tesseract refuses is handed to the OCR queue alone, with that
    queue's retries and failure record, and the others are done. The pages' state is written in two bulk
    requests (started, then done once everything is stored), so a worker dying in between leaves started
    pages, which go to the OCR queue. Pages already done are skipped; a page that fails to rasterize fails
    alone. ``readings``, when given, reads the pages read here for records
    (``schemas.extract.page_readings``); the readings go to the bucket beside the OCR results, each with the
    fingerprint of the result it was read from.
    """
    held: dict[int, PageText] = {}
    started = ctx.state.start_pages(doc_hash, [n for n in numbers if plans.is_fresh(existing.get(n))])
    reader = PageReader(ctx.ocr)
    with Uploads(ctx.bucket) as uploads:
        for n in numbers:
            action = plans.page_action(existing.get(n), n in started)
            if action is plans.PageAction.SKIP:
                continue
            image = _rasterize(ctx, doc_hash, path, info, n)
            if image is None:
                started.pop(n, None)
                continue
            layer = pdf_text_layer(path, n) if info.kind == "pdf" and not ctx.ocr.force_ocr else None
            if layer is not None:
                # A born-digital page: its own text beats OCR of its picture.
                held[n] = _store_text_layer(ctx, uploads, doc_hash, n, layer, image)
                continue
            if action is plans.PageAction.READ:
                # The upload thread encodes its own copy: a PIL image is not safe to use from two threads.
                uploads.put(ctx.bucket.page_view_key(doc_hash, n), partial(encode_view, image.copy()), "image/jpeg")
                reader.add(n, image)
                continue
            _hand_to_queue(ctx, uploads, doc_hash, n, image)
        for n, outcome in reader.read().items():
            if not isinstance(outcome, Exception):
                uploads.put(ctx.bucket.page_ocr_key(doc_hash, n), partial(ocr_json, outcome), "application/json")
                held[n] = outcome
                continue
            reason, _message = classify(outcome)
            log.warning("document %s page %d: %s on the first attempt; queued for the OCR workers",
                        doc_hash[:12], n, reason)
            started.pop(n)
            # Only the range's greyscale pages were kept: the page is rasterized again for the OCR worker.
            image = _rasterize(ctx, doc_hash, path, info, n)
            if image is not None:
                _hand_to_queue(ctx, uploads, doc_hash, n, image)
        if readings is not None and held:
            for n, reading in readings([held[n] for n in sorted(held)]).items():
                reading["ocr_sha256"] = hashlib.sha256(ocr_json(held[n])).hexdigest()
                uploads.put(ctx.bucket.page_reading_key(doc_hash, n),
                            partial(json_bytes, reading), "application/json")
    # Everything put is stored (Uploads waits on leaving): the pages read here are done, in one request.
    ctx.state.finish_pages(doc_hash, {n: started.get(n) for n in held},
                           {n: plans.done_fields(r) for n, r in held.items()})
    return held


def _rasterize(ctx: Context, doc_hash: str, path: Path, info: SourceInfo, page: int) -> Image.Image | None:
    """Page ``page`` of the source file, decoded; None when it cannot be rasterized (the page is failed)."""
    try:
        image = page_image(path, info, page, ctx.ocr.dpi, ctx.ocr.max_pixels)
    except (BadInput, LimitExceeded) as exc:
        # One unreadable page (a corrupt TIFF frame) must not sink the others.
        fail_page(ctx, doc_hash, page, exc.reason, exc.message)
        return None
    # Decoded now: a lazily loaded image must not be read from two threads.
    image.load()
    return image


def _hand_to_queue(ctx: Context, uploads: "Uploads", doc_hash: str, page: int, image: Image.Image) -> None:
    """A page this worker does not read: its image to the bucket, then the page queued for the OCR workers,
    which read it from that lossless PNG."""
    uploads.put(ctx.bucket.page_image_key(doc_hash, page), partial(encode_png, image), "image/png")
    uploads.wait()  # the image is in the bucket before a worker is told to read it
    ctx.state.set_page_state(doc_hash, page, "queued")
    ctx.send_ocr(doc_hash, page)


def ocr_json(result: PageText) -> bytes:
    """A page's OCR result as stored in the bucket (the same bytes each time for the same result)."""
    return json.dumps(result.to_dict(), ensure_ascii=False).encode("utf-8")


def json_bytes(obj: object) -> bytes:
    return json.dumps(obj, ensure_ascii=False).encode("utf-8")


class Uploads:
    """Bucket writes done by a background thread while the worker's own thread OCRs.

    ``put`` takes a function making the bytes, so encoding happens off the
    OCR thread too; ``wait`` returns once everything put so far is written and
    raises the first error, so a stage never records what is not stored.
    """

    def __init__(self, bucket: Bucket):
        self.bucket = bucket
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sohoa-upload")
        self.pending: list[Future[None]] = []

    def put(self, key: str, make: Callable[[], bytes], content_type: str) -> None:
        self.pending.append(self.pool.submit(lambda: self.bucket.put_bytes(key, make(), content_type)))

    def wait(self) -> None:
        pending, self.pending = self.pending, []
        for f in pending:
            f.result()

    def __enter__(self) -> "Uploads":
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            if exc[0] is None:
                self.wait()
        finally:
            self.pool.shutdown(wait=True)


def _close_old_version(ctx: Context, doc_hash: str | None, key: str, message: str) -> None:
    """A retried version whose key now holds other bytes will never run again: say so."""
    if doc_hash:
        ctx.state.update_document(doc_hash, lambda src: plans.closed_old_version(src, key, message))


def _claim_document(ctx: Context, ref: ObjectRef, doc_hash: str, ledger_id: str) -> Record | None:
    """Create the document record, or decide what an existing one means (``plans.claim``).

    Same bytes under another key: a duplicate, linked to the first and not
    processed again. Same key again (a redelivered message, or a retry after a
    failure): carry on where the last attempt stopped.
    """
    fresh = plans.new_document(doc_hash=doc_hash, bucket=ctx.bucket.name, key=ref.key, etag=ref.etag,
                               size=ref.size, collection=ref.collection, now=now_iso())
    if ctx.state.create(ctx.state.jobs, doc_job_id(doc_hash), fresh):
        return fresh
    doc = _document(ctx, doc_hash)
    decision = plans.claim(doc, ref.key)
    if decision is plans.Claim.FAILED_DUPLICATE:
        # This copy fails for the same reason, linked to it; retrying either retries the bytes.
        ctx.state.set_ledger(ledger_id, status="failed", duplicate_of=doc_hash, reason=doc.get("reason"),
                             message=f"same content as {doc['key']!r}, which failed: {doc.get('message')}")
        return None
    if decision is plans.Claim.DUPLICATE:
        ctx.state.update_document(doc_hash, lambda src: plans.with_key(src, ref.key) if src else None)
        ctx.state.set_ledger(ledger_id, status="duplicate", duplicate_of=doc_hash)
        log.info("document %s: duplicate of an existing document, not processed again", doc_hash[:12])
        return None
    if decision is plans.Claim.FINISHED:
        ctx.state.set_ledger(ledger_id, status="prepared")
        return None
    return ctx.state.update_document(doc_hash, lambda src: plans.restarted(src, ref.key) if src else None)


def _document(ctx: Context, doc_hash: str) -> Record:
    doc = ctx.state.document(doc_hash)
    if doc is None:
        raise BadInput(f"no document record for {doc_hash[:12]}")
    return doc


def _store_text_layer(ctx: Context, uploads: "Uploads", doc_hash: str, page: int, layer: TextLayer,
                      image: Image.Image) -> PageText:
    """A born-digital page: its picture and its own text to the bucket (recorded done by the caller)."""
    result = text_page(layer, page, size=image.size)  # boxes in the pixels of the stored page image
    stored = image.copy()
    uploads.put(ctx.bucket.page_view_key(doc_hash, page), lambda: encode_view(stored), "image/jpeg")
    uploads.put(ctx.bucket.page_ocr_key(doc_hash, page), lambda: ocr_json(result), "application/json")
    return result


# JPEG quality of the page images people look at: the text stays crisp to the eye for a small part
# of the CPU a PNG takes (scripts/bench_page_images.py: an A4 colour scan at 300 dpi 21 ms and 2.0 MB
# against 498 ms and 11.6 MB; a grey register page 8 ms against 30 ms).
VIEW_QUALITY = 85


def encode_view(image: Image.Image) -> bytes:
    """The page image as stored for people to look at (search page, review desk): a JPEG."""
    buf = io.BytesIO()
    if image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    image.save(buf, format="JPEG", quality=VIEW_QUALITY)
    return buf.getvalue()


def encode_png(image: Image.Image) -> bytes:
    """The page image as an OCR worker reads it (a page handed to the OCR queue): lossless."""
    buf = io.BytesIO()
    # Level 1: page images are written once and read at most once by sohoa; speed beats size.
    image.save(buf, format="PNG", compress_level=1)
    return buf.getvalue()


# -- ocr_page: one page image -> words, boxes, confidences -------------------

def ocr_page(ctx: Context, doc_hash: str, page: int) -> PageText | None:
    """Read one page image from the derived bucket (a page whose first attempt did not finish)."""
    current = ctx.state.page(doc_hash, page)
    if plans.is_settled(current):
        # A second message for a page that already ended (the stalled-work check re-sends a page whose first
        # message was still in its retries) counts it as it ended and never reads it again: reading a failed
        # page again would reopen its record while the document's outcome is being taken from its reason.
        _complete_page(ctx, doc_hash, page, ok=plans.is_done(current))
        return None
    ctx.state.set_page_state(doc_hash, page, "ocr", **plans.started_fields(current, now_iso()))
    data = ctx.bucket.get_bytes(ctx.bucket.page_image_key(doc_hash, page))
    result = read_page_image(data, page, ctx.ocr)
    # Every page read has its image for people to look at, as the pages read in a range do.
    with Image.open(io.BytesIO(data)) as image:
        ctx.bucket.put_bytes(ctx.bucket.page_view_key(doc_hash, page), encode_view(image), "image/jpeg")
    ctx.bucket.put_bytes(ctx.bucket.page_ocr_key(doc_hash, page), ocr_json(result), "application/json")
    ctx.state.set_page_state(doc_hash, page, "done", **plans.done_fields(result))
    _complete_page(ctx, doc_hash, page, ok=True)
    return result


def read_page_image(data: bytes, page: int, options: OcrOptions) -> PageText:
    """A stored page image's bytes in, its words with boxes and confidences out."""
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        return ocr_image(image, page, options)


def fail_page(ctx: Context, doc_hash: str, page: int, reason: str, message: str) -> None:
    ctx.state.set_page_state(doc_hash, page, "failed", reason=reason, message=message)
    _complete_page(ctx, doc_hash, page, ok=False)


def _complete_page(ctx: Context, doc_hash: str, page: int, ok: bool) -> None:
    doc = _complete_pages(ctx, doc_hash, done=[page] if ok else [], failed=[] if ok else [page])
    _maybe_finish(ctx, doc)


def _complete_pages(ctx: Context, doc_hash: str, done: Sequence[int] = (), failed: Sequence[int] = (),
                    state: str | None = None) -> Record | None:
    """Count pages done or failed on the document record, in one update; optionally move it to ``state``."""
    return ctx.state.update_document(
        doc_hash, lambda src: plans.counted(src, list(done), list(failed), state, now_iso()))


def _maybe_finish(ctx: Context, doc: Record | None) -> None:
    """Queue indexing once every page is either done or failed.

    Checked after every page, and again by a retried message, so a lost
    'send' is made good by the next delivery; indexing twice is harmless.
    """
    if doc is not None and plans.ready_to_index(doc):
        ctx.send_index(doc["doc_hash"])


# -- index_document: OCR results -> the search index -------------------------

def index_document(ctx: Context, doc_hash: str, held: dict[int, PageText] | None = None,
                   doc: Record | None = None) -> int:
    """Extract the records of a document whose pages are all through OCR, and index pages and records.

    ``held`` are OCR results the caller still holds (a small document read
    in the same stage), so they are not read back from the bucket.

    The bulk requests do not wait for a refresh: the worker goes back to OCR
    at once, and the documents become searchable within the index's refresh
    interval (a second). ``sohoa wait`` refreshes before it reports idle, so a
    script that waits and then searches finds them.
    """
    # Load: the document, the other versions of its key, its pages' OCR results.
    doc = doc or _document(ctx, doc_hash)
    if doc["state"] in ("indexed", "needs_review", "superseded"):
        return 0
    gate = plans.index_gate(doc, _versions_of_key(ctx, doc))
    if gate is plans.IndexGate.SUPERSEDED:
        # The key was overwritten while this version was in the pipeline: the
        # newer version is what the key holds now, so this one is not indexed.
        ctx.state.set_document_state(doc_hash, "superseded", message="the key was overwritten by a newer version")
        return 0
    ctx.state.set_document_state(doc_hash, "extracting")
    numbers = list(doc.get("pages_done") or [])
    ocr_keys = {n: ctx.bucket.page_ocr_key(doc_hash, n) for n in numbers}
    image_keys = {n: ctx.bucket.page_view_key(doc_hash, n) for n in numbers}
    loaded, readings = _load_pages(ctx, doc_hash, ocr_keys, held or {})
    # Compute: records come from the whole document at once (a dossier spanning pages is one record).
    # Pages the workers of its ranges already read for records are put together, not read again.
    pages = list(loaded.values())
    records = extract_records(pages, collection=doc.get("collection"), readings=readings)
    ctx.state.set_document_state(doc_hash, "indexing")
    # Record: pages, then records, then the document's outcome.
    count = bulk_index(ctx.es, ctx.config.index("pages"), plans.page_documents(doc, loaded, image_keys, ocr_keys))
    # A re-extraction never overwrites what reviewers decided: their answers are carried onto the new records.
    # Nor the splits and merges they made: the document's layout is made again on the new records first.
    records = with_layout(ctx.es, ctx.config, doc_hash, records)
    bulk_index(ctx.es, ctx.config.index("records"),
               carry_reviews(ctx.es, ctx.config.index("records"), list(record_documents(records, doc))))
    failed = doc.get("pages_failed") or []
    # When no page got through, the document fails for the pages' most common reason.
    page_failures = [ctx.state.page(doc_hash, n) or {} for n in failed[:20]] if not count else []
    outcome = plans.document_outcome(pages, records, count, failed, page_failures)
    ctx.state.update_document(doc_hash, lambda src: plans.finished(src, outcome))
    if count:
        supersede_older_versions(ctx, doc)
    log.info("document %s: %d pages indexed, %d failed", doc_hash[:12], count, len(failed))
    return count


def _load_pages(ctx: Context, doc_hash: str, ocr_keys: dict[int, str],
                held: dict[int, PageText]) -> tuple[dict[int, PageText], dict[int, dict[str, Any]]]:
    """The OCR results of the pages done, by page: those the caller holds, the others read from the bucket;
    and the readings stored for the pages read from the bucket (those made from that very OCR result)."""
    missing = [n for n in ocr_keys if n not in held]
    # A register's pages are read back from the bucket several at a time: the requests wait, not the CPU.
    with ThreadPoolExecutor(max_workers=8, thread_name_prefix="sohoa-read") as pool:
        fetched = dict(zip(missing, pool.map(lambda n: _load_page(ctx, doc_hash, n, ocr_keys[n]), missing)))
    loaded = {n: held.get(n) or fetched[n][0] for n in ocr_keys}
    readings = {n: reading for n in missing if (reading := fetched[n][1]) is not None}
    return loaded, readings


def _load_page(ctx: Context, doc_hash: str, page: int, ocr_key: str) -> tuple[PageText, dict[str, Any] | None]:
    """A page's OCR result from the bucket, and its reading when one was made from that very result."""
    data = ctx.bucket.get_bytes(ocr_key)
    stored = ctx.bucket.find_bytes(ctx.bucket.page_reading_key(doc_hash, page))
    reading = json.loads(stored) if stored else None
    if reading is not None and reading.get("ocr_sha256") != hashlib.sha256(data).hexdigest():
        reading = None  # read from an earlier OCR result of the page
    return PageText.from_dict(json.loads(data)), reading


# -- rescans: the same key overwritten with new bytes -------------------------

def _versions_of_key(ctx: Context, doc: Record) -> list[Record]:
    """Other documents received under this document's key."""
    resp = ctx.es.search(index=ctx.config.index("jobs"), size=100, query={"bool": {
        "filter": [{"term": {"kind": "document"}}, {"term": {"keys": doc["key"]}}],
        "must_not": [{"term": {"doc_hash": doc["doc_hash"]}}]}})
    return [h["_source"] for h in resp["hits"]["hits"]]


def supersede_older_versions(ctx: Context, doc: Record) -> int:
    """Remove what older versions of this key left in the index, once this version is in.

    Done after the new version is indexed, so a search never finds nothing in
    between. An older version still held under another key (the same bytes
    dropped twice) keeps its pages; it only loses this key.
    """
    replaced = 0
    for old in plans.older_versions(doc, _versions_of_key(ctx, doc)):
        updated = ctx.state.update_document(old["doc_hash"], lambda src: plans.without_key(src, doc["key"]))
        if updated and updated.get("state") == "superseded":
            delete_by_doc_hash(ctx.es, ctx.config.index("pages"), old["doc_hash"])
            delete_by_doc_hash(ctx.es, ctx.config.index("records"), old["doc_hash"])
            replaced += 1
    return replaced


# -- failures ----------------------------------------------------------------

def record_failure(ctx: Context, actor: str, args: tuple[Any, ...], exc: BaseException) -> None:
    """Record a stage that will not be retried any more, with its reason class."""
    reason, message = classify(exc)
    prepare = PrepareMessage.parse(args) if actor == PREPARE else None
    if prepare is not None:
        entry = ctx.state.set_ledger(prepare.ledger_id, status="failed", reason=reason, message=message)
        doc_hash = (entry or {}).get("doc_hash")
        if doc_hash:
            ctx.state.set_document_state(doc_hash, "failed", reason=reason, message=message)
    elif actor == OCR:
        doc_hash, page = args
        fail_page(ctx, doc_hash, page, reason, message)
    elif actor == OCR_PAGES:
        doc_hash, first, last = args
        numbers = list(range(first, last + 1))
        done = set(plans.done_among(numbers, ctx.state.pages(doc_hash, numbers)))
        for n in numbers:
            if n not in done:
                fail_page(ctx, doc_hash, n, reason, message)
    elif actor == INDEX:
        (doc_hash,) = args
        ctx.state.set_document_state(doc_hash, "failed", reason=reason, message=message)
    log.warning("%s failed for good: %s: %s", actor, reason, message)
