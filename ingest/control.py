"""What the commands and the API need to watch and steer the pipeline, without the worker's code.

``sohoa watch``, ``events``, ``retry``, ``failures``, ``requeue-dead`` and the
operator console read the job state and queue work; none of them runs a
stage. A ``Control`` gives them the state store, the buckets and a message
sender made from the configuration they were given, so they never import
``ingest.actors`` (which loads OpenCV, Tesseract and extraction, and declares
the worker's broker on import from the process environment).
"""

from __future__ import annotations

from dataclasses import dataclass

from elasticsearch import Elasticsearch

from indexers.client import ensure_indices
from sohoa.config import Config
from sohoa.elastic import make_client
from sohoa.messages import MessageSender, make_broker
from sohoa.storage import Bucket, ObjectRef

from .state import StateStore


@dataclass
class Control:
    config: Config
    es: Elasticsearch
    bucket: Bucket
    state: StateStore
    sender: MessageSender

    @classmethod
    def from_config(cls, config: Config, *, ensure: bool = True) -> Control:
        """Clients for ``config``'s services; with ``ensure`` the indices are created if missing (as a worker would)."""
        es = make_client(config)
        if ensure:
            ensure_indices(es, config)
        return cls(config=config, es=es, bucket=Bucket(config), state=StateStore(es, config),
                   sender=MessageSender(make_broker(config.broker_url), config.index_prefix))

    @property
    def broker(self):  # the dramatiq broker, for queue depths and dead letters
        return self.sender.broker

    @property
    def queues(self) -> tuple[str, ...]:
        return self.sender.queues

    # The senders a stage's Context has, so stalled-work and retry code takes either.
    def send_prepare(self, ref: ObjectRef, ledger_id: str) -> None:
        self.sender.prepare(ref, ledger_id)

    def send_ocr(self, doc_hash: str, page: int) -> None:
        self.sender.ocr(doc_hash, page)

    def send_index(self, doc_hash: str) -> None:
        self.sender.index(doc_hash)
