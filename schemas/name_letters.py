"""A person's name read back through the slips OCR makes at a name's letters and edges.

A name is two to five syllables, the first a family name (``vocab.SURNAMES``), the others name syllables
(``data/name_syllables.txt``). On a worn or ruled page OCR bends a name in three ways that lose a syllable
downstream, each told here from the name's own words:

- **a stem read for the letter i** ("Nh1", "V¡", "H|ền"): the dot and stem of an ``i`` read as a digit one or an
  exclamation mark. The normaliser drops digits and marks from a name, so the syllable came out cut ("Nh"). A
  word that is no name syllable as read, and is one with its stems read as ``i``, is that syllable.
- **a family name behind a stroke, or with its capital lost** ("|vi Tường Nguyệt": a table's ruled border glued
  to the word; "„Vi": a speck read as a quote mark). The family name is then taken for a label's last word in
  lower case, or for a speck, and the name loses its first syllable — and the next syllable, a family name only
  by its letters ("Tường" / "Tưởng"), passes for one.
- the strokes themselves are no letters: ``bare`` takes them off a word's ends.

Pure functions over NFC text.
"""

from __future__ import annotations

from sohoa.text import nfc

from .vocab import SURNAMES

# strokes and specks OCR glues to a word's ends on a degraded or ruled page: a table's border ("|"), an
# underline ("_"), quote marks of every kind, including the low ones ("„", "‚") a speck under the line reads as
STROKES = "|_'`\"“”‘’„‚*~^"

# glyphs OCR reads for the stem and dot of an "i": a digit one, an exclamation mark upright or inverted, a bar
STEMS_FOR_I = "1!¡|"


def bare(word: str) -> str:
    """The word without the strokes glued to its ends, nor a comma or stop after it."""
    return nfc(word).strip(STROKES).rstrip(",.;:")


def _syllables() -> frozenset[str]:
    from .labels import name_syllables
    return name_syllables()


def _a_name_syllable(word: str, first: bool) -> bool:
    """The word is a family name (the first word of a name) or a syllable names are made of (any other)."""
    if first:
        return word[:1].upper() + word[1:].lower() in SURNAMES
    return word.lower() in _syllables()


def stems_read_as_i(word: str, first: bool) -> str | None:
    """The name word with the stems OCR read for an ``i`` read back as ``i`` ("Nh1" → "Nhi", "V¡" → "Vi"), when it
    is a name syllable so (a family name when it is the name's ``first`` word) and only so: None when the word has
    no such stem among its letters, or reads as a syllable already, or reads as none either way."""
    core = bare(word)
    if not any(c in STEMS_FOR_I for c in core) or not any(c.isalpha() for c in core):
        return None
    if not core[:1].isalpha():
        return None  # a stem before the letters is a stroke or a digit of something else, not an i in a name
    letters = "".join(c for c in core if c.isalpha())
    if _a_name_syllable(letters, first):
        return None  # the stem is a speck beside a whole syllable ("Lợi!"): the normaliser drops it
    fixed = "".join("i" if c in STEMS_FOR_I else c for c in core)
    return fixed if fixed.isalpha() and _a_name_syllable(fixed, first) else None


def name_with_stems_read(text: str) -> tuple[str, list[str]]:
    """A name's text with each word's stems read as ``i`` where that makes the word a name's syllable
    (``stems_read_as_i``), and the changes made, as "read -> written" notes (words of a name, never logged)."""
    words = text.split(" ")
    out, changes = [], []
    first = next((k for k, w in enumerate(words) if any(c.isalnum() for c in w)), 0)
    for k, w in enumerate(words):
        fixed = stems_read_as_i(w, k == first)
        if fixed is None:
            out.append(w)
            continue
        out.append(fixed)
        changes.append(f"{w} -> {fixed}")
    return " ".join(out), changes


def family_name_read_low(word: str, rest: list[str]) -> bool:
    """Is ``word``, cut as a label's last word before the name ``rest``, the name's family name whose capital OCR
    lost or behind a stroke glued to it ("|vi" before "Tường Nguyệt")? It is when, strokes aside, it is a family
    name as written but for its case, it was not written so (lower case, or a stroke glued to it: a label's own
    words in capitals or Title case are read by the label's rules), and the rest opens with a word that is a
    family name only by its letters, not as written ("Tường": the family name "Tưởng" has other marks) — so the
    name with it is a name of two to five syllables whose family name is one as written, and without it is none."""
    core = bare(word)
    if not core.isalpha() or not rest or not 1 <= len(rest) <= 4:
        return False
    glued = core != word.rstrip(",.;:")
    if not (glued or core.islower()):
        return False
    if core[:1].upper() + core[1:].lower() not in SURNAMES:
        return False
    return bare(rest[0]) not in SURNAMES
