"""Notes in brackets a form prints in its labels ("Họ tên (viết bằng chữ in hoa)", "Sinh năm (ghi đủ chữ số)",
"NGÀY ĐĂNG KÝ (GHI RÕ)", "Chiều cao (cm)"): a note says how to write the value and is the label's whatever its
words, so whether a run of words reads as a label, where a label may start or run on to, and whether it holds a
value's digits are all said by the words outside its notes (``matching``, ``label_edges``, ``printed_label``,
``cells``, ``value_audit``). This module is the one reading of what a note is (``note_spans``):

- a note opens at a word that starts with "(" and closes at the first word that ends with ")", the punctuation
  read after it aside: "(ghi đủ cấp):" closes before its colon;
- brackets around a number alone hold a value's digits ("(1962)", "(12/2020)"), not a note, save a mark of one or
  two digits, which points a label to the form's footnotes ("Nơi cư trú (2):") and is the print's;
- a bracket OCR left open (its ")" faded) runs to the end of the words, to the next one opened (print does
  not nest notes) or to the colon that ends its label ("(nếu có:"), less the words with digits that end it: without the closing bracket those are the value
  written after the note ("(nếu có 0912"), while digits inside a note that goes on are its own ("(ghi 4 chữ số").

Pure functions over plain words; ``outside_notes`` takes the page's tokens.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # (the tokens' type only: the reading itself is over plain words)
    from .layout import Tok

_AFTER_CLOSE = ":.,;"  # punctuation OCR reads right after a note's closing bracket
_NUMBER_MARKS = "./-,"  # what parts a number's digits ("12/2020", "1.250")
FOOTNOTE_MARK_DIGITS = 2  # "(1)" … "(12)": a form numbers its footnotes; a value's number in brackets is longer


def _closes(word: str) -> bool:
    return word.rstrip(_AFTER_CLOSE).endswith(")")


def _inner(words: Sequence[str]) -> str:
    """What a closed bracket holds, its brackets and the punctuation around them aside."""
    return "".join(words).strip("()" + _AFTER_CLOSE)


def _number_alone(words: Sequence[str]) -> bool:
    """The bracket's words are a number and nothing else ("(1962)", "(12/2020)")."""
    inner = _inner(words)
    return any(c.isdigit() for c in inner) and all(c.isdigit() or c in _NUMBER_MARKS for c in inner)


def _footnote_mark(words: Sequence[str]) -> bool:
    """A number of one or two digits alone in brackets ("(1)"): the form's mark for a footnote."""
    inner = _inner(words)
    return inner.isdigit() and len(inner) <= FOOTNOTE_MARK_DIGITS


def _bracket_end(words: Sequence[str], k: int) -> int:
    """One past the last word of the bracket opened at ``words[k]``: the word that closes it, or (left open) the
    colon that ends its label, the word before the next bracket, the last word."""
    for j in range(k, len(words)):
        if j > k and words[j].startswith("("):
            return j
        if _closes(words[j]) or words[j].endswith(":"):
            return j + 1
    return len(words)


def note_spans(words: Sequence[str]) -> list[tuple[int, int]]:
    """The notes in ``words``, each as (first word, one past its last word); see the module's docstring."""
    spans: list[tuple[int, int]] = []
    k = 0
    while k < len(words):
        if not words[k].startswith("("):
            k += 1
            continue
        end = _bracket_end(words, k)
        if _closes(words[end - 1]):
            if not _number_alone(words[k:end]) or _footnote_mark(words[k:end]):
                spans.append((k, end))
            k = end
            continue
        last = end
        while last > k and any(c.isdigit() for c in words[last - 1]):
            last -= 1  # (the digits written after a note whose bracket was not read closed)
        if last > k:
            spans.append((k, last))
        k = end
    return spans


def in_notes(words: Sequence[str]) -> list[bool]:
    """For each word: it lies in a note, its opening word included ("(chữ", "in", "hoa)")."""
    flags = [False] * len(words)
    for a, b in note_spans(words):
        flags[a:b] = [True] * (b - a)
    return flags


def inside_open_note(words: Sequence[str]) -> list[bool]:
    """For each word: it lies in a note opened by a word before it ("(ghi đủ chữ số)": "đủ", "chữ", "số)"). Such a
    word says how the value is written, never where a label starts: a label begins outside a note, or at the
    note's own opening word ("Họ tên (bí danh)")."""
    flags = [False] * len(words)
    for a, b in note_spans(words):
        flags[a + 1:b] = [True] * (b - a - 1)
    return flags


def outside_notes(toks: Sequence[Tok]) -> list[Tok]:
    """The tokens outside their notes: the words a label is judged by, and where a value's digits are looked for
    ("Sinh năm (ghi 4 chữ số)" holds none; "Sinh năm (1962)" does)."""
    flags = in_notes([t.text for t in toks])
    return [t for t, note in zip(toks, flags) if not note]
