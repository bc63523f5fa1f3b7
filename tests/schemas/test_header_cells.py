"""A table's header row of labels over the row of their values: values centred under their labels (a value
wider than its label starts left of it), labels wrapping onto a second line inside their cells
(schemas/cells.py: under_label, _by_cell, wrapped_labels, cell_block)."""

from synth import CHAR_W, page

from ocr.result import Line, PageText, Word
from schemas.extract import extract_records, flatten_fields


def centred(text: str, middle: int) -> tuple[int, str]:
    """The text's place when centred on ``middle``, in synth's monospaced measure."""
    width = sum(CHAR_W * len(w) for w in text.split()) + CHAR_W * (len(text.split()) - 1)
    return middle - width // 2, text


def test_values_centred_under_centred_labels_are_each_their_labels():
    # cells 100-700, 700-1200, 1200-1700: the place is wider than its label and starts under the date's cell
    lines = ["GIẤY KHAI SINH",
             [centred("Họ và tên", 400), centred("Ngày sinh", 950), centred("Nơi sinh", 1450)],
             [centred("Lê Thị Mai", 400), centred("12/05/1990", 950), centred("xã Yên Phong, huyện Ý Yên", 1450)]]
    flat = flatten_fields(extract_records([page(lines, width=1800)], "hotich/")[0])
    assert flat.get("full_name") == "Lê Thị Mai"
    assert flat.get("date_of_birth") == "1990-05-12"
    assert flat.get("place_of_birth") == "xã Yên Phong, huyện Ý Yên"


def test_labels_wrapped_onto_a_second_line_are_read_whole():
    # each label's second line names the mother: without it the first line is the child's field
    lines = ["GIẤY KHAI SINH",
             [(100, "Họ và tên"), (700, "Dân tộc"), (1200, "Nơi cư trú")],
             [(100, "của người mẹ"), (700, "của người mẹ"), (1200, "của người mẹ")],
             [(100, "Trần Thị Lan"), (700, "Tày"), (1200, "xã Tam Sơn, huyện Từ Sơn")]]
    flat = flatten_fields(extract_records([page(lines, width=1800)], "hotich/")[0])
    assert flat.get("mother.full_name") == "Trần Thị Lan"
    assert flat.get("mother.ethnicity") == "Tày"
    assert flat.get("mother.residence") == "xã Tam Sơn, huyện Từ Sơn"
    assert "full_name" not in flat and "ethnicity" not in flat


def test_a_name_wrapped_inside_its_narrow_cell_is_read_whole():
    # the name's first line ends far short of its cell's edge (centred): the line under it in the cell goes on
    lines = ["GIẤY KHAI SINH",
             [centred("Họ và tên", 300), centred("Ngày sinh", 800), centred("Nơi sinh", 1300)],
             [centred("Đỗ Minh", 300), centred("12/05/1990", 800), centred("xã Yên Phong", 1300)],
             [centred("Khôi", 300)]]
    flat = flatten_fields(extract_records([page(lines, width=1800)], "hotich/")[0])
    assert flat.get("full_name") == "Đỗ Minh Khôi"
    assert flat.get("date_of_birth") == "1990-05-12" and flat.get("place_of_birth") == "xã Yên Phong"


def test_a_row_of_values_in_lower_case_is_no_label_s_second_line():
    # a label's second line is written as a label goes on; "thôn 3" holds a digit, a name its capitals
    lines = ["GIẤY KHAI SINH",
             [(100, "Họ và tên"), (700, "Nơi sinh")],
             [(100, "Trần Văn Hải"), (700, "thôn 3, xã Tam Sơn")]]
    flat = flatten_fields(extract_records([page(lines, width=1800)], "hotich/")[0])
    assert flat.get("full_name") == "Trần Văn Hải" and flat.get("place_of_birth") == "thôn 3, xã Tam Sơn"


def test_a_header_row_mostly_of_labels_read_over_values_of_their_shape_is_a_row_of_cells():
    # the first label names nothing the vocabulary holds; the others are read, and a name and a year stand under
    # them: the row is a table's header, its first column's words are no label of the row below
    lines = ["GIẤY KHAI SINH",
             [(100, "Xxx yyy"), (600, "Họ và tên người mẹ"), (1200, "Năm sinh người mẹ")],
             [(100, "Abc def"), (600, "Trần Thị Lan"), (1200, "1965")]]
    flat = flatten_fields(extract_records([page(lines, width=1800)], "hotich/")[0])
    assert flat.get("mother.full_name") == "Trần Thị Lan" and flat.get("mother.birth_year") == "1965"


def _print(p: PageText, sizes: dict[int, int]) -> PageText:
    """The page with the words of the rows whose tops are keys of ``sizes`` that high (a caption's small print)."""
    lines = []
    for ln in p.lines:
        size = sizes.get(ln.bbox[1])
        if size is None:
            lines.append(ln)
            continue
        words = [Word(w.text, w.confidence, (w.bbox[0], w.bbox[1], w.bbox[2], w.bbox[1] + size)) for w in ln.words]
        lines.append(Line(words, (ln.bbox[0], ln.bbox[1], ln.bbox[2], ln.bbox[1] + size), ln.block))
    return PageText(p.page, p.width, p.height, lines)


def test_a_place_s_last_word_under_small_captions_goes_on_with_its_value():
    # captions in small print; the place wraps its province's last word alone, a word without tall letters that
    # measures as small as a caption: it completes "tỉnh Nam", so it is the value's, not the next captions'
    p = page(["GIẤY KHAI SINH",
              [(100, "Họ và tên"), (900, "Nơi sinh")],
              [(100, "Vũ Thị Hoa"), (900, "xã Hải Anh, huyện Hải Hậu, tỉnh Nam")],
              [(900, "Định")]], width=1800)
    tops = sorted({ln.bbox[1] for ln in p.lines})
    flat = flatten_fields(extract_records([_print(p, {tops[1]: 24, tops[3]: 27})], "hotich/")[0])
    assert flat.get("full_name") == "Vũ Thị Hoa"
    assert flat.get("place_of_birth") == "xã Hải Anh, huyện Hải Hậu, tỉnh Nam Định"


def test_a_date_wrapped_inside_its_narrow_cell_is_read_whole():
    # a date does not wrap on a page, but inside a narrow cell its word and its digits take two lines: the cell's
    # rows under its label are its value, whatever the field
    lines = ["GIẤY KHAI SINH",
             [centred("Họ và tên", 400), centred("Sinh", 850), centred("Nơi sinh", 1350)],
             [centred("Lê Thị Mai", 400), centred("ngày", 850), centred("xã Yên Phong, huyện Ý Yên", 1350)],
             [centred("14/08/1991", 850)]]
    flat = flatten_fields(extract_records([page(lines, width=1800)], "hotich/")[0])
    assert flat.get("date_of_birth") == "1991-08-14"
    assert flat.get("full_name") == "Lê Thị Mai" and flat.get("place_of_birth") == "xã Yên Phong, huyện Ý Yên"
