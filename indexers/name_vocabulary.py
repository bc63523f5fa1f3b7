"""How common each word of a name is among all people of the archive, and the words one slip away.

When a typed word is one slip from two names (``mi``: Mai, Mơ), the likelier
meant is the commoner name. Queries are drawn from
the archive's own people, so "commoner" is measured there: the number of
people whose name holds the word (a nested terms aggregation over
``search.people.words``), read at most every ``REFRESH_SECONDS`` per process.

``slips`` lists the words one edit (Damerau–Levenshtein) from a folded word;
the search keeps those the archive has, each with its own weight.
"""

from __future__ import annotations

import logging
import math
import string
import threading
import time
from functools import lru_cache

log = logging.getLogger(__name__)

REFRESH_SECONDS = 600.0
MAX_WORDS = 65536
_LETTERS = string.ascii_lowercase
_cache: dict[tuple[int, str], tuple[float, dict[str, int] | None]] = {}
_lock = threading.Lock()


@lru_cache(maxsize=16384)
def slips(word: str) -> dict[str, bool]:
    """Every word one slip from ``word`` -> whether the slip keeps the length (a key changed, two swapped).

    Cached (callers only read it): the words typed repeat, and each query lists the slips of each word."""
    out: dict[str, bool] = {}
    n = len(word)
    for i in range(n):
        out.setdefault(word[:i] + word[i + 1:], False)                       # a key dropped
        for c in _LETTERS:
            out.setdefault(word[:i] + c + word[i:], False)                   # a key added
            if c != word[i]:
                out[word[:i] + c + word[i + 1:]] = True                      # a key changed
        if i + 1 < n and word[i] != word[i + 1]:
            out[word[:i] + word[i + 1] + word[i] + word[i + 2:]] = True      # two swapped
    for c in _LETTERS:
        out.setdefault(word + c, False)
    out.pop(word, None)
    out.pop("", None)
    return out


def likelihood(count: int) -> float:
    """Log-odds that a slip meant this word: how common it is. The kind of slip does not count: a key changed
    is a common slip, but it has some twenty-five letters to choose from, a key dropped only one."""
    return math.log1p(count)


def fetch(es, index: str) -> dict[str, dict[str, int]]:
    """``{"words": word -> number of people whose name holds it, "given": word -> number of people whose given
    name it is}``, for the whole index. A word counts apart as a given name: folded, Văn (the commonest
    middle name of men) and Vân (a woman's given name) are one word."""
    resp = es.search(index=index, size=0, aggs={"people": {"nested": {"path": "search.people"}, "aggs": {
        "words": {"terms": {"field": "search.people.words", "size": MAX_WORDS}},
        "given": {"terms": {"field": "search.people.given", "size": MAX_WORDS}}}}})
    aggs = resp["aggregations"]["people"]
    return {k: {b["key"]: b["doc_count"] for b in aggs[k]["buckets"]} for k in ("words", "given")}


def vocabulary(es, index: str) -> dict[str, dict[str, int]] | None:
    """The cached word counts of ``index`` (None when they cannot be read: the search then ranks slips
    without them)."""
    key = (id(es), index)
    now = time.monotonic()
    with _lock:
        hit = _cache.get(key)
        if hit and now - hit[0] < REFRESH_SECONDS:
            return hit[1]
        # One reader refreshes; the others go on with what there is meanwhile.
        _cache[key] = (now, hit[1] if hit else None)
    try:
        words = fetch(es, index)
    except Exception as exc:  # noqa: BLE001 - ranking degrades gracefully, the search itself must not fail
        log.warning("name vocabulary unavailable: %s", type(exc).__name__)
        words = hit[1] if hit else None
    with _lock:
        _cache[key] = (now, words)
    return words
