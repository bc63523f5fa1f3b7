"""The short sides of boxed cells (ocr/box_sides.py) and their removal with the rules (preprocess.remove_lines)."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from ocr import preprocess as pp
from ocr.box_sides import box_sides, side_length

ROW = 52  # a boxed row about two and a half letters tall, as on a register of certificates
LETTER = 20


def boxed_rows(rows: int = 4) -> np.ndarray:
    """A stack of boxes, one a row, each split in a label and a value cell by a side one row tall."""
    g = np.full((60 + rows * (ROW + 6), 900), 255, np.uint8)
    for r in range(rows):
        top = 30 + r * (ROW + 6)
        g[top, 40:860] = 0
        g[top + ROW, 40:860] = 0
        for x in (40, 400, 859):
            g[top:top + ROW + 1, x] = 0
    return g


def test_a_side_one_row_tall_standing_on_a_rule_is_found():
    g = boxed_rows()
    mask = (g < 128).astype(np.uint8)
    sides = box_sides(mask, side_length(LETTER), LETTER * 5)
    assert sides[40:80, 400].all() and sides[40:80, 40].all()
    assert not sides[30, 100:380].any()  # the row's rules are not sides


def test_a_letter_stem_or_a_lone_bar_is_not_a_side():
    mask = np.zeros((300, 600), np.uint8)
    mask[100:100 + int(LETTER * 1.5), 50:53] = 1  # a stem from descender to ascender
    mask[100:100 + 3 * LETTER, 200:202] = 1  # a tall bar with no rule at its ends
    mask[250, 300:500] = 1  # a rule, far from both
    assert not box_sides(mask, side_length(LETTER), LETTER * 5).any()


def test_the_sides_go_with_the_rules_and_the_text_stays():
    g = boxed_rows()
    font = ImageFont.load_default()
    img = Image.fromarray(g)
    ImageDraw.Draw(img).text((60, 45), "Noi sinh", fill=0, font=font)
    ImageDraw.Draw(img).text((410, 45), "1965", fill=0, font=font)
    g = np.asarray(img).copy()
    out = pp.remove_lines(g, height=LETTER)
    assert out[40:80, 400].min() == 255 and out[40:80, 40].min() == 255  # the sides are gone
    assert out[30, 100:380].max() == 0  # the rows' rules stay (horizontal rules are kept by default)
    text = (slice(42, 78), slice(55, 395))
    assert ((g[text] < 128) == (out[text] < 128)).all()
    assert (pp.remove_lines(g, height=LETTER, precheck=True) == pp.remove_lines(g, height=LETTER, precheck=False)).all()
