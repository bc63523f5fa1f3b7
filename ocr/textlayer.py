"""PDF pages that already carry text: read it instead of OCR'ing the picture.

Born-digital PDFs, and scans someone already OCR'd, have a text layer that is
better than anything OCR would produce; OCR'ing them wastes minutes per
document (a common complaint about FSCrawler). ``ocr_file`` asks
``pdf_text_layer`` first and OCRs only pages without text, unless forced.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from sohoa.errors import DependencyUnavailable
from sohoa.text import nfc

from .result import Line, PageText, Word

# Fewer letters than this is a page number or a stray header, not a text layer.
MIN_LETTERS = 20
_LETTER = re.compile(r"\w", re.UNICODE)


def pdf_text_layer(path: Path | str, page: int, timeout: float = 60, min_letters: int = MIN_LETTERS) -> str | None:
    """Text of PDF page ``page`` (1-based) from its text layer, or ``None`` when it
    has none worth using (a plain scan), by poppler's ``pdftotext``."""
    cmd = ["pdftotext", "-f", str(page), "-l", str(page), "-layout", "-enc", "UTF-8", str(path), "-"]
    try:
        out = subprocess.run(cmd, capture_output=True, timeout=timeout)
    except FileNotFoundError as exc:
        raise DependencyUnavailable("poppler's pdftotext is not installed") from exc
    except subprocess.TimeoutExpired:
        return None  # treat as no usable text: the page will be OCR'd
    if out.returncode != 0:
        return None
    text = nfc(out.stdout.decode("utf-8", errors="replace")).replace("\f", "")
    if len(_LETTER.findall(text)) < min_letters:
        return None
    return text


def text_page(text: str, page: int) -> PageText:
    """A ``PageText`` from a text layer: one line per non-empty line, words
    with confidence 1 and no boxes (``(0, 0, 0, 0)``), blocks split at blank lines."""
    lines: list[Line] = []
    block = 1
    for raw in text.splitlines():
        words = raw.split()
        if not words:
            if lines and lines[-1].block == block:
                block += 1
            continue
        lines.append(Line(words=[Word(w, 1.0, (0, 0, 0, 0)) for w in words], bbox=(0, 0, 0, 0), block=block))
    return PageText(page=page, width=0, height=0, lines=lines, engine="pdftotext", seconds=0.0)
