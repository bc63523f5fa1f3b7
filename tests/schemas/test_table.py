"""A register table read by its column geometry (schemas/table.py, table_reader.read_table)."""

from synth import CHAR_W, LINE_H, page

from schemas.extract import REVIEW_THRESHOLD, extract_records, flatten_fields
from schemas.layout import Row, Tok
from schemas.table import cell_shape, column_edges, column_of, column_shape, crosses, drop_doubles, join_code, \
    same_band, split_glued, too_narrow


def tok(text: str, x0: int, y: int = 100, x1: int | None = None, leader: bool = False) -> Tok:
    return Tok(text, text.lower(), 0.95, (x0, y, x1 if x1 is not None else x0 + CHAR_W * len(text), y + LINE_H), 1,
               leader=leader)


def row(*cells: tuple[int, str], y: int = 100) -> Row:
    toks = []
    for x, text in cells:
        for w in text.split():
            toks.append(tok(w, x, y))
            x += CHAR_W * (len(w) + 1)
    return Row(toks, 1)


def values(rec):
    return flatten_fields(rec)


def confidences(rec):
    return flatten_fields(rec, "confidence")


# --- the geometry alone ---

def test_cell_shapes():
    assert cell_shape("3") == "index"
    assert cell_shape("GV.8808") == cell_shape("KL 106") == cell_shape("BTBN 1234/KL") == "inventory"
    assert cell_shape("Dài 45 cm, rộng 25 cm") == cell_shape("Cao 42 cm, ĐK miệng 8") == "dimensions"
    assert cell_shape("100 mm") == "dimensions"
    assert cell_shape("Nửa đầu thế kỷ XVII") == cell_shape("1715 - 1725") == cell_shape("Năm 1901") == "dating"
    assert cell_shape("Gốm men lam") is None and cell_shape("6.4693") is None
    # specks of a noisy scan around the cell's words say nothing of its shape
    assert cell_shape("_—GV.5148") == cell_shape("KL. 7212") == "inventory"
    assert cell_shape("Năm : 1932") == cell_shape("Thế Ý kỷ XVIII") == "dating"
    assert column_shape(["Cao 42 cm, ĐK miệng 8 cm", "Dài 45 cm, rộng 25 cm", "Cao 35 cm"]) == "dimensions"
    assert column_shape(["Bạc", "Gốm", "Cao 35 cm"]) is None


def test_column_edges_from_where_cells_start_in_many_rows():
    body = [row((60, "1"), (160, "GV.8808"), (420, "Ấm đất nung"), (800, "Bạc"), (1000, "Dài 45 cm"), y=100 + 52 * i)
            for i in range(4)]
    assert column_edges(body) == [60, 160, 420, 800, 1000]
    # a mark in one row only is no column; with a header title starting there it is (a noisy page)
    body.append(row((60, "5"), (160, "G.275"), (420, "Ống nhổ"), (640, "xx"), y=400))
    assert 640 not in column_edges(body)
    assert 640 in column_edges(body, [640])


def test_a_word_goes_to_the_column_it_overlaps_most():
    cols = [(0, 300), (300, 700), (700, 10 ** 9)]
    assert column_of(tok("Tên", 280, x1=400), cols) == 1
    assert column_of(tok("ch#ữuôn", 600, x1=900), cols) == 2
    assert crosses(tok("liệuKhuôn", 500, x1=900), cols, 1) and not crosses(tok("Bạc", 310, x1=380), cols, 1)


def test_inventory_number_dot_read_as_leader_and_glued_titles_and_one_band():
    joined = join_code([tok("KL", 100), tok("..", 140, leader=True), tok("8399.", 180)])
    assert [t.text for t in joined] == ["KL.8399"]
    assert [t.text for t in split_glued([tok("vậtTên", 100, x1=220)])] == ["vật", "Tên"]
    rows = [row((100, "STT"), y=100), row((300, "Tên hiện vật"), y=104), row((600, "Chất liệu"), y=98),
            row((100, "1"), y=160)]
    assert same_band(rows, 0) == 3


