"""Bulk loads against the real Elasticsearch: every document arrives, and the index's own settings come back."""

from __future__ import annotations

import uuid

import pytest

from indexers.bulk import index_concurrently, load_settings

pytestmark = pytest.mark.integration


def test_concurrent_bulk_load_indexes_everything_and_restores_the_settings(stack_env):
    from elasticsearch import Elasticsearch
    es = Elasticsearch(stack_env["SOHOA_ES_URL"])
    index = f"test-bulk-{uuid.uuid4().hex[:8]}"
    es.indices.create(index=index, settings={"number_of_replicas": 0, "refresh_interval": "2s"})
    drawn = []

    def docs():
        for i in range(2_345):
            drawn.append(i)
            yield str(i), {"n": i}

    try:
        with load_settings(es, index, {"refresh_interval": "2s"}):
            live = es.indices.get_settings(index=index)[index]["settings"]["index"]
            assert live["refresh_interval"] == "-1" and live["translog"]["durability"] == "async"
            assert index_concurrently(es, index, docs(), threads=3, chunk_size=200) == 2_345
        after = es.indices.get_settings(index=index)[index]["settings"]["index"]
        assert after["refresh_interval"] == "2s" and after["translog"]["durability"] == "request"
        assert es.count(index=index)["count"] == 2_345  # refreshed on the way out
        assert sorted(drawn) == list(range(2_345))
    finally:
        es.indices.delete(index=index, ignore_unavailable=True)


def test_a_rejected_document_fails_the_load(stack_env):
    from elasticsearch import Elasticsearch
    es = Elasticsearch(stack_env["SOHOA_ES_URL"])
    index = f"test-bulk-{uuid.uuid4().hex[:8]}"
    es.indices.create(index=index, mappings={"dynamic": "strict", "properties": {"n": {"type": "integer"}}})
    try:
        docs = [(str(i), {"n": i}) for i in range(500)] + [("bad", {"n": "not a number"})]
        with pytest.raises(RuntimeError, match="rejected"):
            index_concurrently(es, index, docs, threads=2, chunk_size=100)
    finally:
        es.indices.delete(index=index, ignore_unavailable=True)
