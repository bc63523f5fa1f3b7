"""Identifiers derived from content, so reprocessing overwrites and never duplicates."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


def page_id(doc_hash: str, page: int) -> str:
    """Same bytes, same page -> same ID: reprocessing overwrites, never duplicates."""
    return f"{doc_hash}:{page:05d}"


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last may be shorter), drawn only as each list is asked for."""
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk
