"""Preprocessing steps: a registry of small functions, each with its options.

A step is registered under a name with a small frozen dataclass of options;
``pipeline_for`` turns a list of step specifications (``SOHOA_OCR_STEPS``:
``deskew,binarize:method=sauvola:k=0.3``) into the steps to run, validating
every name and option on load, so a typo stops the worker at start with a
message naming the step and the option (``StepError``), not a page later.

The steps run in the order they are registered below, whatever the order of
the list: each relies on the ones before it (stamps are told by colour, so
they go before the grey conversion; the text height is measured once the
page is straight; scaling uses it). Steps marked ``always`` are not
switchable: the grey conversion, the text height and the resolution guess.

Every step works on a ``Page`` (the image and what was done to it) and uses
the image functions of ``ocr/preprocess.py``; docs/ocr.md says what each does
and why the defaults are what they are.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

import numpy as np

from sohoa.config import BINARIZE_METHODS, DENOISE_METHODS
from sohoa.errors import LimitExceeded

from . import preprocess as pp

# Ink above / below the text lines' core beyond which a page is taken as
# upright (or, inverted, as upside down) without asking OSD; measured on the
# synthetic set: upright pages 1.47-83, upside-down 0.02-0.72.
UPRIGHT_RATIO = 2.0
# OSD confidence that, below the threshold for trusting OSD alone, still
# confirms an upside-down lean of the ink profile (measured: upside-down
# registers 1.6-3.3; degraded upright forms it was unsure of 0.2).
OSD_LEAN = 1.0
# The same measure on the half-size copy from which a page is taken as upright without the full-size test:
# upright pages of scripts/bench_ocr.py and scripts/bench_pipeline.py give 1.8-12 there against 2.6-17 at
# full size, upside-down ones at most 0.6 on both.
CLEAR_UPRIGHT = 3.0
# Paper whose brightness varies by less than this many grey levels (1st to 99th percentile, pp.paper_spread)
# is not flattened: only paper that is perfectly even (a born-digital page, a clean register scan: 0). Flattening
# pays even on slightly uneven paper: forms varying by 2 levels lost fields to OCR when it was skipped there
# (scripts/bench_extract.py, docs/benchmarks.md).
EVEN_PAPER = 1.0
# The paper's grain is measured on bands of this many rows, one in every GRAIN_EVERY (pp.paper_noise): within 0.3
# grey levels of the whole page's figure on the synthetic scans, at a quarter of the cost.
GRAIN_BAND = 64
GRAIN_EVERY = 4


class StepError(ValueError):
    """A preprocessing list that names an unknown step or gives a step a bad option."""


@dataclass(frozen=True)
class PageContext:
    """What the steps take from the OCR options as a whole (not the options of any one step)."""

    languages: str = "vie"
    timeout: float = 180
    max_pixels: int = 20000 * 20000
    model_dir: str | None = None
    # Cheap tests before costly pixel passes (same result; off only to measure what they save).
    prechecks: bool = True
    # Steps decided from one cheap look at the page (pp.Look); off only to measure what it saves.
    look: bool = True


@dataclass
class Page:
    """The page being prepared: its pixels (colour until the grey step) and what was done to it."""

    image: np.ndarray
    info: dict[str, Any]
    context: PageContext
    steps: frozenset[str]  # the switchable steps this pipeline runs
    height: float | None = None  # letter height in pixels, once measured
    specks_pending: bool = False  # despeckling left to the leaders step's component pass
    # The skew the sideways test found, with the pixels it was found on (a later step may change them).
    measured_skew: tuple[np.ndarray, float] | None = None
    # The page's look, with the pixels it was taken of: a step that changes them makes the next one look again.
    seen: tuple[np.ndarray, pp.Look] | None = None

    def look(self) -> pp.Look:
        """The look at the page as it is now (half and quarter copies, about 1 ms), taken once per image."""
        if self.seen is None or self.seen[0] is not self.image:
            self.seen = (self.image, pp.look_at(self.image))
        return self.seen[1]

    def looked(self, measure: str) -> pp.Look | None:
        """The look at the page as it is now when ``measure`` was already taken on it, else None: a step
        that would have to take it anew gains nothing over its own full pass."""
        if self.seen is not None and self.seen[0] is self.image and measure in self.seen[1].measured:
            return self.seen[1]
        return None

    def skip(self, step: str, reason: str) -> None:
        """Record that ``step`` (or part of it) was not run and why: operators see it in the page's OCR
        result (``PageText.skipped``). Measures of the page only, never its text."""
        self.info.setdefault("skipped", {})[step] = reason


# --------------------------------------------------------------------------- options


def _option_error(step: str, option: str, problem: str) -> StepError:
    return StepError(f"preprocessing step {step!r}: option {option!r} {problem}")


@dataclass(frozen=True)
class NoOptions:
    pass


@dataclass(frozen=True)
class StampsOptions:
    min_excess: int = 50  # how far red (or blue) must exceed the other channels

    def check(self) -> str | None:
        return None if 0 < self.min_excess <= 255 else "min_excess: must be between 1 and 255"


@dataclass(frozen=True)
class BorderOptions:
    min_fraction: float = 0.002  # least share of the page a dark edge region covers

    def check(self) -> str | None:
        return None if 0 < self.min_fraction < 1 else "min_fraction: must be between 0 and 1"


@dataclass(frozen=True)
class BackgroundOptions:
    kernel: int = 0  # closing kernel in quarter-size pixels; 0 from the page size

    def check(self) -> str | None:
        return None if self.kernel >= 0 else "kernel: must be 0 or more"


@dataclass(frozen=True)
class OrientOptions:
    osd_confidence: float = 2.0  # Tesseract OSD confidence needed before a page is turned

    def check(self) -> str | None:
        return None if self.osd_confidence >= 0 else "osd_confidence: must be 0 or more"


@dataclass(frozen=True)
class DeskewOptions:
    max_angle: float = 10.0  # widest skew sought, degrees
    min_angle: float = 0.1  # smaller skews are left as they are

    def check(self) -> str | None:
        if not 0 < self.max_angle <= 45:
            return "max_angle: must be above 0 and at most 45"
        return None if self.min_angle >= 0 else "min_angle: must be 0 or more"


@dataclass(frozen=True)
class SmoothOptions:
    # Grey-level noise of the paper (pp.paper_noise) from which a page is smoothed, measured where the step
    # runs: after the deskew's interpolation (which softens it), before any enlargement (which spreads each
    # grain over several pixels, where a 3x3 median no longer takes it out and the measure no longer sees it).
    # On the synthetic scans of scripts/bench_ocr.py clean 0, level 1 about 2.1, level 2 3.4-3.9, level 3
    # 5.2-6.5; on the forms of scripts/bench_extract.py level 1 about 1.8, levels 2-3 6-13.
    min_noise: float = 4.5
    # Share of the strokes' ink the median must keep (pp.strokes_kept) to be used: a 3x3 median wipes out a
    # stroke narrower than half its window with the grain. Under it the page is softened instead (pp.soften), which
    # halves the grain and keeps a thin stroke's ink. Half: lines 1 pixel wide keep 0.17, 2 pixels and more
    # 0.998, the print of the benchmarks' grainy pages 0.65-0.97.
    min_kept: float = 0.5

    def check(self) -> str | None:
        if self.min_noise < 0:
            return "min_noise: must be 0 or more"
        return None if 0 <= self.min_kept <= 1 else "min_kept: must be between 0 and 1"


@dataclass(frozen=True)
class ScaleOptions:
    target_height: float = 26.0  # letter height a page is brought to, pixels
    low: float = 18.0  # pages with letters between low and high are left as they are
    high: float = 48.0

    def check(self) -> str | None:
        return None if 0 < self.low <= self.target_height <= self.high else "must satisfy 0 < low <= target_height <= high"


@dataclass(frozen=True)
class DenoiseOptions:
    method: str = "despeckle"

    def check(self) -> str | None:
        return None if self.method in DENOISE_METHODS else f"method: expected one of {', '.join(DENOISE_METHODS)}"


@dataclass(frozen=True)
class LinesOptions:
    vertical: bool = True  # the rules of tables and registers
    horizontal: bool = False  # kept by default: without them Tesseract reads a register column by column

    def check(self) -> str | None:
        return None


@dataclass(frozen=True)
class BinarizeOptions:
    method: str = "none"
    window: int = 0  # local window in pixels; 0 from the letter height
    k: float = 0.2  # Sauvola's k

    def check(self) -> str | None:
        if self.method not in BINARIZE_METHODS:
            return f"method: expected one of {', '.join(BINARIZE_METHODS)}"
        return None if self.window >= 0 else "window: must be 0 or more"


# --------------------------------------------------------------------------- registry


@dataclass(frozen=True)
class Step:
    name: str
    options: type  # a frozen dataclass; its defaults are the step's defaults
    run: Callable[[Page, Any], None]
    always: bool = False  # not switchable: runs in every pipeline, with no options


# In registration order, which is the order the steps run in. One name may
# have more than one part ("orient": sideways before deskewing, upside down after).
RUN_ORDER: list[Step] = []


def step(name: str, options: type = NoOptions, always: bool = False) -> Callable[[Callable[[Page, Any], None]], Callable[[Page, Any], None]]:
    def register(fn: Callable[[Page, Any], None]) -> Callable[[Page, Any], None]:
        RUN_ORDER.append(Step(name, options, fn, always))
        return fn
    return register


def step_names() -> tuple[str, ...]:
    """The switchable steps, in the order they run."""
    names: list[str] = []
    for s in RUN_ORDER:
        if not s.always and s.name not in names:
            names.append(s.name)
    return tuple(names)


def options_type(name: str) -> type:
    for s in RUN_ORDER:
        if s.name == name and not s.always:
            return s.options
    raise StepError(f"unknown preprocessing step {name!r}; known: {', '.join(step_names())}")


# --------------------------------------------------------------------------- the steps


@step("stamps", StampsOptions)
def remove_stamps(page: Page, opts: StampsOptions) -> None:
    page.image = pp.remove_stamps(page.image, min_excess=opts.min_excess)


@step("grey", always=True)
def to_grey(page: Page, _opts: NoOptions) -> None:
    page.image = pp.to_gray(page.image)


@step("border", BorderOptions)
def remove_border(page: Page, opts: BorderOptions) -> None:
    if page.context.look and not pp.look_edge_dark(page.look()):
        page.skip("border", "nothing dark at the edges")
        return
    page.image = pp.remove_border(page.image, min_fraction=opts.min_fraction)


# Flattening the paper first makes every ink mask below (orientation, skew,
# text height) reliable on yellowed, unevenly lit pages. Paper that is even
# already is left as it is: dividing it by itself only stretches its grey levels.
@step("background", BackgroundOptions)
def normalize_background(page: Page, opts: BackgroundOptions) -> None:
    if not page.context.look:
        page.image = pp.normalize_background(page.image, kernel=opts.kernel)
        return
    look = page.look()
    spread = pp.paper_spread(look, opts.kernel)
    if spread < EVEN_PAPER:
        page.skip("background", f"even paper (varies by {spread:.0f} grey levels)")
        return
    page.image = pp.normalize_background(page.image, kernel=opts.kernel)


# Orientation in two parts: which axis the lines run along (projection
# profiles: cheap, and robust to skew), then, once the page is straight,
# upright or upside down (Tesseract OSD on a small clean copy).
@step("orient", OrientOptions)
def turn_sideways(page: Page, _opts: OrientOptions) -> None:
    # The sideways test searches the rows' angle as deskewing does (same copies, same range): a page
    # left as it is keeps that angle, and deskewing does not search again (about 10 ms on a 300 dpi page).
    if page.context.look:  # coarse on the quarter-size copy, refined on the copy the full search measures
        sideways, skew = pp.look_sideways_and_skew(page.look(), page.image)
    else:
        sideways, skew = pp.sideways_and_skew(page.image)
    if sideways:
        page.image = pp.rotate_orthogonal(page.image, 90)
        page.info["rotation"] = 90
    else:
        page.measured_skew = (page.image, skew)


@step("deskew", DeskewOptions)
def deskew(page: Page, opts: DeskewOptions) -> None:
    measured = page.measured_skew
    if measured is not None and measured[0] is page.image and opts.max_angle == pp.SIDEWAYS_MAX_ANGLE:
        angle = measured[1]
    elif page.context.look:
        angle = pp.look_skew(page.look(), page.image, max_angle=opts.max_angle)
    else:
        angle = pp.estimate_skew(page.image, max_angle=opts.max_angle)
    if abs(angle) >= opts.min_angle:
        page.image = pp.rotate_small(page.image, angle)
        page.info["skew"] = angle


@step("text_height", always=True)
def measure_text_height(page: Page, _opts: NoOptions) -> None:
    page.height = pp.text_height(page.image, page.look() if page.context.look else None)


@step("orient", OrientOptions)
def turn_upright(page: Page, opts: OrientOptions) -> None:
    """Most pages are settled by where their ink lies around the text lines
    (milliseconds); only unclear ones pay for OSD (~0.3-0.5 s)."""
    gray, info, ctx = page.image, page.info, page.context
    quick = pp.look_upright_ratio(page.look(), page.height) if ctx.look else None
    if quick is not None and quick >= CLEAR_UPRIGHT:
        info["orientation_method"] = "profile"
        page.skip("upright_test", f"upright at half size (ink above/below the lines {quick:.1f})")
        return
    ratio = pp.upright_ratio(gray, page.height)
    if ratio is not None and ratio >= UPRIGHT_RATIO:
        info["orientation_method"] = "profile"
        return
    # The ink profile alone is not trusted to turn a page: heavily degraded
    # upright forms can lean the wrong way. OSD decides when it is sure; when
    # it is not, the profile must lean upside down and either OSD lean the
    # same way or the page read better turned.
    rotation, conf = pp.detect_orientation(gray, timeout=max(5.0, ctx.timeout / 4), height=page.height)
    info["rotation_confidence"] = conf
    info["orientation_method"] = "osd"
    turn = 0
    if conf >= opts.osd_confidence:
        turn = rotation
    elif ratio is not None and ratio < 1:
        if rotation == 180 and conf >= OSD_LEAN:
            turn, info["orientation_method"] = 180, "profile+osd"
        elif pp.reads_better_turned(gray, ctx.languages, ctx.model_dir):
            turn, info["orientation_method"] = 180, "profile+read"
    if turn:
        page.image = pp.rotate_orthogonal(gray, turn)
        info["rotation"] = (info["rotation"] + turn) % 360


@step("dpi", always=True)
def guess_dpi(page: Page, _opts: NoOptions) -> None:
    """A scan that did not record its resolution: guessed from its letters' height."""
    if page.info["dpi"] is None and page.height:
        page.info["dpi"] = pp.estimate_dpi(page.image, height=page.height)


