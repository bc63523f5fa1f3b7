"""Image clean-up before Tesseract, one small function per step.

Every step takes a numpy image (``uint8``; greyscale ``HxW`` unless it says
colour ``HxWx3`` RGB) and returns a new one, so each can be tested, measured
and switched off alone. ``ocr/pipeline.py`` composes them in this order:

    stamps (colour) -> grey -> border -> background -> orientation -> deskew
    -> scale -> denoise -> lines -> binarize

Which steps run, and why the defaults are what they are, is in docs/ocr.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import cv2
import numpy as np
from PIL import Image

from . import tesseract
from .box_sides import box_sides, side_length

# One page per core, as for Tesseract (OMP_THREAD_LIMIT=1): OpenCV's own
# threads only add overhead when every core already works on a page of its
# own (measured: 15 % more CPU per page with OpenCV's default 2 threads).
cv2.setNumThreads(1)

# --------------------------------------------------------------------------- basics


def to_array(image: Image.Image) -> np.ndarray:
    """PIL image -> RGB or greyscale uint8 array."""
    if image.mode == "L":
        return np.asarray(image, dtype=np.uint8).copy()
    if image.mode == "1":
        return np.asarray(image.convert("L"), dtype=np.uint8).copy()
    return np.asarray(image.convert("RGB"), dtype=np.uint8).copy()


def to_gray(arr: np.ndarray) -> np.ndarray:
    if arr.ndim == 2:
        return arr
    return cv2.cvtColor(arr, cv2.COLOR_RGB2GRAY)


def ink_mask(gray: np.ndarray) -> np.ndarray:
    """Boolean mask of dark (ink) pixels by Otsu; empty for a uniform image."""
    if gray.size == 0 or int(gray.max()) - int(gray.min()) < 40:
        return np.zeros(gray.shape, dtype=bool)
    t, _ = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return gray <= t


def ink_box(gray: np.ndarray, margin: int) -> tuple[int, int, int, int] | None:
    """``(x0, y0, x1, y1)`` around every ink pixel (``ink_mask``'s rule), widened by
    ``margin`` and kept inside the image; ``None`` for a page with no ink.

    From the rows' and columns' darkest pixels, so it costs two reductions
    instead of a full mask.
    """
    if gray.size == 0 or int(gray.max()) - int(gray.min()) < 40:
        return None
    t, _ = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    rows = np.flatnonzero(gray.min(axis=1) <= t)
    cols = np.flatnonzero(gray.min(axis=0) <= t)
    if rows.size == 0 or cols.size == 0:
        return None
    h, w = gray.shape
    return (max(0, int(cols[0]) - margin), max(0, int(rows[0]) - margin),
            min(w, int(cols[-1]) + 1 + margin), min(h, int(rows[-1]) + 1 + margin))


def shrink(gray: np.ndarray, max_side: int) -> tuple[np.ndarray, float]:
    """Downscale so the longer side is at most ``max_side``; (image, factor applied)."""
    side = max(gray.shape[:2])
    if side <= max_side:
        return gray, 1.0
    f = max_side / side
    return cv2.resize(gray, None, fx=f, fy=f, interpolation=cv2.INTER_AREA), f


def text_height(gray: np.ndarray, look: "Look | None" = None) -> float | None:
    """Median height in pixels of letter-sized ink components (close to the
    x-height for lower-case text), or ``None`` when the page has too few.

    Measured on a half-size copy when the letters are big enough to survive
    it (one component pass over a 300 dpi page costs ~0.1 s); ``look``: the
    page's look, whose half-size components are then measured once for this
    and for ``look_specks`` and ``look_dot_rows``.
    """
    if min(gray.shape) > 1200:
        if look is not None and gray.shape[0] % 2 == 0 and gray.shape[1] % 2 == 0:
            found = half_components(look)  # the same copy as below: an even page halves exactly
            h = _component_height(found[0], look.half.shape[0]) if found is not None else None
        else:
            # An odd page's half-size copy here is OpenCV's resize of all of it (the look leaves out its last
            # row or column): the same text height as ever, which the steps after it depend on.
            h = _text_height(cv2.resize(gray, (gray.shape[1] // 2, gray.shape[0] // 2), interpolation=cv2.INTER_AREA))
        if h is not None and h >= 10:
            return h * 2
    return _text_height(gray)


def _text_height(gray: np.ndarray) -> float | None:
    mask = ink_mask(gray).astype(np.uint8)
    n, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    return _component_height(stats, gray.shape[0])


def _component_height(stats: np.ndarray, page_height: int) -> float | None:
    if len(stats) < 2:
        return None
    h = stats[1:, cv2.CC_STAT_HEIGHT]
    w = stats[1:, cv2.CC_STAT_WIDTH]
    area = stats[1:, cv2.CC_STAT_AREA]
    # Letters: not specks, not lines or blobs; roughly as wide as tall.
    keep = (h >= 3) & (area >= 6) & (w <= 3 * h) & (h <= 4 * w) & (h < page_height / 10)
    if keep.sum() < 20:
        return None
    # Dots of leaders and the many separate Vietnamese diacritics are small
    # components too; measure letters only: at least half the height of the
    # tall ones (ascenders, capitals).
    h = h[keep]
    h = h[h >= 0.45 * np.percentile(h, 90)]
    return float(np.median(h))


# --------------------------------------------------------------------------- one cheap look


@dataclass
class Look:
    """A page seen at half and quarter size (about 1 ms of CPU for a 300 dpi A4 page), and what is
    measured on those copies, each once: every step asks it before its full-size pass whether the page
    needs that pass. A look belongs to one image; a step that changes the pixels makes the next step take
    a new one (``ocr/steps.py: Page.look``)."""

    half: np.ndarray
    quarter: np.ndarray
    measured: dict[str, Any] = field(default_factory=dict)

    def once(self, name: str, compute):
        if name not in self.measured:
            self.measured[name] = compute()
        return self.measured[name]


def look_at(gray: np.ndarray) -> Look:
    """The half-size copy (what ``text_height`` measures on) and a quarter-size copy made from it: an area
    average by exactly two is a fast path in OpenCV, a resize by another factor costs ten times more, so a
    page with an odd number of rows or columns leaves its last one out of the copies."""
    return Look(*_halve_twice(gray))


def _halve(gray: np.ndarray) -> np.ndarray:
    h, w = gray.shape[:2]
    if h < 2 or w < 2:
        return gray.copy()
    even = gray[:h - h % 2, :w - w % 2]
    return cv2.resize(even, (even.shape[1] // 2, even.shape[0] // 2), interpolation=cv2.INTER_AREA)


def _halve_twice(gray: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    half = _halve(gray)
    return half, _halve(half)


def grey_percentiles(gray: np.ndarray, percents: tuple[float, ...]) -> list[int]:
    """The grey levels below which ``percents`` of the pixels lie, from the histogram (a sort of the pixels
    costs ten times more)."""
    cum = np.cumsum(cv2.calcHist([gray], [0], None, [256], [0, 256]).ravel())
    return [int(np.searchsorted(cum, cum[-1] * q / 100)) for q in percents]


def grey_median(gray: np.ndarray) -> float:
    """``np.median`` of a uint8 image, from its histogram."""
    cum = np.cumsum(cv2.calcHist([gray], [0], None, [256], [0, 256]).ravel())
    n = int(cum[-1])
    lo, hi = np.searchsorted(cum, [(n - 1) // 2 + 1, n // 2 + 1])
    return (int(lo) + int(hi)) / 2


def paper_closing(small: np.ndarray, kernel: int = 0) -> tuple[np.ndarray, int]:
    """The paper without the text on a small copy of the page: a grey closing (the text is thinner than the
    kernel, so it disappears); (the closing, the kernel)."""
    k = kernel or max(7, (min(small.shape) // 60) | 1)
    return cv2.morphologyEx(small, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (k, k))), k


def paper_spread(look: Look, kernel: int = 0) -> float:
    """How much the paper's brightness varies over the page, in grey levels: the 1st to the 99th percentile
    of ``paper_closing`` on the quarter-size copy (not smoothed: the smoothing costs 20 times the closing
    and only narrows the spread). 0-3 on an evenly lit scan, 20 and more on yellowed, unevenly lit paper.
    Flattening a page whose paper is even only stretches its grey levels, which neither the ink masks
    (Otsu) nor Tesseract see."""
    def spread() -> float:
        lo, hi = grey_percentiles(paper_closing(look.quarter, kernel)[0], (1, 99))
        return float(hi - lo)
    return look.once(("paper_spread", kernel), spread)


def half_components(look: Look) -> tuple[np.ndarray, np.ndarray, float] | None:
    """The ink components of the half-size copy (Otsu), as ``cv2.connectedComponentsWithStats`` gives
    them, and the threshold: (stats, background row first; labels; threshold); None for a page without
    ink. One pass serves the text height and the test for specks and rows of dots."""
    def components():
        g = look.half
        if g.size == 0 or int(g.max()) - int(g.min()) < 40:
            return None
        t, _ = cv2.threshold(g, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
        _, labels, stats, _ = cv2.connectedComponentsWithStats((g <= t).astype(np.uint8), connectivity=8)
        return stats, labels, float(t)
    return look.once("half_components", components)


def look_specks(look: Look, height: float) -> int:
    """Speck candidates (counted up to one) that ``clean_components`` would find at full size, judged on the
    half-size copy's components: a speck (at most ``speck_area(height)`` pixels at full size) is at most a
    quarter of that, plus one, at half size, or it fades there (``faded_specks``); letters and diacritics
    are larger. What it can miss: a speck of a pixel or two beside a letter (measured on the degraded scans
    of scripts/bench_ocr.py: one pixel on one page; every page with specks had some it counted)."""
    found = half_components(look)
    if found is None:
        return 0
    stats, labels, threshold = found[0][1:], found[1], found[2]
    # Specks count when they lie more than a third of a letter height from other ink: the halving cuts
    # tiny fragments off the tips of strokes and marks, beside them; a clean page has no speck farther out.
    reach = max(2, round(height / 6))
    specks = isolated_specks(stats, labels, max(1, speck_area(height) // 4 + 1), reach)
    return specks or faded_specks(look.half, labels, threshold, reach)


def look_dot_rows(look: Look, height: float) -> bool:
    """Whether dots may line up into a leader, judged on the half-size copy's components: a leader's dots
    are at most half as tall and wide there, a gap between them at most half as long (dots closer than two
    pixels merge into one flat component, so flat components of any width count as dots; its run is then
    one wide box)."""
    found = half_components(look)
    if found is None:
        return False
    stats = found[0][1:]
    ch, cw = stats[:, cv2.CC_STAT_HEIGHT], stats[:, cv2.CC_STAT_WIDTH]
    dots = (ch <= height * 0.35 / 2 + 1) & ((cw <= height * 0.45 / 2 + 1) | (cw >= height * 2))
    return bool(dots.any() and may_have_dot_rows(stats[dots], int(max(3, height * 1.5) / 2) + 2,
                                                 max(2, int(height * 4 / 2) - 2)))


def isolated_specks(stats: np.ndarray, labels: np.ndarray, max_area: int, reach: int, enough: int = 1) -> int:
    """How many components (``stats`` without the background row) of at most ``max_area`` pixels lie more than
    ``reach`` pixels from any other ink, counted up to ``enough``: specks on the paper, not the fragments a
    halving cuts off a stroke or a mark, which lie beside it. Each is judged in its own box, widened."""
    found = 0
    H, W = labels.shape
    for i in np.flatnonzero(stats[:, cv2.CC_STAT_AREA] <= max_area) + 1:
        x, y, w, h = (int(v) for v in stats[i - 1, :4])
        around = labels[max(0, y - reach):min(H, y + h + reach), max(0, x - reach):min(W, x + w + reach)]
        if not ((around != 0) & (around != i)).any():
            found += 1
            if found >= enough:
                break
    return found


def faded_specks(half: np.ndarray, labels: np.ndarray, threshold: float, reach: int) -> int:
    """Pixels of the half-size copy a full-size speck may have left, away from the ink: a speck of one or
    two pixels is averaged with its paper and fades above the threshold, but it still darkens its pixel by
    at least a quarter of its own darkness. So: pixels darker than the paper by a quarter of the way to the
    threshold, more than ``reach`` from the ink. Faint marks (pencil, bleed-through) count too: the
    full-size pass then judges them."""
    paper = grey_median(half)
    faint = half <= paper - max(8.0, (paper - threshold) / 4)
    if not faint.any():
        return 0
    near = cv2.dilate((labels > 0).astype(np.uint8), np.ones((2 * reach + 1,) * 2, np.uint8))
    return int(np.count_nonzero(faint & (near == 0)))


def look_edge_dark(look: Look) -> bool:
    """Whether the quarter-size copy has a pixel at its edge dark enough for ``remove_border`` to start a
    region from (with 16 grey levels to spare for the copy's own averaging): a page without one has no
    region touching the edge to whiten."""
    q = look.quarter
    if q.size == 0:
        return False
    dark = min(110, int(grey_median(q)) - 40) + 16
    return bool(min(q[0].min(), q[-1].min(), q[:, 0].min(), q[:, -1].min()) < dark)


def speck_area(height: float) -> int:
    """The largest ink component ``clean_components`` takes for a speck: smaller than any diacritic dot."""
    return max(2, int((height * 0.08) ** 2))


# --------------------------------------------------------------------------- colour stamps


def remove_stamps(rgb: np.ndarray, min_excess: int = 50) -> np.ndarray:
    """Paint strongly red or blue pixels (seals, ink stamps, ballpoint ticks) as paper.

    A pixel is stamp ink when its red (or blue) channel exceeds both others by
    ``min_excess``. Black text printed under a stamp stays: where the inks
    overlap the pixel is dark in every channel. Yellowed paper has red and
    green close together, so it is not taken for red.
    """
    if rgb.ndim != 3:
        return rgb
    r, g, b = cv2.split(rgb)
    red = cv2.subtract(r, cv2.max(g, b)) >= min_excess
    blue = cv2.subtract(b, cv2.max(r, g)) >= min_excess
    mask = (red | blue).astype(np.uint8)
    if not mask.any():
        return rgb
    # Grow by a pixel to take the anti-aliased, less saturated edges too, but
    # never over dark pixels: those are text over the stamp.
    mask = cv2.dilate(mask, np.ones((3, 3), np.uint8)).astype(bool)
    mask &= cv2.max(cv2.max(r, g), b) > 100
    out = rgb.copy()
    out[mask] = np.median(rgb[::16, ::16].reshape(-1, 3), axis=0).astype(np.uint8)
    return out


# --------------------------------------------------------------------------- border


def remove_border(gray: np.ndarray, min_fraction: float = 0.002, small: np.ndarray | None = None) -> np.ndarray:
    """Whiten dark regions touching the image edge (scanner lid, book gutter).

    A region counts when it touches an edge and covers at least ``min_fraction``
    of the page: text touching the edge is a few letters, far smaller. Found on
    a quarter-size copy (``small``: the page's look's, when at hand), which is
    plenty for regions this big.
    """
    if small is None:
        small = cv2.resize(gray, (max(1, gray.shape[1] // 4), max(1, gray.shape[0] // 4)),
                           interpolation=cv2.INTER_AREA)
    dark = (small < min(110, int(grey_median(small)) - 40)).astype(np.uint8)
    if not dark.any():
        return gray
    n, labels, stats, _ = cv2.connectedComponentsWithStats(dark, connectivity=8)
    hgt, wid = small.shape
    x, y, w, h, area = (stats[:, k] for k in range(5))
    touches = (x == 0) | (y == 0) | (x + w >= wid) | (y + h >= hgt)
    remove = touches & (area >= min_fraction * small.size)
    remove[0] = False
    if not remove.any():
        return gray
    mask = cv2.dilate(remove[labels].astype(np.uint8), np.ones((3, 3), np.uint8))
    mask = cv2.resize(mask, (gray.shape[1], gray.shape[0]), interpolation=cv2.INTER_NEAREST).astype(bool)
    out = gray.copy()
    out[mask] = 255
    return out


# --------------------------------------------------------------------------- orientation


def detect_orientation(gray: np.ndarray, tessdata_dir: str | None = None, timeout: float = 60,
                       prepared: bool = False, height: float | None = None) -> tuple[int, float]:
    """(degrees clockwise to turn the page upright, OSD confidence) by Tesseract OSD.

    OSD runs on ``osd_input(gray)`` (small and clean) unless ``prepared``. A
    page OSD cannot judge (blank, pictures) gives ``(0, 0.0)``.
    """
    small = gray if prepared else osd_input(gray, height=height)
    return tesseract.orientation(Image.fromarray(small), tessdata_dir, timeout)


def reads_better_turned(gray: np.ndarray, languages: str = "vie", tessdata_dir: str | None = None,
                        timeout: float = 30) -> bool:
    """Whether Tesseract is surer of the page turned 180 degrees than as it is.

    The ink-profile test that settles most pages can be fooled by heavy
    degradation (bleed-through, stamps, speckle), and turning an upright page
    upside down destroys it, so a turn it proposes is checked by reading the
    middle of the page both ways, small and in a single block, and comparing
    mean word confidence. Costs two quick Tesseract runs, on those pages only.
    """
    ys, xs = np.nonzero(ink_mask(gray))
    if ys.size == 0:
        return False
    # A band of text around the middle of the ink (not of the page: a short
    # form has all its lines near one edge), at most 900 pixels tall.
    top, bottom = (int(v) for v in np.percentile(ys, [2, 98]))
    left, right = (int(v) for v in np.percentile(xs, [1, 99]))
    middle = int(np.median(ys))
    top, bottom = max(top, middle - 450), min(bottom, middle + 450)
    if bottom - top < 20 or right - left < 20:
        return False
    strip, _ = shrink(gray[top:bottom, left:right], 1800)

    def reading(img: np.ndarray) -> tuple[float, int]:
        """(mean word confidence, words read with confidence >= 70)."""
        words = tesseract.word_confidences(Image.fromarray(img), languages, tessdata_dir, timeout)
        mean = sum(c for c, _ in words) / len(words) if words else 0.0
        return mean, sum(1 for c, t in words if c >= 70 and len(t) >= 2)

    (mean_as_is, good_as_is), (mean_turned, good_turned) = reading(strip), reading(rotate_orthogonal(strip, 180))
    # Ruled registers read poorly either way; there the count of confidently
    # read words still tells the two apart.
    return mean_turned > mean_as_is + 5 or (good_turned >= 2 * good_as_is and good_turned >= good_as_is + 3)


def rotate_orthogonal(arr: np.ndarray, degrees_cw: int) -> np.ndarray:
    """Turn the image clockwise by a multiple of 90 degrees."""
    k = (degrees_cw // 90) % 4
    if k == 0:
        return arr
    codes = {1: cv2.ROTATE_90_CLOCKWISE, 2: cv2.ROTATE_180, 3: cv2.ROTATE_90_COUNTERCLOCKWISE}
    return cv2.rotate(arr, codes[k])


# --------------------------------------------------------------------------- skew


# The widest angle the sideways test searches the rows' and columns' profiles over, degrees.
SIDEWAYS_MAX_ANGLE = 10.0
# The copy the skew is measured on: 0.05 deg over 1400 px is about one pixel.
SKEW_SIDE = 1400


def _ink_points(gray: np.ndarray, max_side: int) -> tuple[np.ndarray, np.ndarray, tuple[int, int]] | None:
    small, _ = shrink(gray, max_side)
    return _mask_points(small)


def _profile_score(ys: np.ndarray, xs: np.ndarray, shape: tuple[int, int], angle: float) -> float:
    """Sharpness of the ink's row profile after turning the page clockwise by ``angle``."""
    h, w = shape
    proj = ys + (xs - w / 2) * np.tan(np.deg2rad(angle)) + w
    hist = np.bincount(np.clip(proj.astype(np.int64), 0, 2 * (h + w)), minlength=2 * (h + w) + 1)
    d = np.diff(hist.astype(np.float64))
    return float((d * d).sum())


def _best_angle(ys, xs, shape, max_angle: float) -> tuple[float, float]:
    coarse = np.arange(-max_angle, max_angle + 1e-9, 0.5)
    scores = [_profile_score(ys, xs, shape, a) for a in coarse]
    best = float(coarse[int(np.argmax(scores))])
    fine = np.arange(best - 0.5, best + 0.5 + 1e-9, 0.05)
    scores = [_profile_score(ys, xs, shape, a) for a in fine]
    i = int(np.argmax(scores))
    return round(float(fine[i]), 2), scores[i]


def estimate_skew(gray: np.ndarray, max_angle: float = 10.0, max_side: int = SKEW_SIDE) -> float:
    """Angle in degrees the text lines are turned counter-clockwise (as seen on
    screen); 0.0 when the page has too little ink to tell.

    Projection profile: for each candidate angle the ink pixels are projected
    onto the page's vertical axis; text lines give the sharpest profile (largest
    sum of squared row differences) when the angle matches. A coarse search in
    0.5 deg steps is refined in 0.05 deg steps, on a copy at most ``max_side``
    pixels long (0.05 deg over 1400 px is about one pixel).
    """
    pts = _ink_points(gray, max_side)
    if pts is None:
        return 0.0
    return _best_angle(*pts, max_angle)[0]


def is_sideways(gray: np.ndarray, max_side: int = 1000, margin: float = 1.5) -> bool:
    """True when the text lines run top-to-bottom (page turned 90 or 270 degrees).

    Compares the best projection profile along rows with the best along
    columns; lines of text make one of them much sharper. Cheap (no OCR), and
    it works on skewed pages, where Tesseract's OSD is unreliable. Measured
    column/row sharpness: sideways text pages >= 1.88, upright <= 0.50, random
    scribbles 1.13 and noise 1.24, hence the margin of 1.5.
    """
    return sideways_and_skew(gray, margin, max_side)[0]


def sideways_and_skew(gray: np.ndarray, margin: float = 1.5, max_side: int = SKEW_SIDE) -> tuple[bool, float]:
    """(``is_sideways``, the skew ``estimate_skew(gray, SIDEWAYS_MAX_ANGLE)`` gives) from one copy of the
    page's ink: the rows' angle search of the sideways test is the skew search, so a page found upright
    need not be searched again."""
    pts = _ink_points(gray, max_side)
    if pts is None:
        return False, 0.0
    ys, xs, (h, w) = pts
    angle, rows = _best_angle(ys, xs, (h, w), SIDEWAYS_MAX_ANGLE)
    _, cols = _best_angle(xs, ys, (w, h), SIDEWAYS_MAX_ANGLE)
    return cols > rows * margin, angle


def _mask_points(small: np.ndarray) -> tuple[np.ndarray, np.ndarray, tuple[int, int]] | None:
    """The ink pixels' coordinates of an already shrunk page (at most 150,000 of them, the same sample each
    time), or None when there is too little ink to measure an angle on."""
    ys, xs = np.nonzero(ink_mask(small))
    if len(xs) < 200:
        return None
    if len(xs) > 150_000:
        idx = np.random.default_rng(0).choice(len(xs), 150_000, replace=False)
        ys, xs = ys[idx], xs[idx]
    return ys.astype(np.float64), xs.astype(np.float64), small.shape


def _sharpest(ys, xs, shape, angles: np.ndarray) -> tuple[float, float]:
    scores = [_profile_score(ys, xs, shape, a) for a in angles]
    i = int(np.argmax(scores))
    return float(angles[i]), scores[i]


# How far around the quarter-size copy's best angle the full search's 0.5 degree grid is tried again on the
# copy it measures, degrees: one step either side, as a quarter-size copy's best may lie a step off.
FINE_REACH = 0.75


def look_skew(look: Look, gray: np.ndarray, max_angle: float = 10.0) -> float:
    """``estimate_skew`` coarse to fine: the rows' angle searched in 0.5 degree steps on the quarter-size copy
    (about a sixth of the ink points of the copy ``estimate_skew`` uses), then refined on ``estimate_skew``'s
    own copy near that answer only (the same angle, from about a third of its profiles). A page with too little ink for the quarter-size copy is
    measured as before."""
    return look_sideways_and_skew(look, gray, max_angle, sideways=False)[1]


def look_sideways_and_skew(look: Look, gray: np.ndarray, max_angle: float = SIDEWAYS_MAX_ANGLE,
                           margin: float = 1.5, sideways: bool = True) -> tuple[bool, float]:
    """``sideways_and_skew`` coarse to fine (see ``look_skew``): the columns' angle is searched on the
    quarter-size copy beside the rows', and a page found sideways is not refined (it is turned and
    measured again). ``sideways=False``: the skew alone."""
    coarse = _mask_points(look.quarter)
    if coarse is None:
        if sideways and max_angle == SIDEWAYS_MAX_ANGLE:
            return sideways_and_skew(gray, margin)
        return False, estimate_skew(gray, max_angle=max_angle)
    ys, xs, (h, w) = coarse
    steps = np.arange(-max_angle, max_angle + 1e-9, 0.5)
    best, rows = _sharpest(ys, xs, (h, w), steps)
    if sideways and _sharpest(xs, ys, (w, h), steps)[1] > rows * margin:
        return True, 0.0
    # Refined on the very copy ``estimate_skew`` measures (the half-size copy of a small page has fewer
    # pixels, and its best angle could sit a step off): its 0.5 degree grid near the quarter-size copy's best,
    # then the same 0.05 degree steps around that, so the page is turned by the angle the full search finds.
    fine = _ink_points(gray, SKEW_SIDE)
    if fine is None:
        return False, round(best, 2)
    near = steps[np.abs(steps - best) <= FINE_REACH + 1e-9]
    refined, _ = _sharpest(*fine, near)
    finer = np.arange(refined - 0.5, refined + 0.5 + 1e-9, 0.05)
    return False, round(_sharpest(*fine, finer)[0], 2)


def look_upright_ratio(look: Look, height: float | None) -> float | None:
    """``upright_ratio`` on the half-size copy, for pages whose letters are still at least 10 pixels tall
    there (a 300 dpi page's are 13; the full test brings them to 16); None when they are not."""
    if not height or height / 2 < 10:
        return None
    return look.once(("upright_ratio", height), lambda: upright_ratio(look.half, height / 2))


def upright_ratio(gray: np.ndarray, height: float | None = None) -> float | None:
    """Ink above the letters' core band over ink below it, line by line.

    Vietnamese print carries most of its extra ink above the x-height band
    (tone and vowel marks, capitals, digits, ascenders) and little below
    (descenders, the dot below): upright pages give a ratio well above 1,
    upside-down pages its inverse. ``None`` when there are no text lines.
    Cheap enough to skip Tesseract's OSD whenever the answer is clear.
    """
    h = height or text_height(gray)
    if not h:
        return None
    f = min(1.0, 16.0 / h)
    small = rescale(gray, f) if f < 0.98 else gray
    hs = h * f
    mask = ink_mask(small).astype(np.uint8)
    # Rules would join a table's rows into one block: drop long straight ink.
    long = int(hs * 4)
    flat = cv2.morphologyEx(mask, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (long, 1)))
    tall = cv2.morphologyEx(mask, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, long)))
    mask = cv2.subtract(mask, cv2.dilate(flat | tall, np.ones((3, 3), np.uint8)))
    prof = mask.sum(axis=1).astype(np.float64)
    rows = np.nonzero(prof > 0)[0]
    if len(rows) < 3:
        return None
    # Lines: runs of inked rows, bridging the small gaps between letters and their marks.
    breaks = np.nonzero(np.diff(rows) > max(2, hs * 0.3))[0]
    starts = np.concatenate(([rows[0]], rows[breaks + 1]))
    ends = np.concatenate((rows[breaks], [rows[-1]]))
    above = below = 0.0
    for a, b in zip(starts, ends):
        seg = prof[a:b + 1]
        if b - a + 1 < hs * 0.6 or b - a + 1 > hs * 3.5:
            continue  # a stray mark, or several lines run together
        core = np.nonzero(seg >= 0.5 * seg.max())[0]
        above += seg[:core[0]].sum()
        below += seg[core[-1] + 1:].sum()
    if above + below == 0:
        return None
    return float((above + 1) / (below + 1))


