"""The kinds of OCR misread the misread report counts (scripts/bench_ocr_misreads.py)."""

from __future__ import annotations

import bench_ocr_misreads as bm


def test_kinds_of_misread():
    assert bm.misread_kind("1975", "1978") == "digits"
    assert bm.misread_kind("12", "I2") == "digits"
    assert bm.misread_kind("XIX", "XIV") == "roman"
    assert bm.misread_kind("Lan", "Lăn") == "marks"
    assert bm.misread_kind("BÀ", "Bà") == "case"
    assert bm.misread_kind("Hòa Bình", "HòaBình") == "joined"
    assert bm.misread_kind("Quảng", "Qu ảng") == "split"
    assert bm.misread_kind("Hà", "Hả") == "marks"
    assert bm.misread_kind("Lam", "Lan") == "letters"
    assert bm.misread_kind("Lam", "") == "elsewhere"
    assert bm.misread_kind("Quảng Ngãi", "Nơi") == "elsewhere"


def test_misreads_of_a_value_on_a_page():
    page = "Họ và tên Trần Văn Lăn sinh năm 1975 tại xã Yên Lạc".split()
    assert bm.misreads("Trần Văn Lăn", page) == []
    assert bm.misreads("Trần Văn Lan", page) == [("Lan", "Lăn")]
    assert bm.misreads("phường Bạch Mai, quận Hai Bà Trưng", page) is None


def test_a_date_lost_a_number_when_one_of_its_numbers_is_not_on_the_page():
    page = "Sinh ngày 05/06/1975".split()
    assert not bm.date_misread("1975-06-05", page)
    assert bm.date_misread("1975-08-05", page)
    assert not bm.date_misread("1975", page)
