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
