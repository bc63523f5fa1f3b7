"""A row of values under a row of label words side by side that no rule read as cells: each value kept with the
label over it, for the record-wide decoding to place or list (schemas/cells.py values_under_label_runs,
schemas/reader.py _pend_row); and two values under one label both listed (schemas/records.py unmapped_entries)."""

from synth import page

from schemas.cells import values_under_label_runs
from schemas.extract import extract_records
from schemas.layout import build_rows
from schemas.loader import load_schemas
from schemas.records import unmapped_entries

SCHEMAS = load_schemas()


def _pairs(rows: list) -> list[tuple[str, str]]:
    recs = extract_records([page(rows)])
    assert len(recs) == 1
    return [(u["label"], u["value"]) for u in recs[0]["unmapped"]]


def test_two_values_under_one_label_are_two_entries():
    # a label nobody knows read over two values: keeping one entry per label would drop the second value
    entries = unmapped_entries([{"label": "Xxq vvk", "value": "Hoa sen", "page": 1, "bbox": None},
                                {"label": "Xxq vvk", "value": "Mây trắng", "page": 1, "bbox": None},
                                {"label": "Xxq vvk", "value": "Hoa sen", "page": 1, "bbox": None}])
    assert [(e["label"], e["value"]) for e in entries] == [("Xxq vvk", "Hoa sen"), ("Xxq vvk", "Mây trắng")]


def test_a_row_of_values_under_label_words_side_by_side_keeps_each_value_with_the_words_over_it():
    # the row of values opens with a number, so no label is read on it: each value goes with the run of label
    # words over it, never dropped
    pairs = _pairs(["GIẤY KHAI SINH", "Họ và tên: Phạm Minh Châu",
                    [(100, "Xxq vvk"), (900, "Zzr ppm")],
                    [(100, "115"), (900, "Hoa sen đỏ")]])
    assert ("Xxq vvk", "115") in pairs and ("Zzr ppm", "Hoa sen đỏ") in pairs


def test_words_over_a_value_are_no_label_when_they_read_as_a_value_themselves():
    schema = SCHEMAS["birth"]

    def runs(above: list, below: list):
        rows = build_rows(page([above, below]))
        return values_under_label_runs(schema, rows[0], rows[1])

    assert runs([(100, "Xxq vvk"), (900, "Zzr ppm")], [(100, "115"), (900, "Hoa sen đỏ")]) is not None
    # a name, a place or a number over the values: a row of values itself, not their labels
    assert runs([(100, "Trần Văn An"), (900, "Zzr ppm")], [(100, "115"), (900, "Hoa sen đỏ")]) is None
    assert runs([(100, "xã Yên Lạc, huyện Yên Thế"), (900, "Zzr ppm")], [(100, "115"), (900, "Hoa sen đỏ")]) is None
    assert runs([(100, "Xxq 12"), (900, "Zzr ppm")], [(100, "115"), (900, "Hoa sen đỏ")]) is None
    # a value under one run only: no row of values under labels
    assert runs([(100, "Xxq vvk"), (900, "Zzr ppm")], [(100, "115")]) is None


def test_a_row_of_values_whose_box_touches_the_labels_over_it_is_still_under_them():
    # a descender or a speck reaching down makes the two rows' boxes overlap by a few pixels: still one row under
    # the other, each value with the label words over it
    from ocr.result import PageText
    from synth import LINE_H, STEP, line

    top = 100 + 2 * STEP
    under = top + LINE_H - 3
    lines = [line("GIẤY KHAI SINH", 100, 100), line("Họ và tên: Phạm Minh Châu", 100, 100 + STEP),
             line("Xxq vvk", 100, top, block=1), line("Zzr ppm", 900, top, block=2),
             line("115", 100, under, block=1), line("Hoa sen đỏ", 900, under, block=2)]
    recs = extract_records([PageText(page=1, width=1700, height=under + 200, lines=lines)])
    pairs = [(u["label"], u["value"]) for u in recs[0]["unmapped"]]
    assert ("Xxq vvk", "115") in pairs and ("Zzr ppm", "Hoa sen đỏ") in pairs


def test_label_words_too_many_to_be_read_alone_then_a_value_where_the_case_turns_are_kept_as_a_pair():
    # nine label words nobody listed, no colon, then a value none of whose words says what it is: the value starts
    # where the case turns, and the pair is listed rather than dropped
    pairs = _pairs(["GIẤY KHAI SINH", "Họ và tên: Phạm Minh Châu",
                    "Xxq vvk ttr ppl mmn qqr bbz zzk ww Hoa sen"])
    assert ("Xxq vvk ttr ppl mmn qqr bbz zzk ww", "Hoa sen") in pairs
    # prose with no turn of case is no pair: it is listed whole, as words no label was read in, never dropped
    assert _pairs(["GIẤY KHAI SINH", "Họ và tên: Phạm Minh Châu",
                   "Xxq vvk ttr ppl mmn qqr bbz zzk ww hoa sen"]) == [("", "Xxq vvk ttr ppl mmn qqr bbz zzk ww hoa sen")]


def test_a_row_a_label_with_nothing_after_it_took_is_given_back_when_it_is_no_value_of_a_field_read_already():
    # "Ngày sinh" again with nothing after it takes the row below as its value; the row is no date and the date is
    # read already, so the row is read on its own (a pair nobody listed), not lost under the label
    pairs = _pairs(["GIẤY KHAI SINH", "Họ và tên: Phạm Minh Châu", "Ngày sinh: 02/03/2001", "Ngày sinh",
                    "Xxq vvk ttr ppl mmn qqr bbz zzk ww Hoa sen"])
    assert ("Xxq vvk ttr ppl mmn qqr bbz zzk ww", "Hoa sen") in pairs


def test_a_row_no_rule_reads_is_listed_as_a_value_with_no_label_unless_it_is_a_heading():
    # a year alone on its row that no label claimed: listed whole, so review sees it (issue 12: nothing dropped)
    pairs = _pairs(["GIẤY KHAI SINH", "Họ và tên: Phạm Minh Châu", "Dân tộc: Kinh", "1982"])
    assert ("", "1982") in pairs
    # a heading in capitals, or label words alone, hold no value: not listed
    assert _pairs(["GIẤY KHAI SINH", "Họ và tên: Phạm Minh Châu", "PHẦN GHI CHÚ CỦA CÁN BỘ"]) == []
