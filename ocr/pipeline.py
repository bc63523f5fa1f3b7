"""The OCR stages for one page, and for one local file, wired together.

``ocr_image`` is what a worker runs on a page image; ``ocr_file`` is what
``sohoa ocr FILE`` and the benchmarks run on a local file with no services.
Both are plain functions: image in, ``PageText`` out.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import numpy as np
from PIL import Image

from sohoa.config import Config
from sohoa.errors import LimitExceeded, StageTimeout, classify

from . import preprocess as pp
from .models import tessdata_dir
from .engine import OcrEngine, PageInput, engine_named, recognize_all
from .digit_reread import WHITELIST, digit_strip, number_words, with_digits_reread
from .recover import recovery_strip, with_recovered, words_from_strip
from .result import PageText, Word
from .steps import Page, PageContext, Pipeline, StepError, pipeline_for, run_pipeline, step_name, step_names
from .sources import SourceInfo, detect_kind, inspect, page_image, set_pixel_limit
from .textlayer import pdf_text_layer, text_page

log = logging.getLogger(__name__)

# The switchable steps, in the order they run (ocr/steps.py). See docs/ocr.md for
# what each does and the measurements behind DEFAULT_STEPS.
STEPS = step_names()
# White kept around the ink when the page is cropped for Tesseract, in pixels.
CROP_MARGIN = 32
# `smooth` measures every page's grain (a few ms) and smooths only grainy ones, by their strokes' width (ocr/steps.py).
DEFAULT_STEPS = ("stamps", "border", "background", "orient", "deskew", "smooth", "scale", "denoise", "lines", "leaders")


@dataclass(frozen=True)
class OcrOptions:
    languages: str = "vie"
    dpi: int = 300
    timeout: float = 180
    psm: int = 3
    max_pages: int = 2000
    max_pixels: int = 20000 * 20000
    low_confidence: float = 0.6  # mean word confidence under which a page goes to review
    model: str = "fast"  # fast, best, or a tessdata directory (ocr/models.py)
    model_dir: str = ""  # cache for the 'best' model; empty for .stack/tessdata
    # Step specifications, a name with options after colons (``binarize:method=otsu``): ocr/steps.py.
    steps: tuple[str, ...] = DEFAULT_STEPS
    binarize: str = "none"
    denoise: str = "despeckle"
    osd_confidence: float = 2.0  # OSD confidence needed before a page is turned
    force_ocr: bool = False  # OCR PDF pages that already carry a text layer
    engine: str = "tesseract"  # what reads the page (ocr/engine.py)
    # A page whose words are mostly below this confidence is probably not print.
    handwritten_confidence: float = 0.5
    handwritten_min_words: int = 8
    recover: bool = True  # read ink no recognised word covers once more, crop by crop (ocr/recover.py)
    # Read every number-bearing word once more, on its own, as digits (ocr/digit_reread.py). Off: on the extraction
    # benchmark it corrected digits on the dev split but not on the unseen one, and agreement raising a wrong
    # reading's confidence made confident-wrong fields (docs/benchmarks.md, "Digits read twice").
    digit_reread: bool = False
    crop: bool = True  # Tesseract reads the inked part of the page only (boxes are placed back on the page)
    # Cheap tests on the page itself before the costly pixel passes of the rule and leader
    # searches (same result; off only to measure what they save).
    prechecks: bool = True
    # Which steps a page needs, decided from one cheap look at it (ocr/steps.py: Page.look);
    # off only to measure what it saves.
    look: bool = True

    @classmethod
    def from_config(cls, config: Config) -> "OcrOptions":
        options = cls(
            languages=config.ocr_languages,
            dpi=config.ocr_dpi,
            timeout=config.ocr_timeout,
            max_pages=config.max_pages,
            max_pixels=config.max_pixels,
            low_confidence=config.ocr_min_confidence,
            model=config.ocr_model,
            model_dir=config.ocr_model_dir,
            steps=config.ocr_steps,
            binarize=config.ocr_binarize,
            denoise=config.ocr_denoise,
            osd_confidence=config.ocr_osd_confidence,
            force_ocr=config.ocr_force,
            engine=config.ocr_engine,
            recover=config.ocr_recover,
        )
        try:
            options.pipeline()  # every step and option validated now, not on the first page
        except StepError as exc:
            raise StepError(f"SOHOA_OCR_STEPS: {exc}") from None
        return options

    def with_steps(self, *steps: str) -> "OcrOptions":
        return replace(self, steps=tuple(steps))

    def pipeline(self) -> Pipeline:
        """The preprocessing steps to run, with their options; raises ``StepError`` for a bad list."""
        return _pipeline(self.steps, self.binarize, self.denoise, self.osd_confidence)

    def step_names(self) -> frozenset[str]:
        return frozenset(step_name(s) for s in self.steps)


@lru_cache(maxsize=32)
def _pipeline(steps: tuple[str, ...], binarize: str, denoise: str, osd_confidence: float) -> Pipeline:
    # The single-purpose settings (SOHOA_OCR_BINARIZE, _DENOISE, _OSD_CONFIDENCE) are the defaults
    # of their steps' options; options written in the list win.
    return pipeline_for(steps, {"binarize": {"method": binarize}, "denoise": {"method": denoise},
                                "orient": {"osd_confidence": osd_confidence}})


def quality_flags(page: PageText, options: OcrOptions, letters: bool = False) -> list[str]:
    """Flags that send a page to review instead of passing it off as good text.

    ``blank``: no words, and no letter-sized ink either (``letters``: ``pp.holds_letters`` on the page that
    was read). ``unread``: no words although the page holds letters: print the engine could not read (heavy
    grain, faded strokes), not an empty page. ``low_confidence``: mean word confidence under
    ``options.low_confidence``. ``likely_handwritten``: many words and most of
    them very unsure -- Tesseract reads print, so handwriting, drawings and
    noise look like this. ``rotated``: the page was turned before reading
    (kept for the record; a scan fed the wrong way is worth a look).
    """
    flags = []
    words = page.words
    if not words:
        flags.append("unread" if letters else "blank")
    else:
        if page.mean_confidence < options.low_confidence:
            flags.append("low_confidence")
        unsure = sum(1 for w in words if w.confidence < options.handwritten_confidence)
        if len(words) >= options.handwritten_min_words and unsure >= 0.6 * len(words):
            flags.append("likely_handwritten")
    if page.rotation:
        flags.append("rotated")
    return flags


def _model_dir(options: OcrOptions) -> str | None:
    return tessdata_dir(options.model, Path(options.model_dir) if options.model_dir else None)


class StepClock:
    """CPU seconds spent per preprocessing step (process time, so other work on the machine does not count);
    what scripts/bench_ocr.py --step-times reports per page kind."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._last = time.process_time()

    def lap(self, step: str) -> None:
        now = time.process_time()
        self.seconds[step] = self.seconds.get(step, 0.0) + now - self._last
        self._last = now


