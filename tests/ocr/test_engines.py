"""The OCR engine is one setting (ocr/engine.py): the pipeline runs the same with either engine behind it."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from ingest.testing import born_digital_certificate, mixed_pdf, scanned_pdf
from ocr.engine import ENGINES, PageInput, engine_named
from ocr.pipeline import OcrOptions, ocr_file
from ocr.textlayer import pdf_text_layer, text_page
from sohoa.config import SETTINGS, Config, ConfigError
from sohoa.errors import DependencyUnavailable

NAME = "Nguyễn Thị Minh Khai"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"


@pytest.fixture(scope="module")
def mixed(tmp_path_factory) -> Path:
    """A born-digital certificate, then a scanned page: one PDF."""
    path = tmp_path_factory.mktemp("engines") / "mixed.pdf"
    path.write_bytes(mixed_pdf(born_digital_certificate(NAME),
                               scanned_pdf([["SỔ ĐĂNG KÝ KHAI SINH", "Họ và tên: Trần Văn Bình"]])))
    return path


@pytest.fixture
def without_tesseract(tmp_path, monkeypatch) -> None:
    """A PATH with poppler's tools (rasterizing, text layers) and no Tesseract: proof of which engine ran."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("pdftotext", "pdftoppm", "pdfinfo"):
        found = shutil.which(tool)
        assert found, f"{tool} is part of the installed system (scripts/bootstrap)"
        (bin_dir / tool).symlink_to(found)
    monkeypatch.setenv("PATH", str(bin_dir))


def test_the_setting_and_the_engines_agree():
    setting = next(s for s in SETTINGS if s.env == "SOHOA_OCR_ENGINE")
    assert setting.default == "tesseract"
    assert all(setting.check(name) is None for name in ENGINES)
    assert {engine_named(name).name for name in ENGINES} == set(ENGINES)
    assert OcrOptions.from_config(Config.from_env({"SOHOA_OCR_ENGINE": "textlayer"})).engine == "textlayer"


def test_an_unknown_engine_stops_every_command_with_the_settings_name():
    with pytest.raises(ConfigError) as exc:
        Config.from_env({"SOHOA_OCR_ENGINE": "tesseract5"})
    assert "SOHOA_OCR_ENGINE" in str(exc.value) and "textlayer" in str(exc.value)


def test_the_pipeline_runs_on_the_text_layer_engine_without_tesseract(mixed, without_tesseract):
    # Forced: every page goes through the engine, the born-digital one too.
    options = replace(OcrOptions(), engine="textlayer", force_ocr=True)
    certificate, scan = list(ocr_file(mixed, options))
    expected = text_page(pdf_text_layer(mixed, 1), 1, size=(certificate.width, certificate.height))
    assert [w.text for w in certificate.words] == [w.text for w in expected.words]
    assert " ".join(w.text for w in certificate.words).count(NAME) == 1
    assert {w.confidence for w in certificate.words} == {1.0}
    assert certificate.engine == "pdftotext" and "no_text_layer" not in certificate.flags
    # The scanned page has no text of its own: nothing is guessed, and it says why.
    assert scan.words == [] and {"no_text_layer", "blank"} <= set(scan.flags)


def test_with_the_tesseract_engine_the_same_run_needs_tesseract(mixed, without_tesseract):
    options = replace(OcrOptions(), engine="tesseract", force_ocr=True)
    with pytest.raises(DependencyUnavailable, match="tesseract"):
        list(ocr_file(mixed, options))


def test_both_engines_read_a_born_digital_page_to_the_same_words(mixed):
    options = replace(OcrOptions(), force_ocr=True)
    tesseract_page = next(ocr_file(mixed, options))
    layer_page = next(ocr_file(mixed, replace(options, engine="textlayer")))
    ocr_words = {w.text for w in tesseract_page.words}
    layer_words = [w.text for w in layer_page.words]
    assert tesseract_page.engine == "tesseract"
    # OCR of a clean rendering reads most words exactly; the text layer is the truth it is measured against.
    assert sum(w in ocr_words for w in layer_words) >= 0.8 * len(layer_words)


