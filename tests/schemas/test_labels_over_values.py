"""Labels printed over their values, paired by where they stand (schemas/cells.py): a row of labels whose next
row holds a value of its shape under each, labels wrapped over three lines, a note in brackets that counts, a
border read as an underscore."""

from synth import page

from ocr.result import Line, PageText, Word

from schemas.extract import extract_records, flatten_fields


def _read(lines: list) -> dict:
    return flatten_fields(extract_records([page(lines, width=1800)], "hotich/")[0])


def test_labels_over_values_of_their_shape_are_labels_whatever_one_reads_as_beside_another():
    # "LÝ DO CHẾT" in capitals reads as a name beside a name's label, but the row under holds a name under the
    # first label and words under the second: two labels over their values, not a label and its value
    flat = _read(["GIẤY CHỨNG TỬ",
                  [(100, "HỌ VÀ TÊN NGƯỜI CHẾT"), (800, "LÝ DO CHẾT")],
                  [(100, "Trần Văn An"), (800, "Tai nạn giao thông")]])
    assert flat.get("full_name") == "Trần Văn An"
    assert flat.get("cause_of_death") == "Tai nạn giao thông"


def test_a_label_beside_a_label_is_still_its_value_on_a_table_s_row():
    # a label/value table's row: the name beside its label, the next label on the row under, no value under each
    flat = _read(["GIẤY CHỨNG TỬ",
                  [(100, "HỌ VÀ TÊN NGƯỜI CHẾT"), (800, "TRẦN VĂN AN")],
                  [(100, "NGUYÊN NHÂN CHẾT"), (800, "Tai nạn giao thông")]])
    assert flat.get("full_name") == "Trần Văn An"


def test_labels_wrapped_over_three_lines_are_read_whole():
    # the middle label takes three lines in its narrow cell: its third line is the label's, not the relation
    flat = _read(["GIẤY KHAI SINH",
                  [(100, "Họ và tên"), (700, "Quan hệ với"), (1200, "Nơi đăng")],
                  [(100, "người khai"), (700, "người được"), (1200, "ký")],
                  [(700, "khai sinh")],
                  [(100, "Trần Văn An"), (700, "Cha"), (1200, "UBND xã Tam Sơn")]])
    assert flat.get("declarant.full_name") == "Trần Văn An"
    assert flat.get("declarant.relation") == "Cha"
    assert flat.get("registration.office") == "UBND xã Tam Sơn"


def test_a_row_of_values_is_no_third_line_of_labels():
    # two lines of labels, then values in lower case under the labels that wrapped: the values, not a third line
    flat = _read(["GIẤY KHAI SINH",
                  [(100, "Họ và tên"), (700, "Quan hệ với"), (1200, "Nơi đăng ký")],
                  [(100, "người khai"), (700, "người được khai")],
                  [(100, "Trần Văn An"), (700, "cha"), (1200, "UBND xã Tam Sơn")]])
    assert flat.get("declarant.full_name") == "Trần Văn An"
    assert flat.get("registration.office") == "UBND xã Tam Sơn"


def test_a_label_s_note_in_brackets_may_count():
    # "(ghi 4 chữ)": a digit in a label's note, no value's digit; the row is a row of labels over their values
    flat = _read(["GIẤY KHAI SINH",
                  [(100, "Họ và tên người cha"), (900, "Năm sinh người cha (ghi 4 chữ)")],
                  [(100, "Lê Văn Toàn"), (900, "1958")]])
    assert flat.get("father.full_name") == "Lê Văn Toàn"
    assert flat.get("father.birth_year") == "1958"


def test_a_border_read_as_an_underscore_parts_two_labels():
    # the ruled border between two cells, too close to either label to cut at a blank, read as "_": each label
    # takes the value under it, the first not the second's
    flat = flatten_fields(extract_records([page(["PHIẾU HIỆN VẬT",
                                                 [(100, "Tên hiện vật _ Chất liệu chính")],
                                                 [(100, "Bình gốm"), (460, "Gốm men lam")]], width=1800)],
                                          "baotang/")[0])
    assert flat.get("name") == "Bình gốm"
    assert flat.get("material") == "Gốm men lam"


def _taller(p: PageText, top: int, text: str, up: int, down: int) -> PageText:
    """The page with the first word ``text`` on the row at ``top`` reaching ``up`` higher and ``down`` lower (a
    speck or a stroke joined to it on a noisy scan)."""
    lines, done = [], False
    for ln in p.lines:
        words = []
        for w in ln.words:
            if not done and ln.bbox[1] == top and w.text == text:
                w, done = Word(w.text, w.confidence, (w.bbox[0], w.bbox[1] - up, w.bbox[2], w.bbox[3] + down)), True
            words.append(w)
        box = (ln.bbox[0], min(w.bbox[1] for w in words), ln.bbox[2], max(w.bbox[3] for w in words))
        lines.append(Line(words, box, ln.block))
    return PageText(p.page, p.width, p.height, lines)


def test_a_label_s_second_line_with_one_word_blown_up_by_noise_is_still_the_label_s():
    # one word of the labels' second line measures 40 % taller (a speck joined to it): the line is still printed
    # as the labels are, so each label names the mother
    p = page(["GIẤY KHAI SINH",
              [(100, "Họ và tên"), (700, "Dân tộc"), (1200, "Nơi cư trú")],
              [(100, "của người mẹ"), (700, "của người mẹ"), (1200, "của người mẹ")],
              [(100, "Trần Thị Lan"), (700, "Tày"), (1200, "xã Tam Sơn, huyện Từ Sơn")]], width=1800)
    tops = sorted({ln.bbox[1] for ln in p.lines})
    flat = flatten_fields(extract_records([_taller(p, tops[2], "mẹ", 8, 6)], "hotich/")[0])
    assert flat.get("mother.full_name") == "Trần Thị Lan"
    assert flat.get("mother.ethnicity") == "Tày"
    assert flat.get("mother.residence") == "xã Tam Sơn, huyện Từ Sơn"
