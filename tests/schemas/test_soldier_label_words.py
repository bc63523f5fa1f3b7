"""General words of a soldier's post, unit and other name (issue 12, part AY): "đảm nhiệm"/"đảm nhận" (to hold
a post), "công việc" (the work one does), "phụ trách" (in charge of) ask the post; "biên chế" (the establishment a
soldier is on) the unit; "tên tục" (a folk name), "thường gọi"/"hay gọi" (usually called) the alias."""

from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.labels import resolve
from schemas.loader import load_schemas

MARTYR = load_schemas()["martyr"]
TAIL = ["Sinh năm: 1950", "Quê quán: xã Tân Lập, huyện Đồng Xuân, tỉnh Phú Yên", "Hy sinh ngày: 09/05/1971"]


def keys(label):
    r = resolve(label, MARTYR)
    return [s.key for s in r.specs] if r else None


def test_words_of_holding_a_post_ask_the_position():
    for label in ("Công việc đảm nhận", "Đảm nhiệm", "Phụ trách công việc", "CÔNG VIỆC"):
        assert keys(label) == ["position"], label


def test_the_establishment_a_soldier_is_on_is_the_unit():
    for label in ("Biên chế", "Thuộc biên chế", "Biên chế khi hy sinh"):
        assert keys(label) == ["unit"], label


def test_a_name_usually_called_is_the_alias():
    for label in ("Tên tục", "Hay gọi là", "Thường gọi là", "Tên hay gọi"):
        assert keys(label) == ["alias"], label


def test_a_dossier_reads_them():
    rows = ["GIẤY BÁO TỬ", "Họ và tên: Đoàn Văn Lực", "Tên tục: Út Lực", "Biên chế: Đại đội 5, Tiểu đoàn 7",
            "Công việc đảm nhận: Tiểu đội phó"] + TAIL
    got = flatten_fields(extract_records([page(rows)], "lietsi/")[0])
    assert (got["alias"], got["unit"], got["position"]) == ("Út Lực", "Đại đội 5, Tiểu đoàn 7", "Tiểu đội phó")