# The smooth step runs before the page is enlarged: see SmoothOptions and docs/ocr.md.
@step("smooth", SmoothOptions)
def smooth_noisy(page: Page, opts: SmoothOptions) -> None:
    """Grainy pages only: a 3x3 median takes out the grain Tesseract reads as marks and specks (and for which
    its layout analysis can take a whole page of faint print for a picture and read nothing). The page's own
    noise decides, measured on a quarter of its rows (a few ms: what a clean page pays); then the strokes'
    width decides how, measured as the share of their ink the median keeps (pp.strokes_kept): a median where
    the strokes come through it, a softening (pp.soften) where they are too thin to (under ``min_kept``). It
    runs once the page is upright and straight (a median before the turn and the deskew's interpolation
    spoilt 200 dpi registers, docs/ocr.md) and before it is enlarged, while a grain is still a pixel or two."""
    noise = pp.paper_noise(page.image, band=GRAIN_BAND, every=GRAIN_EVERY)
    page.info["noise"] = round(noise, 2)
    if noise < opts.min_noise:
        return
    smoothed = pp.denoise(page.image, "median")
    kept = pp.strokes_kept(page.image, smoothed)
    page.info["strokes_kept"] = round(kept, 3) if kept is not None else None
    if kept is not None and kept < opts.min_kept:
        page.image = pp.soften(page.image)
        page.info["smoothed"] = "soften"
    else:
        page.image = smoothed
        page.info["smoothed"] = "median"


