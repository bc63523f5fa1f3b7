"""Gone workers' heartbeat records do not pile up in the jobs index (on the real Elasticsearch)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from ingest.heartbeat import EXPIRE_AFTER, WorkerHeartbeat, expire_gone_workers


def beat_at(es, jobs: str, worker: str, when: datetime) -> None:
    doc = WorkerHeartbeat(lambda: es, jobs).snapshot()
    doc.update(worker=worker, heartbeat_at=when.isoformat(), updated_at=when.isoformat())
    es.index(index=jobs, id=f"worker:{worker}", document=doc, refresh=True)


def workers(es, jobs: str) -> list[str]:
    es.indices.refresh(index=jobs)
    hits = es.search(index=jobs, size=100, query={"term": {"kind": "worker"}})["hits"]["hits"]
    return sorted(h["_source"]["worker"] for h in hits)


def test_records_of_workers_gone_for_an_hour_are_deleted_and_live_ones_kept(es, jobs):
    now = datetime.now(timezone.utc)
    for n in range(30):  # thirty restarts' worth of gone processes
        beat_at(es, jobs, f"old-host:{n}", now - timedelta(seconds=EXPIRE_AFTER + 60 * (n + 1)))
    beat_at(es, jobs, "live-host:1", now)
    beat_at(es, jobs, "quiet-host:2", now - timedelta(seconds=EXPIRE_AFTER - 60))  # not long enough

    assert expire_gone_workers(es, jobs, now=now) == 30
    assert workers(es, jobs) == ["live-host:1", "quiet-host:2"]
    assert expire_gone_workers(es, jobs, now=now) == 0


def test_a_worker_that_beats_again_between_the_look_and_the_delete_keeps_its_record(es, jobs):
    now = datetime.now(timezone.utc)
    beat_at(es, jobs, "slow-host:7", now - timedelta(seconds=EXPIRE_AFTER + 5))

    class BeatsInBetween:
        """The jobs index as a racing worker sees it: the search answers, then the record is written again."""

        def __init__(self, real):
            self.real = real

        def search(self, **kwargs):
            found = self.real.search(**kwargs)
            beat_at(self.real, jobs, "slow-host:7", now)
            return found

        def delete(self, **kwargs):
            return self.real.delete(**kwargs)

    assert expire_gone_workers(BeatsInBetween(es), jobs, now=now) == 0
    assert workers(es, jobs) == ["slow-host:7"]
