"""A register table's columns named (docs/extraction.md, step 7): the columns come from the page's geometry
(``schemas/table.py``); each column's title is the header words over it read alone, and a column whose title is
not read — or is read as a field its cells plainly are not — is named by its cells: their shape, the words of a
field's closed list, their place in the type's field order. A column named by its cells is read with a weak
label score and calibrated as a value placed from what it is (``how == "value"``: the value reading's maps;
a number named by its shape alone is never confident, ``schemas/value_reading.py``)."""

from __future__ import annotations

from dataclasses import replace

from .layout import Row, Tok
from .loader import FieldSpec, Label, Schema, label_key
from .matching import Match, find_labels
from .normalize import normalise
from .table import column_edges, column_of, column_shape, spans, split_glued
from .vocab import vocabulary


def table_columns(schema: Schema, hrow: Row, body: list[Row], extra: list, idx_spec: FieldSpec,
                  title_xs: list[int]) -> list[tuple[float, float, Match | None]] | None:
    """The table's columns from where its body rows' cells start (``schemas/table.py``), each with its title:
    the header words over the column read alone (so two titles side by side are never one label), or — no
    title read, or one whose field the cells plainly are not — the field the cells' shape says, read with a
    weak label score, calibrated as a value placed from what it is. None when the rows show fewer than three columns."""
    edges = column_edges(body, [hrow.toks[0].bbox[0], *title_xs], hrow.toks)
    if len(edges) < 3:
        return None
    ranges = spans(edges, hrow.height)
    over: dict[int, list[Tok]] = {}
    for t in split_glued(hrow.toks):
        k = column_of(t, ranges)
        if k is not None:
            over.setdefault(k, []).append(t)
    # the cells of each table row: a row with words in half the columns or more starts one, the rows
    # under it until the next are its cells' wrapped lines ("Cao 42 cm, ĐK miệng 8" / "cm")
    cells: dict[int, list[str]] = {}
    for r in body:
        row_cells: dict[int, list[str]] = {}
        for t in r.toks:
            k = column_of(t, ranges)
            if k is not None:
                row_cells.setdefault(k, []).append(t.text)
        starts = 2 * len(row_cells) >= len(ranges)
        for k, words in row_cells.items():
            column = cells.setdefault(k, [])
            if starts or not column:
                column.append(" ".join(words))
            else:
                column[-1] += " " + " ".join(words)
    by_shape = {"index": idx_spec}
    for spec in schema.fields:
        if spec.code and "inventory" not in by_shape:
            by_shape["inventory"] = spec
        if spec.kind in ("dimensions", "dating") and spec.kind not in by_shape:
            by_shape[spec.kind] = spec
    titles: list[Match | None] = []
    read: list[list[Match]] = []  # every label read in each column's title
    for k in range(len(ranges)):
        toks = over.get(k, [])
        ms = find_labels(toks, schema, None, extra, header=True) if toks else []
        read.append(ms)
        titles.append(_title(ms, cells.get(k, [])) if ms else None)
    order = {f.key: i for i, f in enumerate(schema.fields)}

    def by_cells(k: int, spec: FieldSpec) -> Match:
        # a column named by its cells, not its title: a weak label score, calibrated as a value placed from its look
        text = " ".join(t.text for t in over.get(k, [])) or spec.key
        return Match(0, 0, spec, Label(text, label_key(text), by_meaning=True, source="value"), 0.5, 0.0)

    # first what the cells plainly are: a title whose field's kind its cells' shape contradicts ("khổ" of a
    # garbled "Khuôn khổ" read as "Kho" over a column of measures) gives way to the field of that shape
    shapes = [column_shape(cells.get(k, [])) for k in range(len(ranges))]
    contradicted = {k for k, (m, shape) in enumerate(zip(titles, shapes)) if m is not None and shape is not None
                    and not _fits_shape(m.spec, shape)}
    named = {m.spec.key for k, m in enumerate(titles) if m is not None and k not in contradicted}
    for k in range(len(ranges)):
        shape = shapes[k]
        shaped = by_shape.get(shape) if shape is not None else None
        if shaped is not None and (titles[k] is None or k in contradicted) and shaped.key not in named:
            titles[k] = by_cells(k, shaped)
            named.add(shaped.key)
        elif k in contradicted:
            titles[k] = None
    # then a doubtful title (read from its meaning, or fuzzily) whose field is out of the type's order between
    # the columns around it whose titles were read for sure: a garbled title, left to be named by its cells
    sure = [m is not None and not m.label.by_meaning and m.score >= SURE_TITLE for m in titles]
    for k, m in enumerate(titles):
        if m is None or sure[k] or m.spec is idx_spec or m.label.source == "value":
            continue
        sure_before = [order.get(t.spec.key, -1) for j, t in enumerate(titles[:k]) if sure[j] and t is not None]
        sure_after = [order.get(t.spec.key, len(order)) for j, t in enumerate(titles[k + 1:], k + 1)
                      if sure[j] and t is not None]
        if sure_before and order[m.spec.key] < max(sure_before) or sure_after and order[m.spec.key] > min(sure_after):
            titles[k] = None
            named.discard(m.spec.key)
    # columns still unnamed: a field between the fields of the columns around it in the type's order (columns
    # are printed in that order) — one whose closed list holds the cells' words, else a required one, else
    # one of a closed list, the earliest first
    free = [k for k in range(len(ranges)) if titles[k] is None and cells.get(k)]
    for k in free:
        lo = max((order.get(t.spec.key, -1) for t in titles[:k] if t is not None), default=-1)
        hi = min((order.get(t.spec.key, len(order)) for t in titles[k + 1:] if t is not None), default=len(order))
        # cells that are codes (letters and digits, no word of text) name no text field: an object's name is
        # never "3276/BTTH-G", though the code field's title was not read and the name is the required one
        coded = _code_share(cells[k]) >= 2 / 3
        between = [f for f in schema.fields[lo + 1:hi] if f.key not in named and f.kind not in ("name", "id")
                   and (f.code if coded else f.kind in ("text", "place") or _parse_share(cells[k], f) >= 0.5)]
        listed = _narrowest([f for f in between if f.vocabulary_closed
                             and _vocabulary_share(cells[k], vocabulary(f.vocabulary)) >= 2 / 3])
        parsed = {f.key for f in between if f.kind not in ("text", "place")}
        rest = len([j for j in free if j > k and titles[j] is None])
        pick = sorted(between, key=lambda f: (f.key not in listed, f.key not in parsed, not f.required,
                                              not f.vocabulary_closed, order[f.key]))[:rest + 1]
        if listed & {f.key for f in pick}:
            pick = [f for f in pick if f.key in listed]
        pick.sort(key=lambda f: order[f.key])
        if pick:
            titles[k] = by_cells(k, pick[0])
            named.add(pick[0].key)
    _name_in_a_shared_title(schema, titles, read, cells)
    return [(lo, hi, titles[k]) for k, (lo, hi) in enumerate(ranges)]


