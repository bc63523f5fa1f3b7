"""Bad input ends in a specific, recorded outcome: never a crash loop, never a silent skip.

One batch of awkward objects goes through the real stack and a worker; each
test then checks what became of one of them.
"""

from __future__ import annotations

import pytest
from reportlab.lib.units import inch

from ingest.testing import (docx_bytes, encrypted_pdf, png_header_only, text_pdf, tiff_with_corrupt_middle_frame,
                            zero_page_pdf, zip_bytes)

LONG_NAME = "hotich/" + "rất-dài-" * 90 + "cuối.pdf"


@pytest.fixture(scope="module")
def outcomes(stack, worker, es, pdf_maker):
    """Drop the whole batch, run it through, and return ledger entries and documents by key."""
    scanned = pdf_maker([["GIẤY KHAI SINH", "Họ và tên: Tôn Nữ Thị Ninh"]])
    batch = {
        "hotich/zero-bytes.pdf": b"",
        "hotich/truncated.pdf": scanned[: len(scanned) // 2],
        "hotich/password.pdf": encrypted_pdf(text_pdf(["Bí mật"])),
        "hotich/no-pages.pdf": zero_page_pdf(),
        "hotich/born-digital.pdf": text_pdf(["TRÍCH LỤC KHAI TỬ", "Họ, chữ đệm, tên: Nông Thị Xuân Quỳnh",
                                             "Nơi chết: xã Hương Mạc"]),
        "hotich/pdf-named.jpg": scanned,
        "hotich/letter.docx": docx_bytes(),
        "hotich/archive.zip": zip_bytes(),
        "baotang/huge-30000.png": png_header_only(30000, 30000),
        "baotang/bomb.png": png_header_only(65000, 65000),
        "hotich/giant-page.pdf": text_pdf(["x"], page_size=(200 * inch, 200 * inch)),
        "nguoicocong/corrupt-frame.tiff": tiff_with_corrupt_middle_frame(),
        "hotich/Sổ khai sinh 1975 (bản sao).pdf": pdf_maker([["Họ và tên: Lò Văn Pảng"]]),
        "hotich/../thư mục/../trốn.pdf": pdf_maker([["Họ và tên: Mạc Thị Bưởi"]]),
        LONG_NAME: pdf_maker([["Họ và tên: Quàng Thị Mỷ"]]),
    }
    for key, data in batch.items():
        stack.put(key, data)
    stack.run_pipeline()
    es.indices.refresh(index=f"{stack.prefix}-*")
    ledger = {h["_source"]["key"]: h["_source"] for h in es.search(index=f"{stack.prefix}-ledger", size=200)["hits"]["hits"]}
    docs = {h["_source"]["doc_hash"]: h["_source"] for h in es.search(
        index=f"{stack.prefix}-jobs", size=200, query={"term": {"kind": "document"}})["hits"]["hits"]}
    return {key: (ledger[key], docs.get(ledger[key].get("doc_hash"))) for key in batch}


@pytest.mark.parametrize("key,reason,words", [
    ("hotich/zero-bytes.pdf", "bad_input", "empty"),
    ("hotich/truncated.pdf", "bad_input", "damaged or truncated"),
    ("hotich/password.pdf", "bad_input", "password"),
    ("hotich/no-pages.pdf", "bad_input", "no pages"),
    ("hotich/letter.docx", "bad_input", "unsupported file type"),
    ("hotich/archive.zip", "bad_input", "unsupported file type: application/zip"),
    ("baotang/huge-30000.png", "limit_exceeded", "pixel limit"),
    ("baotang/bomb.png", "limit_exceeded", "pixel limit"),
])
def test_refused_objects_fail_with_their_reason(outcomes, key, reason, words):
    entry, doc = outcomes[key]
    assert entry["status"] == "failed", entry
    assert entry["reason"] == reason
    assert words in entry["message"]
    if doc is not None:
        assert doc["state"] == "failed" and doc["reason"] == reason


def test_a_page_too_large_to_rasterize_fails_as_a_limit(outcomes):
    entry, doc = outcomes["hotich/giant-page.pdf"]
    assert doc["state"] == "failed"
    assert doc["pages_failed"] == [1]


def test_born_digital_pdf_uses_its_text_layer_not_ocr(outcomes, stack, es):
    _, doc = outcomes["hotich/born-digital.pdf"]
    assert doc["state"] in ("indexed", "needs_review")
    page = es.get(index=f"{stack.prefix}-pages", id=f"{doc['doc_hash']}:00001")["_source"]
    assert page["engine"] == "pdftotext"
    assert "Nông Thị Xuân Quỳnh" in page["text"]
    assert stack.search("nong thi xuan quynh")["hits"][0]["key"] == "hotich/born-digital.pdf"


def test_type_comes_from_the_bytes_not_the_name(outcomes):
    _, doc = outcomes["hotich/pdf-named.jpg"]
    assert doc["content_kind"] == "pdf" and doc["state"] in ("indexed", "needs_review")


def test_a_corrupt_tiff_frame_fails_alone(outcomes, stack):
    _, doc = outcomes["nguoicocong/corrupt-frame.tiff"]
    assert doc["pages_total"] == 3
    assert doc["pages_done"] == [1, 3] and doc["pages_failed"] == [2]
    hits = stack.search("cao van lau3")["hits"]
    assert hits and hits[0]["page"] == 3


@pytest.mark.parametrize("key,name", [
    ("hotich/Sổ khai sinh 1975 (bản sao).pdf", "lo van pang"),
    ("hotich/../thư mục/../trốn.pdf", "mac thi buoi"),
    (LONG_NAME, "quang thi my"),
])
def test_awkward_keys_are_processed_and_kept_exactly(outcomes, stack, key, name):
    entry, doc = outcomes[key]
    assert entry["status"] == "prepared"
    assert doc["key"] == key
    assert stack.search(name)["hits"][0]["key"] == key
