"""Tesseract, the default OCR engine: every call to it is in this module.

- ``TesseractEngine`` (ocr/engine.py's protocol): a page image in, lines and
  words with boxes and confidences out (``recognize``); several pages in one
  run (``recognize_many``), so the process starts and the model loads once
  for a range of pages instead of once a page;
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
from collections.abc import Sequence
from pathlib import Path

import pytesseract
from PIL import Image

from sohoa.errors import DependencyUnavailable, StageTimeout
from sohoa.text import nfc

from .engine import PageInput
from .lookalikes import reads_vietnamese, vietnamese_letters
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

    def recognize_many(self, pages: Sequence[PageInput]) -> list[PageText]:
        """The pages read by as few Tesseract runs as their settings allow, in the order given.

        Tesseract takes one ``--psm``, ``--dpi``, language and model for a whole run, so pages are grouped by
        them; a register's range is one group. Each run is allowed the sum of its pages' timeouts. Any failure
        of a run raises (the caller reads the pages one at a time instead, so one bad page fails alone)."""
        results: list[PageText | None] = [None] * len(pages)
        groups: dict[tuple, list[int]] = {}
        for i, page in enumerate(pages):
            groups.setdefault((page.languages, page.psm, page.model_dir, _dpi_of(page.image)), []).append(i)
        for (languages, psm, model_dir, _dpi), members in groups.items():
            read = recognize_together([pages[i].image for i in members], [pages[i].page for i in members],
                                      languages=languages, psm=psm, tessdata_dir=model_dir,
                                      timeout=sum(pages[i].timeout for i in members))
            for i, result in zip(members, read):
                results[i] = result
        return [r for r in results if r is not None]

    def read_lines(self, strip: Image.Image, dpi: int | None, languages: str = "vie",
                   tessdata_dir: str | None = None, timeout: float = 30, whitelist: str = "") -> list[Word]:
        """The words of a strip of stacked single lines (``--psm 6``, one uniform block): the second look at ink
        the page's reading left uncovered (ocr/recover.py), the second reading of numbers (ocr/digit_reread.py,
        with a ``whitelist`` of the characters it may write). A strip Tesseract cannot read gives no words."""
        return self.read_lines_many([(strip, dpi)], languages, tessdata_dir, timeout, whitelist)[0]

    def read_lines_many(self, strips: Sequence[tuple[Image.Image, int | None]], languages: str = "vie",
                        tessdata_dir: str | None = None, timeout: float = 30,
                        whitelist: str = "") -> list[list[Word]]:
        """``read_lines`` for several strips (the second looks of a range's pages), one run per dpi; ``timeout``
        is per strip. A lone strip Tesseract cannot read gives no words; a run of several it refuses raises, as
        ``recognize_many`` does (the caller, ``ocr.pipeline``, then reads them one at a time)."""
        extra = f"-c tessedit_char_whitelist={whitelist}" if whitelist else ""
        found: list[list[Word]] = [[] for _ in strips]
        groups: dict[int | None, list[int]] = {}
        for i, (_strip, dpi) in enumerate(strips):
            groups.setdefault(dpi, []).append(i)
        for dpi, members in groups.items():
            images = [strips[i][0] for i in members]
            try:
                pages = tsv_pages(images, languages, tesseract_config(6, tessdata_dir, extra, dpi=dpi),
                                  timeout * len(images), "a line crop")
            except pytesseract.TesseractError:
                if len(members) == 1:
                    continue
                raise
            for i, data in zip(members, pages):
                found[i] = [w for line in lines_from_tsv(data, languages) for w in line.words]
        return found


def _dpi_of(image: Image.Image) -> int | None:
    dpi = image.info.get("dpi")
    return round(dpi[0]) if dpi else None


def recognize(image: Image.Image, page: int, languages: str = "vie", psm: int = 3,
              timeout: float = 180, tessdata_dir: str | None = None) -> PageText:
    """Run Tesseract on ``image`` and return its words grouped into lines.

    Words keep Tesseract's block/paragraph/line grouping, which is the reading
    order for single-column pages, except where Tesseract cut one column into
    side-by-side blocks (``ocr.reading_order``); extraction works from the
    boxes, so it does not depend on that order being perfect.
    """
    return recognize_together([image], [page], languages, psm, timeout, tessdata_dir)[0]


def recognize_together(images: Sequence[Image.Image], pages: Sequence[int], languages: str = "vie", psm: int = 3,
                       timeout: float = 180, tessdata_dir: str | None = None) -> list[PageText]:
    """``recognize`` for several images of the same dpi in one Tesseract run (the process started and the model
    loaded once), ``timeout`` for the whole run: the same words, boxes and confidences as one run per image, as
    Tesseract reads each image of a run afresh (tests/ocr/test_engines.py compares both)."""
    start = time.perf_counter()
    dpi = _dpi_of(images[0])
    what = f"page {pages[0]}" if len(pages) == 1 else f"pages {', '.join(str(n) for n in pages)}"
    data = tsv_pages(images, languages, tesseract_config(psm, tessdata_dir, dpi=dpi), timeout, what)
    share = round((time.perf_counter() - start) / len(images), 3)
    # Tesseract may cut one column into side-by-side blocks; put its rows back in order.
    return [PageText(page=page, width=image.width, height=image.height,
                     lines=reading_order(lines_from_tsv(rows, languages)), dpi=dpi, seconds=share)
            for image, page, rows in zip(images, pages, data)]


def tsv_pages(images: Sequence[Image.Image], languages: str, config: str, timeout: float, what: str) -> list[dict]:
    """One Tesseract run over ``images``: each image's TSV rows (pytesseract's columns), in order.

    One image is handed over as its file; several as a text file listing their files, one a line, which
    Tesseract reads as a multi-page input and answers with one TSV whose ``page_num`` counts the images.
    ``what`` names the input in a timeout's message (page numbers, never a name or a path)."""
    with image_files(images) as paths:
        target = paths[0]
        if len(paths) > 1:
            target = os.path.join(os.path.dirname(paths[0]), "pages.txt")
            with open(target, "w", encoding="utf-8") as fh:
                fh.write("".join(f"{path}\n" for path in paths))
        try:
            data = pytesseract.image_to_data(target, lang=languages, config=config,
                                             output_type=pytesseract.Output.DICT, timeout=timeout)
        except RuntimeError as exc:
            # pytesseract signals its timeout with a bare RuntimeError.
            if "timeout" in str(exc).lower():
                raise StageTimeout(f"{what}: Tesseract took over {timeout:g} s") from exc
            raise
        except pytesseract.TesseractNotFoundError as exc:
            raise DependencyUnavailable("tesseract is not installed") from exc
    return split_pages(data, [(image.width, image.height) for image in images])


