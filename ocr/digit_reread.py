"""Digits read twice: every number-bearing word read once more, on its own, as digits only.

Full-page OCR misreads digits (a 6 as an 8, a 9 as an 8), sometimes at full word confidence, and nothing after
OCR can see it: a registration or decision number is only digits, with no word around them to correct it.
Mature OCR pipelines read such words a second time, apart from the page: the word's box, with some white
around it, cut from the cleaned page, read with only digits and separators allowed, and the two readings
compared.

The pass, after a page is recognised (and its uncovered ink looked at, ocr/recover.py):

1. ``number_words``: the page's words holding a digit (at most ``MAX_WORDS``);
2. ``digit_strip``: their crops (scaled by ``SCALE``) stacked into one strip with blank bands between them, so
   the whole page is one engine call (``--psm 6``, a block of single lines, with a whitelist of digits and
   separators), not one call per word;
3. ``readings_from_strip``: each band's reading, the words read in it joined;
4. ``merged``: the two readings compared by their digits. Where they agree the word keeps the surer of the two
   confidences. Where they disagree and their runs of digits line up (the same lengths, the second reading
   perhaps with letters of the word read as extra digits before or after), the word takes the digits of the
   reading Tesseract is surer of, in place, keeping its own letters and separators, and its confidence is
   halved, so the field it lands in goes to review. Readings whose digits do not line up leave the word as it
   was.

What the numbers behind ``SCALE`` and the choice in step 4 were (64 synthetic pages of ocr/synthetic.py, levels
0-3, 997 number-bearing words, 93 % of them read right the first time): enlarging the crops made the second
reading worse, not better (at 3x it disagreed with the first on 60 words and was right on 16 of them; at 1x on
25 and right on 14); taking the surer reading where they disagree was right on 18 of those 25 (the first
reading alone on 15, the second alone on 14); where they agree, 1.5 % of words are wrong against 7 % of all.

The pass is off by default (``OcrOptions.digit_reread``): on the extraction benchmark it corrected digits on the
dev split but not on the unseen one, and keeping the surer confidence where the readings agree made wrong
fields confident (docs/benchmarks.md, "Digits read twice").

The engine is passed in as a function, so this module never calls Tesseract itself (ocr/tesseract.py does).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import cv2
import numpy as np
from PIL import Image

from .recover import stack_crops, text_height
from .result import PageText, Word

# Reads a strip of stacked crops as digits: (strip, its dpi or None) -> words with boxes in the strip.
ReadDigits = Callable[[Image.Image, int | None], list[Word]]

# What the second reading may write: digits and the separators of dates and numbers.
WHITELIST = "0123456789/.-"
# How many times each crop is enlarged: the page was already brought to Tesseract's letter height by the
# ``scale`` step (ocr/steps.py), and enlarging it further made the second reading worse (module docstring).
SCALE = 1.0
# Number-bearing words read per page at most (a register page of entries has a few dozen).
MAX_WORDS = 80
# A disagreeing word's confidence is multiplied by this: a reading two passes do not agree on is not sure.
DISAGREE_FACTOR = 0.5

_DIGITS = re.compile(r"\d+")


def number_words(page: PageText, max_words: int = MAX_WORDS) -> list[Word]:
    """The page's words holding at least one digit, in reading order, at most ``max_words``."""
    return [w for w in page.words if any(c.isdigit() for c in w.text)][:max_words]


@dataclass(frozen=True)
class DigitStrip:
    """Crops of a page's number-bearing words stacked into one image; ``bands`` are the rows each
    crop fills in it (top, bottom), in the order of ``words``."""

    image: np.ndarray
    bands: tuple[tuple[int, int], ...]
    words: tuple[Word, ...]
    scale: float


