"""Job state: the ledger of listed objects, and the state of every document and page.

State lives in Elasticsearch (``{prefix}-ledger`` and ``{prefix}-jobs``), not
in the broker, so it survives restarts of any component, works the same with
Redis or RabbitMQ, and operators can query it. Every change is a
read-modify-write guarded by the document's sequence number (optimistic
concurrency), so two workers finishing the last two pages of a register at
the same moment cannot lose each other's update.

A *document* is one distinct content (its SHA-256): the same bytes dropped
under two keys are one document with a duplicate ledger entry. A *page* job is
keyed by document hash and page number.
"""

from __future__ import annotations

import hashlib
import logging
import socket
import os
from datetime import datetime
from typing import Callable

from elasticsearch import ConflictError, Elasticsearch, NotFoundError
from elastic_transport import TransportError

from sohoa.config import Config
from sohoa.errors import DependencyUnavailable
from sohoa.clock import now_iso
from sohoa.ids import page_id
from sohoa.jobs import FINISHED as JOBS_FINISHED
from sohoa.jobs import DocState, IllegalTransition, PageState, check_transition, is_state

log = logging.getLogger(__name__)

# The states and their moves are declared in the kernel (sohoa/jobs.py); as plain strings here, as stored.
DOC_STATES = tuple(s.value for s in DocState)  # in the order a document normally goes through them
PAGE_STATES = tuple(s.value for s in PageState)
FINISHED = tuple(s.value for s in DocState if s in JOBS_FINISHED)
HISTORY_LIMIT = 50


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def ledger_id(bucket: str, key: str, etag: str) -> str:
    return hashlib.sha1(f"{bucket}\0{key}\0{etag}".encode("utf-8")).hexdigest()


def doc_job_id(doc_hash: str) -> str:
    return f"doc:{doc_hash}"


def page_job_id(doc_hash: str, page: int) -> str:
    return f"page:{page_id(doc_hash, page)}"