def osd_input(gray: np.ndarray, target_height: float = 20.0, height: float | None = None) -> np.ndarray:
    """A small black-on-white copy of the page for OSD: characters about
    ``target_height`` px tall, Otsu-binarized. ``height``: the page's text
    height if already measured."""
    h = height or text_height(gray)
    f = min(1.0, target_height / h) if h else min(1.0, 1600 / max(gray.shape))
    small = rescale(gray, f) if f < 0.98 else gray
    return binarize(small, "otsu")


def rotate_small(arr: np.ndarray, angle: float, fill: int = 255) -> np.ndarray:
    """Turn the image clockwise by ``angle`` degrees (undoing a counter-clockwise
    skew of ``angle``), growing the canvas so no corner is cut."""
    if abs(angle) < 0.05:
        return arr
    h, w = arr.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), -angle, 1.0)
    cos, sin = abs(m[0, 0]), abs(m[0, 1])
    nw, nh = int(round(h * sin + w * cos)), int(round(h * cos + w * sin))
    m[0, 2] += (nw - w) / 2
    m[1, 2] += (nh - h) / 2
    border = (fill,) * (3 if arr.ndim == 3 else 1)
    return cv2.warpAffine(arr, m, (nw, nh), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                          borderValue=border)


# --------------------------------------------------------------------------- resolution


