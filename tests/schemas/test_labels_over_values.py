"""Labels printed over their values, paired by where they stand (schemas/cells.py): a border read as an
underscore."""

from synth import page

from schemas.extract import extract_records, flatten_fields


def _read(lines: list) -> dict:
    return flatten_fields(extract_records([page(lines, width=1800)], "hotich/")[0])


def test_a_border_read_as_an_underscore_parts_two_labels():
    # the ruled border between two cells, too close to either label to cut at a blank, read as "_": each label
    # takes the value under it, the first not the second's
    flat = flatten_fields(extract_records([page(["PHIẾU HIỆN VẬT",
                                                 [(100, "Tên hiện vật _ Chất liệu chính")],
                                                 [(100, "Bình gốm"), (460, "Gốm men lam")]], width=1800)],
                                          "baotang/")[0])
    assert flat.get("name") == "Bình gốm"
    assert flat.get("material") == "Gốm men lam"
