"""A ruled border between two cells' labels that OCR read as a dash standing alone, with too narrow a blank
either side to cut at, still parts the two labels (cells._cut_at_strokes); each label then takes the value
written under it."""

from synth import page

from schemas.cells import _cut_at_strokes
from schemas.extract import extract_records, flatten_fields
from schemas.layout import build_rows


def test_a_lone_stroke_before_a_capital_cuts_a_run_and_belongs_to_neither_part():
    toks = build_rows(page(["Xxx yyy zzz - Www vvv"]))[0].toks
    assert [[t.text for t in part] for part in _cut_at_strokes(toks)] == [["Xxx", "yyy", "zzz"], ["Www", "vvv"]]


def test_a_dash_inside_words_or_before_lower_case_cuts_nothing():
    for text in ("Lao động - thương binh", "Xxx-yyy Zzz", "- Xxx yyy"):
        toks = build_rows(page([text]))[0].toks
        assert len(_cut_at_strokes(toks)) == 1, text


def test_two_cells_parted_by_a_dash_read_as_two_labels_with_their_values():
    # "Quan hệ với người được khai sinh - " is 630 px wide in the test font: the office's label starts at 1430
    v = flatten_fields(extract_records([page([
        "TRÍCH LỤC KHAI SINH",
        "Họ và tên: Lê Văn Nam",
        [(100, "Tên người đi khai"), (800, "Quan hệ với người được khai sinh - Cơ quan đăng ký")],
        [(100, "Lê Thị Hoa"), (800, "Mẹ"), (1430, "Ủy ban nhân dân xã An Bình,")],
        [(1430, "huyện Lệ Thủy, tỉnh Quảng Bình")],
    ], width=2400)], collection="hotich/")[0])
    assert v["declarant.relation"] == "Mẹ"
    assert v["registration.office"] == "Ủy ban nhân dân xã An Bình, huyện Lệ Thủy, tỉnh Quảng Bình"
