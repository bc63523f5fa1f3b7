"""Watching the bucket: list it, and queue every object version not seen before.

The ledger (one entry per bucket+key+ETag) is what makes relisting safe: an
entry is created before the message is sent and marked ``enqueued`` after, so
a listing never queues an object twice, and an object whose message could not
be sent (broker down) is sent again by the next listing instead of being lost.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Callable

from indexers.bulk import chunks
from indexers.pages import now_iso

from .state import StateStore, ledger_id
from .storage import Bucket, ObjectRef

log = logging.getLogger(__name__)

BATCH = 500


@dataclass
class WatchReport:
    listed: int = 0
    queued: int = 0
    resent: int = 0
    already_seen: int = 0

    def __str__(self) -> str:
        return (f"listed {self.listed}, queued {self.queued} new, re-sent {self.resent}, "
                f"{self.already_seen} already seen")


def scan_once(bucket: Bucket, state: StateStore, send: Callable[[ObjectRef, str], None],
              prefix: str = "") -> WatchReport:
    report = WatchReport()
    for batch in chunks(bucket.list_scans(prefix), BATCH):
        report.listed += len(batch)
        ids = [ledger_id(bucket.name, ref.key, ref.etag) for ref in batch]
        seen = state.ledger_entries(ids)
        for ref, lid in zip(batch, ids):
            entry = seen.get(lid)
            if entry is None:
                created = state.create(state.ledger, lid, {
                    "bucket": bucket.name, "key": ref.key, "etag": ref.etag, "size": ref.size,
                    "collection": ref.collection, "status": "listed", "listed_at": now_iso(), "updated_at": now_iso(),
                })
                if not created:  # another watcher got there first
                    report.already_seen += 1
                    continue
                report.queued += 1
            elif entry.get("status") == "listed":
                report.resent += 1  # listed earlier but the message never went out
            else:
                report.already_seen += 1
                continue
            send(ref, lid)
            state.set_ledger(lid, status="enqueued", enqueued_at=now_iso())
    return report


def watch(bucket: Bucket, state: StateStore, send: Callable[[ObjectRef, str], None], interval: float,
          prefix: str = "", once: bool = False, after_listing: Callable[[], object] | None = None) -> None:
    """List the bucket every ``interval`` seconds; ``after_listing`` runs after each listing
    (the command uses it to send stalled work again)."""
    while True:
        started = time.monotonic()
        try:
            report = scan_once(bucket, state, send, prefix)
            log.info("bucket %s: %s", bucket.name, report)
            if after_listing:
                after_listing()
        except Exception as exc:  # keep watching through outages; the next listing catches up
            if once:
                raise
            log.warning("listing failed (%s: %s); trying again in %.0f s", type(exc).__name__, exc, interval)
        if once:
            return
        time.sleep(max(0.0, interval - (time.monotonic() - started)))
