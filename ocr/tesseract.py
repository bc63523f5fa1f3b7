"""Tesseract, the default OCR engine: every call to it is in this module.

- ``TesseractEngine`` (ocr/engine.py's protocol): a page image in, lines and
  words with boxes and confidences out (``recognize``);
- ``orientation``: Tesseract's OSD, which preprocessing asks when the ink
  profile cannot tell a page's way up (ocr/preprocess.py);
- ``word_confidences``: a quick reading of a strip, to compare two ways up;
- ``render_pdf``: a searchable PDF (image plus invisible text) of many pages
  in one Tesseract run (ocr/output.py).
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
import time
from collections import OrderedDict
from pathlib import Path

import pytesseract
from PIL import Image

from sohoa.errors import DependencyUnavailable, StageTimeout
from sohoa.text import nfc

from .engine import PageInput
from .reading_order import reading_order
from .result import Line, PageText, Word

# Tesseract's own OpenMP threads fight with our page-level parallelism
# (several pages on several cores beat one page on several cores), as
# OCRmyPDF found; one thread per Tesseract process.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")


def tesseract_config(psm: int = 3, tessdata_dir: str | None = None, extra: str = "", dpi: int | None = None) -> str:
    parts = [f"--psm {psm}"]
    if dpi:
        parts.append(f"--dpi {int(dpi)}")
    if tessdata_dir:
        parts.append(f'--tessdata-dir "{tessdata_dir}"')
    if extra:
        parts.append(extra)
    return " ".join(parts)


class TesseractEngine:
    """Tesseract on the preprocessed page (see ``recognize``)."""

    name = "tesseract"
    preprocess = True

    def recognize(self, page: PageInput) -> PageText:
        return recognize(page.image, page.page, languages=page.languages, psm=page.psm, timeout=page.timeout,
                         tessdata_dir=page.model_dir)

    def read_lines(self, strip: Image.Image, dpi: int | None, languages: str = "vie",
                   tessdata_dir: str | None = None, timeout: float = 30) -> list[Word]:
        """The words of a strip of stacked single lines (``--psm 6``, one uniform block): the second look at ink
        the page's reading left uncovered (ocr/recover.py). A strip Tesseract cannot read gives no words."""
        try:
            with image_file(strip) as path:
                data = pytesseract.image_to_data(path, lang=languages, config=tesseract_config(6, tessdata_dir, dpi=dpi),
                                                 output_type=pytesseract.Output.DICT, timeout=timeout)
        except pytesseract.TesseractError:
            return []
        except RuntimeError as exc:
            if "timeout" in str(exc).lower():
                raise StageTimeout(f"a line crop took over {timeout:g} s") from exc
            raise
        return [w for line in lines_from_tsv(data) for w in line.words]


def recognize(image: Image.Image, page: int, languages: str = "vie", psm: int = 3,
              timeout: float = 180, tessdata_dir: str | None = None) -> PageText:
    """Run Tesseract on ``image`` and return its words grouped into lines.

    Words keep Tesseract's block/paragraph/line grouping, which is the reading
    order for single-column pages, except where Tesseract cut one column into
    side-by-side blocks (``ocr.reading_order``); extraction works from the
    boxes, so it does not depend on that order being perfect.
    """
    start = time.perf_counter()
    dpi = image.info.get("dpi")
    try:
        with image_file(image) as path:
            data = pytesseract.image_to_data(
                path,
                lang=languages,
                config=tesseract_config(psm, tessdata_dir, dpi=round(dpi[0]) if dpi else None),
                output_type=pytesseract.Output.DICT,
                timeout=timeout,
            )
    except RuntimeError as exc:
        # pytesseract signals its timeout with a bare RuntimeError.
        if "timeout" in str(exc).lower():
            raise StageTimeout(f"page {page}: Tesseract took over {timeout:g} s") from exc
        raise
    except pytesseract.TesseractNotFoundError as exc:
        raise DependencyUnavailable("tesseract is not installed") from exc
    # Tesseract may cut one column into side-by-side blocks; put its rows back in order.
    lines = reading_order(lines_from_tsv(data))
    return PageText(
        page=page,
        width=image.width,
        height=image.height,
        lines=lines,
        dpi=round(dpi[0]) if dpi else None,
        seconds=round(time.perf_counter() - start, 3),
    )


