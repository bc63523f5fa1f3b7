"""Page geometry for extraction: OCR lines regrouped into visual rows of tokens.

Tesseract splits one visual line into several lines when the page has columns
(wife | husband) or wide gaps (label ........ value). Extraction wants the
visual row: lines whose vertical extents overlap and which do not overlap
horizontally are merged, then words are ordered left to right.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from ocr.result import BBox, PageText, Word

from sohoa.text import clean_spaces, fold

from .gazetteer import LEVEL_WORDS, completes_unit, ends_bare_level
from .glued_code import unglue_code
from .glued_item import unglue_item
from .glued_words import unglue_word
from .loader import OCR_LOOKALIKES, label_key
from .lone_stem import lone_stem
from .normalize import is_leader
from .table_rules import rule_columns, rule_read_as_bracket


@dataclass
class Tok:
    text: str
    key: str  # label_key(text): folded letters and digits
    confidence: float
    bbox: BBox
    page: int
    leader: bool = False
    line_end: bool = False  # last word of its OCR line: Tesseract ends lines at wide gaps
    unglued: bool = False  # cut from a word OCR glued (``glued_words``): the space was guessed, not read

    @property
    def xc(self) -> float:
        return (self.bbox[0] + self.bbox[2]) / 2

    @property
    def colon(self) -> bool:
        return self.text.rstrip().endswith(":")


@dataclass
class Row:
    toks: list[Tok]
    page: int
    bbox: BBox = (0, 0, 0, 0)
    heading: bool = False
    info: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.toks.sort(key=lambda t: t.bbox[0])
        self.bbox = union([t.bbox for t in self.toks]) if self.toks else self.bbox

    @property
    def text(self) -> str:
        return " ".join(t.text for t in self.toks)

    @property
    def height(self) -> int:
        hs = sorted(t.bbox[3] - t.bbox[1] for t in self.toks if not t.leader) or [self.bbox[3] - self.bbox[1]]
        return hs[len(hs) // 2]

    def part(self, x0: float, x1: float) -> "Row":
        return Row([t for t in self.toks if x0 <= t.xc < x1], self.page, heading=self.heading)


def union(boxes: list[BBox]) -> BBox:
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


TABLE_RULE = "|"  # a ruled table's column rule, as OCR reads it
_PIECES = re.compile(r"[.…·_]{2,}|[^.…·_:]+:?|[.…·_:]")


def split_word(w: Word) -> list[Word]:
    """``Số:.....`` -> ``Số:`` ``.....``; ``tên:Nguyễn`` -> ``tên:`` ``Nguyễn``: labels, leaders and values
    glued into one OCR word are cut apart, each piece with its share of the box."""
    text = w.text.translate(OCR_LOOKALIKES)
    if len(text) >= 2 and text[0] == TABLE_RULE and text[1].isalnum():
        # a ruled table's column rule OCR glued to the word after it ("|41%", "|Mẹ"): a stroke of its own, so the
        # label before it ends there and the value is read without it
        x0, y0, x1, y1 = w.bbox
        cut = x0 + (x1 - x0) // len(text)
        return [Word(TABLE_RULE, w.confidence, (x0, y0, cut, y1))] + split_word(Word(text[1:], w.confidence,
                                                                                     (cut, y0, x1, y1)))
    if len(text) < 2 or not (":" in text[:-1] or re.search(r"[.…·_]{2}", text)):
        return [Word(text, w.confidence, w.bbox)]
    pieces = []
    for m in _PIECES.finditer(text):
        piece = m.group(0)
        if pieces and piece in ".:" and len(piece) == 1 and not re.fullmatch(r"[.…·_]+", pieces[-1][0]):
            pieces[-1] = (pieces[-1][0] + piece, pieces[-1][1], m.end())
        else:
            pieces.append((piece, m.start(), m.end()))
    x0, y0, x1, y1 = w.bbox
    per = (x1 - x0) / max(1, len(text))
    return [Word(p, w.confidence, (int(x0 + a * per), y0, int(x0 + b * per), y1)) for p, a, b in pieces if p.strip()]


def build_rows(page: PageText) -> list[Row]:
    """Visual rows of the page, top to bottom, each with its tokens left to right."""
    lines = sorted((ln for ln in page.lines if ln.words), key=lambda ln: (ln.bbox[1] + ln.bbox[3]) / 2)
    groups: list[list] = []  # [bbox, [lines]]
    for ln in lines:
        x0, y0, x1, y1 = ln.bbox
        h = y1 - y0
        best = None
        for g in groups[-6:]:
            placed = g[1]
            if any(_overlap(x0, x1, p.bbox[0], p.bbox[2]) > 0 for p in placed):
                continue
            # compare with the horizontally nearest line already in the row (tolerates slight skew)
            near = min(placed, key=lambda p: min(abs(p.bbox[2] - x0), abs(x1 - p.bbox[0])))
            ov = _overlap(y0, y1, near.bbox[1], near.bbox[3])
            if ov >= 0.5 * min(h, near.bbox[3] - near.bbox[1]):
                best = g
        if best is None:
            groups.append([ln.bbox, [ln]])
        else:
            best[1].append(ln)
    rows = []
    for _, group in groups:
        toks = []
        for ln in group:
            added = 0  # tokens the previous word of the line gave
            band = _text_band(ln.words)
            for k, word in enumerate(ln.words):
                if band is not None and _off_line(word, band):
                    added = 0  # dropped: the next word is no second reading of a kept one
                    continue
                if k and added and _read_twice(ln.words[k - 1], word):
                    if added == 1 and word.confidence > toks[-1].confidence:
                        # the second look read the same ink better ("bính" / "binh", "tinh" / "tỉnh")
                        toks[-1] = Tok(word.text, label_key(word.text), word.confidence, word.bbox, page.page,
                                       is_leader(word.text), False)
                    toks[-1].line_end = k == len(ln.words) - 1
                    continue
                parts = [(g, len(cut) > 1) for item in unglue_item(word, k == 0) for piece in split_word(item)
                         for w in unglue_code(piece) for cut in (unglue_word(w),) for g in cut]
                added = len(parts)
                for j, (w, unglued) in enumerate(parts):
                    toks.append(Tok(w.text, label_key(w.text), w.confidence, w.bbox, page.page, is_leader(w.text),
                                    k == len(ln.words) - 1 and j == len(parts) - 1, unglued))
        row = Row(toks, page.page)
        mark_item_numbers(row)  # "1.", "a)", "II." before a label: the item's number, no label or value
        rows.append(row)
    rows.sort(key=lambda r: (r.bbox[1] + r.bbox[3]) / 2)
    return _stems_read_as_one(_rules_read_as_brackets(rows))


def _stems_read_as_one(rows: list[Row]) -> list[Row]:
    """A ``|`` alone in a value's place is a faded ``1`` (``lone_stem``): a word, no leader."""
    columns = rule_columns([t.bbox[0] for r in rows for t in r.toks if t.text == TABLE_RULE])
    for row in rows:
        if row.toks and lone_stem([t.text for t in row.toks], [t.bbox for t in row.toks], columns):
            row.toks[-1].leader = False
    return rows


