"""Labels printed over their values, paired by where they stand (schemas/cells.py): a note in brackets that
counts, a border read as an underscore."""

from synth import page

from schemas.extract import extract_records, flatten_fields


def _read(lines: list) -> dict:
    return flatten_fields(extract_records([page(lines, width=1800)], "hotich/")[0])


def test_a_label_s_note_in_brackets_may_count():
    # "(ghi 4 chữ)": a digit in a label's note, no value's digit; the row is a row of labels over their values
    flat = _read(["GIẤY KHAI SINH",
                  [(100, "Họ và tên người cha"), (900, "Năm sinh người cha (ghi 4 chữ)")],
                  [(100, "Lê Văn Toàn"), (900, "1958")]])
    assert flat.get("father.full_name") == "Lê Văn Toàn"
    assert flat.get("father.birth_year") == "1958"


def test_a_border_read_as_an_underscore_parts_two_labels():
    # the ruled border between two cells, too close to either label to cut at a blank, read as "_": each label
    # takes the value under it, the first not the second's
    flat = flatten_fields(extract_records([page(["PHIẾU HIỆN VẬT",
                                                 [(100, "Tên hiện vật _ Chất liệu chính")],
                                                 [(100, "Bình gốm"), (460, "Gốm men lam")]], width=1800)],
                                          "baotang/")[0])
    assert flat.get("name") == "Bình gốm"
    assert flat.get("material") == "Gốm men lam"
