"""The queue's actors: each one only wires a message to a stage in ``stages.py``.

Run them with ``sohoa worker`` (dramatiq processes x threads). The queues are
separate so an operator can see where work waits: ``{prefix}-prepare``
(download; small documents are read there whole), ``{prefix}-ocr`` (ranges of a
large document's pages, and single pages sent again, shared by all workers) and ``{prefix}-index``, where the prefix is SOHOA_INDEX_PREFIX.
"""

from __future__ import annotations

import threading
from typing import Any

import dramatiq

from sohoa.config import Config
from sohoa.errors import BadInput, SohoaError, classify
from sohoa.logs import setup_logging
from sohoa.messages import INDEX, OCR, OCR_PAGES, PREPARE, MessageSender, PrepareMessage, queue_names

from . import stages
from .broker import setup_broker
from .heartbeat import WorkerHeartbeat
from .sources import SourceCache

config = Config.from_env()
# Worker processes import this module first: our log format and levels
# (client libraries quiet, nothing from page contents) apply to them too.
setup_logging(config)
_ctx: stages.Context | None = None
_ctx_lock = threading.Lock()


def context() -> stages.Context:
    """One Context per worker process, made on first use (connections are not fork-safe)."""
    global _ctx
    with _ctx_lock:
        if _ctx is None:
            _ctx = stages.Context.from_config(config, send_prepare=sender.prepare, send_ocr=sender.ocr,
                                              send_index=sender.index, send_pages=sender.pages,
                                              sources=SourceCache(keep=config.worker_threads + 1))
        return _ctx


def should_retry(retries: int, exc: BaseException) -> bool:
    """Bad input and exceeded limits fail at once; outages are waited out; the rest is retried a few times."""
    if isinstance(exc, SohoaError) and not exc.retryable:
        return False
    if classify(exc)[0] == "dependency_unavailable":
        return retries < 40  # with backoff capped at a minute: about half an hour of outage
    return retries < config.max_retries


def _record_failure(actor_name: str, args: tuple, exc: BaseException) -> None:
    stages.record_failure(context(), actor_name, args, exc)


def _record_retry(actor_name: str, args: tuple, exc: BaseException, retries: int, eta_ms: int | None) -> None:
    from datetime import datetime, timezone
    from .failures import record_retry
    at = datetime.fromtimestamp(eta_ms / 1000, timezone.utc).isoformat(timespec="milliseconds") if eta_ms else None
    record_retry(context().state, actor_name, args, exc, retries, at)


broker = setup_broker(config.broker_url, _record_failure, _record_retry,
                      [WorkerHeartbeat(lambda: context().es, config.index("jobs"))])

RETRY: dict[str, Any] = dict(retry_when=should_retry, min_backoff=1_000, max_backoff=60_000)


QUEUES = queue_names(config.index_prefix)
PREPARE_QUEUE, OCR_QUEUE, INDEX_QUEUE = QUEUES


# Messages are built by the kernel's sender (sohoa/messages.py), which the commands and the API use too.
sender = MessageSender(broker, config.index_prefix)


@dramatiq.actor(actor_name=PREPARE, queue_name=PREPARE_QUEUE, time_limit=6 * 3600 * 1000, **RETRY)
def prepare_document(*args: object) -> None:
    """``key, etag, size, ledger_id`` (sohoa.messages.prepare_args); older messages carry the bucket first."""
    message = PrepareMessage.parse(args)
    if message is None:
        raise BadInput(f"a prepare message with {len(args)} arguments")
    stages.prepare(context(), message.ref, message.ledger_id)


@dramatiq.actor(actor_name=OCR, queue_name=OCR_QUEUE, time_limit=(config.ocr_timeout + 120) * 1000, **RETRY)
def ocr_page(doc_hash: str, page: int) -> None:
    stages.ocr_page(context(), doc_hash, page)


@dramatiq.actor(actor_name=OCR_PAGES, queue_name=OCR_QUEUE, time_limit=6 * 3600 * 1000, **RETRY)
def ocr_pages(doc_hash: str, first: int, last: int) -> None:
    stages.ocr_pages(context(), doc_hash, first, last)


@dramatiq.actor(actor_name=INDEX, queue_name=INDEX_QUEUE, time_limit=3600 * 1000, **RETRY)
def index_document(doc_hash: str) -> None:
    stages.index_document(context(), doc_hash)

