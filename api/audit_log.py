"""The audit log itself: writing entries and reading them back, with no request or web code.

``api/audit.py`` fills in who and from where from the request being served; the
login route (``api/auth.py``) writes through ``write`` directly, so neither
module imports the other's routes. See api/audit.py for what is recorded.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import uuid
from datetime import datetime, timedelta, timezone
from typing import Any, Protocol

from fastapi import HTTPException

from sohoa.config import Config

log = logging.getLogger(__name__)


class Actor(Protocol):
    """Who did it (api.auth.Principal)."""

    @property
    def name(self) -> str: ...

    @property
    def token_id(self) -> str | None: ...

    @property
    def role(self) -> str: ...


_ready: set[tuple[str, str]] = set()
MAX_IDS = 1000
MAX_ENTRIES = 500


def _index(es, config: Config) -> str:
    from indexers.client import ensure_index
    key = (config.es_url, config.index_prefix)
    if key not in _ready:
        ensure_index(es, config, "audit")
        _ready.add(key)
    return config.index("audit")


def _query_dict(query: Any) -> dict | None:
    if query is None:
        return None
    if hasattr(query, "plain"):  # a RecordQuery: its values are plain already, no deep copy needed
        query = query.plain()
    elif hasattr(query, "__dataclass_fields__"):
        from dataclasses import asdict
        query = asdict(query)
    return {k: v for k, v in dict(query).items() if v not in (None, "", [], ())}


def entry(action: str, *, principal: Actor | None, meta: dict, query: Any = None,
          record_ids: list[str] | tuple[str, ...] = (), count: int | None = None, target: str | None = None,
          detail: dict | None = None) -> dict:
    q = _query_dict(query)
    return {
        "at": datetime.now(timezone.utc).isoformat(timespec="milliseconds"),
        "user": principal.name if principal else meta.get("user", ""),
        "token_id": principal.token_id if principal else None,
        "role": principal.role if principal else meta.get("role"),
        "action": action,
        "method": meta.get("method"),
        "path": meta.get("path"),
        "client": meta.get("client"),
        "query": q,
        "query_text": json.dumps(q, ensure_ascii=False, sort_keys=True, default=str) if q else None,
        "record_ids": list(record_ids)[:MAX_IDS],
        "count": count if count is not None else (len(record_ids) if record_ids else None),
        "target": target,
        "detail": detail,
    }


def write(action: str, *, principal: Actor | None, meta: dict, config: Config, es: Any, **what: Any) -> None:
    """Append one entry; ``HTTPException(503)`` if it cannot be written (no record, no processing)."""
    doc = entry(action, principal=principal, meta=meta, **what)
    try:
        WRITER.write(es, _index(es, config), uuid.uuid4().hex, doc)
    except Exception as exc:  # noqa: BLE001 - no record, no processing
        log.error("could not write the audit entry for %s (%s)", action, type(exc).__name__)
        raise HTTPException(503, "the audit log is unavailable") from None


class GroupWriter:
    """Audit entries of concurrent requests written together (group commit), each request going on only once its
    own entry is written: the answer still never leaves before its record, but requests arriving while a write
    is under way share the next one (one bulk request, one translog sync) instead of one request each.

    One writer thread per process, started on first use; an idle writer writes an entry at once, so a lone
    request waits no longer than before. Each entry is created under a fresh ID (``create``): a retried bulk
    never doubles one."""

    MAX_BATCH = 500
    TIMEOUT = 30.0

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._queue: list[dict] = []
        self._thread: threading.Thread | None = None

    def write(self, es, index: str, doc_id: str, doc: dict) -> None:
        item = {"es": es, "index": index, "id": doc_id, "doc": doc, "done": threading.Event(), "error": None}
        with self._cond:
            self._queue.append(item)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="sohoa-audit-writer", daemon=True)
                self._thread.start()
            self._cond.notify()
        if not item["done"].wait(self.TIMEOUT):
            raise TimeoutError("the audit entry was not written in time")
        if item["error"] is not None:
            raise item["error"]

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._queue:
                    self._cond.wait()
                batch, self._queue = self._queue[:self.MAX_BATCH], self._queue[self.MAX_BATCH:]
            by_client: dict[int, list[dict]] = {}
            for item in batch:
                by_client.setdefault(id(item["es"]), []).append(item)
            for items in by_client.values():
                self._flush(items)

    @staticmethod
    def _flush(items: list[dict]) -> None:
        try:
            ops: list[dict] = []
            for item in items:
                ops += [{"create": {"_index": item["index"], "_id": item["id"]}}, item["doc"]]
            resp = items[0]["es"].bulk(operations=ops)
            for item, result in zip(items, resp["items"]):
                status = result.get("create", {}).get("status", 500)
                if status >= 300:
                    item["error"] = RuntimeError(f"audit entry not written (status {status})")
        except Exception as exc:  # noqa: BLE001 - each waiting request fails on its own (503)
            for item in items:
                item["error"] = exc
        finally:
            for item in items:
                item["done"].set()


WRITER = GroupWriter()


_SINCE = re.compile(r"^(\d+)([mhdw])$")


def parse_since(text: str | None) -> str | None:
    """'30m', '12h', '7d', '2w' or an ISO date/time -> ISO time."""
    if not text:
        return None
    m = _SINCE.match(text.strip())
    if m:
        unit = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}[m.group(2)]
        return (datetime.now(timezone.utc) - timedelta(**{unit: int(m.group(1))})).isoformat(timespec="seconds")
    try:
        dt = datetime.fromisoformat(text.strip())
    except ValueError as exc:
        raise ValueError(f"--since takes 30m, 12h, 7d, 2w or an ISO date, not {text!r}") from exc
    return (dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)).isoformat(timespec="seconds")


def search_entries(es, config: Config, *, user: str | None = None, action: str | None = None,
                   since: str | None = None, record_id: str | None = None, limit: int = 100) -> list[dict]:
    index = _index(es, config)
    filters: list[dict] = []
    if user:
        filters.append({"term": {"user": user}})
    if action:
        filters.append({"term": {"action": action}})
    if record_id:
        filters.append({"term": {"record_ids": record_id}})
    if since:
        filters.append({"range": {"at": {"gte": parse_since(since)}}})
    es.indices.refresh(index=index)
    resp = es.search(index=index, size=max(1, min(limit, MAX_ENTRIES)), sort=[{"at": "desc"}],
                     query={"bool": {"filter": filters}})
    return [h["_source"] for h in resp["hits"]["hits"]]