def image_dpi(image: Image.Image) -> int | None:
    """Resolution the scanner recorded, if plausible."""
    dpi = image.info.get("dpi")
    if not dpi:
        return None
    try:
        value = round(float(dpi[0]))
    except (TypeError, ValueError, IndexError):
        return None
    return value if 70 <= value <= 2400 else None


def estimate_dpi(gray: np.ndarray, body_pt: float = 11.0, height: float | None = None) -> int | None:
    """Resolution guessed from text height, assuming body text of ``body_pt`` points
    (the letters measured by ``text_height`` are about 0.6 of the point size)."""
    h = height or text_height(gray)
    if h is None:
        return None
    return int(round(h / (body_pt * 0.6 / 72)))


def scale_factor(gray: np.ndarray, target_height: float = 26.0, low: float = 18.0, high: float = 48.0,
                 height: float | None = None) -> float:
    """Factor to bring the median character height into [low, high] pixels.

    Tesseract's LSTM models read best with lower-case letters about 20-30 px
    tall (300 dpi body text); small text (200 dpi, faxes) is enlarged, huge
    text (600 dpi scans) reduced, which also saves time. ``height``: the
    page's text height if already measured (a component pass saved).
    """
    h = height or text_height(gray)
    if h is None or low <= h <= high:
        return 1.0
    return float(np.clip(target_height / h, 0.25, 4.0))


