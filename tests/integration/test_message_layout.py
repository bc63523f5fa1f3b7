"""Prepare messages left in the queue by a deployment from before the bucket was dropped from them still run."""

from __future__ import annotations

import dramatiq
import pytest

from ingest.control import Control
from ingest.testing import born_digital_certificate
from ingest.watcher import scan_once
from sohoa.config import Config
from sohoa.messages import PREPARE, make_broker

from .conftest import sohoa

pytestmark = pytest.mark.integration


def test_an_old_layout_prepare_message_is_processed_by_the_current_worker(stack, worker):
    key = "hotich/2024/giay-khai-sinh-cu.pdf"
    stack.put(key, born_digital_certificate("Lạc Thị Hồng Nhung"))
    ctx = Control.from_config(Config.from_env(stack.env))  # the indices made, as the watcher would
    pending = []
    scan_once(ctx.bucket, ctx.state, lambda ref, lid: pending.append((ref, lid)))
    assert [ref.key for ref, _ in pending] == [key]
    (ref, lid), = pending
    # Exactly as the worker's actor used to send it: the inbox's name first.
    broker = make_broker(stack.env["SOHOA_BROKER_URL"])
    broker.enqueue(dramatiq.Message(queue_name=f"{stack.prefix}-prepare", actor_name=PREPARE,
                                    args=(ctx.bucket.name, ref.key, ref.etag, ref.size, lid), kwargs={}, options={}))
    waited = sohoa(stack.env, "wait", "--timeout", "300", timeout=330)
    assert waited.returncode == 0, waited.stderr
    hits = stack.search("lac thi hong nhung")["hits"]
    assert [h["key"] for h in hits] == [key]
