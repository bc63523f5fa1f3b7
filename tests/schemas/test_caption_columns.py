"""Rows of captions side by side, each over its value, read by the page's geometry (issue 12): a value wider than
its caption, centred under it, starts left of it, in the column of the caption before; it is that caption's
value whole, never the end of the value before it (schemas/cells._next_cells_run, value_rest._nearer_next).
A cemetery's name is the burial place in the record-wide decoding (schemas/assign._looks_its_own). Made-up
wordings, names and places."""

from synth import page

from schemas.cells import _by_cell, under_label
from schemas.extract import extract_records, flatten_fields
from schemas.layout import Tok
from schemas.loader import label_key


def _tok(text, x0, x1):
    return Tok(text, label_key(text), 0.95, (x0, 100, x1, 136), 1)


def _fields(rows):
    return flatten_fields(extract_records([page(rows, width=2600)], "lietsi/")[0])


HEAD = ["GIẤY CHỨNG NHẬN HY SINH", "Họ và tên: Lò Văn Thắm", "Năm sinh: 1950"]


def test_a_value_centred_under_the_next_caption_is_not_the_end_of_the_value_before_it():
    rows = HEAD + [[(300, "Ngày hy sinh"), (1800, "Nơi yên nghỉ")],
                   [(320, "14/3/1972 tại Đồi Cát"), (1500, "Nghĩa trang liệt sĩ Phú Lộc")]]
    got = _fields(rows)
    assert got["date_of_death"] == "1972-03-14"
    assert got.get("place_of_death") in (None, "Đồi Cát")  # never with the cemetery's first words
    assert got.get("burial_place") in (None, "Nghĩa trang liệt sĩ Phú Lộc")  # never cut at the caption's start


def test_a_run_reaching_past_the_next_captions_start_after_a_cells_own_value_is_the_next_cells():
    starts, spans = [300.0, 1800.0], [(300.0, 700.0), (1800.0, 2000.0)]
    words = [_tok("12/5/1970", 320, 500), _tok("Đồi", 1500, 1560), _tok("Sim", 1580, 1640),
             _tok("Hai", 1700, 1760), _tok("Lộc", 1860, 1920)]
    parts = _by_cell(words, starts, spans, 36)
    assert [t.text for t in parts[0]] == ["12/5/1970"]
    assert [t.text for t in parts[1]] == ["Đồi", "Sim", "Hai", "Lộc"]


def test_a_cells_only_run_running_past_the_next_captions_start_is_parted_there_as_before():
    # no value of its own before it in the cell: its words are parted by where each starts, as before
    starts, spans = [300.0, 900.0], [(300.0, 500.0), (900.0, 1100.0)]
    words = [_tok("Đồi", 320, 380), _tok("Sim", 400, 460), _tok("Hai", 480, 540), _tok("Lộc", 960, 1020)]
    parts = _by_cell(words, starts, spans, 36)
    assert [t.text for t in parts[0]] == ["Đồi", "Sim", "Hai"]
    assert [t.text for t in parts[1]] == ["Lộc"]


def test_a_value_written_across_its_captions_start_lies_under_it():
    assert under_label([_tok("Đồi", 1500, 1560), _tok("Lộc", 1860, 1920)], 1800, (1800, 2000), 36)
    assert not under_label([_tok("Đồi", 1200, 1260), _tok("Lộc", 1300, 1360)], 1800, (1800, 2000), 36)


def test_a_run_nearer_the_next_captions_start_is_the_next_captions_value():
    from schemas.value_rest import _nearer_next
    assert _nearer_next([_tok("Đồi", 1500, 1560)], 300, 1800)
    assert not _nearer_next([_tok("Đồi", 700, 760)], 300, 1800)  # a value of its own, written on from its caption


def test_a_cemetery_fits_the_burial_place_in_the_record_wide_decoding():
    from schemas.assign import _looks_its_own
    from schemas.loader import load_schemas
    schema = load_schemas()["martyr"]
    assert _looks_its_own(schema, schema.by_key["burial_place"], "Nghĩa trang liệt sĩ Đồi Sim")
    assert not _looks_its_own(schema, schema.by_key["place_of_death"], "Nghĩa trang liệt sĩ Đồi Sim")