def rescale(arr: np.ndarray, factor: float) -> np.ndarray:
    if abs(factor - 1.0) < 0.02:
        return arr
    interp = cv2.INTER_CUBIC if factor > 1 else cv2.INTER_AREA
    return cv2.resize(arr, None, fx=factor, fy=factor, interpolation=interp)


# --------------------------------------------------------------------------- clean-up


def normalize_background(gray: np.ndarray, kernel: int = 0, small: np.ndarray | None = None) -> np.ndarray:
    """Flatten uneven lighting and yellowing: divide by an estimate of the paper.

    The paper is estimated by a grey closing (text is thinner than the kernel,
    so it disappears) on a quarter-size copy (``small``: the page's look's, when
    at hand), then smoothed and enlarged back.
    """
    h, w = gray.shape
    if small is None:
        small = cv2.resize(gray, (max(1, w // 4), max(1, h // 4)), interpolation=cv2.INTER_AREA)
    bg, k = paper_closing(small, kernel)
    bg = cv2.GaussianBlur(bg, (0, 0), k)
    bg = cv2.resize(np.maximum(bg, 1), (w, h), interpolation=cv2.INTER_LINEAR)
    return cv2.divide(gray, bg, scale=255)


def paper_noise(gray: np.ndarray, band: int = 0, every: int = 1) -> float:
    """The grain of the paper: the standard deviation of the grey page minus its 3x3 median, over paper
    pixels (light, and at least 3 pixels from anything darker: the edges of strokes and thin rules are no
    noise). 0 on a clean scan; after background normalisation, as the steps run.

    ``band``/``every``: measured on bands of ``band`` rows, one in every ``every`` (each with 4 rows more on
    either side, so the 7x7 test for nearby ink sees what lies beyond the band): the grain is the same all
    over a scan, and a quarter of the rows cost a quarter of the time (about 6 ms on a 300 dpi page instead of
    24), which is what every clean page pays for the measure. 0: the whole page."""
    if band <= 0 or every <= 1 or gray.shape[0] <= band * every:
        ok, residual = _paper_residual(gray)
        return float(np.std(residual[ok])) if ok.any() else 0.0
    total = squares = count = 0.0
    for y in range(0, gray.shape[0], band * every):
        top, bottom = max(0, y - 4), min(gray.shape[0], y + band + 4)
        ok, residual = _paper_residual(gray[top:bottom])
        inner = slice(y - top, y - top + band)
        values = residual[inner][ok[inner]].astype(np.float64)
        total, squares, count = total + values.sum(), squares + (values * values).sum(), count + values.size
    if not count:
        return 0.0
    mean = total / count
    return float(np.sqrt(max(squares / count - mean * mean, 0.0)))


def _paper_residual(gray: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(paper pixels, the page minus its 3x3 median) for ``paper_noise``."""
    paper = cv2.erode((cv2.blur(gray, (3, 3)) > 190).astype(np.uint8), np.ones((7, 7), np.uint8)) > 0
    return paper, gray.astype(np.int16) - cv2.medianBlur(gray, 3).astype(np.int16)


def holds_letters(gray: np.ndarray) -> bool:
    """Whether the page holds letter-sized ink well darker than its paper's grain: what tells a page of print
    the engine read nothing of from an empty page, grainy or not. Ink here is what lies below the page's
    median grey by six times its spread (the median absolute deviation, as a standard deviation: the paper's
    grain, since ink covers a few per cent of a page at most) and by at least 40 grey levels, which grain
    reaches once in millions of pixels and print, faded as it may be, does; letters are its components of a
    letter's size and shape, at least 20 of them (the text height's test, ``_component_height``). Otsu's
    threshold, which the text height uses, sits in the middle of the grain on a page of grain alone."""
    if gray.size == 0:
        return False
    paper = grey_median(gray)
    spread = 1.4826 * grey_median(cv2.absdiff(gray, np.full_like(gray, int(round(paper)))))
    mask = (gray < paper - max(40.0, 6.0 * spread)).astype(np.uint8)
    _n, _labels, stats, _centres = cv2.connectedComponentsWithStats(mask, connectivity=8)
    return _component_height(stats, gray.shape[0]) is not None


def strokes_kept(gray: np.ndarray, smoothed: np.ndarray) -> float | None:
    """The share of the page's strokes that ``smoothed`` (its 3x3 median) keeps: the ink of a softened copy
    (``soften``: the grain's amplitude halved, every stroke's ink kept) that is still ink in ``smoothed``, both
    at the softened copy's Otsu threshold. A 3x3 median keeps a stroke wider than half its window and wipes
    out a thinner one with the grain, so this measures the strokes' width where it matters, at 1.5 pixels,
    which a count of whole pixels (twice the ink's area over its edge, say) cannot tell apart: such a count
    gives 2 for a stroke of 1 pixel and of 2 alike, and about 2.2 for the grain a median leaves of the first.
    Measured: lines 1 pixel wide under grain keep 0.17, 2 pixels and more 0.998; the grainy pages of
    scripts/bench_ocr.py and scripts/bench_extract.py 0.65-0.97. ``None`` on a page without ink."""
    soft = soften(gray)
    if int(soft.max()) - int(soft.min()) < 40:
        return None
    t, _ = cv2.threshold(soft, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    ink = (soft <= t).astype(np.uint8)
    total = int(cv2.countNonZero(ink))
    if not total:
        return None
    return cv2.countNonZero(ink & (smoothed <= t).astype(np.uint8)) / total


def rule_mask(gray: np.ndarray, height: float | None = None) -> np.ndarray:
    """The ruled lines of ``gray``, widened by a pixel on each side: its ink (Otsu) in runs, across or down, at
    least as long as ``remove_lines`` asks of a rule (five letters, 40 pixels at least). Empty without ink."""
    mask = ink_mask(gray).astype(np.uint8)
    if not mask.any():
        return mask.astype(bool)
    length = int(max(40, (height or text_height(gray) or 20) * 5))
    found = cv2.morphologyEx(mask, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, length)))
    found |= cv2.morphologyEx(mask, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1)))
    return cv2.dilate(found, np.ones((3, 3), np.uint8)).astype(bool)


def with_rules_kept(gray: np.ndarray, smoothed: np.ndarray, height: float | None = None) -> np.ndarray:
    """``smoothed`` (``gray``'s 3x3 median) with the ruled lines of ``gray`` whole again. A median wipes out a
    line narrower than half its window, and the rules of a 200 dpi register are a pixel wide: with the grain it
    broke them into dashes shorter than the ``lines`` step's rule, which then left them on the page for the
    engine to read as letters and as the edges of cells, in another order (docs/ocr.md). The rules are found
    on the softened page (``soften``: the grain halved, a one-pixel line kept whole) and take its pixels; the
    median is kept everywhere else."""
    soft = soften(gray)
    rules = rule_mask(soft, height)
    if not rules.any():
        return smoothed
    out = smoothed.copy()
    out[rules] = soft[rules]
    return out


def soften(gray: np.ndarray, sigma: float = 0.7) -> np.ndarray:
    """A light Gaussian blur: the grain's amplitude falls by about half while a thin stroke keeps its ink (spread
    over a pixel more), where a median would remove the stroke with the grain."""
    return cv2.GaussianBlur(gray, (0, 0), sigma)


def denoise(gray: np.ndarray, method: str = "median", height: float | None = None) -> np.ndarray:
    """``median``: 3x3 median (salt-and-pepper, JPEG ringing);
    ``despeckle``: drop isolated ink specks smaller than a diacritic dot."""
    if method == "median":
        return cv2.medianBlur(gray, 3)
    if method == "despeckle":
        return despeckle(gray, height=height)
    if method in ("", "none"):
        return gray
    raise ValueError(f"unknown denoise method {method!r}")


def despeckle(gray: np.ndarray, max_area: int = 0, height: float | None = None) -> np.ndarray:
    """Drop isolated ink specks smaller than (0.08 x letter height)^2 pixels:
    scanner dust and speckle, smaller than any diacritic dot."""
    if max_area:
        mask = ink_mask(gray).astype(np.uint8)
        n, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
        small = stats[:, cv2.CC_STAT_AREA] <= max_area
        small[0] = False
        out = gray.copy()
        out[small[labels]] = 255
        return out
    return clean_components(gray, height=height, specks=True, leaders=False)


def binarize(gray: np.ndarray, method: str = "none", window: int = 0, k: float = 0.2,
             height: float | None = None) -> np.ndarray:
    """Black text on white. ``otsu`` (one global threshold), ``adaptive``
    (local mean minus a constant), ``sauvola`` (local mean and deviation), or
    ``none`` (leave the grey image to Tesseract's own Otsu)."""
    if method in ("", "none"):
        return gray
    if method == "otsu":
        _, out = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
        return out
    win = window or int(max(15, round((height or text_height(gray) or 20) * 2.5)) | 1)
    if method == "adaptive":
        return cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_GAUSSIAN_C, cv2.THRESH_BINARY, win, 15)
    if method == "sauvola":
        g = gray.astype(np.float64)
        mean = cv2.boxFilter(g, -1, (win, win), borderType=cv2.BORDER_REFLECT)
        sq = cv2.boxFilter(g * g, -1, (win, win), borderType=cv2.BORDER_REFLECT)
        std = np.sqrt(np.maximum(sq - mean * mean, 0))
        thresh = mean * (1 + k * (std / 128.0 - 1))
        return np.where(g > thresh, 255, 0).astype(np.uint8)
    raise ValueError(f"unknown binarization {method!r}")


# --------------------------------------------------------------------------- lines


def remove_lines(gray: np.ndarray, min_length: int = 0, height: float | None = None,
                 vertical: bool = True, horizontal: bool = False, precheck: bool = True) -> np.ndarray:
    """Whiten ruled lines: by default the vertical rules of tables and registers.

    Rules are ink that survives an opening with a long thin kernel, sought in
    the full page only when a copy four times shorter has a run that long
    (``precheck``; same result, a page without rules skips the full pass). Tesseract
    reads a vertical rule beside a word as ``|`` or ``l``, and rules touching
    letters spoil them. Horizontal rules are kept by default: without them
    Tesseract reads a register column by column instead of row by row
    (measured, docs/ocr.md). With the vertical rules go the sides of boxed
    cells one row tall, shorter than a rule but standing on one
    (``ocr/box_sides.py``).
    """
    mask = ink_mask(gray).astype(np.uint8)
    if not mask.any():
        return gray
    h = height or text_height(gray) or 20
    length = min_length or int(max(40, h * 5))
    found = np.zeros_like(mask)
    if vertical and (not precheck or may_have_vertical_runs(mask, length)):
        found |= cv2.morphologyEx(mask, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, length)))
    side = min(length, side_length(h))
    if vertical and (not precheck or may_have_vertical_runs(mask, side)):
        found |= box_sides(mask, side, length)  # the sides of boxes one row tall, shorter than a rule (box_sides)
    if horizontal:
        found |= cv2.morphologyEx(mask, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1)))
    if not found.any():
        return gray
    out = gray.copy()
    out[cv2.dilate(found, np.ones((3, 3), np.uint8)).astype(bool)] = 255
    return out


