"""Reading one page's rows into records of one type: sections, two-column blocks, register entries, values that
wrap or sit on the next row (docs/extraction.md, steps 4–7). ``PageReader.read`` is a short loop over named
stages, one method each: per segment, its labels found; per label, its value taken (``_read_pair``). A page read
as a table is ``table_reader``'s; the pairs no label rule placed are ``pending_pairs``'."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from . import label_model, person_only
from .comma_glue import cut_glued_labels
from .fields import (Draft, Found, _cut_tail, _value_toks, name_and_tail,
                     pair_after_gap, place_and_tail, relation_and_tail, text_and_tail, unit_and_tail)
from .label_edges import date_then_rest, label_head
from .labels import (EVENTS, SELF_NAMING_KINDS, field_by_value, joint_field, meaning, persons_share, resolve,
                     value_kind)
from .closed_tail import asks_closed, closed_and_tail
from .assign import looks_like_name
from .cells import CellBlock, cell_block, is_cell_label, label_only, label_rest, values_under_label_runs
from .entry_bounds import entry_starts
from .person_columns import heading_pair
from .person_heading import heading_person
from .printed_label import opens_capitalised, reads_as_print
from .section_heading import is_section_heading, numbered_heading
from .surer_label import reads_surer
from .layout import (Row, Tok, after_leaders, block_cut, column_starts, first_wide_gap, label_end,
                     opens_pair, split_at_columns, text_of, usual_gap)
from .loader import FieldSpec, Label, Schema, label_key
from .measure_units import label_note
from .office_row import names_body_at, office_name_at, opens_with_office_name
from .pending_pairs import list_beyond, pend, place_pending, unmapped_pair
from .military_ranks import rank_and_tail
from .joint_text import joining_word, parted_in_two, second_label, split_joint, unnamed_second, whole_owner
from .hour_of_date import hour_span, time_of_date
from .citation import issuer_end
from .name_alias import name_and_alias
from .name_under_date import name_under_date, unread_name
from .matching import LABEL_MAX_WORDS_ENDED, MARKER_WORDS, UNMAPPED, Match, bent_marker, find_labels, find_marker
from .normalize import normalise
from .table_reader import read_table
from .value_audit import read_over
from .value_evidence import misplaced_office
from .gazetteer import is_place
from .place_words import another_fields_words
from .value_look import field_by_look, is_country_name, is_rank_field, is_unit_field, is_weight, of_another_kind
from .value_rest import A_PLACE, ValueRests
from .value_column import label_cell_end, value_columns
from .whole_caption import read_whole
from .value_start import (MAX_LABEL_WORDS, label_rest_words, label_run_on, label_tail, label_word_tok, label_words_only,
                          name_label_run_on, place_label_run_on, qualifies_label, reads_as_value, rest_of_label,
                          row_ended_label, turn_of_case, value_start)

from sohoa.text import fold

# kinds whose field a surer label takes from a partly known one (``_take_if_surer``)
SURER_KINDS = frozenset({"place", "date"})

PART_ENDS = ",/&-– "  # the joining marks and spaces a part of a joint value ends with, dropped (``joint_text``)


NAME_TAIL_FACTOR = 0.6  # a name cut where its words stop being written as a name's
CUT_VALUE_FACTOR = 0.5  # a place that ends with a comma, its rest not found
PRINT_COLUMN_SLACK = 0.5  # line heights the print's column may start left of the print: a value under it, in its column


def _opens_next_block(m: Match, section: str | None, draft: Draft) -> bool:
    """A label asking a name, naming no person, that took the open section's name field while that section
    already has fields read (its name among them: a person's block asks the name once): the name of the next
    person's block, whose person the label names in words the vocabulary lacks."""
    return _of_section_only(m, section) and m.spec.key.rsplit(".", 1)[-1] == "full_name" \
        and any(k.startswith(f"{section}.") for k in draft.fields)


def _of_section_only(m: Match, section: str | None) -> bool:
    """The label's field is the open section's only because the section is open: the label names no person."""
    return section is not None and m.spec is not UNMAPPED and m.spec.section == section \
        and not meaning(m.label.text).roles


class Segment(NamedTuple):
    """A row, or the part of it in one column: the section its column forces (a two-column block of sections),
    the column's right edge (a value that reaches it may wrap), the column (the part below in the same column
    continues it) and the visual row it was cut from (the parts of one row open a register entry together)."""
    row: Row
    forced: str | None
    edge: float
    column: tuple
    line: int


@dataclass
class Cursor:
    """Where the reading of a page's segments stands (``PageReader.read``): the record being filled, the section
    its labels are read in, the section the last segment's column forced (a change of column resets the
    section), the segments already taken as another's value, and the visual rows that open an entry on a
    register page ruled into entries."""
    draft: Draft
    section: str | None
    forced_prev: str | None
    used: set[int]
    ruled: set[int]


@dataclass
class LabelRow:
    """A segment whose labels were read, as its pairs are read one after the other (``PageReader._read_pair``):
    the x where the row's first value starts (a value that goes on below stays in that column), and what one
    label leaves the next on the same row: the value a label of two fields took from below, for the second
    field, and the rows the last label with nothing beside it took below (given back if they are no value)."""
    segs: list[Segment]
    si: int
    matches: list[Match]
    value_x: float | None
    shared_below: dict[tuple[int, int], list[Tok]] = field(default_factory=dict)
    taken_below: set[int] = field(default_factory=set)

    @property
    def seg(self) -> Segment:
        return self.segs[self.si]


def _no_body_name(toks: list[Tok], matches: list[Match]) -> list[Match]:
    """The row's labels but those read at a body's name after another label ("Xxx yyy | UBND phường …"): the
    name is that label's value, never a second label (``office_row.names_body_at``)."""
    return [m for k, m in enumerate(matches) if not (k and names_body_at(toks, m.start))]


@dataclass
class PairSpan:
    """One label's value on its row: where the label's words end (``end``, the next label's start or the row's
    end), the labels after it on the row (none: the value may go on below), the value's words as taken so far,
    and the print read beside the label (a heading over a row of values), whose value is under it."""
    end: int
    nxt: list[Match]
    toks: list[Tok]
    printed: list[Tok]


class ValueEnd(NamedTuple):
    """A value cut where its kind says it ends (``PageReader._value_end``): its words, the words after a name
    not written as a name's (a doubtful guess), an alias read as its own field, the words of another pair."""
    toks: list[Tok]
    tail: list[Tok]
    aliased: list[Tok]
    beyond: list[Tok]


def _first_value_x(after_label: list[Tok]) -> float | None:
    """Where the first word after a row's first label starts: the row's value column."""
    first = next((t for t in after_label if not t.leader), None)
    return first.bbox[0] if first is not None else None


def _label_note(span: list[Tok], value: list[Tok]) -> str:
    """The notes in brackets of a label, from its words up to its value's first word ("Trọng lượng (kg):" before
    "1,2"): read with the value of a measure or a weight, which may give its unit there once."""
    first = next((k for k, t in enumerate(span) if value and t is value[0]), len(span))
    return label_note(" ".join(t.text for t in span[:first]))


def _take_rows(segs: list[Segment], rows: list[int], used: set[int]) -> list[Tok]:
    """The words of the row parts ``rows``, which are read from now on (``used``)."""
    used.update(rows)
    return [t for j in rows for t in segs[j].row.toks if not t.leader]


def _by_its_value(m: Match, spec: FieldSpec) -> Match:
    """The label ``m`` read as ``spec``'s because of what its value is (``_id_by_look``, ``_field_by_look``): its
    words kept, read from their meaning, at the score of a reading by value."""
    return Match(m.start, m.end, spec, Label(m.label.text, m.label.folded, by_meaning=True, source="value"),
                 0.5, m.weight)


def _issuer_name(spec: FieldSpec, toks: list[Tok]) -> list[Tok]:
    """An issuer's words without the verb that closes its part of a sentence ("do Trạm y tế xã cấp")."""
    return toks[:issuer_end([t.text for t in toks])] if spec.key.endswith(".issuer") else toks


class PageReader:
    """Reads one page's rows into drafts for one schema."""

    def __init__(self, schema: Schema, rows: list[Row], unit: str, page: int, page_width: int,
                 table_guess: bool = False, heading: str | None = None):
        # a section heading that names no person ("II. NGUỒN GỐC") is neither a label nor a value's rest: it is not
        # read (one naming a person, "II. THÔNG TIN VỀ MẸ", opens that person's block and is)
        rows = [r for k, r in enumerate(rows) if not (
            (is_section_heading(r.toks) or numbered_heading(r.toks, rows[k + 1].toks if k + 1 < len(rows) else []))
            and not meaning(text_of(r.toks[1:])).roles)]
        self.schema, self.rows, self.unit, self.page = schema, rows, unit, page
        self.page_width = page_width
        self.table_guess = table_guess  # no heading read: a table header row alone makes the page a table
        self.drafts: list[Draft] = []
        self.last_spec: FieldSpec | None = None  # the field read last: a bare "Tại:" continues its event
        self.heading = heading  # the form's title: the document a bare "Số:" numbers
        self.rests = ValueRests(schema)  # where a value read on a row goes on past it
        heights = sorted(r.height for r in rows) or [10]
        # where the page's values start beside their label cells (a sheet of grey label cells prints no colon)
        self.value_columns = value_columns([r.toks for r in rows], max(heights[len(heights) // 2], 10))

    def new_draft(self) -> Draft:
        d = Draft(self.schema.record_type, self.schema, [self.page], layout=self.unit)
        self.drafts.append(d)
        return d

    def segments(self) -> list[Segment]:
        rows = [r for r in self.rows if not r.heading]
        rights = sorted(r.bbox[2] for r in rows if len(r.toks) >= 2) or [self.page_width]
        right = rights[int(0.9 * (len(rights) - 1))]  # the text's right margin, robust to one stray word
        # columns of pairs the page repeats down its rows ("Họ tên: …      Ngày sinh: …"): a row is cut where
        # the next column starts, and a value wraps onto the line below in its own column
        # (the rows of a two-column block of sections, "Bên chồng | Bên vợ", are cut where its markers say)
        items: list[Row | CellBlock | tuple[list[Row], float, str, str]] = []
        i = 0
        while i < len(rows):
            row = rows[i]
            if (cells := cell_block(self.schema, rows, i, right)) is not None:
                cell_rows, i = cells
                items.append(cell_rows)
                continue
            split = self._column_split(row)
            headings = split is None and (split := heading_pair(row, rows[i + 1:i + 3], self.schema,
                                                                self.page_width)) is not None
            i += 1
            if split is None:
                items.append(row)
                continue
            x, left_sec, right_sec = split
            block: list[Row] = [] if headings else [row]  # (two headings read by their place say nothing more)
            while i < len(rows) and not self._ends_columns(rows[i], left_sec, right_sec) \
                    and not self._over_office_name(rows[i], rows[i + 1:i + 2], x, left_sec, right_sec):
                block.append(rows[i])
                i += 1
            items.append((block, x, left_sec, right_sec))
        free = [r for r in items if isinstance(r, Row)]
        starts = column_starts(free, self._opens_pair)
        page_parts = iter(split_at_columns(free, starts, self._opens_pair))
        laid: list[list[tuple[Row, str | None, float | None, tuple]]] = []
        for n, item in enumerate(items):
            if isinstance(item, Row):
                laid.append([(part, None, None, ("page", c)) for c, part in next(page_parts)])
                continue
            if isinstance(item, CellBlock):  # cell by cell: a label, then its value's rows below it
                laid.append([(part, None, item.edges[k], ("cells", n, k)) for k, parts in enumerate(item.cells)
                             for part in parts])
                continue
            col_rows, x, left_sec, right_sec = item
            left_right = max((t.bbox[2] for r in col_rows for t in r.toks if t.xc < x), default=x)
            sides = ((left_sec, 0, x, left_right), (right_sec, x, 10 ** 9, right))
            # (a row whose value runs across the columns' start is parted nowhere, and is neither column's person's:
            # ``layout.block_cut``)
            across = [block_cut(r, x) != x for r in col_rows]  # once a row, for both sides
            laid.append([(r if whole else part, None if whole else sec, edge, ("block", n, side))
                         for side, (sec, lo, hi, edge) in enumerate(sides) for r, whole in zip(col_rows, across)
                         if not (whole and side) for part in [r.part(lo, hi)] if part.toks])
        # a part cut off at the next column ends, when its value wraps, where that column's cut parts end; a part
        # that ends its row (the last column, a row left whole) wraps at the page's margin
        cut = [(seg[0], seg[3][1]) for parts in laid if len(parts) > 1 for seg in parts[:-1] if seg[3][0] == "page"]
        edges = {c: max((p.bbox[2] for p, c2 in cut if c2 == c), default=starts[c]) for c in range(len(starts))}
        return [Segment(part, sec, edge if edge is not None else edges[col[1]] if k + 1 < len(parts) else right,
                        col, n)
                for n, parts in enumerate(laid) for k, (part, sec, edge, col) in enumerate(parts)]

    def _opens_pair(self, toks: list[Tok]) -> bool:
        """Words that start with a "label value" pair: a label ended by its colon, dash or leader
        (``layout.opens_pair``), or, on a form that prints no punctuation ("Dân tộc con trẻ Kinh      Giới tính
        Nữ"), one of the type's label wordings at their start with a value after it, or label words no list holds
        (two or more, capitalised first, lower case after, no comma) before a word that starts a value
        (``value_start``)."""
        if opens_pair(toks):
            return True
        first = next((k for k, t in enumerate(toks) if not t.leader), None)
        if first is None:
            return False
        for m in find_labels(toks, self.schema, None):
            if m.start == first and m.spec is not UNMAPPED and _value_toks(toks[m.end:]):
                return True
            break
        # label words in words no list holds, two or more, capitalised first and in lower case after it, then a
        # value ("Ngày chào đời đứa con 10-02-2007"; "Trung 4, xã …" is a place)
        k = value_start(toks[first:])
        words = toks[first:first + k] if k else []
        return len(words) >= 2 and words[0].text[:1].isupper() and all(w.text[:1].islower() for w in words[1:]) \
            and not any(w.text.rstrip().endswith(",") for w in words)

    def _pair_under(self, segs: list[Segment], si: int) -> bool:
        """The next row in the segment's column opens a pair of its own (a label and its value)."""
        below = next((s for s in segs[si + 1:] if s.column == segs[si].column and s.line != segs[si].line), None)
        return below is not None and self._opens_pair(below.row.toks)

    def _ends_columns(self, row: Row, left_sec: str, right_sec: str) -> bool:
        """A row labelled with a field of neither column ("Nơi đăng ký") ends a two-column block; rows
        with only the columns' own labels, or none (wrapped values), stay in it. Geometry alone is not
        enough: a long left value can run up to the right column, and a full-width line can have a gap
        exactly where the columns were."""
        for sec in (left_sec, right_sec):
            for m in find_labels(row.toks, self.schema, sec):
                if not m.label.contextual and m.spec is not UNMAPPED and m.spec.section not in (left_sec, right_sec):
                    return True
        return False

    def _writes_office_name(self, row: Row, left_sec: str, right_sec: str) -> bool:
        """The row writes a body's name (``office_row``) and neither column's person has a field for one: the
        paper's registering office, whose label the vocabulary may lack, under the two persons' columns."""
        return office_name_at(row.toks) is not None and not any(
            f.role == "office" for f in self.schema.fields if f.section in (left_sec, right_sec))

    def _over_office_name(self, row: Row, below: list[Row], x: float, left_sec: str, right_sec: str) -> bool:
        """The row ends the two-column block at the office's line: it writes the office's name itself, or it is
        the label of the line under it, alone on its line — words on the left column's side only, no place (a
        wrapped address of the left column's person is one) — over a line that opens with the office's name."""
        if self._writes_office_name(row, left_sec, right_sec):
            return True
        if not below or not opens_with_office_name(below[0].toks) \
                or not self._writes_office_name(below[0], left_sec, right_sec):
            return False
        words = [t for t in row.toks if not t.leader]
        return bool(words) and all(t.xc < x for t in words) and not is_place(" ".join(t.text for t in words))

    def _column_split(self, row: Row) -> tuple[float, str, str] | None:
        if len(self.schema.sections) < 2 or len(row.toks) < 2:
            return None
        # find markers in two halves separated by a gap
        toks = row.toks
        for k in range(1, len(toks)):
            gap = toks[k].bbox[0] - toks[k - 1].bbox[2]
            if gap < 0.04 * self.page_width:
                continue
            a, b = find_marker(toks[:k], self.schema), find_marker(toks[k:], self.schema)
            # beside a marker across the gap, a half naming one other person and nothing else is that person's
            # marker even with one short word OCR bent ("Kê khai yề chồng | Kê khai về bên vợ")
            a = a or (bent_marker(toks[:k], self.schema, b) if b else None)
            b = b or (bent_marker(toks[k:], self.schema, a) if a else None)
            if a and b and a != b:
                return toks[k].bbox[0] - min(gap / 2, 12), a, b  # the right column starts at its marker
        return None

    def read(self) -> list[Draft]:
        """The page's records: a table read by its columns, else each segment in reading order, its labels found
        and each label's value taken (``_read_pair``), then the pairs no label rule placed given fields by the
        record-wide decoding."""
        if (self.unit == "row" or self.table_guess) and (
                rows := read_table(self.schema, self.rows, self.page, self.unit, strict=self.unit != "row")):
            self.drafts.extend(rows)
            return self.drafts
        segs = self.segments()
        # a register page whose entries are ruled apart: the wide gaps say where entries begin, and a field read
        # twice between two of them is a misread label, not the next entry
        ruled = self._ruled_entry_starts(segs) if self.unit == "entry" else set()
        cur = Cursor(self.new_draft(), None, None, set(), ruled)
        for si, seg in enumerate(segs):
            if self._opens_person(segs, si, cur) or si in cur.used:
                continue
            self._enter_column(seg, cur)
            self._open_ruled_entry(segs, si, cur)
            matches = self._row_labels(seg, cur)
            self._open_entry_by_labels(segs, si, matches, cur)
            matches = self._labels_with_values(segs, si, matches, cur)
            if not matches:
                self._read_unlabelled(segs, si, cur)
                continue
            self._marker_before_labels(seg, matches, cur)
            row = LabelRow(segs, si, matches, _first_value_x(seg.row.toks[matches[0].end:]))
            for mi in range(len(matches)):
                self._read_pair(row, mi, cur)
        for d in self.drafts:
            place_pending(self.schema, d, self.page)
        return [d for d in self.drafts if d.fields or d.lists]

    # --- the stages of one segment (``read``) ---
    def _opens_person(self, segs: list[Segment], si: int, cur: Cursor) -> bool:
        """A heading in words read in part, outside a two-column block (taken, or not, as the rest of the value
        above, which left its words out): the bare labels under it are its person's, so it opens that person's
        section and is read no further."""
        seg = segs[si]
        if seg.forced:
            return False
        person = heading_person(seg.row.toks, self._labels(seg.row.toks, cur.section, cur.draft),
                                self._pair_under(segs, si), self.schema)
        if person is None:
            return False
        cur.section = person
        return True

    @staticmethod
    def _enter_column(seg: Segment, cur: Cursor) -> None:
        """A segment of another column of a two-column block of sections (or the first one out of it): its
        labels are in the section that column forces (none out of a block) until a marker or a label says more."""
        if seg.forced != cur.forced_prev:
            cur.section = seg.forced
            cur.forced_prev = seg.forced

    def _open_ruled_entry(self, segs: list[Segment], si: int, cur: Cursor) -> None:
        """On a register page ruled into entries, the first segment of a visual row that opens an entry (after a
        ruling's wide gap, ``_ruled_entry_starts``) opens a new record, once the current one holds anything."""
        line = segs[si].line
        if line in cur.ruled and (si == 0 or segs[si - 1].line != line) and (cur.draft.fields or cur.draft.lists):
            cur.draft = self.new_draft()
            cur.section = segs[si].forced

    def _row_labels(self, seg: Segment, cur: Cursor) -> list[Match]:
        """The labels of the segment in the open section, read again outside it when they say the section (or
        the register entry) the reader is in has ended."""
        toks, forced = seg.row.toks, seg.forced
        matches = self._labels(toks, cur.section, cur.draft)
        if self.unit == "entry" and cur.section != forced and any(
                (m.label.contextual or _of_section_only(m, cur.section)) and m.spec.key in cur.draft.fields
                for m in matches):
            # "Họ và tên" again after the mother's block: the next entry has begun, outside any section
            # (a label naming no person took the open section's field, which the entry already has)
            cur.section = forced
            matches = self._labels(toks, cur.section, cur.draft)
        if self.unit == "document" and any(_opens_next_block(m, cur.section, cur.draft) for m in matches):
            # a name asked with no person named, after the open person's block has fields read: a form opens
            # every person's block with the name, so that block is over (the next parent named in words the
            # vocabulary lacks); read outside any section, the record-wide decoding places it
            cur.section = forced
            matches = self._labels(toks, cur.section, cur.draft)
        return matches

    def _open_entry_by_labels(self, segs: list[Segment], si: int, matches: list[Match], cur: Cursor) -> None:
        """On a register page not ruled into entries, a row whose labels (or a later part of the same row) say
        the next entry has begun opens a new record (``_starts_entry``, ``_row_opens_entry``)."""
        if self.unit == "entry" and not cur.ruled and cur.draft.fields and (
                matches and self._starts_entry(segs, si, matches, cur.draft)
                or self._row_opens_entry(segs, si, cur.draft)):
            cur.draft = self.new_draft()

    def _labels_with_values(self, segs: list[Segment], si: int, matches: list[Match], cur: Cursor) -> list[Match]:
        """The labels whose values are read: none on a ruled cell's label row whose words after labels nobody
        listed are the label's rest; where no label was read, a row of label words alone over its value
        (``_label_over_value``)."""
        toks = segs[si].row.toks
        if matches and is_cell_label(segs[si].row) and all(m.spec is UNMAPPED for m in matches) \
                and _value_toks(toks[matches[-1].end:]):
            # a ruled cell's label row holds its label alone: words after a label nobody listed read in it are
            # the label's rest, never its value, which is in the cell's rows below (read as a label nobody
            # listed over its cell, ``_pend_row``)
            matches = []
        if not matches:
            matches = self._label_over_value(segs, si, cur.used, cur.section, cur.draft)
        if not matches:
            matches = self._label_by_its_words(segs[si].row.toks, cur.section)
        return matches

    def _label_by_its_words(self, toks: list[Tok], section: str | None) -> list[Match]:
        """A row of label words then its value with no colon, in a wording nobody listed ("Ngày tháng năm hy sinh
        1/5/1975 tại …"): the words before the value's start (``value_start``), every one a word the vocabulary
        knows, read from their meaning as one field with no doubt (words naming only a person before a value that
        is no name aside), are that field's label, as they would be ended by a colon; the value is then read as
        any labelled value is (its followers: the place after "tại"). Words the vocabulary lacks leave the row to
        the record-wide decoding (``_pend_row``)."""
        k = value_start(after_leaders(toks))
        if k is None or k < 2:
            return []
        k += len(toks) - len(after_leaders(toks))
        words = [t for t in toks[:k] if not t.leader]
        text = text_of(words)
        if meaning(text).unknown or not all(label_word_tok(t) for t in words):
            return []
        r = resolve(text, self.schema, section, self.last_spec, self.heading)
        if r is None or len(r.specs) != 1 or r.doubt is not None:
            return []
        if r.role_only and not looks_like_name(text_of([t for t in toks[k:] if not t.leader])):
            return []  # words naming only a person ("Đi bộ" folds onto "bố") ask the name: the value must be one
        label = Label(text, label_key(text), relation=r.relation, by_meaning=True, role_only=r.role_only)
        first = next(i for i, t in enumerate(toks) if not t.leader)
        return [Match(first, k, r.specs[0], label, r.score, r.score * min(len(label_key(text)), 30))]

    def _read_unlabelled(self, segs: list[Segment], si: int, cur: Cursor) -> None:
        """A segment with no label read: a person's marker opens that person's section; on a register page, a
        row whose label OCR lost is the field that followed in the entry above (``_by_position``); else label
        words none of which is known, with a value after them or on the row below (``_pend_row``)."""
        seg = segs[si]
        marker = None if seg.forced else find_marker(seg.row.toks, self.schema) or self._heading_over_labels(segs, si)
        if marker:
            cur.section = marker
            return
        f = self._by_position(seg.row, cur.draft, cur.section) if self.unit == "entry" and not seg.forced else None
        if f is not None:
            cur.draft.add(f)
            return
        kept, taken = len(cur.draft.pending), len(cur.used)
        self._pend_row(segs, si, cur.used, cur.draft, cur.section)
        if len(cur.draft.pending) == kept and len(cur.used) == taken:
            self._list_unread(seg.row.toks, cur.draft)

    def _heading_over_labels(self, segs: list[Segment], si: int) -> str | None:
        """A row that names one person and asks nothing, whatever other words it holds ("Lý lịch từ mẫu": a
        person's record, then the mother), over a row that opens with a label: that person's block opens, as under
        a heading the vocabulary knows. A label asks something (a name, a date); a row naming only a person over
        a value ("Mẹ" over a name) is that value's caption, and the row under it opens with no label."""
        words = [t for t in segs[si].row.toks if not t.leader]
        text = text_of(words)
        if not words or len(words) > MARKER_WORDS or words[-1].colon or any(c.isdigit() for c in text) \
                or si + 1 >= len(segs):
            return None
        said = meaning(text)
        role = next(iter(said.roles)) if len(said.roles) == 1 and not said.attrs else None
        if role not in self.schema.sections:
            return None
        below = segs[si + 1].row.toks
        first = next((i for i, t in enumerate(below) if not t.leader), None)
        labels = self._labels(below, role) if first is not None else []
        return role if labels and labels[0].start == first and labels[0].spec is not UNMAPPED else None

    def _list_unread(self, toks: list[Tok], draft: Draft) -> None:
        """A row no rule read, as a label, a value or a pair kept for the record-wide decoding ("Tên lúc hoạt động
        Năm Lửa", a year alone under a caption read as another's): listed on the record as a value with no label,
        so that review sees it rather than nothing. A row of label words alone (a section's heading) or in
        capitals (a title, an office's name over the form) holds no value and is left."""
        words = [t for t in toks if not t.leader and any(c.isalnum() for c in t.text)]
        letters = [c for t in words for c in t.text if c.isalpha()]
        digits = any(c.isdigit() for t in words for c in t.text)
        if not words or not digits and (all(c.isupper() for c in letters)
                                        or all(label_word_tok(t) for t in words)):
            return
        draft.unmapped.append(unmapped_pair("", words, self.page))

    def _marker_before_labels(self, seg: Segment, matches: list[Match], cur: Cursor) -> None:
        """A person's marker in the words before the row's first label: that person's section."""
        if matches[0].start > 0:
            marker = find_marker(seg.row.toks[:matches[0].start], self.schema)
            if marker:
                cur.section = marker

    # --- the stages of one label's value (``_read_pair``) ---
    def _read_pair(self, row: LabelRow, mi: int, cur: Cursor) -> None:
        """The row's label ``mi`` and its value: the label named by its value when it names no field; the value
        beside it, then under it or wrapping; the parts of it other fields take; the label read again by what
        the value is; where the value ends; the field read, then kept, listed or given to the record-wide
        decoding. A stage that returns nothing (``None``, ``False``) ends the pair: it gave no field of its own."""
        m = row.matches[mi] if row.matches[mi].spec is not UNMAPPED else self._name_unlisted(row, mi, cur)
        if m is None:
            return
        self._section_of_label(m, row.seg.forced, cur)
        pair = self._value_beside(row, mi, m)
        if (is_cell_label(row.seg.row) or not pair.toks) and not pair.nxt:
            # a caption, or a label with nothing beside it, is label to its row's end: read whole (``whole_caption``)
            read, rest = ([t.text for t in part if not t.leader] for part in (row.seg.row.toks[m.start:m.end],
                                                                             row.seg.row.toks[m.end:]))
            m = read_whole(m, read, rest, self.schema, cur.section)
        if not self._value_below(row, pair, m, cur):
            return
        toks = self._parts_of_others(row, mi, pair, m, cur)
        if m.spec.kind == "number" and label_rest_words(toks):
            return  # "Số: ghi sổ 35": the rest of the label the matcher read in part, before its own value
        read_as = m.spec
        if not toks or (m := self._label_by_value(m, toks, cur)) is None:
            return
        if m.spec is not read_as:
            toks = self._parts_of_field_by_value(row, pair, m, toks, cur)
        end = self._value_end(m, toks, cur.draft)
        f = self._found(row, pair, m, end, cur)
        if f is None:
            return
        f = self._value_on_next_row(row, pair, m, f, end.toks, cur)
        self._list_read_over(f, cur)
        if self._gives_back_below(row, f, end.toks, cur):
            return
        f = self._name_under_date(row, m, f, cur)
        if self._kept(row, pair, m, f, end.toks, cur):
            self._record(f, cur)

    def _name_unlisted(self, row: LabelRow, mi: int, cur: Cursor) -> Match | None:
        """A label that names no field: its value, beside it or alone on the row below, may say which field it
        is (``_by_value``); else the pair is listed and pending (``None``), the row below taken with it."""
        segs, si, m, toks = row.segs, row.si, row.matches[mi], row.seg.row.toks
        used = cur.used
        below = None
        cell_rest: list[int] = []  # the rows of a ruled cell under its value's first row
        if mi + 1 == len(row.matches) and not _value_toks(toks[m.end:]):
            # a label naming no field with nothing after it: its value may be alone on the row below
            nseg = self.rests.next_free(segs, si, used, empty=True)
            if nseg is not None and value_start(segs[nseg].row.toks) is None:
                below = nseg
                cell_rest = self.rests.cell_rows(segs, nseg, used, segs[nseg].row.toks)
        named = self._by_value(m, toks, row.matches, mi, cur.section, cur.draft,
                               segs[below].row.toks + [t for j in cell_rest for t in segs[j].row.toks]
                               if below is not None else None,
                               rest=lambda value: self.rests.take_unit_rest(value, segs, si, used),
                               cut=lambda value, take: self.rests.cut_name_rest(value, segs, si, used, take))
        if below is not None and named is None:  # pending with the row below as its value
            used.add(below)
            used.update(cell_rest)
        return named

    def _section_of_label(self, m: Match, forced: str | None, cur: Cursor) -> None:
        """A label that is not read through the open section sets the section: its field's (the column's, or
        none, for a field of the record's subject); on a register page, a field the entry has already opens the
        next entry, which starts outside any section."""
        if m.label.contextual:
            return
        sec = m.spec.section
        cur.section = sec if sec in self.schema.sections else (forced if forced else None)
        if self.unit == "entry" and m.spec.key in cur.draft.fields:
            cur.section = forced  # a new register entry starts outside any section

    def _value_beside(self, row: LabelRow, mi: int, m: Match) -> PairSpan:
        """The words beside the row's label ``mi`` (read as ``m``), up to the next label: none when they are the
        label's own run-on, a word joining it to the next label, a cell label's rest, or print beside it."""
        toks = row.seg.row.toks
        # labels sharing a span ("Đã chết vào lúc" -> time + date) share the value
        nxt = [o for o in row.matches[mi + 1:] if o.start > m.start]
        end = nxt[0].start if nxt else len(toks)
        rest = 0 if nxt else label_rest(self.schema, toks[m.start:m.end], toks[m.end:end], row.seg.row.height)
        if m.spec.kind == "name":
            rest += name_label_run_on(toks[m.end + rest:end], ends_row=not nxt)
        elif m.spec.kind == "place" and not nxt:
            rest += place_label_run_on(toks[m.end + rest:end])
        value = _value_toks(label_tail(toks[m.end + rest:end]), m.spec.kind, m.spec)
        if nxt and joining_word(toks[m.end - 1:nxt[0].start]) is not None:
            value = []  # "Cấp bậc | và | chức vụ: …": the word joining two labels is no value (``joint_text``)
        if value and (label_only(self.schema, row.seg.row, m.start, m.end, value)
                      or not nxt and rest_of_label(toks[m.end:end])):
            value = []  # "Xxx yyy | zzz của www -", a cell's label ("Quê quán (gốc) người …"): the value is below
        # the next heading, or a label, read beside this label: print, no value (its value, as this label's,
        # is looked for under it). It opens with a capital, as a heading does: words in lower case after a
        # label are its own run-on ("Họ và tên | của người được ủy quyền …"), which the label's rules read;
        # and the label has no colon or leader, after which the form itself says a value is written
        ended = any(t.colon or t.leader for t in toks[m.start:m.end + rest])
        printed = [t for t in toks[m.end + rest:end] if not t.leader] if value and not nxt and not ended else []
        if printed and opens_capitalised(printed) \
                and reads_as_print(self.schema, m.spec, [t.text for t in value if not t.leader]):
            value = []
        else:
            printed = []
        return PairSpan(end, nxt, value, printed)

    def _value_below(self, row: LabelRow, pair: PairSpan, m: Match, cur: Cursor) -> bool:
        """The value's words below the label's row: the value a label of two fields read below for its first
        field; a left column's value that wraps in its column; a value that goes on below, or that is below a
        label with nothing beside it (``value_rest``). ``False`` when what was taken below is a row of headings,
        print: given back to be read as the labels it is, and the label left with no value."""
        segs, si = row.segs, row.si
        if not pair.nxt and not pair.toks and (m.start, m.end) in row.shared_below:
            pair.toks = row.shared_below[(m.start, m.end)]  # the value below, for the second field of a shared label
        elif pair.nxt and not pair.toks:
            # a caption with the next caption beside it and nothing between: its value is under it, in its column
            pair.toks = self.rests.under_caption(row.seg.row.toks[m.start:m.end], m.spec, segs, si, cur.used,
                                                 row.seg.row.toks[pair.nxt[0].start].bbox[0])
        elif pair.nxt and pair.toks and m.spec.wrap and m.spec.kind in ("place", "text"):
            # a value of the row's left column, cut where the next column's label begins
            pair.toks = pair.toks + self.rests.column_rest(pair.toks, segs, si, cur.used,
                                                           row.seg.row.toks[pair.nxt[0].start].bbox[0])
        elif not pair.nxt:
            if pair.toks and not pair.printed and (under := self.rests.under_caption(
                    row.seg.row.toks[m.start:m.end], m.spec, segs, si, cur.used, pair.toks[0].bbox[0], pair.toks)):
                # the words beside are the next caption of a row of captions, its value below it: that caption and
                # its value listed and left to the record-wide decoding (no rule read the caption as a label)
                caption = [t for t in pair.toks if not t.leader]
                if value := self.rests.caption_value(caption, segs, si, cur.used):
                    listed = unmapped_pair(text_of(caption), value, self.page)
                    cur.draft.unmapped.append(listed)
                    self._pend(cur.draft, listed["label"], value, cur.section, listed)
                pair.toks = under
                return True
            had, before = bool(pair.toks), set(cur.used)
            # (under print, the value is in the label's own column: the row's first words were the print's)
            pair.toks = self.rests.continue_value(pair.toks, m.spec, segs, si, cur.used, row.seg.edge,
                                                  value_x=None if pair.printed else row.value_x)
            if not pair.toks and pair.printed:  # the next caption, print, beside it: its value under it, likewise
                pair.toks = self.rests.under_caption(row.seg.row.toks[m.start:m.end], m.spec, segs, si, cur.used,
                                                     pair.printed[0].bbox[0])
            row.taken_below = cur.used - before if not had else set()
            if row.taken_below and reads_as_print(self.schema, m.spec, [t.text for t in pair.toks if not t.leader]):
                # the row under a label with nothing beside it is the next row of headings, print: given
                # back, to be read as the labels it is, and the label left with no value
                cur.used.difference_update(row.taken_below)
                return False
            if not had and pair.toks:  # "Giờ xxx -" / "1 giờ 30 phút": the time's as well as the date's
                row.shared_below[(m.start, m.end)] = pair.toks
        return True

    def _parts_of_others(self, row: LabelRow, mi: int, pair: PairSpan, m: Match, cur: Cursor) -> list[Tok]:
        """The value without the parts other fields take, each read as its field: the print's column under
        print, a second label's part, a joint label's first part, a leading value, the labels that follow this
        field and their values, an issuer's closing verb, a date's place, the hour of a date."""
        draft, toks = cur.draft, pair.toks
        line = row.seg.row
        if pair.printed:
            toks = self._under_print(draft, pair.printed, toks, cur.section, line.height)
        toks = label_run_on(toks)
        toks = self._unnamed_second(m, line.toks, toks, draft)
        toks = self._joint_first(row.matches, mi, line.toks, toks, draft)
        toks = self._read_leading_value(m, toks, draft)
        whole = toks
        toks, followers = self._split_followers(m.spec, toks)
        toks = _issuer_name(m.spec, toks)
        toks = self._date_and_place(m, toks, draft)
        self._hour_of_date(m, row.matches, toks, draft)
        self._read_followers(row, pair, m, whole, followers, cur)
        return toks

    def _parts_of_field_by_value(self, row: LabelRow, pair: PairSpan, m: Match, toks: list[Tok], cur: Cursor) -> list[Tok]:
        """The value without the labels that follow the field its value's look gave it (``_label_by_value``: a
        whole citation under a number's label is the cited document's number, "… do … cấp ngày …" then its
        issuer's and date's), each read as its field, as ``_parts_of_others`` reads those of the label's own field."""
        whole = toks
        toks, followers = self._split_followers(m.spec, toks)
        self._read_followers(row, pair, m, whole, followers, cur)
        return toks

    def _read_leading_value(self, m: Match, toks: list[Tok], draft: Draft) -> list[Tok]:
        """The value without the leading value of the field one of its short labels follows (``_leading_value``),
        read as that field's while it is unread."""
        toks, lead = self._leading_value(m.spec, m.label, toks)
        if lead is not None and lead[0].key not in draft.fields and lead[2]:
            extra = Found(lead[0], lead[2], lead[1], m.score, self.page).finish()
            if extra.value is not None:
                extra.notes.append(f"read before {m.spec.key}'s own short label, in the value of its label")
                draft.add(extra)
        return toks

    def _read_followers(self, row: LabelRow, pair: PairSpan, m: Match, whole: list[Tok],
                        followers: list[tuple[FieldSpec, Label, list[Tok]]], cur: Cursor) -> None:
        """The values of the labels that follow the field in its value ("… số: 81/QĐ ngày 1/4/1964 của Bộ …"),
        each read as its field; the last one, ending the row, may wrap onto the next row and there meet its own
        follower. A follower's field read already keeps its value unless this one is surer (``_take_if_surer``)."""
        segs, si = row.segs, row.si
        for k, (spec, label, ftoks) in enumerate(followers):
            if k + 1 == len(followers) and not pair.nxt:  # the last part may wrap onto the next row
                # (below the row it ends on: a value under its label wraps below that row, not the label's;
                # a short label that ends the value, "… 81/QĐ ngày" / "1/4/1964 …", ends that row too)
                last = ftoks[-1] if ftoks else whole[-1] if whole else None
                src = next((j for j in range(si, len(segs)) if any(t is last for t in segs[j].row.toks)),
                           si) if last is not None else si
                ftoks = self.rests.continue_value(ftoks, spec, segs, src, cur.used, row.seg.edge,
                                                  value_x=row.value_x if src == si else None)
                # … and there meet its own follower ("do Bệnh viện huyện cấp" / "ngày 08/11/1978")
                ftoks, more = self._split_followers(spec, ftoks)
                followers.extend(more)
            extra = Found(spec, _issuer_name(spec, ftoks), label, m.score, self.page).finish()
            if extra.value is not None and not cur.draft.add(extra):
                self._take_if_surer(cur.draft, extra, cur.section)

    def _label_by_value(self, m: Match, toks: list[Tok], cur: Cursor) -> Match | None:
        """The label read again by what its value is: a person's label alone names that person's field of the
        value's kind (``_role_only``; ``None`` when the person has none: listed), a wording the matcher stopped
        short of is read whole, and a value's look outweighs a reading by meaning (``_id_by_look``,
        ``_field_by_look``)."""
        if m.label.role_only and m.spec.kind == "name":
            named = self._role_only(m, toks, cur.section)  # "Mẹ: Tày": the person named, the value says what
            if named is None:
                return None
            m = named
        m = self._whole_label(m, toks, cur.section)
        m = self._id_by_look(m, toks, cur.section, cur.draft)
        return self._field_by_look(m, toks, cur.draft)

    def _value_end(self, m: Match, toks: list[Tok], draft: Draft) -> ValueEnd:
        """Where the value ends by its kind: words after a whole address, a name, a closed value or a unit, or
        the next column's pair after a blank, are another pair's (``beyond``); words after a name not written
        as a name's are its doubtful ``tail``; an alias after the subject's name is read as its own field."""
        tail: list[Tok] = []
        aliased: list[Tok] = []  # the words after the name read as the subject's alias
        # words after a whole address, or the next column's pair after a blank: another pair's
        toks, beyond = pair_after_gap(toks)
        if not beyond:  # (the value ends at the blank before the next column's pair, whatever its kind)
            if m.spec.kind == "name":
                named = self._alias_after_name(m, toks, draft)
                toks, aliased = named, toks[len(named):]
                toks, tail = name_and_tail(toks)
            elif m.spec.kind == "place":
                toks, beyond = place_and_tail(toks)
            elif asks_closed(m.spec.kind, m.spec.key):  # a country or an ethnic group, and the next pair
                toks, beyond = closed_and_tail(m.spec.kind, m.spec.key, toks)
            elif is_unit_field(m.spec):  # a unit, and a date run into it (the next pair's value)
                toks, beyond = unit_and_tail(toks)
            elif is_rank_field(m.spec):  # a rank of the list, and a post or a unit run into it (``military_ranks``)
                toks, beyond = rank_and_tail(toks)
        if m.spec.kind == "text" and not m.spec.vocabulary and not beyond:
            toks, beyond = text_and_tail(toks)
            if not beyond and m.spec.key.endswith("relation"):
                toks, beyond = relation_and_tail(toks)
        return ValueEnd(toks, tail, aliased, beyond)

    def _found(self, row: LabelRow, pair: PairSpan, m: Match, end: ValueEnd, cur: Cursor) -> Found | None:
        """The field read from the value, its doubts noted: words cut off its end (listed as another pair when
        they are one), a doubtful word after a name, a place that ends with a comma. ``None`` for a moment
        label's companion whose field is read already."""
        line = row.seg.row.toks
        f = Found(m.spec, end.toks, m.label, m.score, self.page, relation=m.label.relation,
                  label_note=_label_note(line[m.start:pair.end], end.toks)).finish()
        if m.companion and m.spec.key in cur.draft.fields:
            return None
        if end.beyond:
            f.notes.append(f"{len(end.beyond)} word(s) after the value's end (the address's province or district, "
                           "a country's or ethnic group's name, or a text before a person's label and name) "
                           "were left out: listed as another pair")
            if is_rank_field(m.spec) and value_start(end.beyond) is None:
                # words after a rank that open no pair of their own (a post beside it or below it): a value with no
                # label, for the record-wide decoding to place by its look and its place in the form
                listed = unmapped_pair("", end.beyond, self.page)
                cur.draft.unmapped.append(listed)
                self._pend(cur.draft, "", end.beyond, cur.section, listed)
            else:
                list_beyond(cur.draft, end.beyond, cur.section, self.page)
        if end.tail:  # "Trần Thanh Quỳnh tước": a guess where the name ends, never a confident one
            f.confidence *= NAME_TAIL_FACTOR
            f.notes.append(f"{len(end.tail)} word(s) after the name not written as a name's were left out")
        if m.spec.kind == "name" and not end.aliased and (cut := _cut_tail(line[m.end:pair.end], end.toks)):
            f.confidence *= 0.6
            f.notes.append(f"a doubtful word right after the name was dropped ({cut!r}): it may be cut")
        if not pair.nxt and f.spec.kind == "place" and f.value is not None and end.toks[-1].text.endswith(","):
            f.confidence *= CUT_VALUE_FACTOR  # the address went on, but no line below could be its rest
            f.notes.append("the value ends with a comma and nothing follows it: words were lost")
        return f

    def _value_on_next_row(self, row: LabelRow, pair: PairSpan, m: Match, f: Found, toks: list[Tok],
                           cur: Cursor) -> Found:
        """A value that read as nothing, ending the row, with its rest on the next free row ("ngày mười lăm tháng
        ba" / "năm một nghìn…"): read with that row, which is taken, when that gives a value."""
        if f.value is not None or pair.nxt:
            return f
        nseg = self.rests.next_free(row.segs, row.si, cur.used)
        if nseg is None:
            return f
        f2 = Found(m.spec, toks + _value_toks(row.segs[nseg].row.toks, m.spec.kind, m.spec), m.label, m.score,
                   self.page, relation=m.label.relation).finish()
        if f2.value is None:
            return f
        cur.used.add(nseg)
        self._hour_of_date(m, row.matches, f2.toks, cur.draft)  # "1 giờ 30 phút  27/7/2019" below
        return f2

    def _list_read_over(self, f: Found, cur: Cursor) -> None:
        """Words of letters a value of digits was read over ("Trần Thị Lan" / "1960" taken under a year's label
        with nothing beside it): another field's value, listed and given to the record-wide decoding, never
        dropped inside this field's raw text."""
        for over in read_over(f.toks, f.value):
            listed = unmapped_pair("", over, self.page, text_of(over))
            cur.draft.unmapped.append(listed)
            self._pend(cur.draft, "", over, cur.section, listed)

    def _name_under_date(self, row: LabelRow, m: Match, f: Found, cur: Cursor) -> Found:
        """A person's name read under a label asking that person's date ("Họ tên | sinh của vợ: Lê Thị Lan"): the
        name of the person whose date the label asks (``name_under_date``); that person's name read already, the
        name is listed rather than dropped."""
        if (named := name_under_date(f, self.schema, cur.draft.fields)) is not None:
            return named
        if unread_name(f):
            cur.draft.unmapped.append(unmapped_pair(text_of(row.seg.row.toks[m.start:m.end]), f.toks, f.page, f.raw))
        return f

    def _kept(self, row: LabelRow, pair: PairSpan, m: Match, f: Found, toks: list[Tok], cur: Cursor) -> bool:
        """Whether the field read is recorded: not when its value is another field's (listed and pending), or
        when it read nothing that another reading does not explain (a companion's date, another field of the
        same label). A value that was another label's is listed."""
        draft = cur.draft
        if misplaced_office(f.spec.role, f.value) \
                or (f.value is not None or f.spec.kind == "name") and f.raw and of_another_kind(f.spec, f.raw) \
                or f.value is not None and another_fields_words(f.spec, f.raw, self.schema):
            # "Kinh", a person's name, a date under an office's label, a date or a unit under a place's
            # (``value_look.of_another_kind``): another field's value, read under a label that ran into the
            # next pair's, or a date under a label read as a name's (the name's normaliser then reads nothing
            # in it; a name under a date's label is ``name_under_date``'s); listed and left to the record-wide
            # decoding, so the field's own pair, read later, is not kept out by it
            listed = unmapped_pair(text_of(row.seg.row.toks[m.start:m.end]), f.toks, f.page, f.raw)
            draft.unmapped.append(listed)
            self._pend(draft, listed["label"], f.toks, cur.section, listed)
            return False
        if m.companion and f.value is None:
            return False  # (a moment's date, "… 20 phút, ngày" / "14 tháng 10 năm 1986", may be on the next row)
        if f.value is None and f.label_like:
            # the words after the label were another label's ("Sổ đăng ký số" as a number): listed as a label
            # with no value, so a reviewer sees it, rather than read as this field's value
            draft.unmapped.append(unmapped_pair(f.label_like, toks, self.page, ""))
        # "Chết vào lúc: ngày 05/01/1975": the words are a date, read as the event's date by the other field of
        # the same label; no time was written, so there is no time field to doubt. The words are the ones beside
        # the label or, under a column's caption, the ones the field took below it
        return not (f.value is None and self._shared_reads(m, row.matches, row.seg.row.toks, pair.end, f.toks))

    @staticmethod
    def _gives_back_below(row: LabelRow, f: Found, toks: list[Tok], cur: Cursor) -> bool:
        """The rows a label with nothing beside it took below are given back, to be read on their own, when they
        are no value of its field: nothing read there while the field is held already, or a tie's label over
        label words then a value."""
        if not row.taken_below:
            return False
        if f.value is None and (old := cur.draft.fields.get(f.spec.key)) is not None and old.value is not None:
            # a label with nothing after it took the row below, which is no value of its field, and the field
            # is read already: the row is given back, to be read on its own ("Xxx tử" over "Yyy zzz Con út")
            cur.used.difference_update(row.taken_below)
            return True
        if f.spec.key.endswith("relation") and value_start(toks) is not None:
            # … or a tie's label took a row of label words and a value after them ("Xxx yyy UBND xã …"): a
            # tie is a kinship term, never written after label words, so the row is the next pair, given back
            cur.used.difference_update(row.taken_below)
            return True
        return False

    def _record(self, f: Found, cur: Cursor) -> None:
        """The field into the record. A field the record holds already opens the next entry on a register page
        not ruled into entries; else the emptier or less sure of the two gives way, and a second value of its
        own is listed (read by meaning: maybe another person's) or left to the record-wide decoding."""
        self.last_spec = f.spec
        draft = cur.draft
        if draft.add(f):
            return
        if self.unit == "entry" and not cur.ruled:
            cur.draft = self.new_draft()
            cur.draft.add(f)
            return
        old = draft.fields[f.spec.key]
        if f.confidence > old.confidence and old.value is None:
            draft.fields[f.spec.key] = f
        elif self._take_if_surer(draft, f, cur.section):
            pass
        elif f.label.by_meaning and f.value is not None and f.value != old.value:
            # a second value for a field already read, from a label read by its meaning: it may be
            # another person's (a role word the vocabulary lacks); listed, never dropped silently
            listed = unmapped_pair(f.label.text, f.toks, f.page, f.raw)
            draft.unmapped.append(listed)
            self._pend(draft, f.label.text, f.toks, cur.section, listed)
        elif f.value is not None and (f.value != old.value or asks_closed(f.spec.kind, f.spec.key)):
            # the same field again from a wording read word for word: another person's field
            # whose section marker was not read (a heading in words the vocabulary lacks) may be placed
            # (a country or an ethnic group alike: most persons of a record share "Việt Nam", "Kinh")
            self._pend(draft, f.label.text, f.toks, cur.section, None)

    def _label_over_value(self, segs: list[Segment], si: int, used: set[int], section: str | None,
                          draft: Draft) -> list[Match]:
        """A row of label words alone that no label was read in, its value on the row below ("Xxx yyy … người được
        đăng ký khai sinh" / "xã …"): read again with the row's end as its colon (``value_start.row_ended_label``),
        as a ruled cell's label is, so a label longer than one read from its words alone is read whole. Kept only
        when one label that names a field takes the whole row and the row below is no value that says alone it is
        another field's (a date's label over "Nam" is a misreading: "Nam hay là nữ …" asks a sex)."""
        toks = row_ended_label(segs[si].row.toks, LABEL_MAX_WORDS_ENDED)
        below = self.rests.next_free(segs, si, used, empty=True) if toks is not None else None
        if toks is None or below is None:
            return []
        found = self._labels(toks, section, draft)
        first = next(k for k, t in enumerate(toks) if not t.leader)
        if len(found) != 1 or found[0].spec is UNMAPPED or found[0].start != first or found[0].end != len(toks):
            return []
        spec = found[0].spec
        kind = value_kind(text_of(segs[below].row.toks))
        if kind in SELF_NAMING_KINDS and kind not in (spec.kind, spec.key.rsplit(".", 1)[-1]):
            return []  # the value below says alone it is another field's
        return found

    def _under_print(self, draft: Draft, printed: list[Tok], below: list[Tok], section: str | None,
                     height: float) -> list[Tok]:
        """The words taken under a label whose words beside it were print (``printed_label``): those under the
        label's own column are its value; those from the print's column on are the print's, a label read with its
        value under it, listed and kept for the record-wide decoding (a row of headings over a row of values). The
        print's column starts at the first wide blank of the words under, before the print's end (a value centred
        in its column starts left of its heading); words with no such blank are one value, the label's."""
        words = [t for t in below if not t.leader]
        k = first_wide_gap(words, height, usual_gap(words)) if len(words) > 1 else None
        edge = words[k].bbox[0] - PRINT_COLUMN_SLACK * max(height, 1) \
            if k is not None and words[k].bbox[0] < printed[-1].bbox[2] else float("inf")
        own = [t for t in below if t.bbox[0] < edge]
        theirs = [t for t in below if t.bbox[0] >= edge and not t.leader]
        listed = unmapped_pair(text_of(printed), theirs or printed, self.page, text_of(theirs) if theirs else "")
        draft.unmapped.append(listed)
        if theirs:
            self._pend(draft, text_of(printed), theirs, section, listed, printed)
        return own

    def _take_if_surer(self, draft: Draft, f: Found, section: str | None) -> bool:
        """A place or a date read for a field already held from a label the vocabulary only partly knows, whose
        unknown words may have named another field ("Hiện xxx tại" read as the place of death for its "tại"; "Xxx
        yyy ngày" given the date of death by the form's title): the surer label (``surer_label``) takes the field,
        and the first value is listed and left to the record-wide decoding. (Other kinds stay with the first label:
        measured on every kind, the swap lost more fields than it gained, docs/benchmarks.md.)"""
        old = draft.fields.get(f.spec.key)
        if old is None or f.spec.kind not in SURER_KINDS or f.value is None or old.value is None \
                or f.value == old.value \
                or not reads_surer(f.label.text, f.label.by_meaning, old.label.text, old.label.by_meaning):
            return False
        draft.fields[f.spec.key] = f
        listed = unmapped_pair(old.label.text, old.toks, old.page, old.raw)
        draft.unmapped.append(listed)
        self._pend(draft, old.label.text, old.toks, section, listed)
        return True

    def _split_followers(self, spec: FieldSpec, toks: list[Tok]) -> tuple[list[Tok], list[tuple[FieldSpec, Label, list[Tok]]]]:
        """A value that runs on into the labels that only follow this field ("ngày" after a decision's number,
        "do" after a notice's number): when the field's own label was read by its meaning, those short labels
        were not looked for, so they are cut here, each part its field's value. Labels with ``after`` are the
        type's data; nothing is split for a field no label follows."""
        out: list[tuple[FieldSpec, Label, list[Tok]]] = []
        head, current, rest = toks, spec, toks
        cut = None
        while True:
            followers = self.schema.followers(current.key)
            rest = cut_glued_labels(rest, (lb.text.split()[0] for _, lb in followers))
            if cut is None:
                head = rest
            found = None
            # (from the value's first word: a value that opens with a follower's label, "ngày 03/04/1979 của …"
            # under a decision's label, holds none of this field's own, left blank or lost)
            for i in range(len(rest)):
                for f, lb in followers:
                    n = len(lb.text.split())
                    # (a label ending the row has its value on the next: "… do Trung tâm y tế xã cấp ngày" / "07/04/…")
                    if i + n <= len(rest) and fold(text_of(rest[i:i + n]).rstrip(",;")) == fold(lb.text):
                        found = (i, n, f, lb)
                        break
                if found:
                    break
            if found is None:
                if cut is not None:
                    out.append((cut[0], cut[1], _value_toks(rest, cut[0].kind, cut[0])))
                return head, out
            i, n, f, lb = found
            if cut is None:
                head = rest[:i]
            else:
                out.append((cut[0], cut[1], _value_toks(rest[:i], cut[0].kind, cut[0])))
            cut, current, rest = (f, lb), f, rest[i + n:]

    def _date_and_place(self, m: Match, toks: list[Tok], draft: Draft) -> list[Tok]:
        """A value that holds a date and then a place ("22/10/1956 tại Mặt trận …", "1950, xã …") under a date
        or a place label: each part goes to its field, the other field being the one the label names as well
        ("Ngày và nơi sinh", "Năm sinh, quê quán") or, joined by "tại"/"ở", the same event's. The other part is
        its field's value only while that field is free; otherwise the value is left whole (nothing dropped)."""
        if m.spec.kind not in ("date", "place") or (cut := date_then_rest([t.text for t in toks])) is None:
            return toks
        date_end, rest_start, by_place_word = cut
        other = joint_field(m.spec, m.label.text, self.schema, by_place_word)
        if other is None or other.key in draft.fields:
            return toks
        dated, placed = toks[:date_end], toks[rest_start:]
        own, theirs = (dated, placed) if m.spec.kind == "date" else (placed, dated)
        extra = Found(other, _value_toks(theirs, other.kind, other), m.label, m.score, self.page).finish()
        if extra.value is None:
            return toks
        draft.add(extra)
        return own

    def _hour_of_date(self, m: Match, matches: list[Match], toks: list[Tok], draft: Draft) -> None:
        """The hour written in a date's value ("21 giờ 10 phút, ngày 03/05/2001") under a label that names the
        event and no hour: the event's time, read from the same words (``hour_of_date``), while that field is
        free and no label of the row asks it (a moment's label reads both already). Its certainty is the date
        label's: the hour's own words say what it is, the label only whose event it is. (A moment's label, naming
        both, reads the same words for both: the time read here is the one its own reading finds.)"""
        if m.spec.kind != "date" or (spec := time_of_date(m.spec, self.schema)) is None \
                or spec.key in draft.fields or any(o.spec is spec and (o.start, o.end) != (m.start, m.end)
                                                    for o in matches) \
                or (span := hour_span([t.text for t in toks])) is None:
            return
        extra = Found(spec, toks[span[0]:span[1]], m.label, m.score, self.page).finish()
        if extra.value is None:
            return
        extra.notes.append(f"the hour written in {m.spec.key}'s value: the same event's time")
        draft.add(extra)

    def _joint_first(self, matches: list[Match], mi: int, row: list[Tok], toks: list[Tok], draft: Draft) -> list[Tok]:
        """The value of a label joined to the label before it by a joining word alone ("Cấp bậc, chức vụ: Hạ sĩ,
        B trưởng", "Cấp bậc và chức vụ: …", "Họ tên / Bí danh: …"): the part the first label asks is read as its
        field (``joint_text``), the rest is kept; a value the parts' looks do not part is the first label's
        whole unless it has the look of the second's field alone."""
        if mi == 0 or not toks:
            return toks
        first, m = matches[mi - 1], matches[mi]
        if first.spec is UNMAPPED or first.end > m.start or first.spec.key in draft.fields \
                or (joined_by := joining_word(row[first.end - 1:m.start])) is None:
            return toks
        split = split_joint(first.spec, m.spec, toks, joined_by)
        if split is None:
            if whole_owner(first.spec, m.spec, toks) != 0:
                return toks
            split = (toks, [])
            if first.spec.kind == "name":  # an alias written after the name goes to its own field
                split = (self._alias_after_name(first, toks, draft), [])
        extra = Found(first.spec, [replace(t, text=t.text.rstrip(PART_ENDS)) if t is split[0][-1] else t for t in split[0]],
                      first.label, first.score, self.page).finish()
        if extra.value is None:
            return toks
        extra.notes.append(f"its label joined to {m.spec.key}'s by '{joined_by}': the part of their one value it asks")
        draft.add(extra)
        return split[1]

    def _unnamed_second(self, m: Match, row: list[Tok], toks: list[Tok], draft: Draft) -> list[Tok]:
        """The value of a label joined to a second label that names no field of the record type ("Chất liệu &
        kỹ thuật: Gốm men lam, vẽ lam"): the second label's words are no value, and a value in two parts gives
        the first to the field and lists the second under its own label, unmapped. Only a text's value: a
        unit's commas part its levels, and a name's or a date's kind says where it ends."""
        if m.spec is UNMAPPED or m.spec.kind != "text" or is_unit_field(m.spec) or m.spec.is_list:
            return toks
        found = unnamed_second(row[m.start:m.end], row[m.end:m.end + 1], toks, m.spec, self.schema)
        if found is None:
            return toks
        second, joined_by, value = found
        parted = parted_in_two(value, joined_by)
        if parted is None:
            return value
        draft.unmapped.append(unmapped_pair(text_of(second).rstrip(": "), parted[1], self.page))
        return [replace(t, text=t.text.rstrip(PART_ENDS)) if t is parted[0][-1] else t for t in parted[0]]

    def _alias_after_name(self, m: Match, toks: list[Tok], draft: Draft) -> list[Tok]:
        """The subject's full name without the alias written after it ("Trần Văn Bình (Ba Bình)"): the alias is
        read as the record's alias field (``name_alias``) when the record type has one and it is not read yet
        (an alias under its own label, read first, is kept; the name ends before the other either way)."""
        alias_spec = next((f for f in self.schema.fields if f.role == "subject_alias"), None)
        if m.spec.role != "subject_name" or alias_spec is None:
            return toks
        name, alias = name_and_alias(toks)
        if not alias:
            return toks
        if alias_spec.key not in draft.fields:
            extra = Found(alias_spec, alias, m.label, m.score, self.page).finish()
            if extra.value is not None:
                extra.notes.append("written after the full name, in brackets or after 'tức'")
                draft.add(extra)
        return name

    def _leading_value(self, spec: FieldSpec, label: Label, toks: list[Tok]
                       ) -> tuple[list[Tok], tuple[FieldSpec, Label, list[Tok]] | None]:
        """A value that opens with the value of the field one of its own short labels follows, then that label
        ("Hy sinh tại trận ngày: 22/10/1956 tại Mặt trận …": the place's "tại" follows the date of death): the
        words before the short label are that field's when they are, whole, a clean value of its kind (a date);
        the rest is this field's. A label read over both fields ended too late; the value's shape says where."""
        for lb in spec.labels:
            if not lb.after or lb.after not in self.schema.by_key:
                continue
            lead = self.schema.by_key[lb.after]
            n = len(lb.text.split())
            for i in range(1, min(len(toks) - n, 6) + 1):
                if fold(text_of(toks[i:i + n])) != fold(lb.text):
                    continue
                head = _value_toks(toks[:i], lead.kind, lead)
                norm = normalise(lead.kind, text_of(head), lead.values) if head else None
                if norm is not None and norm.value is not None and norm.quality >= 1 and norm.ok:
                    return toks[i + n:], (lead, replace(label, by_meaning=True, source="value"), head)
                break
        return toks, None

    def _pend(self, draft: Draft, label: str, toks: list[Tok], section: str | None, listed: dict | None,
              label_toks: Sequence[Tok] = ()) -> None:
        """The pair kept on the record for the record-wide decoding, read on this page (``pending_pairs.pend``)."""
        pend(draft, label, toks, section, listed, self.page, label_toks)

    def _pend_row(self, segs, si: int, used: set[int], draft: Draft, section: str | None) -> None:
        """A row where no label was found: label words the vocabulary lacks, then a value ("Xxx yyy 06/1989",
        "Xxx yyy thị trấn …"), or label words alone with the value on the row below. Kept for the record-wide
        decoding, which places it only when its value and place say which field it is."""
        toks = after_leaders(segs[si][0].toks)  # an item's number opens no label
        if not toks:
            return
        # a label nobody listed in its cell, its value in the page's value column beside it ("Xxx yyy | Zzz 9"):
        # the cells' edge ends the label as a colon would, surer than any word's look ("… tại | Nghĩa trang …")
        k = label_cell_end(toks, self.value_columns, max(segs[si][0].height, 10), LABEL_MAX_WORDS_ENDED)
        k = value_start(toks) if k is None else k
        label = toks[:k] if k is not None else []
        # (a label ended by a colon, a border or a leader may be as long as one the matcher reads so ended)
        if k is None and (end := label_end(toks)) is not None \
                and label_words_only(toks[:end + 1], LABEL_MAX_WORDS_ENDED):
            # a label nobody listed, ended by its ruled cell's border, a leader or a colon ("| Xxx yyy | Zzz"): the
            # words after that end are its value, whatever their first word looks like (the border before the value
            # hides the case change value_start reads a value's start by)
            label, k = [t for t in toks[:end + 1] if not t.leader], end + 1
        if k is not None:
            value = [t for t in toks[k:] if not t.leader]
            if not value and segs[si].column[0] == "cells":
                # a cell's label nobody listed, ended by its border: the cell's rows below are its value, whatever
                # they say and whatever its kind ("Thuộc biên chế" over a unit wrapped in its cell)
                value = _take_rows(segs, self.rests.cell_rows(segs, si, used, []), used)
            elif value_kind(text_of(value)) == "place" and segs[si].column[0] != "cells":
                # "… huyện Can Lộc," / "tỉnh Hà Tĩnh": as a labelled place, it wraps in its column, and a name it cuts
                # short ("… thành phố Đồng" / "Hới, tỉnh …") goes on below (a ruled cell's rows are read by cells.py)
                value = self.rests.continue_value(value, A_PLACE, segs, si, used, segs[si].edge)
            else:
                value = value + self.rests.take_unit_rest(value, segs, si, used)
            words = [t for t in label if not t.leader]
            if words and field_by_look(text_of(words), self.schema) is not None:
                # the "label" is one field's value by its look ("Đại đội phó   Đại đội 20, …": a post, then the
                # next column's unit): two values side by side, each kept for the decoding with no label
                self._pend(draft, "", words, section, None)
                self._pend(draft, "", value, section, None)
                return
            self._pend(draft, text_of(label), value, section, None)
            return
        ended = toks[-1].colon or toks[-1].leader or toks[-1].text.endswith(":")  # "Xxx yyy -": its value is below
        # (label words alone ended by their colon or their cell's border may be as many as in a label the matcher
        # reads so ended, "Năm sinh (ghi rõ) của người mẹ (mẹ ruột):" over its year; unended, a few)
        if not label_words_only(toks, LABEL_MAX_WORDS_ENDED if ended else MAX_LABEL_WORDS):
            # a row of values under a row of label words, one under each ("Xxx yyy   Zzz" / "115   Lê Văn Tám"),
            # that no rule read as cells: each value with the words over it, for the record-wide decoding
            above = segs[si - 1] if si > 0 and segs[si - 1].column == segs[si].column else None
            if above is not None and segs[si].column[0] == "page" \
                    and (pairs := values_under_label_runs(self.schema, above.row, segs[si].row)) is not None:
                for label_toks, value in pairs:
                    self._pend(draft, text_of(label_toks), value, section, None)
            elif (k := turn_of_case(toks, LABEL_MAX_WORDS_ENDED)) is not None:
                # label words too many to be read alone, then a value where the case turns: kept as a pair
                self._pend(draft, text_of(toks[:k]), toks[k:], section, None)
            return
        nxt = self.rests.next_free(segs, si, used, empty=True)
        if nxt is None or not segs[nxt][0].toks or not ended and value_start(segs[nxt][0].toks) is not None:
            return
        used.add(nxt)
        value = segs[nxt][0].toks
        if segs[si].column[0] == "cells":
            # a value under a cell's label nobody listed wraps inside its cell as under a label read ("xã …, huyện" /
            # "…, tỉnh …", "UBND …, tỉnh" / "Quảng Bình"): the cell's rows below are its value, whatever they say
            value = value + _take_rows(segs, self.rests.cell_rows(segs, nxt, used, value), used)
        self._pend(draft, text_of(toks), value, section, None)

    def _shared_reads(self, m: Match, matches: list[Match], toks: list[Tok], end: int, taken: list[Tok]) -> bool:
        """Another field of the same label (a label of two fields, or a moment label's companion date) finds its
        value in the words after it, or in the words ``taken`` as this field's (a value under a column's
        caption)."""
        for o in matches:
            if o is m or o.start != m.start or o.spec is UNMAPPED or o.spec.kind == m.spec.kind:
                continue
            for words in (toks[o.end:end], taken):
                value = _value_toks(words, o.spec.kind, o.spec)
                if value and Found(o.spec, value, o.label, o.score, self.page).finish().value is not None:
                    return True
        return False

    def _by_value(self, m: Match, toks: list[Tok], matches: list[Match], mi: int, section: str | None,
                  draft: Draft, below: list[Tok] | None = None, rest=None, cut=None) -> Match | None:
        """A label that named no field: its value may say which field it is (a sex, an ethnicity, a
        country, an ID number) — else it is listed as unmapped with its value and where it is, so a reviewer
        can give it to a field in one step (the value is personal data: it is masked like any field's).
        ``rest``: the words of the row below that carry on a place the row's value cuts short (``_unit_rest``),
        taken for a value that ends the row; ``cut``: the words below that complete a country or an ethnic group the
        value cuts mid-name (``_cut_name_rest``), taken before the value is read for what it is."""
        nxt = [o for o in matches[mi + 1:] if o.start > m.start]
        value_toks = _value_toks(toks[m.end:nxt[0].start if nxt else len(toks)]) or _value_toks(below or [])
        cut_rest = cut(value_toks, False) if cut is not None and value_toks and not nxt and below is None else []
        whole = value_toks + cut_rest  # "Việt" / "Nam": the value says what it is only whole
        value = " ".join(t.text for t in whole)
        spec, source = field_by_value(m.label.text, value, self.schema, section), "value"
        if spec is None and not reads_as_value(m.label.text):
            # the label classifier's reading, when it is sure (schemas/label_model.py); never of "label" words that
            # are themselves a value (a place's or a person's name read before another value): they name no field
            previous = self.last_spec.key if self.last_spec else None
            spec, source = label_model.field_for(self.schema, m.label.text, value, previous, draft.fields), "model"
        if spec is None or spec.key in draft.fields:
            if cut_rest:  # (a field this names reads the rest itself, as a value cut mid-name: ``_completes_value``)
                value_toks = value_toks + cut(value_toks, True)
                value = " ".join(t.text for t in value_toks)
            elif rest is not None and not nxt and value_toks and below is None and (more := rest(value_toks)):
                # "… tỉnh Hà" / "Tĩnh": the address goes on below (a field this names reads its wrap itself)
                value_toks = value_toks + more
                value = " ".join(t.text for t in value_toks)
            listed = unmapped_pair(m.label.text, value_toks or toks[m.start:m.end], self.page, value)
            draft.unmapped.append(listed)
            self._pend(draft, m.label.text, value_toks, section, listed, toks[m.start:m.end])
            return None
        # whose it is rests on the section or on the subject by default, not on the label: a person confirms
        doubt = None if meaning(m.label.text).roles or section is not None and value_kind(value) != "year" \
            or not persons_share(spec, self.schema) and value_kind(value) != "year" \
            else f"placed by {'its value alone' if source == 'value' else 'the label classifier'}: {spec.key} may be " \
            "another field's"
        label = Label(m.label.text, m.label.folded, by_meaning=True, doubt=doubt, source=source)
        return Match(m.start, m.end, spec, label, 0.5, m.weight)

    def _whole_label(self, m: Match, toks: list[Tok], section: str | None) -> Match:
        """A wording the matcher stopped short of, whose last words open the value ("Họ và tên" + "người làm
        thủ tục khai tử  Phùng …"), is read whole: when the whole label names one other field of the same kind
        (the declarant's name, not the subject's), the value is that field's; so is a label read in a person's
        block when its words name another person ("Họ tên … của người thay mặt gia đình" in the father's). The
        words are cut from the value as any label's are (``Found``); only the field changes, never to a field of
        another kind."""
        words = [t.text for t in toks if not t.leader]
        k = label_head(m.spec, words)
        if not k or m.label.contextual and not meaning(" ".join(words[:k])).roles:
            return m  # (a label read in a person's block is that person's, unless its own words name another)
        text = f"{m.label.text} {' '.join(words[:k])}"
        r = resolve(text, self.schema, section)
        if r is None or len(r.specs) != 1 or r.specs[0].key == m.spec.key or r.specs[0].kind != m.spec.kind:
            return m
        return Match(m.start, m.end, r.specs[0], Label(text, label_key(text), relation=r.relation, by_meaning=True,
                                                        doubt=r.doubt), r.score, m.weight)

    def _id_by_look(self, m: Match, toks: list[Tok], section: str | None, draft: Draft) -> Match:
        """A label that asks only for "a number" ("Mã …:", "Số …:"), read as a document's number through the
        form's title or the field before it, while its value has the look of a personal ID (9 or 12 digits and
        nothing else, as no notice, certificate or register number is written) is the person's ID number: the
        value's look outweighs a document the label never named."""
        if not m.label.by_meaning or m.spec.key.endswith("personal_id") or m.spec.kind not in ("number", "id"):
            return m
        value = " ".join(t.text for t in toks if not t.leader)
        if value_kind(value) != "id" or meaning(m.label.text).attrs & EVENTS:
            return m
        spec = field_by_value(m.label.text, value, self.schema, section)
        if spec is None or spec.key in draft.fields or not spec.key.endswith("personal_id"):
            return m
        return _by_its_value(m, spec)

    def _field_by_look(self, m: Match, toks: list[Tok], draft: Draft) -> Match:
        """A label read by its words' meaning whose value has a look only one other field of the type can hold (a
        military unit, a closed value, a century: ``value_look``) is that field's, while it is still unread: the
        value's look outweighs a reading of a wording the vocabulary only partly knows ("Biên chế tại" as a place
        for its "tại", with "Đại đội 8, Tiểu đoàn 24" after it)."""
        value = " ".join(t.text for t in toks if not t.leader)
        if m.spec.kind == "number" and not m.spec.code and is_weight(value) and not m.label.contextual:
            # a count never carries a weight's unit: "T.lượng: 1,2 kg" read as "Số lượng" is the weight's, however
            # its label was read
            spec = field_by_look(value, self.schema)
            return m if spec is None or spec.key in draft.fields else _by_its_value(m, spec)
        if not m.label.by_meaning or m.label.contextual:
            return m
        spec = field_by_look(value, self.schema)
        if spec is None and m.spec.kind == "name" and is_country_name(value):
            # a country under a name's label read in part ("Xxx nước người được khai sinh | Việt Nam"): the
            # nationality of the person the label names
            spec = field_by_value(m.label.text, value, self.schema, m.spec.section)
        if spec is None or spec.key == m.spec.key or spec.key in draft.fields:
            return m
        return _by_its_value(m, spec)

    def _role_only(self, m: Match, toks: list[Tok], section: str | None) -> Match | None:
        """A label that named a person and nothing more is read as that person's name, unless its value is
        plainly something else (a year, an ethnic group, a country, a sex, an ID number, a place, a full date):
        then it is that person's one field of that kind, or, when the person has none or several, an unmapped
        label (``person_only``)."""
        value = " ".join(t.text for t in toks)
        if not person_only.value_decides(value):
            return m
        spec = person_only.persons_field(m.label.text, value, self.schema, section)
        if spec is None:
            listed = unmapped_pair(m.label.text, toks, self.page, value)
            self.drafts[-1].unmapped.append(listed)
            self._pend(self.drafts[-1], m.label.text, toks, section, listed)
            return None
        label = Label(m.label.text, m.label.folded, by_meaning=True, doubt=person_only.doubt(m.label.text))
        return Match(m.start, m.end, spec, label, m.score, m.weight)

    @staticmethod
    def _ruled_entry_starts(segs: list[Segment]) -> set[int]:
        """The visual rows (``Segment.line``) of a register page that open an entry after a ruling's wide gap
        (``schemas/entry_bounds.py``); empty when the page's spacing does not say."""
        spans: dict[int, tuple[float, float]] = {}
        for seg in segs:
            top, bottom = spans.get(seg.line, (seg.row.bbox[1], seg.row.bbox[3]))
            spans[seg.line] = (min(top, seg.row.bbox[1]), max(bottom, seg.row.bbox[3]))
        lines = sorted(spans)
        heights = sorted(seg.row.height for seg in segs) or [0]
        starts = entry_starts([spans[n] for n in lines], heights[len(heights) // 2])
        return {lines[k] for k in starts}

    def _starts_entry(self, segs, si: int, matches: list[Match], draft: Draft) -> bool:
        """On a register page, does this row open the next entry? Yes when it holds a field the current
        entry already has (the whole row belongs to the new entry, so "Số: 24  Họ và tên: …" does not
        leave its number to the entry above), or when it follows a gap wider than the page's usual
        line spacing and its first field comes, in the order of the entry above (the schema's order
        for the first entry), before the current entry's first field ("Số: 374" on its own line)."""
        tops = [m for m in matches if not m.spec.is_list]
        if any(m.spec.key in draft.fields for m in tops):
            return True
        if not tops or si == 0 or segs[si][1] is not None:
            return False
        gaps = sorted(b[0].bbox[1] - a[0].bbox[3] for a, b in zip(segs, segs[1:])
                      if a[1] is None and b[1] is None and b[0].bbox[1] > a[0].bbox[3])
        if len(gaps) < 3:
            return False
        gap = segs[si][0].bbox[1] - segs[si - 1][0].bbox[3]
        if gap <= 1.8 * max(gaps[len(gaps) // 2], 4):
            return False
        order = list(self.drafts[-2].fields) if len(self.drafts) >= 2 else [f.key for f in self.schema.fields]
        first, key = list(draft.fields)[0], tops[0].spec.key
        return first in order and key in order and order.index(key) < order.index(first)

    def _row_opens_entry(self, segs: list[Segment], si: int, draft: Draft) -> bool:
        """On a register page, the first part of a row cut at the page's columns opens the next entry when a
        later part of the same row holds a field the current entry already has ("Số: 84  |  Họ và tên: …" when
        the entry above lost its number's label): the whole row is the new entry's, as an uncut row would be."""
        if si > 0 and segs[si - 1].line == segs[si].line:
            return False
        for seg in segs[si + 1:]:
            if seg.line != segs[si].line:
                return False
            if any(not m.spec.is_list and m.spec is not UNMAPPED and m.spec.key in draft.fields
                   for m in find_labels(seg.row.toks, self.schema, seg.forced)):
                return True
        return False

    def _by_position(self, seg: Row, draft: Draft, section: str | None) -> Found | None:
        """A register row whose label OCR lost ("Sán Dìu" where the entries above read "Dân tộc: …"):
        the entries of one register page list their fields in the same order, so the row is the field
        that followed the current entry's last field in the entry above, if that field is still
        missing and the row parses as it. The value keeps a note and a lower confidence."""
        if not draft.fields or len(self.drafts) < 2:
            return None
        last = list(draft.fields)[-1]
        order = list(self.drafts[-2].fields)
        if last not in order or order.index(last) + 1 >= len(order):
            return None
        key = order[order.index(last) + 1]
        spec = self.schema.by_key[key]
        if key in draft.fields or spec.internal or spec.section != section:
            return None
        toks = _value_toks(seg.toks, spec.kind, spec)
        if not toks or not spec.labels:
            return None
        f = Found(spec, toks, spec.labels[0], 0.5, self.page).finish()
        if f.value is None or not normalise(spec.kind, f.raw, spec.values).ok:
            return None
        f.notes.append(f"label not read: taken from its place after {last}, as in the entry above")
        return f

    def _labels(self, toks: list[Tok], section: str | None, draft: Draft | None = None) -> list[Match]:
        """Labels of a row, re-read after each label that changes the section ("Số: … Họ và tên: …"
        after a mother block: "Số" closes the block, so "Họ và tên" is the child's again)."""
        matches = find_labels(toks, self.schema, section, previous=self.last_spec, heading=self.heading)
        for k, m in enumerate(matches):
            if draft is not None and (own := self._sections_own(m, toks, section, draft)) is not None:
                matches[k] = m = own
            if m.label.contextual:
                continue
            sec = m.spec.section if m.spec.section in self.schema.sections else None
            if sec != section and k + 1 < len(matches):
                rest = find_labels(toks[m.end:], self.schema, sec)
                for r in rest:
                    r.start += m.end
                    r.end += m.end
                return _no_body_name(toks, matches[:k + 1] + [r for r in rest if r.start >= m.end])
        matches = [m for k, m in enumerate(matches) if not (k and qualifies_label(matches[k - 1], m, toks))]
        # a size names its own parts ("Kích thước: Chiều cao: 56 cm, đường kính miệng: 11 cm"): its label ends at
        # its first colon, and a label of the size read again on its row is a measure's word inside the value
        for m in matches:
            if m.spec.kind == "dimensions":
                m.end = next((i + 1 for i in range(m.start, m.end - 1) if toks[i].text.endswith(":")), m.end)
        matches = [m for k, m in enumerate(matches)
                   if not (m.spec.kind == "dimensions" and any(p.spec is m.spec for p in matches[:k]))]
        return _no_body_name(toks, [part for m in matches for part in self._two_labels(m, toks, section)])

    def _two_labels(self, m: Match, toks: list[Tok], section: str | None) -> list[Match]:
        """A label read whole whose words name two fields, either side of a joining word ("Họ và tên / Bí
        danh"): two labels, the value read for both (``joint_text``)."""
        if m.spec is UNMAPPED or (found := second_label(toks[m.start:m.end], m.spec, self.schema, section)) is None:
            return [m]
        first_end, second_start, r = found
        text = text_of(toks[m.start + second_start:m.end]).rstrip(": ")
        label = Label(text, label_key(text), relation=r.relation, by_meaning=True, doubt=r.doubt)
        second = Match(m.start + second_start, m.end, r.specs[0], label, r.score, r.score * min(len(label_key(text)), 30))
        return [replace(m, end=m.start + first_end), second]

    def _sections_own(self, m: Match, toks: list[Tok], section: str | None, draft: Draft) -> Match | None:
        """Inside a person's block opened on a page of one record, a label that names nobody and matched a
        field of the record's subject that is already filled ("Họ, chữ đệm và tên", "Sinh năm" under "Người
        cha", after the child's) is the block person's field of the same kind when that one is still empty:
        the label asks about the person the block is about, not a second child."""
        if section is None or self.unit != "document" or m.spec is UNMAPPED or m.label.contextual \
                or m.spec.section == section or m.spec.key not in draft.fields or m.spec.is_list:
            return None
        text = " ".join(t.text for t in toks[m.start:m.end] if not t.leader).rstrip(":.-– ")
        said = meaning(text)
        if said.roles or said.empty:
            return None
        r = resolve(text, self.schema, section)
        if r is None or len(r.specs) != 1 or r.specs[0].section != section or r.specs[0].key in draft.fields:
            return None
        return Match(m.start, m.end, r.specs[0], Label(text, label_key(text), contextual=True, by_meaning=True),
                     min(m.score, r.score), m.weight)