@step("scale", ScaleOptions)
def scale(page: Page, opts: ScaleOptions) -> None:
    gray = page.image
    factor = pp.scale_factor(gray, target_height=opts.target_height, low=opts.low, high=opts.high,
                             height=page.height)
    if factor == 1.0:
        return
    if gray.size * factor * factor > page.context.max_pixels:
        raise LimitExceeded(f"page would be {int(gray.size * factor * factor)} pixels after rescaling, "
                            f"over the limit of {page.context.max_pixels}")
    page.image = pp.rescale(gray, factor)
    page.info["scale"] = round(factor, 4)
    page.height = page.height * factor if page.height else None


@step("lines", LinesOptions)
def remove_lines(page: Page, opts: LinesOptions) -> None:
    page.image = pp.remove_lines(page.image, height=page.height, vertical=opts.vertical,
                                 horizontal=opts.horizontal, precheck=page.context.prechecks)


@step("denoise", DenoiseOptions)
def denoise(page: Page, opts: DenoiseOptions) -> None:
    if opts.method != "despeckle":
        page.image = pp.denoise(page.image, opts.method, height=page.height)
    elif "leaders" in page.steps:
        page.specks_pending = True  # one pass over the ink components for both
    else:
        clean_components(page, specks=True, leaders=False)