def may_have_vertical_runs(mask: np.ndarray, length: int, pool: int = 4) -> bool:
    """Whether ``mask`` may hold a vertical run of ``length`` ink pixels, tested on a copy
    ``pool`` times shorter (the maximum over each ``pool`` rows).

    A run of ``length`` pixels covers at least ``length // pool - 1`` whole pooled
    rows, so when the pooled copy has no such run the full-size opening would
    find nothing either: a page without rules skips it, with the same result.
    """
    rows = mask.shape[0] // pool * pool
    short = length // pool - 1
    if rows == 0 or short < 2:
        return True
    pooled = mask[:rows].reshape(rows // pool, pool, mask.shape[1]).max(axis=1)
    if mask.shape[0] > rows:
        pooled = np.vstack([pooled, mask[rows:].max(axis=0, keepdims=True)])
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (1, short))
    return bool(cv2.morphologyEx(pooled, cv2.MORPH_OPEN, kernel).any())


def remove_leaders(gray: np.ndarray, height: float | None = None) -> np.ndarray:
    """Whiten dotted leader lines (the blanks of a form: ``Họ và tên: ......``).

    Tesseract reads a row of dots as a string of junk letters. Leaders are
    runs of small dots on one baseline: the dots-only mask is closed along the
    row and long flat results are kept. Diacritics are small too, but they do
    not line up in long even runs at one height.
    """
    return clean_components(gray, height=height, specks=False, leaders=True)