def prepare(image: Image.Image, options: OcrOptions, clock: StepClock | None = None) -> tuple[np.ndarray, dict]:
    """Run the preprocessing steps (ocr/steps.py); (greyscale image for Tesseract, what was done).

    ``clock``, when given, is charged with each step's CPU time."""
    lap = clock.lap if clock is not None else (lambda step: None)
    pipeline = options.pipeline()
    info: dict = {"rotation": 0, "rotation_confidence": 0.0, "orientation_method": "", "skew": 0.0, "scale": 1.0,
                  "dpi": pp.image_dpi(image), "source_width": image.width, "source_height": image.height}
    page = Page(image=pp.to_array(image), info=info, steps=pipeline.names,
                context=PageContext(languages=options.languages, timeout=options.timeout,
                                    max_pixels=options.max_pixels, model_dir=_model_dir(options),
                                    prechecks=options.prechecks, look=options.look))
    lap("decode")
    run_pipeline(page, pipeline, lap)
    return page.image, page.info


def ocr_image(image: Image.Image, page: int, options: OcrOptions, source: Path | None = None,
              source_kind: str | None = None) -> PageText:
    """Preprocess and recognise one page image with the configured engine (``options.engine``).

    Boxes in the result refer to the image the engine saw (for an OCR engine
    turned, straightened and rescaled; see ``PageText``). ``source`` is the
    file the page came from, when it is at hand. Raises ``LimitExceeded`` for
    pages over ``options.max_pixels`` and ``StageTimeout`` when the page takes
    longer than ``options.timeout`` seconds in all.
    """
    engine = engine_named(options.engine)
    if not engine.preprocess:
        return _read_as_is(engine, image, page, options, source, source_kind, time.perf_counter())
    outcome = read_prepared([prepare_page(image, page, options, source, source_kind)], options)[page]
    if isinstance(outcome, Exception):
        raise outcome
    return outcome