def _rules_read_as_brackets(rows: list[Row]) -> list[Row]:
    """A ruled line OCR read as ``[`` where the page's other rows read it as ``|`` (``table_rules``) is cut from
    the word it was glued to and made the rule it is, so the label after it starts its row."""
    columns = rule_columns([t.bbox[0] for r in rows for t in r.toks if t.text == TABLE_RULE])
    if not columns:
        return rows
    for row in rows:
        toks: list[Tok] = []
        for t in row.toks:
            if not rule_read_as_bracket(t.text, t.bbox[0], columns):
                toks.append(t)
                continue
            x0, y0, x1, y1 = t.bbox
            rest = t.text[1:]
            cut = x0 + (x1 - x0) // len(t.text)
            toks.append(Tok(TABLE_RULE, label_key(TABLE_RULE), t.confidence, (x0, y0, cut, y1), t.page, True,
                            t.line_end and not rest))
            if rest:
                toks.append(Tok(rest, label_key(rest), t.confidence, (cut, y0, x1, y1), t.page, is_leader(rest),
                                t.line_end, t.unglued))
        row.toks = toks
    return rows


OFF_LINE_SHARE = 0.3  # of a word's height inside its line's text band: less, and it is no word of the line
OFF_LINE_LETTERS = 3  # a speck read as letters is short; a longer word off the band is a word of another line


