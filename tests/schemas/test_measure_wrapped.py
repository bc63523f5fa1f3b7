"""A measure's value cut at its line's end after naming its next measure: the number on the line below is the
value's (schemas/measure_units.measure_named_last, schemas/value_rest.py). Made-up cards."""

from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.measure_units import measure_named_last


def _card(value_rows: list) -> dict:
    rec = extract_records([page(["PHIẾU HIỆN VẬT", "Số đăng ký: BTTH 1234", "Tên hiện vật: Bình gốm",
                                 *value_rows, "Chất liệu: Gốm"], width=1800)], "baotang/")[0]
    return flatten_fields(rec)


def test_the_number_of_a_measure_named_at_the_lines_end_is_on_the_line_below():
    flat = _card(["Kích thước: Cao 30 cm, đường kính đáy:", [(420, "9 cm")]])
    assert flat.get("dimensions") == {"height_cm": 30.0, "diameter_cm": 9.0}
    assert flat.get("material") == "Gốm"


def test_a_measure_with_its_numbers_takes_nothing_from_below():
    assert not measure_named_last("Cao 30 cm, đường kính đáy 9 cm".split())
    assert not measure_named_last("Kích thước:".split())  # a label's colon, no measure read yet
    assert measure_named_last("Cao 30 cm, rộng:".split())