@dataclass
class PreparedPage:
    """A page preprocessed for an OCR engine, waiting to be read, alone or with the other pages of its range.

    Only the greyscale page is kept (the second look reads it again), not the image it was made from."""

    page: int
    gray: np.ndarray
    info: dict
    box: tuple[int, int, int, int] | None  # the part of ``gray`` the engine reads; None: nothing printed
    prep_seconds: float
    timeout: float  # seconds left of ``options.timeout`` for reading the page
    source: Path | None = None
    source_kind: str | None = None

    @property
    def dpi(self) -> int | None:
        """The dpi of the image the engine reads (after rescaling)."""
        return round(self.info["dpi"] * self.info["scale"]) if self.info["dpi"] else None


def prepare_page(image: Image.Image, page: int, options: OcrOptions, source: Path | None = None,
                 source_kind: str | None = None) -> PreparedPage:
    """``image`` preprocessed (``prepare``) and the inked part the engine will read found. Raises
    ``LimitExceeded`` for a page over ``options.max_pixels``, ``StageTimeout`` when preprocessing used up
    ``options.timeout``."""
    start = time.perf_counter()
    if image.width * image.height > options.max_pixels:
        raise LimitExceeded(f"page {page} is {image.width}x{image.height} pixels, over the limit of "
                            f"{options.max_pixels}")
    gray, info = prepare(image, options)
    prep_seconds = time.perf_counter() - start
    remaining = options.timeout - prep_seconds
    if remaining <= 0.1:
        raise StageTimeout(f"page {page}: preprocessing took {prep_seconds:.0f} s of the {options.timeout:g} s allowed")
    box = pp.ink_box(gray, margin=CROP_MARGIN) if options.crop else None
    if box is None and (options.crop or not pp.ink_mask(gray).any()):
        read = None  # nothing printed: the engine is not asked
    else:
        x0, y0, x1, y1 = box or (0, 0, gray.shape[1], gray.shape[0])
        if (x1 - x0) * (y1 - y0) > 0.9 * gray.size:
            x0, y0, x1, y1 = 0, 0, gray.shape[1], gray.shape[0]  # too little margin to be worth a copy
        # Tesseract's time grows with the pixels it lays out: it reads the printed part of the
        # page only (measured on a register page: 0.49 s CPU against 0.56 s, the same text).
        read = (x0, y0, x1, y1)
    return PreparedPage(page=page, gray=gray, info=info, box=read, prep_seconds=prep_seconds, timeout=remaining,
                        source=source, source_kind=source_kind)


def _engine_input(prepared: PreparedPage, options: OcrOptions) -> PageInput:
    x0, y0, x1, y1 = prepared.box or (0, 0, prepared.gray.shape[1], prepared.gray.shape[0])
    image = Image.fromarray(prepared.gray[y0:y1, x0:x1])
    if prepared.info["dpi"]:
        image.info["dpi"] = (prepared.info["dpi"] * prepared.info["scale"],) * 2
    return PageInput(image, prepared.page, languages=options.languages, psm=options.psm, timeout=prepared.timeout,
                     model_dir=_model_dir(options), source=prepared.source, source_kind=prepared.source_kind)


