"""A sheet of label cells printed from an electronic record (schemas/value_column.py): each label in a cell of its
own, right-aligned against the page's value column or left-aligned in it, its value beside it, no colon. A row
that holds a label in its cell and a value in the column opens the next pair, whatever its words: the value
above ends on its own row, and a label no list holds keeps its value for the record-wide decoding."""

from synth import CHAR_W, page

from schemas.extract import extract_records
from schemas.layout import Tok
from schemas.loader import label_key
from schemas.value_column import label_cell_end, opens_in_value_column, value_columns

COLUMN = 700  # the sheet's value column
EDGE = 660  # where its right-aligned label cells end


def toks(*runs: tuple[int, str]) -> list[Tok]:
    """The words of one row, each run an OCR line of its own starting at its x (monospaced, one letter a blank)."""
    out = []
    for x, text in runs:
        words = text.split()
        for k, w in enumerate(words):
            out.append(Tok(w, label_key(w), 0.95, (x, 0, x + CHAR_W * len(w), 36), 1, line_end=k == len(words) - 1))
            x += CHAR_W * (len(w) + 1)
    return out


def cell_row(label: str, value: str) -> list[tuple[int, str]]:
    width = CHAR_W * len(label)
    return [(EDGE - width, label), (COLUMN, value)]


def test_a_row_with_a_label_left_of_the_value_column_and_a_value_in_it_opens_the_next_pair():
    value = toks((COLUMN, "xã Đông Phong, huyện Yên Phong, tỉnh Bắc Ninh"))
    assert opens_in_value_column(value, toks((300, "Xyz abc mới"), (COLUMN, "Tày")), 36)
    # a value's wrapped line starts in the column, or at the margin running on with word blanks only
    assert not opens_in_value_column(value, toks((COLUMN, "Bắc Ninh")), 36)
    assert not opens_in_value_column(value, toks((100, "tỉnh Bắc Ninh, Việt Nam xã Đông")), 36)
    # a label's own wrapped line beside the value's goes on in lower case
    assert not opens_in_value_column(value, toks((560, "mất"), (COLUMN, "tỉnh Bắc Ninh")), 36)
    # a value elsewhere on the row is another column's, not this one's
    assert not opens_in_value_column(value, toks((300, "Xyz abc"), (1100, "Tày")), 36)


def test_the_value_column_is_measured_from_the_page_rows():
    rows = [toks((300, "Họ và tên"), (COLUMN, "Lê Văn An")), toks((320, "Dân tộc"), (COLUMN + 4, "Tày")),
            toks((280, "Quốc tịch"), (COLUMN - 3, "Việt Nam")), toks((100, "GIẤY KHAI SINH"))]
    assert value_columns(rows, 36) == [COLUMN - 3]
    assert value_columns(rows[:2], 36) == []  # two rows make no column
    cut = toks((250, "Xyz abc của người"), (COLUMN, "Tày 2"))
    assert label_cell_end(cut, [COLUMN - 3], 36, 12) == 4
    assert label_cell_end(cut, [1100], 36, 12) is None
    assert label_cell_end(toks((250, "Xyz 3"), (COLUMN, "Tày")), [COLUMN], 36, 12) is None  # a digit: no label


def test_a_place_does_not_run_on_into_the_next_cell_row_and_the_cells_edge_ends_an_unlisted_label():
    rows = [[(500, "GIẤY CHỨNG TỬ")], cell_row("Họ và tên", "Lê Văn Cường"), cell_row("Dân tộc", "Tày"),
            cell_row("Xyz abc qrs", "Đồi Cao, Bắc Ninh"), cell_row("Vvk tuv tại", "Nghĩa trang xã Đông Phong 4"),
            cell_row("Quốc tịch", "Việt Nam")]
    rec = extract_records([page(rows, width=1700)], "hotich/")[0]
    assert [(u["label"], u["value"]) for u in rec["unmapped"]] == [
        ("Xyz abc qrs", "Đồi Cao, Bắc Ninh"), ("Vvk tuv tại", "Nghĩa trang xã Đông Phong 4")]
    assert rec["fields"]["nationality"]["value"] == "Việt Nam"
