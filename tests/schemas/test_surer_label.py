"""A field read first under a label the vocabulary only partly knows gives way to a later label that names the
same field with every word known (issue 12, part AT; schemas/surer_label.py). The first value is listed, never
dropped, and left to the record-wide decoding."""

from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.surer_label import reads_surer

ADDRESS = "xã Tân Lập, huyện Yên Sơn, tỉnh Tuyên Quang"


def _dossier(first_label: str) -> dict:
    rows = ["GIẤY CHỨNG NHẬN THƯƠNG BINH", [(100, "Họ và tên:"), (700, "Lò Văn Thắm")],
            [(100, "Ngày sinh:"), (700, "08/04/1947")],
            [(100, first_label), (700, ADDRESS)],
            [(100, "Ngày bị thương:"), (700, "02/09/1968")],
            [(100, "Địa điểm bị thương:"), (700, "Đồi Cỏ May")]]
    return extract_records([page(rows)], "thuongbinh/")[0]


def test_a_label_with_every_word_known_takes_the_field_from_a_partly_known_one():
    for first in ("Nơi an cư người bị thương tật:", "Nơi trận mạc bị thương:"):
        rec = _dossier(first)
        got = flatten_fields(rec)
        assert got["injury_place"] == "Đồi Cỏ May", first
        # the first reading's value is kept somewhere a reviewer sees it: a field the decoding gave it, or listed
        listed = [u["value"] for u in rec["unmapped"]]
        assert got.get("residence") == ADDRESS or ADDRESS in listed, first


def test_which_label_is_surer():
    assert reads_surer("Địa điểm bị thương", True, "Nơi trận mạc bị thương", True)
    assert reads_surer("Bị thương tại", False, "Nơi trận mạc bị thương", True)
    # a field held by a wording read word for word, or by a label whose every word is known, stays
    assert not reads_surer("Địa điểm bị thương", True, "Nơi bị thương", False)
    assert not reads_surer("Nơi trận mạc bị thương", True, "Địa điểm bị thương", True)
    # a later label that is itself partly known is no surer
    assert not reads_surer("Chốn trận mạc bị thương", True, "Nơi trận mạc bị thương", True)


def _martyr(second_label: str) -> dict:
    # "Nhập ngũ ngày" typed as "Xung quan ngay": words the vocabulary lacks before a bare date's word, so the
    # label borrows the event of the form's title (a death) and first takes the date of death
    rows = ["GIẤY CHỨNG NHẬN HY SINH", [(100, "Họ và tên:"), (700, "Đinh Văn Thụ")],
            [(100, "Năm sinh:"), (700, "1944")],
            [(100, "Quê quán:"), (700, ADDRESS)],
            [(100, "Xung quan ngay:"), (700, "3/1963")],
            [(100, second_label), (700, "21/05/1968")],
            [(100, "Nơi hy sinh:"), (700, "Khe Sanh, Quảng Trị")]]
    return extract_records([page(rows)], "nguoicocong/")[0]


def test_a_date_with_a_borrowed_event_gives_way_to_a_label_naming_the_event():
    for second in ("Hy sinh ngày:", "Ngày hy sinh:"):
        rec = _martyr(second)
        got = flatten_fields(rec)
        assert got["date_of_death"] == "1968-05-21", second
        assert got.get("date_of_birth") == "1944", second
        # the first date is kept where a reviewer sees it: in the field the decoding gave it, or listed
        listed = [u["value"] for u in rec["unmapped"]]
        assert "1963-03" in (got.get("enlistment_date"), got.get("date_of_death")) or "3/1963" in listed, second
