"""The OCR engine seam: a page image in, words with boxes and confidences out.

Everything that reads text off a page goes through an ``OcrEngine``, chosen
by one setting (``SOHOA_OCR_ENGINE``): preprocessing, reading order, quality
flags, extraction and indexing only ever see the ``PageText`` it returns. An
engine is one module; adding one (a handwriting recognizer for a
collection, a second engine whose disagreements send a page to review) is
that module plus a line in ``ENGINES``. The design follows OCRmyPDF's
``OcrEngine`` plugin interface: one class per engine, the pipeline asking it
only for what it can answer.

- ``tesseract`` (ocr/tesseract.py): Tesseract on the preprocessed image.
- ``textlayer`` (ocr/textlayer.py): the text a born-digital PDF page already
  carries; a page with none gives no words (and the flag ``no_text_layer``),
  so a deployment that only takes born-digital files needs no Tesseract.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PIL import Image

from .result import PageText


@dataclass(frozen=True)
class PageInput:
    """One page for an engine: its image (preprocessed when the engine asks for it) and where it came from."""

    image: Image.Image
    page: int  # 1-based page number in its source
    languages: str = "vie"
    psm: int = 3  # Tesseract's page segmentation mode; other engines may ignore it
    timeout: float = 180
    model_dir: str | None = None  # the engine's model files, when it has any
    source: Path | None = None  # the file the page came from, when it is at hand (a local file, a prepare)
    source_kind: str | None = None  # "pdf", "tiff", ... (ocr/sources.py)


class OcrEngine(Protocol):
    name: str
    # Whether the page is cleaned, turned upright and straightened before the engine reads it (an OCR engine)
    # or left as rasterized (an engine reading the file's own text, whose boxes match the raster as it is).
    preprocess: bool

    def recognize(self, page: PageInput) -> PageText:
        """The page's lines and words, with boxes in ``page.image``'s pixels and confidences from 0 to 1."""
        ...

    # An engine whose start costs something (a process, a model to load) may also have
    #     def recognize_many(self, pages: Sequence[PageInput]) -> list[PageText]
    # which reads several pages at that cost once and answers as ``recognize`` would for each, in order,
    # raising if any page fails (``recognize_all`` then reads them one at a time). It is optional: an engine
    # without it has its pages read one at a time.


def recognize_all(engine: OcrEngine, pages: Sequence[PageInput]) -> list[PageText]:
    """``pages`` read by ``engine``, in order: together when it can (``recognize_many``), else one at a time.
    Raises the first failure; a caller that wants each page's own outcome reads them alone after that."""
    many = getattr(engine, "recognize_many", None)
    if many is not None and len(pages) > 1:
        return many(pages)
    return [engine.recognize(page) for page in pages]


def _engines() -> dict[str, OcrEngine]:
    from .tesseract import TesseractEngine
    from .textlayer import TextLayerEngine
    return {"tesseract": TesseractEngine(), "textlayer": TextLayerEngine()}


ENGINES = ("tesseract", "textlayer")  # the choices of SOHOA_OCR_ENGINE (sohoa/config.py checks against this list)


def engine_named(name: str) -> OcrEngine:
    engines = _engines()
    if name not in engines:
        raise ValueError(f"SOHOA_OCR_ENGINE: unknown engine {name!r}; known: {', '.join(ENGINES)}")
    return engines[name]
