"""The second look at ink no recognised word covers (ocr/recover.py)."""

from __future__ import annotations

import shutil
from dataclasses import replace

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from ocr.pipeline import OcrOptions
from ocr.recover import is_line_of_text, plausible, recover_words, uncovered_regions, with_recovered
from ocr.result import Line, PageText, Word
from sohoa.config import Config, ConfigError

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")


def sheet(texts: list[tuple[tuple[int, int], str]], size: int = 30, rules: bool = False, specks: bool = False):
    """A white 1200x800 page with ``texts`` printed at their places; (grey image, {text: its ink box})."""
    img = Image.new("L", (1200, 800), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, size)
    boxes = {}
    for (x, y), text in texts:
        draw.text((x, y), text, font=font, fill=0)
        boxes[text] = draw.textbbox((x, y), text, font=font)
    if rules:
        draw.rectangle((50, 700, 1150, 702), fill=0)  # a rule line across the page
        draw.rectangle((1180, 50, 1182, 750), fill=0)  # a grid's vertical stroke
    if specks:
        for x, y in ((600, 600), (640, 620), (900, 650)):
            draw.point((x, y), fill=0)
    return np.array(img), boxes


def word(text: str, box, confidence: float = 0.95) -> Word:
    return Word(text=text, confidence=confidence, bbox=tuple(int(v) for v in box))


def test_ink_under_a_recognised_word_is_not_looked_at_again():
    gray, boxes = sheet([((100, 100), "Họ và tên:"), ((100, 200), "Giới tính:"), ((150, 260), "Nam")])
    words = [word(t, boxes[t]) for t in ("Họ và tên:", "Giới tính:")]
    regions = uncovered_regions(gray, words)
    assert len(regions) == 1
    x0, y0, x1, y1 = regions[0]
    bx0, by0, bx1, by1 = boxes["Nam"]
    assert x0 >= bx0 - 2 and y0 >= by0 - 2 and x1 <= bx1 + 2 and y1 <= by1 + 2  # just the lone value
    assert uncovered_regions(gray, [*words, word("Nam", boxes["Nam"])]) == []


def test_rule_lines_grid_strokes_and_specks_are_not_lines_of_text():
    gray, boxes = sheet([((100, 100), "Dân tộc:"), ((100, 160), "Kinh")], rules=True, specks=True)
    regions = uncovered_regions(gray, [word("Dân tộc:", boxes["Dân tộc:"])])
    assert len(regions) == 1 and regions[0][1] >= boxes["Kinh"][1] - 2


@pytest.mark.parametrize("at_edge", [False, True])
def test_looking_only_around_the_leftover_ink_finds_the_regions_the_whole_page_gives(monkeypatch, at_edge):
    import ocr.recover as recover

    placed = [((100, 100), "Họ và tên:"), ((150, 260), "Nam"), ((700, 400), "1975"), ((900, 520), "Kinh")]
    if at_edge:  # ink reaching the page's edges, where the window is cut by the page
        placed += [((0, 0), "Số:"), ((1110, 760), "Tày")]
    gray, boxes = sheet(placed, rules=True, specks=True)
    words = [word("Họ và tên:", boxes["Họ và tên:"])]
    around = uncovered_regions(gray, words)
    monkeypatch.setattr(recover, "mask_window", lambda ink, reach: (0, 0, ink.shape[1], ink.shape[0]))
    whole = uncovered_regions(gray, words)
    assert len(whole) >= 3
    assert around == whole


def test_the_window_holds_the_leftover_ink_and_its_reach_inside_the_page():
    from ocr.preprocess import mask_window as leftover_window

    ink = np.zeros((100, 200), dtype=bool)
    assert leftover_window(ink, reach=10) is None
    ink[40:45, 60:70] = True
    ink[50, 150] = True
    assert leftover_window(ink, reach=10) == (50, 30, 161, 61)
    ink[99, 0] = True
    assert leftover_window(ink, reach=10) == (0, 30, 161, 100)


def test_the_shape_of_a_line_of_text_at_the_pages_height():
    h = 30
    assert is_line_of_text((0, 0, 60, 24), 400, h)  # a short word
    assert not is_line_of_text((0, 0, 900, 3), 2700, h)  # a rule line
    assert not is_line_of_text((0, 0, 200, 200), 9000, h)  # a stamp, much taller than a line
    assert not is_line_of_text((0, 0, 60, 24), 1400, h)  # a solid blot
    assert not is_line_of_text((0, 0, 4, 4), 10, h)  # a speck


