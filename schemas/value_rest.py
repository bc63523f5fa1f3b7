"""Where a value goes on past its row: the lines it wraps onto in its column, the next level of an address or a
military unit on the row below, the rest of a name or a kinship term cut at the line's end, the words under a
value when its label wraps in a column of its own (docs/extraction.md, step 6).

``PageReader`` (``reader.py``) reads a row's label and the value after it; ``ValueRests`` is asked for the rest:
given the page's segments, the row the value was read on and the rows already read (``used``), it returns the
words that carry the value on and takes them out of the rows they came from, so nothing is read twice. A rest
is taken only where it carries on the value's kind and never when the row below opens a pair of its own.
"""

from __future__ import annotations

from sohoa.text import fold

from .cells import CELL_SLACK
from .fields import _name_continuation, _value_toks
from .gazetteer import (OFFICE_HEADS, address_end, address_open, chain_goes_on, completes_unit, cut_level_word,
                        cut_unit, ends_bare_level, names_bare_local_level)
from .label_edges import name_like
from .labels import is_label_word, meaning, resolve, value_kind
from .layout import (COLUMN_SLACK, EMPTY_LABEL_REACH, WRAP_MAX_ROWS, Row, Tok, case_turns, cut_at_gaps, splits_unit,
                     text_of, union)
from .loader import FieldSpec, Schema
from .matching import UNMAPPED, find_labels, find_marker
from .measure_units import measure_named_last
from .normalize import normalise
from .sentence_rest import sentence_goes_on
from .value_look import is_military_unit, is_unit_field, unit_cut_in_level, unit_goes_on, unit_open
from .value_column import opens_in_value_column
from .value_start import LEVEL_FOLDS, MAX_LABEL_WORDS, label_words_only, opens_with_label, value_start




# a place read under a label of another kind, or no label yet: it wraps onto the rows below as a labelled place does
A_PLACE = FieldSpec("_a_place", "place", wrap=True)

# the head words of an office, folded, that name none alone ("Sở", "Bộ", "Cục"): the office's name follows them
_BARE_OFFICE_HEADS = frozenset(("so", "bo", "cuc", "phong", "ban", "vien"))


def opens_next_pair(value: list[Tok], below: list[Tok], label_x: float, height: float) -> bool:
    """The row below a value opens the next pair rather than carrying the value's wrapped rest: it starts where
    the value's label starts (``label_x``; a line wrapped in the value's column starts right of it: "Bộ" / "Tư
    lệnh Quân khu 4"), with label words (capitalised first, no comma, no digit) and then a value
    (``value_start``: "Địa chỉ thường trú phường …" under "Quốc tịch hiện nay Việt Nam"), in words no label list
    need hold; after a value that ends as a value may (not on a word in lower case, a comma or a dash, as "Thương
    binh và" / "Xã hội tỉnh …" goes on), and its first words complete no place the value cuts short ("…, huyện
    Can" / "Lộc, tỉnh …")."""
    words = [t for t in value if not t.leader]
    if not below or abs(below[0].bbox[0] - label_x) > COLUMN_SLACK * height:
        return False
    if not words or words[-1].text[:1].islower() or words[-1].text.rstrip().endswith((",", "-", "–")):
        return False
    if fold(words[-1].text).strip(".,;: ") in _BARE_OFFICE_HEADS:
        return False  # "… của Sở" / "Lao động - …": an office's head word names no office alone
    k = value_start(below)
    if not k or not below[0].text[:1].isupper() or any(t.text.rstrip().endswith(",") for t in below[:k]):
        return False
    return not splits_unit(value, below)


def open_at_end(words: list[str]) -> bool:
    """The value (its words) is visibly cut at its line's end: a comma or a dash last, a military unit's level word
    with no number after it ("…, Trung đoàn") or cut inside ("…, Trung"), a province's or district's level word with no name ("…, tỉnh"), or a
    unit's name cut short ("…, tỉnh Quảng"). Its rest is on the line below."""
    if not words:
        return False
    text = " ".join(words)
    return words[-1].endswith((",", "-", "–")) or unit_open(text) or unit_cut_in_level(text) or ends_bare_level(text) \
        or cut_unit(text) is not None


