"""The ledger entry an object version gets, whoever sees it first (pure parts)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from ingest.consumer import select
from ingest.events import BucketEvent
from ingest.ledger import RESEND_AFTER, Sighting, enqueue_lag_ms, needs_resend, new_entry, unique
from ingest.notifications import merged_configuration, notification_rules
from ingest.state import ledger_id
from sohoa.storage import Bucket, ObjectRef
from sohoa.config import Config

NOW = datetime(2026, 12, 4, 10, 0, 0, tzinfo=timezone.utc)
REF = ObjectRef(key="hotich/so-1972.pdf", etag="e1", size=10)


def test_an_event_and_a_listing_write_the_same_entry():
    by_event = new_entry("inbox", Sighting(REF, "2026-12-04T09:59:59.500+00:00"), "event", NOW)
    by_listing = new_entry("inbox", Sighting(REF, "2026-12-04T09:59:59.500+00:00"), "listing", NOW)
    assert {k: v for k, v in by_event.items() if k != "source"} == {k: v for k, v in by_listing.items() if k != "source"}
    assert by_event["status"] == "listed" and by_event["collection"] == "hotich"
    assert (by_event["bucket"], by_event["key"], by_event["etag"], by_event["size"]) == ("inbox", REF.key, "e1", 10)


def test_a_duplicated_event_in_one_batch_counts_once():
    batch = unique("inbox", [Sighting(REF), Sighting(REF), Sighting(ObjectRef(REF.key, "e2", 10))])
    assert list(batch) == [ledger_id("inbox", REF.key, "e1"), ledger_id("inbox", REF.key, "e2")]


def test_only_an_entry_left_listed_past_the_grace_period_is_sent_again():
    def listed(seconds_ago, status="listed"):
        return {"status": status, "listed_at": (NOW - timedelta(seconds=seconds_ago)).isoformat()}
    assert not needs_resend(listed(1), NOW)  # its sender may be between create and send right now
    assert needs_resend(listed(RESEND_AFTER + 1), NOW)
    assert not needs_resend(listed(3600, "enqueued"), NOW)
    assert not needs_resend(listed(3600, "failed"), NOW)


def test_enqueue_lag():
    assert enqueue_lag_ms("2026-12-04T09:59:59.750Z", NOW) == 250.0
    assert enqueue_lag_ms(None, NOW) is None
    assert enqueue_lag_ms("2026-12-04T10:00:01Z", NOW) == 0.0  # clocks disagree: never negative


def test_events_about_other_buckets_derived_output_or_folders_are_ignored():
    bucket = Bucket(Config.from_env({"SOHOA_BUCKET": "inbox", "SOHOA_DERIVED_BUCKET": "inbox",
                                     "SOHOA_DERIVED_PREFIX": "_sohoa/"}), client=object())
    events = [BucketEvent("inbox", REF, None, "ObjectCreated:Put"),
              BucketEvent("elsewhere", REF, None, "ObjectCreated:Put"),
              BucketEvent("inbox", ObjectRef("_sohoa/pages/x/00001.png", "e", 1), None, "ObjectCreated:Put"),
              BucketEvent("inbox", ObjectRef("hotich/folder/", "e", 0), None, "ObjectCreated:Put")]
    keep, ignored = select(events, bucket)
    assert [s.ref for s in keep] == [REF] and ignored == 3


def test_notification_rules_keep_other_peoples_rules():
    current = {"ResponseMetadata": {}, "QueueConfigurations": [
        {"Id": "audit-team", "QueueArn": "arn:q", "Events": ["s3:ObjectRemoved:*"]},
        {"Id": "sohoa-old", "QueueArn": "arn:old", "Events": ["s3:ObjectCreated:*"]}]}
    rules = notification_rules("arn:new", ("hotich/", "baotang/"))
    merged = merged_configuration(current, rules)
    assert "ResponseMetadata" not in merged
    ids = [q["Id"] for q in merged["QueueConfigurations"]]
    assert ids == ["audit-team", "sohoa-hotich", "sohoa-baotang"]
    assert merged["QueueConfigurations"][1]["Filter"]["Key"]["FilterRules"] == [{"Name": "prefix", "Value": "hotich/"}]
    assert notification_rules("arn:new", ())[0]["Events"] == ["s3:ObjectCreated:*"]


def test_event_source_addresses():
    import pytest
    from ingest.event_sources import describe_source, redis_target
    assert redis_target("redis://:pw@redis:6379/0?key=sohoa-events") == ("redis://:pw@redis:6379/0", "sohoa-events")
    with pytest.raises(ValueError, match="key=LIST"):
        redis_target("redis://redis:6379/0")
    assert "pw" not in describe_source("redis://:pw@redis:6379/0?key=sohoa-events")
    assert describe_source("sqs:sohoa-events") == "sqs:sohoa-events"
