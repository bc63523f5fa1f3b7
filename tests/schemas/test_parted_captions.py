"""Captions side by side on one line, parted by blanks many line heights wide that line up with the blanks of the
values under them: each caption is a cell's label over its own value, even when one caption names no field or names
one the vocabulary misreads (issue 12, part BM; schemas/cells.py ``_captions_over_parted_values``). The wordings
and values are made up."""

from synth import page

from schemas.cells import cell_labels
from schemas.extract import extract_records, flatten_fields
from schemas.layout import build_rows
from schemas.loader import load_schemas

SCHEMAS = load_schemas()


def _death(captions: list, values: list) -> dict:
    rows = ["TRÍCH LỤC KHAI TỬ", "Họ và tên: Đinh Quang Vũ", "Ngày chết: 11/08/1994", captions, values]
    return extract_records([page(rows, width=2000)], "hotich/")[0]


def _fields(rec: dict) -> dict:
    return flatten_fields(rec)


def test_a_caption_no_list_holds_keeps_its_own_value_and_the_next_caption_reads_its_own():
    rec = _death([(100, "Bút tích kèm theo"), (900, "Nơi chết")],
                 [(100, "Số 12/BS"), (900, "Nhà riêng, thôn Đông")])
    assert _fields(rec).get("place_of_death") == "Nhà riêng, thôn Đông"
    pairs = {p["label"].rstrip(":"): p["value"] for p in rec.get("unmapped", [])}
    assert pairs.get("Bút tích kèm theo") == "Số 12/BS"


def test_a_code_under_a_caption_no_list_holds_stays_apart_from_the_place_beside_it():
    rec = _death([(100, "Bút tích kèm theo"), (900, "Nơi chết")], [(100, "Số 12/BS"), (900, "Nhà riêng, xóm Bến")])
    assert _fields(rec).get("place_of_death") == "Nhà riêng, xóm Bến"
    assert not any("Nơi chết" in p["label"] for p in rec.get("unmapped", []))


def _rows(captions: list, values: list):
    return build_rows(page([captions, values], width=2000))


def test_captions_over_values_parted_where_they_part_are_cells_labels():
    rows = _rows([(100, "Bút tích kèm theo"), (900, "Nơi chết")], [(100, "Số 12/BS"), (900, "Nhà riêng, thôn Đông")])
    runs = cell_labels(SCHEMAS["death"], rows[0], rows[1])
    assert runs is not None and len(runs) == 2


def test_a_label_beside_its_value_over_the_next_pair_is_no_row_of_captions():
    # a label/value grid: the country beside its label, the next label and its value under them
    rows = _rows([(100, "Quốc tịch"), (900, "Việt Nam")], [(100, "Zem tục lục"), (900, "thôn Đông, xã An Hòa")])
    assert cell_labels(SCHEMAS["death"], rows[0], rows[1]) is None


def test_a_value_under_a_caption_that_crosses_the_captions_blank_parts_nothing():
    # the value row runs on under the blank between the captions: no columns there
    rows = _rows([(100, "Bút tích kèm theo"), (900, "Nơi chết")], [(100, "Bản sao hai tờ kèm theo bản chụp lại")])
    assert cell_labels(SCHEMAS["death"], rows[0], rows[1]) is None
