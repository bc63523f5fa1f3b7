"""Reading one page's rows into records of one type: sections, two-column blocks, register entries,
tables, values that wrap or sit on the next row (docs/extraction.md, steps 4–7)."""

from __future__ import annotations

from . import label_model
from .fields import Draft, Found, _cut_tail, _name_continuation, _value_toks
from .labels import field_by_value, meaning, persons_share, value_kind
from .layout import Row, Tok, union
from .loader import FieldSpec, Label, Schema
from .matching import UNMAPPED, Match, find_labels, find_marker
from .normalize import normalise
from .vocab import vocabulary

from sohoa.text import clean_spaces

ROW_INDEX_LABELS = ("stt", "tt", "sott", "sothutu")  # "STT" column of a register table


def unmapped_pair(label: str, toks: list[Tok], page: int, value: str | None = None) -> dict:
    """A "label: value" pair whose label names no field, as the record lists it: the label, the value as read
    (personal data: masked like any field's value for roles without the right to it) and where it is, so a
    reviewer can give it to a field in one step."""
    text = clean_spaces(value if value is not None else " ".join(t.text for t in toks))
    return {"label": label, "value": text or None, "page": page,
            "bbox": list(union([t.bbox for t in toks])) if toks else None}


def _split_measure(toks: list[Tok], unread: list[FieldSpec], own: FieldSpec | None = None
                   ) -> tuple[list[Tok], tuple[FieldSpec, list[Tok]] | None]:
    """A cell that ran on into the next column, whose title was not read: the words from where the rest reads as
    that column's field are its value, the words before the cell's own — a measure (dimensions, a weight: "Gốm
    men lam  Cao 35 cm"), a material of the closed list after an object's name ("Áo the  Đồng"), or an object's
    name after a code ("G.484  Ống nhổ")."""
    for spec in unread:
        for k in range(1, len(toks)):
            head, rest = toks[:k], toks[k:]
            text = " ".join(t.text for t in rest)
            if spec.kind in ("dimensions", "weight"):
                fits = value_kind(text) == spec.kind and not any(c.isdigit() for t in head for c in t.text)
            elif spec.vocabulary_closed and own is not None and own.kind == "number":
                fits = all(any(c.isdigit() for c in t.text) for t in head) and all(
                    t.text.strip(",.;").isalpha() for t in rest)  # a code, then words
            elif spec.vocabulary_closed and own is not None and own.kind == "text" and own.vocabulary:
                words = vocabulary(spec.vocabulary)
                fits = len(rest) <= 3 and rest[0].text[:1].isupper() and all(
                    t.text.strip(",.;").lower() in words for t in rest)
            else:
                fits = False
            if fits:
                return head, (spec, rest)
    return toks, None


