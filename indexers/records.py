"""Record documents: extracted records as the records index stores them."""

from __future__ import annotations

from typing import Iterator

from schemas.extract import flatten_fields

from .analysis import folded_text, norm_text
from .pages import now_iso

# Flattened field keys whose values are people's names (searchable by name).
NAME_SUFFIX = "full_name"


def record_id(doc_hash: str, ordinal: int) -> str:
    """Records of the same bytes get the same IDs: reprocessing overwrites them."""
    return f"{doc_hash}:r{ordinal:04d}"


def record_document(record: dict, *, doc: dict, ordinal: int) -> dict:
    flat = flatten_fields(record)
    names = [v for k, v in flat.items() if k.split(".")[-1] == NAME_SUFFIX and isinstance(v, str) and v]
    subject = flat.get("full_name") or flat.get("name") or (names[0] if names else None)
    dob = flat.get("date_of_birth")
    pid = flat.get("personal_id")
    joined = " | ".join(names)
    return {
        "record_type": record["record_type"],
        "family": record.get("family"),
        "schema_version": record.get("schema_version"),
        "collection": doc.get("collection"),
        "bucket": doc.get("bucket"),
        "key": doc.get("key"),
        "doc_hash": doc["doc_hash"],
        "ordinal": ordinal,
        "pages": record.get("pages", []),
        "confidence": record.get("confidence"),
        "needs_review": bool(record.get("needs_review")),
        "review_reasons": record.get("review_reasons", []),
        "name": subject if isinstance(subject, str) else None,
        "date_of_birth": dob if isinstance(dob, str) else None,
        "personal_id": pid if isinstance(pid, str) else None,
        "fields": record.get("fields", {}),
        "search": {"names": joined, "names_norm": norm_text(joined), "names_folded": folded_text(joined)},
        "extracted_at": now_iso(),
    }


def record_documents(records: list[dict], doc: dict) -> Iterator[tuple[str, dict]]:
    for ordinal, record in enumerate(records):
        yield record_id(doc["doc_hash"], ordinal), record_document(record, doc=doc, ordinal=ordinal)
