"""A document cited in one sentence, its parts in an order the record type does not list: each part is opened by
its function word ("ngày", "cấp ngày", "ký ngày" a date; "do", "của" an issuer) whatever the order (issue 12,
part BD; schemas/citation.py, loader.Schema.followers)."""

from synth import page

from schemas.citation import cited_followers
from schemas.extract import extract_records, flatten_fields


def test_every_part_of_a_document_with_an_issuer_opens_after_the_others():
    got = cited_followers(["notice.number", "notice.date", "notice.issuer", "full_name"])
    assert ("notice.number", "notice.date", "ngày") in got
    assert ("notice.date", "notice.issuer", "do") in got
    assert ("notice.issuer", "notice.date", "cấp ngày") in got
    assert not any("full_name" in (a, k) for a, k, _ in got)


def test_a_document_without_an_issuer_is_no_cited_one():
    assert cited_followers(["registration.number", "registration.date", "registration.office"]) == []


def _fields(title: str, collection: str, rows: list[str]) -> dict:
    return flatten_fields(extract_records([page([title, *rows])], collection)[0])


def test_a_notice_dated_before_its_issuer():
    got = _fields("TRÍCH LỤC KHAI TỬ", "hotich/", ["Họ và tên: Đỗ Văn Tám",
                                                   "Giấy báo tử số: 08/GBT ngày 12/05/2003 do Trạm y tế phường cấp"])
    assert got["death_notice.number"] == "08/GBT"
    assert got["death_notice.date"] == "2003-05-12"
    assert got["death_notice.issuer"] == "Trạm y tế phường"


def test_a_decision_whose_issuer_comes_before_the_day_it_was_signed():
    got = _fields("GIẤY CHỨNG NHẬN THƯƠNG BINH", "nguoicocong/",
                  ["Họ và tên: Đỗ Văn Tám", "Quyết định số: 345/QĐ-UBND của Ủy ban nhân dân tỉnh ký ngày 02/09/1985"])
    assert got["decision.number"] == "345/QĐ-UBND"
    assert got["decision.issuer"] == "Ủy ban nhân dân tỉnh"
    assert got["decision.date"] == "1985-09-02"
