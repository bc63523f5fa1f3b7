"""A kin word's own qualifier of blood, after it.

Vietnamese says that a parent or a child is one by blood with a word after the kin word (``BLOOD``: of one's own
blood; who gave birth, born of). The word qualifies the person and asks nothing; but two of those words are also
the words of a birth, and read as one they turn a label asking a parent's residence into a question about a
birth. Right after the kin word, the birth word is the verb only when what is asked follows it (a date's word:
the year that parent was born).
"""

from __future__ import annotations

from collections.abc import Callable

# the qualifiers of blood, as written and folded (a label typed without marks folds alike)
BLOOD = {"ruột": "ruot", "đẻ": "de", "sinh": "sinh"}
# the persons a blood qualifier can follow: the parents, the child, a relative
KIN_ROLES = frozenset({"mother", "father", "child", "relative"})


def _is_blood(written: str, folded: str) -> bool:
    return written in BLOOD or written == folded and folded in BLOOD.values()


def blood_after_kin(as_written: list[str], fixed: list[str], i: int, role_before: str | None,
                    asks_at: Callable[[int], bool]) -> bool:
    """Syllable ``i``, right after the kin word of ``role_before``, qualifies that person; not when what the label
    asks begins right after it (then a birth word is the verb: that person's birth is asked)."""
    if role_before not in KIN_ROLES or i >= len(fixed) or not _is_blood(as_written[i], fixed[i]):
        return False
    return not (i + 1 < len(fixed) and asks_at(i + 1))

