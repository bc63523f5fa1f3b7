"""The pipeline stages a worker runs, as plain functions over a ``Context``.

    bucket object --prepare--> page images --ocr_page--> OCR JSON --index_document--> Elasticsearch

Each stage reads its input from the bucket or the state store, writes its
output back to the bucket, records the new state, and asks the queue for the
next stage through ``ctx.send_*``. Stages are idempotent: a message delivered
twice (a worker killed mid-page, a retry after an outage) redoes the same work
and writes the same IDs, so nothing is indexed twice.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from elasticsearch import Elasticsearch
from PIL import Image

from indexers.client import ensure_indices
from indexers.pages import bulk_index, delete_by_doc_hash, page_document
from sohoa.clock import now_iso
from sohoa.ids import page_id
from sohoa.messages import PREPARE, PrepareMessage
from indexers.records import record_documents
from indexers.reviews import carry_reviews, with_layout
from ocr.pipeline import OcrOptions, ocr_image
from ocr.result import PageText
from ocr.sources import detect_kind, inspect, page_image, set_pixel_limit
from ocr.textlayer import TextLayer, pdf_text_layer, text_page
from schemas.extract import extract_records, page_readings
from sohoa.config import Config
from sohoa.elastic import make_client
from sohoa.errors import BadInput, LimitExceeded, classify

from .sources import SourceCache
from .state import FINISHED, StateStore, transition
from sohoa.storage import Bucket, ObjectChanged, ObjectRef

log = logging.getLogger(__name__)

REVIEW_FLAGS = {"low_confidence", "likely_handwritten"}


@dataclass
class Context:
    config: Config
    es: Elasticsearch
    bucket: Bucket
    state: StateStore
    ocr: OcrOptions
    send_prepare: Callable[[ObjectRef, str], None] = field(default=lambda ref, lid: None)
    send_ocr: Callable[[str, int], None] = field(default=lambda doc_hash, page: None)
    send_index: Callable[[str], None] = field(default=lambda doc_hash: None)
    # Page ranges of one large document, [(first, last), ...], sent in one broker round trip.
    send_pages: Callable[[str, list[tuple[int, int]]], None] = field(default=lambda doc_hash, ranges: None)
    sources: SourceCache = field(default_factory=SourceCache)

    @classmethod
    def from_config(cls, config: Config | None = None, **senders) -> "Context":
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
    if ref.size == 0:
        # Every empty file has the same hash: refuse it before it could be
        # taken for a duplicate of another empty file.
        raise BadInput("empty file (0 bytes)")
    with tempfile.TemporaryDirectory(prefix="sohoa-") as tmp:
        path = Path(tmp) / "source"
        try:
            doc_hash = ctx.bucket.download(ref, path, ctx.config.max_object_bytes)
        except ObjectChanged as exc:
            if exc.outcome != "superseded":
                raise  # deleted: a failure with its reason
            entry = ctx.state.set_ledger(ledger_id, status="superseded", message=exc.message)
            _close_old_version(ctx, (entry or {}).get("doc_hash"), ref.key, exc.message)
            return None
        ctx.state.set_ledger(ledger_id, doc_hash=doc_hash)
        doc = _claim_document(ctx, ref, doc_hash, ledger_id)
        if doc is None:
            return None
        with open(path, "rb") as fh:
            kind = detect_kind(fh.read(8192))
        info = inspect(path, kind, ctx.config.max_pages)
        ctx.state.set_document_state(doc_hash, "rasterizing", content_kind=kind, pages_total=info.pages)
        log.info("document %s: %s, %d pages", doc_hash[:12], kind, info.pages)
        if info.pages > ctx.config.inline_pages:
            return _spread(ctx, doc_hash, info.pages, ledger_id)
        numbers = list(range(1, info.pages + 1))
        existing = ctx.state.pages(doc_hash, numbers)
        # Pages an earlier attempt got through (it stopped before counting them on the
        # document) are counted with this attempt's, or the document would wait for them for ever.
        done_before = [n for n in numbers if (existing.get(n) or {}).get("state") == "done"]
        held = read_pages(ctx, doc_hash, path, info, numbers, existing)
    # One document update for every page done here, then straight on to indexing.
    doc = _complete_pages(ctx, doc_hash, done=sorted([*held, *done_before]), state="ocr")
    ctx.state.set_ledger(ledger_id, status="prepared")
    if held and _all_pages_accounted(doc):
        index_document(ctx, doc_hash, held=held, doc=doc)
    else:
        _maybe_finish(ctx, doc)
    return doc_hash


def page_ranges(pages: list[int], size: int) -> list[tuple[int, int]]:
    """Consecutive runs of ``pages`` cut into ranges of at most ``size`` pages, shorter
    towards the end (an eighth of what is left), so the last pages of a register are
    shared out one by one and no worker is left with a long range while others idle."""
    out: list[tuple[int, int]] = []
    runs: list[list[int]] = []
    for n in sorted(set(pages)):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    left = len(pages)
    for run in runs:
        i = 0
        while i < len(run):
            take = max(1, min(size, -(-left // 8)))
            chunk = run[i:i + take]
            out.append((chunk[0], chunk[-1]))
            i += len(chunk)
            left -= len(chunk)
    return out


def _spread(ctx: Context, doc_hash: str, pages: int, ledger_id: str) -> str:
    """A large document: its pages recorded ``queued`` (one bulk request) and sent as ranges."""
    ctx.state.create_pages(doc_hash, list(range(1, pages + 1)), "queued")
    doc = _complete_pages(ctx, doc_hash, state="ocr")
    accounted = set((doc or {}).get("pages_done") or []) | set((doc or {}).get("pages_failed") or [])
    todo = [n for n in range(1, pages + 1) if n not in accounted]
    if todo:
        ctx.send_pages(doc_hash, page_ranges(todo, ctx.config.range_pages))
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
    doc = ctx.state.document(doc_hash)
    if doc is None:
        raise BadInput(f"no document record for {doc_hash[:12]}")
    if doc.get("state") != "ocr":
        return {}  # finished, or being prepared again (which sends its ranges anew)
    numbers = list(range(first, last + 1))
    existing = ctx.state.pages(doc_hash, numbers)
    done_before = [n for n in numbers if (existing.get(n) or {}).get("state") == "done"]
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
        kind = doc.get("content_kind")
        if not kind:
            with open(path, "rb") as fh:
                kind = detect_kind(fh.read(8192))
        info = inspect(path, kind, ctx.config.max_pages)
        # The range's pages are read for records here, as soon as they are OCR'd, on whichever worker
        # took the range: the document's extraction at the end only puts them together.
        held = read_pages(ctx, doc_hash, path, info, numbers, existing,
                          readings=lambda pages: page_readings(pages, doc.get("collection"), from_start=first == 1))
    doc = _complete_pages(ctx, doc_hash, done=sorted([*held, *done_before]))
    _maybe_finish(ctx, doc)
    return held


def _fresh(record: dict | None) -> bool:
    """A page no attempt has started: no record, or only the ``queued`` one its document's prepare wrote."""
    return record is None or (record.get("state") == "queued" and not record.get("attempts"))


