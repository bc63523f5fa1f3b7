"""A "khi"/"lúc" clause in a label says when the thing asked held, not what is asked (issue 12, part AY): "Khi hy
sinh thuộc đơn vị" asks the unit at the death, wherever the clause stands (labels._meaning, Meaning.when; the
record-wide decoding's label score, assign._label_score)."""

from synth import page

from schemas.assign import _label_score
from schemas.extract import extract_records, flatten_fields
from schemas.labels import meaning, resolve
from schemas.loader import load_schemas

SCHEMAS = load_schemas()
TAIL = ["Sinh năm: 1950", "Quê quán: xã Tân Lập, huyện Đồng Xuân, tỉnh Phú Yên", "Hy sinh ngày: 09/05/1971"]


def test_the_event_of_a_moment_clause_is_when_not_what():
    for label in ("Khi hy sinh thuộc đơn vị", "Đơn vị lúc hy sinh", "Khi bị thương thuộc đơn vị"):
        m = meaning(label)
        assert m.when and m.when <= m.attrs, label
    assert not meaning("Hy sinh thuộc đơn vị").when  # no "khi": the event is just named


def test_a_label_opened_by_its_moment_asks_no_time():
    m = meaning("Lúc hy sinh cấp bậc")
    assert "time" not in m.attrs and "rank" in m.attrs
    assert [s.key for s in resolve("Lúc hy sinh cấp bậc", SCHEMAS["martyr"]).specs] == ["rank"]
    assert "time" in meaning("Chết lúc").attrs  # a moment asked after its event is still a time


def test_the_moment_counts_against_no_field_in_the_decoding():
    schema = SCHEMAS["martyr"]
    unit = schema.by_key["unit"]
    assert _label_score(schema, unit, "Khi hy sinh thuộc đơn vị") == _label_score(schema, unit, "Thuộc đơn vị") > 0


def test_a_unit_after_a_moment_clause_with_no_colon_is_read():
    rows = ["GIẤY BÁO TỬ", "Họ và tên: Đoàn Văn Lực", "Khi hy sinh thuộc đơn vị Đại đội 5, Tiểu đoàn 7"] + TAIL
    got = flatten_fields(extract_records([page(rows)], "lietsi/")[0])
    assert got["unit"] == "Đại đội 5, Tiểu đoàn 7"
