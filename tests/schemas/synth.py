"""Build PageText in code, laid out like a scanned form, for tests that need no OCR."""

from __future__ import annotations

from ocr.result import Line, PageText, Word

CHAR_W = 18
LINE_H = 36
STEP = 52


def line(text: str, x: int, y: int, conf: float = 0.95, block: int = 1, height: int = LINE_H,
         char_w: int = CHAR_W, gap: int | None = None) -> Line:
    """One OCR line: words spaced like a monospaced font (``char_w`` a letter, ``gap`` between words: a letter's
    width unless given), ``height`` tall; ``word@0.3`` sets that word's confidence."""
    gap = char_w if gap is None else gap
    words = []
    cx = x
    for tok in text.split():
        c = conf
        if "@" in tok and tok.rsplit("@", 1)[1].replace(".", "").isdigit():
            tok, c = tok.rsplit("@", 1)[0], float(tok.rsplit("@", 1)[1])
        w = char_w * len(tok)
        words.append(Word(tok, c, (cx, y, cx + w, y + height)))
        cx += w + gap
    x0 = words[0].bbox[0]
    return Line(words, (x0, y, words[-1].bbox[2], y + height), block)


def page(rows: list, number: int = 1, width: int = 1700, conf: float = 0.95, top: int = 100) -> PageText:
    """``rows``: a string is one line starting at x=100; a list of ``(x, text)`` is several lines on one row
    (columns, or a label and a value far apart), each its own Tesseract block."""
    lines = []
    y = top
    for r in rows:
        if isinstance(r, str):
            if r:
                lines.append(line(r, 100, y, conf))
        else:
            for k, (x, text) in enumerate(r):
                lines.append(line(text, x, y, conf, block=k + 1))
        y += STEP
    return PageText(page=number, width=width, height=y + 100, lines=lines)


def small_print(p: PageText, *rows: int, top: int = 100) -> PageText:
    """``p`` with the given rows (their index in ``page``'s list) printed a third smaller, as a form's captions or
    the labels in its cells' corners: their words 24 px tall instead of 36, on the same baseline."""
    ys = {top + STEP * k for k in rows}
    for ln in p.lines:
        if ln.bbox[1] in ys:
            for w in ln.words:
                w.bbox = (w.bbox[0], w.bbox[1] + 12, w.bbox[2], w.bbox[3])
            ln.bbox = (ln.bbox[0], ln.bbox[1] + 12, ln.bbox[2], ln.bbox[3])
    return p