def read_prepared(pages: Sequence[PreparedPage], options: OcrOptions) -> dict[int, PageText | Exception]:
    """Read prepared pages with the configured engine, together where it can: each page's result, or the error
    that page failed with.

    The engine reads the pages in one run (``recognize_all``: one Tesseract process and one model load for a
    range of a register instead of one a page); if that run fails, the pages are read again one at a time, so
    a page the engine refuses fails alone, with its own reason, and the others are read. The second look at
    uncovered ink reads the strips of every page that has one in one run too."""
    engine = engine_named(options.engine)
    results: dict[int, PageText] = {}
    failures: dict[int, Exception] = {}
    to_read = [p for p in pages if p.box is not None]
    for p, outcome in zip(to_read, _recognize_each(engine, [_engine_input(p, options) for p in to_read])):
        if isinstance(outcome, Exception):
            failures[p.page] = outcome
        else:
            x0, y0, _x1, _y1 = p.box or (0, 0, 0, 0)
            _place(outcome, x0, y0, p.gray.shape[1], p.gray.shape[0])
            results[p.page] = outcome
    for p in to_read:  # the blank test: only a page that read no word pays for it
        if p.page in results and not results[p.page].words:
            p.info["letters"] = pp.holds_letters(p.gray)
    _read_unread_again(engine, [p for p in to_read if p.page in results], results, options)
    read_lines = getattr(engine, "read_lines", None)
    if options.recover and results and read_lines is not None:  # a second look at short lone lines lost
        _recover_each(engine, read_lines, [p for p in to_read if p.page in results], results, failures, options)
    if options.digit_reread and results and read_lines is not None:  # digits of small print read twice
        _reread_digits_each(engine, [p for p in to_read if p.page in results], results, options)
    outcomes: dict[int, PageText | Exception] = {}
    for p in pages:
        if p.page in failures:
            outcomes[p.page] = failures[p.page]
            continue
        result = results.get(p.page) or PageText(page=p.page, width=p.gray.shape[1], height=p.gray.shape[0])
        outcomes[p.page] = _finish(p, result, options)
    return outcomes


class PageReader:
    """The pages of a range, read together: each page is prepared as it is added (its image can go at once, so
    a range holds greyscale pages only), and ``read`` reads them all with one engine run.

    An engine that reads the file's own text (no preprocessing) reads each page as it is added. Nothing raises:
    a page's failure, while preparing or reading, is that page's outcome."""

    def __init__(self, options: OcrOptions):
        self.options = options
        self.engine = engine_named(options.engine)
        self.prepared: list[PreparedPage] = []
        self.outcomes: dict[int, PageText | Exception] = {}

    def add(self, page: int, image: Image.Image, source: Path | None = None, source_kind: str | None = None) -> None:
        try:
            if not self.engine.preprocess:
                self.outcomes[page] = _read_as_is(self.engine, image, page, self.options, source, source_kind,
                                                  time.perf_counter())
            else:
                self.prepared.append(prepare_page(image, page, self.options, source, source_kind))
        except Exception as exc:  # noqa: BLE001 -- the page's own failure, for its caller to record
            self.outcomes[page] = exc

    def read(self) -> dict[int, PageText | Exception]:
        """Every page added: its result, or the error it failed with."""
        prepared, self.prepared = self.prepared, []
        self.outcomes.update(read_prepared(prepared, self.options))
        outcomes, self.outcomes = self.outcomes, {}
        return outcomes


def _recognize_each(engine: OcrEngine, inputs: list[PageInput]) -> list[PageText | Exception]:
    """Each page's reading, together when the engine can; after a failed run, one at a time."""
    if len(inputs) > 1:
        try:
            return list(recognize_all(engine, inputs))
        except Exception as exc:  # noqa: BLE001 -- which page failed, and why, is found by reading them alone
            log.info("a run of %d pages failed (%s); reading them one at a time", len(inputs), classify(exc)[0])
    outcomes: list[PageText | Exception] = []
    for page in inputs:
        try:
            outcomes.append(engine.recognize(page))
        except Exception as exc:  # noqa: BLE001 -- the page's own failure, for its caller to record
            outcomes.append(exc)
    return outcomes


def _read_unread_again(engine: OcrEngine, pages: list[PreparedPage], results: dict[int, PageText],
                       options: OcrOptions) -> None:
    """A page the engine read no word of although it holds letters (``pp.holds_letters``) is read once more, smoothed
    (a 3x3 median, ``pp.denoise``) when preprocessing left its grain: Tesseract's layout analysis can take a
    whole grainy page for a picture and return nothing, while the same page without its grain reads (a
    level-3 page of faint monospaced print: nothing, then every line). The second reading is kept when it
    finds words; a page that still reads nothing is flagged ``unread``, not ``blank`` (``quality_flags``)."""
    for p in pages:
        if results[p.page].words or not p.info.get("letters") or p.info.get("smoothed"):
            continue
        smoothed = replace(p, gray=pp.denoise(p.gray, "median"))
        try:
            again = engine.recognize(_engine_input(smoothed, options))
        except Exception as exc:  # noqa: BLE001 -- the first reading stands; why the second failed is logged
            log.info("reading page %d again failed (%s)", p.page, classify(exc)[0])
            continue
        p.info["read_again"] = "no words on a page with letter-sized ink"
        if again.words:
            x0, y0, _x1, _y1 = p.box or (0, 0, 0, 0)
            _place(again, x0, y0, p.gray.shape[1], p.gray.shape[0])
            again.seconds += results[p.page].seconds
            results[p.page] = again
            p.gray = smoothed.gray  # the second look at uncovered ink reads the page that was read


