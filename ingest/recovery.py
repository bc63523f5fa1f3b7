"""Hand back the messages a worker forgets when its Redis connection drops.

dramatiq's Redis broker moves each message a worker takes into that worker's
"acks" set, and gives the set back to the queue only when the worker's
heartbeat stops. When the connection to Redis drops (Redis restarted), the
worker's consumer thread starts a new consumer and discards what the old one
held: delayed messages waiting for their retry time, and prefetched messages
not yet started. The worker is alive, so its heartbeat goes on and those
messages would stay in its acks set for ever: a page waiting for a retry
after an outage would never be retried.

This middleware notices a consumer being replaced and puts back every message
of that queue's acks set that the worker no longer holds (not being
processed, not waiting in the work queue, not waiting for its retry time).
A message put back twice is only processed twice, which every stage
tolerates; a message left behind would be lost.

Two safety nets beside it, for ways of dropping a message no reconnect
announces: every ``sweep_every`` seconds the acks sets are compared with what
the worker holds, and a message found unheld by two sweeps in a row is put
back (one sweep could catch a message between its fetch and its hand-over, or
between its processing and its acknowledgement); and a consumer thread that
died is started again (its delayed messages are then put back as above).
"""

from __future__ import annotations

import logging
import threading
import time

from dramatiq.middleware import Middleware

log = logging.getLogger(__name__)


class RecoverDroppedMessages(Middleware):
    def __init__(self, interval: float = 2.0, sweep_every: float = 30.0):
        self.interval = interval
        self.sweep_every = sweep_every
        self.in_progress: set[str] = set()
        self.lock = threading.Lock()
        self.stopped = threading.Event()

    # -- what the worker is processing right now --------------------------
    def before_process_message(self, broker, message):
        with self.lock:
            self.in_progress.add(_redis_id(message))

    def after_process_message(self, broker, message, *, result=None, exception=None):
        with self.lock:
            self.in_progress.discard(_redis_id(message))

    after_skip_message = after_process_message

    # -- the watcher --------------------------------------------------------
    def after_worker_boot(self, broker, worker):
        if not hasattr(broker, "broker_id") or not hasattr(broker, "client"):
            return  # RabbitMQ gives unacknowledged messages back when a connection closes
        threading.Thread(target=self._watch, args=(broker, worker), name="sohoa-recover", daemon=True).start()

    def before_worker_shutdown(self, broker, worker):
        self.stopped.set()

    def _watch(self, broker, worker) -> None:
        seen: dict[str, object] = {}
        unheld: dict[str, set[str]] = {}  # queue -> ids the last sweep found in its acks set, not held
        last_sweep = time.monotonic()
        while not self.stopped.wait(self.interval):
            for queue_name, thread in list(worker.consumers.items()):
                if not thread.is_alive() and getattr(thread, "running", False) and not self.stopped.is_set():
                    self.restart_consumer(worker, queue_name)
                    continue
                consumer = getattr(thread, "consumer", None)
                if consumer is None:
                    continue
                previous, seen[queue_name] = seen.get(queue_name), consumer
                if previous is not None and previous is not consumer:
                    try:
                        self.requeue_orphans(broker, worker, queue_name, thread)
                    except Exception:  # keep watching; the next reconnect or sweep tries again
                        log.exception("could not recover messages of %s", queue_name)
            if time.monotonic() - last_sweep >= self.sweep_every:
                last_sweep = time.monotonic()
                for queue_name in list(worker.consumers):
                    try:
                        unheld[queue_name] = self.sweep(broker, worker, queue_name, unheld.get(queue_name, set()))
                    except Exception as exc:  # Redis down: the next sweep tries again
                        log.warning("could not check the messages held on %s (%s)", queue_name, type(exc).__name__)

    def restart_consumer(self, worker, queue_name: str) -> None:
        """Start a consumer thread that died again (dramatiq starts one per queue, once)."""
        if not hasattr(worker, "_add_consumer"):
            log.error("the consumer of %s stopped and cannot be restarted; restart the worker", queue_name)
            return
        log.error("the consumer of %s stopped unexpectedly; starting it again", queue_name)
        worker.consumers.pop(queue_name, None)
        worker._add_consumer(queue_name, delay=queue_name.endswith(".DQ"))

    def sweep(self, broker, worker, queue_name: str, unheld_before: set[str]) -> set[str]:
        """Put back what two sweeps in a row found in this worker's acks set of a queue and not held;
        return what this sweep found unheld for the first time."""
        acks = f"{broker.namespace}:__acks__.{broker.broker_id}.{queue_name}"
        members = {i.decode() if isinstance(i, bytes) else i for i in broker.client.smembers(acks)}
        with self.lock:
            held = self.held_anywhere(worker)
        put_back, unheld = orphans_to_put_back(members, held, unheld_before)
        if put_back:
            broker.do_requeue(queue_name, *sorted(put_back))
            log.warning("put %d messages of %s back: held by no one in this worker", len(put_back), queue_name)
        return unheld

    def held_anywhere(self, worker) -> set[str]:
        ids: set[str] = set()
        for thread in list(worker.consumers.values()):
            if getattr(thread, "consumer", None) is not None:
                ids |= self.held(worker, thread)
        return ids or set(self.in_progress)

    def held(self, worker, thread) -> set[str]:
        """Redis IDs of the messages this worker still has in hand."""
        from dramatiq.message import Message
        ids = set(self.in_progress)
        items = list(worker.work_queue.queue)  # started soon: shared by every consumer thread
        for t in list(worker.consumers.values()):
            items += list(t.delay_queue.queue)  # waiting for their retry time
        ids.update(_redis_id(item.message) for item in items)
        for data in list(getattr(thread.consumer, "message_cache", None) or []):
            try:
                ids.add(Message.decode(data).options.get("redis_message_id"))
            except Exception:  # noqa: BLE001 - an undecodable entry is not ours to judge
                continue
        return ids

    def requeue_orphans(self, broker, worker, queue_name: str, thread) -> int:
        acks = f"{broker.namespace}:__acks__.{broker.broker_id}.{queue_name}"
        with self.lock:
            held = self.held(worker, thread)
        orphans = [i.decode() if isinstance(i, bytes) else i for i in broker.client.smembers(acks)]
        orphans = [i for i in orphans if i not in held]
        if orphans:
            broker.do_requeue(queue_name, *orphans)
            log.warning("connection to Redis was lost: put %d dropped messages back on %s", len(orphans), queue_name)
        return len(orphans)


def orphans_to_put_back(members: set[str], held: set[str], unheld_before: set[str]) -> tuple[set[str], set[str]]:
    """(ids to put back: unheld now and at the last sweep, ids unheld for the first time)."""
    unheld = members - held
    return unheld & unheld_before, unheld - unheld_before


def _redis_id(message) -> str | None:
    return message.options.get("redis_message_id")
