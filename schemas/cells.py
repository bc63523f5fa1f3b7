"""Ruled cells: a small label in each cell's top-left corner and the value written below it inside the cell,
two or more cells on a row (docs/extraction.md, step 5).

Pure functions over a page's rows: ``cell_block`` finds a row of cells' labels and takes, for each cell, the
rows below whose words start under its label; ``schemas/reader.py`` then reads each cell as a label and its
value. A row is a row of cells only when most of its runs name a field, or its print or the values under it say
so, and no run is already the value of the label before it (a label/value grid's row is no row of cells).
"""

from __future__ import annotations

from dataclasses import replace
from typing import NamedTuple

from sohoa.text import fold

from .assign import looks_like_name, names_a_relation
from .bracket_notes import outside_notes
from .gazetteer import completes_unit
from .labels import OBJECT_MARKERS, meaning, value_kind
from .layout import (EMPTY_LABEL_REACH, SMALL_PRINT, Row, Tok, WRAP_MAX_ROWS, cell_of_x, cut_at_gaps, first_wide_gap,
                     printed_smaller, splits_unit, text_of, usual_gap, words_height)
from .loader import Schema
from .matching import UNMAPPED, _in_vocabulary, find_labels
from .normalize import normalise
from .phrase_at_place import phrase_at_place
from .cell_wrap import wraps_values
from .value_start import label_word_tok

CELL_LABEL_WORDS = 12  # words a ruled cell's label may hold
CELL_WRAPPED_LABEL_WORDS = 16  # … when it wraps inside its cell over two lines or three (a table's header cell: "Họ
# tên đệm và tên của người yêu cầu đăng ký" / "khai sinh"), where a narrow column makes a long title wrap
CELL_OTHER_WORDS = 3  # words of a cell's label before or after the wording read in it
CELL_SLACK = 0.6  # line heights a cell's value may start left of its label (a skewed scan, a wide first letter)
CELL_INDENT = 3.0  # line heights a cell's value may start right of its label
CENTRE_SLACK = 1.0  # line heights a centred value's middle may lie off its centred label's middle
WRAPPED_LABEL_GAP = 0.8  # line heights of blank, at most, between a label's two lines (more: the row of values)
WRAPPED_LABEL_HEIGHT = 1.35  # a label's next line is printed as its first: the line's words, by their median
# height, at most this share taller than the first line's (by the median: one word's box blown up by a speck on a
# noisy scan is no larger print; a word's marks and descender make it a little taller: "chồng")
CELL_VALUE_ROWS = WRAP_MAX_ROWS + 1  # rows a cell's value may take below its label
LABEL_REST_WORDS = 6  # words of a label past the wording read in it, before the blank to its value
ROW_TOUCH = 0.25  # line heights two rows' boxes may overlap by and still be one row under the other
CELL_LABEL = "cell_label"  # Row.info key: the row is a ruled cell's label, its value is below it


class CellBlock(NamedTuple):
    """A row of ruled cells' labels and the rows of their values below (docs/extraction.md, step 5): per cell,
    its label's words, then the words of each row below between its label's x and the next label's."""
    cells: list[list[Row]]
    edges: list[float]  # each cell's right edge: where the next cell's label starts; the text's margin for the last


def is_cell_label(row: Row) -> bool:
    """The row is a ruled cell's label (``cell_block``): all its words are the label's, its value is below."""
    return bool(row.info.get(CELL_LABEL))


def label_only(schema: Schema, row: Row, start: int, end: int, after: list[Tok]) -> bool:
    """The words after the label read at ``start:end`` on a cell's label row are the label's too (its note, its
    last words: "Quê quán (gốc) người …"), not its value, which is written below — unless they are, by their
    shape, a value of the field it names."""
    return is_cell_label(row) and not value_beside(schema, row.toks[start:end], after)


def _goes_on_as_label(words: list[Tok], first: Tok) -> bool:
    """Words written as a label goes on after its first word: no comma, no digit, in lower case (in capitals
    after a label in capitals); a value's words start with capitals or hold commas ("Bệnh viện huyện, tỉnh …")."""
    caps = first.text.isupper()
    return all("," not in w.text and not any(c.isdigit() for c in w.text)
               and (w.text.isupper() if caps else not w.text[:1].isupper()) for w in words)


def join_run_ons(runs: list[list[Tok]]) -> list[list[Tok]]:
    """Runs of a row cut at its wide blanks, each run that opens with "của" or "với" joined to the run before it
    when that run opens with a capital, as a caption does, and no colon ends it: those words tie a caption's head
    to the person it asks about and never open a caption, so after a wide blank they go on the caption before them
    ("NS      của người …": an abbreviation set wide, or OCR's box of a word drawn short). A run in lower case
    after another is no such head: a line of the captions' wrapped ends, each under its own caption."""
    out: list[list[Tok]] = []
    opens: list[bool] = []  # whether each run of ``out`` opens as a caption does, with a capital
    for run in runs:
        first = next((t.text for t in run if not t.leader), "")
        ties = fold(first.strip(",.;:")) in OBJECT_MARKERS and first[:1].islower()
        if out and ties and opens[-1] and not out[-1][-1].colon and not out[-1][-1].leader:
            out[-1] = out[-1] + run
        else:
            out.append(list(run))
            opens.append(first.lstrip("\"'“‘(")[:1].isupper())
    return out


