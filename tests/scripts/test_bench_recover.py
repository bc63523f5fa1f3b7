"""The counting of scripts/bench_recover.py."""

from __future__ import annotations

import bench_recover as br


def test_a_short_value_inside_a_longer_printed_value_is_not_counted_as_found():
    values = [br.words_of("Nam"), br.words_of("Việt Nam"), br.words_of("Kinh")]
    short = [v for v in values if br.is_short(v)]
    page_without_the_sex = br.words_of("Quốc tịch: Việt Nam Dân tộc: Kinh")
    page_with_it = br.words_of("Giới tính: Nam Quốc tịch: Việt Nam Dân tộc: Kinh")
    assert br.found_count(page_without_the_sex, values, short) == 2  # "Việt Nam" and "Kinh", not "Nam"
    assert br.found_count(page_with_it, values, short) == 3


def test_the_sex_is_counted_as_printed_and_dates_are_left_out():
    fields = {"sex": "female", "date_of_birth": "1990-01-02", "ethnicity": "Tày", "registration.number": "12"}
    assert br.printed_values(fields) == [["nữ"], ["tày"], ["12"]]
