"""Units of measure as cards write them (schemas/measure_units.py): spelt out, in brackets, in the label's note."""

import pytest
from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.measure_units import LENGTH_UNITS, WEIGHT_UNITS, bracketed_unit, label_note, spelt_units
from schemas.normalize import norm_dimensions, norm_weight


@pytest.mark.parametrize("text,units,want", [
    ("dai 80 xang-ti-met", LENGTH_UNITS, "dai 80 cm"),
    ("rong 2,5 met", LENGTH_UNITS, "rong 2,5 m"),
    ("cao 120 mi li met", LENGTH_UNITS, "cao 120 mm"),
    ("cao 40 phan", LENGTH_UNITS, "cao 40 cm"),
    ("3,4 ki-lo-gam", WEIGHT_UNITS, "3,4 kg"),
    ("3,4 kilogram", WEIGHT_UNITS, "3,4 kg"),
    ("3,4 ky", WEIGHT_UNITS, "3,4 kg"),
    ("750 go-ram", WEIGHT_UNITS, "750 g"),
    ("phan loai 3", LENGTH_UNITS, "phan loai 3"),  # no number before it: another word
    ("3,4 ky", LENGTH_UNITS, "3,4 ky"),  # a weight's spelling is never a length's
])
def test_units_spelt_out_after_a_number(text, units, want):
    assert spelt_units(text, units) == want


@pytest.mark.parametrize("text,units,want", [
    ("cao 40, dk 9 (cm)", LENGTH_UNITS, ("cao 40, dk 9", "cm")),
    ("(don vi: mm) dai 800", LENGTH_UNITS, ("dai 800", "mm")),
    ("45 x 30 x 12 (c x r x d, cm)", LENGTH_UNITS, ("45 x 30 x 12 (c x r x d)", "cm")),
    ("3,4 (kg)", WEIGHT_UNITS, ("3,4", "kg")),
    ("3,4 (kg)", LENGTH_UNITS, ("3,4 (kg)", None)),
    ("3,4 (ca nap)", WEIGHT_UNITS, ("3,4 (ca nap)", None)),
])
def test_a_unit_given_alone_in_brackets(text, units, want):
    assert bracketed_unit(text, units) == want


def test_a_labels_notes():
    assert label_note("Khối lượng (g):") == "(g)"
    assert label_note("Kích thước (C x R, mm)") == "(C x R, mm)"
    assert label_note("Chất liệu") == ""


@pytest.mark.parametrize("raw,want", [
    ("Cao 2,5 mét", {"height_cm": 250.0}),  # not 2.5 cm
    ("Rộng 640 mi-li-mét", {"width_cm": 64.0}),  # not a metre with a speck after it
    ("Cao 40, đường kính 9 (cm)", {"height_cm": 40.0, "diameter_cm": 9.0}),
    ("Cao toàn phần 40 cm", {"height_cm": 40.0}),
    ("Cao (tính cả đế) 40 cm, rộng 22 cm", {"height_cm": 40.0, "width_cm": 22.0}),
    ("Cao chừng 40 cm", {"height_cm": 40.0}),
    ("Cao x đường kính: 40 x 9 cm", {"height_cm": 40.0, "diameter_cm": 9.0}),
    ("40 x 9 cm (chiều cao x ĐK)", {"height_cm": 40.0, "diameter_cm": 9.0}),
])
def test_measures_in_any_unit_and_order(raw, want):
    n = norm_dimensions(raw)
    assert n.value == want and n.quality == 1.0


def test_a_unit_given_once_in_brackets_is_stated_not_guessed():
    assert norm_dimensions("Cao 40, đường kính 9 (cm)").quality == 1.0
    assert norm_dimensions("Cao 40, đường kính 9 cm").quality < 1.0  # the unit of one measure, taken by another


@pytest.mark.parametrize("raw,kg", [
    ("3,4 kilogram", 3.4), ("3,4 ki-lô-gam", 3.4), ("3,4 ký", 3.4), ("750 gờ-ram", 0.75), ("3,4 (kg)", 3.4),
    ("2 750 g", 2.75), ("(đơn vị: g) 750", 0.75),
])
def test_weights_in_any_spelling(raw, kg):
    assert norm_weight(raw).value == {"kg": kg}


def card(*rows):
    recs = extract_records([page(["PHIẾU HIỆN VẬT", "Số đăng ký: BTQN 3377/GM 12", "Tên hiện vật: Lư hương", *rows])],
                           "baotang/")
    return flatten_fields(recs[0])


def test_a_unit_said_in_the_labels_note():
    assert card("Cân nặng (kg): 3,4")["weight"] == {"kg": 3.4}
    assert card("Cân nặng (g): 750")["weight"] == {"kg": 0.75}
    assert card("Kích thước (mm): cao 400, rộng 220")["dimensions"] == {"height_cm": 40.0, "width_cm": 22.0}
    assert card("Kích thước (m): dài 1,6, rộng 0,9")["dimensions"] == {"length_cm": 160.0, "width_cm": 90.0}


def test_the_order_of_the_measures_said_in_the_labels_note():
    assert card("Kích thước (C x R x D): 40 x 22 x 18 cm")["dimensions"] == {
        "height_cm": 40.0, "width_cm": 22.0, "length_cm": 18.0}


def test_a_weight_under_a_label_read_as_the_count_is_the_weight():
    # "K.lượng" comes near "Số lượng"'s syllables; a count never carries a weight's unit
    got = card("Số lượng: 02", "K.lượng: 3,4 kg")
    assert got["weight"] == {"kg": 3.4} and got["quantity"] == "02"
    assert card("K.lượng: 3,4 kg")["weight"] == {"kg": 3.4}
    assert card("Số lượng: 2 chiếc")["quantity"] == "2"  # a count with its word stays the count


def test_a_weight_with_a_digit_read_as_a_letter_still_looks_like_a_weight():
    # the repaired weight is doubtful, but a number with a weight's unit is a weight whatever the label says
    from schemas.value_look import is_weight
    assert is_weight("I.750 g") and is_weight("l,5 kg") and is_weight("2,5 kg")
    assert not is_weight("2 chiếc") and not is_weight("Cao 2,l m")
