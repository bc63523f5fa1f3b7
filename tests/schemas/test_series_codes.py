"""A certificate's series and number is judged on Tesseract's scale for such tokens (schemas/confidence.py)."""

from synth import page

from schemas.confidence import series_vouches
from schemas.extract import REVIEW_THRESHOLD, extract_records


def test_a_series_and_number_read_at_even_odds_or_more_vouches_for_itself():
    assert series_vouches("number", "QK/30718", 1.0, 0.88)
    assert series_vouches("number", "T/4402.", 1.0, 0.5)
    assert not series_vouches("number", "QK/30718", 1.0, 0.45)  # under even odds: a digit may be misread
    assert not series_vouches("number", "QK30718", 1.0, 0.9)  # no slash: the separator may be the one lost
    assert not series_vouches("number", "QK/30718", 0.5, 0.9)  # repaired
    assert not series_vouches("text", "QK/30718", 1.0, 0.9)
    assert not series_vouches("number", "QK/30718/2", 1.0, 0.9)


def _certificate(code: str) -> list:
    return ["GIẤY CHỨNG NHẬN THƯƠNG BINH", f"Số giấy chứng nhận: {code}", "Họ và tên: Đỗ Văn Thịnh",
            "Ngày sinh: 12/05/1950", "Tỷ lệ tổn thương cơ thể: 41%"]


def test_a_clean_code_read_at_tesseracts_usual_doubt_for_codes_is_confident():
    def number(code: str, calibrated: bool = True) -> float:
        rec = extract_records([page(_certificate(code))], "nguoicocong/", calibrated=calibrated)[0]
        return rec["fields"]["certificate"]["number"]["confidence"]

    assert number("QK/30718@0.88") >= REVIEW_THRESHOLD
    assert number("QK/30718@0.88", calibrated=False) >= 0.95
    assert number("QK/30718@0.45") < REVIEW_THRESHOLD  # its doubt stands under even odds
    assert number("QK30718@0.88", calibrated=False) < 0.9  # letters and digits run together: as read
