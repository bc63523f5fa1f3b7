"""Tesseract read in process (ocr/tesseract.py): the same words as the command line, the same errors."""

from __future__ import annotations

import pytest
import pytesseract
from PIL import Image, ImageDraw, ImageFont

import ocr.tesseract as tess
from sohoa.errors import StageTimeout

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def words(page) -> list[tuple[str, tuple[int, int, int, int]]]:
    return [(w.text, w.bbox) for line in page.lines for w in line.words]


def confidences(page) -> list[float]:
    return [w.confidence for line in page.lines for w in line.words]


def test_a_page_read_in_process_gives_the_command_lines_words_and_boxes(prose, monkeypatch):
    image, _truth = prose
    image.info["dpi"] = (200, 200)
    in_process = tess.recognize(image, 1)
    monkeypatch.setattr(tess, "read_in_process", lambda *args: None)
    command_line = tess.recognize(image, 1)
    assert len(words(in_process)) > 50
    assert words(in_process) == words(command_line)
    assert [ln.block for ln in in_process.lines] == [ln.block for ln in command_line.lines]
    # The command line prints whole percents, and the library may be a newer Tesseract than the system's:
    # confidences agree to a few points.
    assert max(abs(a - b) for a, b in zip(confidences(in_process), confidences(command_line))) < 0.1


def test_the_reader_is_loaded_once_per_thread_and_model(prose):
    image, _ = prose
    tess.recognize(image, 1)
    first = tess._reader("vie", None)
    tess.recognize(image, 2)
    assert tess._reader("vie", None) is first
    assert first is not None


def test_the_second_looks_strip_is_read_in_process_as_on_the_command_line(monkeypatch):
    strip = Image.new("L", (900, 200), 255)
    ImageDraw.Draw(strip).text((40, 60), "Dân tộc: Kinh", font=ImageFont.truetype(FONT, 48), fill=0)
    engine = tess.TesseractEngine()
    in_process = engine.read_lines(strip, 300)
    monkeypatch.setattr(tess, "read_in_process", lambda *args: None)
    command_line = engine.read_lines(strip, 300)
    assert [w.text for w in in_process] == ["Dân", "tộc:", "Kinh"]
    assert [(w.text, w.bbox) for w in in_process] == [(w.text, w.bbox) for w in command_line]


def test_an_image_tesseract_refuses_fails_as_it_did_on_the_command_line():
    # Wider than Tesseract's 32,767-pixel limit: the reader refuses it, the command line gives its error.
    strip = Image.new("L", (40000, 120), 255)
    ImageDraw.Draw(strip).text((50, 30), "Dải băng dài", font=ImageFont.truetype(FONT, 50), fill=0)
    assert tess.read_in_process(strip, "vie", 3, None, 300, 60, "page 1") is None
    with pytest.raises(pytesseract.TesseractError):
        tess.recognize(strip, 1)


def test_a_reading_over_its_time_is_a_stage_timeout(prose):
    image, _ = prose
    with pytest.raises(StageTimeout, match="page 3: Tesseract took over"):
        tess.read_in_process(image, "vie", 3, None, 200, 0.001, "page 3")


def test_without_the_library_pages_go_to_the_command_line(prose, monkeypatch):
    image, _ = prose
    monkeypatch.setattr(tess, "_tesserocr", lambda: None)
    assert tess.read_in_process(image, "vie", 3, None, 200, 60, "page 1") is None
    assert len(words(tess.recognize(image, 1))) > 50
