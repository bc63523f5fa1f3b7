"""Dates and ID numbers found inside free text, in every written form the field normalisers read."""

import pytest

from schemas.normalize import date_spans, id_spans, parse_date, sensitive_spans

DATES = [
    ("ngày mười lăm tháng ba năm một nghìn chín trăm tám mươi", "1980-03-15"),
    ("1980/03/05", "1980-03-05"),
    ("1980.03.05", "1980-03-05"),
    ("5-3-80", "1980-03-05"),
    ("05/03/1980", "1980-03-05"),
    ("mồng 27 tháng 11, 1983", "1983-11-27"),
    ("năm 1980 tháng 3 ngày 5", "1980-03-05"),
    ("05031980", "1980-03-05"),
    ("ngày 05 tháng 03 năm 1980", "1980-03-05"),
]


@pytest.mark.parametrize("written,iso", DATES)
def test_every_written_date_is_found_in_text_with_its_span(written, iso):
    text = f"Sinh {written} tại xã Đình Bảng."
    found = date_spans(text)
    assert [(text[f.start:f.end], f.value) for f in found] == [(written, iso)]


@pytest.mark.parametrize("written,iso", DATES)
def test_the_extractor_reads_the_same_forms(written, iso):
    assert parse_date(written).iso == iso


@pytest.mark.parametrize("written,digits", [
    ("046 183 007 777", "046183007777"), ("046.183.007.778", "046183007778"),
    ("0461-8500-1234", "046185001234"), ("001075004321", "001075004321"), ("12345678", "12345678"),
    ("172 345 678", "172345678"),
])
def test_ids_in_groups_and_old_lengths_are_found(written, digits):
    text = f"Số CCCD: {written}, cấp ngày 01/01/2020"
    ids = id_spans(text)
    assert [(text[f.start:f.end], f.value) for f in ids] == [(written, digits)]


def test_a_year_alone_and_short_numbers_are_left_alone():
    assert sensitive_spans("năm 1980, số 31, quyển 2, nhà 12 ngõ 5") == []


def test_a_date_beside_an_id_is_two_findings_not_one_long_number():
    text = "sinh 05.03.1980 046 183 007 777"
    kinds = [(f.kind, text[f.start:f.end]) for f in sensitive_spans(text)]
    assert kinds == [("date", "05.03.1980"), ("id", "046 183 007 777")]
