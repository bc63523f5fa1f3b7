"""Values a second reading of the record confirms, and the lower bound that certifies them (schemas/checks.py,
schemas/confidence.py: certify)."""

import json

from synth import page

from schemas.confidence import (CONFIDENT, Calibration, StepMap, calibration, certificate_of, certify, group_of,
                                lower_bound, use_calibration)
from schemas.extract import extract_records

# a made-up birth certificate: a boy born on 3 September 1971, his ID (province 040, century-and-sex digit 0 for a
# man born in the 1900s, birth year 71) and his date in words agreeing with the digits
CERTIFICATE = [
    "GIẤY KHAI SINH",
    "Số: 87 Quyển số: 02/1971",
    "Họ, chữ đệm, tên: Lê Đình Khoa",
    "Ngày, tháng, năm sinh: 03/09/1971",
    "Ghi bằng chữ: ngày mồng ba tháng chín năm một nghìn chín trăm bảy mươi mốt",
    "Giới tính: Nam Dân tộc: Kinh Quốc tịch: Việt Nam",
    "Nơi sinh: xã Nghi Phong, huyện Nghi Lộc, tỉnh Nghệ An",
    "Số định danh cá nhân: 040071008235",
]


def _groups(lines: list[str]) -> dict[str, str]:
    rec = extract_records([page(lines)], "hotich/", calibrated=False)[0]
    return {k: f.get("group", "") for k, f in rec["fields"].items() if isinstance(f, dict)}


def test_a_date_and_an_id_a_second_reading_agrees_with_are_grouped_as_confirmed():
    groups = _groups(CERTIFICATE)
    assert certificate_of(groups["date_of_birth"]) == "confirmed"
    assert certificate_of(groups["personal_id"]) == "confirmed"
    assert certificate_of(groups["full_name"]) == ""


def test_a_second_reading_that_disagrees_confirms_nothing():
    lines = list(CERTIFICATE)
    lines[4] = "Ghi bằng chữ: ngày mồng ba tháng chín năm một nghìn chín trăm bảy mươi hai"  # 1972
    lines[7] = "Số định danh cá nhân: 040168008235"  # a woman born in 1968
    groups = _groups(lines)
    assert certificate_of(groups["date_of_birth"]) == ""
    assert certificate_of(groups["personal_id"]) == ""


def test_the_group_of_an_unconfirmed_value_is_written_as_before():
    assert group_of("date", True, "exact", "-", "known", "document", "") == "date:clean:exact:-:known:document:-"
    assert group_of("date", True, "exact", "-", "known", "document", "", confirmed=True).endswith(":confirmed")


def test_the_lower_bound_is_clopper_pearsons():
    assert abs(lower_bound(300, 300) - 0.05 ** (1 / 300)) < 1e-9  # none wrong: the bound is (1 - level) ** (1 / n)
    assert lower_bound(0, 0) == 0.0
    assert lower_bound(990, 1000) < 990 / 1000 < lower_bound(990, 1000, level=0.5) + 0.001


def test_a_class_is_certified_only_when_its_bound_clears_the_confident_line():
    def points(right: int, wrong: int) -> list[tuple[str, float, bool]]:
        g = group_of("number", True, "exact", "-", "known", "document", "agrees", confirmed=True)
        return [(g, 0.9, True)] * right + [(g, 0.9, False)] * wrong + [("date:clean", 0.5, False)] * 40

    assert certify(points(199, 0))["confirmed"]["lower_bound"] < CONFIDENT  # backs 99.5 % by the fit's rule only
    assert certify(points(600, 0))["confirmed"]["lower_bound"] >= CONFIDENT
    assert certify(points(600, 1))["confirmed"]["lower_bound"] < CONFIDENT
    assert certify(points(600, 0))["confirmed"]["n"] == 600  # (the other fields are no part of the class)


def test_a_certified_class_is_confident_whatever_its_readings_map_says():
    maps = {"all": StepMap((0.0,), (0.97,), 5000), "how:assigned:-": StepMap((0.0,), (0.99,), 10)}
    confirmed = group_of("date", True, "exact", "-", "known", "document", "", confirmed=True)
    plain = group_of("date", True, "exact", "-", "known", "document", "")
    assert Calibration(maps, 0.98).for_group(confirmed, 0.9) < CONFIDENT
    certified = Calibration(maps, 0.98, frozenset({"confirmed"}))
    assert certified.for_group(confirmed, 0.9) >= CONFIDENT
    assert certified.for_group(plain, 0.9) < CONFIDENT
    # a value placed with no label evidence, in a reading the fit hardly saw, stays under the line
    assigned = group_of("date", True, "assigned", "-", "strange", "document", "", confirmed=True)
    assert certified.for_group(assigned, 0.9) < CONFIDENT


def test_the_stored_certification_counts_only_a_bound_over_the_line(tmp_path):
    base = {"confident_from": 0.98, "groups": {"all": {"x": [0.0], "y": [0.97], "n": 5000}}}
    for bound, want in ((0.9951, frozenset({"confirmed"})), (0.9941, frozenset())):
        path = tmp_path / f"cal-{bound}.json"
        path.write_text(json.dumps({**base, "certified": {"confirmed": {"n": 1, "lower_bound": bound}}}))
        use_calibration(path)
        try:
            cal = calibration()
            assert isinstance(cal, Calibration) and cal.certified == want
        finally:
            use_calibration(None)
