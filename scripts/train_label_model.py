#!/usr/bin/env python3
"""Train the label classifier (schemas/label_model.py) and write its weights to schemas/data/label_model.json.

Examples are the "label: value" pairs of generated forms of the **seen** wordings only — the seen split of
``scripts/forms`` — taken from the documents as built, before they are drawn (no OCR, no images). The older
``scripts/make_forms.py`` forms are left out (``--legacy`` takes them): some of their wordings are no
wording of the extractor's lists and hold phrases of the unseen grammar, which the model would then know
(the disjointness check of ``scripts/forms/disjoint.py`` finds them in its weights). Each pair's field is the truth key whose value the printed
value normalises to (the first not yet used, in the order the truth was written, when several agree: the
mother's nationality before the father's). The unseen split is never read: it is what the model is judged on.

A little noise stands in for OCR: a letter of a label word changed or lost now and then, and the field read
before sometimes unknown. Training is a multinomial logistic regression (scikit-learn, a development
dependency; the stored weights need nothing at run time), deterministic in ``--seeds``:

    .venv/bin/python scripts/train_label_model.py --seeds 1000-1039 --write
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import make_forms  # noqa: E402
from forms.documents import BUILDERS  # noqa: E402
from forms.grammar import Labeler  # noqa: E402
from forms.values import Values  # noqa: E402

from schemas.label_model import MODEL_FILE, LabelModel, features  # noqa: E402
from schemas.loader import load_schemas  # noqa: E402
from schemas.normalize import normalise  # noqa: E402

KINDS = [k for k in BUILDERS if k != "bound_register"]  # the bound register is certificates of the other kinds
Example = tuple[str, str, str, str | None, str]  # record type, label, value, previous key, field key
PRUNE = 0.05  # weights smaller than this are left out of the stored model: a file 8 times smaller, accuracy the same


def _spec_key(key: str) -> str:
    return re.sub(r"\[\d+\]", "[]", key)


def _pairs(items: list) -> list[tuple[str, str]]:
    """The (label, value) pairs of a page's items, in reading order (a two-column block: left, then right)."""
    out: list[tuple[str, str]] = []
    for it in items:
        if it[0] == "fields":
            out += [(lb, v) for lb, v in it[1]]
        elif it[0] == "cols":
            for _, rows in it[1:]:
                out += list(rows)
        elif it[0] == "table":
            headers, rows = it[1], it[2]
            out += [(h, c) for row in rows for h, c in zip(headers, row)]
    return out


def _reads_as(spec, value: str, want) -> bool:
    n = normalise(spec.kind, value, spec.values)
    return n.value == want and n.quality >= 1


def document_examples(doc) -> list[Example]:
    """Each pair of the document with the truth key its value is, records taken in order."""
    schemas = load_schemas()
    out: list[Example] = []
    records = doc.records
    r = 0
    used: list[set[str]] = [set() for _ in records]
    for items in doc.pages:
        previous = None
        for label, value in _pairs(items):
            for k in range(r, min(r + 2, len(records))):  # this record, or the next one (a register's entries)
                rtype = records[k]["record_type"]
                schema = schemas[rtype]
                # the first free key of each kind the value reads as: "… lúc: 14 giờ 30 phút, ngày 05/03/2020"
                # is the time and the date of death, "Việt Nam" only the first nationality still free
                keys: dict[str, str] = {}
                for t, want in records[k]["fields"].items():
                    spec = schema.by_key.get(_spec_key(t))
                    if t not in used[k] and spec is not None and not spec.internal and spec.kind not in keys \
                            and _reads_as(spec, value, want):
                        keys[spec.kind] = t
                if keys:
                    used[k].update(keys.values())
                    r = k
                    out += [(rtype, label, value, previous, _spec_key(key)) for key in keys.values()]
                    previous = _spec_key(list(keys.values())[-1])
                    break
    return out


def examples(seeds: list[int], per_kind: int = 3, legacy: bool = False) -> list[Example]:
    """Pairs of the seen split's forms (``legacy``: and of the older make_forms forms, whose wordings are not all
    in the extractor's lists and include phrases of the unseen grammar: left out by default)."""
    out: list[Example] = []
    for seed in seeds:
        for kind in KINDS:
            for i in range(per_kind):
                rng = random.Random(f"train:{seed}:seen:{kind}:{i}")
                lab, val = Labeler("seen", rng), Values("seen", rng)
                builders = BUILDERS[kind]
                out += document_examples(builders[i % len(builders)](lab, val, rng))
        for rtype in make_forms.RECORD_TYPES if legacy else ():
            for i in range(per_kind):
                rng = random.Random(f"train:{seed}:legacy:{rtype}:{i}")
                builders = make_forms.BUILDERS[rtype]
                out += document_examples(builders[i % len(builders)](rng))
    return out