def _bordered(run: list[Tok]) -> list[Tok]:
    """A ruled cell's label as read: the cell's border ends it as a colon would, so its words are read whole
    for their meaning even when no wording of the type holds them ("Năm sinh (dương lịch) người mẹ")."""
    last = run[-1]
    return run if last.colon or last.leader else run[:-1] + [replace(last, text=last.text + ":")]


def cell_labels(schema: Schema, row: Row, below: Row | None = None,
                runs: list[list[Tok]] | None = None) -> list[list[Tok]] | None:
    """A row of two or more ruled cells' labels, no value beside them: the row cut at its wide blanks, every run
    label words alone (no digit, no colon before its last word), each read as a label — or, when two of them
    name a field and the row is printed smaller than the row under it (``below``), whose words start under its
    first label, label words by their print whatever the others say (a wording no list holds); or, when one names
    a field, the row close under holds a value under each of them, in its field's shape under that one
    (``_values_under``); or, when most of them name a field, the row close under holds a value under each and
    one of them is of its field's shape (a table's header row with a label no list holds). A run that reads as
    the value of the label before it ends the row's reading unless every run is a label over a value of its
    shape (``_each_over_its_value``). ``runs``: the labels already cut, each over two lines or three
    (``wrapped_labels``), ``row`` then their last line."""
    if runs is None and (row.heading or len(row.toks) < 2):
        return None
    most = CELL_LABEL_WORDS if runs is None else CELL_WRAPPED_LABEL_WORDS
    if runs is None:
        runs = join_run_ons([part for run in cut_at_gaps(row.toks, max(row.height, 1))
                             for part in _cut_at_strokes(run)])
    if len(runs) < 2:
        return None
    for run in runs:
        words = [t for t in run if not t.leader]
        # (a colon OCR read as a word of its own, "khai : Xxx Yyy", is a leader's mark but still the print's colon:
        # words after it are the label's value on its row, so a colon before the last word ends the reading)
        if not words or len(words) > most or _holds_digit(words) \
                or any(t.colon for t in run[:run.index(words[-1])]) or _holds_clauses(words):
            return None
    if any(a[-1].colon and not b[-1].colon for a, b in zip(runs, runs[1:])):
        return None  # a printed colon and words after it that end with none: a label and its value
    if any(_holds_its_value(schema, run) for run in runs):
        return None  # a label and its value with no blank between ("Quốc tịch Việt Nam"): no cell's label
    runs = [_bordered(run) for run in runs]
    read = [label_alone(schema, run, listed=True) for run in runs]
    if any(value_beside(schema, a, b) for a, b in zip(runs, runs[1:])) \
            and not _each_over_its_value(schema, row, runs, read, below):
        return None  # a label and its value on one row ("Thời đại   Nửa đầu thế kỷ XV"): a table's row
    known = sum(r == "field" for r in read)
    # (most of them name a field: a label/value grid's value, read as words ending at a border, lists as a
    # label nobody expected, so one label beside such words is a grid's row, not two cells')
    if all(read) and 2 * known > len(runs):
        return runs
    # (most of them name a field, the row close under holds a value under each and nothing else, and one value at
    # least has its field's shape: a table's header row whose other labels no list holds, "Xxx yyy | Họ tên người
    # khai | Quan hệ": a label/value grid's row is never mostly labels)
    if 2 * known > len(runs) and below is not None and (parts := _one_under_each(schema, row, runs, below)) \
            and any(_value_of(schema, runs[k], parts[k]) for k, r in enumerate(read) if r == "field"):
        return runs
    # (two runs at least name a field: a label/value grid's row holds one label, whatever its print)
    if known >= 2 and below is not None and _labels_by_print(row, runs, below):
        return runs
    # (the row is printed smaller than the row close under, which holds one value under each run and nothing else,
    # of its field's shape under a run that names one: captions over their values, the other captions' words OCR
    # bent or no list holds, "Xxx yyy | Số bằng Tổ quốc" over a place and a code; each caption takes the value under
    # it. A grid's row, one label and its value beside it, has the next label under it, no value of its shape)
    if known and below is not None and _labels_by_print(row, runs, below) \
            and (parts := _values_alone_under(schema, row, runs, below)) is not None \
            and any(_value_of(schema, runs[k], parts[k]) for k, r in enumerate(read) if r == "field"):
        return runs
    # (a person named alone, "CHA", "MẪU THÂN", names a field only by what is under it: a person's name)
    persons = sum(person_alone(schema, run) for run in runs)
    return runs if (known or persons) and below is not None and _values_under(schema, row, runs, below) else None


def _each_over_its_value(schema: Schema, row: Row, runs: list[list[Tok]], read: list[str | None],
                         below: Row | None) -> bool:
    """Every run reads as a label, and the row close under holds a value under each run and nothing else, a value
    of its field's shape under each run that names a field with a shape (one at least; free text has none):
    labels over their values, whatever a run would read as beside the run before it ("HỌ VÀ TÊN NGƯỜI CHẾT
    LÝ DO CHẾT" over a name and a cause: "LÝ DO CHẾT" in capitals reads as a name beside a name's label). Words
    beside a label are its value on a table's row, where the row under holds the next label, never a value under
    each of them."""
    if below is None or not all(read) or "field" not in read:
        return False
    parts = _one_under_each(schema, row, runs, below)
    if parts is None:
        return False
    shaped = [k for k, r in enumerate(read) if r == "field" and not _free_text(schema, runs[k])]
    return bool(shaped) and all(_value_of(schema, runs[k], parts[k]) for k in shaped)


