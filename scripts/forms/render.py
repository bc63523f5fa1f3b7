"""Page images of a split's documents, drawn with ``make_forms``' painter and degraded by its ``degrade``.

    .venv/bin/python scripts/forms/render.py OUT_DIR [--split seen] [--kinds birth,bound_register]
        [--per-type 2] [--levels 0,3] [--seed 11]     # NAME.pN.png and NAME.json (truth) per document

The painter is extended only where the grammar needs it: labels are printed
as the labeler dressed them (punctuation and case included), and the unseen
split's templates — numbered items, a label/value grid with no punctuation,
the value on the line below its label — are laid out here.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import make_forms as mf  # noqa: E402
from forms.documents import BUILDERS  # noqa: E402
from forms.grammar import Labeler  # noqa: E402
from forms.values import Values  # noqa: E402

KINDS = list(BUILDERS)  # the six record types and "bound_register"
GRID_X = 640  # where the values of a grid template start
# make_forms' faces but DejaVu Sans Mono, which draws the acute of ố, ế, ấ beside its letter ("Sô´"):
# a page in it does not print the truth it claims. (make_forms itself still uses it.)
FONTS = {family: [f for f in faces if f != "dejavu/DejaVuSansMono.ttf"] for family, faces in mf.FONTS.items()}


class GrammarPainter(mf.Painter):
    def label(self, lb: str) -> str:
        return lb  # already dressed by the labeler

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

    def render(self, items: list):
        for it in items:
            if it[0] == "grid":
                self.grid(it[1], it[2])
            elif it[0] == "below":
                self.below(it[1], it[2])
            else:
                super().render([it])
        return self.img.crop((0, 0, mf.PAGE_W, min(3400, self.y + 120)))


def apply_layout(items: list, layout: str) -> list:
    """Rewrite a page's ``fields`` items for the document's template (the seen split is always ``inline``)."""
    if layout == "inline":
        return items
    out, n = [], 0
    for it in items:
        if it[0] != "fields":
            out.append(it)
            continue
        if layout == "numbered":
            pairs = []
            for lb, v in it[1]:
                n += 1
                pairs.append((f"{n}. {lb}", v))
            out.append(("fields", pairs))
        else:
            out += [(layout, lb, v) for lb, v in it[1]]
    return out


def build_document(split: str, kind: str, index: int, level: int, seed: int):
    """Page images and truth of one document; deterministic in its arguments."""
    rng = random.Random(f"{seed}:{split}:{kind}:{index}:{level}")
    lab, val = Labeler(split, rng), Values(split, rng)
    family = rng.choice(["serif", "serif", "sans", "mono"])
    font = rng.choice(FONTS[family])
    val.capitals = family != "mono"  # FreeMono drops the second mark of capitals (Ễ prints as Ê): no upper-case values
    builders = BUILDERS[kind]
    doc = builders[(index + level) % len(builders)](lab, val, rng)  # every kind of document at every --per-type
    style = mf.Style(font, rng.randint(28, 34), rng.random() < 0.5 and lab.layout != "grid", False)
    if doc.layout == "register" and doc.record_type == "museum_object":
        style.size, style.leaders = rng.randint(24, 27), False
    if doc.layout in ("two-column", "bound-register"):
        style.size = min(style.size, 29)
    images = [mf.degrade(GrammarPainter(style, rng).render(apply_layout(items, lab.layout)), level, rng)
              for items in doc.pages]
    truth = {"split": split, "kind": kind, "record_type": doc.record_type, "collection": doc.collection,
             "layout": doc.layout, "template": lab.layout, "level": level, "seed": seed, "font": style.font,
             "size": style.size, "leaders": style.leaders, "pages": len(images), "records": doc.records}
    return images, truth


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Write a split's benchmark forms and their truth to a folder.")
    ap.add_argument("out", type=Path)
    ap.add_argument("--split", default="seen", choices=["seen", "unseen"])
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
                stem = f"{args.split}-{kind}-{i:03d}-L{level}"
                for k, img in enumerate(images, 1):
                    img.save(args.out / f"{stem}.p{k}.png")
                (args.out / f"{stem}.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
                n += 1
    print(f"{n} documents in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