def test_an_engine_reading_the_file_gets_no_words_from_an_image_alone():
    from PIL import Image
    page = engine_named("textlayer").recognize(PageInput(Image.new("L", (100, 80), 255), 1))
    assert (page.width, page.height, page.words, page.flags) == (100, 80, [], ["no_text_layer"])


# -- several pages in one Tesseract run ----------------------------------------------------------------------

def _read(page):
    """What a reading is made of: lines (Tesseract's block) and their words with boxes and confidences."""
    return [(line.block, [(w.text, w.bbox, w.confidence) for w in line.words]) for line in page.lines]


def test_pages_read_in_one_run_are_read_as_each_alone(monkeypatch, prose, form):
    import pytesseract

    from ocr.pipeline import prepared_image
    from tests.ocr.conftest import page

    options = OcrOptions()
    images = [prepared_image(prose[0], options), prepared_image(form[0], options),
              prepared_image(page("prose", dpi=300, seed=4, family="serif")[0], options),
              prepared_image(page("register", seed=5)[0], options)]
    inputs = [PageInput(image, n) for n, image in enumerate(images, 1)]
    engine = engine_named("tesseract")
    alone = [engine.recognize(p) for p in inputs]

    runs = []
    real = pytesseract.image_to_data
    monkeypatch.setattr(pytesseract, "image_to_data", lambda *a, **k: runs.append(a[0]) or real(*a, **k))
    together = engine.recognize_many(inputs)

    # One run per dpi (Tesseract takes one --dpi a run): the three 200 dpi pages together, the 300 dpi one alone.
    assert len(runs) == 2 and sum(r.endswith(".txt") for r in runs) == 1
    assert [p.page for p in together] == [1, 2, 3, 4]
    assert all(p.words for p in together)
    for a, t in zip(alone, together):
        assert (t.width, t.height, t.dpi) == (a.width, a.height, a.dpi)
        assert _read(t) == _read(a)


def test_a_runs_pages_must_be_the_images_handed_over():
    from ocr.tesseract import RunMismatch, split_pages

    def tsv(*pages):  # a page row and one word row for each (width, height)
        rows = [(1, n, 0, w, h, -1, "") for n, (w, h) in enumerate(pages, 1)] + \
               [(5, n, 1, 10, 10, 96, "Nam") for n in range(1, len(pages) + 1)]
        rows.sort(key=lambda r: r[1])
        cols = ("level", "page_num", "block_num", "width", "height", "conf", "text")
        return {c: [r[i] for r in rows] for i, c in enumerate(cols)}

    both = split_pages(tsv((100, 50), (80, 40)), [(100, 50), (80, 40)])
    assert [p["width"][0] for p in both] == [100, 80] and [p["text"] for p in both] == [["", "Nam"]] * 2
    with pytest.raises(RunMismatch):  # a page missing from the answer
        split_pages(tsv((100, 50)), [(100, 50), (80, 40)])
    with pytest.raises(RunMismatch):  # the pages in another order than the images
        split_pages(tsv((80, 40), (100, 50)), [(100, 50), (80, 40)])


def test_strips_read_in_one_run_give_the_words_each_gives_alone():
    from PIL import Image, ImageDraw, ImageFont

    from ocr.tesseract import TesseractEngine

    def strip(text: str) -> Image.Image:
        img = Image.new("L", (700, 90), 255)
        ImageDraw.Draw(img).text((30, 20), text, font=ImageFont.truetype(FONT, 40), fill=0)
        return img

    strips = [(strip("Giới tính: Nam"), 300), (strip("Dân tộc: Kinh"), 300), (strip("Năm sinh 1955"), 200)]
    engine = TesseractEngine()
    alone = [engine.read_lines(s, dpi) for s, dpi in strips]
    together = engine.read_lines_many(strips)
    assert all(alone) and [[(w.text, w.bbox, w.confidence) for w in ws] for ws in together] == \
        [[(w.text, w.bbox, w.confidence) for w in ws] for ws in alone]
