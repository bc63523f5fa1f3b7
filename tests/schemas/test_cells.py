"""Ruled cells with a small label in each one's corner and the value written below it, two or three cells on a
row; a value under its label that wraps; a ruled label/value table that is no row of cells
(schemas/layout.py cut_at_gaps, cell_of_x; schemas/cells.py cell_block)."""

from synth import page, small_print

from schemas.cells import join_run_ons
from schemas.extract import extract_records, flatten_fields
from schemas.layout import Tok, build_rows, cell_of_x, cut_at_gaps
from schemas.loader import load_schemas
from schemas.reader import PageReader

SCHEMAS = load_schemas()


def tok(text: str, x0: int, x1: int) -> Tok:
    return Tok(text, text.lower(), 0.95, (x0, 100, x1, 136), 1)


def test_a_row_is_cut_at_blanks_wider_than_its_words_are_apart():
    toks = [tok("Họ", 100, 136), tok("và", 154, 190), tok("tên", 208, 262), tok("Ngày", 700, 772), tok("sinh", 790, 862)]
    assert [[t.text for t in run] for run in cut_at_gaps(toks, 36)] == [["Họ", "và", "tên"], ["Ngày", "sinh"]]


def test_a_monospaced_row_is_cut_only_where_its_blank_is_twice_the_usual():
    # words a line height apart (a monospaced face): that blank is no cell's border
    toks = [tok("Giấy", 100, 172), tok("chứng", 208, 298), tok("nhận", 334, 406), tok("số", 442, 478)]
    assert len(cut_at_gaps(toks, 36)) == 1


def test_a_word_is_in_the_cell_whose_label_starts_left_of_it():
    starts = [100, 700, 1200]
    assert [cell_of_x(x, starts, 20) for x in (90, 130, 690, 1199, 1600)] == [0, 0, 1, 2, 2]


BOXED = ["GIẤY KHAI SINH",
         [(100, "Họ và tên"), (700, "Ngày sinh"), (1200, "Giới tính")],
         [(110, "Nguyễn Văn An"), (720, "05/03/1972"), (1210, "Nam")],
         [(100, "Nơi sinh"), (900, "Zzz dân tộc")],
         [(110, "xã Tam Sơn, huyện Từ Sơn,"), (910, "Tày")],
         [(110, "tỉnh Bắc Ninh")],
         [(100, "Họ và tên mẹ")],
         [(110, "Trần Thị Lan")]]


def test_each_cell_takes_the_words_below_its_label():
    flat = flatten_fields(extract_records([page(BOXED)], "hotich/")[0])
    assert flat.get("full_name") == "Nguyễn Văn An"
    assert flat.get("date_of_birth") == "1972-03-05"
    assert flat.get("sex") == "male"
    assert flat.get("mother.full_name") == "Trần Thị Lan"


def test_a_cells_value_wraps_inside_its_cell_and_its_label_ends_at_the_border():
    flat = flatten_fields(extract_records([page(BOXED)], "hotich/")[0])
    assert flat.get("place_of_birth") == "xã Tam Sơn, huyện Từ Sơn, tỉnh Bắc Ninh"
    assert flat.get("ethnicity") == "Tày"  # "Zzz dân tộc": a word no list holds, read for its meaning


def _segments(lines, record_type="birth"):
    p = page(lines)
    reader = PageReader(SCHEMAS[record_type], [r for r in build_rows(p) if r.toks], "document", 1, p.width)
    return [(s.column[0], s.row.text) for s in reader.segments()]


def test_labels_over_values_are_laid_out_cell_by_cell():
    segs = _segments(BOXED[1:3])
    assert segs == [("cells", "Họ và tên:"), ("cells", "Nguyễn Văn An"), ("cells", "Ngày sinh:"),
                    ("cells", "05/03/1972"), ("cells", "Giới tính:"), ("cells", "Nam")]


