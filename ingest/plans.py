"""What the pipeline stages decide, as pure functions over plain data.

Each stage in ``ingest/stages.py`` reads "load, compute, record": it loads its
inputs (the object store, the job records), calls a function of this module
(or the OCR and extraction functions) over plain data -- job records as
dicts, pages as ``PageText`` -- and records what it returns. Nothing here
calls a service, so every decision a stage makes can be tested on its own
(tests/ingest/test_plans.py): which pages a delivery reads, which state a page
or a document moves to, what the index step writes, how a register is cut
into ranges.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from indexers.pages import page_document
from ocr.result import PageText
from sohoa.errors import BadInput
from sohoa.ids import page_id

from .state import FINISHED, transition

# A job record as stored in the jobs index.
Record = dict[str, Any]

# Page flags that send a document to review.
# "unread": a page of print the OCR read no word of (ocr/pipeline.py quality_flags), not an empty page.
REVIEW_FLAGS = {"low_confidence", "likely_handwritten", "unread"}


# -- prepare ------------------------------------------------------------------

def refuse_empty(size: int) -> None:
    """Every empty file has the same hash: refuse it before it could be taken for a
    duplicate of another empty file."""
    if size == 0:
        raise BadInput("empty file (0 bytes)")


def new_document(*, doc_hash: str, bucket: str, key: str, etag: str, size: int, collection: str | None,
                 now: str) -> Record:
    """The record of a document seen for the first time, ``received``."""
    return transition({
        "kind": "document", "doc_hash": doc_hash, "bucket": bucket, "key": key, "keys": [key],
        "etag": etag, "size": size, "collection": collection, "attempts": 1,
        "pages_done": [], "pages_failed": [], "pages_count_done": 0, "pages_count_failed": 0,
        "received_at": now, "started_at": now, "history": [],
    }, "received")


class Claim(enum.Enum):
    """What an existing document record means for an object version being prepared."""

    FAILED_DUPLICATE = "failed_duplicate"  # the same bytes failed under another key: this copy fails too
    DUPLICATE = "duplicate"  # the same bytes under another key: linked, not processed again
    FINISHED = "finished"  # the same key, already through: nothing to do
    RESTART = "restart"  # the same key again (a redelivery, a retry): carry on where the last attempt stopped


def claim(existing: Record, key: str) -> Claim:
    if existing["key"] != key:
        return Claim.FAILED_DUPLICATE if existing["state"] == "failed" else Claim.DUPLICATE
    if existing["state"] in FINISHED and existing["state"] not in ("failed", "superseded"):
        return Claim.FINISHED
    return Claim.RESTART


def with_key(src: Record, key: str) -> Record | None:
    """The document with ``key`` among its keys; None when it has it already."""
    if key in src.get("keys", []):
        return None
    src["keys"] = list(src.get("keys", [])) + [key]
    return src


def restarted(src: Record, key: str) -> Record:
    """A retry, or bytes that come back to a key after being overwritten: failed pages are
    forgotten so they are tried again; done pages stay done."""
    if key not in src.get("keys", []):
        src["keys"] = list(src.get("keys", [])) + [key]
    src["pages_failed"] = []
    src["pages_count_failed"] = 0
    src["attempts"] = int(src.get("attempts", 0)) + 1
    return transition(src, "received")


def closed_old_version(src: Record | None, key: str, message: str) -> Record | None:
    """A retried version whose key now holds other bytes will never run again: ``superseded``
    (None: nothing to change)."""
    if src is None or src.get("key") != key or src.get("state") in FINISHED:
        return None
    return transition(src, "superseded", message=message)


def is_register(pages: int, inline_pages: int) -> bool:
    """Whether a document is spread over the workers as page ranges, rather than read whole
    by the worker that prepared it."""
    return pages > inline_pages


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


def pages_to_send(total: int, doc: Record | None) -> list[int]:
    """A register's pages not yet accounted for on its record (done or failed): those still to read."""
    accounted = set((doc or {}).get("pages_done") or []) | set((doc or {}).get("pages_failed") or [])
    return [n for n in range(1, total + 1) if n not in accounted]


# -- reading pages --------------------------------------------------------------

def is_done(record: Record | None) -> bool:
    return bool(record) and (record or {}).get("state") == "done"


def is_settled(record: Record | None) -> bool:
    """A page that ended: done, or failed for good (its reason recorded). Only an operator's retry takes it up
    again, and that moves it back to ``queued`` first; any other message for it is a second copy."""
    return bool(record) and (record or {}).get("state") in ("done", "failed")


def done_among(numbers: list[int], existing: dict[int, Record]) -> list[int]:
    """Pages an earlier attempt got through."""
    return [n for n in numbers if is_done(existing.get(n))]


def is_fresh(record: Record | None) -> bool:
    """A page no attempt has started: no record, or only the ``queued`` one its document's prepare wrote."""
    return record is None or (record.get("state") == "queued" and not record.get("attempts"))


class PageAction(enum.Enum):
    SKIP = "skip"  # done already, or another delivery of the same pages took it first
    READ = "read"  # this page's first attempt: read here
    QUEUE = "queue"  # started before by a worker that died mid-page: the OCR queue's retries take it


def page_action(record: Record | None, started_here: bool) -> PageAction:
    """What a delivery of a range does with one of its pages.

    Only a page's first attempt runs in the range: one started before (its
    worker died mid-page) takes the OCR queue, whose retries and failure
    records are made for pages that fail."""
    if is_done(record):
        return PageAction.SKIP
    if started_here:
        return PageAction.READ
    if is_fresh(record):
        return PageAction.SKIP
    return PageAction.QUEUE