class image_file:
    """The image written to an uncompressed temporary TIFF for Tesseract.

    pytesseract would write a PNG; compressing a 300 dpi page costs about half
    a second, more than all of our preprocessing. Uncompressed TIFF is as
    cheap to write as PNM (a few milliseconds) and much cheaper for Tesseract
    to read: Leptonica reads 8-bit PNM a byte at a time, which cost 0.12 s of
    Tesseract's 0.73 s CPU on a 300 dpi register page (docs/benchmarks.md).
    Callers pass ``--dpi``, as for any format.
    """

    def __init__(self, image: Image.Image):
        self.image = image if image.mode in ("L", "RGB", "1") else image.convert("RGB")

    def __enter__(self) -> str:
        fd, self.path = tempfile.mkstemp(prefix="sohoa-ocr-", suffix=".tif")
        os.close(fd)
        self.image.save(self.path, format="TIFF", compression="raw")
        return self.path

    def __exit__(self, *exc) -> None:
        try:
            os.unlink(self.path)
        except OSError:
            pass


def lines_from_tsv(data: dict) -> list[Line]:
    """Group Tesseract's TSV rows (one per word) into lines, in Tesseract's order."""
    grouped: OrderedDict[tuple[int, int, int], list[Word]] = OrderedDict()
    for i, text in enumerate(data["text"]):
        conf = float(data["conf"][i])
        text = nfc(str(text)).strip()
        if conf < 0 or not text:  # layout rows, or empty words
            continue
        key = (int(data["block_num"][i]), int(data["par_num"][i]), int(data["line_num"][i]))
        x, y, w, h = (int(data[k][i]) for k in ("left", "top", "width", "height"))
        grouped.setdefault(key, []).append(Word(text=text, confidence=round(conf / 100, 4), bbox=(x, y, x + w, y + h)))
    lines = []
    for (block, _par, _line), words in grouped.items():
        bbox = (
            min(w.bbox[0] for w in words),
            min(w.bbox[1] for w in words),
            max(w.bbox[2] for w in words),
            max(w.bbox[3] for w in words),
        )
        lines.append(Line(words=words, bbox=bbox, block=block))
    return lines


# -- orientation and quick readings (asked by ocr/preprocess.py) ------------

_ROTATE = re.compile(r"Rotate:\s*(\d+)")
_CONF = re.compile(r"Orientation confidence:\s*([\d.]+)")


def orientation(image: Image.Image, tessdata_dir: str | None = None, timeout: float = 60) -> tuple[int, float]:
    """(degrees clockwise to turn the page upright, OSD confidence) by Tesseract's OSD; ``(0, 0.0)`` for a page it
    cannot judge (too few characters, pictures)."""
    cfg = "--psm 0 -c min_characters_to_try=20"
    if tessdata_dir:
        cfg += f' --tessdata-dir "{tessdata_dir}"'
    try:
        osd = pytesseract.image_to_osd(image, config=cfg, timeout=timeout)
    except pytesseract.TesseractError:
        return 0, 0.0  # "Too few characters", "Invalid resolution": nothing to judge
    except RuntimeError as exc:  # pytesseract's timeout
        if "timeout" in str(exc).lower():
            raise StageTimeout(f"orientation detection took over {timeout:g} s") from exc
        raise
    rot = _ROTATE.search(osd)
    conf = _CONF.search(osd)
    if not rot:
        return 0, 0.0
    return int(rot.group(1)) % 360, float(conf.group(1)) if conf else 0.0


def word_confidences(image: Image.Image, languages: str = "vie", tessdata_dir: str | None = None,
                     timeout: float = 30, psm: int = 6) -> list[tuple[float, str]]:
    """(confidence 0-100, text) of each word Tesseract reads on ``image``; empty when it reads none."""
    cfg = f"--psm {psm}" + (f' --tessdata-dir "{tessdata_dir}"' if tessdata_dir else "")
    try:
        data = pytesseract.image_to_data(image, lang=languages, config=cfg, output_type=pytesseract.Output.DICT,
                                         timeout=timeout)
    except pytesseract.TesseractError:
        return []
    return [(float(c), str(t).strip()) for c, t in zip(data["conf"], data["text"]) if float(c) >= 0 and str(t).strip()]


# -- searchable PDF (asked by ocr/output.py) ----------------------------------

def render_pdf(listing: Path, out_base: Path, languages: str, psm: int, tessdata_dir: str | None,
               timeout: float) -> Path:
    """One Tesseract run over the page images named in ``listing``: ``out_base``.pdf, image plus invisible text."""
    cmd = ["tesseract", str(listing), str(out_base), "-l", languages, "--psm", str(psm)]
    if tessdata_dir:
        cmd[1:1] = ["--tessdata-dir", tessdata_dir]
    cmd.append("pdf")
    try:
        subprocess.run(cmd, check=True, capture_output=True, timeout=timeout)
    except FileNotFoundError as exc:
        raise DependencyUnavailable("tesseract is not installed") from exc
    except subprocess.TimeoutExpired as exc:
        raise StageTimeout(f"searchable PDF took over {timeout:g} s") from exc
    except subprocess.CalledProcessError as exc:
        raise RuntimeError(f"tesseract failed writing the PDF: {exc.stderr.decode(errors='replace')[-300:]}") from exc
    return out_base.with_suffix(".pdf")
