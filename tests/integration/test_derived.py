"""Derived output out of the inbox: reconciliation never lists it, and an older layout is migrated out."""

from __future__ import annotations

import uuid

import pytest

from ingest.testing import remove_namespace

from .conftest import s3, sohoa

pytestmark = pytest.mark.integration


@pytest.fixture
def old_layout(stack_env):
    """A deployment as it was: page images and OCR results in the inbox under _sohoa/."""
    run = uuid.uuid4().hex[:6]
    bucket = f"{stack_env['SOHOA_BUCKET']}-old{run}"
    env = {**stack_env, "SOHOA_INDEX_PREFIX": f"{stack_env['SOHOA_INDEX_PREFIX']}old{run}", "SOHOA_BUCKET": bucket,
           "SOHOA_DERIVED_BUCKET": bucket, "SOHOA_DERIVED_PREFIX": "_sohoa/"}
    client = s3(env)
    client.create_bucket(Bucket=bucket)
    for key in ("hotich/1972/so-1.pdf", "baotang/phieu-2.jpg"):
        client.put_object(Bucket=bucket, Key=key, Body=key.encode())
    client.put_object(Bucket=bucket, Key="hotich/1972/", Body=b"")  # a folder placeholder
    for key in ("_sohoa/pages/ab/00001.png", "_sohoa/pages/ab/00002.png", "_sohoa/ocr/ab/00001.json"):
        client.put_object(Bucket=bucket, Key=key, Body=b"derived " + key.encode())
    yield env
    new = {k: v for k, v in env.items() if k not in ("SOHOA_DERIVED_BUCKET", "SOHOA_DERIVED_PREFIX")}
    remove_namespace(new)


def test_reconciliation_lists_only_the_collection_prefixes(old_layout):
    out = sohoa(old_layout, "watch", "--once")
    assert out.returncode == 0, out.stderr
    # Two scans; _sohoa/ is never listed (2 prefixes + the delimited root listing = 3 LIST requests).
    assert "listed 2, queued 2 new" in out.stdout and "2 prefixes, 3 LIST requests" in out.stdout, out.stdout
    configured = sohoa({**old_layout, "SOHOA_COLLECTIONS": "hotich"}, "watch", "--once")
    assert "listed 1, queued 0 new" in configured.stdout and "1 LIST requests" in configured.stdout, configured.stdout


def test_derived_output_is_migrated_out_of_the_inbox(old_layout):
    new = {k: v for k, v in old_layout.items() if k not in ("SOHOA_DERIVED_BUCKET", "SOHOA_DERIVED_PREFIX")}
    client, inbox = s3(new), new["SOHOA_BUCKET"]
    first = sohoa(new, "derived", "migrate")
    assert first.returncode == 0, first.stderr
    assert "3 derived objects found, 3 copied, 0 already in place, 0 originals deleted" in first.stdout, first.stdout
    moved = sohoa(new, "derived", "migrate", "--delete")  # run again: nothing copied twice
    assert "3 copied" not in moved.stdout and "3 already in place, 3 originals deleted" in moved.stdout, moved.stdout
    derived = f"{inbox}-derived"
    keys = sorted(o["Key"] for o in client.list_objects_v2(Bucket=derived)["Contents"])
    assert keys == ["ocr/ab/00001.json", "pages/ab/00001.png", "pages/ab/00002.png"]
    assert client.get_object(Bucket=derived, Key="pages/ab/00002.png")["Body"].read() == b"derived _sohoa/pages/ab/00002.png"
    left = sorted(o["Key"] for o in client.list_objects_v2(Bucket=inbox)["Contents"])
    assert left == ["baotang/phieu-2.jpg", "hotich/1972/", "hotich/1972/so-1.pdf"]