# --- register pages ---

TITLE_ROW = [(60, "STT"), (160, "Số đăng ký"), (420, "Tên hiện vật"), (800, "Chất liệu"), (1000, "Kích thước"),
             (1450, "Niên đại")]
BODY = [
    [(60, "1"), (160, "GV.8808"), (420, "Ấm đất nung"), (800, "Bạc"), (1000, "Dài 45 cm, rộng 25 cm"),
     (1450, "Năm 1901")],
    [(60, "2"), (160, "G.4441"), (420, "Ống nhổ"), (800, "Giấy"), (1000, "Cao 60 cm, ĐK miệng"), (1450, "Thế kỷ XVII")],
    [(1000, "12 cm")],
    [(60, "3"), (160, "KL.5608"), (420, "Tượng gỗ"), (800, "Gốm men lam"), (1000, "Cao 350 mm"), (1450, "1715 - 1725")],
]
WANT = [
    {"inventory_number": "GV.8808", "name": "Ấm đất nung", "material": "Bạc",
     "dimensions": {"length_cm": 45.0, "width_cm": 25.0}, "dating": {"year_from": 1901, "year_to": 1901}},
    {"inventory_number": "G.4441", "name": "Ống nhổ", "material": "Giấy",
     "dimensions": {"height_cm": 60.0, "diameter_cm": 12.0}, "dating": {"year_from": 1601, "year_to": 1700}},
    {"inventory_number": "KL.5608", "name": "Tượng gỗ", "material": "Gốm men lam",
     "dimensions": {"height_cm": 35.0}, "dating": {"year_from": 1715, "year_to": 1725}},
]


def read(title_row):
    return extract_records([page(["SỔ ĐĂNG KÝ HIỆN VẬT", title_row, *BODY])], "baotang/")


def test_register_rows_read_under_their_titles():
    recs = read(TITLE_ROW)
    assert [{k: values(r)[k] for k in WANT[0]} for r in recs] == WANT


def test_two_titles_that_touch_are_two_columns():
    # "Số đăng ký" and "Tên hiện vật" one space apart on one OCR line: never one label, the inventory number
    # never in the name
    body = [[(60, str(i + 1)), (240, inv), (438, name), (800, mat), (1000, "Cao 35 cm"), (1450, "Năm 1901")]
            for i, (inv, name, mat) in enumerate([("GV.8808", "Ấm đất nung", "Bạc"), ("G.4441", "Ống nhổ", "Giấy"),
                                                  ("KL.5608", "Tượng gỗ", "Gốm")])]
    touching = [(60, "STT"), (240, "Số đăng ký Tên hiện vật"), (800, "Chất liệu"), (1000, "Kích thước"),
                (1450, "Niên đại")]
    recs = extract_records([page(["SỔ ĐĂNG KÝ HIỆN VẬT", touching, *body])], "baotang/")
    assert [values(r).get("inventory_number") for r in recs] == ["GV.8808", "G.4441", "KL.5608"]
    assert [values(r).get("name") for r in recs] == ["Ấm đất nung", "Ống nhổ", "Tượng gỗ"]


def readings(recs):
    """How each field's label was read (the calibration group's third part), from the records read raw."""
    return [{k: g.split(":")[2] for k, g in flatten_fields(r, "group").items() if g} for r in recs]