def labels_another_field(value: list[Tok], below: list[Tok], spec: FieldSpec | None, schema: Schema) -> bool:
    """The row below a value opens with a label of another field, its value after it or further down ("Nơi an
    nghỉ , Nghĩa trang …" under the place of death), in words no list need hold: capitalised first, two words or
    more the label vocabulary knows, naming a field that is not ``spec`` (any field, for ``None``); after a value
    that ends as a value may (not on a word in lower case, a comma or a dash, as "Thương binh và" / "Xã hội tỉnh
    …" goes on). A value stops where a label naming another field starts: its wrapped rest is never a label."""
    words = [t for t in value if not t.leader]
    if not words or words[-1].text[:1].islower() or words[-1].text.rstrip().endswith((",", "-", "–")):
        return False
    label = [w for w in (t.text.strip(" .,;:-–") for t in below if not t.leader) if w]
    if not label or not label[0][:1].isupper() or any(c.isdigit() for c in label[0]):
        return False
    # the most leading words the label vocabulary knows, every one (a phrase known whole: "an nghỉ", not "an")
    k = max((n for n in range(2, min(len(label), MAX_LABEL_WORDS) + 1)
             if not meaning(" ".join(label[:n])).unknown), default=0)
    if k < 2 or meaning(" ".join(label[:k])).empty:
        return _label_then_value(below, spec, schema)
    r = resolve(" ".join(label[:k]), schema)
    return r is not None and spec not in r.specs


def _label_then_value(below: list[Tok], spec: FieldSpec | None, schema: Schema) -> bool:
    """The row below is a label then its value, the label opening with words the vocabulary lacks ("Hài cốt hiện
    an táng tại | Nghĩa trang …"): the words up to where a value starts on the row (``value_start``, or the first
    capital after a word in lower case, ``case_turns``), three or more, more of them known than not, that name
    one field other than ``spec`` with no doubt of their own."""
    toks = [t for t in below if not t.leader]
    k = value_start(toks) or next((i for i in range(2, len(toks)) if case_turns(toks[i - 1].text, toks[i].text)),
                                  None)
    if k is None or k < 3:
        return False
    text = text_of(toks[:k])
    said = meaning(text)
    if not said.attrs or 2 * len(said.unknown) >= k:
        return False
    r = resolve(text, schema)
    return r is not None and len(r.specs) == 1 and spec not in r.specs and r.doubt is None


def _under_value(words: list[Tok], value: list[Tok], height: float) -> list[Tok]:
    """The words of the row below that lie under the value (from a line height left of its first word on), when
    the row starts further left with nothing but the rest of a label wrapped in its own column: words in lower
    case or marks, no colon, no digit, four at most ("… người bị xã Quảng Hợp, …, tỉnh" / "thương tật - _ Quảng
    Bình"); those are the label's, and go with the row. Nothing when the row starts under the value (then it is
    read whole) or its left part may be a pair of its own."""
    first = next((t for t in value if not t.leader), None)
    if first is None or not words:
        return []
    x0 = first.bbox[0] - max(height, 10)
    if words[0].bbox[0] >= x0:
        return []
    k = next((i for i, t in enumerate(words) if t.bbox[0] >= x0), len(words))
    left = words[:k]
    if len(left) > 4 or any(t.colon or any(c.isdigit() for c in t.text) or t.text[:1].isupper() for t in left):
        return []
    rest = words[k:]
    while rest and not any(c.isalnum() for c in rest[0].text):
        rest = rest[1:]  # a stroke of the rule between the columns ("_")
    return rest


def completes_value(toks: list[Tok], below: list[Tok], spec: FieldSpec) -> bool:
    """The words of the row below complete a value cut mid-unit: a country or an ethnic group of two words or
    more that the value alone is not ("Việt" / "Nam", "Xơ" / "Đăng"), or a person's name of one word whose
    rest (capitalised words, the whole at most a name's length) is below ("Trần" / "Văn Hùng")."""
    if not toks or not below or len(below) > 3:
        return False
    if spec.kind == "name":  # (a third word alone below a name of two: a column one word wide, "Trần" / "Thị" / "Lan")
        return (len(toks) == 1 or len(toks) == 2 and len(below) == 1) and _name_continuation(toks, below)
    kind = value_kind(text_of(toks + below))
    return kind in ("nationality", "ethnicity") and value_kind(text_of(toks)) != kind and (
        spec.kind == kind or spec.key.rsplit(".", 1)[-1] == kind)


def relation_rest(value: list[str], below: list[str]) -> bool:
    """A person's tie of one capitalised word that names a person ("Cháu", "Con") and, right under it on the row
    below, one or two words in lower case ("ngoại", "út"): the rest of a kinship term of two words, kept whole.
    A label or a value of its own on that row would open with a capital, a digit or a colon."""
    return len(value) == 1 and value[0][:1].isupper() and bool(meaning(value[0]).roles) \
        and 1 <= len(below) <= 2 and all(w.isalpha() and w.islower() for w in below)


def _take_words(row: Row, words: list[Tok], j: int, used: set[int]) -> None:
    """Take ``words`` out of row ``j`` (a value's rest read from it): the row is marked read when nothing but
    leaders is left, else its box shrinks to the words that stay, which are read as before."""
    row.toks[:] = [t for t in row.toks if t not in words]
    if not any(not t.leader for t in row.toks):
        used.add(j)
    else:
        row.bbox = union([t.bbox for t in row.toks])


