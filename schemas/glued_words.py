"""Label words OCR glued into one word ("Ngàysinh", "Dântộc", "THUNHẬN"), cut back apart.

Tesseract drops the space between two words printed close (a narrow font, a tight table cell), so a label's words
reach the matcher as one word no vocabulary holds and the label is not read for its meaning. A word that is no
Vietnamese syllable (``normalize.plausible_word``) and cuts in exactly one way into syllables of the label
vocabulary, each a syllable as written, is those words. A word that may be one syllable, or that cuts two ways,
is left as read. (``normalize.glued_syllables`` cuts a value's glued word into any two syllables, doubtfully;
here only label words are cut, before labels are looked for.)

Pure functions over the text of one OCR word: NFC in, NFC out.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ocr.result import Word
from sohoa.text import fold

from .glued_code import cut_word
from .labels import lexicon
from .normalize import plausible_word

_VOWELS = frozenset("aeiouy")
_CORE = re.compile(r"^(\w+?)([:.,;]*)$")
MIN_PART = 2  # letters of a syllable cut from a glued word ("và" of "Họvàtên")
MAX_PARTS = 4  # syllables glued into one word that are cut apart (a label's words between two spaces)


def _inside_vowels(word: str, k: int) -> bool:
    """The cut before ``word[k]`` falls between two vowels."""
    return fold(word[k - 1]) in _VOWELS and fold(word[k]) in _VOWELS


def _cuts(word: str, parts_left: int) -> list[list[str]]:
    """Every way ``word`` cuts into at most ``parts_left`` label syllables, each a syllable as written."""
    out = []
    syllables = lexicon().syllables
    if fold(word) in syllables and plausible_word(word):
        out.append([word])
    if parts_left < 2:
        return out
    for k in range(MIN_PART, len(word) - MIN_PART + 1):
        head = word[:k]
        if _inside_vowels(word, k):
            continue  # a run of vowels is one syllable's: "thư|ờng" is no cut
        if fold(head) in syllables and plausible_word(head):
            out += [[head] + rest for rest in _cuts(word[k:], parts_left - 1)]
    return out


@lru_cache(maxsize=8192)
def unglued(text: str) -> tuple[str, ...] | None:
    """The label words a glued OCR word holds, as written (their marks and case kept, a colon or a full stop
    after it on the last), or None when it is one syllable, no cut reads, or two cuts do."""
    text = unicodedata.normalize("NFC", text)
    m = _CORE.match(text)
    if m is None or not m.group(1).isalpha():
        return None
    core, tail = m.groups()
    if len(core) < 2 * MIN_PART or plausible_word(core):
        return None
    cuts = [c for c in _cuts(core, MAX_PARTS) if len(c) >= 2]
    if len(cuts) != 1:
        return None
    return tuple(cuts[0][:-1]) + (cuts[0][-1] + tail,)


def unglue_word(w: Word) -> list[Word]:
    """The OCR word cut into the label words glued in it, each with its share of the box; else the word alone."""
    words = unglued(w.text)
    return [w] if words is None else cut_word(w, words)