def _free_text(schema: Schema, label: list[Tok]) -> bool:
    """The label names a field of free text, no closed list of words ("Nguyên nhân chết"): its value has no
    shape of its own to confirm it by."""
    found = [m for m in find_labels(label, schema, None) if m.spec is not UNMAPPED]
    return bool(found) and found[0].spec.kind == "text" and not found[0].spec.vocabulary


def person_alone(schema: Schema, run: list[Tok]) -> bool:
    """Words that name a person and nothing else ("PHỤ THÂN", "Bà mẹ"), read as that person's name's label: over
    a name in a row of cells, the label of a relative's or a parent's name, not a heading (a heading names a block
    of pairs under it, never one name in its own cell)."""
    words = [t for t in run if not t.leader]
    found = find_labels(run, schema, None) if words and not any(c.isdigit() for t in words for c in t.text) else []
    return len(found) == 1 and found[0].spec is not UNMAPPED and found[0].label.role_only \
        and found[0].spec.kind == "name" and sum(not t.leader for t in run[found[0].end:]) == 0 \
        and sum(not t.leader for t in run[:found[0].start]) == 0


BORDER_STROKES = frozenset("-–—|_")  # a cell's ruled border, read by OCR as a word of its own (a rule's foot
# thickened by the scan reads as "_")


def _cut_at_strokes(run: list[Tok]) -> list[list[Tok]]:
    """A run of words cut where a stroke standing alone as a word lies between two runs of words, the second
    capitalised ("Xxx yyy zzz - Www vvv"): the ruled border between two cells' labels, read as a dash, where the
    blank either side of it is too narrow to cut at. The stroke belongs to neither label. Whether the parts are
    cells' labels is then asked of them as of any run (``cell_labels``)."""
    parts: list[list[Tok]] = [[]]
    for k, t in enumerate(run):
        after = run[k + 1].text.lstrip("\"'“‘(") if k + 1 < len(run) else ""
        if t.text and set(t.text) <= BORDER_STROKES and parts[-1] and after[:1].isupper():
            parts.append([])
            continue
        parts[-1].append(t)
    return [p for p in parts if p]


def _holds_its_value(schema: Schema, run: list[Tok]) -> bool:
    """A run that is a label and, after it, a value of the field it names by shape ("Q. tịch Việt Nam"): a
    label with its value beside it, no cell's label alone. Each cut of the run before a capital or a digit is
    tried, its first words read as a label ended there (as by a colon) and the rest as its value."""
    words = [t for t in run if not t.leader]
    # (the value from a capital or a digit on, as a name, a country, a date begin: a label's own lower-case
    # words are never cut off as a value — "Quê | quán của"; nor, in a label printed in capitals, the words a
    # label read over the run still takes — "QUÊ | QUÁN (GỐC) …": ``_label_reach``)
    return any(value_beside(schema, _bordered(words[:k]), words[k:]) and not _label_words_as_name(words[k:])
               for k in range(max(1, _label_reach(schema, words)), len(words))
               if words[k].text[:1].isupper() or words[k].text[:1].isdigit())


def _label_words_as_name(words: list[Tok]) -> bool:
    """Words that read as a person's name only by their capitals, each a word of the label vocabulary and together
    asking something, none unknown ("ĐĂNG KÝ KHAI TỬ" after "TÊN TUỔI NGƯỜI YÊU CẦU"): a label printed in
    capitals goes on, no name asks anything (a name's own syllables are words no label reads: "NGUYỄN VĂN AN")."""
    text = text_of(words)
    said = meaning(text)
    return looks_like_name(text) and bool(said.attrs) and not said.unknown \
        and all(label_word_tok(t) for t in words)


def _label_reach(schema: Schema, words: list[Tok]) -> int:
    """In a run written all in capitals, how many of its first words a label read over them, as they are (no
    colon), takes: the label's own words, none of which starts its value. In capitals no turn of case says where
    a value would start, and a cut anywhere leaves capitalised words that read as a name or a place ("QUÊ" |
    "QUÁN (GỐC) …"); a run in other cases keeps every cut (a value's capitals after a label's lower case)."""
    if not all(t.text.isupper() for t in words if any(c.isalpha() for c in t.text)):
        return 0
    return max((m.end for m in find_labels(words, schema, None) if m.start == 0), default=0)


def _labels_by_print(row: Row, runs: list[list[Tok]], below: Row) -> bool:
    """Label words whose print says they are labels: the row is in a smaller type than the row close under it,
    and that row's first word starts under the first run (a value written in its cell, under its label)."""
    h = max(row.height, 1)
    first = next(t for t in runs[0] if not t.leader).bbox[0]
    close = 0 <= below.bbox[1] - row.bbox[3] <= EMPTY_LABEL_REACH * h
    under = cut_at_gaps(below.toks, h, word_blank(runs))[0] if below.toks else []
    return close and printed_smaller(row.toks, below.toks) and bool(under) \
        and under_label(under, first, label_span(runs[0]), h)