@step("leaders")
def remove_leaders(page: Page, _opts: NoOptions) -> None:
    clean_components(page, specks=page.specks_pending, leaders=True)
    page.specks_pending = False


def clean_components(page: Page, specks: bool, leaders: bool) -> None:
    """Despeckling and the leader search, in one pass over the page's ink components, for what the look at
    the page says it may hold: the half-size copy's components, already counted for the text height when no
    step since has changed the page (pp.look_specks, pp.look_dot_rows). Without them (a rescaled page, ruled lines
    whitened) the full-size pass decides alone."""
    height = page.height
    look = page.looked("half_components") if page.context.look and height else None
    if look is not None and height:
        if specks and not pp.look_specks(look, height):
            page.skip("denoise", "no specks")
            specks = False
        # A pass that runs for the specks looks for leaders itself (pp.may_have_dot_rows, at full size).
        if leaders and not specks and not pp.look_dot_rows(look, height):
            page.skip("leaders", "no rows of dots")
            leaders = False
    if specks or leaders:
        page.image = pp.clean_components(page.image, height=page.height, specks=specks, leaders=leaders,
                                         precheck=page.context.prechecks)


@step("binarize", BinarizeOptions)
def binarize(page: Page, opts: BinarizeOptions) -> None:
    page.image = pp.binarize(page.image, opts.method, window=opts.window, k=opts.k, height=page.height)


