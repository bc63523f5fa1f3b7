"""A Roman numeral read alike but wider than the same dating elsewhere on its page lost an I to OCR
(schemas/page_numerals.py; issue 12, part DA). Made-up registers and values."""

from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.page_numerals import LOST_I_NOTE, one_i_more, wider_by_an_i

HEAD = [(60, "STT"), (160, "Số đăng ký"), (420, "Tên hiện vật"), (800, "Chất liệu"), (1000, "Kích thước"),
        (1450, "Niên đại")]
ROWS = [("BTQN.3101", "Bình gốm men", "Đồng", "Cao 22 cm", "Thế kỷ XVII"),
        ("BTQN.3102", "Đĩa sứ trắng", "Gốm", "ĐK 16 cm", "Thế kỷ XVII"),
        ("BTQN.3103", "Tượng đá", "Gỗ", "Dài 40 cm", "Thế kỷ XVII")]


def _register(widen: dict[int, int]) -> list:
    """The register read, the numeral of row ``k`` drawn ``widen[k]`` px wider (its ink, OCR's letters unchanged)."""
    p = page(["SỔ ĐĂNG KÝ HIỆN VẬT", HEAD, *[[(60, str(i + 1)), (160, a), (420, b), (800, c), (1000, d), (1450, e)]
                                             for i, (a, b, c, d, e) in enumerate(ROWS)]])
    numerals = [w for ln in p.lines for w in ln.words if w.text == "XVII"]
    for k, extra in widen.items():
        x0, y0, x1, y1 = numerals[k].bbox
        numerals[k].bbox = (x0, y0, x1 + extra, y1)
    return extract_records([p], "baotang/")


def test_wider_by_an_i_needs_more_than_a_speck_and_no_more_than_a_letter():
    assert wider_by_an_i([(72, 36), (90, 36), (73, 36)]) == [False, True, False]  # half a letter height wider
    assert wider_by_an_i([(72, 36), (75, 36)]) == [False, False]  # a pixel or three: the box's rounding
    assert wider_by_an_i([(72, 36), (140, 36)]) == [False, False]  # two letters wider: another thing, not an I
    assert wider_by_an_i([(72, 36)]) == [False]  # alone on its page: nothing to compare with
    assert wider_by_an_i([(72, 36), (90, 48)]) == [False, False]  # a larger type: wider for its size alone


def test_one_i_more_goes_on_a_numeral_that_ends_in_i():
    assert one_i_more("Thế kỷ XVII") == "Thế kỷ XVIII"
    assert one_i_more("Đầu TK XVI") == "Đầu TK XVII"
    assert one_i_more("TKXII") == "TKXIII"
    assert one_i_more("Thế kỷ XV") is None  # no run of I's to lose one from
    assert one_i_more("Thế kỷ XIX") is None
    assert one_i_more("Năm 1911") is None


def test_the_wider_numeral_of_a_register_is_read_with_its_lost_i_and_held():
    recs = _register({1: 18})
    got = [flatten_fields(r)["dating"] for r in recs]
    assert got == [{"year_from": 1601, "year_to": 1700}, {"year_from": 1701, "year_to": 1800},
                   {"year_from": 1601, "year_to": 1700}]
    dating = recs[1]["fields"]["dating"]
    assert LOST_I_NOTE in dating["notes"] and dating["confidence"] < 0.995


def test_numerals_of_one_width_are_left_as_read():
    recs = _register({})
    assert all(flatten_fields(r)["dating"] == {"year_from": 1601, "year_to": 1700} for r in recs)
    assert not any(LOST_I_NOTE in (r["fields"]["dating"].get("notes") or []) for r in recs)
