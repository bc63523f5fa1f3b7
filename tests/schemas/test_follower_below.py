"""A value whose next part starts the row below with the short label that only follows its field ("của" after a
decision's date, "tại" after a date of death): the chain goes on there, whatever the field's wrapping
(schemas/value_rest.py ValueRests.continue_value)."""

from synth import page, small_print

from schemas.extract import extract_records, flatten_fields


def test_an_issuer_after_a_date_on_a_cells_next_line_is_read():
    # a ruled cell's value over two lines: the decision's number and date, then "của …", its issuer
    p = small_print(page(["GIẤY CHỨNG NHẬN THƯƠNG BINH", [(100, "Họ và tên"), (900, "Quyết định")],
                           [(110, "Nguyễn Văn An"), (910, "45/QĐ-UB ngày 03/04/1979")],
                           [(910, "của Ủy ban nhân dân tỉnh Hà Bắc")]], width=1800), 1)
    rec = extract_records([p], "nguoicocong/")[0]
    flat = flatten_fields(rec)
    assert flat.get("decision.date") == "1979-04-03"
    assert flat.get("decision.issuer") == "Ủy ban nhân dân tỉnh Hà Bắc"
    assert not flatten_fields(rec, "notes").get("decision.issuer")  # read by its label, not placed by its look


def test_an_issuer_after_a_date_on_the_next_row_is_read():
    lines = ["GIẤY CHỨNG NHẬN THƯƠNG BINH", "Họ và tên: Nguyễn Văn An",
             "Quyết định số: 45/QĐ-UB ngày 03/04/1979", "của Ủy ban nhân dân tỉnh Hà Bắc"]
    rec = extract_records([page(lines)], "nguoicocong/")[0]
    flat = flatten_fields(rec)
    assert flat.get("decision.date") == "1979-04-03"
    assert flat.get("decision.issuer") == "Ủy ban nhân dân tỉnh Hà Bắc"
    assert not flatten_fields(rec, "notes").get("decision.issuer")


def test_a_row_below_that_opens_with_no_follower_is_not_taken():
    lines = ["GIẤY CHỨNG NHẬN THƯƠNG BINH", "Họ và tên: Nguyễn Văn An",
             "Quyết định số: 45/QĐ-UB ngày 03/04/1979", "Ủy ban nhân dân tỉnh Hà Bắc"]
    flat = flatten_fields(extract_records([page(lines)], "nguoicocong/")[0])
    assert flat.get("decision.date") == "1979-04-03" and flat.get("decision.issuer") is None