def test_a_label_and_its_value_on_one_row_are_no_row_of_cells():
    # a ruled two-column table: the right-hand words are the left label's value by their shape, so the rows
    # below are not its values
    lines = [[(100, "Họ và tên"), (700, "Nguyễn Văn An")], [(100, "Nơi sinh"), (700, "xã Tam Sơn, huyện Từ Sơn")]]
    assert all(kind == "page" for kind, _ in _segments(lines))
    flat = flatten_fields(extract_records([page(["GIẤY KHAI SINH"] + lines)], "hotich/")[0])
    assert flat.get("full_name") == "Nguyễn Văn An" and flat.get("place_of_birth") == "xã Tam Sơn, huyện Từ Sơn"


def test_a_row_of_values_below_is_no_row_of_labels():
    # words that start under no label (a full row of text) end the cells: they are the form's next row
    lines = [[(100, "Họ và tên"), (700, "Ngày sinh")], [(400, "Nguyễn Văn An"), (1000, "05/03/1972")]]
    assert all(kind == "page" for kind, _ in _segments(lines))


def test_a_value_below_its_label_wraps_onto_the_next_row():
    lines = ["GIẤY KHAI SINH", "Họ và tên:", [(160, "Nguyễn Văn An")], "Nơi sinh:",
             [(160, "xã Tam Sơn, huyện Từ Sơn,")], [(160, "tỉnh Bắc Ninh")], "Dân tộc:", [(160, "Kinh")]]
    flat = flatten_fields(extract_records([page(lines)], "hotich/")[0])
    assert flat.get("place_of_birth") == "xã Tam Sơn, huyện Từ Sơn, tỉnh Bắc Ninh"
    assert flat.get("ethnicity") == "Kinh"


def test_words_beside_a_label_in_the_shape_of_its_value_are_its_value_not_a_second_label():
    # "Nửa đầu thế kỷ XV", read as if its cell's border ended it, names a dating too; but it is a century, the
    # shape of the left label's value: a table's row, so the unknown label below does not become its value
    lines = [[(100, "Niên đại"), (700, "Nửa đầu thế kỷ XV")], [(100, "Zzz yyy"), (700, "Mua")]]
    assert all(kind == "page" for kind, _ in _segments(lines, "museum_object"))


def test_a_row_starting_where_the_label_starts_is_no_wrapped_line_of_the_value_below_it():
    # label words no list holds, at the labels' x under an address cut after a comma: the next label, not the
    # address's rest
    lines = ["GIẤY KHAI SINH", "Họ và tên:", [(160, "Nguyễn Văn An")], "Nơi sinh:",
             [(160, "xã Tam Sơn, huyện Từ Sơn,")], "Zzz yyy", [(160, "Kinh")]]
    flat = flatten_fields(extract_records([page(lines)], "hotich/")[0])
    assert flat.get("place_of_birth") == "xã Tam Sơn, huyện Từ Sơn"


def test_a_closed_lists_word_under_its_label_is_a_value_not_a_label():
    # "Khai quật" (excavated) reads as a label of a find's place, but under "Nguồn gốc" it is one of its values
    lines = ["PHIẾU HIỆN VẬT", [(100, "Chất liệu"), (700, "Nguồn gốc")], [(110, "Gốm"), (710, "Khai quật")],
             [(100, "Tình trạng")], [(110, "Nguyên vẹn")]]
    flat = flatten_fields(extract_records([page(lines)], "baotang/")[0])
    assert flat.get("material") == "Gốm" and flat.get("origin") == "Khai quật"


def test_a_cells_value_in_a_larger_type_than_its_label_still_wraps_in_its_cell():
    # labels printed small: the value's wrapped line is as far below as the value's own line spacing
    p = page(["GIẤY KHAI SINH", [(100, "Nơi sinh"), (900, "Dân tộc")], [(110, "xã Tam Sơn, huyện Từ Sơn,"),
                                                                       (910, "Kinh")], [(110, "tỉnh Bắc Ninh")]])
    small, big = p.lines[1:3], p.lines[3:]
    for ln in small:  # labels a third shorter than the values, as a form's small print
        for w in ln.words:
            w.bbox = (w.bbox[0], w.bbox[1] + 12, w.bbox[2], w.bbox[3])
        ln.bbox = (ln.bbox[0], ln.bbox[1] + 12, ln.bbox[2], ln.bbox[3])
    for k, ln in enumerate(big):  # values 60 px tall, their lines 90 px apart
        shift = 10 + 60 * (k >= 2)
        for w in ln.words:
            w.bbox = (w.bbox[0], w.bbox[1] + shift, w.bbox[2], w.bbox[1] + shift + 60)
        ln.bbox = (ln.bbox[0], ln.bbox[1] + shift, ln.bbox[2], ln.bbox[1] + shift + 60)
    flat = flatten_fields(extract_records([p], "hotich/")[0])
    assert flat.get("place_of_birth") == "xã Tam Sơn, huyện Từ Sơn, tỉnh Bắc Ninh"
    assert flat.get("ethnicity") == "Kinh"


