"""Each preprocessing step on generated images, without Tesseract unless named."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from ocr import preprocess as pp
from ocr.synthetic import _stamp

import random


def gray(img: Image.Image) -> np.ndarray:
    return pp.to_gray(pp.to_array(img))


@pytest.mark.parametrize("angle", [4.0, -4.0, 0.7, -9.0])
def test_skew_is_measured_within_half_a_degree(prose, angle):
    img, _ = prose
    skewed = img.rotate(angle, resample=Image.BICUBIC, expand=True, fillcolor=255)  # counter-clockwise
    assert abs(pp.estimate_skew(gray(skewed)) - angle) <= 0.5


def test_deskew_straightens_the_page(prose):
    img, _ = prose
    g = gray(img.rotate(4, resample=Image.BICUBIC, expand=True, fillcolor=255))
    straight = pp.rotate_small(g, pp.estimate_skew(g))
    assert abs(pp.estimate_skew(straight)) <= 0.2


def test_empty_page_has_no_skew_and_no_height():
    blank = np.full((800, 600), 255, np.uint8)
    assert pp.estimate_skew(blank) == 0.0
    assert pp.text_height(blank) is None
    assert not pp.is_sideways(blank)


@pytest.mark.parametrize("turn", [90, 270])
def test_sideways_page_is_recognised_by_its_profile(prose, turn):
    g = gray(prose[0])
    assert not pp.is_sideways(g)
    assert pp.is_sideways(pp.rotate_orthogonal(g, turn))


@pytest.mark.parametrize("angle", [0.0, 4.0, -2.5, 9.0])
def test_the_sideways_test_measures_the_skew_deskewing_would(prose, form, angle):
    for page in (prose, form):
        skewed = gray(page[0].rotate(angle, resample=Image.BICUBIC, expand=True, fillcolor=255))
        assert pp.sideways_and_skew(skewed) == (False, pp.estimate_skew(skewed, max_angle=pp.SIDEWAYS_MAX_ANGLE))
        assert pp.sideways_and_skew(pp.rotate_orthogonal(skewed, 90))[0]
    assert pp.sideways_and_skew(np.full((800, 600), 255, np.uint8)) == (False, 0.0)


def test_a_page_the_sideways_test_left_is_deskewed_by_the_angle_it_measured(prose, monkeypatch):
    from ocr import steps
    from ocr.pipeline import OcrOptions, prepare

    img = prose[0].rotate(3.0, resample=Image.BICUBIC, expand=True, fillcolor=255)
    searches = []
    monkeypatch.setattr(steps.pp, "estimate_skew", lambda *a, **k: searches.append(1) or 0.0)
    monkeypatch.setattr(steps.pp, "look_skew", lambda *a, **k: searches.append(1) or 0.0)
    _gray, info = prepare(img, OcrOptions())
    assert searches == []  # deskewing did not search again
    assert abs(info["skew"] - 3.0) <= 0.5
    # A search range of its own: deskewing searches it.
    prepare(img, OcrOptions().with_steps("orient", "deskew:max_angle=5"))
    assert searches == [1]


@pytest.mark.parametrize("fed", [0, 180])
def test_osd_tells_upright_from_upside_down(prose, fed):
    g = pp.rotate_orthogonal(gray(prose[0]), fed)
    rotation, conf = pp.detect_orientation(g)
    assert rotation == fed  # turning by 180 again puts it upright
    assert conf > 2


def test_rotate_orthogonal_round_trip(prose):
    g = gray(prose[0])
    assert np.array_equal(pp.rotate_orthogonal(pp.rotate_orthogonal(g, 90), 270), g)


def test_red_stamp_is_removed_and_text_kept(prose):
    img, _ = prose
    rgb = np.asarray(img.convert("RGB")).copy()
    stamp = _stamp(300, random.Random(0), (200, 30, 40))
    page = Image.fromarray(rgb)
    page.paste(stamp, (300, 200), stamp)
    before = np.asarray(page)
    ink_before = (pp.to_gray(rgb) < 100).sum()
    out = pp.remove_stamps(before)
    def red(a):
        return ((a[..., 0].astype(int) - np.maximum(a[..., 1], a[..., 2])) > 50).sum()

    assert red(before) > 1000  # there was a stamp
    assert red(out) < 0.01 * red(before)
    # Black text (including text under the stamp) is still there.
    assert (pp.to_gray(out) < 100).sum() >= 0.97 * ink_before


def test_yellowed_paper_is_not_taken_for_a_stamp():
    paper = np.zeros((100, 100, 3), np.uint8)
    paper[:] = (235, 220, 180)
    assert np.array_equal(pp.remove_stamps(paper), paper)


def test_black_scanner_border_is_removed(prose):
    g = gray(prose[0]).copy()
    g[:, :60] = 20
    g[-50:, :] = 20
    out = pp.remove_border(g)
    assert out[:, :55].min() > 200 and out[-45:, :].min() > 200
    # The text is untouched.
    assert (out[:-60, 100:-100] < 128).sum() == (g[:-60, 100:-100] < 128).sum()


def test_background_normalisation_flattens_a_lighting_gradient(prose):
    g = gray(prose[0]).astype(np.float32)
    shade = np.linspace(0.55, 1.0, g.shape[1], dtype=np.float32)[None, :]
    dark = (g * shade).astype(np.uint8)
    out = pp.normalize_background(dark)
    paper = out[gray(prose[0]) == 255]
    assert np.percentile(paper, 5) > 200
    assert np.percentile(dark[gray(prose[0]) == 255], 5) < 160


@pytest.mark.parametrize("method", ["otsu", "adaptive", "sauvola"])
def test_binarizations_give_black_text_on_white(prose, method):
    g = gray(prose[0])
    out = pp.binarize(g, method)
    assert set(np.unique(out)) <= {0, 255}
    ink = (g < 128)
    # Most ink stays ink, most paper stays paper.
    assert (out[ink] == 0).mean() > 0.9
    assert (out[~ink] == 255).mean() > 0.98


def test_binarize_none_is_identity(prose):
    g = gray(prose[0])
    assert pp.binarize(g, "none") is g


def test_despeckle_drops_specks_but_keeps_diacritics(prose):
    g = gray(prose[0]).copy()
    rng = np.random.default_rng(0)
    ys, xs = rng.integers(0, g.shape[0], 300), rng.integers(0, 150, 300)  # left margin: paper only
    g[ys, xs] = 0
    out = pp.despeckle(g)
    assert (out[:, :150] < 128).sum() == 0
    assert abs(int((out[:, 160:] < 128).sum()) - int((g[:, 160:] < 128).sum())) < 0.01 * (g < 128).sum()


def test_leaders_are_removed_and_letters_kept(form):
    g = gray(form[0])
    out = pp.remove_leaders(g)
    removed = (g < 128) & (out >= 128)
    assert removed.sum() > 2000
    # What was removed lies right of the text: the text's own rows keep their
    # letters (a removed pixel is never part of a component taller than a dot).
    h = pp.text_height(g)
    ys, xs = np.nonzero(removed)
    assert len(ys)
    from cv2 import connectedComponentsWithStats
    n, labels, stats, _ = connectedComponentsWithStats((g < 128).astype(np.uint8))
    assert stats[np.unique(labels[removed]), 3].max() <= h * 0.35


def test_leaders_leave_prose_alone(prose):
    g = gray(prose[0])
    assert ((g < 128) & (pp.remove_leaders(g) >= 128)).sum() == 0


def test_lines_removes_vertical_rules_and_keeps_text(prose):
    g = gray(prose[0]).copy()
    g[100:2200, 50:53] = 0
    g[150:153, 60:1600] = 0
    out = pp.remove_lines(g)
    assert out[100:2200, 50:53].min() == 255  # the column rule is gone
    assert out[150:153, 60:1600].max() == 0  # row rules stay by default
    assert pp.remove_lines(g, horizontal=True)[150:153, 60:1600].min() == 255
    text = (slice(200, 2300), slice(100, 1600))
    assert ((g[text] < 128) != (out[text] < 128)).sum() == 0


def test_scale_factor_enlarges_small_text():
    from tests.ocr.conftest import page

    small, _ = page("prose", dpi=100)
    g = gray(small)
    assert pp.text_height(g) < 18
    f = pp.scale_factor(g)
    assert 1.5 < f <= 4
    assert pp.text_height(pp.rescale(g, f)) >= 18


def test_dpi_from_metadata_and_from_text(prose):
    img, _ = prose
    assert pp.image_dpi(img) == 200
    assert 140 <= pp.estimate_dpi(gray(img)) <= 280  # 12 pt text: a rough guess, not metadata


def test_leader_words():
    assert pp.is_leader_word("..........")
    assert pp.is_leader_word("…___")
    assert not pp.is_leader_word("12/03/1980")
    assert not pp.is_leader_word("...a")


def test_upright_ratio_tells_up_from_down(prose, form):
    for img, _ in (prose, form):
        g = gray(img)
        assert pp.upright_ratio(g) >= 2
        assert pp.upright_ratio(pp.rotate_orthogonal(g, 180)) <= 0.5
    assert pp.upright_ratio(np.full((500, 500), 255, np.uint8)) is None


def test_noise_is_not_taken_for_a_sideways_page():
    noise = ((np.random.default_rng(0).random((2339, 1654)) < 0.5) * 255).astype(np.uint8)
    assert not pp.is_sideways(noise)


# --------------------------------------------------------------------------- cheap checks before costly passes


def _dots(boxes):
    """Component boxes (x, y, w, h, area) as connectedComponentsWithStats gives them."""
    return np.array([(x, y, w, h, w * h) for x, y, w, h in boxes], dtype=np.int32)


def test_a_row_of_dots_may_be_a_leader_and_scattered_dots_may_not():
    row = _dots([(100 + 20 * i, 500 + (i % 2), 4, 4) for i in range(12)])  # 224 px long, 16 px gaps
    assert pp.may_have_dot_rows(row, gap=30, length=200)
    assert not pp.may_have_dot_rows(row, gap=30, length=260)  # too short for the opening
    assert not pp.may_have_dot_rows(row, gap=10, length=200)  # too far apart for the closing
    # The same dots spread over many rows (diacritics of a page of prose) never line up.
    scattered = _dots([(100 + 20 * i, 500 + 40 * i, 4, 4) for i in range(12)])
    assert not pp.may_have_dot_rows(scattered, gap=30, length=200)
    assert not pp.may_have_dot_rows(_dots([]), gap=30, length=200)


def test_dots_in_two_neighbouring_bands_still_make_one_row():
    # Tops alternate across a band boundary (bands are as tall as the tallest dot).
    row = _dots([(100 + 12 * i, 7 + (i % 2) * 2, 4, 8) for i in range(20)])
    assert pp.may_have_dot_rows(row, gap=12, length=200)


def test_leader_removal_is_the_same_with_and_without_its_precheck(form, prose):
    for page in (form, prose):
        g = gray(page[0])
        h = pp.text_height(g)
        checked = pp.clean_components(g, height=h, precheck=True)
        assert (checked == pp.clean_components(g, height=h, precheck=False)).all()
    assert (pp.clean_components(gray(form[0])) != gray(form[0])).any()  # the form's leaders did go


def test_the_component_pass_around_the_ink_gives_what_the_whole_page_gives(form, prose, monkeypatch):
    pages = [gray(form[0]), gray(prose[0])]
    # A leader and specks touching the page's edges, where the box around the ink is cut by the page.
    edged = gray(form[0]).copy()
    edged[edged.shape[0] // 2, 0:400:12] = 0
    edged[edged.shape[0] // 2 + 1, 0:400:12] = 0
    edged[0, edged.shape[1] - 1] = 0
    edged[edged.shape[0] - 1, 5] = 0
    pages.append(edged)
    # A row of dots three letter heights long, the leftmost ink on the page: too short for a leader (four
    # heights), however the box around the ink is cut.
    short = np.full((form[0].height, form[0].width + 300), 255, np.uint8)
    short[:, 300:] = gray(form[0])
    h = int(pp.text_height(short))
    for x in range(100, 100 + 3 * h, max(4, h // 3)):
        short[900:903, x:x + 3] = 0
    pages.append(short)
    around = [pp.clean_components(g, height=pp.text_height(g)) for g in pages]
    monkeypatch.setattr(pp, "mask_window", lambda mask, reach=0: (0, 0, mask.shape[1], mask.shape[0]) if mask.any() else None)
    whole = [pp.clean_components(g, height=pp.text_height(g)) for g in pages]
    for a, w in zip(around, whole):
        assert (a == w).all()
    assert (around[0] != pages[0]).any() and (around[2] != pages[2]).any()  # leaders and specks did go
    assert (around[3][895:910, 90:100 + 3 * h] == pages[3][895:910, 90:100 + 3 * h]).all()  # the short row stays


def test_vertical_runs_are_found_on_the_shorter_copy():
    mask = np.zeros((1000, 300), np.uint8)
    assert not pp.may_have_vertical_runs(mask, 120)
    mask[101:222, 40:42] = 1  # 121 px: long enough
    assert pp.may_have_vertical_runs(mask, 120)
    mask[:] = 0
    mask[100:150, 40:42] = 1  # a letter's stem, far shorter
    assert not pp.may_have_vertical_runs(mask, 120)


def test_rule_removal_is_the_same_with_and_without_its_precheck(prose):
    g = gray(prose[0]).copy()
    assert (pp.remove_lines(g, precheck=True) == pp.remove_lines(g, precheck=False)).all()
    g[100:2200, 50:53] = 0
    assert (pp.remove_lines(g, precheck=True) == pp.remove_lines(g, precheck=False)).all()


def test_painting_few_components_matches_painting_them_all(prose):
    import cv2
    g = gray(prose[0])
    n, labels, stats, _ = cv2.connectedComponentsWithStats(pp.ink_mask(g).astype(np.uint8), connectivity=8)
    for every in (7, 1):  # a few components (boxes), then all of them (one pass)
        drop = np.zeros(n, bool)
        drop[1::every] = True
        expected = g.copy()
        expected[drop[labels]] = 255
        assert (pp.paint_components(g, labels, stats, drop) == expected).all()


def test_ink_box_covers_every_ink_pixel_with_its_margin():
    g = np.full((400, 300), 250, np.uint8)
    assert pp.ink_box(g, margin=10) is None
    g[50:60, 100:180] = 20
    g[300, 40] = 20
    assert pp.ink_box(g, margin=10) == (30, 40, 190, 311)
    assert pp.ink_box(g, margin=100) == (0, 0, 280, 400)
