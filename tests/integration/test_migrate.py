"""`sohoa index migrate`: v1 records (the first, minimal mapping) to the current version, search answering throughout."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch, helpers

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "indexers"))

from indexers.client import load_template  # noqa: E402
from indexers.records import record_id  # noqa: E402
from indexers.records_search import RecordQuery, search_records  # noqa: E402
from indexers.synthetic import record_base  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
N = 20_000
# The records mapping as first released (version 1), kept here as the starting point of the migration.
V1_MAPPING = {
    "dynamic": "strict",
    "_source": {"excludes": ["search.*"]},
    "properties": {
        "record_type": {"type": "keyword"}, "family": {"type": "keyword"}, "schema_version": {"type": "keyword"},
        "collection": {"type": "keyword"}, "bucket": {"type": "keyword"}, "key": {"type": "keyword"},
        "doc_hash": {"type": "keyword"}, "ordinal": {"type": "integer"}, "pages": {"type": "integer"},
        "confidence": {"type": "float"}, "needs_review": {"type": "boolean"},
        "review_reasons": {"type": "keyword", "index": False}, "name": {"type": "keyword"},
        "date_of_birth": {"type": "date", "format": "yyyy-MM-dd||yyyy-MM||yyyy"},
        "personal_id": {"type": "keyword"}, "fields": {"type": "object", "enabled": False},
        "search": {"properties": {"names": {"type": "text"}, "names_norm": {"type": "text"},
                                  "names_folded": {"type": "text"}}},
        "extracted_at": {"type": "date"},
    },
}


def v1_doc(i: int, **kw) -> tuple[str, dict]:
    base = record_base(i, seed=11, **kw)
    name = (base["fields"].get("full_name") or {}).get("value")
    return record_id(base["doc_hash"], 0), {**base, "name": name}


@pytest.fixture
def mig_env(stack_env):
    return {**stack_env, "SOHOA_INDEX_PREFIX": stack_env["SOHOA_INDEX_PREFIX"] + "-mig"}


def test_migrate_copies_rebuilds_and_swaps_while_search_keeps_answering(mig_env):
    es = Elasticsearch(mig_env["SOHOA_ES_URL"])
    alias = f"{mig_env['SOHOA_INDEX_PREFIX']}-records"
    assert load_template("records")["version"] >= 2
    es.indices.create(index=f"{alias}-v1", mappings=V1_MAPPING,
                      settings={"number_of_shards": 1, "number_of_replicas": 0})
    es.indices.update_aliases(actions=[{"add": {"index": f"{alias}-v1", "alias": alias, "is_write_index": True}}])
    helpers.bulk(es, ({"_index": alias, "_id": rid, "_source": d} for rid, d in map(v1_doc, range(N))),
                 chunk_size=2000)
    es.indices.refresh(index=alias)

    status = subprocess.run([sys.executable, "-m", "sohoa.cli", "index", "status", "--json"], env=mig_env,
                            capture_output=True, text=True, cwd=ROOT, timeout=60)
    rec = next(r for r in json.loads(status.stdout) if r["name"] == "records")
    assert rec["migration_pending"] and rec["live_version"] == 1

    # While the migration runs: search must never come back empty, and new records keep arriving.
    stop = threading.Event()
    counts: list[int] = []
    errors: list[str] = []
    written: list[str] = []

    def reader():
        while not stop.is_set():
            try:
                counts.append(es.count(index=alias)["count"])
            except Exception as exc:  # noqa: BLE001 - any failure is the finding
                errors.append(repr(exc))
            time.sleep(0.02)

    def writer():
        i = N
        while not stop.is_set():
            rid, d = v1_doc(i, extracted_at=time.strftime("%Y-%m-%dT%H:%M:%S.000+00:00", time.gmtime()))
            es.index(index=alias, id=rid, document=d)
            written.append(rid)
            i += 1
            time.sleep(0.05)

    threads = [threading.Thread(target=reader), threading.Thread(target=writer)]
    for t in threads:
        t.start()
    try:
        out = subprocess.run([sys.executable, "-m", "sohoa.cli", "index", "migrate", "records", "--json",
                              "--batch", "2000"], env=mig_env, capture_output=True, text=True, cwd=ROOT,
                             timeout=600)
    finally:
        time.sleep(0.3)
        stop.set()
        for t in threads:
            t.join()
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    version = load_template("records")["version"]
    assert result["action"] == "migrated" and result["index"] == f"{alias}-v{version}"
    assert not errors, errors[:3]
    assert counts and min(counts) >= N, min(counts)

    # The alias points at the new version only; the old one is kept for rollback.
    assert list(es.indices.get_alias(name=alias)) == [f"{alias}-v{version}"]
    assert es.indices.exists(index=f"{alias}-v1")
    es.indices.refresh(index=alias)
    # Every record written before the swap is there (the writer keeps going for a moment after it, into v2).
    ids_v2 = {h["_id"] for h in helpers.scan(es, index=alias, _source=False, query={"query": {"match_all": {}}})}
    assert {v1_doc(i)[0] for i in range(N)} <= ids_v2
    assert set(written) <= ids_v2, len(set(written) - ids_v2)

    # Derived fields were rebuilt from _source: name search and typed fields work on migrated records.
    rid, sample = v1_doc(123)
    while not sample["name"]:
        rid, sample = v1_doc(int(rid[-10:-5], 16) + 1)
    from indexers.analysis import folded_text
    dob = sample["fields"]["date_of_birth"]["value"]
    found = search_records(es, alias, RecordQuery(name=folded_text(sample["name"]), born_from=dob[:4],
                                                  born_to=dob[:4], size=100))
    assert rid in [h["id"] for h in found["hits"]]
    assert found["hits"][0]["date_of_birth"] is not None

    again = subprocess.run([sys.executable, "-m", "sohoa.cli", "index", "migrate", "records", "--json"],
                           env=mig_env, capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert json.loads(again.stdout)["action"] == "current"
