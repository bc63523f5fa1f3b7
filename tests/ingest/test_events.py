"""Bucket event shapes, as S3, moto, EventBridge and MinIO send them, read as plain data."""

from __future__ import annotations

import json

import pytest

from ingest.events import BadEvent, parse_message

# What moto's server put on its SQS queue for an upload of "hotich/Sổ khai sinh 1972+a.pdf"
# (captured from moto 5.2: the key URL-encoded with quote_plus, as AWS does).
MOTO_S3 = ('{"Records": [{"eventVersion": "2.1", "eventSource": "aws:s3", "awsRegion": "us-east-1", '
           '"eventTime": "2026-12-04T20:25:33.323Z", "eventName": "ObjectCreated:Put", "s3": {"s3SchemaVersion": '
           '"1.0", "configurationId": "vDI8wguiTfe5cAq9hRVSTCf9qkgquuFVNdOVGMMumDigjZ2eBv", "bucket": {"name": '
           '"bkt-ev", "arn": "arn:aws:s3:::bkt-ev"}, "object": {"key": "hotich%2FS%E1%BB%95+khai+sinh+1972%2Ba.pdf", '
           '"size": 3, "eTag": "900150983cd24fb0d6963f7d28e17f72"}}}]}')

# One MinIO event record (internal/event Event, JSON as MinIO marshals it): eventName keeps its "s3:" prefix,
# the key is url.QueryEscape'd, the ETag unquoted.
MINIO_RECORD = {
    "eventVersion": "2.0", "eventSource": "minio:s3", "awsRegion": "", "eventTime": "2026-12-04T09:15:02.412Z",
    "eventName": "s3:ObjectCreated:Put", "userIdentity": {"principalId": "sohoa"},
    "requestParameters": {"principalId": "sohoa", "region": "", "sourceIPAddress": "172.18.0.1"},
    "responseElements": {"x-amz-id-2": "dd9025bab4ad464b049177c95eb6ebf374d3b3fd1af9251148b658df7ac2e3e8",
                         "x-amz-request-id": "180D8E5A3B4C2F11", "x-minio-deployment-id": "0c3a7f9e",
                         "x-minio-origin-endpoint": "http://172.18.0.4:9000"},
    "s3": {"s3SchemaVersion": "1.0", "configurationId": "Config",
           "bucket": {"name": "sohoa-inbox", "ownerIdentity": {"principalId": "sohoa"},
                      "arn": "arn:aws:s3:::sohoa-inbox"},
           "object": {"key": "nguoicocong%2Fho-so+li%E1%BB%87t+s%C4%A9+0457.tiff", "size": 48213,
                      "eTag": "5d41402abc4b2a76b9719d911017c592", "contentType": "image/tiff",
                      "userMetadata": {"content-type": "image/tiff"}, "sequencer": "180D8E5A3B5E9B7C"}},
    "source": {"host": "172.18.0.1", "port": "", "userAgent": "MinIO (linux; amd64) minio-go/v7.0.70"},
}


def test_moto_s3_event_key_is_url_decoded():
    [e] = parse_message(MOTO_S3)
    assert e.bucket == "bkt-ev"
    assert e.ref.key == "hotich/Sổ khai sinh 1972+a.pdf"  # '+' was a space, '%2B' a plus
    assert e.ref.etag == "900150983cd24fb0d6963f7d28e17f72" and e.ref.size == 3
    assert e.event_time == "2026-12-04T20:25:33.323+00:00"
    assert e.ref.collection == "hotich"


def test_minio_redis_access_format():
    # MinIO's Redis target (format=access) RPUSHes a JSON list of {"Event": [...], "EventTime": ...}.
    body = json.dumps([{"Event": [MINIO_RECORD], "EventTime": "2026-12-04T09:15:02.412Z"}])
    [e] = parse_message(body.encode())
    assert e.bucket == "sohoa-inbox"
    assert e.ref.key == "nguoicocong/ho-so liệt sĩ 0457.tiff"
    assert e.ref.size == 48213 and e.name == "ObjectCreated:Put"


def test_minio_webhook_and_amqp_format():
    body = json.dumps({"EventName": "s3:ObjectCreated:Put", "Key": "sohoa-inbox/nguoicocong/ho-so liệt sĩ 0457.tiff",
                       "Records": [MINIO_RECORD]})
    [e] = parse_message(body)
    assert e.ref.key == "nguoicocong/ho-so liệt sĩ 0457.tiff"


def test_sns_wrapped_s3_event():
    body = json.dumps({"Type": "Notification", "MessageId": "m", "TopicArn": "arn:aws:sns:us-east-1:1:t",
                       "Message": MOTO_S3})
    assert [e.ref.key for e in parse_message(body)] == ["hotich/Sổ khai sinh 1972+a.pdf"]


def test_eventbridge_object_created():
    body = json.dumps({"version": "0", "id": "x", "detail-type": "Object Created", "source": "aws.s3",
                       "time": "2026-12-04T10:00:00Z", "region": "us-east-1",
                       "detail": {"bucket": {"name": "sohoa-inbox"},
                                  "object": {"key": "baotang/phiếu 12.jpg", "size": 10, "etag": "abc"},
                                  "reason": "PutObject"}})
    [e] = parse_message(body)
    assert e.ref.key == "baotang/phiếu 12.jpg" and e.event_time == "2026-12-04T10:00:00.000+00:00"


def test_test_events_and_removals_announce_nothing():
    assert parse_message('{"Service": "Amazon S3", "Event": "s3:TestEvent", "Bucket": "b"}') == []
    removal = json.loads(MOTO_S3)
    removal["Records"][0]["eventName"] = "ObjectRemoved:Delete"
    assert parse_message(json.dumps(removal)) == []
    eb = {"detail-type": "Object Deleted", "source": "aws.s3", "detail": {}}
    assert parse_message(json.dumps(eb)) == []


def test_one_message_with_several_records():
    two = json.loads(MOTO_S3)
    second = json.loads(json.dumps(two["Records"][0]))
    second["s3"]["object"]["key"] = "baotang%2Fa.png"
    two["Records"].append(second)
    assert [e.ref.key for e in parse_message(json.dumps(two))] == ["hotich/Sổ khai sinh 1972+a.pdf", "baotang/a.png"]


@pytest.mark.parametrize("body", ["not json", "[1]", '{"hello": 1}', '{"Records": [{"eventName": "ObjectCreated:Put"}]}',
                                  '{"Records": [{"eventName": "ObjectCreated:Put", "s3": {"bucket": {"name": "b"}, '
                                  '"object": {"key": "k", "size": 1}}}]}'])
def test_what_is_not_a_bucket_event_is_refused_with_a_reason(body):
    with pytest.raises(BadEvent) as err:
        parse_message(body)
    assert str(err.value)
    assert "k" not in str(err.value).split() # the message names no key