def test_a_cells_label_runs_on_in_lower_case_past_the_wording_read_in_it():
    # "Nơi sinh" then words no list holds, in the label's own lower case: all of it is the cell's label
    segs = _segments([[(100, "Họ và tên"), (700, "Nơi sinh zzz yyy xxx www")],
                      [(110, "Nguyễn Văn An"), (710, "xã Tam Sơn, huyện Từ Sơn")]])
    assert segs[2:] == [("cells", "Nơi sinh zzz yyy xxx www:"), ("cells", "xã Tam Sơn, huyện Từ Sơn")]


def test_a_wrapped_line_with_a_dash_stays_in_its_cell():
    # "Lao động - …" on a value's second line is no label ended by a dash: only a colon opens a pair there
    segs = _segments([[(100, "Họ và tên"), (700, "Nơi đăng ký")], [(110, "Nguyễn Văn An"), (710, "Ủy ban nhân dân,")],
                      [(710, "Lao động - Thương binh và Xã hội")]])
    assert segs[-1] == ("cells", "Lao động - Thương binh và Xã hội")


def test_a_grid_label_runs_on_to_the_line_break_of_its_ruled_border():
    # the blank before the value is narrow (its cell's border, taken off the scan, parted the OCR lines there):
    # the lower-case words no list holds before it are the label's, not the address's
    lines = ["GIẤY KHAI SINH", [(100, "Họ và tên"), (420, "Nguyễn Văn An")],
             [(100, "Quê quán zzz yyy"), (420, "xã Tam Sơn, huyện Từ Sơn")]]
    flat = flatten_fields(extract_records([page(lines)], "hotich/")[0])
    assert flat.get("hometown") == "xã Tam Sơn, huyện Từ Sơn"


def test_a_value_wraps_in_its_tables_value_column_even_when_the_line_reads_like_a_label():
    # "động - Thương binh …" under the value column, nothing under the labels: the issuer's rest
    lines = ["GIẤY CHỨNG NHẬN THƯƠNG BINH", [(100, "Họ và tên"), (500, "Nguyễn Văn An")],
             [(100, "Theo quyết định số"), (500, "12/QĐ-LĐTBXH ngày 01/02/1980 của Sở Lao")],
             [(500, "động - Thương binh và Xã hội tỉnh Bắc Ninh")]]
    flat = flatten_fields(extract_records([page(lines)], "nguoicocong/")[0])
    assert flat.get("decision.issuer") == "Sở Lao động - Thương binh và Xã hội tỉnh Bắc Ninh"


def test_a_label_with_its_colon_and_a_value_beside_it_is_no_row_of_cells():
    # "Bệnh già" reads like a label (an illness), but after a printed colon it is the label's value
    lines = [[(100, "Nguyên nhân tử vong:"), (700, "Bệnh già")], [(100, "Giấy báo tử số- 78/GBT")]]
    assert all(kind == "page" for kind, _ in _segments(lines, "death"))


def _segments_of(p, record_type="birth"):
    reader = PageReader(SCHEMAS[record_type], [r for r in build_rows(p) if r.toks], "document", 1, p.width)
    return [(s.column[0], s.row.text) for s in reader.segments()]