def test_columns_whose_titles_are_not_read_are_named_by_their_cells():
    # a title no wording or meaning reads: the column is what its cells are (a measure, a material of the list),
    # and its values are calibrated as values placed from what they are (the value reading's maps)
    unread = [(60, "STT"), (160, "Số đăng ký"), (420, "Tên hiện vật"), (800, "Xqzw"), (1000, "Wqx vbn"),
              (1450, "Niên đại")]
    recs = read(unread)
    assert [{k: values(r).get(k) for k in WANT[0]} for r in recs] == WANT
    raw = extract_records([page(["SỔ ĐĂNG KÝ HIỆN VẬT", unread, *BODY])], "baotang/", calibrated=False)
    for how in readings(raw):
        assert how["dimensions"] == how["material"] == "value" and how["name"] == "exact"
    # a title read as another field whose kind its cells plainly are not ("Kho" of a garbled "Khuôn khổ")
    misread = [(60, "STT"), (160, "Số đăng ký"), (420, "Tên hiện vật"), (800, "Chất liệu"), (1000, "ch#uôn khổ"),
               (1450, "Niên đại")]
    recs = read(misread)
    assert [values(r).get("dimensions") for r in recs] == [w["dimensions"] for w in WANT]
    assert all("storage_location" not in values(r) for r in recs)


def test_a_cell_running_over_its_column_edge_is_not_confident():
    body = [list(BODY[0]), list(BODY[1]), list(BODY[3])]
    # the material's cell reaches into the dimensions column: its last word straddles the edge
    body[0][3] = (800, "Bạc")
    body[1][3] = (800, "Giấy")
    recs = extract_records([page(["SỔ ĐĂNG KÝ HIỆN VẬT", TITLE_ROW, *body,
                                  [(60, "4"), (160, "G.275"), (420, "Ống nhổ"), (800, "Gốm"), (900, "menlamx"),
                                   (1450, "Năm 1865")]])], "baotang/")
    last = recs[-1]
    assert confidences(last)["material"] < REVIEW_THRESHOLD


def test_a_unit_barely_read_after_its_number_is_kept():
    # "cm" read at 0.4 is no speck: without it "cao 120" would take the "m" of "1,2 m" (120 m)
    recs = extract_records([page(["SỔ ĐĂNG KÝ HIỆN VẬT", TITLE_ROW,
                                  [(60, "1"), (160, "GV.8808"), (420, "Ấm đất nung"), (800, "Bạc"),
                                   (1000, "Dài 1,2 m, cao 120 cm@0.4"), (1450, "Năm 1901")],
                                  [(60, "2"), (160, "G.4441"), (420, "Ống nhổ"), (800, "Giấy"), (1000, "Cao 60 cm"),
                                   (1450, "Năm 1902")]])], "baotang/")
    assert values(recs[0])["dimensions"] == {"length_cm": 120.0, "height_cm": 120.0}


def test_specks_and_words_read_twice():
    # a "7" two pixels wide is a speck; a "1" is narrow but a glyph
    assert too_narrow(tok("7", 544, x1=546), 36) and not too_narrow(tok("1", 60, x1=72), 36)
    # one word read twice at one place is kept once; a word inside a wider box read over several is no double
    assert [t.text for t in drop_doubles([tok("G.3365", 100, x1=220), tok("G.3365", 101, x1=221)])] == ["G.3365"]
    assert [t.text for t in drop_doubles([tok("1834.", 100, x1=350), tok("1844", 266, x1=350)])] == ["1834.", "1844"]


def test_a_line_of_noise_under_a_row_is_no_wrapped_cell():
    # words across the table with no number to start a row: not the rest of the row above
    recs = extract_records([page(["SỔ ĐĂNG KÝ HIỆN VẬT", TITLE_ROW, *BODY,
                                  [(160, "văn"), (420, "THỂ"), (800, "sec"), (1000, "Tá xx")]])], "baotang/")
    assert [{k: values(r).get(k) for k in WANT[0]} for r in recs] == WANT


def test_specks_between_two_cells_do_not_join_them():
    from schemas.table import runs
    # "KL.8917 ' - Tượng đá": the specks sit in the gap between the code and the name
    r = Row([tok("KL.8917", 160), tok("'", 330), tok("-", 360), tok("Tượng", 420), tok("đá", 530)], 1)
    assert [[t.text for t in run] for run in runs(r.toks, LINE_H)] == [["KL.8917", "'", "-"], ["Tượng", "đá"]]
    # words close together stay one run, a dash between two years too
    r = Row([tok("1834", 160), tok("-", 250), tok("1844", 290)], 1)
    assert len(runs(r.toks, LINE_H)) == 1


