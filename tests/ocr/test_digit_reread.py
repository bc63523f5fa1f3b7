"""Digits read twice (ocr/digit_reread.py): number-bearing words read once more, on their own, as digits only."""

from __future__ import annotations

import shutil
from dataclasses import replace

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from ocr import pipeline

from ocr.digit_reread import (WHITELIST, aligned_digits, digit_strip, merged, number_words, readings_from_strip,
                               reread_digits)
from ocr.result import Line, PageText, Word
from ocr.tesseract import TesseractEngine


def page_of(*texts: str) -> PageText:
    words = [Word(text=t, confidence=0.9, bbox=(100 + 150 * i, 100, 200 + 150 * i, 130)) for i, t in enumerate(texts)]
    return PageText(page=1, width=1000, height=400, lines=[Line(words=words, bbox=(100, 100, 950, 130))])


def test_only_words_holding_a_digit_are_read_again():
    assert [w.text for w in number_words(page_of("Số:", "47", "ngày", "3/5/1970", "quyển"))] == ["47", "3/5/1970"]


def test_digits_line_up_run_by_run_and_letters_and_separators_stay():
    assert aligned_digits("AB/12345", "AB/12346".replace("AB", "48")) == "AB/12346"  # letters read as digits
    assert aligned_digits("731", "781") == "781"
    assert aligned_digits("04/11/1963", "04/11/1968") == "04/11/1968"
    assert aligned_digits("12a", "12") == "12a"


def test_readings_whose_digits_do_not_line_up_are_not_used():
    assert aligned_digits("731", "7310") is None
    assert aligned_digits("4/1963", "41963") is None
    assert aligned_digits("nam", "12") is None
    assert aligned_digits("25", "2525") is None  # first and last runs both fit, with different digits


def test_agreeing_readings_make_the_word_surer():
    w = Word(text="56", confidence=0.2, bbox=(0, 0, 10, 10))
    assert merged(w, ("56", 0.9)) == Word(text="56", confidence=0.9, bbox=(0, 0, 10, 10))


def test_a_disagreement_takes_the_surer_digits_and_sends_the_word_to_review():
    w = Word(text="Số 831", confidence=0.6, bbox=(0, 0, 10, 10))
    again = merged(w, ("631", 0.9))
    assert again.text == "Số 631" and again.confidence == 0.3
    kept = merged(w, ("631", 0.4))
    assert kept.text == "Số 831" and kept.confidence == 0.2


def test_nothing_read_or_nothing_lined_up_leaves_the_word_as_it_was():
    w = Word(text="831", confidence=0.7, bbox=(0, 0, 10, 10))
    assert merged(w, None) is w
    assert merged(w, ("8", 0.9)) is w


def test_each_crop_gets_the_words_read_in_its_band():
    gray = np.full((400, 1000), 255, dtype=np.uint8)
    gray[100:130, 100:200] = 0
    gray[100:130, 250:350] = 0
    words = number_words(page_of("12", "34"))
    strip = digit_strip(gray, words, scale=2)
    assert strip is not None and len(strip.bands) == 2
    (t0, b0), (t1, b1) = strip.bands
    assert b0 <= t1 and strip.image.shape[0] > b1  # one crop under the other, white between and below
    read = [Word("3", 0.8, (10, t1 + 2, 30, b1 - 2)), Word("12", 0.9, (10, t0 + 2, 40, b0 - 2)),
            Word("4", 0.6, (40, t1 + 2, 60, b1 - 2)), Word("9", 0.9, (10, b1 + 5, 20, b1 + 9))]
    assert readings_from_strip(strip, read) == [("12", 0.9), ("34", 0.6)]


def test_a_page_is_read_again_in_one_call_and_its_words_merged_in_place():
    calls = []

    def read_digits(strip, dpi):
        calls.append(dpi)
        return [Word("37", 0.95, (5, 5 + t, 40, b - 5)) for t, b in bands]

    page = page_of("Số", "87")
    gray = np.full((400, 1000), 255, dtype=np.uint8)
    bands = digit_strip(gray, number_words(page), scale=3).bands  # type: ignore[union-attr]
    out = reread_digits(page, gray, read_digits, dpi=300, scale=3)
    assert calls == [900]
    assert [w.text for w in out.words] == ["Số", "37"] and out.words[1].confidence < 0.9


def test_the_pipeline_reads_numbers_again_only_when_asked(monkeypatch):
    if shutil.which("tesseract") is None:
        pytest.skip("tesseract is not installed")
    img = Image.new("L", (900, 300), 255)
    ImageDraw.Draw(img).text((80, 100), "Mã số: 4720", font=ImageFont.truetype(
        "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", 40), fill=0)
    img.info["dpi"] = (300, 300)
    whitelists = []
    real = TesseractEngine.read_lines_many

    def spy(self, strips, languages="vie", tessdata_dir=None, timeout=30, whitelist=""):
        whitelists.append(whitelist)
        return real(self, strips, languages, tessdata_dir, timeout, whitelist)

    monkeypatch.setattr(TesseractEngine, "read_lines_many", spy)
    options = pipeline.OcrOptions(steps=())
    assert not options.digit_reread
    pipeline.ocr_image(img, 1, options)
    assert WHITELIST not in whitelists
    page = pipeline.ocr_image(img, 1, replace(options, digit_reread=True))
    assert whitelists.count(WHITELIST) == 1 and "4720" in page.text
