"""A word typed without marks that only folds to an address's level word ("quan" as "quận", "ban" as "bản") is a
common word as often ("cơ quan", "mối quan hệ", "ủy ban"): it opens a place only before a name in capitals or as the
first word of a level word of two words, never before another word in lower case."""

import json

import pytest
from synth import page

from schemas.extract import extract_records
from schemas.layout import Tok
from schemas.value_start import value_start


def _toks(text):
    return [Tok(w, w.lower(), 0.95, (i * 60, 0, i * 60 + 50, 30), 1) for i, w in enumerate(text.split())]


@pytest.mark.parametrize("row, start", [
    ("Cơ quan xác nhận xã Tân Phú", 4),  # the label is whole; the place starts the value
    ("Mối quan hệ với chủ hộ Anh ruột", None),  # no place opens inside the label
    ("Thuộc ban quản lý Sở Văn hóa", None),
    ("Nơi ở quan Hoàn Kiếm, Hà Nội", 2),  # before a name in capitals it is the district's level word
    ("Nơi ở thi tran Yên Hòa", 2),  # … and the first of a level word's two
    ("Nơi ở quận Hoàn Kiếm", 2),  # as written with its marks, whatever follows
])
def test_an_unmarked_word_folding_to_a_level_word_opens_a_place_only_before_a_name(row, start):
    assert value_start(_toks(row)) == start


def test_a_ties_label_alone_does_not_take_the_next_pair_below_as_the_tie():
    rows = ["GIẤY CHỨNG TỬ", "Họ và tên: Lê Văn An", "Họ tên người đi khai: Lê Văn Bình",
            "Mối quan hệ với người đã mất:", "Đơn vị tiếp nhận UBND xã Tân Phú, huyện Đức Thọ, tỉnh Hà Tĩnh"]
    rec = extract_records([page(rows)], "hotich/")[0]
    assert "relation" not in rec["fields"].get("declarant", {})
    # the row is read on its own: its office placed, or listed for review
    assert "UBND xã Tân Phú" in json.dumps(rec["fields"].get("registration", {}), ensure_ascii=False) + \
        json.dumps(rec["unmapped"], ensure_ascii=False)
