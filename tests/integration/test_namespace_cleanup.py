"""ingest.testing.remove_namespace: what the suite, the benchmarks and the fault drill use to clean up after
themselves removes all of one namespace and nothing of another's."""

from __future__ import annotations

import uuid

import pytest

from ingest.event_sources import sqs_client
from ingest.testing import remove_namespace
from sohoa.elastic import make_client
from sohoa.config import Config

from .conftest import s3

pytestmark = pytest.mark.integration


def _namespace(stack_env: dict[str, str], tag: str) -> dict[str, str]:
    run = uuid.uuid4().hex[:6]
    return {**stack_env, "SOHOA_INDEX_PREFIX": f"{stack_env['SOHOA_INDEX_PREFIX']}{tag}{run}",
            "SOHOA_BUCKET": f"{stack_env['SOHOA_BUCKET']}-{tag}{run}"}


def _fill(env: dict[str, str]) -> Config:
    """Indices, a versioned inbox with old versions and a delete marker, a derived bucket, an event queue."""
    config = Config.from_env(env)
    client = s3(env)
    for name in (config.bucket, config.derived_bucket):
        client.create_bucket(Bucket=name)
    client.put_bucket_versioning(Bucket=config.bucket, VersioningConfiguration={"Status": "Enabled"})
    for body in (b"first", b"second"):
        client.put_object(Bucket=config.bucket, Key="hotich/so-1.pdf", Body=body)
    client.put_object(Bucket=config.bucket, Key="hotich/so-2.pdf", Body=b"gone")
    client.delete_object(Bucket=config.bucket, Key="hotich/so-2.pdf")
    client.put_object(Bucket=config.derived_bucket, Key="pages/ab/00001.png", Body=b"png")
    make_client(config).indices.create(index=config.index("pages"))
    sqs_client(config).create_queue(QueueName=f"{config.index_prefix}-events")
    return config


def _buckets(env: dict[str, str]) -> set[str]:
    return {b["Name"] for b in s3(env).list_buckets()["Buckets"]}


def test_everything_of_one_namespace_goes_and_nothing_of_another(stack_env):
    gone, kept = _namespace(stack_env, "rm"), _namespace(stack_env, "keep")
    gone_config, kept_config = _fill(gone), _fill(kept)
    try:
        remove_namespace(gone)
        buckets = _buckets(stack_env)
        assert not {gone_config.bucket, gone_config.derived_bucket} & buckets
        assert {kept_config.bucket, kept_config.derived_bucket} <= buckets
        es = make_client(gone_config)
        assert not es.indices.exists(index=gone_config.index("pages"))
        assert es.indices.exists(index=kept_config.index("pages"))
        queues = sqs_client(gone_config).list_queues(QueueNamePrefix=stack_env["SOHOA_INDEX_PREFIX"]).get("QueueUrls", [])
        assert not [q for q in queues if gone_config.index_prefix in q]
        assert [q for q in queues if kept_config.index_prefix in q]
        remove_namespace(gone)  # twice: nothing left to remove is not an error
    finally:
        remove_namespace(kept)
    assert not {kept_config.bucket, kept_config.derived_bucket} & _buckets(stack_env)