def test_a_cells_label_holds_no_value_its_note_and_last_words_are_the_labels():
    # "Quê quán" is read, "(gốc) zzz yyy" no list holds: in a cell all of it is the label, its value is below
    lines = ["GIẤY CHỨNG NHẬN THƯƠNG BINH", [(100, "Quê quán (gốc) zzz yyy"), (1000, "Nơi thường trú zzz")],
             [(110, "xóm 8, xã Tam Sơn"), (1010, "thôn 11, xã Tam Sơn")]]
    flat = flatten_fields(extract_records([page(lines, width=2000)], "nguoicocong/")[0])
    assert flat.get("hometown") == "xóm 8, xã Tam Sơn"
    assert flat.get("residence") == "thôn 11, xã Tam Sơn"


def test_labels_printed_smaller_than_the_values_under_them_are_cells_whatever_they_say():
    # "Zzz yyy" names nothing, but beside two labels that name fields, in their small print over values written
    # larger, it is a cell's label
    lines = [[(100, "Zzz yyy"), (700, "Ngày sinh"), (1200, "Dân tộc")], [(110, "Nguyễn Văn An"), (710, "05/03/1972"),
                                                                         (1210, "Kinh")]]
    assert _segments_of(small_print(page(lines), 0)) == [
        ("cells", "Zzz yyy:"), ("cells", "Nguyễn Văn An"), ("cells", "Ngày sinh:"), ("cells", "05/03/1972"),
        ("cells", "Dân tộc:"), ("cells", "Kinh")]


def test_one_label_beside_unknown_words_is_no_row_of_cells_whatever_its_print():
    # a label/value grid's row holds one label: words no list holds beside it may be its value, smaller or not
    lines = [[(100, "Ngày sinh"), (700, "Zzz yyy")], [(110, "Xxx Www"), (710, "Vvv")]]
    assert all(kind == "page" for kind, _ in _segments_of(small_print(page(lines), 0)))


def test_unknown_labels_in_the_values_print_are_no_row_of_cells():
    # the same rows in one print, nothing under the labels in their values' shape: a label/value grid may look
    # so, its words say nothing of cells
    lines = [[(100, "Zzz yyy"), (700, "Ngày sinh"), (1200, "Dân tộc")], [(110, "Nguyễn Văn An"), (710, "Xxx www"),
                                                                         (1210, "Vvv")]]
    assert all(kind == "page" for kind, _ in _segments_of(page(lines)))


def test_values_in_their_labels_shape_under_each_label_make_cells_whatever_the_print():
    # one print, two of three labels in words no list holds: under the one that names a field a value of its
    # shape ("Việt Nam" under a nationality), under each other label a value starting where it starts
    lines = ["GIẤY CHỨNG TỬ", [(100, "Zzz yyy"), (600, "Quốc tịch"), (1100, "Xxx www vvv")],
             [(110, "Tày"), (610, "Việt Nam"), (1110, "012345678901")]]
    segs = _segments_of(page(lines), "death")
    assert ("cells", "Quốc tịch:") in segs and ("cells", "Việt Nam") in segs and ("cells", "Tày") in segs
    flat = flatten_fields(extract_records([page(lines)], "hotich/")[0])
    assert flat.get("nationality") == "Việt Nam"


def test_label_words_under_a_label_no_list_holds_make_no_row_of_cells():
    # a label/value grid whose value reads as a label: the words under the unknown first label are a label's
    # (a capital, then lower case: no shape of any value), so the row is no row of cells
    lines = [[(100, "Zzz yyy"), (600, "Quốc tịch")], [(110, "Www vvv"), (610, "Việt Nam")]]
    assert all(kind == "page" for kind, _ in _segments_of(page(lines), "death"))


def test_a_label_over_words_not_in_its_values_shape_is_no_row_of_cells():
    # a label/value grid's columns line up as cells' do: under the nationality's label the next row's label
    # column holds words of no nationality's shape, so the row is no row of cells
    lines = [[(100, "Quốc tịch"), (600, "Zzz yyy")], [(110, "Xxx www"), (610, "Vvv uuu")]]
    assert all(kind == "page" for kind, _ in _segments_of(page(lines), "death"))