def test_a_table_row_read_as_two_lines_at_one_height_is_one_row():
    from schemas.table import merge_bands
    a = row((160, "KL.3885"), (800, "Da"), y=100)
    b = Row([tok("6", 60, 104), tok("Tráp", 420, 104), tok("khảm", 520, 104), tok("ỷ", 815, 104)], 1)  # a speck over "Da"
    merged = merge_bands([a, b])
    assert len(merged) == 1 and [t.text for t in merged[0].toks] == ["6", "KL.3885", "Tráp", "khảm", "Da", "ỷ"]
    below = row((160, "KL.3886"), y=160)
    assert len(merge_bands([a, below])) == 2  # the next row down
    over = row((160, "KL.3999"), y=104)
    assert len(merge_bands([a, over])) == 2  # words at one place: two readings, not one row


def test_a_column_of_material_words_is_the_material_not_the_objects_name():
    # no name column and the material column's title not read: its cells are all words of the materials' list,
    # which an object's name may use too; the narrower list says what the column is, read from its cells
    body = [[(60, str(i + 1)), (160, inv), (800, mat), (1000, size), (1450, "Năm 1901")]
            for i, (inv, mat, size) in enumerate([("GV.2231", "Đồng", "Cao 20 cm"), ("G.7712", "Gỗ", "Cao 31 cm"),
                                                  ("KL.9034", "Sứ", "Cao 12 cm")])]
    title = [(60, "STT"), (160, "Số đăng ký"), (800, "Xqzw"), (1000, "Kích thước"), (1450, "Niên đại")]
    recs = extract_records([page(["SỔ ĐĂNG KÝ HIỆN VẬT", title, *body])], "baotang/")
    assert [values(r).get("material") for r in recs] == ["Đồng", "Gỗ", "Sứ"]
    assert all("name" not in values(r) for r in recs)
    raw = extract_records([page(["SỔ ĐĂNG KÝ HIỆN VẬT", title, *body])], "baotang/", calibrated=False)
    assert all(how["material"] == "value" for how in readings(raw))


def test_a_column_of_codes_is_no_objects_name():
    # the code column's title not read and its codes of no shape the inventory rule knows (digits first, or
    # a space inside): letters in capitals and digits are a code, never the object's name, which a text's
    # words are; named by its cells, so never confident
    body = [[(60, str(i + 1)), (160, inv), (480, name), (800, mat), (1000, size), (1450, "Năm 1901")]
            for i, (inv, name, mat, size) in enumerate([("4471/BTNA-G", "Chum sành", "Gốm", "Cao 20 cm"),
                                                        ("BTNA 2210/KL 05", "Mâm đồng", "Đồng", "Cao 31 cm"),
                                                        ("0932/BTNA-TL", "Hộp gỗ", "Gỗ", "Cao 12 cm")])]
    title = [(60, "STT"), (160, "Xqzw"), (800, "Chất liệu"), (1000, "Kích thước"), (1450, "Niên đại")]
    recs = extract_records([page(["SỔ ĐĂNG KÝ HIỆN VẬT", title, *body])], "baotang/")
    assert [values(r).get("inventory_number") for r in recs] == ["4471/BTNA-G", "BTNA 2210/KL 05", "0932/BTNA-TL"]
    assert all(values(r).get("name") != values(r).get("inventory_number") for r in recs)
    assert all(confidences(r)["inventory_number"] < REVIEW_THRESHOLD for r in recs)


