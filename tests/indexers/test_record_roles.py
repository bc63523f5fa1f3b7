"""The indexer reads a record type's field roles from its file: a type it has never seen is indexed by its
subject's name, birth date, places, numbers and typed dates from its declaration alone."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "schemas"))

from new_record_type import write_type  # noqa: E402

from indexers.records import derive, record_documents  # noqa: E402
from schemas.extract import extract_records  # noqa: E402
from schemas.loader import load_schemas, reload_record_types  # noqa: E402
from synth import page  # noqa: E402


def _f(value):
    return {"value": value, "raw": str(value), "confidence": 0.97, "page": 1, "bbox": [10, 10, 90, 30]}


def _diploma(fields: dict) -> dict:
    return {"record_type": "school_diploma", "family": "education", "schema_version": "1", "collection": "vanbang",
            "key": "vanbang/2006/a.pdf", "doc_hash": "d" * 64, "ordinal": 0, "pages": [1], "confidence": 0.97,
            "fields": fields}


def test_a_new_type_is_indexed_by_its_declared_roles_alone(record_types_dir):
    write_type(record_types_dir)
    reload_record_types()
    doc = derive(_diploma({
        "diploma_number": _f("THPT 0042817"), "graduate_name": _f("Quách  Thị Diệu Linh"),
        "born_on": _f("1988-07-14"), "birthplace": _f("xã Phù Chẩn, huyện Từ Sơn, tỉnh Bắc Ninh"),
        "school": _f("THPT Từ Sơn"), "guardian": {"name": _f("Quách Văn Toản")}, "graduated_on": _f("2006-06-20")}))
    assert doc["name"] == "Quách Thị Diệu Linh"
    assert doc["persons"] == [{"role": "subject", "name": "Quách Thị Diệu Linh", "date_of_birth": "1988-07-14"},
                              {"role": "guardian", "name": "Quách Văn Toản"}]
    assert [p["subject"] for p in doc["search"]["people"]] == [True, False]
    assert doc["date_of_birth"] == "1988-07-14" and doc["birth_year"] == 1988 and doc["decade"] == 1980
    assert doc["event_date"] == "2006-06-20" and doc["date_of_death"] is None
    assert doc["places"] == ["xã Phù Chẩn, huyện Từ Sơn, tỉnh Bắc Ninh"] and doc["provinces"] == ["Bắc Ninh"]
    assert doc["numbers"] == ["thpt0042817"]
    # roles without the right to personal data search a birth date as its year only
    public = " ".join(doc["search"]["all_public_folded"])
    assert "1988" in public and "14" not in public.replace("0042817", "")
    assert "1988-07-14" in " ".join(doc["search"]["all_folded"])


def test_without_its_file_the_same_record_has_no_subject_or_birth_date():
    """What the declaration adds: the bundled types name none of the diploma's keys."""
    doc = derive(_diploma({"graduate_name": _f("Quách Thị Diệu Linh"), "born_on": _f("1988-07-14")}))
    assert doc["name"] is None and doc["date_of_birth"] is None and doc["persons"] == []


def test_a_scan_of_the_new_type_is_extracted_and_indexed_with_its_subject(record_types_dir):
    write_type(record_types_dir)
    reload_record_types()
    records = extract_records([page(["BẰNG TỐT NGHIỆP TRUNG HỌC PHỔ THÔNG", "Cấp cho người học: Lò Thị Pằng",
                                     "Sinh ngày: 02/09/1990", "Nơi sinh người học: xã Chiềng Ve, tỉnh Sơn La"])],
                              collection="vanbang/2008", schemas=load_schemas())
    assert [r["record_type"] for r in records] == ["school_diploma"]
    [(_, doc)] = list(record_documents(records, {"doc_hash": "e" * 64, "collection": "vanbang", "key": "k"}))
    assert doc["name"] == "Lò Thị Pằng" and doc["date_of_birth"] == "1990-09-02" and doc["provinces"] == ["Sơn La"]
