"""Render forms, OCR them with Tesseract, extract: the whole chain on known values."""

import shutil
import sys
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed"),
]

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))


def run(record_type: str, index: int, level: int = 0):
    from make_forms import build_document

    from ocr.pipeline import OcrOptions, ocr_image
    from schemas.extract import extract_records, flatten_fields

    images, truth = build_document(record_type, index, level, seed=7)
    pages = [ocr_image(img, n, OcrOptions()) for n, img in enumerate(images, 1)]
    records = extract_records(pages, truth["collection"])
    return truth, [flatten_fields(r) for r in records], records


def accuracy(truth, flats):
    right = total = 0
    for t, got in zip(truth["records"], flats):
        for key, want in t["fields"].items():
            total += 1
            right += got.get(key) == want
    return right / total


def test_marriage_two_columns_end_to_end():
    truth, flats, records = run("marriage", 0)
    assert [r["record_type"] for r in records] == ["marriage"]
    want = truth["records"][0]["fields"]
    assert flats[0]["wife.full_name"] == want["wife.full_name"]
    assert flats[0]["husband.date_of_birth"] == want["husband.date_of_birth"]
    assert accuracy(truth, flats) >= 0.9


def test_museum_register_one_record_per_row_end_to_end():
    truth, flats, records = run("museum_object", 1)
    assert len(records) == len(truth["records"])
    assert [f.get("inventory_number") for f in flats] == [t["fields"]["inventory_number"] for t in truth["records"]]
    assert accuracy(truth, flats) >= 0.9


def test_birth_certificate_end_to_end():
    truth, flats, records = run("birth", 0)
    assert records[0]["record_type"] == "birth"
    assert flats[0]["date_of_birth"] == truth["records"][0]["fields"]["date_of_birth"]
    assert accuracy(truth, flats) >= 0.85


def test_bundled_samples_clean_records_are_not_sent_to_review():
    """The clean sample scans (samples/): every record comes out without review, even where Tesseract gives a
    short number or a one-word value a low word confidence."""
    from ocr.pipeline import OcrOptions, ocr_file
    from schemas.extract import extract_records

    root = Path(__file__).resolve().parents[2] / "samples"
    files = sorted(p for p in root.rglob("*") if p.is_file())
    assert len(files) == 4
    for path in files:
        pages = list(ocr_file(path, OcrOptions()))
        records = extract_records(pages, path.relative_to(root).parts[0] + "/")
        assert records and all(r["record_type"] != "unclassified" for r in records), path.name
        for r in records:
            assert not r["needs_review"], (path.name, r["pages"], r["review_reasons"])
            assert r["missing"] == [] and r["unmapped"] == [], path.name
