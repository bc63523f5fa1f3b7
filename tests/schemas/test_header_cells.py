"""A table's header row of labels over the row of their values: values centred under their labels (a value
wider than its label starts left of it), labels wrapping onto a second line inside their cells
(schemas/cells.py: under_label, _by_cell, wrapped_labels, cell_block)."""

from synth import CHAR_W, page

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