def clean_components(gray: np.ndarray, height: float | None = None, specks: bool = True,
                     leaders: bool = True, precheck: bool = True) -> np.ndarray:
    """``despeckle`` and ``remove_leaders`` sharing one connected-component pass.

    ``precheck``: look for leaders in the pixels only when the dots' boxes could
    line up into one (``may_have_dot_rows``); the result is the same either way."""
    mask = ink_mask(gray).astype(np.uint8)
    if not mask.any():
        return gray
    h = height or text_height(gray) or 20
    # Dots of a typewriter (mono) leader are a whole letter apart.
    gap = int(max(3, h * 1.5))
    # Components lie where the ink is: the pass runs on the box around it, a third to a half less of a
    # register page than the whole. The box is widened by what the leader search's closing and opening
    # reach, so they see what they would see on the whole page: the same components, the same result.
    x0, y0, x1, y1 = mask_window(mask, reach=gap + int(h * 4) + 2)
    whole = gray
    gray, mask = gray[y0:y1, x0:x1], mask[y0:y1, x0:x1]
    n, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    if n < 2:
        return whole
    ch, cw, area = stats[:, cv2.CC_STAT_HEIGHT], stats[:, cv2.CC_STAT_WIDTH], stats[:, cv2.CC_STAT_AREA]
    drop = np.zeros(n, dtype=bool)
    if specks:
        drop |= area <= max(2, int((h * 0.08) ** 2))
    if leaders:
        dots = (ch <= h * 0.35) & (cw <= h * 0.45) & (area >= 2)
        dots[0] = False
        if dots.sum() >= 6 and (not precheck or may_have_dot_rows(stats[dots], gap, int(h * 4))):
            dot_mask = dots[labels].astype(np.uint8)
            joined = cv2.morphologyEx(dot_mask, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (gap, 1)))
            runs = cv2.morphologyEx(joined, cv2.MORPH_OPEN,
                                    cv2.getStructuringElement(cv2.MORPH_RECT, (int(h * 4), 1)))
            if runs.any():
                runs = cv2.dilate(runs, np.ones((3, 3), np.uint8))
                hit = np.zeros(n, dtype=bool)
                hit[np.unique(labels[(runs > 0) & (dot_mask > 0)])] = True
                drop |= hit & dots
    drop[0] = False
    if not drop.any():
        return whole
    out = whole.copy()
    out[y0:y1, x0:x1] = paint_components(gray, labels, stats, drop)
    return out