def _name_in_a_shared_title(schema: Schema, titles: list[Match | None], read: list[list[Match]],
                            cells: dict[int, list[str]]) -> None:
    """A register names each object: when no column is the object's name, a column whose title holds one of the
    name's wordings, read exactly, beside another text field's ("Tên, loại hiện vật", "Tên và đặc điểm", "Tên
    gọi hiện vật" where "gọi hiện vật" comes near "Loại hiện vật"), is the name's: a register writes an object's
    name first in the column that names it, and its class or description after it. The other field's wording
    goes with it (``Match.shares``): each cell is listed under it as well, an unplaced pair for review to
    place, since the cell may hold that field's words after the name."""
    name = next((f for f in schema.fields if f.role == "subject_name" and f.required and f.kind == "text"), None)
    if name is None or any(t is not None and t.spec.key == name.key for t in titles):
        return
    for k, ms in enumerate(read):
        title = titles[k]
        if title is None or title.spec.kind != "text" or _code_share(cells.get(k, [])) >= 2 / 3:
            continue
        exact = [m for m in ms if m.spec.key == name.key and m.score >= 0.9 and not m.label.by_meaning]
        if exact:
            # the other field's wording goes with it: its values may be in the cells too, never dropped unseen
            titles[k] = replace(exact[0], shares=title.label.text)
            return


