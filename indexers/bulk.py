"""Bulk loads: many documents into a fresh index at once (a migration, a back-fill, the search benchmark).

The pipeline indexes a document's pages and records as they come
(``pages.bulk_index``, visible to search before the document is reported
done). A bulk load is different: nobody searches the new index yet, so

- the index refreshes never and syncs its translog in the background while
  loading (``index.translog.durability: async``): a crash loses at most the
  last seconds, and a load that stopped half way is run again anyway;
  per-request fsyncs otherwise halve the rate on an ordinary disk;
- several bulk requests are in flight at once, each retried with backoff on
  429 (the node's write queue is full) and 5xx, so the node is kept busy but
  never overrun: at most ``threads`` requests wait on it.

``load_settings`` puts the template's own settings back afterwards, and
refreshes, whatever happened.
"""

from __future__ import annotations

from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from typing import Iterable, Iterator

from elasticsearch import Elasticsearch

from sohoa.ids import chunks

from .pages import bulk_index

LOAD_SETTINGS = {"refresh_interval": "-1", "translog": {"durability": "async"}}


@contextmanager
def load_settings(es: Elasticsearch, index: str, settings: dict) -> Iterator[None]:
    """Bulk-load settings on ``index`` while the block runs; ``settings`` (the template's) after it."""
    es.indices.put_settings(index=index, settings={"index": LOAD_SETTINGS})
    try:
        yield
    finally:
        es.indices.put_settings(index=index, settings={"index": {
            "refresh_interval": settings.get("refresh_interval", "1s"),
            "translog": {"durability": settings.get("translog", {}).get("durability", "request")},
        }})
        es.indices.refresh(index=index)


def index_concurrently(es: Elasticsearch, index: str, docs: Iterable[tuple[str, dict]], *, threads: int = 2,
                       chunk_size: int = 1000) -> int:
    """Index (id, document) pairs with up to ``threads`` bulk requests in flight; return how many were indexed.

    Documents are drawn from ``docs`` only as requests finish, so a generator
    that derives them (possibly in other processes) is never run far ahead.
    The first rejected document raises, as in ``pages.bulk_index``.
    """
    count = 0
    with ThreadPoolExecutor(max_workers=threads, thread_name_prefix="bulk") as pool:
        pending: set[Future] = set()
        for chunk in chunks(docs, chunk_size):
            if len(pending) >= threads:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                count += sum(f.result() for f in done)
            pending.add(pool.submit(bulk_index, es, index, chunk, chunk_size))
        count += sum(f.result() for f in wait(pending).done)
    return count
