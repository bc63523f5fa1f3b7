"""Where a register page's entries begin: the wide gaps its ruling leaves (schemas/entry_bounds.py)."""

from synth import page

from schemas.entry_bounds import entry_starts
from schemas.extract import extract_records, flatten_fields

ROW = 30  # a row's height in the spans below


def spans(gaps: list[float]) -> list[tuple[float, float]]:
    """Rows of height ROW, each after the gap given (the first row at the top)."""
    out, y = [], 100.0
    for g in [0.0, *gaps]:
        y += g
        out.append((y, y + ROW))
        y += ROW
    return out


def test_wide_gaps_between_blocks_of_like_rows_open_entries():
    # a line of the page's own, then three entries of four rows each, ruled apart
    gaps = [40, 10, 12, 10, 40, 10, 11, 10, 42, 12, 10, 9]
    assert entry_starts(spans(gaps), ROW) == {1, 5, 9}


def test_a_page_whose_gaps_are_all_alike_says_nothing():
    assert entry_starts(spans([12, 10, 11, 13, 10, 12, 11]), ROW) == set()


def test_one_wide_gap_alone_is_no_ruling_of_entries():
    # the white under a page's own lines, then one block: nothing tells the entries apart
    assert entry_starts(spans([45, 10, 12, 10, 11, 10, 12]), ROW) == set()


def test_blocks_of_a_row_or_two_are_fields_not_entries():
    # white around each label and its value, none between entries: pairs of rows are no entries
    assert entry_starts(spans([30, 8, 30, 8, 30, 8, 30, 8]), ROW) == set()


def test_a_few_pixels_between_rows_set_close_are_no_ruling():
    assert entry_starts(spans([6, 1, 1, 1, 6, 1, 1, 1, 6, 1, 1, 1]), ROW) == set()


def values(rec: dict) -> dict:
    return flatten_fields(rec)


def test_a_field_read_twice_inside_a_ruled_entry_does_not_cut_it_in_two():
    # the second entry's mother's label lost its role word: its name reads as a second "Họ và tên"; the
    # white between entries says it is still the second entry, so the third keeps its own number
    rows = ["SỔ ĐĂNG KÝ KHAI SINH", "Năm 1990", "",
            "Số: 11 Họ và tên: Lê Văn Bình", "Ngày sinh: 02/03/1990", "Giới tính: Nam", "Họ tên mẹ: Lê Thị Hà", "",
            "Số: 12 Họ và tên: Vũ Văn Cường", "Ngày sinh: 04/05/1990", "Giới tính: Nam", "Họ và tên: Đỗ Thị Lan", "",
            "Số: 13 Họ và tên: Hồ Văn Dũng", "Ngày sinh: 06/07/1990", "Giới tính: Nam", "Họ tên mẹ: Bùi Thị Nga"]
    recs = extract_records([page(rows)], "hotich/")
    assert [values(r).get("registration.number") for r in recs] == ["11", "12", "13"]
    assert [values(r)["full_name"] for r in recs] == ["Lê Văn Bình", "Vũ Văn Cường", "Hồ Văn Dũng"]
    assert values(recs[1])["date_of_birth"] == "1990-05-04"
    assert values(recs[2])["mother.full_name"] == "Bùi Thị Nga"

