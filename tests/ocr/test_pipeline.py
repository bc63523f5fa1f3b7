"""ocr_image and ocr_file end to end, with Tesseract (a second or so per page)."""

from __future__ import annotations

import random
from dataclasses import replace

import numpy as np
import pytest
from PIL import Image, ImageDraw

from ocr.output import page_hocr, searchable_pdf, to_source
from ocr.pipeline import DEFAULT_STEPS, STEPS, OcrOptions, ocr_file, ocr_image, prepared_image
from ocr.result import PageText
from ocr.textlayer import pdf_text_layer
from sohoa.config import Config
from sohoa.errors import BadInput, LimitExceeded, StageTimeout

OPTS = OcrOptions()
BARE = OcrOptions(steps=())


def words(text: str) -> set[str]:
    return set(text.split())


def test_sideways_page_is_turned_and_read(prose):
    img, truth = prose
    fed = img.rotate(-90, expand=True)  # fed turned 90 degrees clockwise
    page = ocr_image(fed, 1, OPTS)
    assert page.rotation == 270  # turned 270 clockwise to read it
    assert "rotated" in page.flags
    assert len(words(page.text) & words(truth)) >= 0.9 * len(words(truth))


def test_skewed_page_is_straightened_and_reported(prose):
    img, truth = prose
    page = ocr_image(img.rotate(4, resample=Image.BICUBIC, expand=True, fillcolor=255), 1, OPTS)
    assert abs(page.skew - 4) <= 0.5
    assert page.rotation == 0 and "rotated" not in page.flags
    assert len(words(page.text) & words(truth)) >= 0.9 * len(words(truth))


def test_form_leaders_do_not_become_text(form):
    img, truth = form
    page = ocr_image(img, 1, OPTS)
    assert "...." not in page.text
    assert len(words(page.text) & words(truth)) >= 0.9 * len(words(truth))
    assert page.mean_confidence > 0.85


def test_blank_page_is_flagged_blank():
    page = ocr_image(Image.new("L", (1654, 2339), 250), 1, OPTS)
    assert page.flags == ["blank"] and page.text == ""


def test_scribbles_are_flagged_low_confidence():
    rng = random.Random(3)
    img = Image.new("L", (1654, 2339), 255)
    d = ImageDraw.Draw(img)
    for row in range(12):
        y0 = 200 + row * 150
        x = 150
        while x < 1450:
            pts = [(x + i * 6, y0 + rng.randint(-25, 25)) for i in range(rng.randint(6, 14))]
            d.line(pts, fill=0, width=4)
            x = pts[-1][0] + rng.randint(25, 60)
    page = ocr_image(img, 1, OPTS)
    assert "low_confidence" in page.flags or "blank" in page.flags
    assert page.mean_confidence < 0.6


def test_pixel_limit_is_a_recorded_failure(prose):
    with pytest.raises(LimitExceeded):
        ocr_image(prose[0], 1, OcrOptions(max_pixels=1000 * 1000))


def test_timeout_is_a_recorded_failure(prose):
    # Four pages of prose on one sheet: Tesseract needs seconds for it, far beyond the quarter of a
    # second left after preprocessing, however fast and idle the machine.
    img = prose[0]
    sheet = Image.new(img.mode, (img.width, img.height * 4), "white")
    for i in range(4):
        sheet.paste(img, (0, img.height * i))
    with pytest.raises(StageTimeout, match="timed out|took"):
        ocr_image(sheet, 1, OcrOptions(timeout=0.35, steps=()))


def test_result_round_trips_through_json(prose):
    page = ocr_image(prose[0], 1, OPTS)
    d = page.to_dict()
    again = PageText.from_dict(d)
    assert again.text == page.text and again.scale == page.scale and again.model == "fast"
    assert d["mean_confidence"] > 0.85 and d["dpi"] == 200


def test_boxes_map_back_to_the_source(prose):
    img, _ = prose
    fed = img.rotate(-90, expand=True)
    page = ocr_image(fed, 1, OPTS)
    word = max(page.words, key=lambda w: w.bbox[2] - w.bbox[0])
    x0, y0, x1, y1 = to_source(page, word.bbox)
    # In the sideways source the word runs top to bottom.
    assert (y1 - y0) > 2 * (x1 - x0)
    crop = np.asarray(fed.convert("L").crop((x0, y0, x1, y1)))
    assert (crop < 128).mean() > 0.05  # there is ink where the box points


def test_hocr_contains_words_and_boxes(prose):
    page = ocr_image(prose[0], 1, OPTS)
    hocr = page_hocr(page, title="p1")
    assert hocr.count("class=\"ocrx_word\"") == len(page.words)
    assert page.words[0].text in hocr and "x_wconf" in hocr
    import xml.etree.ElementTree as ET

    ET.fromstring(hocr.split("\n", 2)[2])  # well-formed XHTML after the declarations


def test_searchable_pdf_has_the_words_in_its_text_layer(prose, tmp_path):
    img, truth = prose
    out = searchable_pdf([prepared_image(img, OPTS)], tmp_path / "out.pdf")
    layer = pdf_text_layer(out, 1)
    text = layer.text if layer else ""
    assert text and len(words(text) & words(truth)) >= 0.9 * len(words(truth))