def test_a_column_written_flush_against_the_code_before_it_is_a_column():
    # the code column is narrow and the name is written right after its code, one space away (no blank a run
    # ends at): the name column's cells still start at one x row after row, where its title starts after a blank
    header = row((60, "STT"), (160, "Mã"), (330, "Tên gọi"), (800, "Chất liệu"))
    body = [row((60, str(i + 1)), (160, code), (330, name), (800, mat), y=160 + 52 * i)
            for i, (code, name, mat) in enumerate([("QN.40712", "Chiêng đồng", "Đồng"),
                                                   ("QN.40713", "Bát hương", "Gốm"),
                                                   ("QN.40714", "Hũ rượu", "Sành")])]
    assert column_edges(body, [60], header.toks) == [60, 160, 330, 800]
    # with no blank before it, in the body or in the header, words that line up are no column
    assert column_edges(body, [60]) == [60, 160, 800]


def test_words_that_line_up_inside_a_cell_are_no_column():
    # "Cao 40 cm" over "Cao 75 cm": "cm" starts at one x on each row, a word inside the cell, not a column
    header = row((60, "STT"), (160, "Mã số"), (420, "Kích thước"), (900, "Ghi chú"))
    body = [row((60, str(i + 1)), (160, f"QN.4{i}"), (420, f"Cao {h} cm"), (900, "Còn tốt"), y=160 + 52 * i)
            for i, h in enumerate((40, 75, 12))]
    assert column_edges(body, [60, 420], header.toks) == [60, 160, 420, 900]


def test_a_code_wrapped_in_its_narrow_cell_stays_one_entry():
    # the code's letters on the entry's line, its number on the next line (a narrow column): the number is the
    # rest of the code, not a new entry; a whole code on the next line after a whole one is a new entry
    from schemas.table import completes_number
    assert completes_number({0: [tok("1", 60)], 1: [tok("QN", 160)]}, [1], {0})
    assert not completes_number({0: [tok("1", 60)], 1: [tok("QN.407", 160)]}, [1], {0})
    assert not completes_number({0: [tok("1", 60)], 1: [tok("QN", 160)]}, [0, 1], {0})  # a row number: a new entry
    # the code's last part alone on the next line, a short number and no code of its own (no letters)
    whole = {0: [tok("1", 60)], 1: [tok("QN", 160), tok("4071/KL", 220)]}
    assert completes_number(whole, [1], {0}, {1: [tok("3", 160)]})
    assert not completes_number(whole, [1], {0}, {1: [tok("QN.4072", 160)]})
    assert not completes_number(whole, [1], set(), {1: [tok("3", 160)]})  # no row numbers: the number may be a row's
    title = [(60, "STT"), (160, "Số đăng ký"), (420, "Tên hiện vật"), (800, "Chất liệu"), (1000, "Kích thước")]
    body = [[(60, "1"), (160, "QN"), (420, "Chiêng đồng"), (800, "Đồng"), (1000, "Cao 20 cm")],
            [(160, "4071/KL")],
            [(60, "2"), (160, "QN"), (420, "Bát hương"), (800, "Gốm"), (1000, "Cao 31 cm")],
            [(160, "4072/G")]]
    recs = extract_records([page(["SỔ ĐĂNG KÝ HIỆN VẬT", title, *body])], "baotang/")
    assert [values(r).get("inventory_number") for r in recs] == ["QN 4071/KL", "QN 4072/G"]
    assert [values(r).get("name") for r in recs] == ["Chiêng đồng", "Bát hương"]


def test_a_header_row_of_the_index_column_and_one_title_read_over_numbered_rows_is_a_table():
    # the other titles garbled or in words no list holds: the rows numbered 1, 2, 3 under "STT" say it is the
    # table's header; its columns are named by their cells
    title = [(60, "STT"), (160, "Xqzw vbn"), (420, "Tên hiện vật"), (800, "Wqx"), (1000, "Zzq jkl")]
    body = [[(60, str(i + 1)), (160, inv), (420, name), (800, mat), (1000, size)]
            for i, (inv, name, mat, size) in enumerate([("QN.2231", "Chiêng đồng", "Đồng", "Cao 20 cm"),
                                                        ("QN.2232", "Bát hương", "Gốm", "Cao 31 cm"),
                                                        ("QN.2233", "Hũ rượu", "Sành", "Cao 12 cm")])]
    recs = extract_records([page(["SỔ ĐĂNG KÝ HIỆN VẬT", title, *body])], "baotang/")
    assert [values(r).get("name") for r in recs] == ["Chiêng đồng", "Bát hương", "Hũ rượu"]
    assert [values(r).get("inventory_number") for r in recs] == ["QN.2231", "QN.2232", "QN.2233"]


