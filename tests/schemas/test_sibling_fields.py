"""A field every other record of its type in the document fills, and one record lacks, holds that record
(schemas/sibling_fields.py)."""

from schemas.sibling_fields import SIBLINGS, hold_sibling_gaps, sibling_gaps


def entry(record_type="birth", **values):
    fields = {}
    for key, value in values.items():
        node = fields
        *heads, last = key.split("__")
        for head in heads:
            node = node.setdefault(head, {})
        node[last] = {"value": value, "raw": value, "confidence": 0.999}
    return {"record_type": record_type, "fields": fields, "review_reasons": [], "needs_review": False}


def full(name):
    return entry(full_name=name, registration__number="12", place_of_birth="Xã An Bình")


def test_an_entry_without_a_field_all_its_siblings_fill_is_held_and_named():
    records = [full("Lê Văn Tám"), full("Trần Thị Mai"), entry(full_name="Đỗ Minh Khoa", registration__number="14")]
    out = hold_sibling_gaps(records)
    assert [r["needs_review"] for r in out] == [False, False, True]
    assert out[2]["review_reasons"] == [
        "place_of_birth: every other birth record of the document has it, this one has none"]
    assert "Xã" not in " ".join(out[2]["review_reasons"])  # the reason names the field, never a value


def test_too_few_siblings_or_siblings_that_disagree_decide_nothing():
    assert SIBLINGS == 2
    pair = [full("Lê Văn Tám"), entry(full_name="Đỗ Minh Khoa")]
    assert sibling_gaps(pair) == [[], []]
    mixed = [full("Lê Văn Tám"), entry(full_name="Trần Thị Mai"), entry(full_name="Đỗ Minh Khoa")]
    assert sibling_gaps(mixed)[2] == []  # one sibling has no place of birth either: a blank the form allows


def test_siblings_are_records_of_the_same_type_and_list_fields_are_left_out():
    deaths = [entry("death", full_name="Lê Văn Tám", date_of_death="2001-03-04") for _ in range(2)]
    records = deaths + [entry("birth", full_name="Trần Thị Mai")]
    assert sibling_gaps(records) == [[], [], []]
    with_relatives = [full("Lê Văn Tám"), full("Trần Thị Mai"), full("Đỗ Minh Khoa")]
    for r in with_relatives[:2]:
        r["fields"]["relatives"] = [{"full_name": {"value": "Lê Thị Hoa", "raw": "Lê Thị Hoa"}}]
    assert sibling_gaps(with_relatives) == [[], [], []]


def test_a_field_read_as_no_value_counts_as_missing():
    records = [full("Lê Văn Tám"), full("Trần Thị Mai"), full("Đỗ Minh Khoa")]
    records[1]["fields"]["place_of_birth"]["value"] = None
    assert sibling_gaps(records) == [[], ["place_of_birth"], []]
