"""Born-digital PDFs through the whole pipeline: the text layer, with its real
boxes, gives the same structured record a scan would; a PDF mixing a scanned
page and a born-digital one is read page by page."""

from __future__ import annotations

from ingest.testing import born_digital_certificate, mixed_pdf


def test_a_born_digital_certificate_is_found_as_a_birth_record_by_name(stack, worker, es, pdf_maker):
    stack.put("hotich/2024/giay-khai-sinh-dien-tu.pdf", born_digital_certificate("Hoàng Văn Thụ"))
    scan = pdf_maker([["SỔ ĐĂNG KÝ KHAI SINH", "Số: 31   Quyển số: 02/1980", "Họ, chữ đệm, tên: Lý Thị Ngọc"]])
    stack.put("hotich/2024/ho-so-hon-hop.pdf", mixed_pdf(scan, born_digital_certificate("Đinh Công Tráng")))
    stack.run_pipeline()

    found = stack.search("--type", "birth", "--name", "hoang van thu")
    hits = [h for h in found["hits"] if h["key"] == "hotich/2024/giay-khai-sinh-dien-tu.pdf"]
    assert hits, found
    assert hits[0]["name"] == "Hoàng Văn Thụ" and hits[0]["date_of_birth"] == "1972-03-15"
    fields = _record(es, stack, hits[0]["id"])["fields"]
    assert fields["sex"]["value"] == "male" and fields["sex"]["raw"] == "Nam"
    assert fields["mother"]["full_name"]["value"] == "Trần Thị Lan"
    # The value's box is a real one on the page, not (0, 0, 0, 0).
    x0, y0, x1, y1 = fields["full_name"]["bbox"]
    assert 0 < x0 < x1 and 0 < y0 < y1

    # The mixed file: page 1 went through OCR, page 2 through its text layer.
    mixed = stack.search("--type", "birth", "--name", "dinh cong trang")
    (hit,) = [h for h in mixed["hits"] if h["key"] == "hotich/2024/ho-so-hon-hop.pdf"]
    assert hit["name"] == "Đinh Công Tráng" and hit["pages"] == [2]
    doc_hash = _record(es, stack, hit["id"])["doc_hash"]
    engines = [es.get(index=f"{stack.prefix}-pages", id=f"{doc_hash}:{n:05d}")["_source"]["engine"] for n in (1, 2)]
    assert engines == ["tesseract", "pdftotext"]


def _record(es, stack, record_id: str) -> dict:
    return es.get(index=f"{stack.prefix}-records", id=record_id)["_source"]
