"""Records and a running API for the search integration tests (helpers, not tests)."""

from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image, ImageDraw

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "schemas"))

from synth import page  # noqa: E402

from indexers.client import ensure_index  # noqa: E402
from indexers.pages import bulk_index  # noqa: E402
from indexers.records import derive, record_documents, record_id  # noqa: E402
from indexers.synthetic import record_base  # noqa: E402
from schemas.extract import extract_records  # noqa: E402
from sohoa.config import Config  # noqa: E402



def birth(name, born, place, mother="Trần Thị Lan", father="Nguyễn Văn Nam", number="12"):
    return ["GIẤY KHAI SINH", f"Số: {number} Quyển số: 01/1975", f"Họ, chữ đệm, tên: {name}",
            f"Ngày, tháng, năm sinh: {born}", f"Nơi sinh: {place}", f"Họ, chữ đệm, tên người mẹ: {mother}",
            f"Họ, chữ đệm, tên người cha: {father}", "Ngày đăng ký: 20/03/1980"]


# (key, collection, page lines): fictional people.
DOCUMENTS = [
    ("hotich/1972/a.pdf", birth("Nguyễn Văn Đức", "15/03/1972", "xã Đình Bảng, huyện Từ Sơn, tỉnh Bắc Ninh")),
    ("hotich/1972/b.pdf", birth("Nguyễn Văn Đạt", "02/05/1974", "xã Phù Chẩn, huyện Từ Sơn, tỉnh Bắc Ninh")),
    ("hotich/1972/c.pdf", birth("Nguyễn Thị Mai", "09/09/1990", "xã Tân Hồng, huyện Từ Sơn, tỉnh Bắc Giang",
                                 father="Nguyễn Văn Đức")),
    ("hotich/1965/d.pdf", birth("Lê Thị Hoà", "01/01/1965", "xã Hoàn Sơn, huyện Tiên Du, tỉnh Hà Bắc",
                                 mother="Phạm Thị Đức")),
    ("hotich/1980/e.pdf", birth("Nguyen Van Duc", "07/07/1981", "xa Lac Ve, huyen Tien Du, tinh Bac Ninh")),
    ("hotich/1985/f.pdf", birth("Trần Quang Khải", "03/04/1985", "xã Nội Duệ, huyện Tiên Du, tỉnh Bắc Ninh",
                                 number="77")),
]


def doc_hash(key: str) -> str:
    import hashlib
    return hashlib.sha256(key.encode()).hexdigest()


def sample_documents(documents=DOCUMENTS) -> list[tuple[str, dict]]:
    out = []
    for key, lines in documents:
        recs = extract_records([page(lines)], key)
        doc = {"doc_hash": doc_hash(key), "key": key, "collection": key.split("/")[0], "bucket": "test"}
        out.extend(record_documents(recs, doc))
    return out


def s3_client(env: dict):
    import boto3
    return boto3.client("s3", endpoint_url=env.get("SOHOA_S3_ENDPOINT", "http://127.0.0.1:9000"),
                        region_name=env.get("SOHOA_S3_REGION", "us-east-1"),
                        aws_access_key_id=env.get("SOHOA_S3_ACCESS_KEY", "sohoa"),
                        aws_secret_access_key=env.get("SOHOA_S3_SECRET_KEY", "sohoa-secret"))


def page_png(text: str) -> bytes:
    img = Image.new("RGB", (600, 300), "white")
    ImageDraw.Draw(img).text((20, 20), text, fill="black")
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


def index_samples(es, env: dict, s3=None, documents=DOCUMENTS) -> dict[str, str]:
    """Index the sample records (and their page images when ``s3`` is given); return name -> record ID."""
    config = Config.from_env(env)
    alias = ensure_index(es, config, "records")
    docs = sample_documents(documents)
    bulk_index(es, alias, docs)
    if s3 is not None:
        try:
            s3.create_bucket(Bucket=config.derived_bucket)
        except s3.exceptions.BucketAlreadyOwnedByYou:
            pass
        for key, _ in documents:
            s3.put_object(Bucket=config.derived_bucket, Key=f"{config.derived_prefix}pages/{doc_hash(key)}/00001.png",
                          Body=page_png(key))
    es.indices.refresh(index=alias)
    return {d["name"]: rid for rid, d in docs}


def index_synthetic(es, env: dict, n: int, collection: str = "khoiluong") -> None:
    config = Config.from_env(env)
    alias = ensure_index(es, config, "records")
    docs = ((record_id(b["doc_hash"], 0), derive(b))
            for b in (record_base(i, seed=7, collection=collection) for i in range(n)))
    bulk_index(es, alias, docs, chunk_size=1000)
    es.indices.refresh(index=alias)


def _fields(values: dict) -> dict:
    """Extraction-shaped fields from plain values (nested blocks stay nested)."""
    return {k: _fields(v) if isinstance(v, dict) else {"value": v, "raw": str(v), "confidence": 0.95, "page": 1,
                                                       "bbox": None}
            for k, v in values.items()}


def index_fields(es, env: dict, records: list[tuple[str, dict]], collection: str) -> dict[str, str]:
    """Index records given as (record type, plain field values); return name -> record ID."""
    config = Config.from_env(env)
    alias = ensure_index(es, config, "records")
    docs = []
    for i, (rtype, values) in enumerate(records):
        b = record_base(900_000 + i, seed=11, record_type=rtype, collection=collection, fields=_fields(values),
                        key=f"{collection}/{i}.pdf")
        docs.append((record_id(b["doc_hash"], 0), derive(b)))
    bulk_index(es, alias, docs)
    es.indices.refresh(index=alias)
    return {d["name"]: rid for rid, d in docs}