def test_a_row_in_the_labels_small_print_ends_the_cells_above_it():
    # "Zzz yyy" under the first cell's value is the next row's label (its print says so), not the value's rest
    lines = ["GIẤY KHAI SINH", [(100, "Họ và tên"), (900, "Dân tộc")], [(110, "Nguyễn Văn An"), (910, "Kinh")],
             [(100, "Zzz yyy")], [(110, "Trần Văn Bình")]]
    p = small_print(page(lines), 1, 3)
    flat = flatten_fields(extract_records([p], "hotich/")[0])
    assert flat.get("full_name") == "Nguyễn Văn An" and flat.get("ethnicity") == "Kinh"
    assert ("cells", "Zzz yyy") not in _segments_of(p)


def test_a_cells_label_goes_on_over_a_second_line_in_its_print():
    # the second cell's label wraps ("Quê quán của" / "người được cấp"), in the labels' small print beside the
    # first cell's value: the second line is the label's, read with it, and the value is the one written below
    lines = ["GIẤY CHỨNG NHẬN THƯƠNG BINH", [(100, "Họ và tên"), (900, "Quê quán của")],
             [(110, "Nguyễn Văn An"), (900, "người được cấp")], [(910, "xã Tam Sơn, huyện Từ Sơn")]]
    p = small_print(page(lines), 1)
    for ln in p.lines:  # (on the second row only the label's line is in small print)
        if ln.words[0].text == "người":
            for w in ln.words:
                w.bbox = (w.bbox[0], w.bbox[1] + 12, w.bbox[2], w.bbox[3])
            ln.bbox = (ln.bbox[0], ln.bbox[1] + 12, ln.bbox[2], ln.bbox[3])
    assert ("cells", "Quê quán của người được cấp:") in _segments_of(p, "war_invalid")
    flat = flatten_fields(extract_records([p], "nguoicocong/")[0])
    assert flat.get("hometown") == "xã Tam Sơn, huyện Từ Sơn"
    assert flat.get("full_name") == "Nguyễn Văn An"


def test_a_label_with_its_value_in_the_same_run_is_no_cells_label():
    # "Họ và tên Nguyễn Văn An": a label and, with no blank between, a name — its value; no cell's label alone
    lines = [[(100, "Họ và tên Nguyễn Văn An"), (900, "Nơi sinh xã Tam Sơn")], [(110, "Zzz Yyy"), (910, "Xxx")]]
    assert all(kind == "page" for kind, _ in _segments_of(page(lines)))


def test_a_labels_last_words_before_the_blank_to_its_value_are_the_labels():
    # a ruled table's label cell, its border lost: "ZZZ YYY" no list holds, in the label's capitals up to the
    # blank before the value column, is the label's rest, not the material's first words
    lines = ["PHIẾU HIỆN VẬT", [(100, "TÊN HIỆN VẬT"), (640, "Bình gốm")], [(100, "CHẤT LIỆU ZZZ YYY"), (640, "Gốm men")]]
    flat = flatten_fields(extract_records([page(lines)], "baotang/")[0])
    assert flat.get("material") == "Gốm men"


def test_words_before_the_blank_in_the_shape_of_the_value_stay_the_value():
    # "kinh" after an ethnic group's label is its value (a closed list's word), whatever comes after the blank
    lines = ["GIẤY KHAI SINH", [(100, "Họ và tên"), (640, "Nguyễn Văn An")], [(100, "Dân tộc kinh"), (640, "Zzz")]]
    flat = flatten_fields(extract_records([page(lines)], "hotich/")[0])
    assert flat.get("ethnicity") == "Kinh"


def test_a_value_in_its_shape_beside_a_cells_label_stays_its_value():
    # "xã Tam Sơn" on the label's row of a cell is a place: the value, written beside its label
    lines = ["GIẤY KHAI SINH", [(100, "Họ và tên"), (900, "Nơi sinh xã Tam Sơn")], [(110, "Nguyễn Văn An")]]
    flat = flatten_fields(extract_records([page(lines)], "hotich/")[0])
    assert flat.get("place_of_birth") == "xã Tam Sơn" and flat.get("full_name") == "Nguyễn Văn An"