def read_pages(ctx: Context, doc_hash: str, path: Path, info, numbers: list[int],
               existing: dict[int, dict],
               readings: Callable[[list[PageText]], dict[int, dict]] | None = None) -> dict[int, PageText]:
    """Rasterize and read the pages ``numbers`` of a local source file; their results, by page.

    Page images and OCR results are written to the bucket by a background
    thread while Tesseract reads the next page; the pages' state is written in
    two bulk requests (started, then done once everything is stored), so a
    worker dying in between leaves started pages, which go to the OCR queue.
    Pages already done are skipped; a page that fails to rasterize fails alone. ``readings``, when
    given, reads the pages read here for records (``schemas.extract.page_readings``); the readings
    go to the bucket beside the OCR results, each with the fingerprint of the result it was read from.
    """
    held: dict[int, PageText] = {}
    started = ctx.state.start_pages(doc_hash, [n for n in numbers if _fresh(existing.get(n))])
    with Uploads(ctx.bucket) as uploads:
        for n in numbers:
            record = existing.get(n)
            if record and record.get("state") == "done":
                continue  # a redelivered message: this page is already through OCR
            if _fresh(record) and n not in started:
                continue  # another delivery of the same pages took it first
            try:
                image = page_image(path, info, n, ctx.ocr.dpi, ctx.ocr.max_pixels)
            except (BadInput, LimitExceeded) as exc:
                # One unreadable page (a corrupt TIFF frame) must not sink the others.
                fail_page(ctx, doc_hash, n, exc.reason, exc.message)
                started.pop(n, None)
                continue
            # Decoded now: a lazily loaded image must not be read from two threads.
            image.load()
            image_key = ctx.bucket.page_image_key(doc_hash, n)
            layer = pdf_text_layer(path, n) if info.kind == "pdf" and not ctx.ocr.force_ocr else None
            if layer is not None:
                # A born-digital page: its own text beats OCR of its picture.
                held[n] = _store_text_layer(ctx, uploads, doc_hash, n, layer, image)
                continue
            # Only a page's first attempt runs here: one that was started
            # before (its worker died mid-page) takes the queue, whose
            # retries and failure records are made for pages that fail.
            if n in started:
                result = _ocr_here(ctx, uploads, doc_hash, n, image)
                if result is not None:
                    held[n] = result
                    continue
                started.pop(n)
            # The OCR worker reads the page from a lossless PNG.
            uploads.put(image_key, lambda image=image: encode_png(image), "image/png")
            uploads.wait()  # the image is in the bucket before a worker is told to read it
            del image
            ctx.state.set_page_state(doc_hash, n, "queued")
            ctx.send_ocr(doc_hash, n)
        if readings is not None and held:
            for n, reading in readings([held[n] for n in sorted(held)]).items():
                reading["ocr_sha256"] = hashlib.sha256(ocr_json(held[n])).hexdigest()
                uploads.put(ctx.bucket.page_reading_key(doc_hash, n),
                            lambda reading=reading: json.dumps(reading, ensure_ascii=False).encode("utf-8"),
                            "application/json")
    # Everything put is stored (Uploads waits on leaving): the pages read here are done, in one request.
    ctx.state.finish_pages(doc_hash, {n: started.get(n) for n in held}, {
        n: {"mean_confidence": round(r.mean_confidence, 4) if r.engine != "pdftotext" else 1.0,
            "flags": r.flags, "seconds": r.seconds} for n, r in held.items()})
    return held