def _slip(text: str, rng: random.Random) -> str:
    """One letter of one word changed or lost, as OCR does."""
    words = text.split()
    cands = [i for i, w in enumerate(words) if len(w) >= 3 and w.isalpha()]
    if not cands:
        return text
    i = rng.choice(cands)
    w = words[i]
    j = rng.randrange(len(w))
    words[i] = w[:j] + (rng.choice("aeiouncthm") if rng.random() < 0.5 else "") + w[j + 1:]
    return " ".join(words)


def featurise(exs: list[Example], seed: int = 0, noise: bool = True) -> tuple[list[list[str]], list[str]]:
    rng = random.Random(f"noise:{seed}")
    xs, ys = [], []
    for rtype, label, value, previous, key in exs:
        xs.append(features(rtype, label, value, previous))
        ys.append(key)
        if noise:  # a second, noisy copy: a slip in the label, and now and then no field read before
            xs.append(features(rtype, _slip(label, rng), value, previous if rng.random() < 0.5 else None))
            ys.append(key)
    return xs, ys


def train(exs: list[Example], c: float = 1.0, seed: int = 0, drop=None) -> LabelModel:
    """A multinomial logistic regression on the examples' features (``drop``: a predicate on feature names to
    leave out — words held back to see how the model does without them)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    xs, ys = featurise(exs, seed)
    if drop is not None:
        xs = [[f for f in x if not drop(f)] for x in xs]
    vec = DictVectorizer(sparse=True)
    matrix = vec.fit_transform([{f: 1 for f in x} for x in xs])
    lr = LogisticRegression(C=c, max_iter=2000, tol=1e-6)
    lr.fit(matrix, ys)
    classes = tuple(str(k) for k in lr.classes_)
    names = vec.get_feature_names_out()
    weights: dict[str, list[tuple[int, float]]] = {}
    coef = lr.coef_
    for j, name in enumerate(names):
        col = coef[:, j]
        ws = [(i, round(float(w), 3)) for i, w in enumerate(col) if abs(w) >= PRUNE]
        if ws:
            weights[str(name)] = ws
    return LabelModel(classes, tuple(round(float(b), 3) for b in lr.intercept_),
                      {f: tuple(ws) for f, ws in weights.items()})


def accuracy(m: LabelModel, exs: list[Example]) -> float:
    schemas = load_schemas()
    right = 0
    for rtype, label, value, previous, key in exs:
        probs = m.probabilities(features(rtype, label, value, previous),
                                {f.key for f in schemas[rtype].fields if not f.internal})
        right += max(probs, key=probs.get) == key
    return right / max(1, len(exs))


def _seeds(text: str) -> list[int]:
    out: list[int] = []
    for part in text.split(","):
        a, _, b = part.partition("-")
        out += list(range(int(a), int(b) + 1)) if b else [int(a)]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", default="1000-1039", help="generator seeds to train on (a range a-b or a list)")
    ap.add_argument("--check-seeds", default="2000-2004", help="seeds of held-out seen forms to report accuracy on")
    ap.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength")
    ap.add_argument("--legacy", action="store_true", help="also train on the older make_forms forms")
    ap.add_argument("--write", action="store_true", help=f"store the model in {MODEL_FILE}")
    args = ap.parse_args(argv)
    exs = examples(_seeds(args.seeds), legacy=args.legacy)
    m = train(exs, args.c)
    held = examples(_seeds(args.check_seeds))
    print(f"trained on {len(exs)} pairs (seeds {args.seeds}), {len(m.weights)} features, {len(m.classes)} fields")
    print(f"held-out seen pairs (seeds {args.check_seeds}): {100 * accuracy(m, held):.1f}% of {len(held)} right")
    if args.write:
        data = {"about": "Weights of the label classifier (schemas/label_model.py), written by "
                         "scripts/train_label_model.py from seen wordings only; do not edit.",
                "trained_on": {"seeds": args.seeds, "legacy": args.legacy, "pairs": len(exs), "c": args.c},
                **m.to_json()}
        MODEL_FILE.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n",
                              encoding="utf-8")
        print(f"written: {MODEL_FILE} ({MODEL_FILE.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
