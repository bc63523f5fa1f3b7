"""Reading order: a single column that Tesseract cut into side-by-side blocks is
read row by row again; real separate texts keep Tesseract's order."""

from __future__ import annotations

import copy

from rapidfuzz.distance import Levenshtein

import ocr.tesseract
from ocr.pipeline import OcrOptions, ocr_image
from ocr.reading_order import reading_order
from ocr.result import Line, PageText, Word
from ocr.synthetic import typewritten_page


def line(text: str, x: int, y: int, block: int, height: int = 40) -> Line:
    words, left = [], x
    for w in text.split():
        words.append(Word(w, 0.9, (left, y, left + 20 * len(w), y + height)))
        left += 20 * len(w) + 20
    return Line(words=words, bbox=(x, y, words[-1].bbox[2], y + height), block=block)


def cer(text: str, truth: str) -> float:
    text, truth = " ".join(text.split()), " ".join(truth.split())
    return Levenshtein.distance(text, truth) / len(truth)


LABELS = ["Họ và tên:", "Năm sinh:", "Nguyên quán:", "Đơn vị:", "Hy sinh ngày:"]
VALUES = ["Trần Văn Hùng", "1948", "xã Tam Sơn", "Đại đội 3", "20/7/1968"]


def test_a_column_cut_at_a_tab_stop_is_read_row_by_row():
    title = line("GIẤY BÁO TỬ", 700, 100, block=1)
    labels = [line(t, 200, 200 + 100 * i, block=2 if i < 3 else 3) for i, t in enumerate(LABELS)]
    values = [line(t, 800, 205 + 100 * i, block=4) for i, t in enumerate(VALUES)]
    page = PageText(page=1, width=2000, height=1000, lines=reading_order([title, *labels, *values]))
    # The title sits over the values' column, so it belongs to the same text.
    assert page.text.splitlines() == ["GIẤY BÁO TỬ", *[x for pair in zip(LABELS, VALUES) for x in pair]]


def test_a_letterhead_and_stacked_paragraphs_keep_tesseracts_order():
    # Authority | national motto: two short texts side by side, two rows only.
    left = [line("ỦY BAN NHÂN DÂN", 100, 100, 1), line("XÃ ĐÌNH BẢNG", 130, 150, 1)]
    right = [line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 1000, 100, 2), line("Độc lập - Tự do", 1100, 150, 2)]
    body = [line(f"dòng {i} của văn bản", 100, 300 + 60 * i, 3) for i in range(6)]
    lines = [*left, *right, *body]
    assert reading_order(list(lines)) == lines


def test_columns_whose_lines_do_not_share_rows_keep_tesseracts_order():
    left = [line(f"cột trái {i}", 100, 100 + 60 * i, 1) for i in range(8)]
    right = [line(f"cột phải {i}", 1100, 130 + 90 * i, 2) for i in range(5)]  # another pitch: real columns
    lines = [*left, *right]
    assert reading_order(list(lines)) == lines


def test_a_typewritten_degraded_page_is_read_in_the_order_it_was_typed(monkeypatch):
    image, truth = typewritten_page(seed=0, level=3)
    # What Tesseract itself gives, then the same lines put in reading order.
    monkeypatch.setattr(ocr.tesseract, "reading_order", lambda lines: lines)
    tesseract = ocr_image(image, 1, OcrOptions())
    ordered = copy.deepcopy(tesseract)
    ordered.lines = reading_order(ordered.lines)
    # Tesseract cut the single column at the values' tab stop: labels first, values after.
    assert len({ln.block for ln in tesseract.lines}) > 2 and cer(tesseract.text, truth) > 0.3
    assert cer(ordered.text, truth) < 0.05
    # Only the order changed: the same words, each line as Tesseract ended it.
    assert sorted(w.text for w in ordered.words) == sorted(w.text for w in tesseract.words)