def _values_alone_under(schema: Schema, row: Row, runs: list[list[Tok]], below: Row) -> dict[int, list[Tok]] | None:
    """The words of the row close under by run, when it holds one part under each run and nothing else
    (``_one_under_each``) and no part opens with a label of the type before more words: values alone, not a
    label/value grid's next row ("Thuộc đơn vị Đại đội 20, …" under "Chức vụ | Y sĩ" is a label and its value)."""
    parts = _one_under_each(schema, row, runs, below)
    if parts is None or any(m.start == 0 and m.end < len(toks) and m.spec is not UNMAPPED
                            for toks in parts.values() for m in find_labels(toks, schema, None)[:1]):
        return None
    return parts


def _values_under(schema: Schema, row: Row, runs: list[list[Tok]], below: Row) -> bool:
    """The row close under holds a value under each run and nothing else, and each run that names a field has a
    value of that field by its shape under it ("Quốc tịch" over "Việt Nam", "Ngày sinh" over a date): a row of
    cells' labels whatever the other runs say and whatever the print. Not so when a word below starts under no
    run, a run has nothing under it, any part below reads as a label (a label/value grid's next row, whose
    columns line up as cells' do), or a run naming a field has words under it of no shape of its value (a grid's
    label column holds labels all the way down)."""
    parts = _one_under_each(schema, row, runs, below)
    if parts is None:
        return False
    named = [k for k, run in enumerate(runs) if label_alone(schema, run) == "field" or person_alone(schema, run)]
    # (a part under a run naming a field is a value by that field's shape, a relation's person word too, "Con gái",
    # which has no shape of any value alone)
    return bool(named) and all(_value_of(schema, runs[k], parts[k]) for k in named) \
        and all(k in named or some_value(toks) for k, toks in parts.items())


def _one_under_each(schema: Schema, row: Row, runs: list[list[Tok]], below: Row) -> dict[int, list[Tok]] | None:
    """The words of the row close under, by run, when that row holds words under each run (starting under it or
    centred under it) and nothing else, none of them a label, no colon: a row of values, one under each label."""
    h = max(row.height, 1)
    # (boxes that overlap by a little, a descender or a speck reaching down, still lie one under the other)
    if not -ROW_TOUCH * h <= below.bbox[1] - row.bbox[3] <= EMPTY_LABEL_REACH * h or any(t.colon for t in below.toks):
        return None
    spans = [label_span(run) for run in runs]
    starts = [span[0] for span in spans]  # where each label's first word starts
    parts = _by_cell([t for t in below.toks if not t.leader], starts, spans, h, word_blank(runs))
    if len(parts) != len(runs) or any(not under_label(toks, starts[k], spans[k], h) for k, toks in parts.items()):
        return None
    if any(label_alone(schema, toks) for toks in parts.values()):
        return None
    return parts


def values_under_label_runs(schema: Schema, above: Row, row: Row) -> list[tuple[list[Tok], list[Tok]]] | None:
    """A row of values that no label beside them reads, under a row close above cut into two or more runs of label
    words, one value under each run and nothing else (``_one_under_each``): each run is the label of the value
    under it, as a ruled cell's is, whether or not any run names a field ("Xxx yyy   Zzz www" over "115   Lê Văn
    Tám"). A run holding a digit or reading as a place or a name is no label (a value's wrapped line); the runs
    are (label, value) in reading order, for the record-wide decoding to place or list."""
    if above.heading or len(above.toks) < 2:
        return None
    runs = [part for run in cut_at_gaps(above.toks, max(above.height, 1)) for part in _cut_at_strokes(run)]
    if len(runs) < 2 or any(not _label_words(run) or len([t for t in run if not t.leader]) > CELL_LABEL_WORDS
                            or looks_like_name(text_of(run)) or value_kind(text_of(run)) == "place" for run in runs):
        return None
    parts = _one_under_each(schema, above, runs, row)
    if parts is None:
        return None
    return [(runs[k], parts[k]) for k in sorted(parts)]


def some_value(words: list[Tok]) -> bool:
    """Words with the shape of some value, whatever field: a number, a person's name, what ``value_kind`` reads
    (an ethnic group, a country, a place, …), or proper names' capitals. A label's words in a grid's label
    column have none ("Nơi phát hiện": a capital, then lower case)."""
    text = text_of(words)
    # (a word that starts with a digit: a digit inside a word is as often OCR's misreading of a letter, "Nơ1")
    return any(t.text[:1].isdigit() for t in words) or looks_like_name(text) or value_kind(text) is not None \
        or _proper_words(text)


def _proper_words(text: str) -> bool:
    """Words each capitalised, not all in capitals: a proper name's way of writing (an ethnic group or a country
    OCR bent off its list, "Ra Giai"); a label is written in lower case after its first word, or all in capitals."""
    words = [w for w in text.split() if any(c.isalpha() for c in w)]
    return bool(words) and all(w[:1].isupper() for w in words) and not all(w.isupper() for w in words if len(w) > 1)


