"""One cheap look at a page (pp.Look) and the steps it lets a page skip."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from PIL import Image

from ocr import preprocess as pp
from ocr.pipeline import OcrOptions, prepare, prepared_image
from ocr.result import PageText
from ocr.steps import CLEAR_UPRIGHT, EVEN_PAPER
from ocr.synthetic import make_scan


def gray(img: Image.Image) -> np.ndarray:
    return pp.to_gray(pp.to_array(img))


@pytest.fixture(scope="module")
def scans():
    """Degraded scans of every kind at levels 0-3 (specks, stamps, uneven light, skew, turned pages)."""
    return [make_scan(index, level, seed=5)[0] for level in range(4) for index in range(3)]


def test_the_look_is_a_half_and_a_quarter_size_copy(prose):
    g = gray(prose[0])
    look = pp.look_at(g)
    assert look.half.shape == (g.shape[0] // 2, g.shape[1] // 2)
    assert look.quarter.shape == (g.shape[0] // 4, g.shape[1] // 4)
    assert abs(float(look.quarter.mean()) - float(g.mean())) < 1


@pytest.mark.parametrize("angle", [0.0, 0.3, -1.2, 4.0, -7.5, 9.5])
def test_coarse_to_fine_skew_finds_the_full_search_angle(prose, form, angle):
    for page in (prose, form):
        skewed = gray(page[0].rotate(angle, resample=Image.BICUBIC, expand=True, fillcolor=255))
        sideways, found = pp.look_sideways_and_skew(pp.look_at(skewed), skewed)
        assert not sideways
        assert abs(found - angle) <= 0.15
        assert abs(found - pp.estimate_skew(skewed, max_angle=pp.SIDEWAYS_MAX_ANGLE)) <= 0.1
        assert abs(pp.look_skew(pp.look_at(skewed), skewed, max_angle=5.0) - min(angle, 5.0)) <= 0.15 or abs(angle) > 5
        turned = pp.rotate_orthogonal(skewed, 90)
        assert pp.look_sideways_and_skew(pp.look_at(turned), turned)[0]


def test_a_page_with_too_little_ink_is_measured_as_before():
    blank = np.full((1600, 1200), 255, np.uint8)
    assert pp.look_sideways_and_skew(pp.look_at(blank), blank) == (False, 0.0)
    assert pp.text_height(blank, pp.look_at(blank)) is None
    assert pp.look_specks(pp.look_at(blank), 20.0) == 0 and not pp.look_dot_rows(pp.look_at(blank), 20.0)


def test_text_height_from_the_look_is_the_text_height(prose, form, scans):
    for g in [gray(prose[0]), gray(form[0])] + [gray(s) for s in scans[:4]]:
        assert pp.text_height(g, pp.look_at(g)) == pp.text_height(g)


def test_even_paper_is_told_from_uneven_light(prose):
    g = gray(prose[0])
    assert pp.paper_spread(pp.look_at(g)) < EVEN_PAPER
    # Light falling off by a fifth across the page.
    shade = np.linspace(1.0, 0.8, g.shape[1])[None, :]
    dim = (g.astype(np.float64) * shade).astype(np.uint8)
    assert pp.paper_spread(pp.look_at(dim)) > 2 * EVEN_PAPER


def test_histogram_median_and_percentiles_are_numpys():
    rng = np.random.default_rng(3)
    for n in (1, 2, 7, 10, 1001):
        a = rng.integers(0, 256, size=(3, n)).astype(np.uint8)
        assert pp.grey_median(a) == np.median(a)
        assert pp.grey_percentiles(a, (1, 50, 99)) == [int(v) for v in np.percentile(a, (1, 50, 99), method="inverted_cdf")]


def _straight(img: Image.Image) -> tuple[np.ndarray, float]:
    """The page as the component pass sees it: flattened, turned and straightened; its text height."""
    g = np.asarray(prepared_image(img, OcrOptions(look=False).with_steps("stamps", "border", "background", "orient",
                                                                          "deskew")))
    return g, pp.text_height(g)


def test_a_page_the_look_finds_no_specks_or_dots_on_loses_none_to_the_full_pass(scans, form, prose):
    """What the look lets a page skip, the full-size pass would not have changed; what it sends to the pass
    includes every page with specks or leaders."""
    kinds = {"specks": [], "leaders": []}
    for img in scans + [form[0], prose[0]]:
        g, h = _straight(img)
        look = pp.look_at(g)
        specks, rows = pp.look_specks(look, h), pp.look_dot_rows(look, h)
        despeckled = pp.clean_components(g, height=h, specks=True, leaders=False)
        unled = pp.clean_components(g, height=h, specks=False, leaders=True)
        if not specks:
            # A lone speck of a pixel or two can fade in the halving: at most one speck's pixels are left.
            assert int((despeckled != g).sum()) <= pp.speck_area(h)
        if not rows:
            assert (unled == g).all()
        kinds["specks"].append(bool(specks))
        kinds["leaders"].append(rows)
    # Both answers occur: the test is not passed by a look that always says "run".
    assert set(kinds["specks"]) == {True, False}
    assert set(kinds["leaders"]) == {True, False}


def test_a_clean_upright_page_skips_what_it_does_not_need_and_says_why(form):
    gray_image, info = prepare(form[0], OcrOptions())
    skipped = info["skipped"]
    assert set(skipped) >= {"background", "upright_test", "denoise"}
    assert "even paper" in skipped["background"] and skipped["denoise"] == "no specks"
    assert info["rotation"] == 0 and info["orientation_method"] == "profile"
    # Without the look, nothing is skipped, and the page comes out the same but for the paper's grey level.
    before, info_before = prepare(form[0], OcrOptions(look=False))
    assert "skipped" not in info_before
    assert before.shape == gray_image.shape
    assert (pp.ink_mask(before) == pp.ink_mask(gray_image)).mean() > 0.999


def test_a_degraded_page_is_not_let_off_its_steps(scans):
    for img in scans[9:]:  # level 3: uneven light, specks
        _g, info = prepare(img, OcrOptions())
        assert "background" not in info.get("skipped", {})
        assert "denoise" not in info.get("skipped", {})


def test_an_upside_down_page_still_takes_the_full_test(prose):
    turned = prose[0].rotate(180)
    assert pp.look_upright_ratio(pp.look_at(gray(turned)), pp.text_height(gray(turned))) < CLEAR_UPRIGHT
    _g, info = prepare(turned, OcrOptions())
    assert info["rotation"] == 180
    assert "upright_test" not in info.get("skipped", {})


def test_what_was_skipped_is_kept_in_the_page_text():
    page = PageText(page=1, width=10, height=10, skipped={"background": "even paper (varies by 2 grey levels)"})
    assert PageText.from_dict(page.to_dict()).skipped == page.skipped
    assert PageText.from_dict({"page": 1, "width": 1, "height": 1}).skipped == {}


def test_a_dark_edge_is_seen_and_whitened_as_before(prose):
    g = gray(prose[0]).copy()
    assert not pp.look_edge_dark(pp.look_at(g))
    g[:, :60] = 20  # the scanner lid along the left edge
    assert pp.look_edge_dark(pp.look_at(g))
    looked, info = prepare(Image.fromarray(g), OcrOptions().with_steps("border"))
    before, _ = prepare(Image.fromarray(g), OcrOptions(look=False).with_steps("border"))
    assert "border" not in info.get("skipped", {})
    assert (looked == before).all() and (looked[:, :60] == 255).all()


def test_the_look_gives_the_same_turn_angle_and_pixels_where_the_steps_run(scans):
    """Degraded scans (uneven paper, specks, skew, turned): whatever the look lets them skip, they come out
    as without it, turned and straightened by the same angle."""
    for img in scans[3:]:
        looked, info = prepare(img, OcrOptions())
        before, info_before = prepare(img, OcrOptions(look=False))
        assert (info["rotation"], info["skew"]) == (info_before["rotation"], info_before["skew"])
        assert looked.shape == before.shape and (looked == before).all()


def test_an_odd_sized_page_keeps_its_text_height(prose):
    """The look leaves an odd page's last row or column out of its copies; the text height, which every
    later step depends on, is still measured on the whole page's half-size copy."""
    g = gray(prose[0])
    odd = np.vstack([g, np.full((1, g.shape[1]), 255, np.uint8)])[:, : g.shape[1] - 1 + g.shape[1] % 2]
    assert odd.shape[0] % 2 == 1
    whole = cv2.resize(odd, (odd.shape[1] // 2, odd.shape[0] // 2), interpolation=cv2.INTER_AREA)
    assert pp.text_height(odd, pp.look_at(odd)) == pp._text_height(whole) * 2
    assert pp.look_at(odd).half.shape == (odd.shape[0] // 2, odd.shape[1] // 2)