class ValueRests:
    """The rests of one page's values, read for one schema."""

    def __init__(self, schema: Schema):
        self.schema = schema

    def next_free(self, segs, si: int, used: set[int], empty: bool = False, relation: bool = False,
                   value_x: float | None = None) -> int | None:
        """Index of the next row part if it can continue this one: same column, close below, no label.
        ``empty``: the label has no value on its own row, so words that name no field there (a value ending with a
        full stop, "Lao động - …") do not stop the value below from being its value. ``value_x``: where the value
        on this row starts; a row below starting there, right of this row's label, with nothing under the label,
        no colon and no field's label or heading at its start, is the value's wrapped line even when words in it
        read like a label (a table's or grid's value column: "… của Sở Lao" / "động - Thương binh …")."""
        j = self._below(segs, si)
        if j is None or j in used:
            return None
        if segs[si].column[0] == "cells":
            return j  # the rows of a cell below its label are its value's (cells.cell_block ended them)
        seg, forced = segs[si].row, segs[si].forced
        nseg, nforced = segs[j].row, segs[j].forced
        h = max(seg.height, 10)
        if value_x is not None and not empty and nforced == forced and value_x > seg.bbox[0] + COLUMN_SLACK * h \
                and abs(nseg.bbox[0] - value_x) <= CELL_SLACK * h and not any(t.colon for t in nseg.toks) \
                and seg.bbox[1] < nseg.bbox[1] <= seg.bbox[3] + 1.6 * h and not find_marker(nseg.toks, self.schema) \
                and not any(m.start == 0 and m.spec is not UNMAPPED
                            for m in find_labels(nseg.toks, self.schema, forced)):
            return j  # (a field's label or a section's heading at the line's start opens the next row)
        below = find_labels(nseg.toks, self.schema, None)
        if not empty and nseg.toks and nseg.toks[0].text[:1].islower():
            # a line that starts in lower case goes on with the line above ("… của Sở Lao" / "động - Thương binh
            # …"): words there that name no field are the value's rest, not a label (labels start with a capital)
            below = [m for m in below if m.spec is not UNMAPPED]
        if empty:  # (a person's word alone below a label waiting for its value is that value: a relation "Mẹ")
            below = [m for m in below if m.spec is not UNMAPPED and not (m.label.role_only and m.end == len(nseg.toks))]
        if nforced != forced or below or opens_with_label(nseg.toks):
            return None
        if not forced and find_marker(nseg.toks, self.schema) and not (empty and relation):
            return None  # inside a column the section is fixed: "Võ" wrapped under "Bên chồng" is no marker "Vợ"
        if any((m.spec is not UNMAPPED and not (m.label.role_only and m.end == len(nseg.toks))) or not empty
               for sec in self.schema.sections for m in find_labels(nseg.toks, self.schema, sec)):
            return None
        gap = nseg.bbox[1] - seg.bbox[3]
        # a label waiting for its value reaches further down than a value wrapping onto its next line: forms
        # that print the value under its label often leave more than a line's space between them
        if gap > (EMPTY_LABEL_REACH if empty else 1.6) * max(seg.height, 10) or nseg.bbox[1] < seg.bbox[1]:
            return None
        return j

    def _row_below(self, segs, si: int) -> int:
        """``_below`` for a part whose value's rest was just read from the row below it: that row exists."""
        j = self._below(segs, si)
        assert j is not None, "a value's rest is only read from a row below"
        return j

    @staticmethod
    def _below(segs, si: int) -> int | None:
        """The row part after part ``si`` in its column: the next one in a two-column block of sections (laid out
        column by column), or on the page the next part that starts in the same column of pairs (the parts of
        one row are laid out left to right, so the right column's parts are passed over)."""
        col = segs[si][3]
        for j in range(si + 1, len(segs)):
            if segs[j][3] == col:
                return j
            if col[0] in ("block", "cells") or segs[j][3][0] in ("block", "cells"):
                return None
        return None

    def cell_rows(self, segs, si: int, used: set[int], value: list[Tok]) -> list[int]:
        """The parts of the rows of a ruled cell below part ``si`` (its label, or a row of its value) that carry
        ``value`` (its words so far) on, not read yet: the first when the value is still empty, then each while the
        value is visibly open at its line's end (``open_at_end``: "Đại đội 1, Tiểu đoàn 8," / "Trung đoàn 73", "UBND
        …, tỉnh" / "Quảng Bình"). ``cells.cell_block`` ended the cell, so a row in it is the value's whatever its
        words say; a whole value ("Kinh") takes none (a cell may run past a label OCR bent beyond reading). None
        outside a cell; the caller takes them (``used``) when it reads them."""
        out: list[int] = []
        if segs[si].column[0] != "cells":
            return out
        words = [t.text for t in value if not t.leader]
        j = self._below(segs, si)
        while j is not None and j not in used and (not words or open_at_end(words)):
            out.append(j)
            words += [t.text for t in segs[j].row.toks if not t.leader]
            j = self._below(segs, j)
        return out

    def continue_value(self, toks: list[Tok], spec: FieldSpec, segs, si: int, used: set[int], edge: float,
                  depth: int = 1, value_x: float | None = None) -> list[Tok]:
        """Value on the next row (empty after the label), or wrapped onto it. ``value_x``: where the row's values
        start (its first value, right of its label), when not where this value starts."""
        if toks and spec.kind not in ("place", "text") and value_kind(text_of(toks)) == "place" \
                and open_at_end([t.text for t in toks if not t.leader]):
            # a place cut at its line's end under a label of another kind ("Cơ quan …" misread as a name's label,
            # "UBND phường …, huyện" / "Minh Hóa, tỉnh …"): it wraps as a place does, so the value is listed and
            # placed whole, never cut where the field's own kind would stop it
            return self.continue_value(toks, A_PLACE, segs, si, used, edge, depth, value_x)
        if toks and spec.wrap and spec.kind in ("place", "text") and (more := self.take_unit_rest(toks, segs, si, used)):
            out = toks + more
            if depth < WRAP_MAX_ROWS and (address_open([t.text for t in out if not t.leader])
                                          or is_unit_field(spec) and unit_open(text_of(out))):
                # still short of its province ("xã Phù Chẩn," / "huyện Từ Sơn," / "tỉnh Bắc Giang"): it may wrap again
                return self.continue_value(out, spec, segs, self._row_below(segs, si), used, edge, depth + 1)
            return out
        if toks and spec.key.endswith("relation") and (rest := self._relation_rest_below(toks, segs, si, used)):
            return toks + rest
        # (a relation's value is a person's word, "Mẹ", which alone on a row would read as a section's heading)
        if (j := self.next_free(segs, si, used, empty=not toks, relation=spec.key.endswith("relation"),
                                 value_x=value_x if value_x is not None else toks[0].bbox[0] if toks else None)) is None:
            return toks
        seg = segs[si][0]
        nseg = segs[j][0]
        if not toks:
            used.add(j)
            below = _value_toks(nseg.toks, spec.kind, spec)
            # the value under its label wraps onto the rows below it as a value beside its label does: inside its
            # cell, or on the page when the row below starts under the value, right of its label (a row starting
            # where the label starts may be the next label, in words no list holds)
            nxt = self._below(segs, j)
            h = max(seg.height, 10)
            if below and nxt is not None and segs[si].column[0] == "cells" and not spec.wrap:
                return self._cell_rest(spec, below, segs, j, used)
            if below and spec.wrap and nxt is not None and (segs[si].column[0] == "cells" or (
                    nseg.bbox[0] > seg.bbox[0] + CELL_SLACK * h
                    and abs(segs[nxt].row.bbox[0] - nseg.bbox[0]) <= CELL_SLACK * h)):
                return self.continue_value(below, spec, segs, j, used, edge, depth)
            if below and spec.wrap and spec.kind in ("place", "text") and self._unit_rest(below, segs, j, used):
                # an address under its label whose next row carries it on, a cut name's rest or its higher units
                # ("…, huyện Tiên Du," / "tỉnh Bắc Ninh"): it goes on there as a value beside its label does,
                # whatever that row's margin (a form that leaves the line under each label for its value wraps it
                # from the page's margin, under the label, not under where the value starts)
                return self.continue_value(below, spec, segs, j, used, edge, depth)
            if below and spec.wrap and spec.kind == "text" and nxt is not None \
                    and sentence_goes_on(below, segs[nxt].row.toks, CELL_SLACK * h):
                # a text under its caption at the caption's own margin, its next line starting in lower case at
                # the same margin: the sentence goes on there (a caption or a label starts with a capital)
                return self.continue_value(below, spec, segs, j, used, edge, depth)
            if below and is_unit_field(spec) and nxt is not None and open_at_end([t.text for t in below if not t.leader]) \
                    and abs(segs[nxt].row.bbox[0] - nseg.bbox[0]) <= CELL_SLACK * h:
                # a unit under its label at the label's own margin, visibly cut at its line's end ("Đại đội 8,
                # Tiểu đoàn 13," / "Trung đoàn 47" under it): it wraps as a unit beside its label does, inside its
                # chain of levels and numbers only (a row of other words there is the next label)
                return self.continue_value(below, spec, segs, j, used, edge, depth)
            if below and (rows := self.cell_rows(segs, j, used, below)):
                # a value of a field that does not wrap, visibly cut at its cell's line end ("Ủy ban nhân dân …,
                # tỉnh" / "Quảng Bình"): its cell's next rows carry it on
                used.update(rows)
                below = below + [t for r in rows for t in _value_toks(segs[r].row.toks, spec.kind, spec)]
            return below
        if self._followed_below(spec, nseg.toks):
            # "… số 12/QĐ ngày 01/02/1980" / "của Bộ …": the row below opens with a short label that only follows
            # this field, so the chain of the value's parts goes on there whatever the field's wrapping (the
            # reader cuts it into its fields)
            used.add(j)
            return toks + [t for t in nseg.toks if not t.leader]
        if spec.kind == "dimensions" and measure_named_last([t.text for t in toks if not t.leader]) \
                and nseg.toks and nseg.toks[0].text[:1].isdigit():
            used.add(j)  # "Cao: 30 cm, đường kính:" / "9 cm": the named measure's number, wrapped to the row below
            return toks + [t for t in nseg.toks if not t.leader]
        if not spec.wrap or opens_next_pair(toks, nseg.toks, seg.bbox[0], max(seg.height, 10)) \
                or opens_in_value_column(toks, nseg.toks, max(seg.height, 10)) \
                or labels_another_field(toks, nseg.toks, spec, self.schema):
            return toks
        if spec.kind == "name" and not _name_continuation(toks, _value_toks(nseg.toks)):
            return toks
        if is_unit_field(spec) and is_military_unit(text_of(toks)) \
                and not unit_goes_on([t.text for t in _value_toks(nseg.toks)]):
            return toks  # a unit wraps inside its chain of levels and numbers only
        if completes_value(toks, _value_toks(nseg.toks), spec):
            used.add(j)  # "Việt" / "Nam", "Trần" / "Văn Hùng": a value cut mid-unit goes on whatever the margin
            out = toks + _value_toks(nseg.toks, spec.kind, spec)
            if spec.kind == "name" and depth < WRAP_MAX_ROWS:
                return self.continue_value(out, spec, segs, j, used, edge, depth + 1)
            return out
        tail = seg.toks[-1] if seg.toks else None
        if tail is not None and tail.leader and tail.text not in ("-", "–") and tail.bbox[0] >= toks[-1].bbox[2]:
            return toks  # dotted leader after the value: the value ended on this line
        width = edge - seg.bbox[0]
        last = [t for t in seg.toks if not t.leader or t.text in ("-", "–")][-1]  # a hyphen ends a wrapped line
        # (a line that ends short of the margin ended its value — but not in a cell, whose rows below its label
        # cells.cell_block gave it: a value centred in its cell, or wrapped at a word, ends anywhere)
        if last.bbox[2] < edge - 0.25 * max(width, 1) and not last.text.endswith((",", "-", "–")) \
                and segs[si].column[0] != "cells":
            return toks
        used.add(j)
        dash = [last] if last.text in ("-", "–") and last.bbox[0] >= toks[-1].bbox[2] else []
        out = toks + dash + _value_toks(nseg.toks, spec.kind, spec)
        if spec.kind in ("place", "text") and (more := self._unit_rests(out, segs, j, used, depth + 1)):
            out += more  # wrapped twice: "…, xã Hạp Lĩnh," / "huyện Thuận Thành, tỉnh Hà" / "Bắc"
        elif spec.kind in ("place", "text") and depth < WRAP_MAX_ROWS:
            # wrapped twice in a narrow column: "xã Tam Sơn," / "huyện Từ Sơn," / "tỉnh Hà Bắc"
            out = self.continue_value(out, spec, segs, j, used, edge, depth + 1)
        return out

    def _cell_rest(self, spec: FieldSpec, toks: list[Tok], segs, si: int, used: set[int]) -> list[Tok]:
        """A ruled cell's value that is no value of its field yet ("ngày" alone under a date's label), with the
        cell's next rows up to the first that makes it one: a field whose value does not wrap on a page (a date,
        a number, a time) does inside a narrow cell ("ngày" / "03/05/1990"). A value already whole, or one no row
        of the cell completes, keeps its row alone (the rows below may be the next caption's: ``cells.cell_block``
        may run a caption's cell on over its small print)."""
        if _parses(spec, toks):
            return toks
        out, taken = list(toks), []
        for _ in range(WRAP_MAX_ROWS):
            j = self.next_free(segs, si, used)
            if j is None or segs[j].column != segs[si].column:
                break
            taken.append(j)
            out += _value_toks(segs[j].row.toks, spec.kind, spec)
            if _parses(spec, out):
                used.update(taken)
                return out
            si = j
        return toks

    def _followed_below(self, spec: FieldSpec, below: list[Tok]) -> bool:
        """The row opens with a label that only follows ``spec`` (the type's labels with ``after``: "của" after a
        decision's date, "do" after a notice's number) and has words after it."""
        words = [t for t in below if not t.leader]
        return any(len(words) > (n := len(lb.text.split())) and fold(text_of(words[:n])) == fold(lb.text)
                   for _, lb in self.schema.followers(spec.key))

    def _unit_rests(self, toks: list[Tok], segs, si: int, used: set[int], depth: int) -> list[Tok]:
        """The rows below that each begin with the rest of a place's name the value so far cuts short, taken (and
        marked used) one after the other up to the rows a value may wrap onto: a narrow column cuts a place
        mid-name again on the next line ("xã Vinh" / "Quang, huyện Chiêm" / "Hóa, tỉnh Tuyên" / "Quang")."""
        more: list[Tok] = []
        while depth <= WRAP_MAX_ROWS and (rest := self._unit_rest(toks + more, segs, si, used)):
            si, depth = self._row_below(segs, si), depth + 1
            used.add(si)
            more += rest
        return more

    def _relation_rest_below(self, toks: list[Tok], segs, si: int, used: set[int]) -> list[Tok]:
        """The rest of a kinship term cut by the line ("Cháu" / "ngoại"): the words that open the row part close
        below, up to a column's gap, when they are its rest (``relation_rest``). They are taken out of that row,
        whose other words (a column beside) are read as before."""
        j = self._below(segs, si)
        if j is None or j in used:
            return []
        seg, nseg = segs[si][0], segs[j][0]
        h = max(seg.height, 10)
        if nseg.bbox[1] < seg.bbox[1] or nseg.bbox[1] - seg.bbox[3] > 1.6 * h:
            return []
        words = [t for t in nseg.toks if not t.leader]
        if not words or words[0].bbox[0] > seg.bbox[0] + h:
            return []
        under = [words[0]]  # wrapped to the start of the line, as a paragraph wraps: up to a column's gap
        for a, b in zip(words, words[1:]):
            if b.bbox[0] - a.bbox[2] > 2 * h:
                break
            under.append(b)
        if any(t.colon for t in under) or not relation_rest([t.text for t in toks], [t.text for t in under]):
            return []
        _take_words(nseg, under, j, used)
        return under

    def cut_name_rest(self, toks: list[Tok], segs, si: int, used: set[int], take: bool) -> list[Tok]:
        """The words of the row part close below in the same column (with ``take``, its row marked read) when they
        complete a country or an ethnic group the value cuts mid-name ("Việt" / "Nam", "Xơ" / "Đăng"): a few words,
        no label, that make with the value what the value alone is not."""
        j = self.next_free(segs, si, used)
        if j is None:
            return []
        words = _value_toks(segs[j].row.toks)
        kind = value_kind(text_of(toks + words)) if 0 < len(words) <= 3 else None
        if kind not in ("nationality", "ethnicity") or value_kind(text_of(toks)) == kind:
            return []
        if take:
            used.add(j)
        return words

    def take_unit_rest(self, toks: list[Tok], segs, si: int, used: set[int]) -> list[Tok]:
        """``_unit_rest``, its row marked as read."""
        more = self._unit_rest(toks, segs, si, used)
        if more:
            used.add(self._row_below(segs, si))
        return more

    def _unit_rest(self, toks: list[Tok], segs, si: int, used: set[int]) -> list[Tok]:
        """The row below when it begins with the rest of a province's or district's name the value ends
        cutting short ("…, tỉnh Bắc" / "Giang", "huyện Thuận" / "Thành, tỉnh …"), close below in the same
        column, with no label after that rest: its words are the value's, even when they read like a label
        ("Giang" one letter off "giống", "Định" of "Nam Định"); or, for an address short of its province, when
        it opens with a higher unit than the address named (``gazetteer.chain_goes_on``)."""
        j = self._below(segs, si)
        if j is None or j in used:
            return []
        seg, forced = segs[si].row, segs[si].forced
        nseg, nforced = segs[j].row, segs[j].forced
        if nforced != forced or nseg.bbox[1] < seg.bbox[1] or nseg.bbox[1] - seg.bbox[3] > 1.6 * max(seg.height, 10):
            return []
        row = [t for t in nseg.toks if not t.leader]
        if opens_in_value_column(toks, row, max(seg.height, 10)):
            return []  # a label in its cell left of the value's column, its own value beside it: the next pair
        # the whole row (a value wraps to the margin), else its part under the value beside a label's wrapped rest
        for words in (row, _under_value(row, toks, seg.height)):
            if words and (more := self._rest_in(toks, words, forced)):
                return more
        return []

    def _rest_in(self, toks: list[Tok], words: list[Tok], forced) -> list[Tok]:
        """``words`` (of the row below) when they carry on the place ``toks``: a cut name's rest, or the higher
        units of an address short of its province, with no label after them (``_unit_rest``)."""
        if any(t.colon for t in words):
            return []
        n = completes_unit(text_of(toks), [t.text for t in words])
        if n == 0 and labels_another_field(toks, words, None, self.schema):
            return []  # "… Mặt trận Đường 14" / "Nơi an nghỉ ,": the next field's label, its value below
        if n == 0 and self._level_goes_on(toks, words):
            n = len(words)
        if n == 0 and unit_open(text_of(toks)) and unit_goes_on([t.text for t in words]):
            n = len(words)  # "Đại đội" / "10, Trung đoàn 10": a unit cut after a level word goes on with its number
        if n == 0 and chain_goes_on([t.text for t in toks if not t.leader], [t.text for t in words]):
            # "thôn 5, xã Xuân Lập," / "huyện Hoằng Hóa, tỉnh Thanh Hóa": the address goes on up to its province;
            # not when the row holds more after its top unit (another column's words on the same row)
            if address_end([t.text for t in words]) is not None:
                return []
            n = len(words)
        if n == 0 or n < len(words) and (find_labels(words[n:], self.schema, forced) or opens_with_label(words[n:])):
            return []  # (the words after the name's rest, if any, are more of the value: no label among them)
        return _value_toks(words, "place") or words  # (a speck after the rest is no part of the place: "Hóa ˆ")

    def column_rest(self, toks: list[Tok], segs, si: int, used: set[int], right: float, depth: int = 1) -> list[Tok]:
        """The rest of a value that a label beside it on the same row cut short (two columns of pairs): the words
        that open the row close below, left of where that label begins, when they carry on the value's address
        (``_rest_in``) or its last level word (``_level_goes_on``, no label among them). They are taken out of
        that row, whose other words (the column beside) are read as before; an address still open goes on below."""
        j = self._below(segs, si)
        if j is None or j in used or depth > WRAP_MAX_ROWS:
            return []
        seg, nseg = segs[si].row, segs[j].row
        h = max(seg.height, 10)
        if segs[j].forced != segs[si].forced or nseg.bbox[1] < seg.bbox[1] or nseg.bbox[1] - seg.bbox[3] > 1.6 * h:
            return []
        words = [t for t in nseg.toks if not t.leader]
        if not words or words[0].bbox[0] > toks[0].bbox[0] + h:
            return []
        under = [t for t in words if t.bbox[2] <= right - h / 2]
        if not under or under != words[:len(under)]:
            return []
        if not self._rest_in(toks, under, segs[si].forced) and (
                any(t.colon for t in under) or not self._level_goes_on(toks, under)
                or find_labels(under, self.schema, segs[si].forced) or opens_with_label(under)):
            return []
        _take_words(nseg, under, j, used)
        out = toks + under
        if address_open([t.text for t in out if not t.leader]):
            return under + self.column_rest(out, segs, j, used, right, depth + 1)
        return under

    def under_caption(self, label: list[Tok], spec: FieldSpec, segs, si: int, used: set[int], right: float,
                      beside: list[Tok] | None = None) -> list[Tok]:
        """The value of a caption with the next caption beside it on its row (a row of captions, each over its
        value): the one run of words of the row close below (``layout.cut_at_gaps``) that starts in the caption's
        own column, from its left edge to where the next caption begins (``right``), with no colon and no label
        among them, read as a value of the field's kind. ``beside``: words after the caption that no rule read as
        a label; they are the next caption only when they look like one (``_caption_beside``) and the row below
        has words after the value, under them (that caption's value). The words taken are taken out of the row
        below, whose other words are read as before."""
        if beside is not None and not _caption_beside(label, beside):
            return []
        j = self._below(segs, si)
        if j is None or j in used or not label:
            return []
        seg, nseg = segs[si].row, segs[j].row
        h = max(seg.height, 10)
        if segs[j].forced != segs[si].forced or nseg.bbox[1] < seg.bbox[1] \
                or nseg.bbox[1] - seg.bbox[3] > EMPTY_LABEL_REACH * h:
            return []
        words = [t for t in nseg.toks if not t.leader]
        left = label[0].bbox[0] - COLUMN_SLACK * h
        # the row's runs of words (cut at a cell's blanks): the value is the one run that starts under the caption,
        # whole, though its last words may stand under the next caption's start (a name longer than its caption)
        runs = [run for run in cut_at_gaps(words, h) if left <= run[0].bbox[0] < right - COLUMN_SLACK * h]
        if len(runs) > 1:  # a run nearer the next caption's start than this one's is the next caption's value,
            runs = [run for run in runs if not _nearer_next(run, label[0].bbox[0], right)]  # centred under it
        if len(runs) != 1:
            return []
        under = runs[0]
        # a word that starts left of the caption and ends under it is a value beside it running over: no column
        if any(t.bbox[0] < left < t.bbox[2] for t in words):
            return []
        if beside is not None and not any(t.bbox[0] > under[-1].bbox[2] for t in words):
            return []
        if any(t.colon for t in under) or opens_with_label(under) \
                or find_labels(under, self.schema, segs[si].forced) or not _parses(spec, under):
            return []
        if label_words_only(under) and meaning(text_of(under)).attrs:
            return []  # label words that ask something ("Xxx ngày"): the next row's label, no value
        _take_words(nseg, under, j, used)
        return under

    def caption_value(self, caption: list[Tok], segs, si: int, used: set[int]) -> list[Tok]:
        """The value under the next caption of a row of captions (``under_caption`` took the first caption's):
        the words of the row below from where that caption starts to the row's end, and, a place or a value cut
        at its line's end (an office's "…, xã Xxx,"), the rows it wraps onto. Taken out of the rows they came
        from."""
        j = self._below(segs, si)
        if j is None or j in used or not caption:
            return []
        nseg = segs[j].row
        h = max(segs[si].row.height, 10)
        words = [t for t in nseg.toks if not t.leader]
        value = [t for t in words if t.bbox[0] >= caption[0].bbox[0] - COLUMN_SLACK * h]
        if not value or value != words[len(words) - len(value):]:
            return []
        value = _whole_run(words, value, h)
        _take_words(nseg, value, j, used)
        if value_kind(text_of(value)) == "place" or open_at_end([t.text for t in value]):
            value = self.continue_value(value, A_PLACE, segs, j, used, segs[j].edge)
        return value

    @staticmethod
    def _level_goes_on(toks: list[Tok], words: list[Tok]) -> bool:
        """The row below carries on the value's last level word: the rest of the word itself ("Đại" / "đội 5",
        "thành" / "phố …"), or the name of a commune's level word left bare ("phường" / "Tân An, …")."""
        value, below = [t.text for t in toks if not t.leader], [t.text for t in words]
        return cut_level_word(value, below, LEVEL_FOLDS) or names_bare_local_level(" ".join(value), below)