def test_a_recovered_word_must_be_sure_and_made_of_letters_or_digits():
    box = (0, 0, 10, 10)
    assert plausible(Word("Nam", 0.9, box)) and plausible(Word("1955", 0.8, box)) and plausible(Word("Nữ", 0.7, box))
    assert not plausible(Word("Nam", 0.3, box))
    assert not plausible(Word("....", 0.95, box))
    assert not plausible(Word("~-|", 0.95, box))


def test_recovered_words_take_their_place_by_height_in_a_block_of_their_own():
    label = Line(words=[Word("Giới", 0.9, (100, 200, 160, 230)), Word("tính:", 0.9, (170, 200, 240, 230))],
                 bbox=(100, 200, 240, 230), block=1)
    below = Line(words=[Word("Quê", 0.9, (100, 400, 160, 430))], bbox=(100, 400, 160, 430), block=1)
    page = PageText(page=1, width=1200, height=800, lines=[label, below])
    page = with_recovered(page, [Word("Nam", 0.9, (150, 262, 210, 290), recovered=True)])
    assert [ln.text for ln in page.lines] == ["Giới tính:", "Nam", "Quê"]
    assert page.lines[1].block == 2 and page.lines[1].words[0].recovered
    again = PageText.from_dict(page.to_dict())
    assert [w.recovered for w in again.words] == [False, False, True, False]
    assert "recovered" not in page.to_dict()["lines"][0]["words"][0]  # only recovered words say so


def test_two_cells_of_one_row_stay_two_lines_in_reading_order():
    page = PageText(page=1, width=1200, height=800)
    page = with_recovered(page, [Word("Kinh", 0.9, (700, 101, 780, 131), recovered=True),
                                 Word("Nam", 0.9, (100, 100, 160, 130), recovered=True)])
    assert [ln.text for ln in page.lines] == ["Nam", "Kinh"]


def test_a_word_lost_from_a_line_joins_that_line_in_its_place():
    row = Line(words=[Word("tên:", 0.9, (200, 100, 260, 130)), Word("Ninh", 0.9, (280, 100, 350, 130)),
                      Word("1958", 0.9, (700, 100, 780, 130))], bbox=(200, 100, 780, 130), block=3)
    page = PageText(page=1, width=1200, height=800, lines=[row])
    page = with_recovered(page, [Word("Họ", 0.9, (150, 101, 190, 131), recovered=True),  # its first word
                                 Word("Kinh", 0.9, (500, 100, 580, 130), recovered=True)])  # a skipped cell
    assert [ln.text for ln in page.lines] == ["Họ tên: Ninh Kinh 1958"]
    assert page.lines[0].bbox == (150, 100, 780, 131) and page.lines[0].block == 3


@needs_tesseract
def test_tesseract_reads_the_lone_values_the_page_missed_in_page_coordinates():
    from ocr.tesseract import TesseractEngine
    gray, boxes = sheet([((100, 100), "Giới tính:"), ((160, 170), "Nam"), ((600, 100), "Năm sinh:"),
                         ((660, 170), "1955")])
    words = [word(t, boxes[t]) for t in ("Giới tính:", "Năm sinh:")]
    found = recover_words(gray, words, TesseractEngine().read_lines, dpi=300)
    assert {w.text for w in found} == {"Nam", "1955"}
    for w in found:
        bx0, by0, bx1, by1 = boxes[w.text]
        assert abs(w.bbox[0] - bx0) <= 6 and abs(w.bbox[1] - by0) <= 8 and w.recovered and w.confidence > 0.5


def test_a_page_with_nothing_uncovered_asks_the_engine_nothing():
    gray, boxes = sheet([((100, 100), "Giới tính: Nam")])
    calls = []
    found = recover_words(gray, [word("Giới tính: Nam", boxes["Giới tính: Nam"])],
                          lambda strip, dpi: calls.append(strip) or [])
    assert found == [] and calls == []


def test_the_setting_turns_the_pass_off_and_is_validated():
    assert OcrOptions.from_config(Config.from_env({})).recover is True
    assert OcrOptions.from_config(Config.from_env({"SOHOA_OCR_RECOVER": "off"})).recover is False
    with pytest.raises(ConfigError) as exc:
        Config.from_env({"SOHOA_OCR_RECOVER": "sometimes"})
    assert "SOHOA_OCR_RECOVER" in str(exc.value)
    assert replace(OcrOptions(), recover=False) != OcrOptions()
