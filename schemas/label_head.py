"""The head of a label on a card about a thing: the first words say the property, the words after them narrow it.

A Vietnamese noun phrase puts its head first and its modifiers after it: "Tình trạng bề mặt" is a state (of the
surface), "Mô tả tóm tắt" a description (a short one), "Nguồn tiếp nhận" a source (of what came in). A card that
describes an object (a museum inventory card: no person is its subject) labels each line with such a phrase, and
the modifier may hold words the vocabulary reads as another property ("bề mặt" holds "mặt", "tiếp nhận" the word
of acquisition) or as nothing at all. When the whole label names no field, its head alone is read: the shortest
run of first words that names exactly one field.

The head counts only when it is a word for the property itself (a state, a material, a size, a source …). A word
that every kind of field shares (a date, a place, a number, a name, a time) takes its meaning from its modifier
("Ngày nhập", "Số kiểm kê", "Tên khác"): such a head decides nothing, and the label stays for the other rules. The
reading is never sure: its certainty stays under ``HEAD_CERTAINTY``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .labels import Resolution
    from .loader import Schema

# attributes any kind of field may be asked through: a head of one of these alone is said by its modifier
SHARED_HEADS = frozenset({"date", "time", "place", "number", "name"})
# kinds of field a label names by a shared word first ("Ngày …", "Nơi …", "Họ tên …"): a label of one of them
# that opens on another word is a clause ("Mua lại từ …", "Phát hiện bởi …"), whose first word is a verb, no head
SHARED_KINDS = frozenset({"date", "place", "name"})
# how sure a label read by its head alone is, at most: its modifier was not read
HEAD_CERTAINTY = 0.6


def head_reading(words: list[str], schema: "Schema", read: Callable[[str], "Resolution | None"],
                 needs_of: Callable[[str], list[frozenset[str]]],
                 whole: "Resolution | None" = None) -> "Resolution | None":
    """The field the first words of a label name, read as the head of its noun phrase, or None (keep ``whole``).

    ``words``: the label's words as written, outside its notes; ``read``: the label reader for a run of words;
    ``needs_of``: what a field key must be named by (each alternative); ``whole``: the reading of the whole label.
    Only for a type whose records describe a thing (no subject roles), and a label of two words or more, that the
    whole names no field or names one through a shared word only ("Kho mã số": a code, but the head says where
    the object is kept, and the code is the store's)."""
    if schema.subject_roles or len(words) < 2:
        return None
    if whole is not None and not (len(whole.specs) == 1 and _shared_only(needs_of(whole.specs[0].key))):
        return None
    for n in range(1, len(words)):
        got = read(" ".join(words[:n]))
        if got is None:
            continue
        if len(got.specs) != 1 or got.role_only or got.specs[0].kind in SHARED_KINDS:
            return None
        if _shared_only(needs_of(got.specs[0].key)):
            return None  # a shared head: its modifier says which field
        if whole is not None and whole.specs == got.specs:
            return None
        return replace(got, score=min(got.score, HEAD_CERTAINTY))
    return None


def _shared_only(needs: list[frozenset[str]]) -> bool:
    """Whether a field can be named by shared words alone (one of its alternatives asks nothing else)."""
    return any(not alternative - SHARED_HEADS for alternative in needs)