def test_a_place_under_a_cells_label_nobody_listed_wraps_inside_its_cell():
    # "Zzz yyy" names nothing: its value, a place cut at the cell's border, is the cell's rows below, read whole
    # for the record-wide decoding as a place under a label read would be
    lines = ["GIẤY CHỨNG TỬ", [(100, "Họ và tên"), (700, "Zzz yyy")], [(110, "Nguyễn Văn An"), (710, "xã Tam Sơn, huyện")],
             [(710, "Từ Sơn, tỉnh Bắc Ninh")], "Ngày chết: 03/04/2010"]
    flat = flatten_fields(extract_records([page(lines)], "hotich/")[0])
    assert flat.get("place_of_death") == "xã Tam Sơn, huyện Từ Sơn, tỉnh Bắc Ninh"



def test_prose_whose_clauses_a_semicolon_parts_is_no_cells_label():
    # a label/value table's row: a label, then a description in its right cell that wraps below; the
    # description's first line holds words that name fields ("Chất liệu", "nơi …"), so read as if its border
    # ended it, it made the row two cells' labels and the description was lost. A label never parts clauses
    # with a semicolon
    from schemas.cells import cell_labels
    lines = [[(100, "Mô tả"), (700, "Chất liệu gốm men ngà; nơi đúc ở làng")], [(710, "nắp có núm nhỏ, men ngà")]]
    rows = [r for r in build_rows(page(lines)) if r.toks]
    assert cell_labels(SCHEMAS["museum_object"], rows[0], rows[1]) is None


def test_a_caption_s_words_in_lower_case_after_a_wide_blank_go_on_that_caption():
    # an abbreviation set wide before the rest of its caption: "của người con" opens no caption of its own, so
    # the row is three captions, each over its value, not four
    rows = ["GIẤY KHAI SINH", [(100, "Họ và tên"), (900, "Trần Văn Bình")],
            [(100, "NS"), (200, "của người con"), (700, "Giới tính của người con"), (1300, "Dân tộc của người con")],
            [(200, "05/06/2001"), (800, "Nam"), (1400, "Tày")]]
    flat = flatten_fields(extract_records([page(rows, width=2000)], "hotich/")[0])
    assert flat.get("date_of_birth") == "2001-06-05" and flat.get("sex") == "male" and flat.get("ethnicity") == "Tày"


def test_a_run_opening_with_cua_or_voi_joins_the_caption_before_it_unless_a_colon_ended_that_caption():
    runs = [[tok("NS", 100, 136)], [tok("của", 200, 254), tok("con", 272, 326)], [tok("Phái", 700, 772)]]
    assert [[t.text for t in run] for run in join_run_ons(runs)] == [["NS", "của", "con"], ["Phái"]]
    assert len(join_run_ons([[tok("Số:", 100, 154)], [tok("của", 200, 254), tok("con", 272, 326)]])) == 2
    # other words in lower case are a caption's own rest line or a caption whose head OCR lost: left apart
    assert len(join_run_ons([[tok("Ngày", 100, 172)], [tok("cấp", 400, 454)]])) == 2
    assert len(join_run_ons([[tok("xxx", 100, 154)], [tok("của", 400, 454)]])) == 2


def test_a_person_s_word_under_a_relation_s_caption_makes_the_row_above_captions():
    # the relation's caption is the only one the vocabulary reads; the person's word under it is its value (a
    # relation has no other shape), so the row is captions over values, not the relation's value
    rows = ["GIẤY CHỨNG TỬ", [(100, "Họ và tên"), (900, "Trần Văn Bình")], [(100, "Chết ngày"), (900, "12/03/2001")],
            [(100, "Họ tên người đi khai tử"), (900, "Trần Thị Hoa")],
            [(100, "Quan hệ với người chết"), (700, "Xxq vvk"), (1900, "Zzq ngày")],
            [(100, "Con gái"), (700, "Ủy ban nhân dân xã Tam Sơn, huyện Từ Sơn, tỉnh Bắc Ninh"), (1900, "14/03/2001")]]
    flat = flatten_fields(extract_records([page(rows, width=2600)], "hotich/")[0])
    assert flat.get("declarant.relation") == "Con gái"
    assert flat.get("registration.office") == "Ủy ban nhân dân xã Tam Sơn, huyện Từ Sơn, tỉnh Bắc Ninh"