def _ocr_here(ctx: Context, uploads: "Uploads", doc_hash: str, page: int, image: Image.Image) -> PageText | None:
    """OCR one page in this worker; None hands it to the queue instead.

    The page image for the viewer is encoded and uploaded in the background
    while the page is read, and so is the OCR result; the caller records the
    page done once both are in the bucket, so a worker dying in between leaves
    nothing half-written.
    """
    # The upload thread encodes its own copy: a PIL image is not safe to use from two threads.
    stored = image.copy()
    uploads.put(ctx.bucket.page_view_key(doc_hash, page), lambda: encode_view(stored), "image/jpeg")
    try:
        result = ocr_image(image, page, ctx.ocr)
    except Exception as exc:  # noqa: BLE001 -- any page failure is the queue's to retry and record
        reason, _message = classify(exc)
        log.warning("document %s page %d: %s on the first attempt; queued for the OCR workers",
                    doc_hash[:12], page, reason)
        uploads.wait()
        return None
    uploads.put(ctx.bucket.page_ocr_key(doc_hash, page), lambda: ocr_json(result), "application/json")
    return result


def ocr_json(result: PageText) -> bytes:
    """A page's OCR result as stored in the bucket (the same bytes each time for the same result)."""
    return json.dumps(result.to_dict(), ensure_ascii=False).encode("utf-8")


