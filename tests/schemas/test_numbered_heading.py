"""A numbered line in a label's case over a row printed smaller than it ("2. Đặc điểm" over the captions of its
group) is a heading, not a label whose value is the captions. Made-up cards."""

from __future__ import annotations

from ocr.result import Line, PageText

from schemas.extract import extract_records
from schemas.layout import Tok
from schemas.loader import label_key
from schemas.normalize import is_leader
from schemas.section_heading import numbered_heading

from synth import line


def _toks(text: str, height: int) -> list[Tok]:
    return [Tok(w, label_key(w), 0.95, (100 + 90 * k, 100, 170 + 90 * k, 100 + height), 1, leader=is_leader(w))
            for k, w in enumerate(text.split())]


def test_a_numbered_line_over_smaller_print_is_a_heading():
    assert numbered_heading(_toks("2. Đặc điểm", 28), _toks("Chất liệu Kích thước", 16))


def test_a_numbered_label_over_its_value_or_with_a_colon_or_digits_is_no_heading():
    assert not numbered_heading(_toks("2. Đặc điểm", 28), _toks("Bình gốm men nâu", 30))
    assert not numbered_heading(_toks("2. Đặc điểm:", 28), _toks("Chất liệu", 16))
    assert not numbered_heading(_toks("2. Kho 12", 28), _toks("Chất liệu", 16))
    assert not numbered_heading(_toks("Đặc điểm", 28), _toks("Chất liệu", 16))
    assert not numbered_heading(_toks("2. Đặc điểm", 28), [])


def _line(text: str, x: int, y: int, h: int) -> Line:
    return line(text, x, y, height=h, char_w=12, gap=10)


def test_a_heading_over_captions_takes_no_field():
    """"2. Đặc điểm" names the description's group; read as the description's label it took the captions under it
    ("C liệu", a caption the vocabulary does not know, and "Kỹ thuật") for the description."""
    lines = [_line("PHIẾU HIỆN VẬT", 600, 100, 36), _line("1. Định danh", 100, 200, 28),
             _line("Tên gọi", 100, 250, 16), _line("Bình gốm", 110, 275, 30),
             _line("2. Đặc điểm", 100, 340, 28), _line("C liệu", 100, 390, 16), _line("Kỹ thuật", 700, 390, 16),
             _line("Gốm sành", 110, 415, 30), _line("Nặn tay", 710, 415, 30),
             _line("Mô tả (hình dáng, hoa văn)", 100, 480, 16), _line("Thân tròn, vai có bốn núm", 110, 505, 30)]
    page = PageText(page=1, width=1400, height=700, lines=lines)
    fields = extract_records([page], collection="baotang/")[0]["fields"]
    assert fields["description"]["value"] == "Thân tròn, vai có bốn núm"