def mask_window(mask: np.ndarray, reach: int = 0) -> tuple[int, int, int, int] | None:
    """``(x0, y0, x1, y1)`` around every set pixel of ``mask``, widened by ``reach`` on each side and kept inside
    the image; None when none is set. Passes that reach less than ``reach`` pixels give the same result inside
    it as on the whole image: outside it there is nothing for them to see or to spread to."""
    rows = np.flatnonzero(mask.any(axis=1))
    if rows.size == 0:
        return None
    cols = np.flatnonzero(mask[rows[0]:rows[-1] + 1].any(axis=0))
    H, W = mask.shape[:2]
    return (max(0, int(cols[0]) - reach), max(0, int(rows[0]) - reach), min(W, int(cols[-1]) + 1 + reach),
            min(H, int(rows[-1]) + 1 + reach))


def paint_components(gray: np.ndarray, labels: np.ndarray, stats: np.ndarray, drop: np.ndarray) -> np.ndarray:
    """``gray`` with the components marked in ``drop`` painted white.

    A few components are painted inside their own boxes; many (a noisy page's
    specks) in one pass over the page, which then costs less than the boxes.
    """
    out = gray.copy()
    ids = np.flatnonzero(drop)
    boxes = stats[ids]
    if len(ids) > 200 or int((boxes[:, 2] * boxes[:, 3]).sum()) > gray.size // 8:
        out[drop[labels]] = 255
        return out
    for i, (x, y, w, hgt) in zip(ids, boxes[:, :4]):
        window = out[y:y + hgt, x:x + w]
        window[labels[y:y + hgt, x:x + w] == i] = 255
    return out