# --------------------------------------------------------------------------- building a pipeline


@dataclass(frozen=True)
class StepSpec:
    """One entry of the list: a step's name and its options as written (``name:key=value:key=value``)."""

    name: str
    options: tuple[tuple[str, str], ...] = ()

    @classmethod
    def parse(cls, text: str) -> "StepSpec":
        name, *pairs = [p.strip() for p in text.strip().split(":")]
        options = []
        for pair in pairs:
            key, eq, value = pair.partition("=")
            if not eq or not key.strip():
                raise StepError(f"preprocessing step {name!r}: {pair!r} is not key=value")
            options.append((key.strip(), value.strip()))
        return cls(name, tuple(options))


def _coerce(step_name: str, fld: dataclasses.Field[Any], value: str) -> Any:
    kind = fld.type if isinstance(fld.type, str) else getattr(fld.type, "__name__", str(fld.type))
    try:
        if kind == "bool":
            low = value.lower()
            if low not in ("true", "false", "1", "0", "yes", "no", "on", "off"):
                raise ValueError
            return low in ("true", "1", "yes", "on")
        if kind == "int":
            return int(value)
        if kind == "float":
            return float(value)
    except ValueError:
        raise _option_error(step_name, fld.name, f"expects a {kind}, not {value!r}") from None
    return value


def make_options(name: str, given: Iterable[tuple[str, str]] = (), defaults: dict[str, Any] | None = None) -> Any:
    """The options of step ``name``: its defaults, then ``defaults`` (older settings), then ``given``; validated."""
    kind = options_type(name)
    fields = {f.name: f for f in dataclasses.fields(kind)}
    values: dict[str, Any] = {k: v for k, v in (defaults or {}).items() if k in fields}
    for key, value in given:
        if key not in fields:
            known = ", ".join(fields) or "none"
            raise _option_error(name, key, f"is not an option of this step (options: {known})")
        values[key] = _coerce(name, fields[key], value)
    options = kind(**values)
    problem = options.check() if hasattr(options, "check") else None
    if problem:
        option, _, text = problem.partition(": ")
        raise _option_error(name, option, text) if text else StepError(f"preprocessing step {name!r}: {problem}")
    return options


@dataclass(frozen=True)
class Pipeline:
    """The steps to run, in order, each with its validated options."""

    steps: tuple[tuple[Step, Any], ...]
    names: frozenset[str] = field(default_factory=frozenset)


def pipeline_for(specs: Iterable[str | StepSpec], defaults: dict[str, dict[str, Any]] | None = None) -> Pipeline:
    """The pipeline a list of step specifications asks for. ``defaults``: options by step name that
    the list's own options override (the older single-purpose settings such as SOHOA_OCR_BINARIZE)."""
    chosen: dict[str, Any] = {}
    for spec in specs:
        spec = spec if isinstance(spec, StepSpec) else StepSpec.parse(spec)
        if spec.name in chosen:
            raise StepError(f"preprocessing step {spec.name!r} is listed twice")
        chosen[spec.name] = make_options(spec.name, spec.options, (defaults or {}).get(spec.name))
    run = tuple((s, NoOptions() if s.always else chosen[s.name]) for s in RUN_ORDER
                if s.always or s.name in chosen)
    return Pipeline(run, frozenset(chosen))


def check_specs(specs: Iterable[str]) -> None:
    """Raise ``StepError`` when a list of step specifications names an unknown step or a bad option."""
    pipeline_for(specs)


def step_name(spec: str) -> str:
    return spec.split(":", 1)[0].strip()


def run_pipeline(page: Page, pipeline: Pipeline, lap: Callable[[str], None]) -> None:
    """Run every step on ``page``; ``lap(name)`` after each (what scripts/bench_ocr.py --step-times reports)."""
    for s, opts in pipeline.steps:
        s.run(page, opts)
        lap({"grey": "decode"}.get(s.name, s.name))
