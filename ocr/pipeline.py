"""The OCR stages for one page, and for one local file, wired together.

``ocr_image`` is what a worker runs on a page image; ``ocr_file`` is what
``sohoa ocr FILE`` and the benchmarks run on a local file with no services.
Both are plain functions: image in, ``PageText`` out.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from PIL import Image

from sohoa.config import Config

from .recognize import recognize
from .result import PageText
from .sources import SourceInfo, detect_kind, inspect, page_image, set_pixel_limit


@dataclass(frozen=True)
class OcrOptions:
    languages: str = "vie"
    dpi: int = 300
    timeout: float = 180
    psm: int = 3
    max_pages: int = 2000
    max_pixels: int = 20000 * 20000
    low_confidence: float = 0.6  # mean word confidence under which a page goes to review

    @classmethod
    def from_config(cls, config: Config) -> "OcrOptions":
        return cls(
            languages=config.ocr_languages,
            dpi=config.ocr_dpi,
            timeout=config.ocr_timeout,
            max_pages=config.max_pages,
            max_pixels=config.max_pixels,
        )


def quality_flags(page: PageText, options: OcrOptions) -> list[str]:
    """Flags that send a page to review instead of passing it off as good text."""
    flags = []
    if not page.words:
        flags.append("blank")
    elif page.mean_confidence < options.low_confidence:
        flags.append("low_confidence")
    return flags


def ocr_image(image: Image.Image, page: int, options: OcrOptions) -> PageText:
    result = recognize(image, page, languages=options.languages, psm=options.psm, timeout=options.timeout)
    result.flags = quality_flags(result, options)
    return result


def open_source(path: Path, options: OcrOptions) -> SourceInfo:
    set_pixel_limit(options.max_pixels)
    with open(path, "rb") as fh:
        head = fh.read(8192)
    return inspect(path, detect_kind(head), options.max_pages)


def ocr_file(path: Path, options: OcrOptions) -> Iterator[PageText]:
    """OCR every page of a local file, one page in memory at a time."""
    info = open_source(path, options)
    for n in range(1, info.pages + 1):
        image = page_image(path, info, n, options.dpi, options.max_pixels)
        yield ocr_image(image, n, options)
