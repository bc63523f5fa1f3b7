"""Letters that are other letters: a Vietnamese hat, horn, breve or stroke (â ă ê ô ơ ư đ) makes a letter of its
own, where a tone mark (à á ả ã ạ) only changes how a syllable is said.

A label's phrase is looked up folded, so that a label typed without marks, or one whose marks OCR lost, is still
read. Folding also merges words that differ by a letter: "quần" (of "quần chúng", the masses) and "quán" (a
native place) fold alike, and so a label about a person so called ("Ngày sinh quần chúng") would read as "sinh
quán", a hometown. A syllable written with a hatted letter where the vocabulary's word has the plain letter is
another word: OCR loses marks far more often than it adds a hat, and a tone slip ("mẻ" for "mẹ") changes no
letter, so both still fold onto the vocabulary's word; one hat read for another (ô for ơ) is a slip too. Pure
functions over strings.

A person's name is read the other way round: a syllable of it that is no common name syllable is read as the common
one with the same letters when OCR's slips on marks explain the difference (``fields.Found._check_name_syllables``).
Those slips, as counted on the benchmark's pages (docs/benchmarks.md, part AD), add a tone mark where a speck or
the dot of an i stands ("Chi" read "Chỉ"), lose a mark, or take one hat or horn for another ("Đức" read "Đúc"). A
syllable whose letters are the common one's and whose one tone is another of the five (``tone_for_tone``) is a
slip none of those explains, and Vietnamese names use each tone of a syllable as a name of its own.
"""
from __future__ import annotations

import unicodedata

from sohoa.text import fold

_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")  # grave, acute, tilde, hook above, dot below


def letters(syllable: str) -> str:
    """The syllable's letters without its tone mark, lower case: "Quán" -> "quan", "quần" -> "quân"."""
    decomposed = unicodedata.normalize("NFD", unicodedata.normalize("NFC", syllable).lower())
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))


def other_letter(written: str, word: str) -> bool:
    """``written`` carries a letter of its own (a hat, horn, breve or stroke) where ``word``, which folds alike,
    has the plain letter: "quần" is not "quán". A syllable written with plain letters ("quan") is no evidence,
    nor is one hat read for another ("bở" for "bổ": OCR takes ơ and ô, ă and â for each other)."""
    have, want = letters(written), letters(word)
    return len(have) == len(want) and any(h != w and fold(h) != h and fold(w) == w for h, w in zip(have, want))


def another_phrase(written: list[str], forms: tuple[tuple[str, ...], ...]) -> bool:
    """The syllables as written are none of the phrase's written ``forms`` (of as many syllables, folding alike):
    each form has a syllable whose letters the written one contradicts (``other_letter``). No forms: no
    evidence."""
    return bool(forms) and all(any(other_letter(w, f) for w, f in zip(written, form)) for form in forms)


def tone_for_tone(read: str, common: str) -> bool:
    """``read`` has ``common``'s letters, hats and all, and one tone mark where ``common`` has another: "Hòa" beside
    "hỏa" (either placement of the tone); not "Chỉ" beside "chi" (a tone where the common one has none)."""
    have, want = unicodedata.normalize("NFD", unicodedata.normalize("NFC", read).lower()), \
        unicodedata.normalize("NFD", unicodedata.normalize("NFC", common).lower())
    tones_have, tones_want = [c for c in have if c in _TONES], [c for c in want if c in _TONES]
    return letters(read) == letters(common) and len(tones_have) == len(tones_want) == 1 and tones_have != tones_want
