"""What makes a record's wording strange (schemas/wording_causes.py), named by cause and counted, never quoted."""

from synth import page

from schemas.extract import extract_records
from schemas.loader import load_schemas
from schemas.wording_causes import CAUSES, strange_causes, unplaced_pair_counts

BIRTH = load_schemas()["birth"]


def test_each_cause_is_named_in_order_and_none_makes_no_strange_form():
    assert strange_causes(False, False, ["exact", "fuzzy", "meaning"]) == []
    assert strange_causes(True, False, ["exact"]) == ["unmapped"]
    assert strange_causes(False, True, ["exact"]) == ["missing"]
    assert strange_causes(False, False, ["exact", "assigned"]) == ["unlabelled"]
    assert strange_causes(True, True, ["assigned"]) == list(CAUSES)


def test_a_pair_counts_as_could_fill_only_when_its_value_fits_an_open_field_of_its_kind():
    pairs = [{"label": "Ghi chú", "value": "Nguyễn Văn Bình"}, {"label": "Ghi chú", "value": "05/03/1972"},
             {"label": "Ghi chú", "value": "đã cấp bản sao"}, {"label": "Ghi chú", "value": None}]
    # nothing read: the name and the date could each be a missing field of the record
    assert unplaced_pair_counts(pairs, BIRTH, []) == {"could_fill": 2, "other": 2}
    # every name and date of the type read: no open field the values could be
    filled = [s.key for s in BIRTH.fields if s.kind in ("name", "date")]
    assert unplaced_pair_counts(pairs, BIRTH, filled) == {"could_fill": 0, "other": 4}
    assert unplaced_pair_counts(pairs, None, []) == {"could_fill": 0, "other": 4}


def test_a_record_read_with_calibration_off_says_why_its_wording_is_strange_in_counts_only():
    rows = ["GIẤY KHAI SINH", "Họ và tên: Phạm Minh Châu", "Ngày sinh: 02/09/2001", "Giới tính: Nữ",
            "Lời dặn dò: đã cấp bản sao"]
    raw = extract_records([page(rows)], "hotich/", calibrated=False)[0]
    assert raw["wording"]["causes"] == ["unmapped"]
    assert raw["wording"]["unplaced"] == {"could_fill": 0, "other": 1}
    assert "bản sao" not in str(raw["wording"]) and "Lời" not in str(raw["wording"])
    assert "wording" not in extract_records([page(rows)], "hotich/")[0]  # the output record is unchanged
