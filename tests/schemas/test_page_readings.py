"""A document put together from pages read on their own (by the workers of its ranges) gives the same
records as reading it whole, and pages are read again only where their reading does not fit."""

import json

import pytest
from synth import page

import schemas.extract as extract
from schemas.extract import extract_records, page_readings
from test_extract import MARTYR_1, MARTYR_2, MARTYR_3

NAMES = ["Đào Văn An", "Đào Thị Bình", "Ngô Văn Cường", "Lê Thị Dung", "Phạm Văn Em", "Vũ Thị Giang"]


def register_page(number: int, heading: bool = True):
    rows = ["SỔ ĐĂNG KÝ KHAI SINH"] if heading else []
    for k, name in enumerate(NAMES[(number - 1) % 3 * 2:][:2]):
        n = number * 10 + k
        rows += [f"Số: {n} Họ và tên: {name} Ngày sinh: 0{k + 1}/0{number % 9 + 1}/1985 Giới tính: Nam",
                 "Nơi sinh: xã Phù Chẩn"]
    return page(rows, number=number)


def as_json(records):
    return json.loads(json.dumps(records, ensure_ascii=False))


def in_ranges(pages, ranges, collection):
    """Readings as the workers of the ranges would make them, through storage (JSON) and back."""
    readings = {}
    for first, last in ranges:
        readings.update(page_readings([p for p in pages if first <= p.page <= last], collection, from_start=first == 1))
    return json.loads(json.dumps(readings, ensure_ascii=False))


@pytest.fixture
def reads(monkeypatch):
    """The pages read at the end (not taken from a reading)."""
    seen = []
    real = extract.extract_page

    def spy(page, *args, **kwargs):
        seen.append(page.page)
        return real(page, *args, **kwargs)
    monkeypatch.setattr(extract, "extract_page", spy)
    return seen


def readings_of(pages, ranges, collection):
    return {int(k): v for k, v in in_ranges(pages, ranges, collection).items()}


def test_a_register_with_a_heading_on_every_page_is_put_together_without_reading_a_page_again(reads):
    pages = [register_page(n) for n in range(1, 8)]
    whole = as_json(extract_records(pages, "hotich/"))
    assert len(whole) == 14
    readings = readings_of(pages, [(1, 3), (4, 5), (6, 6), (7, 7)], "hotich/")
    reads.clear()
    assert as_json(extract_records(pages, "hotich/", readings=readings)) == whole
    assert reads == []


def test_pages_that_continue_what_a_range_does_not_hold_are_read_at_the_end(reads):
    # Only pages 1 and 5 have the register's heading: the others continue the page before them. A
    # range's first pages without a heading do not know what they continue, so they are left to the end.
    pages = [register_page(n, heading=n in (1, 5)) for n in range(1, 9)]
    whole = as_json(extract_records(pages, "hotich/"))
    readings = readings_of(pages, [(1, 3), (4, 6), (7, 8)], "hotich/")
    assert sorted(readings) == [1, 2, 3, 5, 6]
    reads.clear()
    assert as_json(extract_records(pages, "hotich/", readings=readings)) == whole
    assert reads == [4, 7, 8]


def test_a_reading_made_under_another_classification_is_not_used(reads):
    pages = [register_page(1)] + [register_page(n, heading=False) for n in range(2, 5)]
    whole = as_json(extract_records(pages, "hotich/"))
    # Read as if pages 3-4 began the document: page 3 under its own classification, not page 2's.
    readings = readings_of(pages, [(1, 2)], "hotich/")
    readings.update({int(k): v for k, v in json.loads(json.dumps(page_readings(pages[2:], "hotich/", from_start=True))).items()})
    reads.clear()
    assert as_json(extract_records(pages, "hotich/", readings=readings)) == whole
    assert reads == [3, 4]


def test_a_dossier_over_pages_is_made_at_the_end_from_its_pages():
    pages = [page(MARTYR_1, number=1), page(MARTYR_2, number=2), page(MARTYR_3, number=3)]
    whole = as_json(extract_records(pages, "nguoicocong/"))
    assert len(whole) == 1
    readings = readings_of(pages, [(1, 1), (2, 3)], "nguoicocong/")
    assert all(r["records"] is None for r in readings.values())
    assert as_json(extract_records(pages, "nguoicocong/", readings=readings)) == whole


def test_missing_pages_and_readings_of_another_extractor_or_collection_are_read_again(reads, monkeypatch):
    pages = [register_page(n) for n in range(1, 6)]
    whole = as_json(extract_records(pages, "hotich/"))
    readings = readings_of(pages, [(1, 2), (3, 5)], "hotich/")
    del readings[2]
    readings[3]["version"] = "an older extractor"
    readings[4]["collection"] = "baotang/"
    reads.clear()
    assert as_json(extract_records(pages, "hotich/", readings=readings)) == whole
    assert reads == [2, 3, 4]
    # Records read under another collection are not taken for this one's.
    reads.clear()
    extract_records(pages, "baotang/", readings=readings_of(pages, [(1, 5)], "hotich/"))
    assert reads == [1, 2, 3, 4, 5]


def test_a_deployments_own_record_types_are_part_of_the_extractors_fingerprint(tmp_path, monkeypatch):
    bundled = extract.extractor_version()
    (tmp_path / "my_type.json").write_text('{"record_type": "my_type"}')
    monkeypatch.setenv("SOHOA_RECORD_TYPES_DIR", str(tmp_path))
    mine = extract.extractor_version()
    (tmp_path / "my_type.json").write_text('{"record_type": "my_type", "title": "changed"}')
    extract._version.cache_clear()
    assert len({bundled, mine, extract.extractor_version()}) == 3
