"""The benchmark's own arithmetic: pairing records, reliability bins, the OCR cache key."""

from __future__ import annotations

from PIL import Image

import bench_extract as be


def test_match_records_pairs_by_agreeing_fields_and_uses_each_once():
    truth = [{"fields": {"full_name": "A", "sex": "male"}}, {"fields": {"full_name": "B", "sex": "male"}}]
    got = [{"fields": {"full_name": {"value": "B", "raw": "B"}, "sex": {"value": "male", "raw": "Nam"}}}]
    pairs = be.match_records(truth, got)
    assert pairs[0][1] is got[0]  # shares "sex" with the first truth record
    assert pairs[1][1] is None  # the only record is taken


def test_reliability_bins_count_fields_with_a_value_only():
    rows = [{"got": "x", "confidence": 0.95, "correct": True}, {"got": "y", "confidence": 0.97, "correct": False},
            {"got": "z", "confidence": 1.0, "correct": True}, {"got": None, "confidence": None, "correct": False},
            {"got": "w", "confidence": 0.05, "correct": False}]
    bins = be.reliability(rows)
    assert len(bins) == 10
    lo, hi, n, mean, acc = bins[-1]
    assert (lo, hi, n) == (0.9, 1.0, 3)
    assert abs(acc - 2 / 3) < 1e-9 and abs(mean - (0.95 + 0.97 + 1.0) / 3) < 1e-9
    assert bins[0][2] == 1 and bins[0][4] == 0.0
    assert sum(b[2] for b in bins) == 4


def test_the_ocr_cache_key_follows_the_image_bytes_and_the_ocr_settings():
    from dataclasses import replace

    from ocr.pipeline import OcrOptions
    white, grey = Image.new("L", (20, 10), 255), Image.new("L", (20, 10), 200)
    default = OcrOptions()
    assert be.image_key([white], default) == be.image_key([Image.new("L", (20, 10), 255)], OcrOptions())
    assert be.image_key([white], default) != be.image_key([grey], default)
    assert be.image_key([white], default) != be.image_key([white], default.with_steps("deskew"))
    assert be.image_key([white, grey], default) != be.image_key([grey, white], default)
    # a reading made without the second look at uncovered ink is not reused for one with it
    assert be.image_key([white], replace(default, recover=False)) != be.image_key([white], replace(default, recover=True))


def test_tally_adds_up():
    t = be.Tally(fields=3, right=2)
    t.add(be.Tally(fields=1, right=1, missing=0, review=1, records=1))
    assert (t.fields, t.right, t.review, t.records) == (4, 3, 1, 1)


def test_judging_on_a_fitted_seed_is_refused(capsys):
    import pytest
    with pytest.raises(SystemExit):
        be.main(["--seed", "11", "--fitted-on-seeds", "11,12"])
    assert "fitted on" in capsys.readouterr().err


def test_score_document_counts_a_name_under_another_role_and_a_silent_record(monkeypatch):
    truth = {"split": "unseen", "level": 0, "seed": 7, "layout": "certificate", "collection": "hotich/",
             "records": [{"record_type": "death", "fields": {"full_name": "Tạ Văn Khoa", "declarant.full_name": "Lưu Thị Sen",
                                                               "sex": "male"}}]}
    leaf = lambda v, c=0.9: {"value": v, "raw": v, "confidence": c}  # noqa: E731
    got = [{"record_type": "death", "needs_review": False, "review_reasons": [],
            "fields": {"full_name": leaf("Tạ Văn Khoa"), "declarant": {"full_name": leaf("Tạ Văn Khoa")}}}]
    monkeypatch.setattr(be, "extract_records", lambda pages, collection: got)
    tally, rows, _ = be.score_document(truth, [], 0.6)
    assert (tally.fields, tally.right, tally.missing, tally.wrong) == (3, 1, 1, 1)
    assert tally.misplaced == 1 and tally.confident_wrong == 1
    assert tally.silent == 1 and tally.review == 0
    assert [r["correct"] for r in rows] == [True, False, False]
    assert rows[1]["key"] == "declarant.full_name" and rows[1]["got"] == "Tạ Văn Khoa"


