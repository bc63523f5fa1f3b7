"""Where a short closed-list value ends: a country (a nationality) or an ethnic group is a name of a few words,
and the words after it on the row are the next pair's, a label no list holds and its value
("Việt Nam | Xxx yyy zzz: …", "Kinh | Xxx yyy …").

``closed_and_tail`` cuts such a value after the country's or the group's name when the name is a known one; the
reader lists the rest as a pair of its own (``reader._list_beyond``), so nothing is dropped. ``runs_past`` says a
value read whole holds words beyond such a name: it is never confident (``value_evidence.evidence``).
``ends_a_name`` says a doubtful short word at a value's end is the last word of such a name ("Ba" then a faint
"Na": the group "Ba Na", not a shorter name and a speck), so it is kept as the value's. Pure
functions over words; the names are data (``countries.COUNTRY_NAMES``: every country CLDR names, ``normalize.ETHNICITIES``).
"""

from __future__ import annotations

from sohoa.text import fold

from .countries import COUNTRY_NAMES
from .layout import Tok

# the longest country's name, in words ("Các Tiểu Vương quốc Ả Rập Thống nhất")
_MOST_WORDS = max(len(n.split()) for n in COUNTRY_NAMES)
_PUNCT = " .,;:()\"'“”"


def asks_closed(kind: str, key: str) -> bool:
    """A field whose values are a short closed list of names: an ethnic group, a country."""
    return kind == "ethnicity" or key.rsplit(".", 1)[-1] == "nationality"


def _is_name(kind: str, words: list[str]) -> bool:
    from .normalize import normalise

    text = " ".join(w.strip(_PUNCT) for w in words).strip()
    if not text:
        return False
    if kind == "ethnicity":
        n = normalise("ethnicity", text)
        return n.ok and n.quality >= 1
    return fold(text) in COUNTRY_NAMES


def name_length(kind: str, words: list[str]) -> int:
    """How many of the first words make the longest known name of the field's list (0: none does): an ethnic
    group's for the kind ``ethnicity``, a country's for any other."""
    for n in range(min(_MOST_WORDS, len(words)), 0, -1):
        if _is_name(kind, words[:n]):
            return n
    return 0


def name_then_more(kind: str, words: list[str]) -> int:
    """How many of the first words make a known name of the field's list when words that say something (a letter
    or a digit) follow it; 0 when no name opens the words or nothing follows it."""
    n = name_length(kind, words)
    return n if n and any(any(c.isalnum() for c in w) for w in words[n:]) else 0


def runs_past(kind: str, key: str, value: str) -> bool:
    """The value opens with a known country's or ethnic group's name and goes on past it."""
    return asks_closed(kind, key) and name_then_more(kind, value.split()) > 0


def closed_and_tail(kind: str, key: str, toks: list[Tok]) -> tuple[list[Tok], list[Tok]]:
    """The value's words up to the end of a known country's or ethnic group's name, and the words after it (the
    next pair run into the value), when any follow; else the words whole and nothing after."""
    if not asks_closed(kind, key):
        return toks, []
    words = [t for t in toks if not t.leader]
    n = name_then_more(kind, [t.text for t in words])
    if not n:
        return toks, []
    cut = toks.index(words[n])
    return toks[:cut], words[n:]


def ends_a_name(kind: str, key: str, words: list[str]) -> bool:
    """The words, two or more, are one known country's or ethnic group's name whole: their last word is the
    name's, not a speck after a shorter name."""
    return asks_closed(kind, key) and len(words) >= 2 and name_length(kind, words) == len(words)
