"""A name typed with one slip, read back as the names of the archive it could have meant.

A word of a name query that no person of the archive bears (``le thi na``, ``tran duc can toan``) is
most likely one slip off a word that some do: a key dropped, added, changed, or two swapped. Each word
of the archive's name vocabulary one slip away gives a **reading** of the query (the query with that
word in its place: ``le thi nga``, ``le thi ha``). Readings are searched like the query itself, in the same tiers
(the whole name, then a variant, then every word), so word order and repeated words count (``tran duc
van toan`` is Trần Đức Văn Toàn before Trần Văn Đức Toàn) and a closer shape of any reading comes before
a looser one; within a tier, readings are taken in order of how much of what was meant they put on the
first page.

Which reading was meant (P(meant | typed) ∝ P(typed | meant) · P(meant)):

- ``P(typed | meant)``, the slip (``channel``): a key dropped or two swapped is as likely as any; a key
  changed or added mostly hits a key next to the one meant, on the physical keyboard (``qwerty`` rows,
  staggered, diagonals included), or doubles a key; a far key is ``FAR`` as likely;
- ``P(meant)``: how many people of the archive (of the roles searched, born in the range asked for)
  bear every word of the reading, counted by the search (``count_body``).

A reading of ``n`` people, meant with probability ``p``, gives each of its first ``min(n, 10)`` places
``p / min(n, 10)`` of an expected first page; so readings are ordered by ``P(typed | meant) · max(n,
10)`` (``ranked``): between two readings equally likely typed, the commoner first once it fills the
page, and a reading with only a few records before one of many that would push them off it only when
the slip is equally likely.

Pure functions: the counts are asked for by ``indexers/records_search.py``.
"""

from __future__ import annotations

from functools import lru_cache

from . import name_vocabulary

FAR = 0.1           # a key changed or added that is not next to the key meant (nor a doubled key)
MAX_READINGS = 3    # readings searched, the likeliest (each a handful of term queries, each a step within a tier)
MAX_COUNTED = 40    # readings counted per query, the likeliest by slip and word counts
PAGE = 10           # places on a first page

# The letter keys as they sit: each row a little to the right of the one above.
_ROWS = (("qwertyuiop", 0.0), ("asdfghjkl", 0.25), ("zxcvbnm", 0.75))
_POS = {c: (r, i + off) for r, (row, off) in enumerate(_ROWS) for i, c in enumerate(row)}


@lru_cache(maxsize=1024)
def adjacent(a: str, b: str) -> bool:
    """Whether two letter keys touch on a QWERTY keyboard (same row side by side, or diagonally)."""
    if a == b or a not in _POS or b not in _POS:
        return False
    (ra, xa), (rb, xb) = _POS[a], _POS[b]
    return (ra == rb and abs(xa - xb) == 1) or (abs(ra - rb) == 1 and abs(xa - xb) < 1)


def channel(typed: str, meant: str) -> float:
    """P(typed | meant), up to a constant, for words one slip apart (``name_vocabulary.slips``); 0 otherwise."""
    n, m = len(typed), len(meant)
    if n == m:
        diff = [i for i in range(n) if typed[i] != meant[i]]
        if len(diff) == 1:  # a key changed
            i = diff[0]
            return 1.0 if adjacent(typed[i], meant[i]) else FAR
        if len(diff) == 2 and diff[1] == diff[0] + 1 and typed[diff[0]] == meant[diff[1]] \
                and typed[diff[1]] == meant[diff[0]]:
            return 1.0  # two swapped
        return 0.0
    if n == m - 1:  # a key dropped
        return 1.0 if any(typed == meant[:i] + meant[i + 1:] for i in range(m)) else 0.0
    if n == m + 1:  # a key added: next to a key of its neighbours, or one of them doubled
        best = 0.0
        for i in range(n):
            if typed[:i] + typed[i + 1:] == meant:
                near = [typed[j] for j in (i - 1, i + 1) if 0 <= j < n]
                best = max(best, 1.0 if any(c == typed[i] or adjacent(c, typed[i]) for c in near) else FAR)
        return best
    return 0.0


def candidates(words: list[str], vocabulary: dict[str, dict[str, int]] | None,
               keystroke_words: frozenset[str] = frozenset()) -> list[tuple[tuple[str, ...], float]]:
    """Readings of a folded query, each with P(typed | meant): one word replaced by an archive word one slip
    away. Only when exactly one word is unknown to the archive (one slip explains one word; a word known is
    taken as typed) and that word does not read as Telex/VNI keystrokes of a known word
    (``keystroke_words``: the keystroke readings, folded, of the query's words). The likeliest
    ``MAX_COUNTED`` by slip and word count."""
    known = (vocabulary or {}).get("words")
    if not known or not words:
        return []
    unknown = [i for i, w in enumerate(words) if w not in known]
    if len(unknown) != 1:
        return []
    i = unknown[0]
    typed = words[i]
    if typed in keystroke_words or len(typed) < 2 or not typed.isascii() or not typed.isalpha():
        return []
    out = []
    for meant in name_vocabulary.slips(typed):
        if meant in known:
            p = channel(typed, meant)
            if p > 0:
                out.append((tuple(words[:i] + [meant] + words[i + 1:]), p, known[meant]))
    out.sort(key=lambda c: (-c[1] * (1 + c[2]), c[0]))
    return [(reading, p) for reading, p, _ in out[:MAX_COUNTED]]


def ranked(readings: list[tuple[tuple[str, ...], float]], counts: list[int]) -> list[str]:
    """The readings worth searching, best first: ``P(typed | meant) · max(people, PAGE)``, people > 0."""
    scored = [(p * max(n, PAGE), n, reading) for (reading, p), n in zip(readings, counts) if n > 0]
    scored.sort(key=lambda s: (-s[0], -s[1], s[2]))
    return [" ".join(reading) for _, _, reading in scored[:MAX_READINGS]]
