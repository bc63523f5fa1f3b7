"""A description under its caption goes on onto the next line when that line starts in lower case at its
margin; a line starting with a capital (the next caption) does not carry it. Made-up cards."""

from __future__ import annotations

from ocr.result import Line, PageText

from schemas.extract import extract_records
from schemas.layout import Tok
from schemas.loader import label_key
from schemas.sentence_rest import sentence_goes_on

from synth import line


def _toks(text: str, x: int = 100) -> list[Tok]:
    return [Tok(w, label_key(w), 0.95, (x + 90 * k, 100, x + 80 + 90 * k, 136), 1) for k, w in enumerate(text.split())]


def test_a_line_in_lower_case_at_the_margin_carries_the_sentence_on():
    assert sentence_goes_on(_toks("Thân tròn, vai có"), _toks("bốn núm nhỏ"), 20)


def test_a_capital_an_ended_sentence_or_another_margin_do_not():
    assert not sentence_goes_on(_toks("Thân tròn, vai có"), _toks("Nguồn gốc"), 20)
    assert not sentence_goes_on(_toks("Thân tròn, vai có bốn núm."), _toks("men nâu"), 20)
    assert not sentence_goes_on(_toks("Thân tròn, vai có"), _toks("bốn núm nhỏ", x=400), 20)


def _line(text: str, x: int, y: int, h: int) -> Line:
    return line(text, x, y, height=h, char_w=14, gap=12)


def test_a_description_under_its_caption_takes_its_next_line():
    lines = [_line("PHIẾU HIỆN VẬT", 600, 100, 36), _line("Tên hiện vật", 100, 200, 18),
             _line("Bình gốm", 100, 225, 30),
             _line("Mô tả", 100, 290, 18),
             _line("Thân tròn, vai có bốn núm nhỏ, miệng loe, đáy bằng; thân vẽ hoa văn dây lá và cánh", 100, 315, 30),
             _line("sen; men nâu phủ đều", 100, 355, 30),
             _line("Chất liệu", 100, 420, 18), _line("Gốm", 100, 445, 30)]
    page = PageText(page=1, width=1400, height=700, lines=lines)
    fields = extract_records([page], collection="baotang/")[0]["fields"]
    assert fields["description"]["value"].endswith("men nâu phủ đều")
    assert fields["material"]["value"] == "Gốm"