class StateStore:
    def __init__(self, es: Elasticsearch, config: Config):
        self.es = es
        self.config = config
        self.jobs = config.index("jobs")
        self.ledger = config.index("ledger")

    # -- generic helpers -------------------------------------------------
    def get(self, index: str, _id: str) -> dict | None:
        try:
            return self.es.get(index=index, id=_id)["_source"]
        except NotFoundError:
            return None
        except TransportError as exc:
            raise DependencyUnavailable(f"Elasticsearch unreachable: {exc}") from exc

    def create(self, index: str, _id: str, body: dict) -> bool:
        """Create a document; False if it already exists."""
        try:
            self.es.create(index=index, id=_id, document=body)
            return True
        except ConflictError:
            return False
        except TransportError as exc:
            raise DependencyUnavailable(f"Elasticsearch unreachable: {exc}") from exc

    def update(self, index: str, _id: str, change: Callable[[dict | None], dict | None], attempts: int = 50) -> dict | None:
        """Apply ``change`` to the current source and write it back, retrying on conflicts.

        ``change`` receives the current source (None when missing) and returns
        the new source, or None to leave the document as it is.
        """
        for _ in range(attempts):
            try:
                try:
                    current = self.es.get(index=index, id=_id)
                    source, seq = current["_source"], (current["_seq_no"], current["_primary_term"])
                except NotFoundError:
                    source, seq = None, None
                new = change(None if source is None else dict(source))
                if new is None:
                    return source
                if seq is None:
                    self.es.create(index=index, id=_id, document=new)
                else:
                    self.es.index(index=index, id=_id, document=new, if_seq_no=seq[0], if_primary_term=seq[1])
                return new
            except ConflictError:
                continue
            except TransportError as exc:
                raise DependencyUnavailable(f"Elasticsearch unreachable: {exc}") from exc
        raise RuntimeError(f"could not update {index}/{_id}: too many concurrent changes")

    # -- ledger ----------------------------------------------------------
    def ledger_entries(self, ids: list[str]) -> dict[str, dict]:
        if not ids:
            return {}
        try:
            resp = self.es.mget(index=self.ledger, ids=ids)
        except TransportError as exc:
            raise DependencyUnavailable(f"Elasticsearch unreachable: {exc}") from exc
        return {d["_id"]: d["_source"] for d in resp["docs"] if d.get("found")}

    def set_ledger(self, _id: str, **fields) -> dict | None:
        def change(src):
            if src is None:
                return None
            src.update(fields)
            src["updated_at"] = now_iso()
            return src
        return self.update(self.ledger, _id, change)

    # -- documents -------------------------------------------------------
    def document(self, doc_hash: str) -> dict | None:
        return self.get(self.jobs, doc_job_id(doc_hash))

    def update_document(self, doc_hash: str, change: Callable[[dict | None], dict | None]) -> dict | None:
        return self.update(self.jobs, doc_job_id(doc_hash), change)

    def set_document_state(self, doc_hash: str, state: str, **fields) -> dict | None:
        def change(src):
            if src is None:
                return None
            return transition(src, state, **fields)
        return self.update_document(doc_hash, change)

    # -- pages -----------------------------------------------------------
    def page(self, doc_hash: str, page: int) -> dict | None:
        return self.get(self.jobs, page_job_id(doc_hash, page))

    def pages(self, doc_hash: str, numbers: list[int]) -> dict[int, dict]:
        """The page records that exist among ``numbers``, in one round trip (a prepare reads them all at once)."""
        if not numbers:
            return {}
        try:
            resp = self.es.mget(index=self.jobs, ids=[page_job_id(doc_hash, n) for n in numbers])
        except TransportError as exc:
            raise DependencyUnavailable(f"Elasticsearch unreachable: {exc}") from exc
        return {n: d["_source"] for n, d in zip(numbers, resp["docs"]) if d.get("found")}

    def create_page(self, doc_hash: str, page: int, state: str, **fields) -> dict:
        """A page's first record, in one write; an existing record is updated as ``set_page_state`` would."""
        record = transition(new_page(doc_hash, page), state, **fields)
        if self.create(self.jobs, page_job_id(doc_hash, page), record):
            return record
        return self.set_page_state(doc_hash, page, state, **fields)

    def create_pages(self, doc_hash: str, numbers: list[int], state: str) -> None:
        """Records for pages that have none yet, in ``state``, in one bulk request; existing ones are left as they are."""
        ops: list[dict] = []
        for n in numbers:
            ops += [{"create": {"_index": self.jobs, "_id": page_job_id(doc_hash, n)}},
                    transition(new_page(doc_hash, n), state)]
        self._bulk(ops)

    def start_pages(self, doc_hash: str, numbers: list[int]) -> dict[int, tuple[dict, tuple[int, int]]]:
        """Record pages as being read by this worker (``ocr``, one more attempt), in one bulk request.

        Returns, for each page this worker now holds, its record and sequence
        number (for ``finish_pages``); a page another writer changed in the
        meantime is left out: that writer holds it.
        """
        if not numbers:
            return {}
        ids = [page_job_id(doc_hash, n) for n in numbers]
        try:
            found = self.es.mget(index=self.jobs, ids=ids)["docs"]
        except TransportError as exc:
            raise DependencyUnavailable(f"Elasticsearch unreachable: {exc}") from exc
        ops, records = [], {}
        now = now_iso()
        for n, _id, d in zip(numbers, ids, found):
            src = dict(d["_source"]) if d.get("found") else new_page(doc_hash, n)
            record = transition(src, "ocr", attempts=int(src.get("attempts") or 0) + 1, started_at=now)
            records[n] = record
            ops.append({"index": {"_index": self.jobs, "_id": _id, "if_seq_no": d["_seq_no"],
                                  "if_primary_term": d["_primary_term"]}} if d.get("found")
                       else {"create": {"_index": self.jobs, "_id": _id}})
            ops.append(record)
        return {n: (records[n], seq) for n, seq in zip(numbers, self._bulk(ops)) if seq is not None}

    def finish_pages(self, doc_hash: str, held: dict[int, tuple[dict, tuple[int, int]] | None],
                     fields: dict[int, dict]) -> None:
        """Record pages ``done`` with their ``fields``, in one bulk request.

        ``held`` is what ``start_pages`` returned for each page (None for a page
        it did not start); a page changed since by another writer, or not
        started here, is updated on its own as ``set_page_state`` would.
        """
        ops, order = [], []
        for n, entry in held.items():
            if entry is None:
                continue
            record, (seq, term) = entry
            ops += [{"index": {"_index": self.jobs, "_id": page_job_id(doc_hash, n), "if_seq_no": seq,
                               "if_primary_term": term}}, transition(dict(record), "done", **fields.get(n, {}))]
            order.append(n)
        written = dict(zip(order, self._bulk(ops))) if ops else {}
        for n in held:
            if written.get(n) is None:
                self.set_page_state(doc_hash, n, "done", **fields.get(n, {}))

    def _bulk(self, ops: list[dict]) -> list[tuple[int, int] | None]:
        """One bulk request; for each action, the new (sequence number, primary term), or None when a
        version conflict or an existing document refused it. Any other error is raised."""
        if not ops:
            return []
        try:
            resp = self.es.bulk(operations=ops)
        except TransportError as exc:
            raise DependencyUnavailable(f"Elasticsearch unreachable: {exc}") from exc
        out: list[tuple[int, int] | None] = []
        for item in resp["items"]:
            (result,) = item.values()
            if result.get("status") == 409:
                out.append(None)
            elif "error" in result:
                kind = f"Elasticsearch refused a state write ({result.get('status')}): {result['error'].get('type')}"
                if result.get("status") == 429 or int(result.get("status") or 0) >= 500:
                    raise DependencyUnavailable(kind)
                raise RuntimeError(kind)
            else:
                out.append((result["_seq_no"], result["_primary_term"]))
        return out

    def set_page_state(self, doc_hash: str, page: int, state: str, **fields) -> dict:
        def change(src):
            if src is None:
                src = new_page(doc_hash, page)
            return transition(src, state, **fields)
        record = self.update(self.jobs, page_job_id(doc_hash, page), change)
        assert record is not None  # change() always returns a record, so one was written
        return record


