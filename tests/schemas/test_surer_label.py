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
