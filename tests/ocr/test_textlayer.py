"""Born-digital PDF pages: their text layer, with real boxes and page size, goes
through the same extraction as a scan; a PDF mixing both is read page by page."""

from __future__ import annotations

import json

from ingest.testing import born_digital_certificate, mixed_pdf, scanned_pdf
from ocr.pipeline import OcrOptions, ocr_file
from ocr.textlayer import parse_bbox_layout, pdf_text_layer, text_page
from schemas.extract import extract_records, to_json

A4_POINTS = (595.3, 841.9)  # 210 x 297 mm


def test_the_text_layer_keeps_each_words_box_and_the_page_size(tmp_path):
    path = tmp_path / "giay-khai-sinh.pdf"
    path.write_bytes(born_digital_certificate("Nguyễn Văn An"))
    layer = pdf_text_layer(path, 1)
    assert layer is not None
    assert (round(layer.width, 1), round(layer.height, 1)) == A4_POINTS
    lines = [" ".join(w for w, _ in line.words) for line in layer.lines]
    assert lines[2] == "GIẤY KHAI SINH"
    assert lines[3] == "Họ, chữ đệm, tên: Nguyễn Văn An"
    # Lines go down the page, words along each line, every box inside the page.
    tops = [line.words[0][1][1] for line in layer.lines]
    assert tops == sorted(tops) and len(set(tops)) == 10
    # Two labels far apart on one line come as two pieces at the same height, left first.
    sex, ethnicity = (line for line in layer.lines if line.words[0][0] in ("Giới", "Dân"))
    assert sex.words[0][1][1] == ethnicity.words[0][1][1] and sex.words[-1][1][2] < ethnicity.words[0][1][0]
    for line in layer.lines:
        lefts = [box[0] for _, box in line.words]
        assert lefts == sorted(lefts)
        for _, (x0, y0, x1, y1) in line.words:
            assert 0 <= x0 < x1 <= layer.width and 0 <= y0 < y1 <= layer.height


def test_boxes_are_in_the_pixels_of_the_page_image():
    layer = parse_bbox_layout(
        '<html xmlns="http://www.w3.org/1999/xhtml"><body><doc><page width="612" height="792"><flow>'
        '<block><line><word xMin="72" yMin="72" xMax="144" yMax="86.4">Số:</word>'
        '<word xMin="150" yMin="72" xMax="160" yMax="86.4">12</word></line></block>'
        '<block><line><word xMin="72" yMin="100" xMax="100" yMax="114">Quyển</word></line></block>'
        '</flow></page></doc></body></html>')
    page = text_page(layer, 1, dpi=200)
    assert (page.width, page.height, page.dpi) == (1700, 2200, 200)
    assert page.lines[0].words[0].bbox == (200, 200, 400, 240)
    assert page.lines[0].bbox == (200, 200, 445, 240)
    assert [line.block for line in page.lines] == [1, 2]
    # The stored page image may differ from the dpi by rounding: boxes follow the image.
    assert text_page(layer, 1, size=(850, 1100)).lines[0].words[0].bbox == (100, 100, 200, 120)


def test_unreadable_bbox_output_means_no_text_layer():
    assert parse_bbox_layout("not xml at all <") is None
    assert parse_bbox_layout('<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>') is None


def test_a_born_digital_certificate_gives_its_birth_record(tmp_path):
    path = tmp_path / "giay-khai-sinh.pdf"
    path.write_bytes(born_digital_certificate("Nguyễn Văn An"))
    pages = list(ocr_file(path, OcrOptions()))
    assert [p.engine for p in pages] == ["pdftotext"]
    (fields,) = [f for f in _records(pages) if f["record_type"] == "birth"]
    assert fields["full_name"] == "Nguyễn Văn An"
    assert fields["date_of_birth"] == "1972-03-15"
    assert fields["sex"] == "male"
    assert fields["mother.full_name"] == "Trần Thị Lan"


def test_a_mixed_pdf_is_read_page_by_page(tmp_path):
    scan = scanned_pdf([["SỔ ĐĂNG KÝ KHAI SINH", "Số: 12   Quyển số: 01/1975", "Họ, chữ đệm, tên: Lê Văn Tám"]],
                       dpi=200)
    path = tmp_path / "ho-so.pdf"
    path.write_bytes(mixed_pdf(scan, born_digital_certificate("Phạm Thị Hoa")))
    pages = list(ocr_file(path, OcrOptions(dpi=200)))
    assert [p.engine for p in pages] == ["tesseract", "pdftotext"]
    assert "Tám" in pages[0].text
    born = pages[1]
    assert (born.width, born.height) == (1654, 2339)  # A4 at 200 dpi
    assert len({w.bbox for w in born.words}) == len(born.words)  # no (0, 0, 0, 0) placeholders
    names = {f.get("full_name") for f in _records(pages)}
    assert "Phạm Thị Hoa" in names


def _records(pages) -> list[dict[str, str]]:
    """Each record as `sohoa extract --json` gives it, fields flattened to key -> normal value."""
    return [{"record_type": r["record_type"], **_flatten(r["fields"])}
            for r in json.loads(to_json(extract_records(pages, "hotich")))]


def _flatten(fields: dict, prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, item in fields.items():
        if isinstance(item, dict) and "value" in item:
            flat[prefix + key] = item["value"]
        elif isinstance(item, dict):
            flat.update(_flatten(item, f"{prefix}{key}."))
    return flat
