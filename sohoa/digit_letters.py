"""The one table of letters OCR reads for digits, shared by the date and ID readers (``sohoa.dates.fix_digits``)
and by extraction's repairs by a value's kind (``schemas/digit_letters.py``).

Each pair is a glyph confusion of printed or typed digits: the letter, capital or small and without the marks
Vietnamese adds to it (Tesseract's ``vie`` model writes them; the reader takes them off before looking a letter
up), and the digits it is read for. A letter read for two digits stands for neither: a value holding it is left as
written rather than guessed.
"""

from __future__ import annotations

from .text import fold

DIGIT_FOR: dict[str, str] = {
    "O": "0", "o": "0", "Ø": "0", "ø": "0",  # a round bowl; a slashed zero is read as Ø
    "Q": "0",  # a bowl whose join to the next stroke or a speck reads as Q's tail
    "D": "0",  # a zero whose left side printed straight, as typewriters' worn faces print it
    "I": "1", "l": "1", "|": "1",  # a stem: a 1 whose flag and foot faded
    "i": "1", "!": "1",  # a stem with a speck above or below it, read as the dot of i or of !
    "Z": "2", "z": "2",  # a 2's diagonal and foot, in a face whose curve is flat
    "s": "5",  # a small 5's bowl and flag
    "S": "58",  # a 5, or an 8 whose middle join faded (docs/benchmarks.md, part AD): neither is read
    "G": "6",  # a 6 whose loop stayed open
    "?": "7",  # a 7 whose foot faded, read as the question mark's hook (part AD)
    "B": "8",  # an 8 whose left side printed straight
    "g": "9", "q": "9",  # a 9's bowl and tail, closed below (g) or straight (q)
}


def one_digit(letters: str) -> dict[str, str]:
    """Of ``letters``, each that stands for one digit, with that digit (a context names the letters it admits: a
    measure's "g" is its unit, not a 9)."""
    return {c: DIGIT_FOR[c] for c in letters if len(DIGIT_FOR.get(c, "")) == 1}


ONE_DIGIT_LETTERS = "".join(one_digit("".join(DIGIT_FOR)))  # every letter read for one digit, in the table's order


def _letters_for() -> dict[str, str]:
    """The table read backwards: each digit with the letters (folded, plain letters only) OCR reads it for."""
    out: dict[str, str] = {}
    for letter, digits in DIGIT_FOR.items():
        for digit in digits:
            folded = fold(letter)
            if folded.isascii() and folded.isalpha() and folded not in out.get(digit, ""):
                out[digit] = out.get(digit, "") + folded
    return out


LETTERS_FOR = _letters_for()  # a short label word with one digit is read back through it (schemas/label_digits.py)