class Uploads:
    """Bucket writes done by a background thread while the worker's own thread OCRs.

    ``put`` takes a function making the bytes, so encoding happens off the
    OCR thread too; ``wait`` returns once everything put so far is written and
    raises the first error, so a stage never records what is not stored.
    """

    def __init__(self, bucket: Bucket):
        self.bucket = bucket
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sohoa-upload")
        self.pending: list[Future] = []

    def put(self, key: str, make: Callable[[], bytes], content_type: str) -> None:
        self.pending.append(self.pool.submit(lambda: self.bucket.put_bytes(key, make(), content_type)))

    def wait(self) -> None:
        pending, self.pending = self.pending, []
        for f in pending:
            f.result()

    def __enter__(self) -> "Uploads":
        return self

    def __exit__(self, *exc) -> None:
        try:
            if exc[0] is None:
                self.wait()
        finally:
            self.pool.shutdown(wait=True)


def _close_old_version(ctx: Context, doc_hash: str | None, key: str, message: str) -> None:
    """A retried version whose key now holds other bytes will never run again: say so."""
    if not doc_hash:
        return

    def change(src):
        if src is None or src.get("key") != key or src.get("state") in FINISHED:
            return None
        return transition(src, "superseded", message=message)
    ctx.state.update_document(doc_hash, change)


def _claim_document(ctx: Context, ref: ObjectRef, doc_hash: str, ledger_id: str) -> dict | None:
    """Create the document record, or decide what an existing one means.

    Same bytes under another key: a duplicate, linked to the first and not
    processed again. Same key again (a redelivered message, or a retry after a
    failure): carry on where the last attempt stopped.
    """
    now = now_iso()
    fresh = transition({
        "kind": "document", "doc_hash": doc_hash, "bucket": ctx.bucket.name, "key": ref.key, "keys": [ref.key],
        "etag": ref.etag, "size": ref.size, "collection": ref.collection, "attempts": 1,
        "pages_done": [], "pages_failed": [], "pages_count_done": 0, "pages_count_failed": 0,
        "received_at": now, "started_at": now, "history": [],
    }, "received")
    if ctx.state.create(ctx.state.jobs, f"doc:{doc_hash}", fresh):
        return fresh
    doc = ctx.state.document(doc_hash)
    if doc["key"] != ref.key and doc["state"] == "failed":
        # The same bytes already failed under another key: this copy fails
        # for the same reason, linked to it; retrying either retries the bytes.
        ctx.state.set_ledger(ledger_id, status="failed", duplicate_of=doc_hash, reason=doc.get("reason"),
                             message=f"same content as {doc['key']!r}, which failed: {doc.get('message')}")
        return None
    if doc["key"] != ref.key:
        def add_key(src):
            if ref.key in src.get("keys", []):
                return None
            src["keys"] = list(src.get("keys", [])) + [ref.key]
            return src
        ctx.state.update_document(doc_hash, add_key)
        ctx.state.set_ledger(ledger_id, status="duplicate", duplicate_of=doc_hash)
        log.info("document %s: duplicate of an existing document, not processed again", doc_hash[:12])
        return None
    if doc["state"] in FINISHED and doc["state"] not in ("failed", "superseded"):
        ctx.state.set_ledger(ledger_id, status="prepared")
        return None

    def restart(src):
        # A retry, or bytes that come back to a key after being overwritten:
        # forget failed pages so they are tried again; done pages stay done.
        if ref.key not in src.get("keys", []):
            src["keys"] = list(src.get("keys", [])) + [ref.key]
        src["pages_failed"] = []
        src["pages_count_failed"] = 0
        src["attempts"] = int(src.get("attempts", 0)) + 1
        return transition(src, "received")
    return ctx.state.update_document(doc_hash, restart)


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
    current = ctx.state.page(doc_hash, page)
    if current and current.get("state") == "done":
        _complete_page(ctx, doc_hash, page, ok=True)
        return None
    attempts = int((current or {}).get("attempts", 0)) + 1
    # started_at: when this attempt began, so status counts the time pages were read, not queued.
    ctx.state.set_page_state(doc_hash, page, "ocr", attempts=attempts, started_at=now_iso())
    data = ctx.bucket.get_bytes(ctx.bucket.page_image_key(doc_hash, page))
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        result = ocr_image(image, page, ctx.ocr)
        # Every page read has its image for people to look at, as the pages read in a range do.
        ctx.bucket.put_bytes(ctx.bucket.page_view_key(doc_hash, page), encode_view(image), "image/jpeg")
    ctx.bucket.put_bytes(ctx.bucket.page_ocr_key(doc_hash, page), ocr_json(result), "application/json")
    ctx.state.set_page_state(doc_hash, page, "done", mean_confidence=round(result.mean_confidence, 4),
                             flags=result.flags, seconds=result.seconds)
    _complete_page(ctx, doc_hash, page, ok=True)
    return result


