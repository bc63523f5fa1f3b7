"""A count of one printed as "1" that OCR read as a stroke "|" alone in the value's place: the digit, doubtful;
a ruled table's line stays a line. Made-up cards."""

from __future__ import annotations

from schemas.extract import extract_records
from schemas.lone_stem import lone_stem

from synth import page

_WORD = (100, 100, 180, 136)


def _row(stem_x: int) -> tuple[list[str], list[tuple[int, int, int, int]]]:
    return ["Số", "lượng", "|"], [(100, 100, 150, 136), (170, 100, 260, 136), (stem_x, 100, stem_x + 12, 136)]


def test_a_stroke_alone_after_a_columns_blank_is_a_faded_one():
    texts, boxes = _row(800)
    assert lone_stem(texts, boxes, [])


def test_a_stroke_where_the_pages_ruled_line_runs_is_the_line():
    texts, boxes = _row(800)
    assert not lone_stem(texts, boxes, [804])


def test_a_stroke_right_after_a_word_or_with_another_stroke_on_its_row_is_no_value():
    texts, boxes = _row(270)
    assert not lone_stem(texts, boxes, [])
    assert not lone_stem(["|", "Số", "lượng", "|"], [(80, 100, 90, 136)] + _row(800)[1], [])
    assert not lone_stem(["12", "|"], [_WORD, (800, 100, 812, 136)], [])


def _card(quantity_row) -> dict:
    rows = ["PHIẾU HIỆN VẬT", [(100, "Tên hiện vật"), (800, "Chum sành")], quantity_row,
            [(100, "Chất liệu"), (800, "Gốm")]]
    return extract_records([page(rows, width=1700)], collection="baotang/")[0]["fields"]


def test_a_count_read_as_a_lone_stroke_is_one_never_sure():
    quantity = _card([(100, "Số lượng"), (800, "|")])["quantity"]
    assert quantity["value"] == "1" and quantity["confidence"] < 0.995


def test_a_stroke_after_a_text_value_is_no_part_of_it():
    fields = _card([(100, "Số lượng"), (800, "2")])
    rows = ["PHIẾU HIỆN VẬT", [(100, "Tên hiện vật"), (800, "Chum sành"), (1400, "|")],
            [(100, "Chất liệu"), (800, "Gốm")]]
    named = extract_records([page(rows, width=1700)], collection="baotang/")[0]["fields"]
    assert fields["quantity"]["value"] == "2"
    assert named["name"]["value"] == "Chum sành"
