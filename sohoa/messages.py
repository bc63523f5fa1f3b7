"""The queue messages: their queues, their arguments, and a sender that needs no worker code.

Messages carry only references (bucket key and ETag, document hash and page
number), never page images or text, so any broker copes with a 300-page
register and nothing personal sits in the queue.

Everything that queues work (``sohoa watch``, ``sohoa events``, ``sohoa
retry``, the operator console) sends through ``MessageSender``: it builds
the same messages the worker's actors (ingest/actors.py) receive, from the
actor names and argument layouts declared here, so sending never imports the
pipeline (OpenCV, Tesseract, extraction) nor declares a broker globally.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from uuid import uuid4

import dramatiq
from dramatiq.broker import Broker

from .storage import ObjectRef

log = logging.getLogger(__name__)

STAGES = ("prepare", "ocr", "index")
PREPARE, OCR, INDEX = "prepare_document", "ocr_page", "index_document"  # the actors' names
OCR_PAGES = "ocr_pages"  # a range of a large document's pages, read by the worker that takes it
ACTOR_STAGE = {PREPARE: "prepare", OCR: "ocr", OCR_PAGES: "ocr", INDEX: "index"}


def queue_names(prefix: str) -> tuple[str, ...]:
    """The queues of one deployment: they carry its prefix (SOHOA_INDEX_PREFIX), so
    two deployments or a test run can share a broker without taking each
    other's messages."""
    return tuple(f"{prefix}-{stage}" for stage in STAGES)


# -- argument layouts -----------------------------------------------------------

def prepare_args(ref: ObjectRef, ledger_id: str) -> tuple[str, str, int, str]:
    """A prepare message's arguments: the object version and its ledger entry."""
    return (ref.key, ref.etag, ref.size, ledger_id)


@dataclass(frozen=True)
class PrepareMessage:
    ref: ObjectRef
    ledger_id: str

    @classmethod
    def parse(cls, args: Iterable[Any]) -> PrepareMessage | None:
        """A prepare message's arguments read back; None if they are not one.

        Messages queued before the bucket name was dropped from them (it is the
        configured inbox, always) carry it first: they are still understood.
        """
        a = tuple(args)
        if len(a) == 5:
            a = a[1:]
        if len(a) != 4:
            return None
        key, etag, size, ledger_id = a
        return cls(ObjectRef(key=key, etag=etag, size=int(size)), ledger_id)


# -- brokers --------------------------------------------------------------------

def _redis_broker_class() -> Any:
    from dramatiq.brokers.redis import RedisBroker
    from dramatiq.errors import ConnectionClosed
    import redis

    class SohoaRedisBroker(RedisBroker):
        """dramatiq's Redis broker, whose every call to Redis reports a lost connection as dramatiq's own
        connection error.

        dramatiq's worker recovers from a broker connection error (it drops the delayed messages it holds,
        which ``RecoverDroppedMessages`` hands back, and starts a new consumer); but the stock broker lets
        redis-py's error through from ``enqueue`` and ``requeue``. When Redis goes down just as a delayed
        retry falls due, the worker's delay-queue consumer fails putting it back on its queue, takes the
        error for an unexpected one, fails again requeueing the rest and dies: every delayed message it
        held stays in its acks set, counted as delayed, for as long as the worker lives
        (``tests/integration/test_redis_restart.py``).
        """

        def _dispatch(self, command: str) -> Any:
            dispatch = super()._dispatch(command)  # type: ignore[no-untyped-call]

            def do_dispatch(queue_name: str, *args: Any) -> Any:
                try:
                    return dispatch(queue_name, *args)
                except (redis.ConnectionError, redis.TimeoutError) as exc:
                    raise ConnectionClosed(exc) from None  # type: ignore[no-untyped-call]
            return do_dispatch

    return SohoaRedisBroker