def _caption_beside(label: list[Tok], beside: list[Tok]) -> bool:
    """Words after a label that have the look of the next caption of a row of captions: across a blank as wide
    as a cell's border leaves (``layout.cut_at_gaps``), opening with a capital, with no digit, two label words or
    more that ask something and read as no value; the label not ended by its colon or leader."""
    words = [t for t in beside if not t.leader]
    if not label or not words or not words[0].text[:1].isupper() or any(c.isdigit() for t in words for c in t.text):
        return False
    if any(t.colon or t.leader for t in label) or beside[0].leader or fold(text_of(words)).startswith(OFFICE_HEADS):
        return False  # a label ended by its colon or leader has its value after it; an office's name is a value
    # a caption's words, not a value's: most are words labels are made of, and they read as no value (a name, a
    # place, a group): a column of values beside a column of labels is no row of captions
    # (two words or more that ask something, a place, a date, an office: a kinship word alone is a value)
    text = text_of(words)
    if len(words) < 2 or 2 * sum(is_label_word(t.text) for t in words) <= len(words) \
            or value_kind(text) is not None or name_like([t.text for t in words]) or not meaning(text).attrs:
        return False
    runs = cut_at_gaps(label + words, max(label[-1].bbox[3] - label[-1].bbox[1], 10))
    return len(runs) > 1 and runs[-1] == words


def _parses(spec: FieldSpec, toks: list[Tok]) -> bool:
    """The words are a value of the field's kind as they stand; for a moment, a date will do (the reader reads
    the event's date from a time label's value: "lúc" over "ngày 03/05/1990")."""
    text = text_of(toks)
    return normalise(spec.kind, text, spec.values).ok or spec.kind == "time" and normalise("date", text).ok


def _nearer_next(run: list[Tok], start: float, right: float) -> bool:
    """A run of the row under a row of captions starts nearer where the next caption starts (``right``) than where
    this caption starts (``start``): it is the next caption's value, centred under it and wider than it, not this
    caption's (a cell's value is written under its own caption, from its start or centred on it)."""
    x = run[0].bbox[0]
    return right - x < x - start


def _whole_run(words: list[Tok], value: list[Tok], height: float) -> list[Tok]:
    """The value under a caption from the start of its run of words (``layout.cut_at_gaps``): a value centred under
    its caption and wider than it starts left of the caption, and the words of its run before the caption's start
    are its own, not a word cut off its column."""
    for run in cut_at_gaps(words, height):
        if value[0] in run:
            return run[:run.index(value[0])] + value
    return value
