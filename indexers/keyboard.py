"""Queries typed without a Vietnamese input method: Telex and VNI keystrokes read as the letters meant.

Someone without an input method running types the keystrokes themselves:
``nguyeenx vawn ddwcs`` (Telex) or ``nguye6n4 va8n d9u7c1`` (VNI) for
``Nguyễn Văn Đức``. ``readings`` gives the query as typed and, when it reads
as Telex or VNI, the converted text too; the search considers every reading
(the literal one may be meant: a name can look like keystrokes).

The conversion is BoGo's (the engine behind the ibus-bogo input method), word
by word. A word converts only when it is ASCII letters (Telex) or ASCII
letters and digits (VNI) and the keystrokes change it; a word already
holding Vietnamese letters, or a number, stays as it is.
"""

from __future__ import annotations

import re
from functools import lru_cache

import bogo

_TELEX = bogo.get_telex_definition()
_VNI = bogo.get_vni_definition()
_WORD = re.compile(r"\S+")
_LETTERS = re.compile(r"[A-Za-z]+")
_LETTERS_DIGITS = re.compile(r"(?=.*[A-Za-z])(?=.*[1-9])[A-Za-z0-9]+")


@lru_cache(maxsize=65536)
def _telex_word(word: str) -> str:
    if not _LETTERS.fullmatch(word):
        return word
    out = bogo.process_sequence(word, rules=_TELEX)
    # Keys Telex could not place stay as letters (``tvu``); a word that is no syllable is no reading.
    return out if not _LETTERS.fullmatch(out) else word


@lru_cache(maxsize=65536)
def _vni_word(word: str) -> str:
    if not _LETTERS_DIGITS.fullmatch(word):
        return word
    out = bogo.process_sequence(word, rules=_VNI)
    return word if any(c.isdigit() for c in out) else out


def _convert(text: str, word) -> str:
    return _WORD.sub(lambda m: word(m.group(0)), text)


def readings(text: str, limit: int = 3) -> list[str]:
    """``text`` as typed, then as Telex, then as VNI, each only when it differs from those before."""
    out = [text]
    for convert in (_telex_word, _vni_word):
        reading = _convert(text, convert)
        if reading not in out:
            out.append(reading)
    return out[:limit]
