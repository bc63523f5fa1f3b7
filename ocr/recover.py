"""A second look at ink no recognised word covers: short lone lines full-page OCR drops.

Tesseract's full-page segmentation (``--psm 3``) skips small isolated blobs:
on forms that print a value on the line below its label, or in a grid of
labels and values, a lone "Nam", a year, an ethnic group or a short label in
a wide blank area is printed clearly and still missing from the page's words
(docs/benchmarks.md, issue 12 part A). Real scans do the same.

The pass, after a page is recognised:

1. ``uncovered_regions``: the page's ink (``preprocess.ink_mask``) minus
   every recognised word's box, smeared along the line so letters, their
   diacritics and the words of one short phrase join, cut into connected
   boxes; boxes that cannot be a line of text are dropped (speckle, rule
   lines, stamps and pictures, anything much taller than the page's text);
2. the remaining crops, stacked into one strip with blank bands between
   them (``recovery_strip``), are read by the engine's ``read_lines`` as a
   block of single lines (``--psm 6``): one call per page, over a few small
   crops (``MAX_REGIONS``), so a fraction of the full page's cost; a range of
   a register's pages has its strips read in one run (``read_lines_many``);
3. ``plausible``: a word read there is kept when Tesseract is reasonably
   sure of it and it is made of letters or digits (not the dots of a blank,
   not a smudge read as punctuation).

Everything here is a pure function of the image and the words; the engine
is passed in as a function, so this module never calls Tesseract itself
(ocr/tesseract.py does). Recovered words carry ``recovered=True``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

from .preprocess import ink_mask, is_leader_word, mask_window
from .result import BBox, Line, PageText, Word

# Reads a strip of stacked crops, one line of text each: (strip, its dpi or None) -> words with boxes in the
# strip's pixels.
ReadLines = Callable[[Image.Image, int | None], list[Word]]

# Crops read per page at most: a page where more ink is uncovered than this is not a page of dropped short
# values (a picture, a stamp, a handwritten note); the largest regions go first.
MAX_REGIONS = 12
# A recovered word is kept at this Tesseract confidence or above (0..1); full-page words below it are common,
# but a crop read alone with no context gives noise a confident-looking reading less often than not.
MIN_CONFIDENCE = 0.55
# Text height on a page with no recognised words to measure it from: 10 pt at 300 dpi.
FALLBACK_TEXT_HEIGHT = 32


def text_height(words: Sequence[Word], fallback: int = FALLBACK_TEXT_HEIGHT) -> int:
    """The page's ordinary text height: the median height of its recognised words' boxes."""
    heights = sorted(w.bbox[3] - w.bbox[1] for w in words if w.bbox[3] > w.bbox[1])
    return max(8, heights[len(heights) // 2]) if heights else fallback


def uncovered_regions(gray: np.ndarray, words: Sequence[Word], max_regions: int = MAX_REGIONS) -> list[BBox]:
    """Boxes of line-like ink that no word's box covers, largest first, at most ``max_regions``."""
    ink = ink_mask(gray)
    if not ink.any():
        return []
    h = text_height(words)
    pad = max(2, h // 6)  # Tesseract's boxes hug the glyphs; their diacritics and serifs reach a little past
    ink = ink.copy()
    H, W = ink.shape
    for w in words:
        x0, y0, x1, y1 = w.bbox
        ink[max(0, y0 - pad):min(H, y1 + pad), max(0, x0 - pad):min(W, x1 + pad)] = False
    # The passes below are local (none reaches further than a text height), so they run on the part of the page
    # around the ink left over, with the same boxes as on the whole page: on most pages that is nothing or a
    # few specks, and the page-wide opening, dilation and component pass cost 0.1 s of CPU on a 300 dpi page.
    window = mask_window(ink, reach=h)
    if window is None:
        return []
    ox, oy, wx1, wy1 = window
    ink = ink[oy:wy1, ox:wx1]
    # Specks of a scan (one to a few pixels) are not letters; an opening the size of a thin stroke removes them
    # without touching strokes of text at the page's size.
    mask: np.ndarray = ink.astype(np.uint8)
    stroke = max(1, h // 16)
    if stroke > 1:
        mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones((stroke, stroke), np.uint8))
    if not mask.any():
        return []
    # Join letters across the gap between words of a phrase, and diacritics to the letters under them.
    joined = cv2.dilate(mask, np.ones((max(3, h // 2), max(3, int(h * 0.6))), np.uint8))
    count, _labels, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    boxes: list[tuple[int, BBox]] = []
    for i in range(1, count):
        x, y, bw, bh, _area = (int(v) for v in stats[i])
        crop = mask[y:y + bh, x:x + bw]
        ys, xs = np.nonzero(crop)
        if ys.size == 0:
            continue
        x0, y0, x1, y1 = (ox + x + int(xs.min()), oy + y + int(ys.min()), ox + x + int(xs.max()) + 1,
                          oy + y + int(ys.max()) + 1)
        box = (x0, y0, x1, y1)
        if is_line_of_text(box, int(ys.size), h):
            boxes.append((int(ys.size), box))
    boxes.sort(key=lambda item: -item[0])
    return [box for _ink, box in boxes[:max_regions]]


def is_line_of_text(box: BBox, ink_pixels: int, h: int) -> bool:
    """Whether a box of uncovered ink has the shape of printed text at the page's text height ``h``.

    Not speckle (smaller than half a letter), not a rule line or the frame of a grid (thinner than a third of
    the text height, or a vertical stroke taller than two lines with hardly any width), not a stamp, a seal or
    a picture (taller than two and a half lines), and not a solid blot (ink filling most of its box, which
    printed letters never do)."""
    x0, y0, x1, y1 = box
    bw, bh = x1 - x0, y1 - y0
    if bh < h * 0.35 or bh > h * 2.5:
        return False
    if bw < h * 0.25 or bw * bh < (h * h) / 5:
        return False
    fill = ink_pixels / float(bw * bh)
    return 0.04 <= fill <= 0.75


def plausible(word: Word, min_confidence: float = MIN_CONFIDENCE) -> bool:
    """A word worth adding: confident enough, and mostly letters or digits (not a blank's dots or a smudge)."""
    text = word.text.strip()
    if not text or word.confidence < min_confidence or is_leader_word(text):
        return False
    alnum = sum(1 for c in text if unicodedata.category(c)[0] in "LN")
    return alnum >= 1 and alnum >= 0.6 * len(text)


@dataclass(frozen=True)
class Strip:
    """The crops of a page's uncovered ink stacked into one image, a blank band between each, for the engine to
    read as a block of single lines; ``bands`` says where each crop sits in it."""

    image: np.ndarray
    bands: tuple[tuple[int, BBox], ...]  # (top of the crop in the strip, the crop's box on the page)
    gap: int  # blank pixels left of every crop (and between crops)


def recovery_strip(gray: np.ndarray, words: Sequence[Word], max_regions: int = MAX_REGIONS) -> Strip | None:
    """The strip of crops of ink no word in ``words`` covers, or None when there is none to read."""
    regions = uncovered_regions(gray, words, max_regions)
    if not regions:
        return None
    h = text_height(words)
    margin = max(4, h // 3)  # Tesseract reads a line better with some white around it
    H, W = gray.shape[:2]
    crops = [(max(0, x0 - margin), max(0, y0 - margin), min(W, x1 + margin), min(H, y1 + margin))
             for x0, y0, x1, y1 in sorted(regions, key=lambda b: (b[1], b[0]))]
    gap = 2 * h
    strip, tops = stack_crops([gray[cy0:cy1, cx0:cx1] for cx0, cy0, cx1, cy1 in crops], gap)
    return Strip(image=strip, bands=tuple(zip(tops, crops)), gap=gap)


def stack_crops(crops: Sequence[np.ndarray], gap: int) -> tuple[np.ndarray, list[int]]:
    """Gray crops stacked into one white image, one under the other, ``gap`` blank pixels around and between them,
    for the engine to read as a block of single lines in one run; with the top row of each crop in it."""
    strip = np.full((sum(c.shape[0] for c in crops) + gap * (len(crops) + 1),
                     max(c.shape[1] for c in crops) + 2 * gap), 255, dtype=np.uint8)
    tops = []
    top = gap
    for crop in crops:
        strip[top:top + crop.shape[0], gap:gap + crop.shape[1]] = crop
        tops.append(top)
        top += crop.shape[0] + gap
    return strip, tops


def words_from_strip(strip: Strip, read: Sequence[Word], min_confidence: float = MIN_CONFIDENCE) -> list[Word]:
    """The plausible words of a strip's reading, with boxes moved back into the page's pixels, marked recovered."""
    found: list[Word] = []
    for w in read:
        if not plausible(w, min_confidence):
            continue
        middle = (w.bbox[1] + w.bbox[3]) / 2
        band = next(((t, box) for t, box in strip.bands if t <= middle < t + box[3] - box[1]), None)
        if band is None:  # a reading of the blank between crops
            continue
        t, (cx0, cy0, _cx1, _cy1) = band
        dx, dy = cx0 - strip.gap, cy0 - t
        bx0, by0, bx1, by1 = w.bbox
        found.append(Word(text=w.text, confidence=w.confidence, bbox=(bx0 + dx, by0 + dy, bx1 + dx, by1 + dy),
                          recovered=True))
    return found


def recover_words(gray: np.ndarray, words: Sequence[Word], read_lines: ReadLines, dpi: int | None = None,
                  max_regions: int = MAX_REGIONS, min_confidence: float = MIN_CONFIDENCE) -> list[Word]:
    """Words read on crops of ink no word in ``words`` covers, with boxes in page coordinates, marked recovered.

    The crops are stacked into one strip, a blank band between each, and read in one call: starting the engine
    costs more than reading a few short lines, so one call per page instead of one per crop (and one run for
    the strips of a range's pages, ocr/pipeline.py)."""
    strip = recovery_strip(gray, words, max_regions)
    if strip is None:
        return []
    return words_from_strip(strip, read_lines(Image.fromarray(strip.image), dpi), min_confidence)


def recover_page(page: PageText, gray: np.ndarray, read_lines: ReadLines, dpi: int | None = None) -> PageText:
    """``page`` with the words read on its uncovered ink added (``recover_words``, ``with_recovered``)."""
    return with_recovered(page, recover_words(gray, page.words, read_lines, dpi))


def with_recovered(page: PageText, found: Sequence[Word]) -> PageText:
    """``page`` with ``found`` added where a reader would put them.

    Recovered words close together on one row make a run (a label, its dash and its value). A run on the row of a
    line the page already has, inside it or close to either end, joins that line in left-to-right order: a table
    row with a cell Tesseract skipped, a label that lost its first word, a value after a dash. Any other run is a
    line of its own, in a block of its own, placed by height (and on a shared row, by x), so a value read below
    its label comes after it."""
    if not found:
        return page
    runs: list[list[Word]] = []
    for w in sorted(found, key=lambda w: (w.bbox[0], w.bbox[1])):
        run = next((r for r in runs if _same_row(r[-1].bbox, w.bbox) and _gap(r[-1].bbox, w.bbox) <= _join(w.bbox)),
                   None)
        if run is None:
            runs.append([w])
        else:
            run.append(w)
    lines = list(page.lines)
    next_block = max((ln.block for ln in lines), default=0) + 1
    for run in runs:
        bbox = _union([w.bbox for w in run])
        host = min((ln for ln in lines if _same_row(ln.bbox, bbox) and _gap(ln.bbox, bbox) <= _join(bbox)),
                   key=lambda ln: _gap(ln.bbox, bbox), default=None)
        if host is not None:
            host.words = sorted([*host.words, *run], key=lambda w: w.bbox[0])
            host.bbox = _union([host.bbox, bbox])
            continue
        line = Line(words=run, bbox=bbox, block=next_block)
        next_block += 1
        at = next((i for i, ln in enumerate(lines) if _comes_after(ln.bbox, bbox)), len(lines))
        lines.insert(at, line)
    page.lines = lines
    return page


# Recovered words this many text heights apart or closer, on one row, are one phrase (a label, its dash, its
# value); further apart they are cells of a grid.
JOIN_GAP = 3.5


def _join(box: BBox) -> float:
    return JOIN_GAP * (box[3] - box[1])


def _gap(a: BBox, b: BBox) -> int:
    """Horizontal distance between two boxes (0 when they overlap along x)."""
    return max(0, b[0] - a[2], a[0] - b[2])


def _union(boxes: Sequence[BBox]) -> BBox:
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def _comes_after(line: BBox, new: BBox) -> bool:
    """Whether a line of the page is read after ``new``: lower on the page, or on its row and to its right."""
    if _same_row(line, new):
        return line[0] > new[0]
    return (line[1] + line[3]) / 2 > (new[1] + new[3]) / 2


def _same_row(a: BBox, b: BBox) -> bool:
    overlap = min(a[3], b[3]) - max(a[1], b[1])
    return overlap >= 0.5 * min(a[3] - a[1], b[3] - b[1])
