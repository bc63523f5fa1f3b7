"""Bad input ends in a specific, recorded outcome: never a crash loop, never a silent skip.

One batch of awkward objects goes through the real stack and a worker; each
test then checks what became of one of them.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

import pytest
from PIL import Image, ImageDraw, ImageFont
from pypdf import PdfWriter
from reportlab.lib.units import inch
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
LONG_NAME = "hotich/" + "rất-dài-" * 90 + "cuối.pdf"


def text_pdf(lines: list[str], page_size=(6 * inch, 4 * inch)) -> bytes:
    """A born-digital PDF with a real (Vietnamese) text layer and no image."""
    if "DejaVuSerif" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSerif", FONT))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=page_size)
    c.setFont("DejaVuSerif", 14)
    for i, line in enumerate(lines):
        c.drawString(0.5 * inch, page_size[1] - (0.7 + 0.35 * i) * inch, line)
    c.showPage()
    c.save()
    return buf.getvalue()


def encrypted_pdf(data: bytes) -> bytes:
    writer = PdfWriter(clone_from=io.BytesIO(data))
    writer.encrypt(user_password="mat-khau", owner_password="chu-so-huu")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def zero_page_pdf() -> bytes:
    out = io.BytesIO()
    PdfWriter().write(out)
    return out.getvalue()


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims a huge image: what a decompression bomb looks like before decoding."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


def tiff_with_corrupt_middle_frame() -> bytes:
    frames = []
    for n in (1, 2, 3):
        img = Image.new("L", (1200, 500), 255)
        ImageDraw.Draw(img).text((60, 200), f"Trang số {n}: hồ sơ liệt sĩ Cao Văn Lầu{n}",
                                 font=ImageFont.truetype(FONT, 40), fill=0)
        frames.append(img)
    buf = io.BytesIO()
    frames[0].save(buf, format="TIFF", save_all=True, append_images=frames[1:], compression="tiff_deflate",
                   dpi=(300, 300))
    data = bytearray(buf.getvalue())
    # Overwrite the compressed strip of frame 2 with garbage; frames 1 and 3 stay intact.
    with Image.open(io.BytesIO(bytes(data))) as tif:
        tif.seek(1)
        offset, length = tif.tag_v2[273][0], tif.tag_v2[279][0]
    data[offset:offset + length] = bytes((i * 37) % 251 for i in range(length))
    return bytes(data)


def docx_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return buf.getvalue()


def zip_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("scan-001.txt", "not a scan")
    return buf.getvalue()


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
