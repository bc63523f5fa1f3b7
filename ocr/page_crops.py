"""Fields cropped from stored page images: each field's box on the page image, and its crop.

Used by the review screen (``api/review_routes.py``) and the ground-truth
export (``indexers/ground_truth.py``), which is why it sits here, below both.

Extraction gives boxes in the image OCR saw (turned upright, straightened,
resized: see ``ocr/result.py``); the stored page image is the page before
that. ``source_box`` maps a box back with the page's OCR geometry
(``ocr.output.to_source``). Crops are small JPEGs sent inline with the record,
so the next record and all its crops are one request.

Decoded pages are kept in a small in-process cache: a reviewer works through a
register page by page, and the records of one page share its image. When a
record is handed out, the pages of the next records in the queue are loaded
in the background (``prefetch``), so the next request finds them decoded.
"""

from __future__ import annotations

import base64
import io
import threading
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from PIL import Image

CROP_MARGIN = 12       # pixels of context around a box
# Crops wider than this are shrunk by a whole factor (Image.reduce, a box filter: a fraction of the cost of
# a resampling resize, which was most of the time a record's crops took); narrower ones are sent as cut and
# scaled by the browser (a field's box is rarely wider than this at 300 dpi).
CROP_MAX_WIDTH = 1280
CROP_QUALITY = 80
CACHE_PAGES = 32


@dataclass(frozen=True)
class PageGeometry:
    """What ``to_source`` needs of a page's OCR result (the words are not kept)."""
    width: int
    height: int
    source_width: int | None
    source_height: int | None
    rotation: int
    skew: float
    scale: float


def geometry_of(ocr: dict | None) -> PageGeometry | None:
    if not ocr or not ocr.get("width"):
        return None
    return PageGeometry(int(ocr["width"]), int(ocr["height"]), ocr.get("source_width"), ocr.get("source_height"),
                        int(ocr.get("rotation") or 0), float(ocr.get("skew") or 0.0), float(ocr.get("scale") or 1.0))


def source_box(box: list | tuple | None, geometry: PageGeometry | None) -> list[int] | None:
    """A field's box on the stored page image (as is when the page's geometry is unknown)."""
    if not box or len(box) != 4:
        return None
    if geometry is None:
        return [int(v) for v in box]
    from ocr.output import to_source
    return list(to_source(geometry, tuple(int(v) for v in box)))  # type: ignore[arg-type]


def crop(image: Image.Image, box: list[int], margin: int = CROP_MARGIN, max_width: int = CROP_MAX_WIDTH) -> bytes:
    """The region of ``box`` (with a margin) as JPEG bytes."""
    x0, y0, x1, y1 = box
    region = image.crop((max(0, x0 - margin), max(0, y0 - margin), min(image.width, x1 + margin),
                         min(image.height, y1 + margin)))
    if region.width > max_width:
        region = region.reduce(-(-region.width // max_width))
    if region.mode not in ("RGB", "L"):
        region = region.convert("RGB")
    buf = io.BytesIO()
    region.save(buf, format="JPEG", quality=CROP_QUALITY)
    return buf.getvalue()


def data_uri(jpeg: bytes) -> str:
    return "data:image/jpeg;base64," + base64.b64encode(jpeg).decode()


class PageCache:
    """(doc hash, page) -> (decoded image, OCR geometry), least recently used out."""

    def __init__(self, size: int = CACHE_PAGES) -> None:
        self.size = size
        self._items: OrderedDict[tuple[str, int], tuple[Image.Image | None, PageGeometry | None]] = OrderedDict()
        self._loading: dict[tuple[str, int], threading.Event] = {}
        self._lock = threading.Lock()

    def get(self, bucket, doc_hash: str, page: int) -> tuple[Image.Image | None, PageGeometry | None]:
        """The page, decoded; loaded once even when a request asks for it while the prefetcher is loading it
        (the request waits for that load rather than doing it again beside it)."""
        key = (doc_hash, page)
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
            loading = self._loading.get(key)
            if loading is None:
                self._loading[key] = threading.Event()
        if loading is not None:
            loading.wait(timeout=30)
            with self._lock:
                if key in self._items:
                    return self._items[key]
            return self._load(bucket, doc_hash, page, key, mine=False)
        return self._load(bucket, doc_hash, page, key, mine=True)

    def _load(self, bucket, doc_hash: str, page: int, key: tuple[str, int], mine: bool):
        try:
            return self._fetch(bucket, doc_hash, page, key)
        finally:
            if mine:
                with self._lock:
                    done = self._loading.pop(key, None)
                if done is not None:
                    done.set()

    def _fetch(self, bucket, doc_hash: str, page: int, key: tuple[str, int]):
        image = geometry = None
        try:
            image = Image.open(io.BytesIO(bucket.get_bytes(bucket.page_image_key(doc_hash, page))))
            image.load()
        except Exception:  # noqa: BLE001 - a missing image leaves the field without a crop, not the record unserved
            image = None
        try:
            geometry = geometry_of(bucket.get_json(bucket.page_ocr_key(doc_hash, page)))
        except Exception:  # noqa: BLE001 - records indexed without OCR output (synthetic, imported)
            geometry = None
        with self._lock:
            self._items[key] = (image, geometry)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return image, geometry


    def prefetch(self, bucket, wanted: list[tuple[str, int]]) -> None:
        """Load pages in the background (one thread: a reviewer's think time is long, cores are few)."""
        todo = [(d, p) for d, p in wanted if d and p and (d, p) not in self._items and (d, p) not in self._loading]
        if todo:
            _prefetcher.submit(lambda: [self.get(bucket, d, p) for d, p in todo])


_prefetcher = ThreadPoolExecutor(max_workers=1, thread_name_prefix="page-prefetch")
pages = PageCache()