def _recover_each(engine: OcrEngine, read_lines: Callable[..., list[Word]], pages: list[PreparedPage],
                  results: dict[int, PageText], failures: dict[int, Exception], options: OcrOptions) -> None:
    """The words found on each page's uncovered ink added to its result (ocr/recover.py); the strips of all pages
    read in one run when the engine can (``read_lines_many``), else, or after a failed run, page by page. A page
    whose strip fails moves from ``results`` to ``failures``."""
    start = time.perf_counter()
    strips = {p.page: s for p in pages if (s := recovery_strip(p.gray, results[p.page].words)) is not None}
    if not strips:
        return
    by_page = {p.page: p for p in pages}
    languages, model_dir = options.languages, _model_dir(options)
    readings: dict[int, list[Word]] = {}
    many = getattr(engine, "read_lines_many", None)
    if many is not None and len(strips) > 1:
        try:
            read = many([(Image.fromarray(s.image), by_page[n].dpi) for n, s in strips.items()],
                        languages=languages, tessdata_dir=model_dir, timeout=min(by_page[n].timeout for n in strips))
            readings = dict(zip(strips, read))
        except Exception as exc:  # noqa: BLE001 -- read page by page below, each with its own outcome
            log.info("the second look at %d pages failed together (%s); reading them one at a time", len(strips),
                     classify(exc)[0])
    for n, s in strips.items():
        if n not in readings:
            try:
                readings[n] = read_lines(Image.fromarray(s.image), by_page[n].dpi, languages=languages,
                                         tessdata_dir=model_dir, timeout=by_page[n].timeout)
            except Exception as exc:  # noqa: BLE001 -- the page's own failure
                failures[n] = exc
                del results[n]
    share = (time.perf_counter() - start) / len(strips)
    for n, reading in readings.items():
        results[n] = with_recovered(results[n], words_from_strip(strips[n], reading))
        results[n].seconds += share


def _reread_digits_each(engine: OcrEngine, pages: list[PreparedPage], results: dict[int, PageText],
                        options: OcrOptions) -> None:
    """Each page's number-bearing words read once more, on their own, as digits, and merged (ocr/digit_reread.py); the
    strips of all pages read in one run when the engine can. A run that fails leaves the first readings as they
    are: the second reading only confirms or corrects, so a page never fails for want of it."""
    start = time.perf_counter()
    strips = {p.page: s for p in pages if (s := digit_strip(p.gray, number_words(results[p.page]))) is not None}
    if not strips:
        return
    by_page = {p.page: p for p in pages}
    many = getattr(engine, "read_lines_many", None)
    if many is None:
        return
    try:
        read = many([(Image.fromarray(s.image), _scaled(by_page[n].dpi, s.scale)) for n, s in strips.items()],
                    languages=options.languages, tessdata_dir=_model_dir(options),
                    timeout=min(by_page[n].timeout for n in strips), whitelist=WHITELIST)
    except Exception as exc:  # noqa: BLE001 -- the first readings stand
        log.info("the second reading of numbers on %d pages failed (%s)", len(strips), classify(exc)[0])
        return
    share = (time.perf_counter() - start) / len(strips)
    for (n, s), reading in zip(strips.items(), read):
        results[n] = with_digits_reread(results[n], s, reading)
        results[n].seconds += share


def _scaled(dpi: int | None, scale: float) -> int | None:
    return round(dpi * scale) if dpi else None


