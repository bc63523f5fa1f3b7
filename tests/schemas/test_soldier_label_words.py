"""General words of a soldier's post and other name (issue 12, part AY): "phụ trách" (in charge of) asks the
post; "thường gọi"/"hay gọi" (usually called) the alias."""

from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.labels import resolve
from schemas.loader import load_schemas

MARTYR = load_schemas()["martyr"]
TAIL = ["Sinh năm: 1950", "Quê quán: xã Tân Lập, huyện Đồng Xuân, tỉnh Phú Yên", "Hy sinh ngày: 09/05/1971"]


def keys(label):
    r = resolve(label, MARTYR)
    return [s.key for s in r.specs] if r else None


def test_being_in_charge_asks_the_position():
    for label in ("Phụ trách", "PHỤ TRÁCH"):
        assert keys(label) == ["position"], label


def test_a_name_usually_called_is_the_alias():
    for label in ("Hay gọi là", "Thường gọi là", "Tên hay gọi"):
        assert keys(label) == ["alias"], label


def test_a_dossier_reads_them():
    rows = ["GIẤY BÁO TỬ", "Họ và tên: Đoàn Văn Lực", "Hay gọi là: Út Lực", "Đơn vị: Đại đội 5, Tiểu đoàn 7",
            "Phụ trách: Tiểu đội phó"] + TAIL
    got = flatten_fields(extract_records([page(rows)], "lietsi/")[0])
    assert (got["alias"], got["unit"], got["position"]) == ("Út Lực", "Đại đội 5, Tiểu đoàn 7", "Tiểu đội phó")