class PageReader:
    """Reads one page's rows into drafts for one schema."""

    def __init__(self, schema: Schema, rows: list[Row], unit: str, page: int, page_width: int,
                 table_guess: bool = False, heading: str | None = None):
        self.schema, self.rows, self.unit, self.page = schema, rows, unit, page
        self.page_width = page_width
        self.table_guess = table_guess  # no heading read: a table header row alone makes the page a table
        self.drafts: list[Draft] = []
        self.last_spec: FieldSpec | None = None  # the field read last: a bare "Tại:" continues its event
        self.heading = heading  # the form's title: the document a bare "Số:" numbers

    def new_draft(self) -> Draft:
        d = Draft(self.schema.record_type, self.schema, [self.page], layout=self.unit)
        self.drafts.append(d)
        return d

    # segments: (row part, section forced by its column, column right edge)
    def segments(self) -> list[tuple[Row, str | None, float]]:
        out: list[tuple[Row, str | None, float]] = []
        rows = [r for r in self.rows if not r.heading]
        rights = sorted(r.bbox[2] for r in rows if len(r.toks) >= 2) or [self.page_width]
        right = rights[int(0.9 * (len(rights) - 1))]  # the text's right margin, robust to one stray word
        i = 0
        while i < len(rows):
            row = rows[i]
            split = self._column_split(row)
            if split is None:
                out.append((row, None, right))
                i += 1
                continue
            x, left_sec, right_sec = split
            block = [row]
            i += 1
            while i < len(rows) and not self._ends_columns(rows[i], left_sec, right_sec):
                block.append(rows[i])
                i += 1
            left_right = max((t.bbox[2] for r in block for t in r.toks if t.xc < x), default=x)
            for sec, lo, hi, edge in ((left_sec, 0, x, left_right), (right_sec, x, 10 ** 9, right)):
                for r in block:
                    part = r.part(lo, hi)
                    if part.toks:
                        out.append((part, sec, edge))
        return out

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
            if a and b and a != b:
                return toks[k].bbox[0] - min(gap / 2, 12), a, b  # the right column starts at its marker
        return None

    def read(self) -> list[Draft]:
        if (self.unit == "row" or self.table_guess) and self._read_table(strict=self.unit != "row"):
            return self.drafts
        segs = self.segments()
        draft = self.new_draft()
        section: str | None = None
        forced_prev: str | None = None
        used: set[int] = set()
        for si, (seg, forced, edge) in enumerate(segs):
            if si in used:
                continue
            if forced != forced_prev:
                section = forced
                forced_prev = forced
            matches = self._labels(seg.toks, section)
            if self.unit == "entry" and section != forced and any(
                    m.label.contextual and m.spec.key in draft.fields for m in matches):
                # "Họ và tên" again after the mother's block: the next entry has begun, outside any section
                section = forced
                matches = self._labels(seg.toks, section)
            if self.unit == "entry" and matches and draft.fields and self._starts_entry(segs, si, matches, draft):
                draft = self.new_draft()
            if not matches:
                marker = None if forced else find_marker(seg.toks, self.schema)
                if marker:
                    section = marker
                elif self.unit == "entry" and not forced:
                    f = self._by_position(seg, draft, section)
                    if f is not None:
                        draft.add(f)
                continue
            if matches[0].start > 0:
                marker = find_marker(seg.toks[:matches[0].start], self.schema)
                if marker:
                    section = marker
            for mi, m in enumerate(matches):
                if m.spec is UNMAPPED:
                    m = self._by_value(m, seg.toks, matches, mi, section, draft)
                    if m is None:
                        continue

                if not m.label.contextual:
                    sec = m.spec.section
                    section = sec if sec in self.schema.sections else (forced if forced else None)
                    if self.unit == "entry" and m.spec.key in draft.fields:
                        section = forced  # a new register entry starts outside any section
                end = matches[mi + 1].start if mi + 1 < len(matches) else len(seg.toks)
                # labels sharing a span ("Đã chết vào lúc" -> time + date) share the value
                nxt = [o for o in matches[mi + 1:] if o.start > m.start]
                end = nxt[0].start if nxt else len(seg.toks)
                toks = _value_toks(seg.toks[m.end:end], m.spec.kind, m.spec)
                if not nxt:
                    toks = self._continue(toks, m.spec, segs, si, used, edge)
                if not toks:
                    continue
                if m.label.role_only and m.spec.kind == "name":
                    m = self._role_only(m, toks, section)  # "Mẹ: Tày": the person named, the value says what
                    if m is None:
                        continue
                f = Found(m.spec, toks, m.label, m.score, self.page, relation=m.label.relation).finish()
                if m.companion and (f.value is None or m.spec.key in draft.fields):
                    continue
                if m.spec.kind == "name" and (cut := _cut_tail(seg.toks[m.end:end], toks)):
                    f.confidence *= 0.6
                    f.notes.append(f"a doubtful word right after the name was dropped ({cut!r}): it may be cut")
                if f.value is None and not nxt:
                    nseg = self._next_free(segs, si, used)
                    if nseg is not None:
                        f2 = Found(m.spec, toks + _value_toks(segs[nseg][0].toks, m.spec.kind, m.spec), m.label, m.score, self.page,
                                   relation=m.label.relation).finish()
                        if f2.value is not None:  # "ngày mười lăm tháng ba" / "năm một nghìn…" on the next row
                            f = f2
                            used.add(nseg)
                if f.value is None and self._shared_reads(m, matches, seg.toks, end):
                    # "Chết vào lúc: ngày 05/01/1975": the words are a date, read as the event's date by the other
                    # field of the same label; no time was written, so there is no time field to doubt
                    continue
                self.last_spec = f.spec
                if not draft.add(f):
                    if self.unit == "entry":
                        draft = self.new_draft()
                        draft.add(f)
                    else:
                        old = draft.fields[f.spec.key]
                        if f.confidence > old.confidence and old.value is None:
                            draft.fields[f.spec.key] = f
                        elif f.label.by_meaning and f.value is not None and f.value != old.value:
                            # a second value for a field already read, from a label read by its meaning: it may be
                            # another person's (a role word the vocabulary lacks); listed, never dropped silently
                            draft.unmapped.append(unmapped_pair(f.label.text, f.toks, f.page, f.raw))
        return [d for d in self.drafts if d.fields or d.lists]

    def _shared_reads(self, m: Match, matches: list[Match], toks: list[Tok], end: int) -> bool:
        """Another field of the same label (a label of two fields, or a moment label's companion date) finds its
        value in the words after it."""
        for o in matches:
            if o is m or o.start != m.start or o.spec is UNMAPPED or o.spec.kind == m.spec.kind:
                continue
            value = _value_toks(toks[o.end:end], o.spec.kind, o.spec)
            if value and Found(o.spec, value, o.label, o.score, self.page).finish().value is not None:
                return True
        return False

    def _by_value(self, m: Match, toks: list[Tok], matches: list[Match], mi: int, section: str | None,
                  draft: Draft) -> Match | None:
        """A label that named no field: its value may say which field it is (a sex, an ethnicity, a
        country, an ID number) — else it is listed as unmapped with its value and where it is, so a reviewer
        can give it to a field in one step (the value is personal data: it is masked like any field's)."""
        nxt = [o for o in matches[mi + 1:] if o.start > m.start]
        value_toks = _value_toks(toks[m.end:nxt[0].start if nxt else len(toks)])
        value = " ".join(t.text for t in value_toks)
        spec, source = field_by_value(m.label.text, value, self.schema, section), "value"
        if spec is None:  # the label classifier's reading, when it is sure (schemas/label_model.py)
            previous = self.last_spec.key if self.last_spec else None
            spec, source = label_model.field_for(self.schema, m.label.text, value, previous, draft.fields), "model"
        if spec is None or spec.key in draft.fields:
            draft.unmapped.append(unmapped_pair(m.label.text, value_toks or toks[m.start:m.end], self.page,
                                                value))
            return None
        # whose it is rests on the section or on the subject by default, not on the label: a person confirms
        doubt = None if meaning(m.label.text).roles or section is not None and value_kind(value) != "year" \
            or not persons_share(spec, self.schema) and value_kind(value) != "year" \
            else f"placed by {'its value alone' if source == 'value' else 'the label classifier'}: {spec.key} may be " \
            "another field's"
        label = Label(m.label.text, m.label.folded, by_meaning=True, doubt=doubt, source=source)
        return Match(m.start, m.end, spec, label, 0.5, m.weight)

    def _role_only(self, m: Match, toks: list[Tok], section: str | None) -> Match | None:
        """A label that named a person and nothing more is read as that person's name, unless its value is
        plainly something else (a year, an ethnic group, a country, a sex, an ID number): then it is that
        person's field of that kind, or, when the person has no such field, an unmapped label."""
        value = " ".join(t.text for t in toks)
        if value_kind(value) is None:
            return m
        spec = field_by_value(m.label.text, value, self.schema, section)
        if spec is None:
            self.drafts[-1].unmapped.append(unmapped_pair(m.label.text, toks, self.page, value))
            return None
        return Match(m.start, m.end, spec, Label(m.label.text, m.label.folded, by_meaning=True), m.score, m.weight)

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

    def _labels(self, toks: list[Tok], section: str | None) -> list[Match]:
        """Labels of a row, re-read after each label that changes the section ("Số: … Họ và tên: …"
        after a mother block: "Số" closes the block, so "Họ và tên" is the child's again)."""
        matches = find_labels(toks, self.schema, section, previous=self.last_spec, heading=self.heading)
        for k, m in enumerate(matches):
            if m.label.contextual:
                continue
            sec = m.spec.section if m.spec.section in self.schema.sections else None
            if sec != section and k + 1 < len(matches):
                rest = find_labels(toks[m.end:], self.schema, sec)
                for r in rest:
                    r.start += m.end
                    r.end += m.end
                return matches[:k + 1] + [r for r in rest if r.start >= m.end]
        return matches

    def _next_free(self, segs, si: int, used: set[int], empty: bool = False, relation: bool = False) -> int | None:
        """Index of the next row part if it can continue this one: same column, close below, no label.
        ``empty``: the label has no value on its own row, so words that name no field there (a value ending with a
        full stop, "Lao động - …") do not stop the value below from being its value."""
        if si + 1 >= len(segs) or si + 1 in used:
            return None
        seg, forced, _ = segs[si]
        nseg, nforced, _ = segs[si + 1]
        below = find_labels(nseg.toks, self.schema, None)
        if empty:  # (a person's word alone below a label waiting for its value is that value: a relation "Mẹ")
            below = [m for m in below if m.spec is not UNMAPPED and not (m.label.role_only and m.end == len(nseg.toks))]
        if nforced != forced or below:
            return None
        if not forced and find_marker(nseg.toks, self.schema) and not (empty and relation):
            return None  # inside a column the section is fixed: "Võ" wrapped under "Bên chồng" is no marker "Vợ"
        if any((m.spec is not UNMAPPED and not (m.label.role_only and m.end == len(nseg.toks))) or not empty
               for sec in self.schema.sections for m in find_labels(nseg.toks, self.schema, sec)):
            return None
        gap = nseg.bbox[1] - seg.bbox[3]
        if gap > 1.6 * max(seg.height, 10) or nseg.bbox[1] < seg.bbox[1]:
            return None
        return si + 1

    def _continue(self, toks: list[Tok], spec: FieldSpec, segs, si: int, used: set[int], edge: float) -> list[Tok]:
        """Value on the next row (empty after the label), or wrapped onto it."""
        # (a relation's value is a person's word, "Mẹ", which alone on a row would read as a section's heading)
        if self._next_free(segs, si, used, empty=not toks, relation=spec.key.endswith("relation")) is None:
            return toks
        seg = segs[si][0]
        nseg = segs[si + 1][0]
        if not toks:
            used.add(si + 1)
            return _value_toks(nseg.toks, spec.kind, spec)
        if not spec.wrap:
            return toks
        if spec.kind == "name" and not _name_continuation(toks, _value_toks(nseg.toks)):
            return toks
        tail = seg.toks[-1] if seg.toks else None
        if tail is not None and tail.leader and tail.text not in ("-", "–") and tail.bbox[0] >= toks[-1].bbox[2]:
            return toks  # dotted leader after the value: the value ended on this line
        width = edge - seg.bbox[0]
        last = [t for t in seg.toks if not t.leader or t.text in ("-", "–")][-1]  # a hyphen ends a wrapped line
        if last.bbox[2] < edge - 0.25 * max(width, 1) and not last.text.endswith((",", "-", "–")):
            return toks
        used.add(si + 1)
        dash = [last] if last.text in ("-", "–") and last.bbox[0] >= toks[-1].bbox[2] else []
        return toks + dash + _value_toks(nseg.toks, spec.kind, spec)

    # --- tables ---
    def _read_table(self, strict: bool = False) -> bool:
        """``strict``: the heading did not say "table", so the header row must look like one: column
        titles only, no colon, no dotted leader (a certificate row "Họ và tên ..... Ngày sinh ....." is no
        header)."""
        rows = [r for r in self.rows if not r.heading]
        idx_spec = FieldSpec("_row_index", "number", labels=())
        extra = [(idx_spec, Label(t, t)) for t in ROW_INDEX_LABELS]
        header_i, header = None, None
        for i, r in enumerate(rows):
            ms = find_labels(r.toks, self.schema, None, extra, header=True)
            if len([m for m in ms if m.spec is not idx_spec]) >= 3:
                if strict and (any(t.colon or (t.leader and len(t.text) >= 3) for t in r.toks)
                               or len([m for m in ms if m.spec is not idx_spec]) < 4):
                    continue
                header_i, header = i, ms
                break
        if header is None:
            return False
        hrow = rows[header_i]
        cols = []  # (x0, x1, spec, label, score)
        starts = [(hrow.toks[m.start].bbox[0], hrow.toks[m.end - 1].bbox[2], m) for m in header]
        margin = 0.6 * hrow.height
        for k, (x0, x1, m) in enumerate(starts):
            # cells are written from the left edge of their column title, and may run wider than it
            lo = 0 if k == 0 else x0 - margin
            hi = 10 ** 9 if k + 1 == len(starts) else starts[k + 1][0] - margin
            cols.append((lo, hi, m))
        # a new table row starts where the index column or an identifying column has text;
        # other cells wrap onto continuation lines
        key_cols = {ci for ci, (_, _, m) in enumerate(cols)
                    if m.spec is idx_spec or (m.spec.required and m.spec.kind in ("number", "id"))} or {0}
        current: dict[int, list[Tok]] | None = None
        entries: list[dict[int, list[Tok]]] = []
        for r in rows[header_i + 1:]:
            cells: dict[int, list[Tok]] = {}
            for t in r.toks:
                for ci, (lo, hi, _) in enumerate(cols):
                    if lo <= t.xc < hi:
                        cells.setdefault(ci, []).append(t)
                        break
            if not cells:
                continue
            starts_entry = any(ci in cells and any(c.isalnum() for t in cells[ci] for c in t.text) for ci in key_cols)
            if current is None and not starts_entry:
                continue  # wrapped header text or notes above the first row
            if starts_entry:
                current = {}
                entries.append(current)
            for ci, toks in cells.items():
                current.setdefault(ci, []).extend(toks)
        have = {cols[ci][2].spec.key for ci in range(len(cols))}
        unread = [self.schema.by_key[k] for k in ("dimensions", "weight", "material", "name")
                  if k in self.schema.by_key and k not in have]
        for e in entries:
            d = self.new_draft()
            d.layout = "row"  # a table row, its fields under column titles
            for ci, toks in e.items():
                m = cols[ci][2]
                if m.spec is idx_spec:
                    continue
                toks = _value_toks(toks, m.spec.kind, m.spec)
                toks, measure = _split_measure(toks, [u for u in unread if u.key not in d.fields], m.spec)
                if toks:
                    d.add(Found(m.spec, toks, m.label, m.score, self.page).finish())
                if measure is not None:
                    spec, mtoks = measure
                    d.add(Found(spec, mtoks, Label(spec.key, spec.key, by_meaning=True), 0.5, self.page).finish())
        return bool(entries)