def make_broker(url: str) -> Broker:
    """A Redis or RabbitMQ broker, chosen by the URL's scheme; not made dramatiq's global broker."""
    if url.startswith(("amqp://", "amqps://")):
        from dramatiq.brokers.rabbitmq import RabbitmqBroker
        return RabbitmqBroker(url=url)
    if url.startswith(("redis://", "rediss://", "unix://")):
        # A worker that dies (OOM, SIGKILL) leaves its messages unacknowledged;
        # the other workers hand them out again once its heartbeat is older
        # than heartbeat_timeout, checked on about 1% of fetches. dramatiq's
        # defaults (60 s, 0.1%) can leave a page waiting for many minutes.
        broker: Broker = _redis_broker_class()(url=url, heartbeat_timeout=30_000, maintenance_chance=10_000)
        return broker
    raise ValueError(f"unsupported broker URL scheme in SOHOA_BROKER_URL (use redis:// or amqp://): {url.split('://')[0]}")


def enqueue_many(broker: Broker, messages: list[dramatiq.Message[Any]]) -> None:
    """Enqueue many messages at once: on Redis in one round trip of two commands per queue, elsewhere one by one.

    Recording a province's backlog queues thousands of ``prepare`` messages; one
    Redis round trip each caps that at a few hundred a second on a busy
    machine, and even pipelined, dramatiq's enqueue script run once per message
    costs more than the rest of the recording. A message on dramatiq's Redis
    broker is an entry of the hash ``<ns>:<queue>.msgs`` (id -> encoded
    message) and its id on the list ``<ns>:<queue>`` (dramatiq's
    ``dispatch.lua``, command ``enqueue``); the batch writes all the entries
    with one HSET and all the ids with one RPUSH, in a MULTI, so a worker never
    sees an id before its message. The middleware hooks run around it as
    ``RedisBroker.enqueue`` runs them. If the installed dramatiq no longer has
    the pieces this needs, messages go through ``broker.enqueue`` one by one.
    """
    from dramatiq.brokers.redis import RedisBroker
    if not messages:
        return
    if not (isinstance(broker, RedisBroker) and hasattr(broker, "namespace") and hasattr(broker, "client")):
        for m in messages:
            broker.enqueue(m)
        return
    by_queue: dict[str, dict[str, bytes]] = {}
    sent = []
    for message in messages:
        message = message.copy(options={"redis_message_id": str(uuid4())})
        broker.emit_before("enqueue", message, None)
        by_queue.setdefault(message.queue_name, {})[message.options["redis_message_id"]] = message.encode()
        sent.append(message)
    pipe = broker.client.pipeline(transaction=True)
    for queue_name, entries in by_queue.items():
        pipe.hset(f"{broker.namespace}:{queue_name}.msgs", mapping=entries)
        pipe.rpush(f"{broker.namespace}:{queue_name}", *entries)
    pipe.execute()
    for message in sent:
        broker.emit_after("enqueue", message, None)


# -- sending --------------------------------------------------------------------

class MessageSender:
    """Queues pipeline work on ``broker`` under a deployment's ``prefix``, as the worker's actors expect it."""

    def __init__(self, broker: Broker, prefix: str):
        self.broker = broker
        self.queues = queue_names(prefix)
        self.queue = dict(zip(STAGES, self.queues))
        for q in self.queues:
            broker.declare_queue(q)

    def message(self, actor: str, *args: Any) -> dramatiq.Message[Any]:
        return dramatiq.Message(queue_name=self.queue[ACTOR_STAGE[actor]], actor_name=actor, args=args, kwargs={},
                                options={})

    def prepare(self, ref: ObjectRef, ledger_id: str) -> None:
        self.broker.enqueue(self.message(PREPARE, *prepare_args(ref, ledger_id)))

    def prepare_many(self, items: list[tuple[ObjectRef, str]]) -> None:
        """Queue many objects at once (a reconciliation page, a batch of bucket events): one broker round trip."""
        enqueue_many(self.broker, [self.message(PREPARE, *prepare_args(ref, lid)) for ref, lid in items])

    def ocr(self, doc_hash: str, page: int) -> None:
        self.broker.enqueue(self.message(OCR, doc_hash, page))

    def pages(self, doc_hash: str, ranges: list[tuple[int, int]]) -> None:
        """Ranges of a large document's pages, ``[(first, last), ...]``: one broker round trip."""
        enqueue_many(self.broker, [self.message(OCR_PAGES, doc_hash, first, last) for first, last in ranges])

    def index(self, doc_hash: str) -> None:
        self.broker.enqueue(self.message(INDEX, doc_hash))