def fail_page(ctx: Context, doc_hash: str, page: int, reason: str, message: str) -> None:
    ctx.state.set_page_state(doc_hash, page, "failed", reason=reason, message=message)
    _complete_page(ctx, doc_hash, page, ok=False)


def _complete_page(ctx: Context, doc_hash: str, page: int, ok: bool) -> None:
    doc = _complete_pages(ctx, doc_hash, done=[page] if ok else [], failed=[] if ok else [page])
    _maybe_finish(ctx, doc)


def _complete_pages(ctx: Context, doc_hash: str, done: list[int] = (), failed: list[int] = (),
                    state: str | None = None) -> dict | None:
    """Count pages done or failed on the document record, in one update; optionally move it to ``state``."""
    def change(src):
        if src is None:
            return None
        before_done, before_failed = set(src.get("pages_done") or []), set(src.get("pages_failed") or [])
        now_done, now_failed = before_done | set(done), set(before_failed)
        now_failed -= set(done)
        now_failed |= {p for p in failed if p not in now_done}  # a page once done stays done
        if (now_done, now_failed) == (before_done, before_failed) and (state is None or src.get("state") == state):
            return None
        src["pages_done"], src["pages_failed"] = sorted(now_done), sorted(now_failed)
        src["pages_count_done"], src["pages_count_failed"] = len(now_done), len(now_failed)
        src["updated_at"] = now_iso()
        return transition(src, state) if state else src
    return ctx.state.update_document(doc_hash, change)


def _all_pages_accounted(doc: dict | None) -> bool:
    total = (doc or {}).get("pages_total") or 0
    return bool(total) and len(doc.get("pages_done") or []) + len(doc.get("pages_failed") or []) >= total


def _maybe_finish(ctx: Context, doc: dict | None) -> None:
    """Queue indexing once every page is either done or failed.

    Checked after every page, and again by a retried message, so a lost
    'send' is made good by the next delivery; indexing twice is harmless.
    """
    if not doc or doc.get("state") not in ("ocr",):
        return
    if _all_pages_accounted(doc):
        ctx.send_index(doc["doc_hash"])


# -- index_document: OCR results -> the search index -------------------------

