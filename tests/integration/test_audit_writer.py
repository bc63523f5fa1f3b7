"""Audit entries of concurrent requests written together: each one written, once, before its caller goes on."""

from __future__ import annotations

import threading
import uuid

import pytest

from api import audit_log as audit
from indexers.client import ensure_index
from sohoa.config import Config


def test_concurrent_entries_are_each_written_once_and_a_bad_one_fails_only_its_caller(stack_env, es):
    config = Config.from_env({**stack_env, "SOHOA_INDEX_PREFIX": f"auditw{uuid.uuid4().hex[:8]}"})
    index = ensure_index(es, config, "audit")
    writer = audit.GroupWriter()
    ids = [uuid.uuid4().hex for _ in range(40)]
    errors: dict[str, Exception] = {}
    # every caller finds its own entry as soon as it goes on (a real-time get), whatever batch it was in
    seen: dict[str, bool] = {}

    def write(i: int, doc_id: str) -> None:
        doc = {"at": "2026-01-01T00:00:00.000+00:00", "user": f"u{i}", "action": "search", "count": i}
        if i == 7:
            doc["at"] = "not a time"  # refused by the mapping: this caller alone must fail
        try:
            writer.write(es, index, doc_id, doc)
            seen[doc_id] = es.get(index=index, id=doc_id)["found"]
        except Exception as exc:  # noqa: BLE001
            errors[doc_id] = exc

    threads = [threading.Thread(target=write, args=(i, d)) for i, d in enumerate(ids)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    try:
        assert list(errors) == [ids[7]]
        assert len(seen) == 39 and all(seen.values())
        es.indices.refresh(index=index)
        assert es.count(index=index)["count"] == 39
        with pytest.raises(RuntimeError, match="status 409"):  # written once: the same ID is never created twice
            writer.write(es, index, ids[0], {"at": "2026-01-01T00:00:00.000+00:00", "action": "search"})
    finally:
        es.indices.delete(index=f"{config.index_prefix}-*", ignore_unavailable=True, allow_no_indices=True)