def test_pdf_with_text_layer_is_not_ocrd(prose, tmp_path):
    pdf = searchable_pdf([prose[0]], tmp_path / "text.pdf")
    pages = list(ocr_file(pdf, OPTS))
    assert [p.engine for p in pages] == ["pdftotext"]
    forced = list(ocr_file(pdf, OcrOptions(force_ocr=True)))
    assert forced[0].engine == "tesseract"
    assert len(words(forced[0].text) & words(pages[0].text)) > 0.8 * len(words(pages[0].text))


def test_scanned_pdf_has_no_text_layer(prose, tmp_path):
    path = tmp_path / "scan.pdf"
    prose[0].save(path, resolution=200)
    assert pdf_text_layer(path, 1) is None


def test_multi_page_pdf(prose, form, tmp_path):
    path = tmp_path / "two.pdf"
    prose[0].save(path, save_all=True, append_images=[form[0]], resolution=200)
    pages = list(ocr_file(path, OcrOptions(dpi=200)))
    assert [p.page for p in pages] == [1, 2]
    assert "Họ và tên" in pages[1].text or "tên" in pages[1].text
    assert pages[0].dpi == 200


def test_multi_frame_tiff_and_jpeg(prose, form, tmp_path):
    tif = tmp_path / "two.tif"
    prose[0].save(tif, save_all=True, append_images=[form[0].rotate(180)], dpi=(200, 200), compression="tiff_lzw")
    pages = list(ocr_file(tif, OPTS))
    assert len(pages) == 2 and pages[1].rotation == 180
    jpg = tmp_path / "page.jpg"
    prose[0].save(jpg, quality=80, dpi=(200, 200))
    (page,) = ocr_file(jpg, OPTS)
    assert page.dpi == 200 and page.mean_confidence > 0.8


def test_bad_input_is_refused(tmp_path):
    bad = tmp_path / "x.pdf"
    bad.write_bytes(b"this is not a scan at all")
    with pytest.raises(BadInput):
        list(ocr_file(bad, OPTS))
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    with pytest.raises(BadInput):
        list(ocr_file(empty, OPTS))


def test_settings_default_matches_the_code_and_rejects_unknown_steps():
    assert Config.from_env({}).ocr_steps == DEFAULT_STEPS
    assert OcrOptions.from_config(Config.from_env({})).steps == DEFAULT_STEPS
    assert set(DEFAULT_STEPS) <= set(STEPS)
    with pytest.raises(ValueError):
        OcrOptions.from_config(Config.from_env({"SOHOA_OCR_STEPS": "deskew,sharpen"}))
    assert Config.from_env({"SOHOA_OCR_STEPS": "none"}).ocr_steps == ()


def test_tesseract_reads_the_inked_part_and_boxes_land_on_the_whole_page(prose):
    # The page set in a wide white frame: Tesseract gets the printed part only.
    img, _truth = prose
    framed = Image.new("L", (img.width + 600, img.height + 400), 255)
    framed.paste(img.convert("L"), (400, 300))
    framed.info["dpi"] = img.info.get("dpi", (200, 200))
    whole = ocr_image(framed, 1, OcrOptions(crop=False))
    cropped = ocr_image(framed, 1, OcrOptions())
    assert (cropped.width, cropped.height) == (whole.width, whole.height)
    assert cropped.text == whole.text
    for a, b in zip(whole.words, cropped.words):
        assert max(abs(p - q) for p, q in zip(a.bbox, b.bbox)) <= 2
    assert min(w.bbox[0] for w in cropped.words) >= 400 - 2


def poison_strip() -> Image.Image:
    """A strip of text over 32,767 pixels wide: Tesseract refuses the image, alone or in a run of pages."""
    from PIL import ImageFont
    img = Image.new("L", (33600, 120), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", 48)
    for x in range(0, 33000, 1100):
        draw.text((x + 40, 30), "Dải băng dài", font=font, fill=0)
    img.info["dpi"] = (300, 300)
    return img


def test_a_ranges_pages_are_read_as_each_alone_and_a_page_tesseract_refuses_fails_alone(prose, form):
    import pytesseract

    from ocr.pipeline import PageReader

    reader = PageReader(BARE)
    for n, image in enumerate([prose[0], poison_strip(), form[0], Image.new("L", (800, 600), 250)], 1):
        reader.add(n, image)
    outcomes = reader.read()

    assert sorted(outcomes) == [1, 2, 3, 4]
    assert isinstance(outcomes[2], pytesseract.TesseractError)  # its own reason, as when read alone
    for n, image in ((1, prose[0]), (3, form[0])):
        alone = ocr_image(image, n, BARE)
        timings = {"seconds": 0, "preprocess_seconds": 0}
        assert outcomes[n].to_dict() | timings == alone.to_dict() | timings
    assert outcomes[4].flags == ["blank"]
    # A page that cannot even be prepared is that page's outcome too, not the range's.
    small = PageReader(replace(BARE, max_pixels=1_000_000))
    small.add(1, Image.new("L", (1200, 1000), 250))
    small.add(2, Image.new("L", (800, 600), 250))
    outcomes = small.read()
    assert isinstance(outcomes[1], LimitExceeded) and outcomes[2].flags == ["blank"]
