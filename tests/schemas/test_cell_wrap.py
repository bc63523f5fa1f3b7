"""A ruled cell's value that wraps onto the line under it is read whole, whatever that line's words look like
(issue 12, part CZ; schemas/cell_wrap.py): a line at the values' own pitch, each of its parts inside the span of
a value above in its cell, goes on those values; a row further down, or reaching past a value, does not. Made-up
label words; names and places of the seen vocabulary."""

from synth import line

from ocr.result import PageText
from schemas.cell_wrap import wraps_values
from schemas.cells import cell_block
from schemas.layout import Row, build_rows
from schemas.loader import load_schemas


def _page(lines) -> PageText:
    return PageText(page=1, width=2000, height=1200, lines=lines)


def _rows(cont_y: int, cont_x: int = 900, cont: str = "Hoa"):
    """A header row of two cells' labels in small print, the row of values under it, and a line at ``cont_y``
    holding a word at ``cont_x`` in a print without tall letters (24 px: no mark, no descender)."""
    return build_rows(_page([
        line("Họ và tên mẹ", 100, 100, height=24, char_w=14, block=1),
        line("Nơi sinh", 900, 100, height=24, char_w=14, block=2),
        line("xã Tân Phú, huyện Đồng Xuân,", 100, 170, block=3),
        line("Trần Thị", 900, 170, block=4),
        line(cont, cont_x, cont_y, height=24, block=5),
    ]))


def _values(rows):
    """Each cell's value so far: its part of the row of values."""
    return [[Row(rows[1].toks[:5], 1)], [Row(rows[1].toks[5:], 1)]]


def test_a_line_at_the_values_pitch_inside_a_values_span_wraps_it():
    rows = _rows(220)
    assert wraps_values(_values(rows), {1: rows[2].toks}, rows[2], 20)


def test_a_row_a_line_lower_or_past_the_values_span_does_not_wrap_it():
    values_of = _values
    rows = _rows(250)  # a line's height of blank under the values: the next row of the form
    assert not wraps_values(values_of(rows), {1: rows[2].toks}, rows[2], 20)
    rows = _rows(220, cont="Hoa Xxxxxxxxxxxxxxxxxxxxxxxxxxxx")  # reaching far past the value above
    assert not wraps_values(values_of(rows), {1: rows[2].toks}, rows[2], 20)
    rows = _rows(220)
    assert not wraps_values([[], []], {1: rows[2].toks}, rows[2], 20)  # no value above it yet


def test_a_wrapped_given_name_in_smaller_looking_print_stays_in_its_cell():
    rows = _rows(220)
    block = cell_block(load_schemas()["birth"], rows, 0, 2000)
    assert block is not None
    cells = [[" ".join(t.text for t in r.toks) for r in cell[1:]] for cell in block[0].cells]
    assert cells[1] == ["Trần Thị", "Hoa"]


def test_a_row_of_pairs_whose_colons_stand_alone_is_no_row_of_cells_labels():
    # two pairs side by side, each colon read as a word of its own, the first value wrapping under its label: the
    # colons say label and value, so the row is pairs, and the line under it the first value's rest
    from schemas.cells import cell_labels

    rows = build_rows(_page([
        line("Họ và tên người đi khai : Xxx Yyy", 100, 100, block=1),  # (a name no list holds)
        line("Quan hệ : Cha", 1000, 100, block=2),
        line("Zzz", 100, 160, block=3),
    ]))
    assert cell_labels(load_schemas()["birth"], rows[0], rows[1]) is None


def test_a_line_is_measured_from_its_own_cells_value_not_from_a_longer_one_beside_it():
    # the second cell's value takes two lines; a row under the first cell, at the pitch of that second line but
    # two lines under the first cell's own value, is the next row of the form (a label in small print)
    rows = build_rows(_page([
        line("Xxx yyy", 100, 100, block=1), line("Nơi sinh", 900, 100, block=2),
        line("Zzz www", 100, 170, block=3), line("xã Tân Phú, huyện Đồng Xuân,", 900, 170, block=4),
        line("tỉnh Phú Yên", 900, 222, block=5),
        line("Vvv uuu", 100, 274, height=24, block=6),
    ]))
    values = [[Row(rows[1].toks[:2], 1)], [Row(rows[1].toks[2:], 1), rows[2]]]
    assert not wraps_values(values, {0: rows[3].toks}, rows[3], 20)