def test_the_review_floor_counts_every_record_with_a_wrong_or_missing_field_held_or_not(monkeypatch):
    truth = {"split": "unseen", "level": 0, "seed": 7, "layout": "register", "collection": "hotich/",
             "records": [{"record_type": "birth", "fields": {"full_name": "Đinh Thị Lụa", "sex": "female"}},
                         {"record_type": "birth", "fields": {"full_name": "Kha Văn Tùng", "sex": "male"}},
                         {"record_type": "birth", "fields": {"full_name": "Vi Thị Mến", "sex": "female"}}]}
    leaf = lambda v: {"value": v, "raw": v, "confidence": 0.9}  # noqa: E731
    got = [{"record_type": "birth", "needs_review": True, "review_reasons": ["sex: not confident (0.900)"],
            "fields": {"full_name": leaf("Đinh Thị Lụa"), "sex": leaf("male")}},  # wrong, held
           {"record_type": "birth", "needs_review": True, "review_reasons": ["sex: not confident (0.900)"],
            "fields": {"full_name": leaf("Kha Văn Tùng"), "sex": leaf("male")}},  # right, held
           {"record_type": "birth", "needs_review": False, "review_reasons": [],
            "fields": {"full_name": leaf("Vi Thị Mến")}}]  # a field missing, not held
    monkeypatch.setattr(be, "extract_records", lambda pages, collection: got)
    tally, _, _ = be.score_document(truth, [], 0.995)
    assert (tally.records, tally.review, tally.imperfect, tally.silent) == (3, 2, 2, 1)
    assert "66.7% (2/3)" == be._cells(tally)["imperfect"]


def test_the_ocr_cache_key_follows_the_ocr_code():
    white = Image.new("L", (20, 10), 255)
    from ocr.pipeline import OcrOptions
    assert be.image_key([white], OcrOptions(), "a") != be.image_key([white], OcrOptions(), "b")
    assert len(be.ocr_fingerprint()) == 16 and be.ocr_fingerprint() == be.OCR_VERSION