def new_page(doc_hash: str, page: int) -> dict:
    """A page record before its first state; ``started_at`` lets status measure the time work really ran."""
    return {"kind": "page", "doc_hash": doc_hash, "page": page, "attempts": 0, "history": [], "started_at": now_iso()}


def transition(src: dict, state: str, **fields) -> dict:
    """A job record moved to ``state``: timestamps, worker and a bounded history.

    A state that does not exist is refused (``IllegalTransition``, a bug); a move
    sohoa/jobs.py does not list is logged and made, so a case the table missed
    never costs a document.
    """
    state = str(state)  # a DocState or PageState is stored as its plain string
    kind = "page" if src.get("kind") == "page" else "document"
    try:
        check_transition(kind, src.get("state"), state)
    except IllegalTransition as exc:
        if not is_state(kind, state):
            raise
        log.warning("unexpected job state change: %s", exc)
    now = now_iso()
    src.update(fields)
    if state != src.get("state"):
        _add_stage_seconds(src, now)
        history = list(src.get("history") or [])
        history.append({"state": state, "at": now, "worker": worker_name(),
                        **({"reason": fields["reason"]} if fields.get("reason") else {})})
        src["history"] = history[-HISTORY_LIMIT:]
    src["state"] = state
    src["updated_at"] = now
    src["worker"] = worker_name()
    if state in FINISHED or state == "done":
        src["finished_at"] = now
    if state not in ("failed",) and "reason" not in fields:
        src.pop("reason", None)
        src.pop("message", None)
    if state in FINISHED or state == "done":
        # A pending retry's error is history once the job is through, either way.
        for k in RETRY_FIELDS:
            src.pop(k, None)
    return src


# Set while a stage waits for its next automatic attempt, so "delayed" has a visible reason.
RETRY_FIELDS = ("retry_reason", "retry_message", "retry_at", "retries")


def _add_stage_seconds(src: dict, now: str) -> None:
    """Time spent in the state being left, summed per state (retries add up).

    Kept on the record so stage durations can be aggregated from the jobs
    index alone (the minimal Elasticsearch has no scripting to subtract dates).
    """
    history = src.get("history") or []
    previous = src.get("state")
    if not history or not previous:
        return
    try:
        spent = (datetime.fromisoformat(now) - datetime.fromisoformat(history[-1]["at"])).total_seconds()
    except (KeyError, TypeError, ValueError):
        return
    stages = dict(src.get("stage_seconds") or {})
    stages[previous] = round(float(stages.get(previous, 0.0)) + max(0.0, spent), 3)
    src["stage_seconds"] = stages