def index_document(ctx: Context, doc_hash: str, held: dict[int, PageText] | None = None,
                   doc: dict | None = None) -> int:
    """Extract the records of a document whose pages are all through OCR, and index pages and records.

    ``held`` are OCR results the caller still holds (a small document read
    in the same stage), so they are not read back from the bucket.

    The bulk requests do not wait for a refresh: the worker goes back to OCR
    at once, and the documents become searchable within the index's refresh
    interval (a second). ``sohoa wait`` refreshes before it reports idle, so a
    script that waits and then searches finds them.
    """
    doc = doc or ctx.state.document(doc_hash)
    if doc is None:
        raise BadInput(f"no document record for {doc_hash[:12]}")
    if doc["state"] in ("indexed", "needs_review", "superseded"):
        return 0
    if _newer_version(ctx, doc) is not None:
        # The key was overwritten while this version was in the pipeline: the
        # newer version is what the key holds now, so this one is not indexed.
        ctx.state.set_document_state(doc_hash, "superseded", message="the key was overwritten by a newer version")
        return 0
    ctx.state.set_document_state(doc_hash, "extracting")
    ocr_keys = {n: ctx.bucket.page_ocr_key(doc_hash, n) for n in doc.get("pages_done") or []}
    held = held or {}
    missing = [n for n in ocr_keys if n not in held]
    # A register's pages are read back from the bucket several at a time: the requests wait, not the CPU.
    with ThreadPoolExecutor(max_workers=8, thread_name_prefix="sohoa-read") as pool:
        fetched = dict(zip(missing, pool.map(lambda n: _load_page(ctx, doc_hash, n, ocr_keys[n]), missing)))
    loaded = {n: held.get(n) or fetched[n][0] for n in ocr_keys}
    readings = {n: fetched[n][1] for n in missing if fetched[n][1] is not None}
    pages: list[PageText] = list(loaded.values())
    # Records come from the whole document at once: a dossier spanning pages is one record. Pages the
    # workers of its ranges already read for records are put together, not read again.
    records = extract_records(pages, collection=doc.get("collection"), readings=readings)
    ctx.state.set_document_state(doc_hash, "indexing")

    def documents():
        for n, page in loaded.items():
            yield page_id(doc_hash, n), page_document(page, doc=doc, image_key=ctx.bucket.page_view_key(doc_hash, n),
                                                      ocr_key=ocr_keys[n])

    count = bulk_index(ctx.es, ctx.config.index("pages"), documents())
    # A re-extraction never overwrites what reviewers decided: their answers are carried onto the new records.
    # Nor the splits and merges they made: the document's layout is made again on the new records first.
    records = with_layout(ctx.es, ctx.config, doc_hash, records)
    bulk_index(ctx.es, ctx.config.index("records"),
               carry_reviews(ctx.es, ctx.config.index("records"), list(record_documents(records, doc))))
    failed = doc.get("pages_failed") or []
    # When no page got through, the document fails for the pages' most common reason.
    page_failures = [p for p in ((ctx.state.page(doc_hash, n) or {}) for n in failed[:20]) if p.get("reason")] \
        if not count else []
    page_reasons = [p["reason"] for p in page_failures]
    doc_reason = max(set(page_reasons), key=page_reasons.count) if page_reasons else ("bad_input" if failed else "bug")
    first = f"; page {page_failures[0].get('page')}: {page_failures[0].get('message')}" if page_failures else ""
    flags = sorted({f for p in pages for f in p.flags})
    mean = round(sum(p.mean_confidence for p in pages) / len(pages), 4) if pages else None

    def finish(src):
        if src is None:
            return None
        if count == 0:
            return transition(src, "failed", reason=doc_reason,
                              message=f"no page could be processed ({len(failed)} failed){first}")
        review = bool(REVIEW_FLAGS & set(flags)) or any(r.get("needs_review") for r in records)
        return transition(src, "needs_review" if review else "indexed", flags=flags, mean_confidence=mean,
                          records=len(records), records_needing_review=sum(bool(r.get("needs_review")) for r in records))
    ctx.state.update_document(doc_hash, finish)
    if count:
        supersede_older_versions(ctx, doc)
    log.info("document %s: %d pages indexed, %d failed", doc_hash[:12], count, len(failed))
    return count