def digit_strip(gray: np.ndarray, words: Sequence[Word], scale: float = SCALE) -> DigitStrip | None:
    """The strip of ``words``' crops, each with white around it and scaled ``scale`` times; None for no words."""
    if not words:
        return None
    h = text_height(words)
    margin = max(3, h // 4)  # white around the glyphs: Tesseract clips a line's first and last strokes without it
    H, W = gray.shape[:2]
    crops: list[np.ndarray] = []
    for w in words:
        x0, y0, x1, y1 = w.bbox
        crop = gray[max(0, y0 - margin):min(H, y1 + margin), max(0, x0 - margin):min(W, x1 + margin)]
        if crop.size == 0:
            crop = np.full((h, h), 255, dtype=np.uint8)
        crops.append(cv2.resize(crop, (round(crop.shape[1] * scale), round(crop.shape[0] * scale)),
                                interpolation=cv2.INTER_CUBIC))
    strip, tops = stack_crops(crops, round(h * scale))
    bands = tuple((top, top + crop.shape[0]) for top, crop in zip(tops, crops))
    return DigitStrip(image=strip, bands=bands, words=tuple(words), scale=scale)


def readings_from_strip(strip: DigitStrip, read: Sequence[Word]) -> list[tuple[str, float] | None]:
    """Each crop's second reading, in the order of ``strip.words``: (text, confidence), the words read in its
    band joined left to right with their lowest confidence; None where nothing was read."""
    found: list[list[Word]] = [[] for _ in strip.bands]
    for w in read:
        middle = (w.bbox[1] + w.bbox[3]) / 2
        band = next((i for i, (t, b) in enumerate(strip.bands) if t <= middle < b), None)
        if band is not None:  # else a reading of the blank between crops
            found[band].append(w)
    return [("".join(w.text for w in sorted(ws, key=lambda w: w.bbox[0])), min(w.confidence for w in ws))
            if ws else None for ws in found]


def _runs(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _DIGITS.finditer(text)]


def aligned_digits(first: str, second: str) -> str | None:
    """``first`` with its digits replaced by ``second``'s, run by run, where their runs of digits line up:
    the same run lengths, or ``first``'s runs matching the last or the first of ``second``'s (the letters of a
    word, read as digits under the whitelist, add runs at its start or end). None where they do not line up."""
    runs1, runs2 = _runs(first), _runs(second)
    lengths1 = [b - a for a, b in runs1]
    lengths2 = [b - a for a, b in runs2]
    if not runs1 or len(runs2) < len(runs1):
        return None
    k = len(runs1)
    candidates = {0, len(runs2) - k}  # the same runs, or the last ones, or the first ones
    lined_up = {_put(first, runs1, second, runs2[s:s + k]) for s in candidates if lengths2[s:s + k] == lengths1}
    return lined_up.pop() if len(lined_up) == 1 else None  # two ways of lining up that disagree: neither


def _put(first: str, runs1: list[tuple[int, int]], second: str, runs2: list[tuple[int, int]]) -> str:
    """``first`` with each of its runs of digits replaced by the matching run of ``second``."""
    out, at = [], 0
    for (a, b), (c, d) in zip(runs1, runs2):
        out += [first[at:a], second[c:d]]
        at = b
    return "".join(out) + first[at:]


def merged(word: Word, second: tuple[str, float] | None, disagree_factor: float = DISAGREE_FACTOR) -> Word:
    """``word`` after comparing its digits with a second reading of them (module docstring, step 4)."""
    if second is None:
        return word
    text, confidence = second
    again = aligned_digits(word.text, text)
    if again is None:
        return word
    if again == word.text:
        return replace(word, confidence=max(word.confidence, round(confidence, 4)))
    text = again if confidence > word.confidence else word.text  # the surer reading's digits
    return replace(word, text=text, confidence=round(min(word.confidence, confidence) * disagree_factor, 4))


def with_digits_reread(page: PageText, strip: DigitStrip, read: Sequence[Word]) -> PageText:
    """``page`` with each word of ``strip`` merged with its second reading (``merged``), in place."""
    readings = dict(zip((id(w) for w in strip.words), readings_from_strip(strip, read)))
    for line in page.lines:
        line.words = [merged(w, readings[id(w)]) if id(w) in readings else w for w in line.words]
    return page


def reread_digits(page: PageText, gray: np.ndarray, read_digits: ReadDigits, dpi: int | None = None,
                  scale: float = SCALE) -> PageText:
    """``page`` with its number-bearing words read once more, on their own, and merged (one engine call)."""
    strip = digit_strip(gray, number_words(page), scale)
    if strip is None:
        return page
    return with_digits_reread(page, strip, read_digits(Image.fromarray(strip.image), round(dpi * scale) if dpi else None))