def _finish(prepared: PreparedPage, result: PageText, options: OcrOptions) -> PageText:
    """What the pipeline adds to an engine's reading: leader words dropped, what preprocessing did, timings and
    quality flags."""
    info = prepared.info
    if "leaders" in options.step_names():
        _drop_leader_words(result)
    result.rotation = info["rotation"]
    result.rotation_confidence = round(info["rotation_confidence"], 2)
    result.orientation_method = info["orientation_method"]
    result.skew = info["skew"]
    result.scale = info["scale"]
    result.dpi = info["dpi"]
    result.source_width, result.source_height = info["source_width"], info["source_height"]
    result.model = options.model
    result.preprocess_seconds = round(prepared.prep_seconds, 3)
    result.skipped = info.get("skipped", {})
    # The page's preprocessing and its share of the runs that read it (the engine's, the second look's).
    result.seconds = round(prepared.prep_seconds + result.seconds, 3)
    result.flags = quality_flags(result, options, letters=bool(info.get("letters")))
    return result


def _place(result: PageText, dx: int, dy: int, width: int, height: int) -> None:
    """Boxes read on a crop of the page moved back into the whole page's pixels."""
    result.width, result.height = width, height
    if not dx and not dy:
        return
    for line in result.lines:
        line.bbox = (line.bbox[0] + dx, line.bbox[1] + dy, line.bbox[2] + dx, line.bbox[3] + dy)
        for w in line.words:
            w.bbox = (w.bbox[0] + dx, w.bbox[1] + dy, w.bbox[2] + dx, w.bbox[3] + dy)


def _read_as_is(engine: OcrEngine, image: Image.Image, page: int, options: OcrOptions, source: Path | None,
                source_kind: str | None, start: float) -> PageText:
    """A page read by an engine that wants it as rasterized (a text layer's boxes match the raster, not a cleaned,
    turned image)."""
    result = engine.recognize(PageInput(image, page, languages=options.languages, psm=options.psm,
                                        timeout=options.timeout, source=source, source_kind=source_kind))
    result.seconds = round(time.perf_counter() - start, 3)
    result.flags = sorted({*result.flags, *quality_flags(result, options)})
    return result


def _drop_leader_words(result: PageText) -> None:
    """Remove "words" Tesseract read off dotted leaders and blanks of forms."""
    kept = []
    for line in result.lines:
        line.words = [w for w in line.words if not pp.is_leader_word(w.text)]
        if line.words:
            line.bbox = (min(w.bbox[0] for w in line.words), min(w.bbox[1] for w in line.words),
                         max(w.bbox[2] for w in line.words), max(w.bbox[3] for w in line.words))
            kept.append(line)
    result.lines = kept


def open_source(path: Path, options: OcrOptions) -> SourceInfo:
    set_pixel_limit(options.max_pixels)
    with open(path, "rb") as fh:
        head = fh.read(8192)
    return inspect(path, detect_kind(head), options.max_pages)


def ocr_file(path: Path, options: OcrOptions) -> Iterator[PageText]:
    """OCR every page of a local file, one page in memory at a time.

    A PDF page that already has a real text layer is taken from it instead
    (``engine='pdftotext'``), unless ``options.force_ocr``.
    """
    info = open_source(path, options)
    for n in range(1, info.pages + 1):
        if info.kind == "pdf" and not options.force_ocr:
            layer = pdf_text_layer(path, n)
            if layer is not None:
                yield text_page(layer, n, dpi=options.dpi)
                continue
        image = page_image(path, info, n, options.dpi, options.max_pixels)
        yield ocr_image(image, n, options, source=path, source_kind=info.kind)


def prepared_image(image: Image.Image, options: OcrOptions) -> Image.Image:
    """The page as Tesseract will see it (upright, straight, cleaned), with its dpi."""
    gray, info = prepare(image, options)
    out = Image.fromarray(gray)
    if info["dpi"]:
        out.info["dpi"] = (round(info["dpi"] * info["scale"]),) * 2
    return out


def searchable_pdf_file(path: Path, out_path: Path, options: OcrOptions) -> Path:
    """A searchable PDF of a whole local file: each page preprocessed, then one
    Tesseract run writes image and invisible text layer for all pages."""
    from .output import searchable_pdf

    info = open_source(path, options)
    pages = (prepared_image(page_image(path, info, n, options.dpi, options.max_pixels), options)
             for n in range(1, info.pages + 1))
    return searchable_pdf(pages, out_path, languages=options.languages, tessdata_dir=_model_dir(options),
                          timeout=options.timeout * info.pages, psm=options.psm)