def _value_of(schema: Schema, label: list[Tok], words: list[Tok]) -> bool:
    """``value_beside``, or words that say alone what they are (``value_kind``: a country, an ethnic group, an
    ID number, …) naming what the label's field holds ("Quốc tịch" over "Việt Nam", a text field by its type)."""
    if value_beside(schema, label, words):
        return True
    found = [m for m in find_labels(label, schema, None) if m.spec is not UNMAPPED]
    if found and found[0].spec.key.rsplit(".", 1)[-1] == "relation":
        return names_a_relation(text_of(words))  # a person's word under a relation's caption ("Con gái")
    kind = value_kind(text_of(words))
    return bool(found) and kind is not None and kind in (found[0].spec.kind, found[0].spec.key.rsplit(".", 1)[-1])


def _label_words(toks: list[Tok]) -> bool:
    """Words a printed label may be: some letters, no digit."""
    words = [t for t in toks if not t.leader]
    return bool(words) and not _holds_digit(words)


def _holds_clauses(words: list[Tok]) -> bool:
    """Words that part clauses with a semicolon: a description's prose ("… nhô lên; thân vẽ …"), never a label,
    which names what is asked in a few words (commas part a label's words, "Họ, chữ đệm, tên"; semicolons never)."""
    return any(";" in t.text for t in words)


def _holds_digit(words: list[Tok]) -> bool:
    """A digit in the words outside a note in brackets that holds words ("Năm sinh (ghi 4 chữ)", "(2 bản)"): a
    printed label counts in its notes, never in its own words; a value's digits stand outside brackets, or
    alone in them ("(1950)")."""
    return any(c.isdigit() for t in outside_notes(words) for c in t.text)


Span = tuple[float, float]  # a label's words from the left edge of the first to the right edge of the last


