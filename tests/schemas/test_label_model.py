"""The label classifier at run time (schemas/label_model.py): features, the stored model, and how it is used as
evidence beside the rules."""

from synth import page

from schemas import label_model
from schemas.confidence import group_of, resolution, shape_vouches
from schemas.extract import extract_records, flatten_fields
from schemas.loader import Label, load_schemas


def test_value_shape_features():
    f = set(label_model.value_features("05/03/1972"))
    assert {"vs=numeric", "vs=date", "vs=separated"} <= f
    assert "vs=year" in label_model.value_features("1972")
    assert "vs=sex" in label_model.value_features("Nữ")
    assert "vs=ethnicity" in label_model.value_features("Tày")
    assert "vs=country" in label_model.value_features("Việt Nam")
    assert "vs=name" in label_model.value_features("Nguyễn Văn An")
    assert "vs=place" in label_model.value_features("xã Tam Sơn, huyện Từ Sơn, tỉnh Bắc Ninh")
    assert "vs=code" in label_model.value_features("KL.1904 BTBN")


def test_label_features_are_the_words_in_any_order():
    f = label_model.label_features("Ngày, tháng, năm sinh:")
    assert {"lw=ngay", "lw=nam", "lw=sinh", "lc=<si", "lc=nh>"} <= set(f)
    assert sorted(label_model.label_features("Sinh năm")) == sorted(label_model.label_features("Năm sinh"))
    assert label_model.label_features("3. Nơi sinh") == label_model.label_features("Nơi sinh")


def test_stored_model_reads_seen_wordings():
    schemas = load_schemas()
    probs = label_model.predict(schemas["birth"], "Họ và tên mẹ:", "Trần Thị Lan", "hometown")
    assert max(probs, key=probs.get) == "mother.full_name"
    probs = label_model.predict(schemas["death"], "Nơi chết:", "Tại nhà riêng, xã Tam Sơn, huyện Từ Sơn",
                                "date_of_death")
    assert max(probs, key=probs.get) == "place_of_death"
    assert set(probs) <= {f.key for f in schemas["death"].fields}


def test_field_for_needs_a_sure_model_a_free_field_and_a_value_that_parses():
    schema = load_schemas()["death"]
    spec = label_model.field_for(schema, "Nguyên nhân chết", "Bệnh tim", "place_of_death")
    assert spec is not None and spec.key == "cause_of_death"
    assert label_model.field_for(schema, "Nguyên nhân chết", "Bệnh tim", "place_of_death",
                                 taken={"cause_of_death"}) is None
    # whatever the words say, the field named must read the value: a date is no place
    spec = label_model.field_for(schema, "Nơi chết", "12/05/2020", "date_of_death")
    assert spec is None or spec.kind == "date"


def test_rules_only_switch():
    schema = load_schemas()["death"]
    try:
        label_model.use(enabled=False)
        assert label_model.predict(schema, "Ngày chết:", "05/03/2020", None) == {}
        assert label_model.agreement(schema, "date_of_death", "Ngày chết:", "05/03/2020", None) == ""
    finally:
        label_model.use(None)
    assert label_model.agreement(schema, "cause_of_death", "Nguyên nhân chết:", "Bệnh tim", "place_of_death") \
        == "agree"
    assert label_model.agreement(schema, "place_of_death", "Nguyên nhân chết:", "Bệnh tim", "place_of_death") \
        == "differ"


def test_how_a_label_was_read():
    assert resolution(Label("Số", "so"), 1.0) == "exact"
    assert resolution(Label("Sô", "so"), 0.85) == "fuzzy"
    assert resolution(Label("Tên thân mẫu", "tenthanmau", by_meaning=True), 0.8) == "meaning"
    assert resolution(Label("Phái", "phai", by_meaning=True, source="value"), 0.5) == "value"
    assert resolution(Label("Dân tộc", "dantoc"), 0.5, ["label not read: taken from its place"]) == "position"
    assert group_of("sex", True, "value", "agree", "strange") == "closed:clean:value:agree:strange:-:-"
    assert group_of("name", False, "exact", "", "partly", "row") == "name:repaired:exact:-:partly:row:-"


def test_the_calibration_levels_of_a_group_most_specific_first():
    from schemas.confidence import group_levels
    assert group_levels("name:clean:exact:-:known:entry") == [
        "how:exact:-:known:entry", "how:exact:-:known", "how:exact:-", "name:clean", "name", "all"]
    assert group_levels("name:clean:exact:-:known") == ["how:exact:-:known", "how:exact:-", "name:clean", "name", "all"]
    assert group_levels("name:clean") == ["name:clean", "name", "all"]  # a group of an older fit


def test_records_say_how_familiar_their_wording_is():
    def wording(rows):
        rec = extract_records([page(rows)], "hotich/", calibrated=False)[0]
        return {k.split(":")[4] for k in flatten_fields(rec, "group").values() if k}

    head = ["GIẤY KHAI SINH", "Họ và tên: Phạm Minh Châu", "Ngày sinh: 02/09/2001"]
    assert wording(head) == {"known"}
    assert wording(head + ["Tên thân mẫu: Đỗ Thị Mai"]) == {"partly"}  # a label read from its words' meaning
    assert wording(head[:2]) == {"strange"}  # a required field missing


def test_records_carry_how_their_labels_were_read():
    rec = extract_records([page(["GIẤY KHAI SINH", "Họ và tên: Phạm Minh Châu", "Ngày sinh: 02/09/2001"])],
                          "hotich/", calibrated=False)[0]
    assert rec["fields"]["full_name"]["group"].startswith("name:clean:exact:")


def test_a_short_token_of_its_fields_exact_shape():
    assert shape_vouches("number", "27", 1.0) and shape_vouches("number", "125/QĐ", 1.0)
    assert shape_vouches("number", "457/GBT-UB", 1.0) and shape_vouches("sex", "Nữ", 1.0)
    assert not shape_vouches("number", "27", 0.5)  # a repaired number
    assert not shape_vouches("number", "12345", 1.0) and not shape_vouches("number", "KL.1904", 1.0)
    assert not shape_vouches("name", "An", 1.0) and not shape_vouches("number", "27 28", 1.0)
