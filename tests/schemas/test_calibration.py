"""Calibration of field confidence (schemas/confidence.py) and what holds a record for review."""

import random

from synth import page

from schemas.confidence import CONFIDENT, Calibration, calibration, confident_from, fit, isotonic
from schemas.extract import REVIEW_THRESHOLD, extract_records


def test_isotonic_is_monotone_and_follows_the_data_where_there_is_data():
    rng = random.Random(3)
    # right with probability equal to the score
    pts = [(s, rng.random() < s) for s in (rng.random() for _ in range(4000))]
    m = isotonic(pts)
    ys = [m(x / 100) for x in range(101)]
    assert ys == sorted(ys)
    assert abs(m(0.3) - 0.3) < 0.1 and abs(m(0.75) - 0.75) < 0.1 and m(0.99) > 0.9


def test_a_score_range_without_data_is_not_promised_the_groups_rate():
    pts = [(0.95, True)] * 500 + [(0.15, True)]  # one low score, right: no evidence about low scores
    m = isotonic(pts)
    assert m(0.97) > 0.99 and m(0.15) < 0.5


def test_threshold_needs_the_data_to_support_it():
    pts = [(0.9, True)] * 3000 + [(0.5, False)] * 50 + [(0.5, True)] * 50
    assert confident_from(pts) == 0.9
    assert confident_from([(0.9, True)] * 150) is None  # too few fields to back 99.5 %


def test_fit_gives_confident_fields_their_floor_and_others_under_it():
    rng = random.Random(4)
    pts = [("name:clean", s, rng.random() < (0.999 if s > 0.9 else 0.6))
           for s in (rng.choice((0.5, 0.95)) for _ in range(8000))]
    cal = fit(pts)
    assert cal("name", True, 0.95) >= CONFIDENT > cal("name", True, 0.5)
    assert isinstance(cal, Calibration)


def test_stored_calibration_is_used():
    cal = calibration()
    assert cal is not None and cal.confident_from is not None
    assert "logit" in getattr(cal, "weights", {}) or "all" in getattr(cal, "maps", {})
    assert cal("name", True, 0.0) < REVIEW_THRESHOLD


def test_a_short_number_of_its_fields_shape_is_not_doubted_for_its_ocr_confidence():
    # Tesseract gives a clean two-digit number (and the label word before it) 0.11: the shape is the evidence
    head = ["GIẤY KHAI SINH", "Họ và tên: Phạm Minh Châu", "Ngày sinh: 02/09/2001"]
    rec = extract_records([page(head + ["Số:@0.11 27@0.11", "Giới tính:@0.59 Nữ@0.59"])], "hotich/")[0]
    assert rec["doubtful"] == [] and not rec["needs_review"]
    # a longer token read as poorly is still doubted
    rec = extract_records([page(head + ["Số: 27@0.11", "Quyển số: 01/2001@0.1"])], "hotich/")[0]
    assert "registration.book" in rec["doubtful"]


def test_one_doubtful_secondary_field_is_listed_but_does_not_hold_the_record():
    head = ["GIẤY KHAI SINH", "Họ và tên: Phạm Minh Châu", "Ngày sinh: 02/09/2001"]
    rec = extract_records([page(head + ["Quyển số: 01/2001@0.5"])], "hotich/")[0]
    assert rec["doubtful"] == ["registration.book"] and not rec["needs_review"]
    # read so poorly that it is no more likely right than wrong: that alone holds the record
    rec = extract_records([page(head + ["Quyển số: 01/2001@0.11"])], "hotich/")[0]
    assert rec["doubtful"] == ["registration.book"] and rec["needs_review"]
    # the subject's name read poorly: that alone holds the record
    rec = extract_records([page(["GIẤY KHAI SINH", "Họ và tên: Phạm@0.2 Minh@0.2 Châu@0.2",
                                 "Ngày sinh: 02/09/2001"])], "hotich/")[0]
    assert rec["needs_review"] and any(r.startswith("full_name: not confident") for r in rec["review_reasons"])
    # three doubtful secondary fields: the page was read poorly
    rec = extract_records([page(head + ["Số: 27@0.11", "Quyển số: 01/2001@0.1", "Dân tộc: Kinh@0.1",
                                        "Quốc tịch: Việt@0.1 Nam@0.1", "Nơi sinh: xã@0.1 Tam@0.1 Sơn@0.1"])],
                          "hotich/")[0]
    assert len(rec["doubtful"]) >= 3 and rec["needs_review"]


def test_logistic_calibration_weighs_each_piece_of_evidence():
    from schemas.confidence import LogisticCalibration, evidence, fit_logistic
    rng = random.Random(5)
    pts = []
    for _ in range(12000):
        how = rng.choice(("exact", "meaning"))
        wording = rng.choice(("known", "strange"))
        s = rng.choice((0.5, 0.97))
        p_right = 0.9995 if (s > 0.9 and how == "exact") else 0.97 if s > 0.9 else 0.6
        pts.append((f"name:clean:{how}:-:{wording}:document", s, rng.random() < p_right))
    cal = fit_logistic(pts)
    assert isinstance(cal, LogisticCalibration) and cal.confident_from is not None
    # a label read word for word with a high score is confident; from its meaning alone it is not
    assert cal("name", True, 0.97, how="exact", wording="strange", layout="document") >= CONFIDENT
    assert cal("name", True, 0.97, how="meaning", wording="known", layout="document") < CONFIDENT
    assert cal("name", True, 0.5, how="exact", wording="known", layout="document") < 0.8
    # a way of reading the fit never saw is never confident, whatever its score
    assert cal("name", True, 0.999, how="assigned", wording="known", layout="document") < CONFIDENT
    # no feature names a template or a wording: only the evidence's kinds
    assert {k.split("=")[0] for k in evidence("name:clean:exact:-:known:row", 0.9)} <= {
        "logit", "family", "state", "how", "wording", "layout", "how*wording", "logit*how", "logit*wording",
        "logit*state", "value", "logit*value"}


def test_a_logistic_calibration_file_is_loaded(tmp_path):
    import json
    from schemas.confidence import LogisticCalibration, use_calibration
    path = tmp_path / "cal.json"
    path.write_text(json.dumps({"model": "logistic", "weights": {"logit": 1.0}, "intercept": 0.0,
                                "confident_from": 0.99, "counts": {"exact": 500}}), encoding="utf-8")
    use_calibration(path)
    try:
        cal = calibration()
        assert isinstance(cal, LogisticCalibration)
        assert cal("name", True, 0.999, how="exact") >= CONFIDENT > cal("name", True, 0.9, how="exact")
    finally:
        use_calibration(None)
