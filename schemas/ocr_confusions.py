"""Letters OCR takes for one another, and a distance that weighs them.

A word read one letter off a vocabulary word is that word only when no other vocabulary word is as near. Letters
are not all as near as each other to an OCR engine: on a worn or small print it reads a stem with a dot for
another stem (``i``, ``l``, ``1``), a round letter for a round letter (``o``, ``0``, ``c``; ``e``, ``c``), a closed
bowl for a digit (``b``/``8``, ``s``/``5``, ``g``/``q``/``9``), ``Đ`` for ``B``, and two narrow letters for one
wide one (``rn`` for ``m``). Such a slip costs half a letter, any other a whole one, so "the one vocabulary word nearest" can be
told even where plain edit distance sees two words one letter off.

Pure functions over folded text (``sohoa.text.fold``: lower case, no marks, ``đ`` → ``d``).
"""

from __future__ import annotations

from functools import lru_cache

# pairs of single characters (folded) OCR reads for one another
# (not the vowels' bodies one for another: "ô" and "ê" look alike by their hat, but folded the hat is gone, and
# "phổi" would be "phái")
_LOOKALIKE_PAIRS = ("il", "i1", "l1", "ij", "o0", "oc", "ec", "b8", "bh", "bd", "s5", "gq", "g9", "q9", "uv", "vy",
                    "nu", "tf", "z2")
LOOKALIKES = frozenset(p for pair in _LOOKALIKE_PAIRS for p in ((pair[0], pair[1]), (pair[1], pair[0])))
# two narrow letters read for one wide one, and back
_SPLIT_LETTERS = {"rn": "m", "cl": "d", "ri": "n", "vv": "w"}
SLIP_COST = 0.5  # a look-alike slip: half a letter


def slip_cost(a: str, b: str) -> float:
    """The cost of reading the character ``b`` where ``a`` was printed."""
    if a == b:
        return 0.0
    return SLIP_COST if (a, b) in LOOKALIKES else 1.0


@lru_cache(maxsize=65536)
def weighted_distance(read: str, printed: str) -> float:
    """Edit distance from ``printed`` to ``read`` (both folded) where a look-alike letter, or two narrow letters
    for a wide one, costs ``SLIP_COST`` and any other edit 1."""
    n, m = len(read), len(printed)
    d = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        d[i][0] = float(i)
    for j in range(1, m + 1):
        d[0][j] = float(j)
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            best = min(d[i - 1][j] + 1.0, d[i][j - 1] + 1.0, d[i - 1][j - 1] + slip_cost(printed[j - 1], read[i - 1]))
            if i >= 2 and _SPLIT_LETTERS.get(read[i - 2:i]) == printed[j - 1]:
                best = min(best, d[i - 2][j - 1] + SLIP_COST)  # "rn" read for "m"
            if j >= 2 and _SPLIT_LETTERS.get(printed[j - 2:j]) == read[i - 1]:
                best = min(best, d[i - 1][j - 2] + SLIP_COST)  # "m" read for "rn"
            d[i][j] = best
    return d[n][m]


def nearest_by_look(read: str, words: frozenset[str] | set[str] | list[str], within: float) -> str | None:
    """The one word of ``words`` nearest to ``read`` by ``weighted_distance``, when it is within ``within`` and
    strictly nearer than every other word; None when none is, or two are as near."""
    scored = sorted((weighted_distance(read, w), w) for w in words if abs(len(w) - len(read)) <= 1)
    if not scored or scored[0][0] > within or len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None
    return scored[0][1]