def test_a_title_touching_the_one_before_it_starts_a_column_after_codes():
    # "Mã số Tên gọi": the name's title one space after the code's, and each name one space after its code: the
    # words before the names are codes, so the title's x is the name column's edge
    header = row((60, "STT"), (160, "Mã số Tên gọi"), (800, "Chất liệu"))
    body = [row((60, str(i + 1)), (160, code), (304, name), (800, mat), y=160 + 52 * i)
            for i, (code, name, mat) in enumerate([("4071/QN", "Chiêng đồng", "Đồng"),
                                                   ("4072/QN", "Bát hương", "Gốm"),
                                                   ("4073/QN", "Hũ rượu", "Sành")])]
    assert column_edges(body, [60, 304], header.toks) == [60, 160, 304, 800]
    # words after a number that is no code ("24,5 cm") make no column, whatever title lies over them
    sizes = [row((60, str(i + 1)), (160, f"{h},5 cm"), (800, "Đồng"), y=160 + 52 * i) for i, h in enumerate((24, 31, 12))]
    assert column_edges(sizes, [60, 250], header.toks) == [60, 160, 800]


def test_a_title_read_word_for_word_names_its_column_over_its_own_words_read_with_slips():
    # "Tên gọi" read exactly, then words of the title's own ("trong lưu trữ") that come near another field's
    # wording with slips ("Trọng lượng"), a weight none of the column's cells is: the column is the name's, and
    # the column after it, whose title no wording reads, is named by its cells (the materials' list) between the
    # name and the measures. The titles
    # around it are not read for sure (the number's and the measures' columns are named by their cells), so no
    # order of the type's fields tells the slipped wording apart
    title = [(60, "STT"), (160, "Ghi số"), (420, "Tên gọi trong lưu trữ"), (800, "Xqzw"), (1000, "Wqx vbn"),
             (1450, "Niên đại")]
    recs = read(title)
    assert [values(r).get("name") for r in recs] == [w["name"] for w in WANT]
    assert [values(r).get("material") for r in recs] == [w["material"] for w in WANT]
    assert all("weight" not in values(r) for r in recs)


def test_a_row_whose_number_ocr_read_as_a_letter_starts_its_entry():
    # the third row's number read as a mark ("§" for 3) and its code's digits wrapped to the line below: the row
    # has words across the table, so it is an entry of its own, never a scan's noise dropped with its values
    body = [BODY[0], BODY[1], BODY[2],
            [(60, "§"), (160, "KL."), (420, "Tượng gỗ"), (800, "Gốm men lam"), (1000, "Cao 350 mm"),
             (1450, "1715 - 1725")],
            [(160, "5608")]]
    recs = extract_records([page(["SỔ ĐĂNG KÝ HIỆN VẬT", TITLE_ROW, *body])], "baotang/")
    assert len(recs) == 3
    assert {k: values(recs[2]).get(k) for k in ("name", "material", "dating")} == \
        {k: WANT[2][k] for k in ("name", "material", "dating")}


def test_a_mark_in_the_index_column_of_a_wrapped_line_starts_no_entry():
    # a wrapped line that holds the rest of one long cell and a speck where the row number would be
    body = [BODY[0], BODY[1], [(60, "'"), (1000, "12 cm")], BODY[3]]
    recs = extract_records([page(["SỔ ĐĂNG KÝ HIỆN VẬT", TITLE_ROW, *body])], "baotang/")
    assert [values(r).get("name") for r in recs] == [w["name"] for w in WANT]
    assert values(recs[1])["dimensions"] == WANT[1]["dimensions"]
