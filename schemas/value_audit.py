"""Nothing the reader saw is dropped silently (issue 12, goal 5): every run of words on a page that has a value's
shape ends in a field of a record, in a pair listed unmapped on it, or in the page's furniture, which the page's
rows have already dropped (``layout.drop_furniture``). What is left is a value lost: read by no field and shown to
no reviewer.

A pure function over a page's rows and the records read from them; it reads the records' output (each field's and
each unmapped pair's page and box), never the reader's state, so it checks the reader from outside. Label words are
no value: a run's words that a label of the type reads (``matching.find_labels``) and the form's title are left out
before the rest is asked whether it has a value's shape (``cells.some_value``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from ocr.result import BBox

from sohoa.text import fold

from .assign import looks_like_name
from .bracket_notes import outside_notes
from .cells import some_value
from .labels import is_label_word, value_kind
from .layout import Row, Tok, cut_at_gaps, text_of
from .loader import Schema
from .value_start import label_word_tok
from .matching import find_labels

BOX_SLACK = 0.5  # line heights a word's middle may lie outside the box of the field that holds it (a box is the
# union of the words a value was read from; a word's middle lies inside it, this is for the edge of a skewed scan)


def _leaves(fields: dict | list) -> Iterator[dict]:
    """The field leaves of a record's nested ``fields`` (a leaf has ``value`` and ``raw``), relatives' too."""
    items = fields.values() if isinstance(fields, dict) else fields
    for item in items:
        if isinstance(item, dict) and "raw" in item and "value" in item:
            yield item
        elif isinstance(item, (dict, list)):
            yield from _leaves(item)


class Kept(NamedTuple):
    """Where a record holds words of the page, and whether it holds only digits there: a date's, a year's or a
    number's value has no letter, so a word of letters in its box ("Trần Thị Lan" read before "1960" under a
    year's label) was read over, not kept."""
    box: BBox
    digits_only: bool


def kept_boxes(records: list[dict], page: int) -> list[Kept]:
    """Where the records hold words of the page: each field's box and each unmapped pair's (its label and value)."""
    kept = [Kept(tuple(leaf["bbox"]), _letterless(leaf["value"]))  # type: ignore[arg-type]
            for r in records for leaf in _leaves(r.get("fields", {})) if leaf.get("page") == page and leaf.get("bbox")]
    return kept + [Kept(tuple(u["bbox"]), False)  # type: ignore[arg-type]
                   for r in records for u in r.get("unmapped", []) if u.get("page") == page and u.get("bbox")]


def _letterless(value: object) -> bool:
    return isinstance(value, str) and not any(c.isalpha() for c in value)


def _inside(tok: Tok, kept: list[Kept], slack: float) -> bool:
    """The word lies in a box that holds it: its middle inside the box, and a word of letters not in a value of
    digits alone."""
    x, y = tok.xc, (tok.bbox[1] + tok.bbox[3]) / 2
    digit = any(c.isdigit() for c in tok.text)
    return any(b[0] - slack <= x <= b[2] + slack and b[1] - slack <= y <= b[3] + slack and (digit or not only)
               for b, only in kept)


def _label_words(run: list[Tok], schema: Schema) -> set[int]:
    """The indices of the run's words that a label of the type reads (a label naming no field too: it is listed)."""
    return {k for m in find_labels(run, schema, None) for k in range(m.start, m.end)}


def _label_words_alone(words: list[Tok]) -> bool:
    """Words each of the label vocabulary, with no digit and no name's or place's look: a label's words the type's
    wordings did not read ("Thuộc", "Quân hàm" opening a row), print rather than a value."""
    text = text_of(words)
    return all(label_word_tok(t) for t in words) and not any(c.isdigit() for c in text) \
        and not looks_like_name(text) and value_kind(text) is None


def lost_values(rows: list[Row], schema: Schema, records: list[dict]) -> list[list[Tok]]:
    """The runs of words (a row cut at its wide blanks) with a value's shape that no record holds: each run's words
    that are neither a label's nor inside a field's or an unmapped pair's box, when they have a value's shape (a
    number, a name, a place, a date, proper names' capitals), a label's note in brackets left out, unless a field
    of the records holds the same words (a page that writes a value again). The form's title (a
    heading row) is print."""
    lost: list[list[Tok]] = []
    # (a value a page writes again, a dossier's second page repeating the name, is held by the field read first)
    written = {fold(str(leaf.get("raw") or "")) for r in records for leaf in _leaves(r.get("fields", {}))}
    for row in rows:
        if row.heading or not row.toks:
            continue
        boxes = kept_boxes(records, row.page)
        slack = BOX_SLACK * max(row.height, 1)
        for run in cut_at_gaps(row.toks, max(row.height, 1)):
            labels = _label_words(run, schema)
            left = [t for k, t in enumerate(run) if k not in labels and not t.leader and not _inside(t, boxes, slack)]
            left = outside_notes(left)  # (a note in brackets is the print's: "(ghi đủ chữ số)")
            if left and some_value(left) and not _label_words_alone(left) and fold(text_of(left)) not in written:
                lost.append(left)
    return lost


def read_over(toks: list[Tok], value: object) -> list[list[Tok]]:
    """The runs of words a value of digits alone (a date, a year, a number) was read over: words of letters between
    or around its digits, other than label words, that are a value of their own by their look (a person's name, a
    place, a group, a country: "Trần Thị Lan" before "1960" taken under a year's label with nothing beside it).
    Each such run is another field's value, to be listed, never dropped with the field's raw text."""
    if not _letterless(value):
        return []
    runs: list[list[Tok]] = [[]]
    for t in toks:
        word = t.text.strip(",.;:()")
        # (a label word in lower case: a name's or a place's own words are capitalised, "Trần" folds like "trấn")
        if t.leader or any(c.isdigit() for c in t.text) or word[:1].islower() and is_label_word(word):
            runs.append([])
        else:
            runs[-1].append(t)
    return [run for run in runs if run and (looks_like_name(text_of(run)) or value_kind(text_of(run)) is not None)]
