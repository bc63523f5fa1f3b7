"""Queue depths and dead-lettered messages, read from the broker itself.

dramatiq keeps, per queue ``Q``: the queue, a delay queue ``Q.DQ`` (retries
waiting for their time) and a dead-letter queue ``Q.XQ`` (messages the queue
gave up on). On Redis these are keys under the broker's namespace; on RabbitMQ
they are real queues, counted with a passive-style declare (no management
plugin needed).

``requeue_dead`` moves dead-lettered messages back to their queue with their
retry count reset, on either broker, and reopens the page or document they
were about so status shows it as waiting again rather than failed.
"""

from __future__ import annotations

import logging

from dramatiq import Message
from dramatiq.common import dq_name, xq_name

from sohoa.clock import now_iso
from sohoa.jobs import DocState, PageState
from sohoa.messages import PREPARE, PrepareMessage

from .state import StateStore, doc_job_id, page_job_id, transition

log = logging.getLogger(__name__)


def is_rabbitmq(broker) -> bool:
    return hasattr(broker, "get_queue_message_counts")


def queue_depths(broker, queues: tuple[str, ...], workers: list[dict] | None = None) -> dict[str, dict]:
    """Per queue: waiting, delayed (retries not due yet), in progress, dead-lettered.

    ``workers`` (alive heartbeats) supply what RabbitMQ cannot count itself:
    messages taken by a worker and delayed retries a worker holds in memory.
    """
    out = {}
    for q in queues:
        if is_rabbitmq(broker):
            ready, delayed, dead = broker.get_queue_message_counts(q)
            busy = held = None
            if workers is not None:
                counts = [(w.get("queue_counts") or {}).get(q) or {} for w in workers]
                busy = sum(int(c.get("busy") or 0) for c in counts)
                held = sum(int(c.get("held") or 0) for c in counts)
            out[q] = {"waiting": ready, "delayed": delayed + (held or 0), "in_progress": busy, "dead": dead}
            continue
        r, ns = broker.client, broker.namespace
        pipe = r.pipeline(transaction=False)
        pipe.llen(f"{ns}:{q}")
        pipe.hlen(f"{ns}:{q}.msgs")
        pipe.hlen(f"{ns}:{dq_name(q)}.msgs")
        pipe.hlen(f"{ns}:{xq_name(q)}.msgs")
        waiting, unacked, delayed, dead = pipe.execute()
        # .msgs holds every message of the queue not yet acknowledged: waiting and taken by a worker.
        out[q] = {"waiting": waiting, "delayed": delayed, "in_progress": max(0, unacked - waiting), "dead": dead}
    return out


def _fresh(message: Message, queue: str) -> Message:
    """The same call as a new message: back on its own queue, retry count and eta dropped."""
    return Message(queue_name=queue, actor_name=message.actor_name, args=tuple(message.args),
                   kwargs=dict(message.kwargs or {}), options={})


def requeue_dead(broker, queues: tuple[str, ...], state: StateStore | None = None,
                 limit: int | None = None) -> dict[str, int]:
    """Move dead-lettered messages back to their queues; returns how many per queue."""
    moved = {}
    for q in queues:
        n = 0
        if is_rabbitmq(broker):
            channel = broker.channel
            while limit is None or n < limit:
                method, _props, body = channel.basic_get(queue=xq_name(q), auto_ack=False)
                if method is None:
                    break
                message = Message.decode(body)
                # The state first: a worker may take the message the moment it
                # is queued, and must not find its work marked waiting after it
                # is done (that would leave it waiting for ever).
                _reopen(state, message)
                broker.enqueue(_fresh(message, q))
                channel.basic_ack(method.delivery_tag)
                n += 1
        else:
            r, ns = broker.client, broker.namespace
            xq, xq_msgs = f"{ns}:{xq_name(q)}", f"{ns}:{xq_name(q)}.msgs"
            for redis_id, data in list(r.hgetall(xq_msgs).items()):
                if limit is not None and n >= limit:
                    break
                message = Message.decode(data)
                _reopen(state, message)  # before the message can run, as above
                broker.enqueue(_fresh(message, q))
                pipe = r.pipeline()
                pipe.zrem(xq, redis_id)
                pipe.hdel(xq_msgs, redis_id)
                pipe.execute()
                n += 1
        moved[q] = n
        if n:
            log.info("requeued %d dead-lettered messages on %s", n, q)
    return moved


def purge_dead_for(broker, queues: tuple[str, ...], doc_hashes: set[str], ledger_ids: set[str]) -> int:
    """Drop dead-lettered messages about objects being retried another way (Redis; RabbitMQ keeps them to expire)."""
    if is_rabbitmq(broker) or not (doc_hashes or ledger_ids):
        return 0
    r, ns, dropped = broker.client, broker.namespace, 0
    for q in queues:
        xq, xq_msgs = f"{ns}:{xq_name(q)}", f"{ns}:{xq_name(q)}.msgs"
        for redis_id, data in list(r.hgetall(xq_msgs).items()):
            m = Message.decode(data)
            args = tuple(m.args)
            prepare = PrepareMessage.parse(args) if m.actor_name == PREPARE else None
            about = (prepare is not None and prepare.ledger_id in ledger_ids) or \
                (m.actor_name in ("ocr_page", "ocr_pages", "index_document") and args and args[0] in doc_hashes)
            if about:
                pipe = r.pipeline()
                pipe.zrem(xq, redis_id)
                pipe.hdel(xq_msgs, redis_id)
                pipe.execute()
                dropped += 1
    return dropped


def _reopen(state: StateStore | None, message: Message) -> None:
    """Mark what a requeued message is about as waiting again."""
    if state is None:
        return
    args = tuple(message.args)
    try:
        prepare = PrepareMessage.parse(args) if message.actor_name == PREPARE else None
        if prepare is not None:
            state.set_ledger(prepare.ledger_id, status="enqueued", enqueued_at=now_iso(), reason=None, message=None)
        elif message.actor_name in ("ocr_page", "ocr_pages") and len(args) in (2, 3):
            doc_hash, pages = args[0], set(range(args[1], args[-1] + 1))

            def reopen_doc(src):
                if src is None:
                    return None
                failed = [p for p in src.get("pages_failed") or [] if p not in pages]
                src["pages_failed"], src["pages_count_failed"] = failed, len(failed)
                reopened = (DocState.FAILED, DocState.INDEXED, DocState.NEEDS_REVIEW)
                return transition(src, DocState.OCR) if src.get("state") in reopened else src
            state.update(state.jobs, doc_job_id(doc_hash), reopen_doc)
            for page in sorted(pages):
                state.update(state.jobs, page_job_id(doc_hash, page),
                             lambda src: None if src is None or src.get("state") == PageState.DONE
                             else transition(src, PageState.QUEUED))
        elif message.actor_name == "index_document" and args:
            state.update(state.jobs, doc_job_id(args[0]),
                         lambda src: transition(src, DocState.OCR) if src and src.get("state") == DocState.FAILED
                         else None)
    except Exception as exc:  # the message is back on its queue; the state catches up when it runs
        log.warning("requeued %s but could not mark it waiting: %s", message.actor_name, type(exc).__name__)
