"""A register table's columns from the page's geometry (docs/extraction.md, step 7).

The cells of a column start at one x, row after row (cells are written from their column's left edge), so the
x where the rows' gap-separated runs of words start, shared by several rows, are the columns' left edges; a
column runs to the next one's edge. A word belongs to the column its box overlaps most, so a cell never crosses
a column boundary and a header title wider than its column ("Chất liệu chính" over the next column's title)
still goes to the column it mostly sits over. A column whose title was not read is named by what its cells
look like (``cell_shape``): dimensions, a dating, an inventory number, a row number.

Pure functions over words with boxes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from .layout import Row, Tok
from .loader import label_key
from sohoa.text import fold

# a museum inventory number: letters (the collection's code), a separator, digits ("GV.8808", "KL 106", "BTBN
# 1234/KL"); its shape, not a list of prefixes
INVENTORY_SHAPE = re.compile(r"^[A-ZĐ]{1,6}\s?[./\-]?\s?\d{2,}(?:[./\-]\s?[A-ZĐ0-9]+)*$")
RUN_GAP = 1.5  # line heights: a wider gap between two words of a row ends a cell
ALIGN = 1.0  # line heights: run starts closer than this are one column's left edge
# (folded text) a measure word before a number, or a number before a unit of length
MEASURE_SHAPE = re.compile(r"\b(?:cao|dai|rong|day|ngang|doc|duong kinh|dk|phi)\s*[:.]?\s*\d|\d\s*(?:cm|mm|dm|m)\b")
# (folded text) a century or a part of one, an era; or a year or a range of years alone ("1715 - 1725", "Năm 1901")
DATING_SHAPE = re.compile(r"\b(?:the\s*(?:\w\s+)?ky|tk|nua dau|nua sau|thoi|trieu dai|van hoa)\b")
YEARS_SHAPE = re.compile(r"^(?:nam\s+)?\d{3,4}(?:\s*[-–~]?\s*\d{2,4})?$")
FLUSH_ALIGN = 0.3  # line heights: word starts closer than this, row after row, are one column's flush left edge
SHARED_BY = 0.3  # a column's left edge is where at least this share of the body rows start a run


def _height(toks: list[Tok]) -> float:
    hs = sorted(t.bbox[3] - t.bbox[1] for t in toks if not t.leader) or [1]
    return max(1.0, float(hs[len(hs) // 2]))


def _worded_tok(t: Tok) -> bool:
    return any(c.isalnum() for c in t.text)


def runs(toks: list[Tok], height: float) -> list[list[Tok]]:
    """A row's words cut at gaps wider than ``RUN_GAP`` line heights, each run from its first word of letters or
    digits (a speck or a stray dash starts nothing, but a dash between two years keeps them one run). The gap is
    measured from the run's last word of letters or digits: specks a noisy scan leaves between two cells
    ("KL.8917 ' - Tượng đá") do not bridge it."""
    out: list[list[Tok]] = []
    for t in sorted(toks, key=lambda t: t.bbox[0]):
        worded = [u for u in out[-1] if _worded_tok(u)] if out else []
        bridges = worded
        if worded and worded[-1].text[-1:].isdigit() and t.text[:1].isdigit():
            bridges = out[-1]  # a dash between two numbers ("1834 - 1844") keeps them one run
        right = max(u.bbox[2] for u in (bridges or out[-1])) if out else 0
        if out and (t.bbox[0] - right <= RUN_GAP * height or not _worded_tok(t) or not worded):
            out[-1].append(t)
        else:
            out.append([t])
    trimmed = []
    for run in out:
        k = next((i for i, t in enumerate(run) if any(c.isalnum() for c in t.text)), None)
        if k is not None:
            trimmed.append(run[k:])
    return trimmed


def column_edges(body: list[Row], titles: Sequence[int] = (), header: Sequence[Tok] = ()) -> list[float]:
    """Left edges of a table's columns: the x where the body rows' cells start, when shared by enough rows, or
    by one row and where a header title starts (``titles``: a noisy page where few rows kept their gaps); and
    the flush edges of columns written with no blank before them (``flush_starts``), where a cell or one of the
    ``header`` row's runs of words starts."""
    rows = [r for r in body if r.toks]
    if len(rows) < 2:
        return []
    height = _height([t for r in rows for t in r.toks])
    marks = sorted([(run[0].bbox[0], 0) for r in rows for run in runs(r.toks, height)]
                   + [(x, 1) for x in titles])
    clusters: list[list[tuple[int, int]]] = []
    for x, from_header in marks:
        if clusters and x - clusters[-1][-1][0] <= ALIGN * height:
            clusters[-1].append((x, from_header))
        else:
            clusters.append([(x, from_header)])
    need = max(2, SHARED_BY * len(rows))
    edges: list[float] = []
    for k, c in enumerate(clusters):
        xs = sorted(x for x, h in c if not h)
        titled = any(h for _, h in c)
        if titled and not xs and k == 0:
            edges.append(c[0][0])  # the first title, over a column whose cells OCR lost (row numbers)
        elif len(xs) >= need or xs and titled:
            # the edge is the body's median start: a stray mark read in front of a cell moves its run's start
            edges.append(xs[len(xs) // 2])
    # (a run's start, in the body or the header row: a title read inside a run of header words is no column's
    # start, "khổ" of "Khuôn khổ")
    anchors = [x for x, from_header in marks if not from_header] + [
        run[0].bbox[0] for run in runs(list(header), _height(list(header)))]
    for flush in flush_starts(rows, height, anchors, need, titles):
        if all(abs(flush - e) > ALIGN * height for e in edges):
            edges.append(flush)
    return sorted(edges)


def flush_starts(rows: list[Row], height: float, anchors: Sequence[float], need: float,
                 titles: Sequence[float] = ()) -> list[float]:
    """Left edges of columns whose cells are written flush against the cell before them, with no blank a run
    would end at ("8584/BTTH-TL Chóe men nâu": a narrow code column, then the name): the x where a word starts on
    ``need`` rows or more, within ``FLUSH_ALIGN`` line heights of each other (a column's cells all start at its
    left edge; words inside a cell of running text start anywhere), and where one row's cell starts after a blank
    or the header row's title starts after one (``anchors``) — so a column is never made of words that only happen
    to line up ("Cao 41 cm" over "Cao 56 cm": "cm" twice at one x). A title read there with no blank before it
    (``titles``: "Ký mã hiệu Tên HV", the titles touching) will do when, on as many rows, the word before is a
    code: a code column's cell ends at its code, the next column's cell starts after it."""
    starts = sorted((t.bbox[0], n, i) for n, r in enumerate(rows) for i, t in enumerate(r.toks)
                    if _worded_tok(t) and not t.leader)
    out: list[float] = []
    k = 0
    while k < len(starts):
        end = k + 1
        while end < len(starts) and starts[end][0] - starts[k][0] <= FLUSH_ALIGN * height:
            end += 1
        xs = [x for x, _, _ in starts[k:end]]
        lined_up = {n for _, n, _ in starts[k:end]}
        near = [a for a in anchors if abs(a - xs[0]) <= FLUSH_ALIGN * height]
        after_codes = {n for _, n, i in starts[k:end] if i and is_code_word(rows[n].toks[i - 1].text)}
        titled = any(abs(a - xs[0]) <= ALIGN * height for a in titles) and len(after_codes) >= need
        if len(lined_up) >= need and (near or titled):
            out.append(xs[len(xs) // 2])
            k = end
        else:
            k += 1
    return out


def spans(edges: list[float], height: float) -> list[tuple[float, float]]:
    """x-ranges of the columns: from a little left of each edge to a little left of the next."""
    margin = 0.5 * height
    return [(0.0 if k == 0 else edges[k] - margin, edges[k + 1] - margin if k + 1 < len(edges) else 1e9)
            for k in range(len(edges))]


def column_of(tok: Tok, cols: list[tuple[float, float]]) -> int | None:
    """The column whose range the word's box overlaps most (a word wider than its column still has one)."""
    best, best_overlap = None, 0.0
    x0, x1 = tok.bbox[0], max(tok.bbox[2], tok.bbox[0] + 1)
    for k, (lo, hi) in enumerate(cols):
        overlap = min(x1, hi) - max(x0, lo)
        if overlap > best_overlap:
            best, best_overlap = k, overlap
    return best


def crosses(tok: Tok, cols: list[tuple[float, float]], k: int) -> bool:
    """The word runs well over the edge of its column ``k``: it may hold the next column's words."""
    lo, hi = cols[k]
    width = max(1, tok.bbox[2] - tok.bbox[0])
    outside = max(0, lo - tok.bbox[0]) + max(0, tok.bbox[2] - hi)
    return outside > 0.25 * width


def is_code_word(word: str) -> bool:
    """A code's word: digits and letters, the letters all capitals ("1633/BTTH-GS", "BTTH.GS.0549"), never a
    number alone ("24,5") nor a word of text."""
    w = word.strip(",.;:()")
    letters = [c for c in w if c.isalpha()]
    return any(c.isdigit() for c in w) and bool(letters) and all(c.isupper() for c in letters)


NUMBERED_LOOK = 6  # rows under a header row looked at for row numbers


def is_short_number(word: str) -> bool:
    """One to three digits alone: a register row's number (its STT column), or a code's number wrapped alone."""
    return word.isdigit() and len(word) <= 3


def numbered_rows(rows: Sequence[Row]) -> int:
    """How many of the rows open with a row number (one to three digits alone, the register's STT column):
    under a header row that starts with the index column's title, rows numbered so are the table's rows, however
    few of its other titles were read (garbled, or in words no list holds: its columns are then named by their
    cells)."""
    return sum(1 for r in rows if r.toks and is_short_number(r.toks[0].text.rstrip(".")))


def completes_number(entry: dict[int, list[Tok]], numbered: list[int], index_cols: set[int],
                     cells: dict[int, list[Tok]] | None = None) -> bool:
    """A row whose only numbers are in identifying columns (``numbered``: a code's, not the row number's) is the
    rest of the entry above when each of those cells so far holds no digit: a code wrapped in its narrow cell
    ("BTTH" / "1128/GS 24") goes on with its number on the next line, where a new entry's code is a whole one. So
    is it, in a table with a row-number column, when each of those cells of the row (``cells``) is a short number
    alone, no code of its own ("BTTH 3300/TL" / "7": a code holds its collection's letters)."""
    codes = [ci for ci in numbered if ci not in index_cols]
    if len(codes) != len(numbered) or not all(ci in entry for ci in codes):
        return False
    if all(not any(c.isdigit() for t in entry[ci] for c in t.text) for ci in codes):
        return True
    return bool(index_cols) and cells is not None and all(_short_number(cells.get(ci, [])) for ci in codes)


def misread_row_number(index_cell: list[Tok], worded: int, columns: int) -> bool:
    """A row whose number OCR read as a letter or a mark ("§" for 3, "b" for 6) starts an entry all the same:
    the index column holds one word of one or two characters and no digit (that column holds nothing but row
    numbers), and the row has words in more than half the columns (``worded`` of ``columns``), as an entry's
    first line does; a wrapped line holds the rest of one or two long cells."""
    words = [t.text for t in index_cell if not t.leader]
    return len(words) == 1 and 0 < len(words[0]) <= 2 and not any(c.isdigit() for c in words[0]) \
        and 2 * worded > columns


def _short_number(toks: list[Tok]) -> bool:
    words = [t.text.strip(".,;:") for t in toks if not t.leader]
    return len(words) == 1 and is_short_number(words[0])


def cell_shape(text: str) -> str | None:
    """What a cell says it is by its shape alone: ``index`` (a row number), ``inventory`` (letters, a
    separator, digits), ``dimensions`` (a measure word or a unit beside a number), ``dating`` (a century, a
    half or part of one, a year or a range of years) — or None."""
    # specks a noisy scan leaves in a cell ("Năm : 1932", "_—GV.5148") say nothing of its shape
    t = " ".join(w.strip("-_—–.,:;'\"“”‘’`~^ˆ") for w in text.split() if any(c.isalnum() for c in w)).strip()
    t = re.sub(r"(?<=[A-Za-zĐđ])\.\s+(?=\d)", ".", t)  # "KL. 7212": the code's dot, then a space OCR put in
    if not t:
        return None
    if is_short_number(t):
        return "index"
    if INVENTORY_SHAPE.match(t.upper() if t[:1].isupper() else t):
        return "inventory"
    f = fold(t)
    if MEASURE_SHAPE.search(f):
        return "dimensions"
    if DATING_SHAPE.search(f) or YEARS_SHAPE.match(f):
        return "dating"
    return None


def column_shape(cells: list[str]) -> str | None:
    """The shape two thirds of a column's cells share, or None (cells of one or two letters are specks a noisy
    scan left between the rows, and say nothing)."""
    shapes = [cell_shape(c) for c in cells if c.strip() and (any(ch.isdigit() for ch in c)
                                                            or sum(ch.isalpha() for ch in c) >= 3)]
    best = max(set(shapes) - {None}, key=shapes.count, default=None)
    return best if best is not None and shapes.count(best) * 3 >= 2 * len(shapes) else None


def join_code(toks: list[Tok]) -> list[Tok]:
    """An inventory number's words as one: letters, then a separator OCR read apart — a run of dots taken for a
    leader ("KL", "..", "8399."), or ending the letters ("KL.", "9764") — then digits: "KL.8399", "KL.9764"."""
    out: list[Tok] = []
    k = 0
    while k < len(toks):
        t = toks[k]
        if not out:
            out.append(t)
            k += 1
            continue
        prev = out[-1]
        letters = not prev.leader and prev.text.rstrip("./-")[-1:].isalpha()
        if letters and t.leader and k + 1 < len(toks) and toks[k + 1].text[:1].isdigit() \
                and not prev.text.endswith((".", "/", "-")):
            out[-1] = _glue(prev, toks[k + 1], ".")
            k += 2
            continue
        if letters and prev.text.endswith((".", "/", "-")) and t.text[:1].isdigit():
            out[-1] = _glue(prev, t, "")
            k += 1
            continue
        out.append(t)
        k += 1
    return out


def _glue(a: Tok, b: Tok, sep: str) -> Tok:
    text = a.text + sep + b.text.rstrip(".")
    return replace(a, text=text, key=a.key + b.key, confidence=min(a.confidence, b.confidence),
                   bbox=(a.bbox[0], min(a.bbox[1], b.bbox[1]), b.bbox[2], max(a.bbox[3], b.bbox[3])), line_end=b.line_end)


def drop_doubles(toks: list[Tok]) -> list[Tok]:
    """A word OCR read twice at one place ("G.3365 G.3365", "Bình Rình"): of words whose boxes mostly overlap,
    the better-read one is kept."""
    out: list[Tok] = []
    for t in toks:
        twin = next((i for i, u in enumerate(out) if _overlap(t, u) > 0.6), None)
        if twin is None:
            out.append(t)
        elif t.confidence > out[twin].confidence:
            out[twin] = t
    return out


def _overlap(a: Tok, b: Tok) -> float:
    """How much two words sit at one place: their horizontal overlap over the wider one's width (a word inside a
    wider box read over several words, "1834." over "1834 - 1844", is no double of it), 0 when they do not
    share most of their height."""
    w = min(a.bbox[2], b.bbox[2]) - max(a.bbox[0], b.bbox[0])
    h = min(a.bbox[3], b.bbox[3]) - max(a.bbox[1], b.bbox[1])
    if w <= 0 or h < 0.5 * min(a.bbox[3] - a.bbox[1], b.bbox[3] - b.bbox[1]):
        return 0.0
    return w / max(1, a.bbox[2] - a.bbox[0], b.bbox[2] - b.bbox[0])


def split_glued(toks: list[Tok]) -> list[Tok]:
    """Header words OCR glued across two titles that touch ("vậtTên" of "Số hiệu hiện vật" over "Tên hiện vật"):
    a capital after a small letter inside a word starts another word; the box is shared by letter count."""
    out: list[Tok] = []
    for t in toks:
        cut = next((i for i in range(1, len(t.text)) if t.text[i].isupper() and t.text[i - 1].islower()), None)
        if cut is None:
            out.append(t)
            continue
        x0, x1 = t.bbox[0], t.bbox[2]
        xm = round(x0 + (x1 - x0) * cut / len(t.text))
        a, b = t.text[:cut], t.text[cut:]
        out.append(replace(t, text=a, key=label_key(a), bbox=(x0, t.bbox[1], xm, t.bbox[3]), line_end=False))
        out.extend(split_glued([replace(t, text=b, key=label_key(b), bbox=(xm, t.bbox[1], x1, t.bbox[3]))]))
    return out


def same_band(rows: list[Row], i: int) -> int:
    """End (exclusive) of the rows from ``i`` on that sit at the same height as row ``i``: each overlaps it
    vertically by most of the lower of the two heights (titles of one header row OCR read as separate lines)."""
    top, bottom = rows[i].bbox[1], rows[i].bbox[3]
    end = i + 1
    while end < len(rows):
        b = rows[end].bbox
        overlap = min(bottom, b[3]) - max(top, b[1])
        if overlap < 0.6 * min(bottom - top, b[3] - b[1]):
            break
        end += 1
    return end


def too_narrow(tok: Tok, height: float) -> bool:
    """A word whose box is too narrow to hold its letters ("7" two pixels wide, "hết" in three): a speck of a noisy
    scan OCR read as characters (the narrowest glyph, "l" or "1", is over a tenth of the line's ``height`` wide)."""
    chars = sum(c.isalnum() for c in tok.text)
    return chars > 0 and tok.bbox[2] - tok.bbox[0] < 0.12 * height * chars


def merge_bands(rows: list[Row]) -> list[Row]:
    """Body rows OCR read as two lines at one height, whose words sit side by side (a line box that spans
    the other's words: "KL.3885 … Da … Nửa đầu thế kỷ" and "6 Tráp khảm xà cừ Cao 1200 mm" of one table
    row): one row, so its cells start one entry, not two. Rows whose words overlap are two rows (a speck of
    one letter over a word is a piece of it read twice, and no overlap). The rows keep their order; a row
    joins one of the few rows just before it."""
    out: list[Row] = []
    for r in rows:
        k = next((k for k in range(len(out) - 1, max(-1, len(out) - 4), -1)
                  if r.toks and out[k].toks and _one_band(out[k], r)
                  and not any(_overlap(a, b) > 0 for a in _worded(out[k]) for b in _worded(r))), None)
        if k is None:
            out.append(r)
        else:
            out[k] = Row(out[k].toks + r.toks, out[k].page, heading=out[k].heading, info=out[k].info)
    return out


def _worded(row: Row) -> list[Tok]:
    return [t for t in row.toks if sum(c.isalnum() for c in t.text) >= 2]


def _middle(row: Row) -> float:
    ys = sorted((t.bbox[1] + t.bbox[3]) / 2 for t in row.toks if not t.leader) or [(row.bbox[1] + row.bbox[3]) / 2]
    return ys[len(ys) // 2]


def _one_band(a: Row, b: Row) -> bool:
    """Two rows at one height: the middles of their words (the median: a tall speck moves nothing) closer than
    0.4 of the lower row's word height."""
    return abs(_middle(a) - _middle(b)) <= 0.4 * min(a.height, b.height)
