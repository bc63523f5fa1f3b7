"""A row of a few words with no value that names one person, over rows that are pairs of their own, is that
person's heading even when the vocabulary reads its words only in part: the bare labels under it are that
person's, until another person is named (schemas/person_heading.py, schemas/reader.py)."""

from synth import page

from schemas.extract import extract_records, flatten_fields

ROWS = ["GIẤY KHAI SINH",
        "Họ và tên: Đặng Minh Khoa",
        "Ngày sinh: 02/09/1990",
        "Xxx yyy người mẹ sinh",  # words no list holds, the mother, and "sinh" read as what is asked
        "Họ tên đầy đủ: Hà Thị Liên",
        "Năm ra đời: 1966",
        "Dân tộc: Mường",
        "Nơi đang ở: xã Tam Sơn, huyện Từ Sơn, tỉnh Bắc Ninh",
        "Họ tên cha: Đặng Văn Lực",
        "Dân tộc: Tày"]


def test_bare_labels_under_a_heading_read_in_part_are_its_persons():
    got = flatten_fields(extract_records([page(ROWS)], "hotich/")[0])
    assert got.get("full_name") == "Đặng Minh Khoa"
    assert got.get("mother.full_name") == "Hà Thị Liên"
    assert got.get("mother.birth_year") == "1966"
    assert got.get("mother.ethnicity") == "Mường"
    assert got.get("mother.residence") == "xã Tam Sơn, huyện Từ Sơn, tỉnh Bắc Ninh"
    assert got.get("father.ethnicity") == "Tày"  # another person named: the heading's block is over
    assert got.get("ethnicity") is None


def test_a_label_with_its_value_that_names_a_person_is_no_heading():
    from schemas.layout import build_rows
    from schemas.loader import load_schemas
    from schemas.person_heading import heading_person
    from schemas.reader import PageReader

    schema = load_schemas()["birth"]
    rows = build_rows(page(["GIẤY KHAI SINH", "Xxx yyy người mẹ Hà Thị Liên", "Năm ra đời: 1966",
                            "Xxx yyy người mẹ", "Năm ra đời: 1966"]))
    reader = PageReader(schema, rows, "document", 1, 1700)
    segs = reader.segments()
    said = [(" ".join(t.text for t in s.row.toks),
             heading_person(s.row.toks, reader._labels(s.row.toks, None), reader._pair_under(segs, k), schema))
            for k, s in enumerate(segs)]
    assert [text for text, person in said if person] == ["Xxx yyy người mẹ"]
    assert dict(said)["Xxx yyy người mẹ"] == "mother"
