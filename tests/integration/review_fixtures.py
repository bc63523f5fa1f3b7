"""Doubtful records with real page images for the review tests (helpers, not tests).

Each document is laid out as OCR would see a scanned form (tests/schemas/synth.py), its
records are extracted by the real extractor, and its page is drawn as an image with every
word at its box, so the crops and the boxes on the review screen show the words they name.
The page's OCR result is stored beside it, as the pipeline does.
"""

from __future__ import annotations

import hashlib
import io
import sys
from contextlib import contextmanager
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "schemas"))

from synth import page  # noqa: E402

from indexers.client import ensure_index  # noqa: E402
from indexers.pages import bulk_index  # noqa: E402
from indexers.records import record_documents  # noqa: E402
from sohoa.storage import Bucket  # noqa: E402
from schemas.extract import extract_records  # noqa: E402
from sohoa.config import Config  # noqa: E402

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def birth_lines(name: str, born: str, place: str, mother: str) -> list[str]:
    return ["GIẤY KHAI SINH", f"Họ, chữ đệm, tên: {name}", f"Ngày, tháng, năm sinh: {born}", f"Nơi sinh: {place}",
            f"Họ, chữ đệm, tên người mẹ: {mother}"]


# Names read without their marks and at low confidence: what handwriting gives an OCR engine.
DOCUMENTS = [
    ("hotich/review/a.pdf", birth_lines("Nguyen@0.45 Van@0.5 Duc@0.4", "15/03/1972",
                                        "xã Đình Bảng, huyện Từ Sơn, tỉnh Bắc@0.5 Ninh", "Trần Thị Lan")),
    ("hotich/review/b.pdf", birth_lines("Le@0.6 Thi@0.6 Hoa@0.55", "01/01/1965",
                                        "xã Hoàn Sơn, huyện Tiên Du, tỉnh Hà Bắc", "Phạm Thị Đào")),
    ("baotang/review/c.pdf", birth_lines("Tran@0.3 Quang@0.3 Khai@0.3", "03/04/1985",
                                         "xã Nội Duệ, huyện Tiên Du, tỉnh Bắc Ninh", "Đỗ Thị Hằng")),
]


def doc_hash(key: str) -> str:
    return hashlib.sha256(("review:" + key).encode()).hexdigest()


def page_image(pt) -> bytes:
    img = Image.new("L", (pt.width, pt.height), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, 28)
    for ln in pt.lines:
        for w in ln.words:
            draw.text((w.bbox[0], w.bbox[1] + 2), w.text, fill=0, font=font)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


def index_document_pages(es, env: dict, key: str, pages_lines: list[list[str]]) -> list[str]:
    """Index a document of several pages (one list of lines per page) as the pipeline's index step does
    (records extracted from all its pages at once); store each page's image and OCR result. Record IDs."""
    config = Config.from_env(env)
    alias = ensure_index(es, config, "records")
    bucket = Bucket(config)
    bucket.ensure_bucket()
    pts = [page(lines, number=n) for n, lines in enumerate(pages_lines, start=1)]
    doc = {"doc_hash": doc_hash(key), "key": key, "collection": key.split("/")[0], "bucket": config.bucket}
    for pt in pts:
        bucket.put_bytes(bucket.page_image_key(doc["doc_hash"], pt.page), page_image(pt), "image/png")
        bucket.put_json(bucket.page_ocr_key(doc["doc_hash"], pt.page), pt.to_dict())
    docs = list(record_documents(extract_records(pts, doc["collection"]), doc))
    bulk_index(es, alias, docs)
    es.indices.refresh(index=alias)
    return [rid for rid, _ in docs]


def index_review_samples(es, env: dict, documents=DOCUMENTS) -> dict[str, str]:
    """Index the documents' records and store their page images and OCR results; return key -> record ID."""
    config = Config.from_env(env)
    alias = ensure_index(es, config, "records")
    bucket = Bucket(config)
    bucket.ensure_bucket()
    out = {}
    docs = []
    for key, lines in documents:
        pt = page(lines)
        doc = {"doc_hash": doc_hash(key), "key": key, "collection": key.split("/")[0], "bucket": config.bucket}
        for rid, d in record_documents(extract_records([pt], doc["collection"]), doc):
            docs.append((rid, d))
            out.setdefault(key, rid)
        bucket.put_bytes(bucket.page_image_key(doc["doc_hash"], 1), page_image(pt), "image/png")
        bucket.put_json(bucket.page_ocr_key(doc["doc_hash"], 1), pt.to_dict())
    bulk_index(es, alias, docs)
    es.indices.refresh(index=alias)
    return out


@contextmanager
def review_desk(es, stack_env: dict, suffix: str, load, people):
    """An API server over an index namespace of its own, loaded by ``load(es, env)`` (which returns the
    record ids), with one HTTP client per person: ``people`` is (name, role, collections) triples.
    Yields {"ids", "c" (clients by name), "env", "config"}; the namespace is deleted afterwards."""
    import httpx

    from api.auth import create_token
    from ingest.testing import api_server
    env = {**stack_env, "SOHOA_INDEX_PREFIX": stack_env["SOHOA_INDEX_PREFIX"] + suffix}
    ids = load(es, env)
    config = Config.from_env(env)
    tokens = {name: create_token(es, config, name, role, collections)[0] for name, role, collections in people}
    with api_server(env) as base:
        clients = {n: httpx.Client(base_url=base, timeout=30, headers={"Authorization": f"Bearer {t}"})
                   for n, t in tokens.items()}
        try:
            yield {"ids": ids, "c": clients, "env": env, "config": config}
        finally:
            for c in clients.values():
                c.close()
            es.indices.delete(index=f"{env['SOHOA_INDEX_PREFIX']}-*", ignore_unavailable=True, allow_no_indices=True)
