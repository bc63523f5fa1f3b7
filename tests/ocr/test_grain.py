"""Grainy pages: the smooth step's measures and choice, and the blank test that tells print nobody read from an
empty page (small synthetic images; the last tests read with Tesseract)."""

from __future__ import annotations

import io

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from ocr import preprocess as pp
from ocr.engine import engine_named
from ocr.pipeline import DEFAULT_STEPS, OcrOptions, _engine_input, ocr_image, prepare, prepare_page, quality_flags
from ocr.result import Line, PageText, Word
from ocr.steps import Page, PageContext, StepError, pipeline_for, run_pipeline
from tests.ocr.conftest import page as render

FONT = "/usr/share/fonts/truetype/freefont/FreeMono.ttf"
LINES = ["Thân nhân:", "Cha đẻ:  Lương Văn Khải ........................",
         "Mẹ ruột: ........ Nghiêm Thúy Yến ............"]
NO_SMOOTH = tuple(s for s in DEFAULT_STEPS if s != "smooth")


def grid(width: int, seed: int = 4, size: int = 480) -> tuple[np.ndarray, np.ndarray]:
    """Ruled strokes ``width`` pixels wide under heavy grain: (the grainy page, where the strokes are)."""
    clean = np.full((size, size), 232, np.uint8)
    for y in range(8, size - 8, 32):
        clean[y:y + width, 8:size - 8] = 60
    for x in range(8, size - 8, 16):
        clean[8:size - 8, x:x + width] = 60
    noise = np.random.default_rng(seed).normal(0, 14, clean.shape)
    return np.clip(clean + noise, 0, 255).astype(np.uint8), clean < 100


def paper(strokes: np.ndarray) -> np.ndarray:
    """The paper at least 3 pixels from any stroke (a stroke's edge is no grain)."""
    return cv2.dilate(strokes.astype(np.uint8), np.ones((7, 7), np.uint8)) == 0


def smooth(image: np.ndarray, *specs: str) -> Page:
    page = Page(image=image.copy(), info={"dpi": 300}, context=PageContext(), steps=frozenset())
    run_pipeline(page, pipeline_for(list(specs) or ["smooth"]), lambda name: None)
    return page


def faint_grainy_print(size: int = 30, seed: int = 0) -> Image.Image:
    """Three lines of thin monospaced print, faded, blurred, grainy and saved as a poor JPEG (a level-3 form)."""
    img = Image.new("L", (1650, 270), 255)
    draw = ImageDraw.Draw(img)
    for i, text in enumerate(LINES):
        draw.text((100, 60 + 46 * i), text, font=ImageFont.truetype(FONT, size), fill=0)
    a = np.asarray(img.filter(ImageFilter.GaussianBlur(0.8)), dtype=np.float32)
    rng = np.random.default_rng(seed)
    a = 30 + a * 195 / 255 + rng.normal(0, 16, a.shape)
    a[rng.random(a.shape) < 0.0024] = 40
    return jpeg(a)


def grain_alone(seed: int = 1) -> Image.Image:
    rng = np.random.default_rng(seed)
    a = 225 + rng.normal(0, 16, (800, 1600))
    a[rng.random(a.shape) < 0.0024] = 40
    return jpeg(a)


def jpeg(a: np.ndarray) -> Image.Image:
    buf = io.BytesIO()
    Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)).save(buf, "JPEG", quality=45)
    return Image.open(io.BytesIO(buf.getvalue())).convert("L")


# --------------------------------------------------------------------------- measures


def test_the_grain_measured_on_a_quarter_of_the_rows_is_the_whole_pages(prose):
    clean = np.asarray(prose[0].convert("L"))
    for sigma in (0, 4, 14):
        grainy = np.clip(clean + np.random.default_rng(5).normal(0, sigma, clean.shape), 0, 255).astype(np.uint8)
        assert pp.paper_noise(grainy, band=64, every=4) == pytest.approx(pp.paper_noise(grainy), abs=0.3)


def test_a_median_keeps_strokes_wider_than_half_its_window_and_wipes_out_thinner_ones():
    kept = {w: pp.strokes_kept(grid(w)[0], pp.denoise(grid(w)[0], "median")) for w in (1, 2, 4)}
    assert kept[1] < 0.5 < 0.95 < kept[2] <= kept[4] <= 1
    assert pp.strokes_kept(np.full((50, 50), 240, np.uint8), np.full((50, 50), 240, np.uint8)) is None


