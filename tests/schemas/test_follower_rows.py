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
