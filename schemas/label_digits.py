"""A short label word whose one letter OCR read as a digit: "K8" for an abbreviation "KB", "H5" for "HS".

A label's abbreviations are a few capitals, printed small on a form's header row; on a worn or blurred scan
Tesseract reads a letter of them for the digit of like shape (a B's straight left side and two bowls as an 8, an S
as a 5, an O as a 0). Such a word is no label word as read, so the label around it stops short and the value row
below it is shared out among the wrong labels. A word of two or three characters with exactly one digit is read
back through the letters ``sohoa.digit_letters`` lists for that digit, and is the vocabulary word it then spells
when exactly one reading spells one. Longer words and words of several digits are values' (a certificate's
"AB40213", a lot's "B12"), left as read.

Pure functions over folded text (``sohoa.text.fold``).
"""

from __future__ import annotations

from collections.abc import Collection

from sohoa.digit_letters import LETTERS_FOR

MAX_CHARS = 3  # a label abbreviation's few capitals (four letters leave no room for doubt)


def letter_read_as_digit(word: str, vocabulary: Collection[str]) -> str | None:
    """The vocabulary word ``word`` (folded) spells with its one digit read back as a letter ("k8" -> "kb"), when
    it is two or three characters, one of them a digit and the others letters, and exactly one of the digit's
    letters gives a vocabulary word; None otherwise."""
    digits = [k for k, c in enumerate(word) if c.isdigit()]
    if not 2 <= len(word) <= MAX_CHARS or len(digits) != 1 or not all(c.isalpha() or c.isdigit() for c in word):
        return None
    k = digits[0]
    spelt = {word[:k] + letter + word[k + 1:] for letter in LETTERS_FOR.get(word[k], "")}
    found = [w for w in spelt if w in vocabulary]
    return found[0] if len(found) == 1 else None
