"""A value that ends with a short label only another field follows ("… 2210/QĐ-BQP ngày"), its value on the row
below in the same column (issue 12, part AT; schemas/reader.py): the next row is read below the row the short
label ends, not below the label over the whole value, so the date and the issuer after it are read."""

from synth import page

from schemas.extract import extract_records, flatten_fields


def test_a_decisions_date_and_issuer_below_a_number_ending_with_its_date_word():
    rows = ["GIẤY CHỨNG NHẬN THƯƠNG BINH",
            [(100, "Họ và tên"), (900, "Tỷ lệ thương tật"), (1300, "Theo quyết định số")],
            [(100, "Đinh Văn Khoa"), (900, "61%"), (1300, "2210/QĐ-BQP ngày")],
            [(1300, "05/06/1980 của Bộ Tư")],
            [(1300, "lệnh Quân khu 5")]]
    got = flatten_fields(extract_records([page(rows, width=1800)], "thuongbinh/")[0])
    assert got["decision.number"] == "2210/QĐ-BQP"
    assert got["decision.date"] == "1980-06-05"
    assert got["decision.issuer"] == "Bộ Tư lệnh Quân khu 5"


def test_the_last_of_two_short_labels_ending_its_row_reads_the_row_below():
    # (part BD: the chain's second short label, "cấp ngày" after "do …", ends the row; its date is below that row)
    rows = ["TRÍCH LỤC KHAI TỬ",
            [(100, "Họ và tên"), (900, "Giấy báo tử số")],
            [(100, "Lê Thị Mận"), (900, "17/GBT do Trạm y tế phường cấp ngày")],
            [(900, "03/02/2011")]]
    got = flatten_fields(extract_records([page(rows, width=1800)], "hotich/")[0])
    assert got["death_notice.number"] == "17/GBT"
    assert got["death_notice.issuer"] == "Trạm y tế phường"
    assert got["death_notice.date"] == "2011-02-03"
