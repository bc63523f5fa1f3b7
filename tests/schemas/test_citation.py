"""A document cited in one sentence, its parts in an order the record type does not list: each part is opened by
its function word ("ngày", "cấp ngày", "ký ngày" a date; "do", "của" an issuer) whatever the order (issue 12,
part BD; schemas/citation.py, loader.Schema.followers)."""

from synth import page

from schemas.citation import citation_parts, cited_followers, cited_numbers, is_citation
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


def test_a_citation_is_read_by_its_connective_words():
    parts = citation_parts("số 08/GBT do Trạm y tế phường cấp ngày 12/05/2003".split())
    assert parts == {"number": (1, 2), "issuer": (3, 7), "date": (9, 10)}
    assert citation_parts("345/QĐ-UBND ngày 02/09/1985 của Ủy ban nhân dân tỉnh".split()) == {
        "number": (0, 1), "date": (2, 3), "issuer": (4, 9)}


def test_a_number_without_both_other_parts_is_no_citation():
    assert not is_citation("08/GBT do Trạm y tế phường cấp")  # no date
    assert not is_citation("08/GBT ngày 12/05/2003")  # no issuer
    assert not is_citation("12 do ngày 12/05/2003")  # an issuer's part holding no word
    assert not is_citation("Xã Yên Lạc ngày 12/05/2003 do Trạm y tế cấp")  # no number first
    assert not is_citation("08/GBT Trạm y tế phường ngày 12/05/2003")  # the number runs on into other words


def test_only_a_document_with_a_number_an_issuer_and_a_date_takes_a_citation():
    assert cited_numbers(["notice.number", "notice.date", "notice.issuer", "registration.number",
                          "registration.date"]) == ["notice.number"]


def test_a_citation_under_a_label_nobody_knows_is_placed_whole_but_not_surely():
    records = extract_records([page(["TRÍCH LỤC KHAI TỬ", "Họ và tên: Đỗ Văn Tám",
                                     "Mục XQ: 08/GBT do Trạm y tế phường cấp ngày 12/05/2003"])], "hotich/")
    got = flatten_fields(records[0])
    assert got["death_notice.number"] == "08/GBT"
    assert got["death_notice.issuer"] == "Trạm y tế phường"
    assert got["death_notice.date"] == "2003-05-12"
    assert {"death_notice.number", "death_notice.issuer", "death_notice.date"} <= set(records[0]["doubtful"])


def test_a_citation_under_a_number_label_read_by_its_look_gives_its_issuer_and_date_too():
    # "Số" alone names some number: the value's look names the notice's, and then "do …" and "cấp ngày …" are
    # its issuer's and date's
    records = extract_records([page(["TRÍCH LỤC KHAI TỬ", "Họ và tên: Đỗ Văn Tám",
                                     "Số XQ: 08/GBT do Trạm y tế phường cấp ngày 12/05/2003"])], "hotich/")
    got = flatten_fields(records[0])
    assert (got["death_notice.number"], got["death_notice.issuer"], got["death_notice.date"]) == (
        "08/GBT", "Trạm y tế phường", "2003-05-12")
    assert {"death_notice.number", "death_notice.issuer", "death_notice.date"} <= set(records[0]["doubtful"])
