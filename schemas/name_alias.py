"""Another name written after a person's full name: "Trần Văn Bình (Ba Bình)", "Trần Văn Bình, tức Ba Bình".

Martyrs' and veterans' records often give the name a person was known by right after the full name, in brackets
or after "tức" ("that is", the word Vietnamese writes before another name for the same person), instead of under
a label of its own. Read as part of the full name, those words made the name doubtful and the alias was lost; they
are the subject's alias, and the full name ends before them.
"""

from __future__ import annotations

from dataclasses import replace

from sohoa.text import fold

from .label_edges import name_cased
from .labels import is_label_word
from .layout import Tok

# "tức" / "tức là": "that is", written before another name of the same person
_ALIAS_WORDS = (("tuc",), ("tuc", "la"))
_BRACKETS = "()[]"


def _bare(text: str) -> str:
    return text.strip(_BRACKETS + ",;.")


def _alias_words_at(toks: list[Tok], k: int) -> int:
    """How many words from ``toks[k]`` on say that another name follows ("tức là": 2, "tức": 1, else 0)."""
    words = tuple(fold(_bare(w.text)) for w in toks[k:k + 2])
    return next((len(m) for m in sorted(_ALIAS_WORDS, key=len, reverse=True) if words[:len(m)] == m), 0)


def _alias_start(toks: list[Tok]) -> tuple[int, int] | None:
    """Where the alias's words start in ``toks`` and how many words before them say it is one (a bracket is no
    word; "tức", "tức là" are): the first word that opens a bracket, or the first "tức" after a name's words."""
    for k, t in enumerate(toks):
        if t.text.startswith(("(", "[")):
            return k, _alias_words_at(toks, k)
        if _bare(t.text) == _bare(t.text).lower() and (said := _alias_words_at(toks, k)):
            return k, said
    return None


def name_and_alias(toks: list[Tok]) -> tuple[list[Tok], list[Tok]]:
    """A full name and the alias written after it (its words without their brackets), or ``toks`` and nothing.

    The full name is two words or more written as a name's; the alias, every word after it, is one or more words
    written as a name's, closed by its bracket when one opened it. Anything else (a note in brackets, a label's
    words, digits) is left as it was."""
    start = _alias_start(toks)
    if start is None:
        return toks, []
    k, said = start
    name, alias = toks[:k], toks[k + said:]
    opened = toks[k].text.startswith(("(", "["))
    if len(name) < 2 or not alias or not all(name_cased(_bare(t.text)) for t in name):
        return toks, []
    if opened and not alias[-1].text.rstrip(".,;").endswith((")", "]")):
        return toks, []
    words = [replace(t, text=_bare(t.text)) for t in alias]
    if not all(w.text.isalpha() and name_cased(w.text) for w in words) or all(is_label_word(w.text) for w in words):
        return toks, []  # digits, words not in a name's case, or a label's words in capitals ("(LIỆT SĨ)")
    if not opened and toks[k - 1].text.endswith(","):
        name = name[:-1] + [replace(name[-1], text=name[-1].text.rstrip(","))]
    return name, words