# a column title's wording read this near word for word is read for sure (the doubtful titles' test below too)
SURE_TITLE = 0.9
FREE_TEXT_KINDS = frozenset({"text", "place", "name"})  # kinds any words are a value of


def _title(ms: list[Match], cells: list[str]) -> Match:
    """Which of the wordings read in one column's title names the column: the heavier (the longer, read the
    nearer word for word), unless it names a field of a parsed kind (a weight, a date, a measure) that none of
    the column's cells parses as, while another wording of the title is read for sure. A title qualifies its head
    with words of its own ("Tên gọi trong lưu trữ"), which may come near another field's wording with slips
    ("trong lưu" ~ "Trọng lượng", weighed by its length): cells of words, no weight among them, say which is the
    title. (A text field's wording beside the name's is left to ``_name_in_a_shared_title``: its words may be in
    the cells.)"""
    heaviest = max(ms, key=lambda m: (m.weight, m.score))
    if heaviest.spec.kind in FREE_TEXT_KINDS or heaviest.score >= SURE_TITLE or _parse_share(cells, heaviest.spec) > 0:
        return heaviest
    sure = [m for m in ms if m.score >= SURE_TITLE and m.spec is not heaviest.spec]
    return max(sure, key=lambda m: (m.weight, m.score)) if sure else heaviest


def _narrowest(fields: list[FieldSpec]) -> set[str]:
    """Of the fields whose closed lists hold a column's words, those with no narrower such list: cells that are
    all words of the materials' list are a material column, though an object's name may be a material word
    too (its list holds the materials' and more); the narrower list is the more specific evidence."""
    words = {f.key: vocabulary(f.vocabulary) for f in fields}
    return {f.key for f in fields if not any(words[g.key] < words[f.key] for g in fields)}


def _code_share(cells: list[str]) -> float:
    """Share of a column's cells that are codes: digits in the cell, and each word either holds a digit or is
    letters all in capitals ("BTTH 3683/GS 97", "3276/BTTH-G"), never a word of text ("Bình vôi")."""
    told = [c for c in cells if sum(ch.isalnum() for ch in c) >= 3]
    if not told:
        return 0.0

    def code(cell: str) -> bool:
        words = [w.strip(",.;:()") for w in cell.split()]
        return any(ch.isdigit() for ch in cell) and all(
            any(ch.isdigit() for ch in w) or w.isupper() or not any(ch.isalpha() for ch in w) for w in words)
    return sum(code(c) for c in told) / len(told)


def _parse_share(cells: list[str], spec: FieldSpec) -> float:
    """Share of a column's cells that parse as the field's kind (a dating, a date, a measure …)."""
    told = [c for c in cells if sum(ch.isalnum() for ch in c) >= 3]
    if not told:
        return 0.0
    if spec.kind == "number":  # a count or a number alone: digits (a dating's year is no quantity)
        return sum(c.strip(" .,:;").isdigit() for c in told) / len(told)
    return sum(normalise(spec.kind, c).value is not None for c in told) / len(told)


def _vocabulary_share(cells: list[str], words: frozenset[str]) -> float:
    """Share of a column's cells all of whose words are words of the list."""
    told = [c for c in cells if any(ch.isalpha() for ch in c)]
    if not told:
        return 0.0
    return sum(all(w.strip(",.;:").lower() in words for w in c.split() if any(ch.isalpha() for ch in w))
               for c in told) / len(told)


def _fits_shape(spec: FieldSpec, shape: str) -> bool:
    """A column title's field agrees with what its cells look like."""
    if shape == "index":
        return spec.kind == "number" and not spec.code or spec.key == "_row_index"
    if shape == "inventory":
        return spec.kind in ("number", "id")
    return spec.kind == shape
