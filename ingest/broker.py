"""The message broker: Redis or RabbitMQ, chosen by the URL.

Messages carry only references (bucket key and ETag, document hash and page
number), never page images or text, so any broker copes with a 300-page
register and nothing personal sits in the queue.
"""

from __future__ import annotations

import logging

import dramatiq
from dramatiq.broker import Broker
from dramatiq.middleware import Middleware

from .recovery import RecoverDroppedMessages

log = logging.getLogger(__name__)


STAGES = ("prepare", "ocr", "index")


def queue_names(prefix: str) -> tuple[str, ...]:
    """The queues of one deployment: they carry its prefix (SOHOA_INDEX_PREFIX), so
    two deployments or a test run can share a broker without taking each
    other's messages."""
    return tuple(f"{prefix}-{stage}" for stage in STAGES)


def _redis_broker_class():
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

        def _dispatch(self, command):
            dispatch = super()._dispatch(command)

            def do_dispatch(queue_name, *args):
                try:
                    return dispatch(queue_name, *args)
                except (redis.ConnectionError, redis.TimeoutError) as exc:
                    raise ConnectionClosed(exc) from None
            return do_dispatch

    return SohoaRedisBroker


def make_broker(url: str) -> Broker:
    if url.startswith(("amqp://", "amqps://")):
        from dramatiq.brokers.rabbitmq import RabbitmqBroker
        return RabbitmqBroker(url=url)
    if url.startswith(("redis://", "rediss://", "unix://")):
        # A worker that dies (OOM, SIGKILL) leaves its messages unacknowledged;
        # the other workers hand them out again once its heartbeat is older
        # than heartbeat_timeout, checked on about 1% of fetches. dramatiq's
        # defaults (60 s, 0.1%) can leave a page waiting for many minutes.
        return _redis_broker_class()(url=url, heartbeat_timeout=30_000, maintenance_chance=10_000)
    raise ValueError(f"unsupported broker URL scheme in SOHOA_BROKER_URL (use redis:// or amqp://): {url.split('://')[0]}")


class RecordFinalFailures(Middleware):
    """Records a stage as failed, with its reason, once the queue gives up on it.

    Placed first in the middleware list: dramatiq runs ``after_*`` hooks in
    reverse order, so this sees the message after the Retries middleware has
    decided whether it will be retried.
    """

    def __init__(self, on_failure, on_retry=None):
        self.on_failure = on_failure
        self.on_retry = on_retry
        self.retry_eta: dict[str, int] = {}

    def after_enqueue(self, broker, message, delay):
        # The Retries middleware re-enqueues a failed message with a delay
        # before this middleware's after_process_message runs: note when.
        if delay and message.options.get("retries"):
            self.retry_eta[message.message_id] = int(message.options.get("eta") or 0)

    def after_process_message(self, broker, message, *, result=None, exception=None):
        eta = self.retry_eta.pop(message.message_id, None)
        if exception is not None and not message.failed and self.on_retry is not None:
            try:
                self.on_retry(message.actor_name, tuple(message.args), exception,
                              int(message.options.get("retries") or 0), eta)
            except Exception:  # the retry happens either way; only its visible reason is missing
                log.exception("could not record the retry of %s %s", message.actor_name, message.message_id)
            return
        if exception is None or not message.failed:
            return
        try:
            self.on_failure(message.actor_name, tuple(message.args), exception)
        except Exception:  # the message is dead-lettered either way; say why we could not record it
            log.exception("could not record the failure of %s %s", message.actor_name, message.message_id)


def setup_broker(url: str, on_failure, on_retry=None, extra_middleware=()) -> Broker:
    broker = make_broker(url)
    broker.middleware.insert(0, RecordFinalFailures(on_failure, on_retry))
    broker.add_middleware(RecoverDroppedMessages())
    for middleware in extra_middleware:
        broker.add_middleware(middleware)
    dramatiq.set_broker(broker)
    return broker


def enqueue_many(broker: Broker, messages: list[dramatiq.Message]) -> None:
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
    from uuid import uuid4
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
