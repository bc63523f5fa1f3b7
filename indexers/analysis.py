"""Vietnamese text as the index sees it, computed in Python on both sides.

Each text is indexed three ways, and each query is turned into the same three
forms by the same functions, so index and query can never disagree:

- ``text``: NFC, as OCR read it (what people see, what highlights come from);
- ``text_norm``: lower-case, with old/new tone-mark placement unified
  (``hoà``/``hòa``, ``thuỷ``/``thủy``, ``khoẻ``/``khỏe``): the exact form;
- ``text_folded``: ``text_norm`` without any diacritics, ``đ`` -> ``d``: what
  someone typing without a Vietnamese keyboard writes.

Matching on ``text_norm`` is boosted above ``text_folded`` so that ``Đức``
ranks documents that say ``Đức`` above ones that say ``Duc``.

Invisible characters (zero-width spaces and joiners, soft hyphens, byte-order
and direction marks) are removed first: pasted or typed, they split or hide
words without showing. Names also get ``mark_forms``: a query word matches a
name word "as typed" when every mark the user typed is on that word
(``dục`` matches ``Dục`` and ``Đục``, never ``Đức``), so marks typed count
wherever they were typed, even when ``đ`` was typed as ``d``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from sohoa.text import fold, nfc


def _invisible() -> re.Pattern:
    """Format characters (Unicode category Cf: U+200B..U+200F, U+00AD, U+FEFF, U+2060.., bidi controls)."""
    cps = [cp for cp in list(range(0x10000)) + list(range(0xE0000, 0xE0080))
           if unicodedata.category(chr(cp)) == "Cf"]
    return re.compile("[" + "".join(re.escape(chr(cp)) for cp in cps) + "]")


_INVISIBLE = _invisible()


def strip_invisible(text: str) -> str:
    """``text`` without invisible format characters (``Ng\u200buyễn`` -> ``Nguyễn``)."""
    return _INVISIBLE.sub("", text)

_TONES = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}  # huyền, sắc, hỏi, ngã, nặng
_WORD = re.compile(r"[^\W\d_]+")
# Open syllables ending in these vowel pairs are where the two styles differ:
# old style marks the first vowel (hòa, thủy, khỏe), new style the second
# (hoà, thuỷ, khoẻ). With a final consonant (hoàn, thuyền) both agree.
_PAIRS = {("o", "a"), ("o", "e"), ("u", "y")}


def _toned_o_u() -> str:
    """Every precomposed letter whose base is o or u (either case) and which carries a tone mark."""
    out = []
    for cp in range(0xC0, 0x1F00):
        d = unicodedata.normalize("NFD", chr(cp))
        if len(d) > 1 and d[0] in "oOuU" and any(m in _TONES for m in d[1:]):
            out.append(chr(cp))
    return "".join(out)


# Only a word holding a toned o/u can change, so a text without one (most dates, numbers, places
# and names) skips the per-word pass: indexing runs this on every value of every record.
_CANDIDATE = re.compile(f"[{_toned_o_u()}]", re.IGNORECASE)


def _clusters(word: str) -> list[list[str]]:
    """Split an NFD word into [base, marks...] clusters."""
    out: list[list[str]] = []
    for ch in word:
        if unicodedata.combining(ch) and out:
            out[-1].append(ch)
        else:
            out.append([ch])
    return out


def _unify_word(match: re.Match) -> str:
    return _unify_syllable(match.group(0))


@lru_cache(maxsize=65536)
def _unify_syllable(word: str) -> str:
    # Cached: Vietnamese has a few thousand syllables, and this runs on every
    # word indexed or queried.
    clusters = _clusters(unicodedata.normalize("NFD", word))
    if len(clusters) < 2:
        return word
    first, last = clusters[-2], clusters[-1]
    if (first[0].lower(), last[0].lower()) not in _PAIRS:
        return word
    # "qu" is a consonant: in quý the tone already sits on the vowel y.
    if first[0].lower() == "u" and len(clusters) >= 3 and clusters[-3][0].lower() == "q":
        return word
    tone = [m for m in first[1:] if m in _TONES]
    if not tone or any(m in _TONES for m in last[1:]):
        return word
    first[:] = [m for m in first if m not in _TONES]
    last.append(tone[0])
    return unicodedata.normalize("NFC", "".join("".join(c) for c in clusters))


def unify_tone_marks(text: str) -> str:
    """Move the tone mark of open oa/oe/uy syllables to the second vowel (new style)."""
    text = nfc(text)
    if not _CANDIDATE.search(text):
        return text
    return _WORD.sub(_unify_word, text)


def norm_text(text: str) -> str:
    """The exact-match form: NFC, lower case, invisible characters removed, tone-mark placement unified."""
    return unify_tone_marks(strip_invisible(nfc(text)).lower())


def folded_text(text: str) -> str:
    """The accent-free form: what a query typed without diacritics matches."""
    return fold(norm_text(text))


def text_forms(text: str) -> tuple[str, str]:
    """``(norm_text(text), folded_text(text))``, normalising once."""
    norm = norm_text(text)
    return norm, fold(norm)


# --- marks as typed ------------------------------------------------------------------------------

_STROKE = "\u0111"  # đ: no decomposition under NFD, so its stroke is handled as a mark of its own
MAX_MARKS = 5  # Vietnamese syllables carry at most four (đường: stroke, two horns, a tone)


@lru_cache(maxsize=65536)
def mark_forms(word: str) -> tuple[str, ...]:
    """Every form of a norm-form word with any of its marks left out, the word itself first.

    ``đức`` -> ``đức``, ``dức``, ``đưc``, ``đúc``, ``dưc``, ``dúc``, ``đuc``, ``duc``: what a person who
    typed only some marks (or ``d`` for ``đ``) may have typed. A query word is "as typed" in a name word
    when it is one of these forms: every mark typed is there. A word has at most 2^4 forms.
    """
    clusters: list[list[str]] = []
    for ch in unicodedata.normalize("NFD", word):
        if ch == _STROKE:
            clusters.append(["d", _STROKE])
        elif unicodedata.combining(ch) and clusters:
            clusters[-1].append(ch)
        else:
            clusters.append([ch])
    marks = [(i, m) for i, c in enumerate(clusters) for m in c[1:]]
    if not marks or len(marks) > MAX_MARKS:
        return (word,) if not marks else (word, fold(word))
    out: dict[str, None] = {word: None}
    for mask in range((1 << len(marks)) - 1, -1, -1):
        kept = {marks[b] for b in range(len(marks)) if mask >> b & 1}
        chars = []
        for i, c in enumerate(clusters):
            if (i, _STROKE) in kept:
                chars.append(_STROKE)
            else:
                chars.append(c[0])
                chars.extend(m for m in c[1:] if m != _STROKE and (i, m) in kept)
        out[unicodedata.normalize("NFC", "".join(chars))] = None
    return tuple(out)


def spelt_word(word: str) -> str:
    """A norm-form word as typed on a keyboard that may lack ``đ``: ``đình`` -> ``dình``, every other mark kept."""
    return word.replace(_STROKE, "d")
