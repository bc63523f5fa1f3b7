"""The worker's broker: the kernel's (sohoa/messages.py: Redis or RabbitMQ, chosen by the URL) with the
middleware that records failures, retries and dropped messages.

``make_broker``, ``queue_names`` and ``enqueue_many`` live in the kernel; their names stay here for older imports.
"""

from __future__ import annotations

import logging

import dramatiq
from dramatiq.broker import Broker
from dramatiq.middleware import Middleware

from sohoa.messages import enqueue_many, make_broker, queue_names

from .recovery import RecoverDroppedMessages

__all__ = ["RecordFinalFailures", "enqueue_many", "make_broker", "queue_names", "setup_broker"]

log = logging.getLogger(__name__)


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