class RunMismatch(RuntimeError):
    """A run's TSV does not have one page per image handed over, each of its size."""


def split_pages(data: dict, sizes: Sequence[tuple[int, int]]) -> list[dict]:
    """A multi-page TSV (pytesseract's dict of columns) cut into one dict per page, in page order.

    Every page of a run starts with a page row (level 1) carrying the image's size; the pages found must be the
    images handed over, one each and of their sizes, or the rows could be given to the wrong page: anything
    else raises ``RunMismatch``."""
    columns = list(data)
    pages: dict[int, dict] = {}
    numbers = data.get("page_num", [])
    for i, number in enumerate(numbers):
        rows = pages.setdefault(int(number), {c: [] for c in columns})
        for c in columns:
            if i < len(data[c]):
                rows[c].append(data[c][i])
    if sorted(pages) != list(range(1, len(sizes) + 1)):
        raise RunMismatch(f"Tesseract answered for {len(pages)} of {len(sizes)} images")
    for (number, rows), size in zip(sorted(pages.items()), sizes):
        page_rows = [i for i, level in enumerate(rows["level"]) if int(level) == 1]
        if len(page_rows) != 1 or (int(rows["width"][page_rows[0]]), int(rows["height"][page_rows[0]])) != size:
            raise RunMismatch(f"Tesseract's page {number} is not the image handed over")
    return [pages[n] for n in sorted(pages)]


class image_files:
    """Images written to uncompressed temporary TIFFs in a directory of their own, for one Tesseract run.

    pytesseract would write a PNG; compressing a 300 dpi page costs about half
    a second, more than all of our preprocessing. Uncompressed TIFF is as
    cheap to write as PNM (a few milliseconds) and much cheaper for Tesseract
    to read: Leptonica reads 8-bit PNM a byte at a time, which cost 0.12 s of
    Tesseract's 0.73 s CPU on a 300 dpi register page (docs/benchmarks.md).
    Callers pass ``--dpi``, as for any format.
    """

    def __init__(self, images: Sequence[Image.Image]):
        self.images = images

    def __enter__(self) -> list[str]:
        self.dir = tempfile.TemporaryDirectory(prefix="sohoa-ocr-")
        paths = []
        for i, image in enumerate(self.images):
            path = os.path.join(self.dir.name, f"{i + 1:04d}.tif")
            (image if image.mode in ("L", "RGB", "1") else image.convert("RGB")).save(path, format="TIFF",
                                                                                     compression="raw")
            paths.append(path)
        return paths

    def __exit__(self, *exc) -> None:
        self.dir.cleanup()


class image_file(image_files):
    """One image written as ``image_files`` writes it; its path (the name older imports use)."""

    def __init__(self, image: Image.Image):
        super().__init__([image])

    def __enter__(self) -> str:  # type: ignore[override]
        return super().__enter__()[0]


def lines_from_tsv(data: dict, languages: str = "vie") -> list[Line]:
    """Group Tesseract's TSV rows (one per word) into lines, in Tesseract's order. Words read in Vietnamese have
    the letters of other alphabets the model writes for a Vietnamese one put back (ocr/lookalikes.py)."""
    grouped: OrderedDict[tuple[int, int, int], list[Word]] = OrderedDict()
    vietnamese = reads_vietnamese(languages)
    for i, text in enumerate(data["text"]):
        conf = float(data["conf"][i])
        text = nfc(str(text)).strip()
        if vietnamese:
            text = vietnamese_letters(text)
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
