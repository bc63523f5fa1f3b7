"""A register table read as records, one a row under its column titles (docs/extraction.md, step 7): the
header row found by its titles (three, or two after the index column's "STT"), the columns from the page's
geometry (``table``, ``table_columns``), a row opened where the index column or an identifying column has a
number, its other cells wrapping onto the lines below, and a cell that ran on into a column whose title was not
read parted there (``split_measure``)."""

from __future__ import annotations

from dataclasses import replace

from .fields import Draft, Found, _value_toks
from .labels import value_kind
from .layout import Row, Tok, text_of
from .loader import FieldSpec, Label, Schema
from .matching import find_labels
from .pending_pairs import unmapped_pair
from .table import (NUMBERED_LOOK, column_of, completes_number, crosses, drop_doubles, join_code, merge_bands,
                    misread_row_number, numbered_rows, same_band, too_narrow)
from .table_columns import table_columns
from .vocab import vocabulary

ROW_INDEX_LABELS = ("stt", "tt", "sott", "sothutu")  # "STT" column of a register table


def split_measure(toks: list[Tok], unread: list[FieldSpec], own: FieldSpec | None = None
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


def read_table(schema: Schema, rows: list[Row], page: int, unit: str, strict: bool = False) -> list[Draft]:
    """The records of a page read as a table, one a row under the column titles; none when no header row is
    found. ``strict``: the heading did not say "table", so the header row must look like one: column
    titles only, no colon, no dotted leader (a certificate row "Họ và tên ..... Ngày sinh ....." is no
    header)."""
    rows = [r for r in rows if not r.heading]
    idx_spec = FieldSpec("_row_index", "number", labels=())
    extra = [(idx_spec, Label(t, t)) for t in ROW_INDEX_LABELS]
    header_i, header, hrow = None, None, None
    for i in range(len(rows)):
        # a header row is a band of y: titles OCR read as separate lines at one height are one row
        end = same_band(rows, i)
        r = rows[i] if end == i + 1 else Row([t for q in rows[i:end] for t in q.toks], rows[i].page)
        ms = find_labels(r.toks, schema, None, extra, header=True)
        titled = len([m for m in ms if m.spec is not idx_spec])
        # three titles read make a header; so do two after the index column's title ("STT"), which no
        # other row of a form starts with: the columns whose titles no vocabulary reads are named by their cells
        after_index = bool(ms) and ms[0].spec is idx_spec and ms[0].start == 0
        if titled >= 3 or titled >= 2 and after_index \
                or titled >= 1 and after_index and numbered_rows(rows[end:end + NUMBERED_LOOK]) >= 2:
            if strict and (any(t.colon or (t.leader and len(t.text) >= 3) for t in r.toks) or titled < 4):
                continue
            header_i, header, hrow = end - 1, ms, r
            break
    if header is None or header_i is None or hrow is None:
        return []
    body = merge_bands(rows[header_i + 1:])
    cols = table_columns(schema, hrow, body, extra, idx_spec, [hrow.toks[m.start].bbox[0] for m in header])
    if cols is None:  # too few rows to see the columns: each title's column runs to the next title
        starts = [(hrow.toks[m.start].bbox[0], hrow.toks[m.end - 1].bbox[2], m) for m in header]
        margin = 0.6 * hrow.height
        cols = [(0 if k == 0 else x0 - margin, 10 ** 9 if k + 1 == len(starts) else starts[k + 1][0] - margin, m)
                for k, (x0, x1, m) in enumerate(starts)]
    # a new table row starts where the index column or an identifying column has text;
    # other cells wrap onto continuation lines
    key_cols = {ci for ci, (_, _, m) in enumerate(cols) if m is not None and (
        m.spec is idx_spec or (m.spec.required and m.spec.kind in ("number", "id")))} or {0}
    index_cols = {ci for ci, (_, _, m) in enumerate(cols) if m is not None and m.spec is idx_spec}
    ranges = [(lo, hi) for lo, hi, _ in cols]
    current: dict[int, list[Tok]] | None = None
    entries: list[dict[int, list[Tok]]] = []
    crossed: set[tuple[int, int]] = set()  # (entry, column): a word of the cell runs over the column's edge
    last_bottom = 0
    line = sorted(r.height for r in body)[len(body) // 2] if body else hrow.height  # a body row's height
    for r in body:
        cells: dict[int, list[Tok]] = {}
        over: set[int] = set()
        for t in r.toks:
            if too_narrow(t, r.height):
                continue
            ci = column_of(t, ranges)
            if ci is None or cols[ci][2] is None:
                continue  # a column with no title and no shape of a field: its words are no value
            cells.setdefault(ci, []).append(t)
            if crosses(t, ranges, ci) and any(c.isalnum() for c in t.text):
                over.add(ci)
        if not cells:
            continue
        # (a row number and an inventory number both hold digits: words alone there are a scan's noise)
        numbered = [ci for ci in key_cols if ci in cells and any(c.isdigit() for t in cells[ci] for c in t.text)]
        worded = [ci for ci, ts in cells.items() if any(sum(c.isalnum() for c in t.text) >= 2 for t in ts)]
        starts_entry = bool(numbered) and not (current is not None and r.bbox[1] - last_bottom <= 2.5 * line
                                               and completes_number(current, numbered, index_cols, cells)) \
            or not numbered and any(misread_row_number(cells.get(ci, []), len(worded), len(cols))
                                    for ci in index_cols)
        if current is None and not starts_entry:
            continue  # wrapped header text or notes above the first row
        if not starts_entry and (r.bbox[1] - last_bottom > 2.5 * line or 2 * len(worded) > len(cols)):
            # no wrapped line of the row above (those hold the rest of one or two long cells): too far below
            # it, or words across the table with no number to start a row — a scan's noise, a note
            continue
        last_bottom = r.bbox[3]
        if starts_entry:
            current = {}
            entries.append(current)
        assert current is not None  # (opened by this row, or by a row above: a row before the first is skipped)
        for ci, toks in cells.items():
            current.setdefault(ci, []).extend(toks)
        crossed |= {(len(entries) - 1, ci) for ci in over}
    have = {m.spec.key for _, _, m in cols if m is not None}
    unread = [schema.by_key[k] for k in ("dimensions", "weight", "material", "name")
              if k in schema.by_key and k not in have]
    drafts: list[Draft] = []
    for ei, e in enumerate(entries):
        d = Draft(schema.record_type, schema, [page], layout=unit)
        drafts.append(d)
        d.layout = "row"  # a table row, its fields under column titles
        for ci, toks in sorted(e.items()):
            m = cols[ci][2]
            if m is None or m.spec is idx_spec:  # (no cell is kept in a column with no title and no shape)
                continue
            toks = drop_doubles(toks)
            if m.spec.code:
                toks = join_code(toks)
            toks = _value_toks(toks, m.spec.kind, m.spec)
            toks, measure = split_measure(toks, [u for u in unread if u.key not in d.fields], m.spec)
            label = m.label
            if (ei, ci) in crossed:  # the cell may hold words of the next column: never a confident value
                label = replace(label, doubt="a word of the cell runs over its column's edge")
            if toks:
                d.add(Found(m.spec, toks, label, m.score, page).finish())
                if m.shares:  # the title names another field too: its words may be in the cell after the value
                    d.unmapped.append(unmapped_pair(m.shares, toks, page, text_of(toks)))
            if measure is not None:
                spec, mtoks = measure
                d.add(Found(spec, mtoks, Label(spec.key, spec.key, by_meaning=True), 0.5, page).finish())
    return drafts
