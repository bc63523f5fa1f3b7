"""Reconciliation: a slow full listing that catches whatever a bucket event missed.

Bucket events (``ingest/events.py``) are the main path for new scans; events
can be lost, though (a queue purged, a notification misconfigured for an
hour, objects dropped before notifications were set up), so ``sohoa watch``
lists the bucket every SOHOA_RECONCILE_INTERVAL seconds (an hour by default)
and records whatever the ledger does not know yet, exactly as an event would
(``ingest/ledger.py``), so the two never queue the same object twice.

A reconciliation lists only the collection prefixes (SOHOA_COLLECTIONS, or
every top-level prefix of the inbox found by one delimited listing), never
the derived output; it reads the ledger for each listed page of up to 1,000
keys in one multi-get and records the new ones with one bulk create.
"""

from __future__ import annotations

import logging
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from typing import Callable

from . import event_counters
from .ledger import RecordReport, SendMany, Sighting, iso, record_and_send
from .state import StateStore
from sohoa.storage import Bucket, ObjectRef

log = logging.getLogger(__name__)

RECONCILIATION_ID = "reconciliation:last"


@dataclass
class WatchReport:
    listed: int = 0
    queued: int = 0
    resent: int = 0
    already_seen: int = 0
    prefixes: int = 0
    list_requests: int = 0
    es_requests: int = 0
    seconds: float = 0.0
    list_seconds: float = 0.0  # of which waiting for the bucket's LIST answers
    started_at: str = ""
    finished_at: str = ""
    lags_ms: list[float] = field(default_factory=list, repr=False)

    def add(self, r: RecordReport) -> None:
        self.queued += r.queued
        self.resent += r.resent
        self.already_seen += r.already_seen
        self.es_requests += r.es_requests

    def __str__(self) -> str:
        return (f"listed {self.listed}, queued {self.queued} new, re-sent {self.resent}, "
                f"{self.already_seen} already seen ({self.prefixes} prefixes, {self.list_requests} LIST requests, "
                f"{self.es_requests} ledger requests, {self.seconds:.1f} s)")


def prefixes_to_list(bucket: Bucket, collections: tuple[str, ...], report: WatchReport) -> tuple[list[str], list[dict]]:
    """(collection prefixes to list, objects found at the top level of the inbox).

    With no configured collections, one delimited listing of the root finds
    the top-level prefixes; the derived prefix (when derived output shares
    the inbox) is left out, so its objects are never even listed.
    """
    if collections:
        return list(collections), []
    prefixes: list[str] = []
    top: list[dict] = []
    for page in bucket.list_pages("", delimiter="/"):
        report.list_requests += 1
        prefixes += [p["Prefix"] for p in page.get("CommonPrefixes", [])]
        top += page.get("Contents", [])
    derived = bucket.derived_prefix if bucket.derived_bucket == bucket.name else ""
    return [p for p in prefixes if not (derived and p.startswith(derived))], top


def sightings(bucket: Bucket, contents: list[dict]) -> list[Sighting]:
    out = []
    for obj in contents:
        if not bucket.is_scan_key(obj["Key"]):
            continue
        modified = obj.get("LastModified")
        out.append(Sighting(ObjectRef(key=obj["Key"], etag=obj["ETag"].strip('"'), size=obj["Size"]),
                            uploaded_at=iso(modified) if isinstance(modified, datetime) else None))
    return out


def scan_once(bucket: Bucket, state: StateStore, send: Callable[[ObjectRef, str], None],
              prefix: str = "", collections: tuple[str, ...] = (), send_many: SendMany | None = None) -> WatchReport:
    """One reconciliation pass: list the collection prefixes (or only ``prefix``) and record what is new."""
    started = time.monotonic()
    report = WatchReport(started_at=iso(datetime.now(timezone.utc)))

    def record(batch: list[Sighting]) -> None:
        report.listed += len(batch)
        report.add(record_and_send(state, bucket.name, batch, send, source="listing", send_many=send_many))

    asked = time.monotonic()
    if prefix:
        prefixes, top = [prefix], []
    else:
        prefixes, top = prefixes_to_list(bucket, collections, report)
    report.list_seconds += time.monotonic() - asked
    report.prefixes = len(prefixes)
    record(sightings(bucket, top))
    for p in prefixes:
        pages = bucket.list_pages(p)
        while True:
            asked = time.monotonic()
            page = next(pages, None)
            report.list_seconds += time.monotonic() - asked
            if page is None:
                break
            report.list_requests += 1
            record(sightings(bucket, page.get("Contents", [])))
    report.list_seconds = round(report.list_seconds, 3)
    report.seconds = round(time.monotonic() - started, 3)
    report.finished_at = iso(datetime.now(timezone.utc))
    return report


def record_reconciliation(state: StateStore, report: WatchReport) -> None:
    """Keep what the last reconciliation found where ``sohoa status`` reads it."""
    doc = {k: v for k, v in asdict(report).items() if k != "lags_ms"}
    state.es.index(index=state.jobs, id=RECONCILIATION_ID,
                   document={"kind": "reconciliation", "updated_at": report.finished_at, "reconciliation": doc})


def watch(bucket: Bucket, state: StateStore, send: Callable[[ObjectRef, str], None], interval: float,
          reconcile_every: float, prefix: str = "", collections: tuple[str, ...] = (), once: bool = False,
          after_listing: Callable[[], object] | None = None, send_many: SendMany | None = None) -> None:
    """Reconcile every ``reconcile_every`` seconds; in between, run ``after_listing`` every ``interval``
    seconds (the command uses it to send stalled work again)."""
    next_reconciliation = 0.0
    while True:
        started = time.monotonic()
        try:
            if started >= next_reconciliation:
                report = scan_once(bucket, state, send, prefix, collections, send_many)
                record_reconciliation(state, report)
                log.info("reconciliation of bucket %s: %s", bucket.name, report)
                # Event consumers fold stopped ones' counters themselves; this covers a deployment whose
                # consumers were all stopped for good.
                event_counters.compact(state.es, state.jobs)
                next_reconciliation = started + reconcile_every
            if after_listing:
                after_listing()
        except Exception as exc:  # keep watching through outages; the next pass catches up
            if once:
                raise
            next_reconciliation = min(next_reconciliation, started + interval)
            log.warning("reconciliation failed (%s: %s); trying again in %.0f s", type(exc).__name__, exc, interval)
        if once:
            return
        time.sleep(max(0.0, interval - (time.monotonic() - started)))
