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
    fields = hits[0]["fields"]
    assert fields["full_name"] == "Hoàng Văn Thụ"
    assert fields["date_of_birth"] == "1972-03-15"
    assert fields["sex"] == "male"

    # The mixed file: page 1 went through OCR, page 2 through its text layer.
    mixed = stack.search("--type", "birth", "--name", "dinh cong trang")
    (hit,) = [h for h in mixed["hits"] if h["key"] == "hotich/2024/ho-so-hon-hop.pdf"]
    assert hit["fields"]["full_name"] == "Đinh Công Tráng"
    doc_hash = hit["doc_hash"]
    engines = [es.get(index=f"{stack.prefix}-pages", id=f"{doc_hash}:{n:05d}")["_source"]["engine"] for n in (1, 2)]
    assert engines == ["tesseract", "pdftotext"]
