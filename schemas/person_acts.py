"""A person named by what they do: "người đại diện dòng họ", "người đứng ra trình báo", "bà sinh thành".

Forms name the declarant in many more ways than any list holds, but they do it the same way: "người" and a
clause saying what that person does. Words of declaring or requesting ("khai", "báo", "yêu cầu" …) make the
declarant, unless "được" comes before them: "người được khai sinh" is the one registered, the subject. Words
of acting for someone ("thay mặt", "đại diện", "ủy quyền" …) make the declarant even after "được" (the one
authorised acts for the family). The words after the act say what was declared or for whom ("gia đình", the
family; "khai tử", a death) and name no one else, so the whole clause is read as the declarant.

A parent is named the same way by a word of begetting ("sinh thành": the one who gave life) after an honorific
that says the sex ("ông", "bà", read with their marks: "ba" without one is the father's own word).

The acts are ``person_acts`` and ``parents_by_sex`` in ``schemas/data/label_words.json``; matching is on folded syllables.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from sohoa.text import fold

from .label_words import label_words

PERSON = "nguoi"
PASSIVE = "duoc"
# the other party begins after these ("Quan hệ với người …" is read by the caller, a clause stops at them)
OTHER_PARTY = frozenset({"voi", "cua"})


@dataclass(frozen=True)
class Acts:
    role: str
    declares: frozenset[tuple[str, ...]]   # not after "được"
    acts_for: frozenset[tuple[str, ...]]   # after "được" too


@lru_cache(maxsize=1)
def person_acts() -> tuple[Acts, ...]:
    data = label_words().get("person_acts", {})

    def phrases(words: list[str]) -> frozenset[tuple[str, ...]]:
        return frozenset(tuple(fold(w).split()) for w in words)

    return tuple(Acts(role, phrases(v.get("declares", [])), phrases(v.get("acts_for", [])))
                 for role, v in data.items() if not role.startswith("_"))


def _act_at(fixed: list[str], j: int, phrases: frozenset[tuple[str, ...]]) -> int:
    """How many syllables of an act phrase start at ``j`` (the longest), 0 for none."""
    return max((len(p) for p in phrases if tuple(fixed[j:j + len(p)]) == p), default=0)


def acting_person(fixed: list[str], i: int, stops: Callable[[int], bool]) -> tuple[int, str] | None:
    """The syllables from ``i`` ("người") that name a person by an act, and that person's role; None when
    the words after "người" hold no act. ``stops(j)`` says syllable ``j`` begins what the label asks (a
    name, a date, a residence): the clause ends before it, unless it is inside the act ("đứng tên")."""
    if i >= len(fixed) or fixed[i] != PERSON:
        return None
    for acts in person_acts():
        j, passive, acted = i + 1, False, False
        while j < len(fixed):
            n = _act_at(fixed, j, acts.acts_for) or (0 if passive else _act_at(fixed, j, acts.declares))
            if n:
                acted, j = True, j + n
                continue
            if fixed[j] in (PERSON, *OTHER_PARTY) or stops(j):
                break
            passive = passive or fixed[j] == PASSIVE
            j += 1
        if acted:
            return j - i, acts.role
    return None


@dataclass(frozen=True)
class ParentWords:
    begetting: frozenset[tuple[str, ...]]
    honorifics: dict[str, str]  # as written, with marks -> role


@lru_cache(maxsize=1)
def parent_words() -> ParentWords:
    data = label_words().get("parents_by_sex", {})
    return ParentWords(frozenset(tuple(fold(w).split()) for w in data.get("begetting", [])),
                       dict(data.get("honorifics", {})))


def parent_by_sex(as_written: list[str], fixed: list[str], i: int) -> tuple[int, str] | None:
    """"bà sinh thành": an honorific (``as_written[i]``, with its marks) and a word of
    begetting after it name the parent of the honorific's sex; the syllables read and the role, or None."""
    role = parent_words().honorifics.get(as_written[i]) if i < len(as_written) else None
    n = _act_at(fixed, i + 1, parent_words().begetting) if role else 0
    return (n + 1, role) if n and role else None


def begetting_at(fixed: list[str], i: int) -> int:
    """How many syllables of a word of begetting start at ``i`` (0 for none): after a parent's word ("tên bà
    sinh thành") it says again that the person is a parent, and asks no birth."""
    return _act_at(fixed, i, parent_words().begetting)
