"""A label nobody listed whose end a ruled cell's border, a leader or a colon marks (schemas/layout.label_end,
reader._pend_row): the words after that end are its value, kept for the record-wide decoding, never dropped."""

from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.layout import Tok, label_end
from schemas.loader import label_key
from schemas.normalize import is_leader


def toks(text: str) -> list[Tok]:
    return [Tok(w, label_key(w), 0.95, (20 * k, 0, 20 * k + 15, 30), 1, leader=is_leader(w))
            for k, w in enumerate(text.split())]


def fields(rows, collection="hotich/"):
    return [flatten_fields(r) for r in extract_records([page(rows)], collection)]


def test_a_border_a_leader_or_a_colon_ends_a_label_with_a_value_after_it():
    assert label_end(toks("| Xyz abc | Tày")) == 3
    assert label_end(toks("Xyz abc ....... Tày")) == 2
    assert label_end(toks("Xyz abc: Tày")) == 1
    assert label_end(toks("| Xyz abc |")) is None  # nothing after the border: the value is below, or none
    assert label_end(toks("| Tày")) is None  # the table's left border alone ends no label


def test_a_value_after_the_border_of_a_cell_whose_label_no_list_holds_is_placed_by_what_it_is():
    # ruled rows: the left border, the label's cell, the border between the cells, the value's cell
    got = fields(["GIẤY CHỨNG TỬ", "| Họ và tên | Lê Văn Cường", "| Ngày chết | 03/04/2010",
                  "| Xyz abc của người mất | Tày", "| Nơi chết | xã Đông Phong, huyện Yên Phong, tỉnh Bắc Ninh"])
    assert got[0].get("ethnicity") == "Tày"
    assert got[0].get("full_name") == "Lê Văn Cường"