def test_the_trade_off_replays_the_extractors_own_review_rule():
    """What review_inputs keeps of a record, replayed at the extractor's threshold, holds it exactly when the
    extractor did (one rule: schemas/review_rule.py)."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "schemas"))
    from synth import page

    from schemas.extract import REVIEW_THRESHOLD, extract_records
    from schemas.review_rule import hold_reasons

    head = ["GIẤY KHAI SINH", "Họ và tên: Phạm Minh Châu"]
    for rows in (head + ["Ngày sinh: 02/09/2001"], head, head + ["Ngày sinh: 02/09/2001", "Giới tính: 12345"],
                 head + ["Ngày sinh: 02/09/2001", "Mục xyz: Nguyễn Văn Bình"]):
        rec = extract_records([page(rows)], "hotich/")[0]
        kept = be.review_inputs(rec)
        held = hold_reasons(kept["fields"], missing=[], unmapped=[], schema=None, threshold=REVIEW_THRESHOLD,
                            conflicts=kept["other"])
        assert bool(held) == rec["needs_review"], rows


def test_the_calibration_is_never_fitted_on_a_seed_it_is_checked_on():
    import fit_calibration
    import pytest

    with pytest.raises(SystemExit):
        fit_calibration.main(["--unseen-seeds", "102", "--check-seeds", "102", "--points-in", "/nonexistent"])
    with pytest.raises(SystemExit):
        fit_calibration.main(["--splits", "seen,unseen"])


def test_a_missing_field_counts_as_unplaced_when_an_unmapped_pair_holds_its_value(monkeypatch):
    truth = {"split": "dev", "level": 0, "seed": 7, "layout": "certificate", "collection": "hotich/",
             "records": [{"record_type": "death", "fields": {"full_name": "Lại Chí Hào", "date_of_death": "1998-03-07",
                                                               "place_of_death": "Nhà riêng", "declarant.full_name": "Từ Vy"}}]}
    leaf = lambda v: {"value": v, "raw": v, "confidence": 0.9}  # noqa: E731
    got = [{"record_type": "death", "needs_review": True, "review_reasons": [],
            "fields": {"full_name": leaf("Lại Chí Hào")},
            "unmapped": [{"label": "Mệnh chung ngày", "value": "7/3/1998", "page": 1, "bbox": None},
                         {"label": "Nơi thất lộc", "value": "NHÀ RIÊNG", "page": 1, "bbox": None}]}]
    monkeypatch.setattr(be, "extract_records", lambda pages, collection: got)
    tally, _, _ = be.score_document(truth, [], 0.6)
    assert tally.missing == 3
    assert (tally.missing_unplaced, tally.missing_unread) == (2, 1)


def test_holds_value_reads_dates_by_their_numbers_and_texts_by_whole_words():
    assert be.holds_value("1998-03-07", {"label": "Ngày", "value": "ngày 07 tháng 3 năm 1998"})
    assert not be.holds_value("1998-03-07", {"label": "Ngày", "value": "ngày 17 tháng 3 năm 1998"})
    assert be.holds_value("Kinh", {"label": "Sắc dân", "value": "kinh"})
    assert not be.holds_value("Kinh", {"label": "Sắc dân", "value": "Kinhh"})


def test_holds_are_counted_by_the_kind_of_field_each_reason_names():
    from bench_extract import hold_fields

    rec = {"record_type": "birth", "review_reasons": [
        "full_name: not confident (0.500)", "registration.number: not confident (0.400)",
        "registration.book: not confident (0.300)", "registration.date: not confident (0.200)",
        "mother.full_name: required field missing", "something the extraction said"]}
    named = hold_fields(rec)
    assert named[0] == ("identity field not confident", "name")
    assert ("required field missing", "name") in named
    assert named[-1][1] == "-"  # a reason that names no field of the type


def test_a_hold_on_another_field_is_told_by_that_fields_own_confidence():
    from bench_extract import hold_kinds

    leaf = lambda v, c: {"value": v, "raw": v, "confidence": c}  # noqa: E731
    rec = {"record_type": "birth", "review_reasons": ["registration.number: not confident (0.500)"],
           "fields": {"registration": {"number": leaf("12", 0.42)}}}
    assert hold_kinds(rec) == ["other field at 0.5 or under"]
    rec["fields"]["registration"]["number"]["confidence"] = 0.93
    rec["review_reasons"] = ["registration.number: not confident (0.930)"]
    assert hold_kinds(rec) == ["3+ other fields not confident"]


def test_the_holds_table_counts_held_and_right_records_of_the_studied_splits_only(capsys):
    holds = [{"split": "seen", "right": True, "wrong": False, "kinds": ["identity field not confident"],
              "named": [("identity field not confident", "date")], "keys": ["birth.date_of_birth"]},
             {"split": "seen", "right": False, "wrong": True, "kinds": ["identity field not confident"],
              "named": [("identity field not confident", "name")], "keys": ["birth.full_name"]},
             {"split": "unseen", "right": True, "wrong": False, "kinds": ["record type not sure"],
              "named": [("record type not sure", "-")], "keys": ["birth (the whole record)"]}]
    be._holds(holds, ["seen", "unseen"])
    out = capsys.readouterr().out
    assert "| any reason | 2 / 1 / - / - |" in out
    assert "| identity field not confident | 2 / 1 / 1 / 1 |" in out
    assert "| birth.date_of_birth | 1 / 1 |" in out and "birth.full_name" not in out  # right records only
    assert "unseen" not in out and "record type not sure" not in out  # the unseen split's reasons are not shown


def test_held_keys_name_the_record_type_and_field_never_a_value():
    from bench_extract import held_keys

    rec = {"record_type": "martyr", "review_reasons": [
        "relatives[1].full_name: not confident (0.500)", "relatives[0].full_name: not confident (0.400)",
        "date_of_death: no date could be read from the text", "label 'Xyz' names no field of martyr; its value may "
        "be a missing name"]}
    assert held_keys(rec) == ["martyr.relatives[].full_name", "martyr.date_of_death", "martyr (the whole record)"]


def test_a_fit_with_no_check_seeds_reads_nothing_and_retrains_no_classifier(monkeypatch):
    import fit_calibration

    def no_retraining(*args, **kwargs):
        raise AssertionError("the classifier was retrained to read no forms")

    monkeypatch.setattr(fit_calibration, "vocabulary_held_back", no_retraining)
    assert fit_calibration.scored_fields(["seen"], [], 2, [0], ["birth"], 1, None, folds=3) == []


def test_a_dumped_row_says_what_its_confidence_was_built_from():
    """With ``features`` each row carries its raw score, its calibration group, OCR's confidence in its words and its
    label's score, from the same record read with calibration off; without it, rows are as before."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "schemas"))
    from synth import page

    truth = {"split": "dev", "level": 0, "seed": 7, "layout": "certificate", "collection": "hotich/",
             "records": [{"record_type": "birth", "fields": {"full_name": "Phạm Minh Châu", "date_of_birth": "2001-09-02"}}]}
    pages = [page(["GIẤY KHAI SINH", "Họ và tên: Phạm Minh Châu", "Ngày sinh: 02/09/2001@0.4"]).to_dict()]
    _, rows, _ = be.score_document(truth, pages, 0.995, features=True)
    built = {r["key"]: r["built_from"] for r in rows}
    assert set(built) == {"full_name", "date_of_birth"}
    date = built["date_of_birth"]
    assert date["ocr"] < 0.5 < built["full_name"]["ocr"]  # the word read at 0.4 is the date's, not the name's
    assert date["group"].startswith("date:") and 0 < date["label_score"] <= 1 and date["raw_score"] < date["ocr"] + 1e-9
    _, plain, _ = be.score_document(truth, pages, 0.995)
    assert all("built_from" not in r for r in plain)
