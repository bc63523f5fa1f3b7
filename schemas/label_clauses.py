"""The words around a phrase of a label that say which person it is about, not what is asked.

``labels.meaning`` reads a label phrase by phrase; an event phrase ("hy sinh", "bị thương", "khai sinh") is
either a thing asked ("Ngày hy sinh") or a clause on the person ("Họ tên người đã hy sinh", "Ngày sinh xxx bị
thương"). The predicates here look at the syllables before the phrase to tell which: a clause opener ("người",
"đã", "được"), a family word right before "đã", a noun the vocabulary lacks, a numeral inside a number. They
read folded syllables and the vocabulary (``labels.Lexicon``), passed in by the caller.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sohoa.dates import DIGIT_WORDS, HUNDRED_WORDS, TEN_WORDS, THOUSAND_WORDS

if TYPE_CHECKING:
    from .labels import Lexicon


def kin_before_clause(lex: Lexicon, fixed: list[str], start: int,
                      last_role: tuple[int, str, bool] | None) -> str | None:
    """The relative's role ("con", "chồng") that ends right before "đã" and the event at ``start``, named as the
    label's person (not after "của" or "với"): a relative clause on a family word, "người anh đã hy sinh", and
    so with "được" (the child registered: no birth asked)."""
    if last_role is None or start < 2 or fixed[start - 1] not in ("da", "duoc"):
        return None
    end, role, as_object = last_role
    return role if end == start - 1 and not as_object and role in lex.relations else None


def clause_roles(lex: Lexicon, words: list[str], events: set[str]) -> frozenset[str]:
    """The person "người đã <event>" names, as the vocabulary reads that phrase ("người đã hy sinh": the martyr),
    else the one the event is about (``event_subjects``)."""
    said = lex.phrases.get(("nguoi", "da", *words), frozenset())
    roles = frozenset(t for t in said if t.startswith("role:"))
    return roles or frozenset(f"role:{lex.event_subjects[e]}" for e in events if e in lex.event_subjects)


# the words a numeral follows in a number or a date written in words ("hai mươi ba", "tháng ba", "thứ ba")
COUNTING = frozenset(DIGIT_WORDS) | TEN_WORDS | HUNDRED_WORDS | THOUSAND_WORDS | {"thang", "thu", "ngay", "mong", "mung"}


def counted(raw: list[str], i: int) -> bool:
    """Syllable ``i`` is a numeral inside a number ("ba" of "hai mươi ba"): regional words for a parent ("ba",
    the father) are numerals too, and after a number word or a date's word they count, naming no one."""
    return raw[i] in DIGIT_WORDS and i > 0 and raw[i - 1] in COUNTING


def clause_on_unknown_noun(fixed: list[str], start: int, unknown_at: set[int]) -> bool:
    """The event at ``start`` follows "đã" or "được" after a word the vocabulary lacks ("… chiến sĩ đã hy
    sinh", "… xxx được khai sinh"): a clause that says which person the label is about, as "người đã mất" does,
    about a person the vocabulary has no word for."""
    return start >= 2 and fixed[start - 1] in ("da", "duoc") and start - 2 in unknown_at


# what a label asks that needs an event to say whose it is ("Ngày", "Nơi"): after one of these alone, an event
# is the event asked about ("Ngày … bị thương"), not a clause on the person
BARE_ASKS = frozenset({"date", "time", "place"})


# "người", "đã", "được" open a clause of their own, read where they stand ("người được khai sinh"), and "khi",
# "lúc" a moment's ("Đơn vị … khi bị thương": the event says when)
CLAUSE_OPENERS = frozenset({"nguoi", "da", "duoc", "khi", "luc"})


def event_on_unknown_noun(lex: Lexicon, fixed: list[str], start: int, unknown_at: set[int]) -> bool:
    """The event at ``start`` comes right after a noun the vocabulary lacks (filler syllables may close it:
    "… xxx yyy bị thương"), in a label that already asks something of a person ("Ngày sinh", "Quê quán"):
    a clause that says which person is meant, as "người bị thương" does, not a second thing asked."""
    j = start - 1
    while j >= 0 and j not in unknown_at and fixed[j] not in CLAUSE_OPENERS \
            and lex.phrases.get((fixed[j],)) == frozenset({"filler"}):
        j -= 1
    return j >= 0 and j in unknown_at


def prev_words_person(prev_tags: frozenset[str], fixed: list[str], start: int) -> bool:
    """The words before ``start`` end with "người", "người đã" or "người được"."""
    back = fixed[max(0, start - 2):start]
    return bool(back) and (back[-1] == "nguoi" or len(back) == 2 and back[0] == "nguoi" and back[1] in ("da", "duoc"))
