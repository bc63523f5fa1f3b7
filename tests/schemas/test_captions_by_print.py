"""Captions printed small over their values, side by side: a row read as cells by its print when a caption that
names a field has a value of that field's shape under it, whatever the other captions' words say (one OCR bent, or
no list holds), and each caption takes the value under it (schemas/cells.py cell_labels, _values_alone_under)."""

from synth import page, small_print
from test_cells import _segments_of

from schemas.extract import extract_records, flatten_fields
from schemas.layout import build_rows
from schemas.loader import load_schemas

SCHEMAS = load_schemas()


CAPTIONS = [[(100, "Xxq vvk zzr"), (900, "Ngày sinh")], [(110, "Phòng trưng bày"), (910, "05/03/1972")]]


def test_captions_in_small_print_over_a_value_of_the_named_fields_shape_are_cells():
    # one caption no list holds beside one that names a field; under that one a date, in the values' larger print:
    # each caption is a cell's label over the value under it, the unknown one's value kept apart from the date
    segs = _segments_of(small_print(page(["GIẤY KHAI SINH"] + CAPTIONS), 1), "birth")
    assert ("cells", "Ngày sinh:") in segs and ("cells", "05/03/1972") in segs
    assert ("cells", "Phòng trưng bày") in segs
    flat = flatten_fields(extract_records([small_print(page(["GIẤY KHAI SINH"] + CAPTIONS), 1)], "hotich/")[0])
    assert flat.get("date_of_birth") == "1972-03-05"


def test_captions_in_the_values_print_are_not_read_by_print():
    # the same rows in one print: nothing says the first row is captions rather than a grid's label and value
    assert all(kind == "page" for kind, _ in _segments_of(page(["GIẤY KHAI SINH"] + CAPTIONS), "birth"))


def test_a_small_row_over_a_label_and_its_value_is_no_row_of_captions():
    # under the date's caption no date: the row below opens with a label ("Dân tộc Kinh"), a grid's next row
    lines = ["GIẤY KHAI SINH", [(100, "Xxq vvk zzr"), (900, "Ngày sinh")], [(110, "Dân tộc"), (910, "Kinh")]]
    assert all(kind == "page" for kind, _ in _segments_of(small_print(page(lines), 1), "birth"))


def _spaced(x: int, words: list[str], blank: int) -> list[tuple[int, str]]:
    """Words each its own OCR line, ``blank`` px apart: a caption OCR read with wide blanks between its words."""
    out = []
    for w in words:
        out.append((x, w))
        x += 18 * len(w) + blank
    return out


def test_a_label_read_inside_a_cells_caption_leaves_the_value_below_it():
    # the second caption's first word reads as a label nobody listed, ended by the wide blank after it: in a cell's
    # caption every word is the caption's, so the value is the one written under it, kept, never the caption's rest
    lines = ["GIẤY BÁO TỬ", "Họ và tên: Phạm Văn Hùng",
             [(100, "Ngày hy sinh")] + _spaced(1000, ["Đã", "zzr", "www", "vvk", "qqx"], 45),
             [(110, "05/03/1972"), (1010, "Hoa sen đỏ")]]
    rec = extract_records([small_print(page(lines, width=1800), 2)], "nguoicocong/")[0]
    kept = list(flatten_fields(rec).values()) + [u["value"] for u in rec["unmapped"]]
    assert "Hoa sen đỏ" in kept
    assert not any("zzr" in str(v) for v in kept)


def test_a_header_cells_long_title_wrapped_over_two_lines_is_still_its_label():
    # a narrow table column wraps a long title: thirteen words or more over two lines are one cell's label, more
    # than a label on one line holds, and the values under the titles are read cell by cell: the name under the long
    # title is kept, and the next title's words are never read as a name
    lines = ["GIẤY KHAI SINH", "Họ và tên: Phạm Minh Châu",
             [(100, "Họ tên đệm và tên của người yêu cầu đăng ký"), (1300, "Quan hệ với")],
             [(100, "khai sinh cho con"), (1300, "người con")],
             [(110, "Trần Văn Bình"), (1310, "Cha")]]
    rec = extract_records([page(lines, width=2000)], "hotich/")[0]
    flat = flatten_fields(rec)
    assert "Trần Văn Bình" in list(flat.values()) + [u["value"] for u in rec["unmapped"]]
    assert flat.get("declarant.full_name") in (None, "Trần Văn Bình")
    assert flat.get("declarant.relation") == "Cha"


def test_a_header_title_in_capitals_whose_last_words_read_as_a_name_is_still_a_title():
    # in capitals "ĐĂNG KÝ KHAI SINH" has a name's look (a family name, capitals), but each of its words is a label
    # word and together they ask something: the title goes on, no name stands beside it, and the header row is read
    # as cells over the values under it
    lines = ["GIẤY KHAI SINH", "Họ và tên: Phạm Minh Châu",
             [(100, "CĂN CỨ"), (500, "TÊN TUỔI NGƯỜI YÊU CẦU ĐĂNG KÝ KHAI SINH"), (1500, "QUAN HỆ")],
             [(110, "Xxq vvk zzr"), (510, "Trần Văn Bình"), (1510, "Cha")]]
    rec = extract_records([page(lines, width=2000)], "hotich/")[0]
    flat = flatten_fields(rec)
    assert flat.get("declarant.full_name") == "Trần Văn Bình"
    assert flat.get("declarant.relation") == "Cha"


def test_a_name_after_a_label_in_capitals_is_still_its_value():
    # a name's own syllables are words no label reads: a run in capitals holding a label and a name is a label
    # with its value beside it, no cell's label
    from schemas.cells import _holds_its_value
    schema = SCHEMAS["birth"]
    for text in ("HỌ VÀ TÊN TRẦN THỊ HOA", "HỌ TÊN NGUYỄN VĂN AN"):
        assert _holds_its_value(schema, build_rows(page([text]))[0].toks)
    assert not _holds_its_value(schema, build_rows(page(["TÊN TUỔI NGƯỜI YÊU CẦU ĐĂNG KÝ KHAI SINH"]))[0].toks)
