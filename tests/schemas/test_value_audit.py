"""Nothing the reader saw is dropped silently (issue 12, goal 5): on made-up pages every run of words with a value's
shape ends in a field, in an unmapped pair or in the page's furniture (schemas/value_audit.py)."""

import copy

import pytest
from synth import page

from schemas.extract import _classify, extract_records
from schemas.loader import load_schemas
from schemas.value_audit import lost_values

SCHEMAS = load_schemas()

PAGES = {
    "inline": (["GIẤY KHAI SINH", "Họ và tên: Hà Minh Khuê", "Ngày sinh: 14/02/2003", "Giới tính: Nữ",
                "Dân tộc: Tày", "Nơi sinh: xã Yên Lư, huyện Yên Dũng, tỉnh Bắc Giang", "Họ và tên mẹ: Hà Thị Duyên",
                "Trang 1/1"], "hotich/"),
    "captions side by side": (["TRÍCH LỤC KHAI TỬ", "Họ và tên: Đinh Quang Vũ", "Ngày chết: 11/08/1994",
                               [(100, "Nơi chết"), (900, "Nguyên nhân chết")],
                               [(100, "Bệnh viện huyện Kim Sơn"), (900, "Bệnh tim")]], "hotich/"),
    "cells over values": (["GIẤY KHAI SINH", [(100, "Họ và tên"), (700, "Ngày sinh"), (1200, "Giới tính")],
                           [(110, "Lục Văn Tài"), (720, "02/09/1999"), (1210, "Nam")],
                           [(100, "Họ và tên cha"), (900, "Dân tộc")], [(110, "Lục Văn Sinh"), (910, "Nùng")]], "hotich/"),
    "a heading beside a closed field's label": (["TRÍCH LỤC KHAI TỬ", "Họ và tên: Ông Văn Lộc",
                                                  "Dân tộc Danh tính người đứng khai",
                                                  [(100, "Mường"), (406, "Ông Thị Hạnh")]], "hotich/"),
    "a heading beside a free field's label": (["TRÍCH LỤC KHAI TỬ", "Họ và tên: Ông Văn Lộc",
                                                "Nguyên nhân chết Danh tính người đứng khai",
                                                [(100, "Tai biến"), (406, "Ông Thị Hạnh")]], "hotich/"),
}


def _read(rows: list, collection: str):
    p = page(rows, width=1800)
    records = extract_records([p], collection)
    kept_rows, cls = _classify(p, collection, SCHEMAS)
    return kept_rows, SCHEMAS[cls.record_type], records


@pytest.mark.parametrize("name", sorted(PAGES))
def test_every_value_of_a_made_up_page_ends_somewhere(name):
    rows, schema, records = _read(*PAGES[name])
    assert [" ".join(t.text for t in run) for run in lost_values(rows, schema, records)] == []


def test_a_value_no_record_holds_is_found():
    rows, schema, records = _read(*PAGES["inline"])
    dropped = copy.deepcopy(records)
    del dropped[0]["fields"]["mother"]
    assert [" ".join(t.text for t in run) for run in lost_values(rows, schema, dropped)] == ["Hà Thị Duyên"]


def test_a_value_listed_unmapped_is_not_lost():
    rows, schema, records = _read(*PAGES["inline"])
    listed = copy.deepcopy(records)
    leaf = listed[0]["fields"].pop("ethnicity")
    listed[0]["unmapped"].append({"label": "Dân tộc", "value": leaf["raw"], "page": 1, "bbox": leaf["bbox"]})
    assert lost_values(rows, schema, listed) == []


def test_letters_read_over_under_a_value_of_digits_are_lost():
    # a year's value holds digits only: a name in the year field's box was read over, not kept
    rows, schema, records = _read(*PAGES["inline"])
    over = copy.deepcopy(records)
    name = over[0]["fields"].pop("mother")["full_name"]
    born = over[0]["fields"]["date_of_birth"]
    born["bbox"] = [min(born["bbox"][0], name["bbox"][0]), born["bbox"][1], max(born["bbox"][2], name["bbox"][2]),
                    name["bbox"][3]]
    assert [" ".join(t.text for t in run) for run in lost_values(rows, schema, over)] == ["Hà Thị Duyên"]


def _toks(text: str):
    from schemas.layout import build_rows
    return build_rows(page([text]))[0].toks


def test_a_name_a_value_of_digits_was_read_over_is_found():
    from schemas.value_audit import read_over
    assert [[t.text for t in run] for run in read_over(_toks("Quách Thị Mơ 1948"), "1948")] == [["Quách", "Thị", "Mơ"]]
    assert read_over(_toks("Ngày 21/06/1948"), "1948-06-21") == []  # a date's own words
    assert read_over(_toks("Quách Thị Mơ"), "Quách Thị Mơ") == []  # a value of letters holds them


def test_a_name_taken_with_a_year_under_the_years_label_is_placed_or_listed():
    # a year's label with nothing beside it over a name and, on the next row, the year: the name is never dropped
    rows, schema, records = _read(["GIẤY KHAI SINH", "Họ và tên: Quách Văn Tú", [(100, "Tên người mẹ"), (900, "Dân tộc")],
                                   [(100, "Năm sinh (ghi 4 chữ số) của người mẹ")],
                                   [(100, "Quách Thị Mơ"), (900, "Dao")], [(100, "1948")]], "hotich/")
    assert lost_values(rows, schema, records) == []
    held = [records[0]["fields"].get("mother", {}).get("full_name", {}).get("value")]
    held += [u["value"] for u in records[0]["unmapped"]]
    assert "Quách Thị Mơ" in held


def test_label_words_no_wording_read_are_print_not_a_lost_value():
    # an empty record: label words no wording reads ("Thuộc", "Được" opening a row) are no value; a name is one
    schema = SCHEMAS["martyr"]
    from schemas.layout import build_rows
    rows = build_rows(page(["Thuộc", "Được", "Lò Văn Páo"]))
    assert [" ".join(t.text for t in run) for run in lost_values(rows, schema, [])] == ["Lò Văn Páo"]


def test_a_value_written_again_on_the_next_page_is_held_by_its_field():
    # a dossier's second page repeats the name read on the first: held, not lost
    first, second = page(["Họ và tên: Lò Văn Páo"]), page(["Lò Văn Páo"], number=2)
    from schemas.layout import build_rows
    record = {"fields": {"full_name": {"value": "Lò Văn Páo", "raw": "Lò Văn Páo", "page": 1,
                                       "bbox": list(build_rows(first)[0].toks[-1].bbox)}}, "unmapped": []}
    assert lost_values(build_rows(second), SCHEMAS["martyr"], [record]) == []
