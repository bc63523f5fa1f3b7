import json

import pytest

from synth import page

from schemas.classify import UNCLASSIFIED, classify_page, collection_types
from schemas.loader import SchemaError, load_schemas, parse_schema

EXPECTED = {"birth", "marriage", "death", "martyr", "war_invalid", "museum_object"}


def test_all_types_load_and_follow_contract():
    s = load_schemas()
    assert set(s) == EXPECTED
    assert {x.family for x in s.values()} == {"civil_status", "veterans", "museum"}
    keys = {f.key for f in s["birth"].fields}
    for k in ("full_name", "date_of_birth", "sex", "ethnicity", "mother.full_name", "father.residence",
              "declarant.relation", "registration.office", "personal_id"):
        assert k in keys
    assert "relatives[].full_name" in {f.key for f in s["martyr"].fields}
    assert any(f.required for x in s.values() for f in x.fields)


def _minimal(**over):
    d = {"record_type": "x", "family": "museum", "schema_version": 1, "unit": "document",
         "headings": ["PHIẾU X"], "fields": [{"key": "name", "kind": "text", "labels": ["Tên"]}]}
    d.update(over)
    return d


@pytest.mark.parametrize("bad", [
    {"family": "Other family"}, {"unit": "sheet"}, {"schema_version": 0}, {"headings": []},
    {"fields": [{"key": "a", "kind": "colour", "labels": ["A"]}]},
    {"fields": [{"key": "a", "kind": "text", "labels": []}]},
    {"fields": [{"key": "a", "kind": "text", "labels": ["A"]}, {"key": "a", "kind": "text", "labels": ["B"]}]},
    {"fields": [{"key": "a", "kind": "enum", "labels": ["A"]}]},
    {"fields": [{"key": "a", "kind": "text", "labels": [{"text": "do", "after": "nope"}]}]},
    {"checks": [{"check": "date_words", "field": "name", "words": "missing"}]},
])
def test_invalid_schemas_rejected(bad):
    with pytest.raises(SchemaError):
        parse_schema(_minimal(**bad))


def test_new_type_is_just_a_file(tmp_path):
    (tmp_path / "x.json").write_text(json.dumps(_minimal(collections=["lưutru/"])), encoding="utf-8")
    schemas = load_schemas(str(tmp_path))
    assert collection_types("lưutru/a/b.pdf", schemas) == ["x"]
    assert classify_page(page(["PHIEU X", "Tên: Y"]), schemas=schemas).record_type == "x"


def test_file_name_must_match_type(tmp_path):
    (tmp_path / "y.json").write_text(json.dumps(_minimal()), encoding="utf-8")
    with pytest.raises(SchemaError):
        load_schemas(str(tmp_path))


@pytest.mark.parametrize("heading,expected", [
    ("GIẤY KHAI SINH", "birth"), ("GIAY KHAI SINH", "birth"), ("GlẤY KHAl SINH", "birth"),
    ("TRÍCH LỤC KHAI TỬ", "death"), ("TRICH LUC KHAI TU", "death"), ("GIẤY CHỨNG NHẬN KẾT HÔN", "marriage"),
    ("GIAY CHUNG NHAN KET H0N", "marriage"), ("BẰNG TỔ QUỐC GHI CÔNG", "martyr"), ("PHIẾU HIỆN VẬT", "museum_object"),
    ("PHIEU HIEN VAT", "museum_object"), ("GIẤY CHỨNG NHẬN THƯƠNG BINH", "war_invalid"),
    ("SỔ ĐĂNG KÝ KHAI SINH", "birth"), ("GIẤY KHAI SANH", "birth"), ("TRÍCH LỤC KHAI SINH (BẢN SAO)", "birth"),
])
def test_headings(heading, expected):
    p = page(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", heading, "Họ và tên: A"])
    assert classify_page(p).record_type == expected


def test_register_heading_sets_unit():
    assert classify_page(page(["SỔ ĐĂNG KÝ KHAI SINH"])).unit == "entry"
    assert classify_page(page(["GIẤY KHAI SINH"])).unit == "document"
    assert classify_page(page(["BẢN THỐNG KÊ HIỆN VẬT"])).unit == "row"


def test_label_lines_are_not_headings():
    assert classify_page(page(["Giấy báo tử số 12 do bệnh viện tỉnh cấp ngày 05/3/2020"]), "hotich/").record_type == UNCLASSIFIED


def test_collections():
    s = load_schemas()
    assert collection_types("hotich/2020/x.pdf", s) == ["birth", "death", "marriage"]
    assert collection_types("baotang", s) == ["museum_object"]
    assert collection_types("khac/", s) == []
    assert classify_page(page(["Không có tiêu đề"]), "baotang/").record_type == "museum_object"
    assert classify_page(page(["Không có tiêu đề"]), "hotich/").record_type == UNCLASSIFIED
