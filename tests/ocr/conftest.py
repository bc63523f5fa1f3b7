"""Rendered pages shared by the OCR tests (small and fast: 200 dpi, clean)."""

from __future__ import annotations

import random

import pytest

from ocr.synthetic import PageSpec, render_page


def page(kind: str = "prose", dpi: int = 200, seed: int = 1, family: str = "sans", size: float = 12,
         lines: int = 12):
    font = {"sans": "dejavu/DejaVuSans.ttf", "serif": "dejavu/DejaVuSerif.ttf",
            "mono": "dejavu/DejaVuSansMono.ttf"}[family]
    spec = PageSpec(kind=kind, family=family, font=font, size_pt=size, dpi=dpi, level=0)
    return render_page(spec, random.Random(seed), lines_max=lines)


@pytest.fixture(scope="session")
def prose():
    return page("prose")


@pytest.fixture(scope="session")
def form():
    return page("form", lines=10)
