"""Verified records as ground truth: what people decided, the field crops, and the OCR it was read from.

``sohoa review export DIR`` writes

- ``records.jsonl``: one verified record per line: its ID, document hash,
  type, collection, pages, and per field the value people verified
  (``fields``), what they did (``decisions``: accept, edit, illegible,
  not_on_page, add), what the extractor had said (``extracted``) and the
  crop's file (``crops``);
- ``crops/<record id>/<field key>.jpg``: each field's crop of its page image;
- ``ocr/<doc hash>/<page>.json``: the OCR output of each page the records come
  from, so ``scripts/bench_extract.py --ground-truth DIR`` re-runs today's
  extractor on exactly what the reviewers saw and scores it against them.

Fields marked illegible or not on the page carry no value to compare with and
are left out of ``fields`` (they stay in ``decisions``). The export holds
personal data: it is written only by the command line (the administrator's
tool) and audited as ``review.export``.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Iterator

from elasticsearch import Elasticsearch, helpers

from schemas.extract import flatten_fields
from schemas.review import FINAL
from sohoa.config import Config

NO_VALUE = ("illegible", "not_on_page")


def truth_row(source: dict) -> dict:
    """One verified record as a ground-truth line (pure)."""
    review = (source.get("review") or {}).get("fields") or {}
    values = flatten_fields(source)
    fields, decisions, extracted = {}, {}, {}
    for key, value in values.items():
        fr = review.get(key) or {}
        action = fr.get("action") or "accept"
        decisions[key] = action
        extracted[key] = (fr.get("original") or {}).get("value") if fr else value
        if action not in NO_VALUE and value is not None:
            fields[key] = value
    return {"record_id": source.get("record_id"), "doc_hash": source.get("doc_hash"),
            "record_type": source.get("record_type"), "collection": source.get("collection"),
            "pages": source.get("pages") or [], "fields": fields, "decisions": decisions, "extracted": extracted,
            "verified": all((review.get(k) or {}).get("status") == FINAL for k in values),
            "reviewed_by": source.get("reviewers") or [], "reviewed_at": source.get("reviewed_at")}


def crop_name(key: str) -> str:
    return re.sub(r"[^\w.\[\]-]", "_", key) + ".jpg"


def verified_records(es: Elasticsearch, config: Config, collections: list[str] | None = None) -> Iterator[dict]:
    filters: list[dict] = [{"term": {"review_status": "verified"}}]
    if collections:
        filters.append({"terms": {"collection": collections}})
    for hit in helpers.scan(es, index=config.index("records"), query={"query": {"bool": {"filter": filters}}},
                            _source_excludes=["search.*"], preserve_order=False):
        yield hit["_source"]


def export(es: Elasticsearch, config: Config, bucket, out: Path, collections: list[str] | None = None) -> dict:
    """Write the export under ``out``; return counts."""
    from ocr.page_crops import crop, source_box
    from ocr.page_crops import pages as page_cache
    out.mkdir(parents=True, exist_ok=True)
    n_records = n_crops = 0
    pages_written: set[tuple[str, int]] = set()
    with open(out / "records.jsonl", "w", encoding="utf-8") as fh:
        for source in verified_records(es, config, collections):
            row = truth_row(source)
            doc_hash = row["doc_hash"]
            boxes = flatten_fields(source, "bbox")
            page_of = flatten_fields(source, "page")
            row["crops"] = {}
            for key in row["decisions"]:
                page = page_of.get(key) or (row["pages"][0] if row["pages"] else None)
                if not (doc_hash and page):
                    continue
                image, geometry = page_cache.get(bucket, doc_hash, page)
                box = source_box(boxes.get(key), geometry)
                if image is not None and box:
                    path = Path("crops") / str(row["record_id"]).replace(":", "_") / crop_name(key)
                    (out / path).parent.mkdir(parents=True, exist_ok=True)
                    (out / path).write_bytes(crop(image, box))
                    row["crops"][key] = str(path)
                    n_crops += 1
            for page in row["pages"]:
                if doc_hash and (doc_hash, page) not in pages_written:
                    try:
                        data = bucket.get_bytes(bucket.page_ocr_key(doc_hash, page))
                    except Exception:  # noqa: BLE001 - records imported without OCR output: crops only
                        continue
                    path = out / "ocr" / doc_hash / f"{page:05d}.json"
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_bytes(data)
                    pages_written.add((doc_hash, page))
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            n_records += 1
    return {"records": n_records, "crops": n_crops, "pages": len(pages_written)}


def load(directory: Path) -> list[tuple[dict, list[dict]]]:
    """(truth, OCR page dicts) per document of an export, as ``scripts/bench_extract.py`` scores them:
    truth is ``{"collection", "records": [{"record_type", "fields"}], ...}`` with split, level, layout and
    template all ``verified`` (real pages have no generated layout to report on)."""
    by_doc: dict[str, list[dict]] = {}
    for line in io.open(directory / "records.jsonl", encoding="utf-8"):
        if line.strip():
            row = json.loads(line)
            by_doc.setdefault(row["doc_hash"], []).append(row)
    out = []
    for doc_hash, rows in sorted(by_doc.items()):
        page_files = sorted((directory / "ocr" / doc_hash).glob("*.json"))
        if not page_files:
            continue
        pages = [json.loads(p.read_text(encoding="utf-8")) for p in page_files]
        truth = {"collection": rows[0]["collection"], "split": "verified", "level": "verified", "seed": None,
                 "layout": "verified", "template": "verified", "record_type": rows[0]["record_type"],
                 "pages": len(pages), "records": [{"record_type": r["record_type"], "fields": r["fields"]}
                                                  for r in rows]}
        out.append((truth, pages))
    return out
