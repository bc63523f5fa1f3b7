"""Event consumers' counter records stay bounded: stopped consumers are folded into one record, no count lost
or doubled (on the real Elasticsearch)."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone

import pytest

from ingest.consumer import EventConsumer
from ingest.event_counters import RETIRED_ID, compact, retired_record
from ingest.state import StateStore


@pytest.fixture
def jobs(stack_env, es):
    from indexers.client import ensure_indices
    from sohoa.config import Config
    prefix = f"counters{uuid.uuid4().hex[:8]}"
    config = Config.from_env({**stack_env, "SOHOA_INDEX_PREFIX": prefix})
    ensure_indices(es, config)
    yield StateStore(es, config)
    es.indices.delete(index=f"{prefix}-*", ignore_unavailable=True, allow_no_indices=True)


def records(es, jobs: str) -> list[dict]:
    es.indices.refresh(index=jobs)
    return [h | {"_source": h["_source"]} for h in es.search(index=jobs, size=1000, query={
        "term": {"kind": "events"}})["hits"]["hits"]]


def status_totals(es, jobs: str) -> dict:
    from ingest.status import intake
    hits = records(es, jobs)
    return intake([{}] * 4 + [{"hits": {"hits": hits}}, {"hits": {"total": {"value": 0}}, "aggregations": {}}],
                  datetime.now(timezone.utc))["events"]


def consumer(state: StateStore, name: str) -> EventConsumer:
    c = EventConsumer(source=None, bucket=None, state=state, send=None)
    c.stats_id = f"events:{name}"
    c._next_compaction = float("inf")  # this test compacts when it means to
    return c


def test_stopped_consumers_are_folded_into_one_record_and_the_totals_stay(jobs, es):
    long_ago = (datetime.now(timezone.utc) - timedelta(hours=2)).isoformat()
    es.bulk(operations=[x for n in range(150) for x in (  # a consumer per deploy, for months
        {"index": {"_index": jobs.jobs, "_id": f"events:old-host:{n}"}},
        {"kind": "events", "worker": f"old-host:{n}", "updated_at": long_ago,
         "events": {"received": 2, "queued": 1, "duplicates": 1, "last_event_at": long_ago}})])
    live = consumer(jobs, "live:1")
    live.stats.received, live.stats.queued = 10, 9
    live.write_stats(force=True)
    before = status_totals(es, jobs.jobs)
    assert before["received"] == 310 and before["consumers_known"] == 151

    es.indices.refresh(index=jobs.jobs)
    assert compact(es, jobs.jobs) == 150
    left = records(es, jobs.jobs)
    assert sorted(h["_id"] for h in left) == sorted([RETIRED_ID, "events:live:1"])
    after = status_totals(es, jobs.jobs)
    assert (after["received"], after["queued"], after["duplicates"]) == (310, 159, 150)
    assert len(after["consumers_alive"]) == 1 and after["consumers_known"] == 151
    assert compact(es, jobs.jobs) == 0  # nothing more to fold


def test_a_consumer_folded_while_silent_goes_on_counting_only_what_came_after(jobs, es):
    c = consumer(jobs, "slow:7")
    c.stats.received = 7
    c.write_stats(force=True)
    # Not heard from for long enough (Elasticsearch out of its reach, say): folded.
    es.indices.refresh(index=jobs.jobs)
    assert compact(es, jobs.jobs, now=datetime.now(timezone.utc) + timedelta(hours=1)) == 1
    c.stats.received = 12  # 5 more since
    c.write_stats(force=True)  # finds its record gone
    c.write_stats(force=True)
    assert status_totals(es, jobs.jobs)["received"] == 12
    c.stats.received = 13
    c.write_stats(force=True)
    assert status_totals(es, jobs.jobs)["received"] == 13


def test_an_interrupted_compaction_is_finished_by_the_next_without_doubling(jobs, es):
    c = consumer(jobs, "back:3")
    c.stats.received = 4
    c.write_stats(force=True)
    stale = consumer(jobs, "gone:2")
    stale.stats.received = 6
    stale.write_stats(force=True)
    # A compaction that noted both as folded, then died before deleting them.
    notes = {}
    for rid in ("events:back:3", "events:gone:2"):
        doc = es.get(index=jobs.jobs, id=rid)
        notes[rid] = {"seq_no": doc["_seq_no"], "primary_term": doc["_primary_term"],
                      "counters": {"received": doc["_source"]["events"]["received"]}}
    es.index(index=jobs.jobs, id=RETIRED_ID, document=retired_record(
        {"received": 10, "consumers": 2}, notes, datetime.now(timezone.utc).isoformat()), refresh=True)
    # One of them was not gone after all: it writes again before the next compaction.
    c.stats.received = 5
    c.write_stats(force=True)
    es.indices.refresh(index=jobs.jobs)
    compact(es, jobs.jobs)
    totals = status_totals(es, jobs.jobs)
    assert totals["received"] == 11  # 5 from the live one, 6 folded
    assert sorted(h["_id"] for h in records(es, jobs.jobs)) == sorted([RETIRED_ID, "events:back:3"])


def test_a_write_whose_answer_was_lost_is_not_taken_for_a_fold(jobs, es):
    c = consumer(jobs, "timeout:5")
    c.stats.received = 3
    c.write_stats(force=True)
    # The next write lands, but its answer never comes back (a timeout): the record is ahead of the consumer.
    c.stats.received = 8
    doc = es.get(index=jobs.jobs, id="events:timeout:5")["_source"]
    es.index(index=jobs.jobs, id="events:timeout:5", document={**doc, "events": {**doc["events"], "received": 8}})
    c.write_stats(force=True)  # conflicts, finds its record, and takes its sequence number
    c.stats.received = 9
    c.write_stats(force=True)
    assert status_totals(es, jobs.jobs)["received"] == 9
