"""A row of captions side by side, each over its value (issue 12): a caption with the next caption beside it
takes its value from the row below, in its own column, rather than the next caption's words or nothing; the next
caption, when no rule reads it as a label, is listed with the value under it and left to the record-wide decoding
(schemas/value_rest.under_caption, caption_value). Made-up wordings, names and places."""

from synth import page

from schemas.extract import extract_records, flatten_fields


def _record(rows):
    return extract_records([page(rows, width=2400)], "hotich/khaitu/")[0]


HEAD = ["TRÍCH LỤC KHAI TỬ", "Họ và tên: Ninh Văn Sáng", "Ngày chết: 15/11/2006"]


def test_a_caption_with_the_next_caption_beside_it_takes_the_value_under_it():
    rows = HEAD + ["Họ tên người đi khai: Lê Thị Hoa",
                   [(100, "Quan hệ với người chết"), (1300, "Nơi lập văn bản")],
                   [(110, "Con gái"), (1310, "Ủy ban nhân dân xã Tân Lập,")],
                   [(1310, "huyện Đồng Xuân, tỉnh Phú Yên")]]
    rec = _record(rows)
    got = flatten_fields(rec)
    assert got["declarant.relation"] == "Con gái"
    office = "Ủy ban nhân dân xã Tân Lập, huyện Đồng Xuân, tỉnh Phú Yên"
    assert got.get("registration.office") == office or any(u.get("value") == office for u in rec["unmapped"])


def test_a_value_far_beside_its_label_stays_its_value():
    # no caption over a column of its own below: the words beside the label are its value, as before
    rows = HEAD + ["Họ tên người đi khai: Lê Thị Hoa", [(100, "Quan hệ với người chết"), (1300, "Con gái")],
                   "Số: 95"]
    assert flatten_fields(_record(rows))["declarant.relation"] == "Con gái"


def test_a_kinship_word_beside_its_label_is_its_value_not_a_caption():
    # a value column beside a column of labels: the row below, a label nobody lists, is never taken as the value
    rows = HEAD + ["Họ tên người đi khai: Lê Thị Hoa", [(100, "Quan hệ với người chết"), (1300, "Con")],
                   [(100, "Nơi lập văn bản"), (1300, "Ủy ban nhân dân xã Tân Lập, huyện Đồng Xuân, tỉnh Phú Yên")]]
    assert flatten_fields(_record(rows))["declarant.relation"] == "Con"


def test_an_office_beside_its_label_is_its_value():
    rows = HEAD + [[(100, "Nơi đăng ký"), (1000, "Ủy ban nhân dân xã Tân Lập,")],
                   [(100, "huyện Đồng Xuân, tỉnh Phú Yên"), (1300, "Số: 95")]]
    got = flatten_fields(_record(rows))
    assert got["registration.office"].startswith("Ủy ban nhân dân xã Tân Lập")


def test_a_value_longer_than_its_caption_is_taken_whole():
    # the name runs on under the next caption's start; the next caption's value stands after a cell's blank
    rows = ["TRÍCH LỤC KHAI TỬ", "Ngày chết: 15/11/2006",
            [(100, "Họ và tên người chết"), (560, "Nơi lập văn bản")],
            [(110, "Nguyễn Ngọc Phương Khuyên"), (1300, "Ủy ban nhân dân xã Tân Lập,")],
            [(1300, "huyện Đồng Xuân, tỉnh Phú Yên")]]
    assert flatten_fields(_record(rows))["full_name"] == "Nguyễn Ngọc Phương Khuyên"
