"""A name asked together with where it is used ("Tên gọi ở nhà", "Tên ở quê"): another name, the alias.

A Vietnamese noun phrase puts its head first and what narrows it after: in "Tên gọi ở nhà" the head is the name
("tên gọi") and "ở nhà" says where it is used. A person's name as registered needs no place; a name that holds
only in one place (at home, in the village, in the unit) is the other name the person was known by there, as the
vocabulary's own alias phrases say ("tên gọi ở nhà", "tên ở nhà"). The words after the place word then say
where, and ask nothing: a label "Tên gọi ở <somewhere>" asks the alias, not the place nor the somewhere.

The place words are the ones Vietnamese puts before a place (``place_joiners.PLACE_AFTER_DATE``: "ở", "tại"), compared
as written, marks and all: folded, "tại" is also "tài" ("Tên tài khoản" asks an account's name). A name asked
with a role ("Họ tên cha ở …") stays that person's name.
"""

from __future__ import annotations

from .place_joiners import PLACE_AFTER_DATE

ALIAS = "alias"
# what a label asks when it asks a name of its person: the name, or already the other one
# ("Tên thường dùng ở …")
NAMES = frozenset({"name", ALIAS})


def name_used_at(attrs: set[str], roles: set[str], word: str, words_after: int) -> bool:
    """The label so far asks a name and nothing else, no person's role named, and ``word`` (as written, lower
    case), a place word with words after it, says where that name is used: the label asks the alias."""
    return bool(attrs) and attrs <= NAMES and not roles and word in PLACE_AFTER_DATE and words_after > 0