def word_blank(runs: list[list[Tok]]) -> float:
    """The usual blank between two words of one label, measured inside the labels (a label over two lines: on
    each line), so a row of values is cut where its cells part even when it holds one word a cell."""
    blanks = sorted(b for run in runs for a, t in zip(run, run[1:]) if (b := t.bbox[0] - a.bbox[2]) >= 0)
    return blanks[(len(blanks) - 1) // 2] if blanks else 0


def label_span(run: list[Tok]) -> Span:
    """Where a cell's label lies across the page."""
    words = [t for t in run if not t.leader] or run
    return words[0].bbox[0], max(t.bbox[2] for t in words)


def _centred_under(words: list[Tok], span: Span, h: float) -> bool:
    """The words are centred under the label: their middle near the label's middle, whatever their widths (a
    table whose header and values are both centred in their cells: a value wider than its label starts left of
    it, a narrower one right of it)."""
    middle = (words[0].bbox[0] + max(t.bbox[2] for t in words)) / 2
    return abs(middle - (span[0] + span[1]) / 2) <= CENTRE_SLACK * h


def under_label(words: list[Tok], start: float, span: Span, h: float) -> bool:
    """The words are written under a cell's label: from a little left of where the label starts to a few line
    heights right of it (a value written from its cell's left edge), or centred under it, or across where it
    starts (a value wider than its label, written from left of it: ``_next_cells_run``)."""
    return start - CELL_SLACK * h <= words[0].bbox[0] <= start + CELL_INDENT * h or _centred_under(words, span, h) \
        or words[0].bbox[0] < start < max(t.bbox[2] for t in words)


def _by_cell(toks: list[Tok], starts: list[float], spans: list[Span], h: float,
             usual: float | None = None) -> dict[int, list[Tok]]:
    """A row's words by the cell they are in, from where each starts — but a run of words (cut at the blanks
    between cells, ``usual`` the blank between words) that lies under no part of the label it starts under
    and is centred under another label is that label's whole (a centred value wider than its label starts in
    the cell before it)."""
    parts: dict[int, list[Tok]] = {}
    for run in cut_at_gaps(toks, h, usual) if toks else []:
        k = cell_of_x(run[0].bbox[0], starts, CELL_SLACK * h)
        x0, x1 = run[0].bbox[0], max(t.bbox[2] for t in run)
        centred = [c for c, span in enumerate(spans) if _centred_under(run, span, h)]
        if centred and centred[0] != k and (x1 <= spans[k][0] or x0 >= spans[k][1]):
            parts.setdefault(centred[0], []).extend(run)
            continue
        if _next_cells_run(parts, k, starts, x1):
            parts.setdefault(k + 1, []).extend(run)
            continue
        for t in run:
            parts.setdefault(cell_of_x(t.bbox[0], starts, CELL_SLACK * h), []).append(t)
    return parts


def _next_cells_run(parts: dict[int, list[Tok]], k: int, starts: list[float], x1: float) -> bool:
    """A run of words that starts in cell ``k`` after a cell's blank, when the cell already holds a run of its own,
    and ends past where the next cell's label starts (``x1``): the next cell's value, wider than its label and
    written from left of it, whole (cut at the next label's start, its first words would run on the value
    before it). One cell holds one run: the blank between two is the border of the cells."""
    return bool(parts.get(k)) and k + 1 < len(starts) and x1 > starts[k + 1] and not parts.get(k + 1)


def label_goes_on(label: list[Tok], words: list[Tok], value: list[Tok]) -> bool:
    """The words under a cell's label are its label's next line, not its value: printed as the label is (about
    its height, smaller than ``value``, the words written in the cell below or beside them), written as a label
    goes on (no digit, no comma, the label's case: "Họ tên người thay mặt" / "gia đình")."""
    first = next((t for t in label if not t.leader), None)
    words_only = [t for t in words if not t.leader]
    if first is None or not words_only or not value:
        return False
    return words_height(words_only) <= words_height(label) / SMALL_PRINT and printed_smaller(words_only, value) \
        and _goes_on_as_label(words_only, first)


def _unbordered(last: Tok) -> Tok:
    """The label's last word without the colon its cell's border gave it (``_bordered``): the label goes on."""
    return replace(last, text=last.text[:-1]) if last.text.endswith(":") and len(last.text) > 1 else last


def _label_row(toks: list[Tok], page: int) -> Row:
    """A cell's label as a row, its words in reading order (a label over two lines: the first line's words,
    then the second's), marked as a cell's label (``is_cell_label``)."""
    row = Row(list(toks), page, info={CELL_LABEL: True})
    row.toks = list(toks)  # (Row sorts by x: the second line would be read inside the first)
    return row


def value_beside(schema: Schema, label: list[Tok], words: list[Tok]) -> bool:
    """The words are a value of the field the label names, by their shape: a date, a number, a code, a
    closed list's word, a measure or a century for such a field, a person's name for a name, a place
    for a place, words of its vocabulary for a text field that has one (other text has no shape of its own:
    never said)."""
    found = [m for m in find_labels(label, schema, None) if m.spec is not UNMAPPED]
    if not found:
        return False
    spec, text = found[0].spec, text_of(words).rstrip(":")
    if spec.kind == "name":
        return looks_like_name(text)
    if spec.kind == "text":
        # a closed list's words ("Khai quật"), alone or with the place the act was done at ("… tại di chỉ")
        return bool(spec.vocabulary) and (_in_vocabulary(text, spec)
                                          or phrase_at_place(text, lambda phrase: _in_vocabulary(phrase, spec)))
    if spec.kind == "place":
        return value_kind(text) == "place"
    n = normalise(spec.kind, text, spec.values)
    return n.ok and n.quality >= 1


def _field_named(schema: Schema, toks: list[Tok]) -> str | None:
    """The key of the field the first label read in the words names, or None."""
    found = [m for m in find_labels(toks, schema, None) if m.spec is not UNMAPPED]
    return found[0].spec.key if found else None


def names_its_own_field(schema: Schema, label: list[Tok], words: list[Tok]) -> bool:
    """Words under a cell's label that read as a label of the very field that label names ("Bệnh già" under
    "Nguyên nhân chết": ``bệnh`` is a word of what a cause of death asks): the field's own words in its value, not
    the next row of labels, as a form never prints one field's label twice, one under the other in one column."""
    field = _field_named(schema, label)
    return field is not None and _field_named(schema, words) == field


def label_alone(schema: Schema, toks: list[Tok], listed: bool = False) -> str | None:
    """Words that are a label with nothing after it, no digit: "field" when a label read in them names a
    field, with at most a few words before or after it (the rest of a wording the type lacks: "Zzz dân tộc"),
    or after it any number written as the label goes on ("Nguyên quán gốc cựu chiến binh");
    with ``listed``, "listed" for well-read words that name no field but read as a label (an unmapped one)."""
    words = [t for t in toks if not t.leader]
    if not words or _holds_digit(words):
        return None
    found = find_labels(toks, schema, None)
    if not found or sum(not t.leader for t in toks[:found[0].start]) > CELL_OTHER_WORDS:
        return None
    after = [t for t in toks[max(m.end for m in found):] if not t.leader]
    if len(after) > CELL_OTHER_WORDS and not _goes_on_as_label(after, toks[found[0].start]):
        return None
    if any(m.spec is not UNMAPPED and not m.label.role_only for m in found):
        return "field"  # (a person's word alone, "Ba", is as often a value: a relation)
    return "listed" if listed else None


def _tallest(toks: list[Tok]) -> float:
    """The height of the tallest word: a line's print, measured on one word or a few (a median of a few words
    swings with which of them carry marks or descenders)."""
    return max((t.bbox[3] - t.bbox[1] for t in toks if not t.leader), default=0)


def _completes(value: list[Row], words: list[Tok]) -> bool:
    """The words go on with a cell's value so far: it ends with a comma, or with a place the words complete
    ("…, tỉnh Quảng" / "Bình"; "…, thành phố" / "Hà Tĩnh, …")."""
    last = value[-1].toks if value else []
    return bool(last) and (last[-1].text.endswith(",") or splits_unit(last, words))


def wrapped_labels(rows: list[Row], i: int, most: int = 3) -> tuple[list[list[Tok]], int] | None:
    """The labels of a row of cells over two lines or three, as a table's header row wraps a long label inside
    its cell ("Nơi đăng ký thường" / "trú của mẹ"): the row at ``i`` cut at its wide blanks, two runs or more of
    label words, and the row close under it whose words, cut the same way, each lie under one of those runs
    (starting under it or centred under it) and are written as a label goes on (no digit, no comma, the label's
    case) — and a third such row when its words each go on a label the second row went on, every one written as
    a label goes on (the longest label of a narrow column: "Quan hệ với" / "người được" / "khai sinh"; ``most``:
    2 not to look for it). Each run with its next lines, and how many rows they take, or None. Whether they are
    cells' labels is asked as of any row's (``cell_labels``)."""
    if i + 1 >= len(rows) or rows[i].heading or rows[i + 1].heading:
        return None
    row = rows[i]
    h = max(row.height, 1)
    runs = cut_at_gaps(row.toks, h)
    if len(runs) < 2 or not all(_label_words(run) for run in runs) or any(t.colon for t in row.toks):
        return None
    usual = usual_gap(row.toks)
    second = _next_label_line(runs, [list(run) for run in runs], row, rows[i + 1], h, usual, None)
    if second is None:
        return None
    if most >= 3 and i + 2 < len(rows) and not rows[i + 2].heading:
        wrapped = [k for k, run in enumerate(runs) if len(second[k]) > len(run)]
        third = _next_label_line(runs, second, rows[i + 1], rows[i + 2], h, usual, wrapped)
        if third is not None:
            return third, 3
    return second, 2


def _next_label_line(runs: list[list[Tok]], joined: list[list[Tok]], above: Row, nxt: Row, h: float, usual: float,
                     going_on: list[int] | None) -> list[list[Tok]] | None:
    """The labels so far (``joined``: the first line's ``runs``, each with its lines after) each with its part of
    the row ``nxt`` added (cut at blanks wider than ``usual``, the first line's blank between words), when that
    row lies close under ``above``, is printed as the labels are (``WRAPPED_LABEL_HEIGHT``), and each of its
    parts lies under one label, one part a label, with no digit or comma; or None. ``going_on``: the
    labels a third line may go on (those the second line went on); all its parts must then be written as a label
    goes on, where a second line needs most of them (one word OCR read in capitals, "VỢ", does not make the line
    a value's; a third line with a value's word is the row of values)."""
    if not 0 <= nxt.bbox[1] - above.bbox[3] <= WRAPPED_LABEL_GAP * h:
        return None
    starts: list[float] = [run[0].bbox[0] for run in runs]
    spans = [label_span(run) for run in runs]
    out = [list(label) for label in joined]
    as_label = 0
    parts = cut_at_gaps(nxt.toks, h, usual)
    if words_height(nxt.toks) > WRAPPED_LABEL_HEIGHT * words_height([t for run in runs for t in run]):
        return None
    for part in parts:
        k = cell_of_x(part[0].bbox[0], starts, CELL_SLACK * h)
        k = next((c for c in range(len(runs)) if _centred_under(part, spans[c], h)), k)
        if len(out[k]) > len(joined[k]) or not under_label(part, starts[k], spans[k], h) \
                or not _label_words(part) or any("," in t.text for t in part) \
                or (going_on is not None and k not in going_on):
            return None  # (two parts under one label, words under none, or a value's words: no label's line)
        as_label += _goes_on_as_label(part, runs[k][0])
        out[k] += part
    if going_on is not None:
        return out if parts and as_label == len(parts) else None
    return out if 2 * as_label >= len(parts) else None


def cell_block(schema: Schema, rows: list[Row], i: int, right: float) -> tuple[CellBlock, int] | None:
    """Ruled cells with a small label in each one's top-left corner and the value written below it inside
    the cell, two or more cells on a row: the row of labels at ``i``, then each row below, close under the
    one above, whose words start under a label (each cell's first word between a little left of its
    label and a few line heights right of it, or centred under it), until a row of labels. The labels may
    take two lines or three (``wrapped_labels``: a table's header row). A value's words are its cell's by where they
    start, or by the label they are centred under (``_by_cell``); the block and the row after it."""
    # (labels over two lines first: their first lines alone may read as labels, "Họ và tên" / "người mẹ", and
    # the second line would be read as their values; over three before two, and two again when a third line does
    # not make cells' labels: it may be the row of values)
    runs, label_rows = None, 1
    for most in (3, 2):
        wrapped = wrapped_labels(rows, i, most)
        if wrapped is None or wrapped[1] == label_rows:
            break
        label_rows = wrapped[1]
        below = rows[i + label_rows] if i + label_rows < len(rows) else None
        if (runs := cell_labels(schema, rows[i + label_rows - 1], below, wrapped[0])) is not None:
            break
    if runs is None:
        runs, label_rows = cell_labels(schema, rows[i], rows[i + 1] if i + 1 < len(rows) else None), 1
    if runs is None:
        return None
    h = max(rows[i].height, 1)
    spans = [label_span(run) for run in runs]
    starts = [span[0] for span in spans]  # where each label's first word starts
    usual = word_blank(runs)  # the blank between a label's words: wider blanks part the cells
    labels = [list(run) for run in runs]
    values: list[list[Row]] = [[] for _ in runs]
    written: list[Tok] = []  # the values' words so far: the print a value is written in
    j, prev, reach = i + label_rows, rows[i + label_rows - 1], EMPTY_LABEL_REACH
    while j < len(rows) and j - i <= CELL_VALUE_ROWS:
        r = rows[j]
        below = rows[j + 1] if j + 1 < len(rows) else None
        # (measured in the row above's own height: a cell's label is often smaller than its value)
        if r.heading or not r.toks or any(t.colon for t in r.toks[:-1]):
            break
        parts = _by_cell(r.toks, starts, spans, h, usual)
        completes = all(_completes_place(values[k], toks) for k, toks in parts.items())
        # (the rest of a place cut short reaches as far as a value under its label: a line of capitals and marks,
        # "Quảng Bình", stands taller and further below than the line it completes)
        if r.bbox[1] - prev.bbox[3] > (EMPTY_LABEL_REACH if completes and parts else reach) * max(prev.height, h):
            break
        if completes:
            # the rest of a place its cell's value cut at the line's end ("…, tỉnh Bến" / "Tre"): the value's,
            # whatever its print or its words read as
            for k, toks in parts.items():
                values[k].append(Row(toks, r.page))
                written += toks
            prev, j, reach = r, j + 1, 1.6
            continue
        below_parts = _by_cell(below.toks, starts, spans, h, usual) if below is not None else {}
        # (a label's next line: before its cell's value, under a label no printed colon ended)
        carried = {k for k, toks in parts.items() if not values[k] and labels[k][-1] not in rows[i].toks
                   and label_goes_on(labels[k], toks, below_parts.get(k) or [t for c, ts in parts.items() if c != k
                                                                           for t in ts])}
        # (a part in the words of its own cell's field, "Bệnh tim" under "Nguyên nhân chết", makes the row values: a
        # form never prints one field's label twice, one under the other in one column)
        own = any(names_its_own_field(schema, runs[k], toks) for k, toks in parts.items() if k not in carried)
        if not carried and not own and cell_labels(schema, r, below) is not None:
            break  # the next row of cells
        if written and not carried and not wraps_values(values, parts, r, CELL_SLACK * h) \
                and printed_smaller(r.toks, written) and _label_words(r.toks) \
                and _tallest(r.toks) <= SMALL_PRINT * _tallest(written) and printed_smaller(rows[i].toks, written) \
                and not all(_completes(values[k], toks) for k, toks in parts.items()):
            break  # a row in the labels' small print under the values: the next row of labels, whatever it says
            # (never the values' own next line, at their lines' pitch: a name's end with no tall letter is no smaller
            # print — ``wraps_values``)
            # (only where the labels are printed smaller: a word without tall letters, "Hóa", is no smaller print;
            # and its tallest word too: a median of a few words without marks, "Nam … Chi", is no print's; nor words
            # that each complete a place their cell's value cuts short, "tỉnh Quảng" / "Bình")
            # (label words alone: a date's digits stand lower than words with marks, in the same print)
        if not own and any(label_alone(schema, toks) and not value_beside(schema, runs[k], toks)
                           for k, toks in parts.items() if k not in carried):
            break  # a label of its own (the next row of cells, or a label and its value), unless its words
            # are a value of the field its cell's label names ("Khai quật" under a way of acquisition)
        if any(not under_label(toks, starts[k], spans[k], h) for k, toks in parts.items()):
            break  # words that start under no label, nor centred under one: the next row of the form
        for k, toks in parts.items():
            if k in carried:
                labels[k] = _bordered(labels[k][:-1] + [_unbordered(labels[k][-1])] + toks)
            else:
                values[k].append(Row(toks, r.page))
                written += toks
        prev, j, reach = r, j + 1, 1.6
    if not any(values):
        return None
    cells = [[_label_row(label, rows[i].page)] + rows_below for label, rows_below in zip(labels, values)]
    edges = [x - CELL_SLACK * h for x in starts[1:]] + [right]
    return CellBlock(cells, edges), j


def _completes_place(value_rows: list[Row], toks: list[Tok]) -> bool:
    """The words complete the place the cell's value so far cuts short at its line's end ("…, tỉnh Bến" / "Tre"):
    its rest, even when they read as a label ("Tre" one letter off "trẻ")."""
    value = [t.text for r in value_rows for t in r.toks if not t.leader]
    words = [t.text for t in toks if not t.leader]
    return bool(value) and completes_unit(" ".join(value), words) == len(words)


def label_rest(schema: Schema, label: list[Tok], after: list[Tok], height: float) -> int:
    """How many of the words after a label, on its row, are still the label's: the words up to the wide blank
    before its value (a ruled table's or a dotted form's value column, the leader or border lost: "CHẤT LIỆU
    CẤU THÀNH      Mây tre"). They are few, written as the label goes on (no digit, no comma, its case), and
    no value of the field by their shape ("Kinh" after an ethnic group's label); a label ended by its colon
    has none."""
    words = [t for t in label if not t.leader]
    if not words or not after or words[-1].colon or label[-1].leader or after[0].leader:
        return 0
    k = first_wide_gap(after, height, usual_gap(label + after))
    if not k or k > LABEL_REST_WORDS or any(t.colon or t.leader for t in after[k:k + 4]):
        return 0  # (a colon or a leader after the blank: the next pair's label, not this label's value)
    rest = after[:k]
    value = [t for t in after[k:] if not t.leader]
    if not value or not _goes_on_as_label(rest, words[0]) or value_beside(schema, label, rest):
        return 0
    return k
