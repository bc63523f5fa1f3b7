"""Bucket events: what an S3-compatible store says was written, read as plain data.

Pure functions only (no I/O): ``parse_message`` turns one message body into
the object versions it announces. Accepted shapes, all as the stores send them:

- S3 event notifications (AWS, and moto's server, which delivers them to its
  SQS): ``{"Records": [{"eventName": "ObjectCreated:Put", "s3": {...}}]}``;
  the same wrapped by SNS (``{"Type": "Notification", "Message": "..."}``);
  S3's ``s3:TestEvent`` sent when notifications are configured (ignored);
- EventBridge (``{"source": "aws.s3", "detail-type": "Object Created",
  "detail": {...}}``) delivered to SQS by a rule;
- MinIO: the Redis target's access format (a JSON list of
  ``{"Event": [records], "EventTime": ...}`` pushed on a list), and the
  webhook / AMQP shape (``{"EventName": ..., "Key": "bucket/key", "Records": [...]}``).

Keys in S3 and MinIO records are URL-encoded (``red flower.jpg`` arrives as
``red+flower.jpg``, Vietnamese letters as ``%E1%BB%95``); they are decoded
here, so the ledger holds the key exactly as a listing returns it. Keys are
identifiers, not text: they are not re-normalised (the object is downloaded
by exactly this key). EventBridge gives the key as is.

Events other than object creation (removals, reads) are ignored: a removed
object's pending work fails with its reason when the worker cannot read it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import unquote_plus

from sohoa.errors import BadInput

from .ledger import iso, parse_time
from .storage import ObjectRef


class BadEvent(BadInput):
    """A message that is not a bucket event sohoa understands (kept out of logs: it may name a key)."""


@dataclass(frozen=True)
class BucketEvent:
    bucket: str
    ref: ObjectRef
    # When the store wrote the object (the event's own time), ISO 8601 UTC; None when the event has none.
    event_time: str | None
    name: str  # e.g. ObjectCreated:Put


def parse_message(body: str | bytes) -> list[BucketEvent]:
    """Every object creation announced by one message (none for a test event or a removal)."""
    try:
        doc = json.loads(body)
    except (TypeError, ValueError) as exc:
        raise BadEvent("event message is not JSON") from exc
    return list(_events_in(doc))


def _events_in(doc) -> list[BucketEvent]:
    if isinstance(doc, list):  # MinIO Redis access format: a list of {"Event": [...], "EventTime": ...}
        return [e for item in doc for e in _events_in(item)]
    if not isinstance(doc, dict):
        raise BadEvent("event message is not a JSON object")
    if isinstance(doc.get("Records"), list):  # S3 / moto / MinIO webhook and AMQP
        return [e for r in doc["Records"] for e in _record(r)]
    if isinstance(doc.get("Event"), list):  # one MinIO access-format item
        return [e for r in doc["Event"] for e in _record(r)]
    if doc.get("Type") == "Notification" and isinstance(doc.get("Message"), str):  # SNS -> SQS
        return parse_message(doc["Message"])
    if doc.get("source") == "aws.s3" and isinstance(doc.get("detail"), dict):  # EventBridge -> SQS
        return _eventbridge(doc)
    if doc.get("Event") == "s3:TestEvent":  # sent once when notifications are configured
        return []
    raise BadEvent("message is not a bucket event")


def _record(r) -> list[BucketEvent]:
    if not isinstance(r, dict):
        raise BadEvent("event record is not a JSON object")
    name = str(r.get("eventName", "")).removeprefix("s3:")
    if not name.startswith("ObjectCreated:"):
        return []
    try:
        s3 = r["s3"]
        obj = s3["object"]
        key = unquote_plus(obj["key"])
        etag = str(obj.get("eTag") or obj.get("etag") or "").strip('"')
        size = int(obj.get("size") or 0)
        bucket = s3["bucket"]["name"]
    except (KeyError, TypeError, ValueError) as exc:
        raise BadEvent("object creation event without bucket, key or size") from exc
    if not etag:
        raise BadEvent("object creation event without an ETag")
    return [BucketEvent(bucket=bucket, ref=ObjectRef(key=key, etag=etag, size=size),
                        event_time=_time(r.get("eventTime")), name=name)]


def _eventbridge(doc: dict) -> list[BucketEvent]:
    if doc.get("detail-type") != "Object Created":
        return []
    d = doc["detail"]
    try:
        key, bucket = d["object"]["key"], d["bucket"]["name"]
        etag = str(d["object"].get("etag") or d["object"].get("eTag") or "").strip('"')
        size = int(d["object"].get("size") or 0)
    except (KeyError, TypeError, ValueError) as exc:
        raise BadEvent("EventBridge object event without bucket, key or size") from exc
    if not etag:
        raise BadEvent("EventBridge object event without an ETag")
    return [BucketEvent(bucket=bucket, ref=ObjectRef(key=key, etag=etag, size=size), event_time=_time(doc.get("time")),
                        name="ObjectCreated:" + str(d.get("reason") or "PutObject"))]


def _time(value) -> str | None:
    if isinstance(value, (int, float)):  # some emulators send epoch seconds
        return iso(datetime.fromtimestamp(value, timezone.utc))
    t = parse_time(value) if isinstance(value, str) else None
    return iso(t) if t else None
