"""A relative's or a parent's label that names the person alone ("CHA", "Bà mẹ", "THÂN PHỤ"), in a row of cells
over the names written under them, is each name's label, not a heading (schemas/cells.py person_alone,
cell_labels; schemas/layout.py usual_gap)."""

from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.layout import Tok, cut_at_gaps, usual_gap


def _relatives(labels: tuple[str, str]) -> dict:
    rows = ["GIẤY BÁO TỬ", "Họ và tên: Trịnh Văn Khải", "Thân nhân:",
            [(100, labels[0]), (800, labels[1])], [(110, "Đinh Công Tráng"), (810, "Lý Thị Mơ")]]
    got = flatten_fields(extract_records([page(rows)], "lietsi/")[0])
    return {k: v for k, v in got.items() if k.startswith("relatives")}


def test_kinship_words_alone_over_names_are_the_names_labels():
    for labels in (("Ông bố", "Bà mẹ"), ("THÂN PHỤ", "MẸ"), ("CHA", "MẪU THÂN")):
        got = _relatives(labels)
        assert got.get("relatives[0].full_name") == "Đinh Công Tráng", labels
        assert got.get("relatives[0].relation") == "cha", labels
        assert got.get("relatives[1].full_name") == "Lý Thị Mơ", labels
        assert got.get("relatives[1].relation") == "mẹ", labels


def _tok(text: str, x0: int, x1: int) -> Tok:
    return Tok(text, text.lower(), 0.95, (x0, 100, x1, 136), 1)


def test_three_words_with_one_cells_border_are_cut_at_the_border():
    # two blanks, one between words and one a border: the usual blank is the smaller
    toks = [_tok("THÂN", 100, 190), _tok("PHỤ", 208, 280), _tok("MẸ", 800, 850)]
    assert usual_gap(toks) == 18
    assert [[t.text for t in run] for run in cut_at_gaps(toks, 36)] == [["THÂN", "PHỤ"], ["MẸ"]]
