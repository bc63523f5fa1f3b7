"""Page images of a split's documents, drawn with ``make_forms``' painter and degraded by its ``degrade``.

    .venv/bin/python scripts/forms/render.py OUT_DIR [--split seen] [--kinds birth,bound_register]
        [--per-type 2] [--levels 0,3] [--seed 11]     # NAME.pN.png and NAME.json (truth) per document

The painter is extended only where the grammar needs it: labels are printed
as the labeler dressed them (punctuation and case included), and the unseen
split's templates — numbered items, a label/value grid with no punctuation,
the value on the line below its label — and the dev split's — dotted leaders
between label and value, labels in the left column of a ruled table, two
label:value pairs on every line, boxed cells with a small label in the corner
and the value below it, a ruled two-column table whose cells wrap, a small caption over each value, a header row
of labels over a row of values, the value on a line (on some forms a dotted one) under its label, a label in
a light grey cell beside its value, items enumerated "1)", "(1)", "a)" or "1/" — are laid out here.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import make_forms as mf  # noqa: E402
from forms.documents import BUILDERS  # noqa: E402
from forms.grammar import UNPUNCTUATED, Labeler, bare_labels, later_layout, third_layout  # noqa: E402
from forms.values import Values  # noqa: E402

KINDS = list(BUILDERS)  # the six record types and "bound_register"
GRID_X = 640  # where the values of a grid template start
# make_forms' faces but DejaVu Sans Mono, which draws the acute of ố, ế, ấ beside its letter ("Sô´"):
# a page in it does not print the truth it claims. (make_forms itself still uses it.)
FONTS = {family: [f for f in faces if f != "dejavu/DejaVuSansMono.ttf"] for family, faces in mf.FONTS.items()}


# The enumerators an "itemized" form puts before its labels ({n} the item's number, {a} its letter).
ENUMERATORS = ("{n}) ", "({n}) ", "{a}) ", "{n}/ ")


# The dev split's page templates (the module docstring's list), any of which a dev bound register may be printed in.
DEV_PAGE_LAYOUTS = ("dotted", "label_table", "paired", "boxed", "ruled", "caption", "header_row", "value_under",
                    "shaded", "itemized")


def register_layout(layout: str, split: str, kind: str, rng: random.Random) -> str:
    """The template a document is printed in, the dev bound register's drawn afresh from all the dev templates: a
    register is printed in whatever template its office uses, and one drawn like a single certificate's kept the dev
    register in one template on every seed. ``rng`` is a stream of the register's own, so the seen and unseen
    documents, and the dev single certificates, are drawn as before."""
    if split != "dev" or kind != "bound_register":
        return layout
    return rng.choice(DEV_PAGE_LAYOUTS)


def form_options(layout: str, rng: random.Random) -> dict:
    """What one form of a template keeps on all its pages: where its columns and indents are, how it marks items.
    Drawn from a stream of the document's own, and only for the templates that have options, so the documents of
    the other templates are drawn as before."""
    if layout == "value_under":
        return {"indent": rng.choice((0, 0, 40, 80, 120)), "dots": rng.random() < 0.5}
    if layout == "shaded":
        return {"column": rng.randint(520, 780), "right_aligned": rng.random() < 0.5, "fill": rng.randint(205, 235)}
    if layout == "itemized":
        return {"enumerator": rng.choice(ENUMERATORS)}
    return {}


class GrammarPainter(mf.Painter):
    # (left, right, bottom) of a photograph box the lines beside it keep clear of (the dev ``photo_card``)
    photo: tuple[float, float, float] | None = None

    def __init__(self, style: mf.Style, rng: random.Random, form: dict | None = None):
        super().__init__(style, rng)
        self.form = form or {}

    def label(self, lb: str) -> str:
        return lb  # already dressed by the labeler

    def photo_box(self, side: str) -> None:
        """A box for the object's photograph on one side of the card, as inventory cards print, a caption in it;
        the field lines that follow are written beside it until they pass its bottom."""
        width, height = (mf.PAGE_W - 2 * mf.MARGIN) * 0.3, self.line_h * 6
        left = mf.MARGIN if side == "left" else mf.PAGE_W - mf.MARGIN - width
        top = self.y - self.line_h // 4
        self.draw.rectangle((left, top, left + width, top + height), outline=0, width=2)
        small = mf._font(self.style.font, max(16, int(self.style.size * 0.7)))
        caption = "Ảnh hiện vật"
        self.draw.text((left + (width - self.width(caption, small)) / 2, top + height / 2), caption, fill=0, font=small)
        self.photo = (left, left + width, top + height)

    def fields(self, pairs: list, x0: float = mf.MARGIN, x1: float = mf.PAGE_W - mf.MARGIN) -> None:
        """Field lines, kept clear of a photograph box while they are beside it."""
        if self.photo and self.y < self.photo[2] and (x0, x1) == (mf.MARGIN, mf.PAGE_W - mf.MARGIN):
            left, right, _ = self.photo
            x0, x1 = (right + 40, x1) if left <= mf.MARGIN else (x0, left - 40)
        super().fields(pairs, x0, x1)

    def grid(self, label: str, value: str) -> None:
        """Label at the margin, value in a column of its own, no punctuation between."""
        self.text(mf.MARGIN, label)
        x = max(GRID_X, mf.MARGIN + self.width(label + "    "))
        words, line = value.split(), ""
        for w in words:
            cand = (line + " " + w).strip()
            if x + self.width(cand) > mf.PAGE_W - mf.MARGIN and line:
                self.text(x, line)
                self.y += self.line_h
                line = w
            else:
                line = cand
        self.text(x, line)
        self.y += self.line_h

    def below(self, label: str, value: str) -> None:
        """Label on its own line, the value under it, indented."""
        self.text(mf.MARGIN, label)
        self.y += self.line_h
        self.fields([("", value)], mf.MARGIN + 60)

    def value_under(self, label: str, value: str) -> None:
        """Label on a line of its own at the margin, the value written on the line under it, from the form's
        indent; on some forms the value sits on a dotted writing line that runs to the right margin."""
        self.text(mf.MARGIN, label)
        self.y += self.line_h
        x = mf.MARGIN + self.form.get("indent", 0)
        lines = self._lines(value, mf.PAGE_W - mf.MARGIN - x)
        for n, line in enumerate(lines):
            if self.form.get("dots"):  # the writing line, its dots a little under the value's baseline
                self.y += self.style.size // 4
                self.leader(mf.MARGIN if n else x, mf.PAGE_W - mf.MARGIN)
                self.y -= self.style.size // 4
            self.text(x if n == 0 else mf.MARGIN, line)
            self.y += self.line_h
        self.y += self.line_h // 4

    def shaded(self, label: str, value: str) -> None:
        """One row of a sheet printed from an electronic record: the label in a light grey cell up to the form's
        column (left- or right-aligned in it, wrapping inside it), the value in the white cell beside it; no rules,
        no punctuation."""
        pad, column = 14, self.form.get("column", 640)
        top = self.y - self.line_h // 5
        labels = self._lines(label, column - mf.MARGIN - 2 * pad)
        values = self._lines(value, mf.PAGE_W - mf.MARGIN - column - 2 * pad)
        rows = max(len(labels), len(values))
        bottom = top + rows * self.line_h
        self.draw.rectangle((mf.MARGIN, top, column, bottom - 4), fill=self.form.get("fill", 220))
        for n, line in enumerate(labels):
            x = column - pad - self.width(line) if self.form.get("right_aligned") else mf.MARGIN + pad
            self.draw.text((x, self.y + n * self.line_h), line, fill=0, font=self.font)
        for n, line in enumerate(values):
            self.draw.text((column + pad, self.y + n * self.line_h), line, fill=0, font=self.font)
        self.y += rows * self.line_h

    def _wrapped(self, x: float, value: str, x1: float = mf.PAGE_W - mf.MARGIN, font=None) -> int:
        """The value from x to x1 (the right margin), wrapped; returns the lines it took (``self.y`` on its last)."""
        words, line, n = value.split(), "", 1
        for w in words:
            cand = (line + " " + w).strip()
            if x + self.width(cand, font) > x1 and line:
                self.text(x, line, font)
                self.y += self.line_h
                line, n = w, n + 1
            else:
                line = cand
        self.text(x, line, font)
        return n

    def dotted(self, label: str, value: str) -> None:
        """Label, a run of dots to the value's column (or a few past the label), the value: no punctuation."""
        self.text(mf.MARGIN, label)
        start = mf.MARGIN + self.width(label + " ")
        x = max(GRID_X, start + self.width("." * self.rng.randint(6, 14)))
        self.leader(start, x - self.width(" "))
        self._wrapped(x, value)
        self.y += self.line_h

    def ruled(self, label: str, value: str) -> None:
        """One row of a ruled two-column table: the label in the left cell, the value in the right one."""
        top = self.y - self.line_h // 4
        x = max(GRID_X, mf.MARGIN + self.width(label + "   ") + 20)
        self.text(mf.MARGIN + 12, label)
        self._wrapped(x + 12, value)
        self.y += self.line_h
        bottom = self.y - self.line_h // 4
        left, right = mf.MARGIN, mf.PAGE_W - mf.MARGIN + 10
        for y in (top, bottom):
            self.draw.line((left, y, right, y), fill=0, width=2)
        for xv in (left, x, right):
            self.draw.line((xv, top, xv, bottom), fill=0, width=2)
        self.y += self.line_h // 6

    def boxed(self, pairs: list) -> None:
        """Rows of one to three ruled cells of different widths, as on household and identity-card forms: a small
        label in each cell's top-left corner, the value written below it inside the cell, wrapped to the cell's
        width. Neighbouring cells share their borders; a row is as tall as its tallest cell."""
        small = mf._font(self.style.font, max(16, int(self.style.size * 0.7)))
        left, right, pad = mf.MARGIN - 10, mf.PAGE_W - mf.MARGIN + 10, 12
        top = self.y - self.line_h // 4
        self.draw.line((left, top, right, top), fill=0, width=2)
        k = 0
        while k < len(pairs):
            n = min(self.rng.choice((1, 2, 2, 3)), len(pairs) - k)
            weights = [self.rng.uniform(1.0, 2.2) for _ in range(3)]
            while True:  # a label wider than its cell: fewer cells on the row
                xs = [left + (right - left) * sum(weights[:i]) / sum(weights[:n]) for i in range(n + 1)]
                row = pairs[k:k + n]
                if n == 1 or all(self.width(lb, small) + 3 * pad < xs[i + 1] - xs[i] for i, (lb, _) in enumerate(row)):
                    break
                n -= 1
            ends = []
            for i, (lb, value) in enumerate(row):
                self.y = top + pad // 2
                self._wrapped(xs[i] + pad, lb, xs[i + 1] - pad, small)
                self.y += int(small.size * 1.45)
                self._wrapped(xs[i] + pad + self.rng.randint(0, 30), value, xs[i + 1] - pad)
                ends.append(self.y)
            bottom = max(ends) + int(self.line_h * 0.85)
            self.draw.line((left, bottom, right, bottom), fill=0, width=2)
            for x in xs:
                self.draw.line((x, top, x, bottom), fill=0, width=2)
            top, k = bottom, k + n
        self.y = top + self.line_h

    def label_table(self, pairs: list) -> None:
        """A ruled two-column table, no colon: each label in a cell of the left column, its value in the cell
        beside it; a value (or a label) longer than its cell wraps inside it, and a row is as tall as its taller
        cell. The table may stop short of the right margin, so values wrap sooner."""
        left, pad = mf.MARGIN - 10, 12
        right = mf.PAGE_W - mf.MARGIN + 10 - self.rng.choice((0, 150, 300, 450))
        widest = max(self.width(lb) for lb, _ in pairs) + 3 * pad
        mid = left + min(max(widest, (right - left) * self.rng.uniform(0.28, 0.4)), (right - left) * 0.45)
        first = top = self.y - self.line_h // 4
        self.draw.line((left, top, right, top), fill=0, width=2)
        for lb, value in pairs:
            self.y = top + self.line_h // 4
            self._wrapped(left + pad, lb, mid - pad)
            label_end, self.y = self.y, top + self.line_h // 4
            self._wrapped(mid + pad, value, right - pad)
            top = max(self.y, label_end) + self.line_h - self.line_h // 4
            self.draw.line((left, top, right, top), fill=0, width=2)
        for x in (left, mid, right):
            self.draw.line((x, first, x, top), fill=0, width=2)
        self.y = top + self.line_h

    def _lines(self, text: str, width: float, font=None) -> list[str]:
        """The text wrapped to ``width``: its lines, each as long as fits (a word wider than the width alone)."""
        lines = [""]
        for w in text.split():
            cand = (lines[-1] + " " + w).strip()
            if self.width(cand, font) > width and lines[-1]:
                lines.append(w)
            else:
                lines[-1] = cand
        return lines

    def _block(self, x0: float, x1: float, text: str, font=None, shade: int = 0, centred: bool = False) -> None:
        """The text wrapped between x0 and x1 from ``self.y`` down, left-aligned or centred, in a grey ``shade``
        (0 is black); ``self.y`` is left on its last line."""
        font = font or self.font
        lines = self._lines(text, x1 - x0, font)
        step = int(font.size * 1.45)
        for n, line in enumerate(lines):
            x = x0 + max(0.0, (x1 - x0 - self.width(line, font)) / 2) if centred else x0
            self.draw.text((x, self.y), line, fill=shade, font=font)
            if n + 1 < len(lines):
                self.y += step

    def caption(self, pairs: list) -> None:
        """Each label printed small (on some forms lighter) over its value, as on identity cards, today's
        registration forms and museum cards: rows of one to three fields side by side, each field in a column of
        its own, a value longer than its column wrapped inside it; on some forms a thin rule under each value, the
        line it was written on."""
        small = mf._font(self.style.font, max(16, int(self.style.size * self.rng.uniform(0.6, 0.78))))
        shade = self.rng.choice((0, 0, 60, 100))
        ruled = self.rng.random() < 0.5
        left, right, gap = mf.MARGIN, mf.PAGE_W - mf.MARGIN, 50
        k = 0
        while k < len(pairs):
            n = min(self.rng.choice((1, 2, 2, 3)), len(pairs) - k)
            weights = [self.rng.uniform(1.0, 1.8) for _ in range(3)]
            while True:  # a caption wider than its column: fewer fields on the row
                xs = [left + (right - left + gap) * sum(weights[:i]) / sum(weights[:n]) for i in range(n + 1)]
                row = pairs[k:k + n]
                if n == 1 or all(self.width(lb, small) < xs[i + 1] - xs[i] - gap for i, (lb, _) in enumerate(row)):
                    break
                n -= 1
            top, ends = self.y, []
            for i, (lb, value) in enumerate(row):
                x0, x1 = xs[i], xs[i + 1] - gap
                self.y = top
                self._block(x0, x1, lb, small, shade)
                self.y += int(small.size * 1.5)
                self._block(x0 + self.rng.randint(0, 16), x1, value)
                if ruled:
                    under = self.y + int(self.line_h * 0.7)
                    self.draw.line((x0, under, x1, under), fill=0, width=1)
                ends.append(self.y)
            self.y = max(ends) + int(self.line_h * (1.45 if ruled else 1.25))
            k += n

    def header_row(self, pairs: list) -> None:
        """Ruled tables of two to four columns, one under the other, as on register pages and summary sheets: the
        labels in a header row (on some forms smaller, or centred), each value in the cell under its label; a
        label or a value longer than its cell wraps inside it, and a row is as tall as its tallest cell."""
        head = self.font if self.rng.random() < 0.5 else mf._font(self.style.font, max(16, int(self.style.size * 0.8)))
        centred = self.rng.random() < 0.4
        left, right, pad = mf.MARGIN - 10, mf.PAGE_W - mf.MARGIN + 10, 14
        k = 0
        while k < len(pairs):
            n = min(self.rng.choice((2, 3, 3, 4)), len(pairs) - k)
            if len(pairs) - k - n == 1:  # no lone column left for the last table
                n = n + 1 if n < 4 else n - 1
            row = pairs[k:k + n]
            while True:  # a label's longest word wider than its cell: fewer columns
                need = [max(self.width(lb, head), self.width(v)) + 2 * pad for lb, v in row]
                share = [max(w, (right - left) / (2 * n)) for w in need]
                xs = [left + (right - left) * sum(share[:i]) / sum(share) for i in range(n + 1)]
                if n == 1 or all(max(self.width(w, head) for w in lb.split()) + 2 * pad < xs[i + 1] - xs[i]
                                 for i, (lb, _) in enumerate(row)):
                    break
                n -= 1
                row = pairs[k:k + n]
            top = self.y - self.line_h // 4
            ends = []
            for i, (lb, _) in enumerate(row):
                self.y = top + pad
                self._block(xs[i] + pad, xs[i + 1] - pad, lb, head, centred=centred)
                ends.append(self.y + head.size)
            mid = max(ends) + pad
            ends = []
            for i, (_, value) in enumerate(row):
                self.y = mid + pad
                self._block(xs[i] + pad, xs[i + 1] - pad, value, centred=centred)
                ends.append(self.y + self.font.size)
            bottom = max(ends) + pad + self.line_h // 4
            for y in (top, mid, bottom):
                self.draw.line((left, y, right, y), fill=0, width=2)
            for x in xs:
                self.draw.line((x, top, x, bottom), fill=0, width=2)
            self.y = bottom + self.line_h
            k += n

    def paired(self, pairs: list) -> None:
        """Two label:value pairs on a line, each wrapped inside its half of the page; a pair whose label leaves no
        room in its half for the value's first word (with the leaders of a dotted form) takes a line of its own."""
        mid, top, ends = mf.PAGE_W / 2, self.y, []
        lead = self.width(" " + "." * 8 + " ") if self.style.leaders else self.width(" ")
        if any(self.width(self.label(lb) + " " + (v.split() or [""])[0]) + lead + 25 > mid - 30 - mf.MARGIN
               for lb, v in pairs):
            for pair in pairs:
                self.fields([pair])
            return
        for (lb, v), (x0, x1) in zip(pairs, ((mf.MARGIN, mid - 30), (mid + 30, mf.PAGE_W - mf.MARGIN))):
            self.y = top
            self.fields([(lb, v)], x0, x1)
            ends.append(self.y)
        self.y = max(ends)

    def render(self, items: list):
        for it in items:
            if it[0] == "grid":
                self.grid(it[1], it[2])
            elif it[0] == "below":
                self.below(it[1], it[2])
            elif it[0] == "value_under":
                self.value_under(it[1], it[2])
            elif it[0] == "shaded":
                self.shaded(it[1], it[2])
            elif it[0] == "dotted":
                self.dotted(it[1], it[2])
            elif it[0] == "ruled":
                self.ruled(it[1], it[2])
            elif it[0] == "paired":
                self.paired(it[1])
            elif it[0] == "boxed":
                self.boxed(it[1])
            elif it[0] == "label_table":
                self.label_table(it[1])
            elif it[0] == "caption":
                self.caption(it[1])
            elif it[0] == "header_row":
                self.header_row(it[1])
            elif it[0] == "photo":
                self.photo_box(it[1])
            else:
                super().render([it])
        return self.img.crop((0, 0, mf.PAGE_W, min(3400, self.y + 120)))