def _load_page(ctx: Context, doc_hash: str, page: int, ocr_key: str) -> tuple[PageText, dict | None]:
    """A page's OCR result from the bucket, and its reading when one was made from that very result."""
    data = ctx.bucket.get_bytes(ocr_key)
    stored = ctx.bucket.find_bytes(ctx.bucket.page_reading_key(doc_hash, page))
    reading = json.loads(stored) if stored else None
    if reading is not None and reading.get("ocr_sha256") != hashlib.sha256(data).hexdigest():
        reading = None  # read from an earlier OCR result of the page
    return PageText.from_dict(json.loads(data)), reading


# -- rescans: the same key overwritten with new bytes -------------------------

def _versions_of_key(ctx: Context, doc: dict) -> list[dict]:
    """Other documents received under this document's key."""
    resp = ctx.es.search(index=ctx.config.index("jobs"), size=100, query={"bool": {
        "filter": [{"term": {"kind": "document"}}, {"term": {"keys": doc["key"]}}],
        "must_not": [{"term": {"doc_hash": doc["doc_hash"]}}]}})
    return [h["_source"] for h in resp["hits"]["hits"]]


def _newer_version(ctx: Context, doc: dict) -> dict | None:
    for other in _versions_of_key(ctx, doc):
        if other.get("state") != "duplicate" and other.get("received_at", "") > doc.get("received_at", ""):
            return other
    return None


def supersede_older_versions(ctx: Context, doc: dict) -> int:
    """Remove what older versions of this key left in the index, once this version is in.

    Done after the new version is indexed, so a search never finds nothing in
    between. An older version still held under another key (the same bytes
    dropped twice) keeps its pages; it only loses this key.
    """
    replaced = 0
    for old in _versions_of_key(ctx, doc):
        if old.get("received_at", "") > doc.get("received_at", ""):
            continue  # newer than us: that version supersedes us, not the other way round

        def drop_key(src):
            if src is None:
                return None
            keys = [k for k in src.get("keys", []) if k != doc["key"]]
            if keys:
                src["keys"], src["key"] = keys, keys[0]
                return src
            src["keys"] = []
            return transition(src, "superseded", message="the key was overwritten by a newer version")
        updated = ctx.state.update_document(old["doc_hash"], drop_key)
        if updated and updated.get("state") == "superseded":
            delete_by_doc_hash(ctx.es, ctx.config.index("pages"), old["doc_hash"])
            delete_by_doc_hash(ctx.es, ctx.config.index("records"), old["doc_hash"])
            replaced += 1
    return replaced


# -- failures ----------------------------------------------------------------

def record_failure(ctx: Context, actor: str, args: tuple, exc: BaseException) -> None:
    """Record a stage that will not be retried any more, with its reason class."""
    reason, message = classify(exc)
    prepare = PrepareMessage.parse(args) if actor == PREPARE else None
    if prepare is not None:
        entry = ctx.state.set_ledger(prepare.ledger_id, status="failed", reason=reason, message=message)
        doc_hash = (entry or {}).get("doc_hash")
        if doc_hash:
            ctx.state.set_document_state(doc_hash, "failed", reason=reason, message=message)
    elif actor == "ocr_page":
        doc_hash, page = args
        fail_page(ctx, doc_hash, page, reason, message)
    elif actor == "ocr_pages":
        doc_hash, first, last = args
        pages = ctx.state.pages(doc_hash, list(range(first, last + 1)))
        for n in range(first, last + 1):
            if (pages.get(n) or {}).get("state") != "done":
                fail_page(ctx, doc_hash, n, reason, message)
    elif actor == "index_document":
        (doc_hash,) = args
        ctx.state.set_document_state(doc_hash, "failed", reason=reason, message=message)
    log.warning("%s failed for good: %s: %s", actor, reason, message)

