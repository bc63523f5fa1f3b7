"""The preprocessing registry: steps by name, options validated on load, run in their order."""

from __future__ import annotations

import numpy as np
import pytest

from ocr.pipeline import DEFAULT_STEPS, OcrOptions, prepare
from ocr.steps import (BinarizeOptions, DeskewOptions, Page, PageContext, StepError, StepSpec, make_options,
                       pipeline_for, run_pipeline, step_names)
from sohoa.config import Config, ConfigError, OCR_STEPS


def test_every_switchable_step_is_registered_and_the_kernel_knows_the_same_names():
    assert set(step_names()) == set(OCR_STEPS)
    assert set(DEFAULT_STEPS) <= set(step_names())


def test_an_unknown_step_is_a_clear_error_naming_it_and_the_known_ones():
    with pytest.raises(StepError, match=r"unknown preprocessing step 'sharpen'; known: stamps, .*binarize"):
        pipeline_for(["deskew", "sharpen"])


@pytest.mark.parametrize("spec, problem", [
    ("binarize:method=sauvolla", r"step 'binarize': option 'method' expected one of none, otsu"),
    ("binarize:window=wide", r"step 'binarize': option 'window' expects a int, not 'wide'"),
    ("deskew:max_angle=90", r"step 'deskew': option 'max_angle' must be above 0"),
    ("deskew:angle=3", r"step 'deskew': option 'angle' is not an option of this step \(options: max_angle, min_angle\)"),
    ("leaders:size=3", r"step 'leaders': option 'size' is not an option of this step \(options: none\)"),
    ("lines:horizontal=maybe", r"step 'lines': option 'horizontal' expects a bool"),
    ("deskew:5", r"step 'deskew': '5' is not key=value"),
])
def test_a_bad_option_is_a_clear_error_naming_the_step_and_the_option(spec, problem):
    with pytest.raises(StepError, match=problem):
        pipeline_for([spec])


def test_a_step_listed_twice_is_refused():
    with pytest.raises(StepError, match="'deskew' is listed twice"):
        pipeline_for(["deskew", "deskew:max_angle=5"])


def test_options_are_parsed_typed_and_layered_over_the_older_settings():
    assert StepSpec.parse(" binarize : method=sauvola : k=0.3 ") == StepSpec("binarize", (("method", "sauvola"),
                                                                                            ("k", "0.3")))
    assert make_options("binarize", [("k", "0.3")], {"method": "otsu"}) == BinarizeOptions("otsu", 0, 0.3)
    assert make_options("binarize", [("method", "adaptive")], {"method": "otsu"}).method == "adaptive"
    assert make_options("deskew") == DeskewOptions()
    options = OcrOptions(steps=("binarize:method=otsu",), binarize="sauvola")
    (_, chosen), = [(s, o) for s, o in options.pipeline().steps if s.name == "binarize"]
    assert chosen.method == "otsu"


def test_steps_run_in_the_registry_order_whatever_the_list_order():
    names = [s.name for s, _ in pipeline_for(["binarize", "deskew", "stamps"]).steps]
    assert names == ["stamps", "grey", "deskew", "text_height", "dpi", "binarize"]


def test_the_settings_load_refuses_a_bad_option_naming_the_setting():
    with pytest.raises(StepError, match=r"SOHOA_OCR_STEPS: preprocessing step 'binarize': option 'k'"):
        OcrOptions.from_config(Config.from_env({"SOHOA_OCR_STEPS": "deskew,binarize:k=high"}))
    with pytest.raises(ConfigError, match="SOHOA_OCR_STEPS"):
        Config.from_env({"SOHOA_OCR_STEPS": "deskew,sharpen:level=2"})
    config = Config.from_env({"SOHOA_OCR_STEPS": "deskew:max_angle=5,binarize:method=otsu"})
    assert OcrOptions.from_config(config).steps == ("deskew:max_angle=5", "binarize:method=otsu")


def test_an_option_changes_what_the_step_does():
    # A grey ramp: Otsu makes it two colours, a binarize step left at "none" keeps every grey.
    ramp = np.tile(np.arange(256, dtype=np.uint8), (64, 1))

    def run(*specs):
        page = Page(image=ramp.copy(), info={"dpi": 300}, context=PageContext(), steps=frozenset())
        run_pipeline(page, pipeline_for(specs), lambda name: None)
        return page.image
    assert len(np.unique(run("binarize"))) == 256
    assert set(np.unique(run("binarize:method=otsu"))) == {0, 255}


def test_despeckling_joins_the_leaders_pass_and_runs_alone_without_it(prose):
    img, _ = prose
    specks = img.convert("L").copy()
    px = specks.load()
    for x in range(40, 400, 37):
        px[x, 20] = 0  # dust in the top margin
    with_leaders, _ = prepare(specks, OcrOptions(steps=("denoise", "leaders")))
    alone, _ = prepare(specks, OcrOptions(steps=("denoise",)))
    bare, _ = prepare(specks, OcrOptions(steps=()))
    assert (bare[20, 40:400:37] == 0).all()
    assert (with_leaders[20, 40:400:37] == 255).all() and (alone[20, 40:400:37] == 255).all()


def test_the_worker_refuses_to_start_with_a_bad_step_option(monkeypatch, capsys):
    from argparse import Namespace

    from ingest.cli import cmd_worker
    monkeypatch.setenv("SOHOA_OCR_STEPS", "deskew,binarize:method=sauvolla")
    assert cmd_worker(Namespace(processes=None, threads=None, queues=None)) == 2
    err = capsys.readouterr().err
    assert "SOHOA_OCR_STEPS" in err and "'binarize'" in err and "'method'" in err


def test_only_a_noisy_page_is_smoothed_and_the_measure_is_recorded(prose):
    img, _ = prose
    clean = np.asarray(img.convert("L")).copy()
    rng = np.random.default_rng(3)
    noisy = np.clip(clean.astype(np.int16) + rng.normal(0, 14, clean.shape).round().astype(np.int16),
                    0, 255).astype(np.uint8)
    light = np.clip(clean.astype(np.int16) + rng.normal(0, 4, clean.shape).round().astype(np.int16),
                    0, 255).astype(np.uint8)

    def run(image):
        page = Page(image=image.copy(), info={"dpi": 300}, context=PageContext(), steps=frozenset())
        run_pipeline(page, pipeline_for(["smooth"]), lambda name: None)
        return page
    quiet, grainy, little = run(clean), run(noisy), run(light)
    assert quiet.info["noise"] < 1 and "smoothed" not in quiet.info and (quiet.image == clean).all()
    assert little.info["noise"] < 4.5 and "smoothed" not in little.info and (little.image == light).all()
    assert grainy.info["noise"] >= 4.5 and grainy.info["smoothed"]
    assert np.abs(grainy.image.astype(int) - clean).mean() < np.abs(noisy.astype(int) - clean).mean()


def test_smooth_threshold_is_an_option():
    with pytest.raises(StepError, match=r"step 'smooth': option 'min_noise' must be 0 or more"):
        pipeline_for(["smooth:min_noise=-1"])