def apply_layout(items: list, layout: str, form: dict | None = None) -> list:
    """Rewrite a page's ``fields`` items for the document's template (the seen split is always ``inline``);
    ``form`` holds the template's options (``form_options``)."""
    if layout in ("inline", "photo_card"):  # a photo card's lines are inline ones beside its photograph box
        return items
    if layout == "paired":
        return _paired(items)
    if layout in ("boxed", "label_table", "caption", "header_row"):
        return _runs(items, layout)
    out, n = [], 0
    for it in items:
        if it[0] != "fields":
            out.append(it)
            continue
        if layout in ("numbered", "itemized"):
            enumerator = (form or {}).get("enumerator", "{n}. ") if layout == "itemized" else "{n}. "
            pairs = []
            for lb, v in it[1]:
                n += 1
                pairs.append((enumerator.format(n=n, a=_item_letter(n)) + lb, v))
            out.append(("fields", pairs))
        else:
            out += [(layout, lb, v) for lb, v in it[1]]
    return out


def _item_letter(n: int) -> str:
    """The n-th item's letter as Vietnamese lists write it: a, b, c, … (no f, j, w, z), then aa, bb, …"""
    letters = "abcdeghiklmnopqrstuvxy"
    return letters[(n - 1) % len(letters)] * ((n - 1) // len(letters) + 1)


def _paired(items: list) -> list:
    """The pairs of consecutive ``fields`` items two by two on a line (a lone last pair keeps a line of its own)."""
    out, run = [], []

    def flush() -> None:
        for k in range(0, len(run), 2):
            out.append(("paired", run[k:k + 2]) if k + 1 < len(run) else ("fields", run[k:k + 1]))
        run.clear()

    for it in items:
        if it[0] == "fields":
            run.extend(it[1])
        else:
            flush()
            out.append(it)
    flush()
    return out


def _runs(items: list, kind: str) -> list:
    """The pairs of consecutive ``fields`` items as one ``kind`` item (a block of cells, a table), the other items
    between them kept where they are."""
    out: list = []
    for it in items:
        if it[0] == "fields" and out and out[-1][0] == kind:
            out[-1] = (kind, out[-1][1] + list(it[1]))
        elif it[0] == "fields":
            out.append((kind, list(it[1])))
        else:
            out.append(it)
    return out


def build_document(split: str, kind: str, index: int, level: int, seed: int):
    """Page images and truth of one document; deterministic in its arguments."""
    rng = random.Random(f"{seed}:{split}:{kind}:{index}:{level}")
    lab, val = Labeler(split, rng), Values(split, rng)
    lab.layout = later_layout(lab.layout, split, random.Random(f"{seed}:{split}:{kind}:{index}:{level}:layout"))
    lab.layout = third_layout(lab.layout, split, random.Random(f"{seed}:{split}:{kind}:{index}:{level}:layout3"))
    lab.layout = register_layout(lab.layout, split, kind,
                                 random.Random(f"{seed}:{split}:{kind}:{index}:{level}:register_layout"))
    form = form_options(lab.layout, random.Random(f"{seed}:{split}:{kind}:{index}:{level}:form"))
    lab.bare = lab.bare or bare_labels(split, random.Random(f"{seed}:{split}:{kind}:{index}:{level}:bare"))
    family = rng.choice(["serif", "serif", "sans", "mono"])
    font = rng.choice(FONTS[family])
    val.capitals = family != "mono"  # FreeMono drops the second mark of capitals (Ễ prints as Ê): no upper-case values
    builders = BUILDERS[kind]
    doc = builders[(index + level) % len(builders)](lab, val, rng)  # every kind of document at every --per-type
    style = mf.Style(font, rng.randint(28, 34), rng.random() < 0.5 and lab.layout not in UNPUNCTUATED,
                     False)
    if doc.layout == "register" and doc.record_type == "museum_object":
        style.size, style.leaders = rng.randint(24, 27), False
    if doc.layout in ("two-column", "bound-register"):
        style.size = min(style.size, 29)
    images = [mf.degrade(GrammarPainter(style, rng, form).render(apply_layout(items, lab.layout, form)), level, rng)
              for items in doc.pages]
    truth = {"split": split, "kind": kind, "record_type": doc.record_type, "collection": doc.collection,
             "layout": doc.layout, "template": lab.layout, "bare_labels": lab.bare, "level": level, "seed": seed,
             "font": style.font, "size": style.size, "leaders": style.leaders, "pages": len(images), "records": doc.records}
    return images, truth


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Write a split's benchmark forms and their truth to a folder.")
    ap.add_argument("out", type=Path)
    ap.add_argument("--split", default="seen", choices=["seen", "dev", "unseen"])
    ap.add_argument("--kinds", default=",".join(KINDS))
    ap.add_argument("--per-type", type=int, default=2)
    ap.add_argument("--levels", default="0")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    n = 0
    for level in (int(x) for x in args.levels.split(",")):
        for kind in args.kinds.split(","):
            for i in range(1 if kind == "bound_register" else args.per_type):
                images, truth = build_document(args.split, kind, i, level, args.seed)
                mf.write_document(args.out, f"{args.split}-{kind}-{i:03d}-L{level}", images, truth)
                n += 1
    print(f"{n} documents in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