def may_have_dot_rows(dot_stats: np.ndarray, gap: int, length: int) -> bool:
    """Whether small dots may line up into a leader: a run at least ``length`` pixels long
    on one pixel row, dots at most ``gap`` pixels apart (what the closing and opening in
    ``clean_components`` look for), judged from the dots' boxes alone.

    The dots of one run all cross one pixel row, so each pair of them overlaps
    in height; runs are sought among dots grouped by their top row in bands as
    tall as the tallest dot, each band with the next (so no run is split). A
    page with no such run (most pages without forms' blanks: diacritics do not
    line up this far) skips two full-page morphology passes, with the same result.
    """
    if len(dot_stats) == 0:
        return False
    x, y, w, hgt = (dot_stats[:, k].astype(np.int64) for k in range(4))
    band = max(1, int(hgt.max()))
    bands = y // band
    order = np.lexsort((x, bands))
    x, w, bands = x[order], w[order], bands[order]
    for b in np.unique(bands):
        sel = (bands == b) | (bands == b + 1)
        if sel.sum() < 2:
            continue
        xs, ws = x[sel], w[sel]
        o = np.argsort(xs, kind="stable")
        xs, ends = xs[o], xs[o] + ws[o]
        # Runs of boxes whose gaps are at most ``gap``: where a gap is wider, a new run starts.
        reach = np.maximum.accumulate(ends)
        starts = np.concatenate(([True], xs[1:] - reach[:-1] > gap))
        run_id = np.cumsum(starts) - 1
        first = xs[starts]
        last = np.zeros(len(first), dtype=np.int64)
        np.maximum.at(last, run_id, ends)
        if ((last - first) >= length).any():
            return True
    return False


# --------------------------------------------------------------------------- text clean-up

_LEADER_WORD = re.compile(r"^[.\u2026_\-\u00b7:,'`\u2019]{3,}$")


def is_leader_word(text: str) -> bool:
    """A "word" that is only dots, underscores or dashes: the blank of a form."""
    return bool(_LEADER_WORD.match(text))
