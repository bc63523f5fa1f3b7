"""A rank is one of a closed list, two words long: a rank field's value that opens with one and goes on is the
rank and the next pair run into it, which is listed and given to the record-wide decoding (issue 12, part DC;
schemas/military_ranks.py, rank_and_tail)."""

from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.layout import Tok
from schemas.military_ranks import rank_and_tail, rank_of


def _toks(text: str) -> list[Tok]:
    return [Tok(w, w.lower(), 0.9, (100 * i, 0, 100 * i + 80, 30), 1) for i, w in enumerate(text.split())]


def test_a_rank_read_as_the_list_writes_it():
    assert rank_of("Thiếu úy") == "Thiếu úy"
    assert rank_of("TRUNG SĨ.") == "Trung sĩ"  # case and punctuation aside
    assert rank_of("Thieu uy") == "Thiếu úy"  # typed without marks
    assert rank_of("Thiếu ủy") == "Thiếu úy"  # a bent mark


def test_a_rank_one_letter_off_only_when_no_other_is_as_near():
    assert rank_of("Hạ sỹ", 1) == "Hạ sĩ"  # "sỹ": the older spelling of "sĩ"
    assert rank_of("Hạ sỹ") is None  # no slip allowed unless asked
    assert rank_of("Trung xĩ", 1) == "Trung sĩ"
    assert rank_of("Thượng ta", 1) == "Thượng tá"
    assert rank_of("Trung ua", 1) is None  # as near "Trung úy" as "Trung tá": a tie names none


def test_no_rank_in_other_words():
    assert rank_of("Chiến sĩ", 1) is None
    assert rank_of("Trung đội trưởng", 1) is None
    assert rank_of("Trung sĩ 2", 1) is None  # a digit: no rank is written with one


def test_a_rank_ends_after_its_two_words():
    toks = _toks("Trung úy Trung đội trưởng")
    rank, rest = rank_and_tail(toks)
    assert [t.text for t in rank] == ["Trung", "úy"]
    assert [t.text for t in rest] == ["Trung", "đội", "trưởng"]


def test_a_value_that_is_no_rank_is_kept_whole():
    toks = _toks("Chiến sĩ thông tin")
    assert rank_and_tail(toks) == (toks, [])
    toks = _toks("Thiếu úy")
    assert rank_and_tail(toks) == (toks, [])  # nothing after the rank


def test_a_post_run_into_the_rank_is_placed_apart():
    rows = ["GIẤY BÁO TỬ", [(100, "Họ và tên: Trần Văn Sáu")], [(100, "Cấp bậc: Thiếu úy Trung đội trưởng")],
            [(100, "Đơn vị: Đại đội 3, Tiểu đoàn 9")]]
    rec = extract_records([page(rows)], "nguoicocong/")[0]
    got = flatten_fields(rec)
    assert got["rank"] == "Thiếu úy"
    assert got.get("position") == "Trung đội trưởng" or any(
        "Trung đội trưởng" in (u["value"] or u["label"]) for u in rec["unmapped"])
