"""Page images as a role may see them: the scan itself, or a copy with personal data blacked out.

For roles without the right to personal data, every box that could show a date of birth or an ID number is
painted black before the image leaves the service:

- the boxes of the record's masked fields (``date_of_birth``, ``personal_id`` anywhere in the record), and
- the boxes of every group of OCR words on the page that forms a date finer than a year or an ID number, in
  any written form the extractor reads (``schemas.normalize.sensitive_spans`` over the page's words joined in
  reading order, so a date in words broken over two lines is one group).

Which boxes to paint is a pure function of the OCR result (``redaction_boxes``); painting is another
(``redact``). A page whose OCR result is missing is not shown redacted at all (``NoOcr``): without it the
service cannot know what to hide.
"""

from __future__ import annotations

import io
import re

from PIL import Image, ImageDraw

from ocr.output import to_source
from ocr.result import PageText
from schemas.extract import flatten_fields
from schemas.loader import load_schemas
from schemas.normalize import sensitive_spans
from sohoa.errors import DependencyUnavailable

PAD = 0.25  # of a word's height, around each box: ink reaches past Tesseract's tight boxes


class NoOcr(LookupError):
    pass


class NoImage(LookupError):
    pass


def _leaf(key: str) -> str:
    return re.sub(r"\[\d+\]", "", key).rsplit(".", 1)[-1]


def field_boxes(record: dict, page: int) -> list[tuple[int, int, int, int]]:
    """OCR-image boxes of the record's masked fields on ``page``."""
    boxes = flatten_fields(record, "bbox")
    pages = flatten_fields(record, "page")
    masked = load_schemas().roles.masked_leaves  # dates of birth and ID numbers, as the types declare them
    return [tuple(b) for k, b in boxes.items()
            if _leaf(k) in masked and b and len(b) == 4 and (pages.get(k) in (None, page))]


def word_boxes(ocr: PageText) -> list[tuple[int, int, int, int]]:
    """OCR-image boxes of every word that is part of a date finer than a year or of an ID number."""
    words = ocr.words
    text, starts = "", []
    for w in words:
        starts.append(len(text))
        text += w.text + " "
    out = []
    for found in sensitive_spans(text):
        out.extend(tuple(w.bbox) for w, s in zip(words, starts)
                   if s < found.end and s + len(w.text) > found.start)
    return out


def drawn_boxes(record: dict, page: int) -> list[tuple[int, int, int, int]]:
    """Boxes a reviewer drew on the stored page image for masked fields they added (already in its pixels)."""
    boxes = flatten_fields(record, "image_box")
    pages = flatten_fields(record, "page")
    masked = load_schemas().roles.masked_leaves
    return [tuple(int(v) for v in b) for k, b in boxes.items()
            if _leaf(k) in masked and b and len(b) == 4 and pages.get(k) in (None, page)]


def redaction_boxes(ocr: PageText, record: dict) -> list[tuple[int, int, int, int]]:
    """Boxes to paint, in the coordinates of the stored page image (the scan before straightening)."""
    out = []
    for box in word_boxes(ocr) + field_boxes(record, ocr.page):
        x0, y0, x1, y1 = to_source(ocr, box)
        pad = int(max(2, (y1 - y0) * PAD))
        out.append((x0 - pad, y0 - pad, x1 + pad, y1 + pad))
    return out + drawn_boxes(record, ocr.page)


def paint(image: Image.Image, boxes: list[tuple[int, int, int, int]]) -> Image.Image:
    """A copy of ``image`` with ``boxes`` painted black."""
    out = image.convert("RGB") if image.mode not in ("RGB", "L") else image.copy()
    draw = ImageDraw.Draw(out)
    for box in boxes:
        draw.rectangle(box, fill=0)
    return out


def redact(png: bytes, boxes: list[tuple[int, int, int, int]]) -> bytes:
    image = Image.open(io.BytesIO(png))
    image.load()
    if image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    draw = ImageDraw.Draw(image)
    for box in boxes:
        draw.rectangle(box, fill=0)
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=1)  # as the workers write page images: speed over size
    return out.getvalue()


def image_for(bucket, record: dict, page: int, full_fields: bool) -> bytes:
    """The PNG a caller gets for a record's page: the original, or the redacted copy."""
    doc_hash = record["doc_hash"]
    try:
        png = bucket.get_bytes(bucket.page_image_key(doc_hash, page))
    except DependencyUnavailable as exc:
        if "NoSuchKey" in str(exc) or "404" in str(exc):
            raise NoImage() from exc
        raise
    if full_fields:
        return png
    try:
        ocr = PageText.from_dict(bucket.get_json(bucket.page_ocr_key(doc_hash, page)))
    except Exception as exc:  # noqa: BLE001 - whatever the cause, nothing is shown unredacted
        raise NoOcr() from exc
    return redact(png, redaction_boxes(ocr, record))