def test_letters_are_ink_well_darker_than_the_grain_not_blobs_at_otsus_threshold():
    assert pp.holds_letters(prepare_page(faint_grainy_print(), 1, OcrOptions(steps=NO_SMOOTH)).gray)
    assert pp.holds_letters(prepare_page(faint_grainy_print(), 1, OcrOptions()).gray)
    grain = prepare_page(grain_alone(), 1, OcrOptions()).gray
    assert pp.text_height(grain) is not None  # Otsu finds letter-like blobs in grain alone...
    assert not pp.holds_letters(grain)  # ...but none darker than the grain reaches
    assert not pp.holds_letters(np.full((300, 300), 250, np.uint8))


# --------------------------------------------------------------------------- the smooth step


def test_grainy_strokes_that_come_through_a_median_are_median_filtered():
    grainy, strokes = grid(4)
    page = smooth(grainy)
    assert page.info["smoothed"] == "median" and page.info["strokes_kept"] > 0.95
    assert (page.image == pp.denoise(grainy, "median")).all()
    assert page.image[strokes].mean() < 100  # the strokes stay dark, the grain is gone from the paper
    assert page.image[paper(strokes)].std() < grainy[paper(strokes)].std() / 2


def test_grainy_strokes_too_thin_for_a_median_are_softened_and_keep_their_ink():
    grainy, strokes = grid(1)
    page = smooth(grainy)
    assert page.info["smoothed"] == "soften" and page.info["strokes_kept"] < 0.5
    assert pp.denoise(grainy, "median")[strokes].mean() > 190  # a median would take the strokes with the grain
    assert page.image[strokes].mean() < 170 < page.image[paper(strokes)].mean()
    assert page.image[paper(strokes)].std() < grainy[paper(strokes)].std() / 1.5
    # the choice is the option's: with no share required, the median is used whatever it keeps
    assert smooth(grainy, "smooth:min_kept=0").info["smoothed"] == "median"


def test_the_median_share_is_an_option_between_0_and_1():
    with pytest.raises(StepError, match=r"step 'smooth': option 'min_kept' must be between 0 and 1"):
        pipeline_for(["smooth:min_kept=1.5"])


def test_a_grainy_page_is_smoothed_before_it_is_enlarged():
    assert [s.name for s, _ in pipeline_for(["scale", "smooth"]).steps].index("smooth") < \
        [s.name for s, _ in pipeline_for(["scale", "smooth"]).steps].index("scale")
    img, _truth = render("prose", dpi=200, size=7)  # letters too small for the engine: the page is enlarged
    clean = np.asarray(img.convert("L")).astype(np.float32)
    grainy = np.clip(clean * 0.9 + 12 + np.random.default_rng(4).normal(0, 14, clean.shape), 0, 255).astype(np.uint8)
    _gray, info = prepare(Image.fromarray(grainy), OcrOptions())
    assert info["scale"] > 1.5 and info["noise"] >= 4.5 and info["smoothed"] == "median"
    # measured once enlarged, the same grain is spread over several pixels and looks like little noise
    assert pp.paper_noise(pp.rescale(pp.normalize_background(grainy), info["scale"])) < info["noise"] / 2


def test_a_clean_page_is_measured_and_left_as_it_is(prose):
    clean = np.asarray(prose[0].convert("L")).copy()
    page = smooth(clean)
    assert page.info["noise"] < 1 and "smoothed" not in page.info and "strokes_kept" not in page.info
    assert (page.image == clean).all()


# --------------------------------------------------------------------------- the blank test


def test_no_words_is_blank_only_on_a_page_without_letters():
    empty = PageText(page=1, width=100, height=100)
    assert quality_flags(empty, OcrOptions()) == ["blank"]
    assert quality_flags(empty, OcrOptions(), letters=True) == ["unread"]
    read = PageText(page=1, width=100, height=100, lines=[Line([Word("Lan", 0.95, (0, 0, 9, 9))], (0, 0, 9, 9))])
    assert quality_flags(read, OcrOptions(), letters=True) == []


def test_faint_grainy_print_the_engine_reads_nothing_of_is_read_again_smoothed():
    img = faint_grainy_print()
    options = OcrOptions(steps=NO_SMOOTH)  # the grain left on the page
    prepared = prepare_page(img, 1, options)
    assert engine_named("tesseract").recognize(_engine_input(prepared, options)).words == []  # the case
    page = ocr_image(img, 1, options)
    assert "blank" not in page.flags and "unread" not in page.flags
    assert {"Nghiêm", "Thúy", "Lương", "Khải"} <= set(page.text.split())


def test_a_page_of_grain_alone_is_blank():
    page = ocr_image(grain_alone(), 1, OcrOptions())
    assert "blank" in page.flags and page.words == []