def _text_band(words: list[Word]) -> tuple[float, float] | None:
    """The line's text band: around the median centre of its words of two letters or more, the median
    height (None with fewer than three such words: too few to say where the line runs)."""
    boxes = [w.bbox for w in words if sum(c.isalnum() for c in w.text) >= 2]
    if len(boxes) < 3:
        return None
    centres = sorted((b[1] + b[3]) / 2 for b in boxes)
    heights = sorted(b[3] - b[1] for b in boxes)
    centre, height = centres[len(centres) // 2], heights[len(heights) // 2]
    return centre - height / 2, centre + height / 2


def _off_line(word: Word, band: tuple[float, float]) -> bool:
    """A short word that lies mostly above or below its line's text band ("VN" under "Năm" where a table's
    rule runs): a speck or a stroke of the ruling read as letters, no word of the text. Written words sit on
    the line, marks and descenders included."""
    letters = sum(c.isalnum() for c in word.text)
    if not 0 < letters <= OFF_LINE_LETTERS:
        return False
    height = max(1, word.bbox[3] - word.bbox[1])
    inside = _overlap(int(band[0]), int(band[1]), word.bbox[1], word.bbox[3])
    return inside < OFF_LINE_SHARE * min(height, band[1] - band[0])


READ_TWICE_SHARE = 0.5  # of the narrower box: two readings of one word cover the same ink, not a sliver of it


def _read_twice(before: Word, word: Word) -> bool:
    """The same text in two boxes that overlap is one word read twice (a second look at the ink found a word
    the first pass had already read: "Y Y tá"); two words written side by side never share ink. On a degraded
    page the two looks may differ in the marks or a stop ("Quảng" / "Quang", "bính" / "binh", "huyện." /
    "huyện"): the same letters over most of the same ink are still one word."""
    shared = _overlap(before.bbox[0], before.bbox[2], word.bbox[0], word.bbox[2])
    if shared <= 0:
        return False
    if word.text == before.text:
        return True
    narrower = min(before.bbox[2] - before.bbox[0], word.bbox[2] - word.bbox[0])
    key = label_key(word.text)
    return bool(key) and key == label_key(before.text) and shared >= READ_TWICE_SHARE * max(1, narrower)


# an item's enumerator as Vietnamese forms write it: a number, a letter or a roman numeral closed by a dot, a
# bracket or a slash ("1.", "a)", "2/", "II/"), or a number in brackets ("(3)")
_ITEM_NUMBER = re.compile(r"^(?:\d{1,2}|[a-zđ]|[IVX]{1,4})[.)/]$|^\(\d{1,2}\)$")


def is_item_number(text: str) -> bool:
    """The number of a numbered item ("1.", "12)", "a)", "IV.", "(3)", "4/") that starts a row."""
    return bool(_ITEM_NUMBER.match(text.strip()))


def opens_item_column(text: str) -> bool:
    """An item's number that may open a second column of items on a row: a number, or any enumerator closed by a
    bracket ("(2)", "2/", "3.", "b)"). A letter or a roman numeral closed by a dot or a slash ("A.", "V.", "X/") is
    also how a name's initial or an abbreviation is written, so inside a row it is read as written."""
    t = text.strip()
    return is_item_number(t) and (any(c.isdigit() for c in t) or t.endswith(")"))


def mark_item_numbers(row: Row) -> None:
    """Mark a row's item numbers as no label's or value's words: the first word's, and one that opens a second
    column of items (``opens_item_column``) after a cell's blank ("(1) Số: 12      (2) Quyển số: 03"), a word
    after it. Left unmarked, the second is read as the end of the value before it ("12 (2)")."""
    toks, h = row.toks, max(row.height, 10)
    for k, t in enumerate(toks[:-1]):
        if k == 0 and is_item_number(t.text) or k > 0 and opens_item_column(t.text) \
                and gap_before(toks, k) >= CELL_GAP * h and toks[k + 1].text[:1].isalpha():
            t.leader = True


def after_leaders(toks: list[Tok]) -> list[Tok]:
    """The row's tokens from its first word on, past the leaders that open it: a table's border read as "|", a
    speck, an item's number before its label (``mark_item_numbers``). None of them is a word of the label, so where
    the label ends and the value starts is read without them ("3. Xxx yyy 27" is the label "Xxx yyy" and the value
    "27", as "Xxx yyy 27" is)."""
    k = 0
    while k < len(toks) and toks[k].leader:
        k += 1
    return toks[k:]


# --- the size words are printed in ----------------------------------------------------------------

SMALL_PRINT = 0.85  # a label printed smaller than the values: its words at most this share of their height


def words_height(toks: list[Tok]) -> float:
    """The median height of the words (leaders left out): the size they are printed in."""
    hs = sorted(t.bbox[3] - t.bbox[1] for t in toks if not t.leader) or [0]
    return hs[len(hs) // 2]


def printed_smaller(small: list[Tok], large: list[Tok]) -> bool:
    """The first words are printed in a smaller type than the second: a form's printed label (small print in a
    cell's corner) over the value written in its cell. Words of one type never differ that much."""
    a, b = words_height(small), words_height(large)
    return 0 < a <= SMALL_PRINT * b


# --- page furniture -------------------------------------------------------------------------------

FURNITURE_FILE = Path(__file__).with_name("data") / "page_furniture.txt"
FURNITURE_EDGE = 0.12  # a bare page number counts only this close to the top or bottom of the page


FURNITURE_PHRASE_MIN = 0.8  # letter similarity of a row to a furniture phrase


@lru_cache(maxsize=1)
def _furniture() -> tuple[tuple[re.Pattern, ...], tuple[str, ...]]:
    lines = [ln.strip() for ln in FURNITURE_FILE.read_text(encoding="utf-8").splitlines()]
    lines = [ln for ln in lines if ln and not ln.startswith("#")]
    patterns = tuple(re.compile(ln) for ln in lines if not ln.startswith("~ "))
    phrases = tuple("".join(c for c in ln[2:] if c.isalnum()) for ln in lines if ln.startswith("~ "))
    return patterns, phrases


def _furniture_text(toks: list[Tok]) -> str:
    return " ".join(fold(t.text) for t in toks if not t.leader or t.text in "-–").strip(" .,;:")


def is_furniture(toks: list[Tok], page_height: int | None = None, inside: bool = False) -> bool:
    """Text printed on every page that is no field's ("Trang 2/3", "- 2 -", the national motto). ``inside``: the
    row has the page's text both above and below it (``_inside_text``), where a bare number is no page number."""
    text = _furniture_text(toks)
    if not text:
        return False
    patterns, phrases = _furniture()
    letters = "".join(c for c in text if c.isalnum())
    if any(Levenshtein.normalized_similarity(letters, ph) >= FURNITURE_PHRASE_MIN for ph in phrases):
        return True
    for k, pat in enumerate(patterns):
        if pat.search(text):
            if k == 1 and page_height:  # a bare number: only as a page number at the top or bottom
                y = (toks[0].bbox[1] + toks[-1].bbox[3]) / 2
                return not inside and (y < FURNITURE_EDGE * page_height or y > (1 - FURNITURE_EDGE) * page_height)
            return k != 1
    return False


def _page_text(row: Row) -> bool:
    """A row of the page's own text: no heading, no furniture (a bare number counts as text here: it is
    furniture only by where it stands)."""
    return bool(row.toks) and not row.heading and not is_furniture(row.toks)


def _inside_text(row: Row, text_rows: list[Row]) -> bool:
    """The page's text (``text_rows``) lies both above and below the row. A page number is printed apart from
    the text, above its first row or under its last; a bare number with a label's row above it and the next
    pair under it is a value written on the line under its label ("Số:" / "35"), however near the page's top
    it stands."""
    top, bottom = row.bbox[1], row.bbox[3]
    return any(r.bbox[3] <= top for r in text_rows if r is not row) \
        and any(r.bbox[1] >= bottom for r in text_rows if r is not row)


def drop_furniture(rows: list[Row], page_height: int | None = None) -> list[Row]:
    """Rows without page furniture: whole furniture rows go, and so do furniture words ending a row
    ("Ủy ban nhân dân xã Đình Bảng   Trang 2/3") — they never join a value."""
    out, text_rows = [], [r for r in rows if _page_text(r)]
    for r in rows:
        if r.heading:
            out.append(r)
            continue
        if is_furniture(r.toks, page_height, _inside_text(r, text_rows)):
            continue
        toks = r.toks
        for n in (2, 3):
            if len(toks) > n and is_furniture(toks[-n:]) and not toks[-n - 1].colon:
                r = Row(toks[:-n], r.page, heading=r.heading, info=r.info)
                break
        out.append(r)
    return out


# --- columns of label:value pairs -----------------------------------------------------------------

WRAP_MAX_ROWS = 3  # rows a place or text value may wrap onto, a narrow column's address
EMPTY_LABEL_REACH = 2.5  # line heights between a label with nothing after it and its value on a row below
COLUMN_GAP = 1.5  # line heights of blank before a word that starts a column (words of a phrase sit ~0.3 apart)
COLUMN_SLACK = 1.5  # line heights two rows' column starts may differ by (a scan's skew, a stray speck)
COLUMN_ROWS = 2  # rows that must start a pair at one x for it to be a column of the page
COLUMN_TIGHT = 0.5  # line heights a pair after a narrow blank may start off its column's x (a scan's skew only)
LABEL_END_WORDS = 8  # words a label may hold before its colon or dash


def _ends_label(t: Tok) -> bool:
    """A word that ends a label: a colon, a dash ("SỐ--", "TÍNH: -") or a dotted leader."""
    return t.leader or t.text.rstrip().endswith((":", "-", "–", "—"))


def label_end(toks: list[Tok]) -> int | None:
    """The word that ends the label a row starts with — one to a few words ended by a colon, a dash or a leader
    (a ruled cell's border read as "|" is one) — when a value follows it; else None."""
    words = 0
    for k, t in enumerate(toks):
        if words == 0 and t.leader:
            continue  # (a speck, a quote mark or the table's left border before the label: "' NĂM SINH …:")
        if _ends_label(t):
            label = [w for w in toks[:k + 1] if not w.leader and any(c.isalpha() for c in w.text)]
            value = any(not w.leader and any(c.isalnum() for c in w.text) for w in toks[k + 1:])
            return k if label and value else None
        words += 1
        if words > LABEL_END_WORDS:
            break
    return None


def opens_pair(toks: list[Tok]) -> bool:
    """Words that start with a label — one to a few words ended by a colon, a dash or a leader — and have a
    value after it."""
    return label_end(toks) is not None


def block_cut(row: Row, x: float) -> float:
    """Where a row of a two-column block is parted into its columns, the right column starting at ``x``: at
    ``x``, unless a value runs across it, the row's words all spaced as a phrase's (no blank of ``COLUMN_GAP``
    line heights anywhere: a caption of each column, or a pair of each, leave one between them) and the right part
    opening no pair of its own ("…, huyện Xxx, tỉnh | Yyy Zzz" in a full-width row under the block): then the row
    is one value, whole in the column where it starts."""
    toks = row.toks
    k = next((i for i, t in enumerate(toks) if t.xc >= x), None)
    if not k or opens_pair(toks[k:]) \
            or any(gap_before(toks, i) >= COLUMN_GAP * max(row.height, 1) for i in range(1, len(toks))):
        return x
    return float("inf")


def gap_before(toks: list[Tok], k: int) -> float:
    """The blank between word ``k`` of a row and the word before it, in pixels."""
    return toks[k].bbox[0] - toks[k - 1].bbox[2]


def column_starts(rows: list[Row], opens: Callable[[list[Tok]], bool] = opens_pair) -> list[float]:
    """Where the page's second (third …) column of "label: value" pairs starts: the x at which, after a wide
    blank, a pair begins on a row that already holds a pair to its left, shared by at least two rows. Columns
    repeat down a page, so a value stops where the next column starts on its row whatever its words, and its
    wrapped line is looked for under it, in its own column (docs/extraction.md, step 5). A table's or a grid's
    value column is none: the words left of it are a label alone, no pair. ``opens``: whether words start with a
    pair (by default a label ended by its colon, dash or leader; the reader also knows labels by their words)."""
    starts: list[tuple[float, float]] = []  # (x, the row's line height)
    for r in rows:
        if r.heading or len(r.toks) < 4:
            continue
        h = max(r.height, 1)
        lo = 0  # where the row's last pair began: a column starts only after a whole pair
        for k in range(2, len(r.toks)):
            if gap_before(r.toks, k) >= COLUMN_GAP * h and not _ends_label(r.toks[k - 1]) \
                    and opens(r.toks[lo:k]) and opens(r.toks[k:]):
                starts.append((r.toks[k].bbox[0], h))
                lo = k
    starts.sort()
    columns: list[float] = []
    group: list[tuple[float, float]] = []
    for x, h in starts + [(float("inf"), 0)]:
        if group and x - group[0][0] > COLUMN_SLACK * group[0][1]:
            if len(group) >= COLUMN_ROWS:
                columns.append(min(g[0] for g in group))
            group = []
        group.append((x, h))
    return columns


_LEVEL_LAST = frozenset(w.split()[-1] for w in LEVEL_WORDS)  # "huyện", "xã", "trấn" of "thị trấn" …


def splits_unit(left: list[Tok], right: list[Tok]) -> bool:
    """Would a cut between these words split one place's name: the left ends with a level word and no name
    ("xã Hạp Lĩnh, huyện |"), or with a name the right's first words complete ("tỉnh Bắc | Giang")?"""
    words = [t for t in left if not t.leader]
    if not words:
        return False
    # (compared as written: "Tĩnh" ending "tỉnh Hà | Tĩnh" is a name, not the level word "tỉnh")
    last = unicodedata.normalize("NFC", words[-1].text.strip(",.;:"))
    ends_level = last in _LEVEL_LAST or fold(last) == last and last in {fold(w) for w in _LEVEL_LAST}
    text, rest = " ".join(t.text for t in words), [t.text for t in right if not t.leader][:3]
    if ends_level and ends_bare_level(text):
        # a province's or district's level word: the gazetteer knows all their names, so only one of them goes on
        # across the blank ("…, tỉnh | Tuyên Quang"), not a column's words ("…, tỉnh | Tường Nguyệt")
        return completes_unit(text, rest) > 0
    return ends_level or completes_unit(text, rest) > 0


def split_at_columns(rows: list[Row], columns: list[float],
                     opens: Callable[[list[Tok]], bool] = opens_pair) -> list[list[tuple[int, Row]]]:
    """Each row cut where it has a wide blank right before one of the page's column starts: its parts
    (column, part) left to right. A row is cut there when the part from the column on opens a pair of its own,
    or starts with a capital, beside a pair on its left; or when that column was in use on the row above (its
    value wraps there, at the column's start or indented under its value, or the value of a label alone is
    below) and the cut splits no place's name. Otherwise the row stays whole, in the
    column where it begins: a value that runs across the blank ("xã Hạp Lĩnh, huyện      Thuận Thành"), a label
    spaced out to its colon ("NGÀY THÁNG NĂM SINH NGƯỜI ĐƯỢC KHAI      SINH:")."""
    out: list[list[tuple[int, Row]]] = []
    active: set[int] = set()  # columns right of the first in which a part of the row above starts
    for row in rows:
        h = max(row.height, 1)
        cuts, lo = [], 0
        for x in columns:
            for k in range(lo + 1, len(row.toks)):  # (a part of one word at least)
                t, before = row.toks[k], row.toks[k - 1]
                if before.bbox[2] >= x or t.bbox[0] < x - COLUMN_SLACK * h:
                    continue  # the first word at the column or past it, the word before it left of the column
                left, right = row.toks[lo:k], row.toks[k:]
                if _ends_label(before):
                    break  # (never between a label and its value: "Quốc tịch hiện nay:      Việt Nam")
                if gap_before(row.toks, k) < COLUMN_GAP * h:
                    # a value that fills its half of the page leaves a blank no wider than a word's: two pairs still
                    # meet at the column when the second starts right at it
                    if abs(t.bbox[0] - x) <= COLUMN_TIGHT * h and opens(left) and opens(right) \
                            and not splits_unit(left, right):
                        cuts.append(k)
                        lo = k
                    break
                col = column_of_x(x, columns, h)
                at_start = t.bbox[0] - x <= COLUMN_SLACK * h
                if at_start and opens(left) and (opens(right) or right[0].text[:1].isupper()
                                                 and not splits_unit(left, right)) \
                        or col in active and not splits_unit(left, right):
                    cuts.append(k)
                    lo = k
                break
        parts, lo = [], 0
        for k in cuts + [len(row.toks)]:
            part = Row(row.toks[lo:k], row.page, heading=row.heading, info=row.info)
            parts.append((column_of_x(part.toks[0].bbox[0], columns, h), part))
            lo = k
        out.append(parts)
        active = {col for col, _ in parts if col}
    return out


def column_of_x(x: float, columns: list[float], height: float) -> int:
    """The column a word starting at x is in (0 left of the first column start)."""
    return sum(x >= c - COLUMN_SLACK * height for c in columns)


# --- ruled cells: a row of labels over the rows of their values ------------------------------------

CELL_GAP = 1.0  # line heights of blank, at least, between the labels of two cells on one row
CELL_GAP_WORDS = 2.0  # … and at least this many times the row's usual blank between words (a monospaced face)


def usual_gap(toks: list[Tok]) -> float:
    """The row's usual blank between words: the median of its blanks, the lower of the two middle ones (three
    words with a cell's border between two of them, "PHỤ THÂN      MÁ", have one blank of each: the blank between
    words is the smaller)."""
    gaps = sorted(gap_before(toks, k) for k in range(1, len(toks)))
    return gaps[(len(gaps) - 1) // 2] if gaps else 0


def cut_at_gaps(toks: list[Tok], height: float, usual: float | None = None) -> list[list[Tok]]:
    """A row's words in runs, cut at the blanks wider than a cell's border leaves between two labels: at least
    ``CELL_GAP`` line heights and twice the row's usual blank between words (a monospaced face spaces its words
    almost a line height apart); ``usual``: that blank measured on the whole row, when the words are a part."""
    usual = usual_gap(toks) if usual is None else usual
    runs: list[list[Tok]] = []
    for k, t in enumerate(toks):
        if k and gap_before(toks, k) >= max(CELL_GAP * height, CELL_GAP_WORDS * usual):
            runs.append([t])
        elif runs:
            runs[-1].append(t)
        else:
            runs.append([t])
    return runs


def first_wide_gap(toks: list[Tok], height: float, usual: float) -> int | None:
    """Where the first blank as wide as a cell's border leaves (``cut_at_gaps``) is among the words, with the
    row's usual blank: the index of the word after it, None when the words run on with none."""
    runs = cut_at_gaps(toks, height, usual)
    return len(runs[0]) if len(runs) > 1 else None


def cell_of_x(x: float, starts: list[float], slack: float) -> int:
    """The cell a word starting at x is in, given where each cell's label starts, left to right: the last cell
    whose label starts left of the word (a value is written under its label, indented a little or not at all);
    a word left of the first label is the first cell's."""
    return max(0, sum(x >= s - slack for s in starts) - 1)


def text_of(toks: list[Tok]) -> str:
    """The words of a run of tokens as one string, leaders left out."""
    return clean_spaces(" ".join(t.text for t in toks if not t.leader))


def case_turns(before: str, word: str) -> bool:
    """``word`` starts where a label's case gives way to a value's: a capital after a word in lower case ("tộc
    Kinh"), or a word in title case after a word in capitals ("TỘC Kinh", "ĐỦ Trần": a label printed in capitals,
    its value as written). A word in capitals after one in capitals is the label's own ("HỌ TÊN")."""
    letters = [c for c in word if c.isalpha()]
    prev = [c for c in before if c.isalpha()]
    if not letters or not prev or not letters[0].isupper():
        return False
    if prev[0].islower():
        return True
    return len(prev) >= 2 and all(c.isupper() for c in prev) and len(letters) >= 2 and letters[1].islower()
