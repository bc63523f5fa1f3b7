"""The states of a document and of a page job, and which moves between them the pipeline makes.

A document normally goes received -> rasterizing -> (ocr) -> extracting ->
indexing -> indexed or needs_review; a page queued -> ocr -> done. Besides
the forward moves, some are allowed from anywhere: failing, being superseded
by a newer version of the key, and starting again (a retry or a redelivered
message reopens a job as received or queued); a few more are listed below
with their reason. ``check_transition`` says whether a move is one of these.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar


class DocState(StrEnum):
    RECEIVED = "received"
    QUEUED = "queued"
    RASTERIZING = "rasterizing"
    OCR = "ocr"
    EXTRACTING = "extracting"
    INDEXING = "indexing"
    INDEXED = "indexed"
    NEEDS_REVIEW = "needs_review"
    DUPLICATE = "duplicate"
    SUPERSEDED = "superseded"
    FAILED = "failed"


class PageState(StrEnum):
    QUEUED = "queued"
    OCR = "ocr"
    DONE = "done"
    FAILED = "failed"


# A document in one of these has nothing more coming unless someone retries it.
FINISHED: frozenset[DocState] = frozenset({DocState.INDEXED, DocState.NEEDS_REVIEW, DocState.DUPLICATE,
                                           DocState.SUPERSEDED, DocState.FAILED})

# Moves allowed from any state (and into the first state of a new record).
_DOC_ANYWHERE = frozenset({DocState.RECEIVED, DocState.QUEUED, DocState.FAILED, DocState.SUPERSEDED})
# The working states in their order: a job may skip ahead (a small document is read whole by the worker that
# rasterizes it, straight to extracting), never go back.
_DOC_ORDER = (DocState.RECEIVED, DocState.QUEUED, DocState.RASTERIZING, DocState.OCR, DocState.EXTRACTING,
              DocState.INDEXING)
_DOC_MORE: dict[DocState, frozenset[DocState]] = {
    DocState.RECEIVED: frozenset(),
    DocState.QUEUED: frozenset(),
    DocState.RASTERIZING: frozenset(),
    DocState.OCR: frozenset(),
    # A redelivered index message extracts again.
    DocState.EXTRACTING: frozenset(),
    DocState.INDEXING: frozenset({DocState.EXTRACTING, DocState.INDEXED, DocState.NEEDS_REVIEW}),
    # A page requeued from the dead letters reopens its finished document.
    DocState.INDEXED: frozenset({DocState.OCR}),
    DocState.NEEDS_REVIEW: frozenset({DocState.OCR}),
    DocState.FAILED: frozenset({DocState.OCR}),
    DocState.DUPLICATE: frozenset(),
    DocState.SUPERSEDED: frozenset(),
}


def _forward(state: DocState) -> frozenset[DocState]:
    return frozenset(_DOC_ORDER[_DOC_ORDER.index(state) + 1:]) if state in _DOC_ORDER else frozenset()


DOC_TRANSITIONS: dict[DocState | None, frozenset[DocState]] = {
    None: _DOC_ANYWHERE | {DocState.DUPLICATE},
    **{state: _DOC_ANYWHERE | _forward(state) | more for state, more in _DOC_MORE.items()},
}
# A page's OCR may run again (a redelivered message, a retry after a failure) whatever it reached before.
PAGE_TRANSITIONS: dict[PageState | None, frozenset[PageState]] = {
    None: frozenset(PageState), **{state: frozenset(PageState) for state in PageState}}

S = TypeVar("S", DocState, PageState)


class IllegalTransition(ValueError):
    """A job asked to enter a state that does not exist, or one it cannot reach from where it is."""


def check_transition(kind: str, old: str | None, new: str) -> str:
    """``new`` as a state of a ``kind`` job ("document" or "page") coming from ``old``; ``IllegalTransition`` if
    ``new`` is no such state or cannot follow ``old``. Staying in a state is always allowed (a redelivered message
    repeats its last move)."""
    if kind == "page":
        return _check(PageState, PAGE_TRANSITIONS, kind, old, new)
    return _check(DocState, DOC_TRANSITIONS, kind, old, new)


def is_state(kind: str, state: str) -> bool:
    """Whether ``state`` names a state of a ``kind`` job at all."""
    return state in {s.value for s in (PageState if kind == "page" else DocState)}


def _check(states: type[S], table: dict[S | None, frozenset[S]], kind: str, old: str | None, new: str) -> S:
    try:
        target = states(new)
    except ValueError:
        raise IllegalTransition(f"{kind} state {new!r} does not exist") from None
    try:
        source = None if old is None else states(old)
    except ValueError:
        source = None  # written by an older version under a name since retired: any first state may follow
    if target == source or target in table[source]:
        return target
    raise IllegalTransition(f"a {kind} cannot move from {old} to {new}")
