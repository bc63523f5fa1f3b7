"""A row of label words alone, longer than a label read from its words alone may be, over its value on the next
row: the row's end ends the label as a colon would (schemas/value_start.py row_ended_label, schemas/reader.py)."""

from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.layout import Tok
from schemas.value_start import row_ended_label


def _toks(text: str) -> list[Tok]:
    out, x = [], 100
    for w in text.split():
        out.append(Tok(w, w.lower(), 0.95, (x, 100, x + 18 * len(w), 136), 1))
        x += 18 * len(w) + 18
    return out


def test_a_row_of_label_words_reads_its_end_as_a_colon():
    got = row_ended_label(_toks("Nơi ở thường xuyên của người được đăng ký khai sinh"), 12)
    assert got is not None and got[-1].text == "sinh:"


def test_a_row_with_digits_or_a_colon_or_in_lower_case_is_no_label_alone():
    assert row_ended_label(_toks("Số 12 đường Lê Lợi"), 12) is None
    assert row_ended_label(_toks("Nơi sinh: xã Tam Sơn"), 12) is None
    assert row_ended_label(_toks("huyện Từ Sơn, tỉnh Bắc Ninh"), 12) is None


def test_a_long_label_alone_on_its_row_takes_the_value_below_it():
    # nine label words, no colon, the value on the row below
    lines = ["GIẤY KHAI SINH", "Họ và tên | Trần Văn Bình", "Địa điểm sinh ra người được đăng ký khai sinh",
             "xã Tam Sơn, huyện Từ Sơn, tỉnh Bắc Ninh"]
    flat = flatten_fields(extract_records([page(lines, width=2000)], "hotich/")[0])
    assert flat.get("place_of_birth") == "xã Tam Sơn, huyện Từ Sơn, tỉnh Bắc Ninh"


def _row(*runs: tuple[int, str]) -> list[Tok]:
    out = []
    for x, text in runs:
        for w in text.split():
            out.append(Tok(w, w.lower(), 0.95, (x, 100, x + 18 * len(w), 136), 1))
            x += 18 * len(w) + 18
    return out


def test_a_row_with_a_column_gap_is_no_label_alone():
    # label words, then a wide blank and a value in the next column: the row's end is no label's end, or the
    # value would be read as the label's last words and lost
    assert row_ended_label(_row((100, "Họ hàng gì với người được nói tới"), (900, "Anh họ")), 12) is None
    assert row_ended_label(_row((100, "Họ hàng gì với người được nói tới hôm nay")), 12) is not None