def done_fields(result: PageText) -> dict[str, Any]:
    """What a page record keeps of its reading when it moves to ``done``.

    A born-digital page's own text is as sure as text gets: confidence 1."""
    return {"mean_confidence": round(result.mean_confidence, 4) if result.engine != "pdftotext" else 1.0,
            "flags": result.flags, "seconds": result.seconds}


def started_fields(current: Record | None, now: str) -> dict[str, Any]:
    """A page taken by the OCR queue: one more attempt, and when it began (so status counts the
    time pages were read, not queued)."""
    return {"attempts": int((current or {}).get("attempts", 0)) + 1, "started_at": now}


# -- counting pages on the document --------------------------------------------

def counted(src: Record | None, done: list[int], failed: list[int], state: str | None, now: str) -> Record | None:
    """The document with pages ``done`` and ``failed`` counted (a page once done stays done), and
    moved to ``state`` if given; None when nothing changes."""
    if src is None:
        return None
    before_done, before_failed = set(src.get("pages_done") or []), set(src.get("pages_failed") or [])
    now_done, now_failed = before_done | set(done), set(before_failed)
    now_failed -= set(done)
    now_failed |= {p for p in failed if p not in now_done}
    if (now_done, now_failed) == (before_done, before_failed) and (state is None or src.get("state") == state):
        return None
    src["pages_done"], src["pages_failed"] = sorted(now_done), sorted(now_failed)
    src["pages_count_done"], src["pages_count_failed"] = len(now_done), len(now_failed)
    src["updated_at"] = now
    return transition(src, state) if state else src


def all_pages_accounted(doc: Record | None) -> bool:
    total = (doc or {}).get("pages_total") or 0
    return bool(total) and len((doc or {}).get("pages_done") or []) + len((doc or {}).get("pages_failed") or []) >= total


def ready_to_index(doc: Record | None) -> bool:
    """Every page of a document in OCR is done or failed: indexing is due (asked again by
    every later delivery, so a lost message is made good; indexing twice is harmless)."""
    return bool(doc) and (doc or {}).get("state") == "ocr" and all_pages_accounted(doc)


# -- indexing -------------------------------------------------------------------

class IndexGate(enum.Enum):
    INDEX = "index"
    SKIP = "skip"  # indexed already, or superseded
    SUPERSEDED = "superseded"  # a newer version of the key came in while this one was in the pipeline


def index_gate(doc: Record, versions: list[Record]) -> IndexGate:
    """Whether a document is indexed, given the other versions received under its key."""
    if doc["state"] in ("indexed", "needs_review", "superseded"):
        return IndexGate.SKIP
    if newer_version(doc, versions) is not None:
        return IndexGate.SUPERSEDED
    return IndexGate.INDEX


def newer_version(doc: Record, versions: list[Record]) -> Record | None:
    for other in versions:
        if other.get("state") != "duplicate" and other.get("received_at", "") > doc.get("received_at", ""):
            return other
    return None


def page_documents(doc: Record, pages: dict[int, PageText], image_keys: dict[int, str],
                   ocr_keys: dict[int, str]) -> list[tuple[str, dict[str, Any]]]:
    """The pages index's documents of one document: (ID, source) for each page read."""
    return [(page_id(doc["doc_hash"], n), page_document(page, doc=doc, image_key=image_keys[n], ocr_key=ocr_keys[n]))
            for n, page in pages.items()]


@dataclass(frozen=True)
class Outcome:
    """Where a document ends after its index step, and what its record says about it."""

    state: str
    fields: dict[str, Any]


def document_outcome(pages: list[PageText], records: Sequence[Mapping[str, Any]], indexed: int, failed: list[int],
                     page_failures: list[Record]) -> Outcome:
    """``indexed`` or ``needs_review`` (a page flagged, or a record doubtful), or ``failed`` when no
    page got through -- for the pages' most common reason, with the first page's message."""
    if indexed == 0:
        reasons = [p["reason"] for p in page_failures if p.get("reason")]
        reason = max(set(reasons), key=reasons.count) if reasons else ("bad_input" if failed else "bug")
        first = next((p for p in page_failures if p.get("reason")), None)
        detail = f"; page {first.get('page')}: {first.get('message')}" if first else ""
        return Outcome("failed", {"reason": reason,
                                  "message": f"no page could be processed ({len(failed)} failed){detail}"})
    flags = sorted({f for p in pages for f in p.flags})
    mean = round(sum(p.mean_confidence for p in pages) / len(pages), 4) if pages else None
    review = bool(REVIEW_FLAGS & set(flags)) or any(r.get("needs_review") for r in records)
    return Outcome("needs_review" if review else "indexed", {
        "flags": flags, "mean_confidence": mean, "records": len(records),
        "records_needing_review": sum(bool(r.get("needs_review")) for r in records)})


def finished(src: Record | None, outcome: Outcome) -> Record | None:
    return None if src is None else transition(src, outcome.state, **outcome.fields)


# -- rescans ----------------------------------------------------------------------

def older_versions(doc: Record, versions: list[Record]) -> list[Record]:
    """Versions of this document's key that this one replaces (not newer ones: those replace it)."""
    return [v for v in versions if not v.get("received_at", "") > doc.get("received_at", "")]


def without_key(src: Record | None, key: str) -> Record | None:
    """An older version losing ``key``: kept under its other keys, ``superseded`` when it has none left."""
    if src is None:
        return None
    keys = [k for k in src.get("keys", []) if k != key]
    if keys:
        src["keys"], src["key"] = keys, keys[0]
        return src
    src["keys"] = []
    return transition(src, "superseded", message="the key was overwritten by a newer version")
