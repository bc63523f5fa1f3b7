"""What a field placed from its value alone can be confident of (schemas/value_reading.py), and the partial refit
that gives that reading maps from today's fields (schemas/confidence.py: refit_levels)."""

from schemas.confidence import CONFIDENT, Calibration, StepMap, refit_levels
from schemas.loader import parse_schema
from schemas.value_reading import WHICH_NUMBER_NOTE, WHOSE_NOTE, another_field_of_its_attribute, doubt

# a made-up record type: a lease with two parties who each have a residence, and fields of one attribute each
LEASE = parse_schema({
    "record_type": "lease", "family": "contracts", "schema_version": 1, "unit": "document",
    "headings": ["HỢP ĐỒNG THUÊ NHÀ"],
    "fields": [
        {"key": "tenant.full_name", "kind": "name", "labels": ["Bên thuê"]},
        {"key": "tenant.residence", "kind": "place", "labels": ["Nơi ở bên thuê"]},
        {"key": "landlord.residence", "kind": "place", "labels": ["Nơi ở bên cho thuê"]},
        {"key": "tenant.ethnicity", "kind": "ethnicity", "labels": ["Dân tộc bên thuê"]},
        {"key": "contract_number", "kind": "number", "labels": ["Số hợp đồng"]},
        {"key": "signed_on", "kind": "date", "labels": ["Ngày ký"]},
    ],
})
SPEC = {f.key: f for f in LEASE.fields}


def test_a_value_says_what_it_is_not_whose():
    # two parties have a residence: a place read from its look alone may be either's
    assert another_field_of_its_attribute(LEASE, SPEC["tenant.residence"])
    assert doubt(LEASE, SPEC["landlord.residence"], "value") == WHOSE_NOTE
    # only one field of the type is an ethnic group or a signing date: the value says which field it is
    assert not another_field_of_its_attribute(LEASE, SPEC["tenant.ethnicity"])
    assert doubt(LEASE, SPEC["tenant.ethnicity"], "value") is None
    assert doubt(LEASE, SPEC["signed_on"], "value") is None


def test_a_number_placed_by_its_shape_alone_is_never_confident():
    assert doubt(LEASE, SPEC["contract_number"], "value") == WHICH_NUMBER_NOTE


def test_a_label_read_says_whose_and_which():
    for how in ("exact", "fuzzy", "meaning", "model", "position", "assigned"):
        assert doubt(LEASE, SPEC["landlord.residence"], how) is None
        assert doubt(LEASE, SPEC["contract_number"], how) is None
    assert doubt(None, SPEC["landlord.residence"], "value") is None  # no record type: nothing to compare with


def test_refit_levels_replaces_only_the_named_levels_and_keeps_the_threshold():
    low, high = StepMap((0.0, 0.9), (0.5, 0.97), 500), StepMap((0.0, 0.9), (0.5, 0.99), 400)
    base = Calibration({"how:value:-": low, "how:exact:-": low, "all": low}, 0.98)
    fitted = Calibration({"how:value:-": high, "how:value:-:strange": high, "how:exact:-": high,
                          "how:value:-:partly": StepMap((0.0,), (1.0,), 10)}, 0.95)
    cal = refit_levels(base, fitted, ("how:value:",))
    assert cal.confident_from == 0.98
    assert cal.maps["how:value:-"] is high and cal.maps["how:value:-:strange"] is high
    assert cal.maps["how:exact:-"] is low and cal.maps["all"] is low  # levels not named keep the base's maps
    assert "how:value:-:partly" not in cal.maps  # too few fields in the new fit for a map of its own
    assert cal.for_group("text:repaired:value:-:strange:document:-", 0.92) >= CONFIDENT
    assert base.for_group("text:repaired:value:-:strange:document:-", 0.92) < CONFIDENT
