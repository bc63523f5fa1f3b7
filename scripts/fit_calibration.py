#!/usr/bin/env python3
"""Fit the field-confidence calibration (schemas/data/calibration.json) on generated forms.

Forms of the seen wordings are generated (the seen split of ``scripts/forms`` and the older
``scripts/make_forms.py`` forms; never the unseen split), OCR'd and
read with calibration off; every extracted field that the truth has gives a
(raw score, right?) pair in its group (kind × clean/repaired). An isotonic
step function is fitted per group on the ``--fit-seeds`` forms and checked on
the ``--check-seeds`` forms, which it never saw: the script prints the
reliability table (predicted vs observed) and, for fields called confident
(calibrated ≥ 0.995), the share that is right. Run from the repository root:

    python scripts/fit_calibration.py --splits seen,legacy --fit-seeds 101,103 --check-seeds 102 --per-type 4 \\
        --ocr-cache /tmp/ocr

``--write`` stores the fitted calibration; without it nothing is written.

**The dev split** (``--splits seen,legacy,dev``): forms whose wordings, page templates and values are neither
the seen nor the unseen split's (``scripts/forms/dev_words.py``). Read as they are, they show the fit what
unfamiliar paper does to each way of reading a label — a ruled table, dotted leaders, two pairs a line, words
nobody listed — which held-back readings of seen forms cannot. Fit on seeds the benchmark is not judged on.
``--model logistic`` fits one logistic model over the evidence (``schemas/confidence.py: evidence``) instead of
a map per group: a combination of evidence the fit hardly saw still gets what each of its parts says.

**Unfamiliar wording, simulated** (``--held-out-folds N``): on forms of the seen wordings every label is one
the extractor knows, so a fit on them alone learns that a label is either read right or not at all. To see
how each way of reading a label fails on words it does not know, the forms are also read N more times, each
time with a share 1/N of the label vocabulary's content syllables held back (by a stable hash of the folded
syllable): the type files' wordings, section markers and the role and attribute words of
``label_words.json`` that contain one are removed, and the label classifier is retrained without the
features they give. Labels with held-back words are then read fuzzily, from their other words' meaning,
from their value or by the classifier, and fail as they would on a wording nobody listed. The unseen split
is never read, unless ``--unseen-seeds`` names seeds whose unseen split is read once as it is (never a seed
the benchmark is judged on; ``bench_extract.py --fitted-on-seeds`` refuses them). The shipped calibration is
not fitted that way: every seed's unseen split draws on the same unseen wordings and layouts, so a fit on any
of them has seen the paper the unseen figure is meant to be new to, and that figure would no longer say how
the extractor does on forms nobody here has seen. The option is kept for experiments only.

The command that gives ``schemas/data/calibration.json`` (rerun it after any change to extraction; the
classifier first, as the fit reads with it)::

    python scripts/train_label_model.py --write
    python scripts/fit_calibration.py --splits seen,legacy --fit-seeds 101,103 \
        --check-seeds= --per-type 2 --held-out-folds 3 --held-out-passes 1 --ocr-cache bench-out/ocr-cache \
        --jobs 2 --write
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import tempfile
import zlib
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_extract import match_records, ocr_document  # noqa: E402
from make_forms import RECORD_TYPES  # noqa: E402

from ocr.result import PageText  # noqa: E402
from schemas import label_model, labels  # noqa: E402
from schemas import label_words as word_file  # noqa: E402
from schemas.confidence import (CALIBRATION_FILE, CONFIDENT, MIN_GROUP, Calibration,  # noqa: E402
                                certificate_of, certify, fit, fit_logistic, read_calibration, refit_levels,
                                reliability)
from schemas.extract import extract_records, flatten_fields  # noqa: E402
from schemas.loader import TYPES_DIR, parse_schema  # noqa: E402


def _documents(split: str, seed: int, per_type: int, levels: list[int], types: list[str], jobs: int,
               cache: Path | None) -> list[tuple[dict, list[dict]]]:
    """(truth, OCR'd pages) of a split's forms; OCR output read from and written to ``cache``."""
    todo = [(split, rt, i, lv, seed, None) for lv in levels for rt in types for i in range(per_type)]
    out, missing = [], []
    for job in todo:
        old = cache / f"{job[1]}-{job[2]:03d}-L{job[3]}-s{seed}-default.json" if cache and split == "legacy" else None
        if old is not None and old.exists():  # the older cache layout, by document name
            d = json.loads(old.read_text(encoding="utf-8"))
            out.append((d["truth"], d["pages"]))
        else:
            missing.append((job, cache))
    with Pool(max(1, min(jobs, 2))) as pool:
        out += [(truth, pages) for _, truth, pages, _, _ in pool.map(ocr_document, missing, chunksize=1)]
    return out


def vocabulary_syllables() -> set[str]:
    """The folded content syllables of every label the extractor knows: the types' wordings and markers, the
    role and attribute words (fillers such as "của", "người" are grammar, not vocabulary)."""
    words = json.loads(word_file.WORDS_FILE.read_text(encoding="utf-8"))
    out: set[str] = set()
    for group in ("roles", "attributes"):
        for ws in words[group].values():
            out.update(s for w in ws for s in labels.syllables(w))
    for path in sorted(TYPES_DIR.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for f in data["fields"]:
            for lb in [*f.get("labels", []), *f.get("context_labels", [])]:
                out.update(labels.syllables(lb if isinstance(lb, str) else lb["text"]))
    fillers = {s for w in words["fillers"] + words["objects"] for s in labels.syllables(w)}
    return {s for s in out if s not in fillers and not s.isdigit()}


def held_back(fold: int, folds: int) -> frozenset[str]:
    """The syllables held back in this fold: those whose stable hash falls in it."""
    return frozenset(s for s in vocabulary_syllables() if zlib.crc32(s.encode()) % folds == fold)


def _without(texts: list, hidden: frozenset[str]) -> list:
    return [t for t in texts if not set(labels.syllables(t if isinstance(t, str) else t["text"])) & hidden]


def reduced_schemas(hidden: frozenset[str]) -> dict:
    """The record types with every wording and section marker holding a hidden syllable removed."""
    out = {}
    for path in sorted(TYPES_DIR.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for f in data["fields"]:
            for k in ("labels", "context_labels"):
                if k in f:
                    f[k] = _without(f[k], hidden)
            if not f.get("labels") and not f.get("context_labels"):
                # a record type needs a label a field: one that matches no printed words (a bracketed
                # English key), so the field is found only from a label's meaning, its value or the classifier
                f["labels"] = [f"[{f['key']} held back]"]
        for sec in (data.get("sections") or {}).values():
            sec["markers"] = _without(sec.get("markers", []), hidden)
        out[data["record_type"]] = parse_schema(data, path.name)
    return out


@contextlib.contextmanager
def vocabulary_held_back(hidden: frozenset[str], model_seeds: list[int]):
    """Read with the hidden syllables unknown: the label words file without them, the classifier retrained
    without their features. Yields the reduced record types to read with."""
    from train_label_model import examples, train

    words = json.loads(word_file.WORDS_FILE.read_text(encoding="utf-8"))
    for group in ("roles", "attributes"):
        words[group] = {k: _without(v, hidden) for k, v in words[group].items()}
    grams_kept = {f"<{s}>"[i:i + 3] for s in vocabulary_syllables() - hidden for i in range(len(s))}

    def unknown(feature: str) -> bool:
        kind, _, text = feature.partition("=")
        if kind == "lw":
            return text in hidden
        if kind == "lc":
            return text not in grams_kept and any(text in f"<{s}>" for s in hidden)
        return False

    original = word_file.WORDS_FILE
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "label_words.json"
        path.write_text(json.dumps(words, ensure_ascii=False), encoding="utf-8")
        word_file.WORDS_FILE = path
        _clear_label_caches()
        enabled = label_model.model() is not None
        if enabled:
            label_model.use(train(examples(model_seeds), drop=unknown))
        try:
            yield reduced_schemas(hidden)
        finally:
            word_file.WORDS_FILE = original
            _clear_label_caches()
            label_model.use(None, enabled=enabled)


def _clear_label_caches() -> None:
    word_file.label_words.cache_clear()
    for name in ("lexicon", "known_syllable", "near_phrase"):
        fn = getattr(labels, name, None)
        if hasattr(fn, "cache_clear"):
            fn.cache_clear()
    getattr(labels, "_FIELD_MEANINGS", {}).clear()


def scored_fields(splits: list[str], seeds: list[int], per_type: int, levels: list[int], types: list[str],
                  jobs: int, cache: Path | None, folds: int = 0, model_seeds: list[int] | None = None,
                  passes: int | None = None) -> list[tuple[str, float, bool]]:
    """(group, raw score, right) for every extracted field the truth has, over the seeds' forms: read with the
    whole vocabulary, then (``folds``) once per fold with that fold's share of it held back."""
    docs = [d for split in splits for seed in seeds
            for d in _documents(split, seed, per_type, levels, types, jobs, cache)]
    if not docs:  # (no check seeds: the classifier is not retrained for each held-back fold to read nothing)
        return []
    out = _score(docs, None)
    for k in range(min(folds, passes if passes is not None else folds)):
        with vocabulary_held_back(held_back(k, folds), model_seeds or [1000, 1001, 1002, 1003, 1004]) as schemas:
            out += _score(docs, schemas)
    return out


def _score(docs: list, schemas: dict | None) -> list[tuple[str, float, bool]]:
    out = []
    for truth, page_dicts in docs:
        pages = [PageText.from_dict(d) for d in page_dicts]
        got = extract_records(pages, truth["collection"], schemas=schemas, calibrated=False)
        for t, rec in match_records(truth["records"], got):
            if rec is None:
                continue
            values, confs, groups = (flatten_fields(rec), flatten_fields(rec, "confidence"),
                                     flatten_fields(rec, "group"))
            for key, want in t["fields"].items():
                if values.get(key) is not None and groups.get(key):  # (a relation read from its label: no group)
                    out.append((groups[key], confs[key] or 0.0, values[key] == want))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--splits", default="seen,legacy",
                    help="splits to fit on: seen (scripts/forms), legacy (scripts/make_forms.py), dev (the "
                         "development split: wordings, templates and values neither seen nor unseen); never unseen")
    ap.add_argument("--model", choices=("groups", "logistic"), default="groups",
                    help="groups: isotonic maps per group of evidence; logistic: one logistic model over the "
                         "evidence (schemas/confidence.py evidence), which a rare combination of evidence shares")
    ap.add_argument("--c", type=float, default=1.0, help="inverse L2 strength of the logistic model")
    ap.add_argument("--fit-seeds", default="101,103")
    ap.add_argument("--check-seeds", default="102", help="seeds of held-out forms to check on ('' for none)")
    ap.add_argument("--per-type", type=int, default=4)
    ap.add_argument("--levels", default="0,1,2,3")
    ap.add_argument("--types", default=",".join(RECORD_TYPES))
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--ocr-cache", type=Path)
    ap.add_argument("--held-out-folds", type=int, default=0,
                    help="also read the fit forms once per fold with 1/N of the label vocabulary held back "
                         "(unfamiliar wording, simulated); the check forms are read both ways too")
    ap.add_argument("--held-out-passes", type=int,
                    help="read only this many of the folds (default all): 1 gives as many readings with held-back "
                         "words as familiar ones")
    ap.add_argument("--unseen-seeds", default="",
                    help="also fit on the unseen split of these seeds, read once as they are: wordings the extractor "
                         "really does not know, in the unseen templates (a grid, the value below its label, numbered "
                         "items) no held-back reading of the seen forms shows. Never a seed the benchmark is judged "
                         "on: pass the same seeds to bench_extract.py --fitted-on-seeds, which then refuses them")
    ap.add_argument("--rules-only", action="store_true",
                    help="fit without the label classifier (its agreement is then no evidence), to compare")
    ap.add_argument("--refit-levels",
                    help="refit only the maps of these levels (comma-separated prefixes, e.g. how:value:) and keep "
                         "every other map and the threshold of --base")
    ap.add_argument("--base", type=Path, default=CALIBRATION_FILE, help="the calibration --refit-levels starts from")
    ap.add_argument("--certify-only", action="store_true",
                    help="keep every map and the threshold of --base; only count the fit forms' fields of each "
                         "evidence class (a value a second reading of its record confirms) and store whether the "
                         "lower bound of their share right clears the confident line. Read each form once "
                         "(--held-out-folds 0): a form read again with words held back is no new evidence of a "
                         "check between two of its values")
    ap.add_argument("--write", action="store_true", help=f"store the calibration in {CALIBRATION_FILE}")
    ap.add_argument("--out", type=Path, default=CALIBRATION_FILE, help="where --write stores it")
    ap.add_argument("--points-out", type=Path, help="also write the fit's (group, score, right) points as JSON")
    ap.add_argument("--points-in",
                    help="fit on points written by --points-out instead of reading forms (a change of grouping "
                         "levels, tried in seconds); several files comma-separated (the seen and the dev forms' "
                         "points, written apart)")
    args = ap.parse_args(argv)
    levels = [int(x) for x in args.levels.split(",")]
    types = args.types.split(",")
    splits = [x for x in args.splits.split(",") if x]
    if "unseen" in splits:
        ap.error("the unseen split is fitted on only with --unseen-seeds (seeds never judged on)")
    unseen_seeds = [int(s) for s in args.unseen_seeds.split(",") if s]
    if set(unseen_seeds) & {int(s) for s in args.check_seeds.split(",") if s}:
        ap.error("a seed fitted on cannot be checked on")
    if args.rules_only:
        label_model.use(enabled=False)
    if args.points_in:
        fit_pts = [tuple(p) for path in args.points_in.split(",") for p in json.loads(Path(path).read_text(encoding="utf-8"))]
    else:
        fit_pts = scored_fields(splits, [int(s) for s in args.fit_seeds.split(",")], args.per_type, levels, types,
                                args.jobs, args.ocr_cache, args.held_out_folds, passes=args.held_out_passes)
        if unseen_seeds:
            docs = [d for seed in unseen_seeds for d in _documents("unseen", seed, args.per_type, levels, types,
                                                                    args.jobs, args.ocr_cache)]
            fit_pts += _score(docs, None)
    if args.points_out is not None:
        args.points_out.write_text(json.dumps(fit_pts), encoding="utf-8")
    check_pts = scored_fields(splits, [int(s) for s in args.check_seeds.split(",") if s], args.per_type, levels,
                              types, args.jobs, args.ocr_cache, args.held_out_folds)
    base_file: dict = {}
    certified = certify(fit_pts)
    if args.certify_only:
        if args.refit_levels or args.model != "groups":
            ap.error("--certify-only keeps the maps of --base")
        base_cal = _base(args.base)
        if base_cal is None:
            ap.error(f"{args.base} holds no group maps")
        base_file = json.loads(args.base.read_text(encoding="utf-8"))
        cal = Calibration(base_cal.maps, base_cal.confident_from,
                          frozenset(c for c, e in certified.items() if e["lower_bound"] >= CONFIDENT))
    else:
        cal = fit(fit_pts) if args.model == "groups" else fit_logistic(fit_pts, args.c)
    if args.refit_levels:
        if args.model != "groups":
            ap.error("--refit-levels refits group maps")
        base = _base(args.base)
        if base is None:
            ap.error(f"{args.base} holds no group maps")
        assert isinstance(cal, Calibration)
        cal = refit_levels(base, cal, tuple(p for p in args.refit_levels.split(",") if p))
        base_file = json.loads(args.base.read_text(encoding="utf-8"))
    maps = getattr(cal, "maps", {})
    pairs = [(cal.for_group(g, s), ok) for g, s, ok in check_pts]
    confident = [ok for p, ok in pairs if p >= CONFIDENT]
    print(f"fitted on {len(fit_pts)} fields (seeds {args.fit_seeds}, {args.held_out_folds} held-out folds), "
          f"checked on {len(check_pts)} (seeds {args.check_seeds or 'none'})")
    print("fields right by how their label was read (fit forms, every reading): " + ", ".join(
        f"{how} {sum(ok for g, _, ok in fit_pts if g.split(':')[2] == how)}/"
        f"{sum(1 for g, _, _ in fit_pts if g.split(':')[2] == how)}"
        for how in sorted({g.split(":")[2] for g, _, _ in fit_pts if g.count(":") >= 2})))
    print(f"groups with a map of their own (>= {MIN_GROUP} fields): "
          + ", ".join(f"{g} {m.n}" for g, m in sorted(maps.items()) if m.n >= MIN_GROUP))
    print(f"confident from a calibrated probability of {cal.confident_from}")
    for name, e in certified.items():
        print(f"evidence class {name}: {e['right']} right of {e['n']} fit fields, lower bound ({e['level']:.0%}, "
              f"one-sided) {e['lower_bound']:.5f}: {'certified' if e['lower_bound'] >= CONFIDENT else 'not certified'}"
              f"; on the check forms {sum(ok for g, _, ok in check_pts if certificate_of(g) == name)} right of "
              f"{sum(1 for g, _, _ in check_pts if certificate_of(g) == name)}")
    print()
    print("| calibrated confidence | fields | predicted | observed right |")
    print("| --- | --- | --- | --- |")
    table = reliability(pairs)
    for row in table:
        print(f"| {row['from']:.3f}–{row['to']:.3f} | {row['n']} | {row['predicted']:.3f} | {row['observed']:.3f} |")
    right = sum(ok for _, ok in pairs)
    print()
    print(f"confident (>= {CONFIDENT}): {len(confident)} of {len(pairs)} fields, right {sum(confident)} "
          f"({100 * sum(confident) / max(1, len(confident)):.2f} %); wrong and confident "
          f"{len(confident) - sum(confident)} ({100 * (len(confident) - sum(confident)) / max(1, len(pairs)):.2f} % "
          f"of fields); right but not confident {right - sum(confident)} of {right} right values")
    fitted_on = {"splits": args.splits, "seeds": args.fit_seeds, "unseen_seeds": args.unseen_seeds,
                 "per_type": args.per_type, "levels": args.levels, "held_out_folds": args.held_out_folds,
                 "held_out_passes": args.held_out_passes, "label_model": not args.rules_only,
                 "fields": len(fit_pts),
                 # fitted on points written earlier: the files name their forms (the seeds above are the defaults)
                 **({"points_in": args.points_in} if args.points_in else {})}
    if args.write and args.model == "logistic":
        args.out.write_text(json.dumps({
            "about": "A logistic model from a field's evidence (schemas/confidence.py evidence: the raw score on "
                     "the logit scale, how its label was read, its kind, clean or repaired, how familiar the "
                     "record's wording is, how the record was cut from the page) to the probability that its "
                     "value is right; written by scripts/fit_calibration.py --model logistic, do not edit.",
            "model": "logistic", "fitted_on": fitted_on, "c": args.c,
            "checked_on": {"seeds": args.check_seeds, "fields": len(check_pts), "reliability": table},
            "confident_from": cal.confident_from, "intercept": cal.intercept, "counts": cal.counts,
            "weights": dict(sorted(cal.weights.items())),
        }, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"written: {args.out}")
    elif args.write:
        args.out.write_text(json.dumps({
            "about": "Isotonic maps from extraction scores to the share of right values, per field group "
                     "(kind:clean|repaired:how the label was read:whether the label classifier agrees, "
                     "how:agreement, kind:clean|repaired, kind, all); written by scripts/fit_calibration.py, "
                     "do not edit.",
            "fitted_on": base_file.get("fitted_on", fitted_on),
            # the levels refitted on today's forms, apart from the rest (--refit-levels)
            **({"refitted": [*base_file.get("refitted", []), {"map_levels": args.refit_levels, **fitted_on}]}
               if args.refit_levels else {"refitted": base_file["refitted"]} if "refitted" in base_file else {}),
            "checked_on": base_file.get("checked_on") if args.certify_only else
            {"seeds": args.check_seeds, "fields": len(check_pts), "reliability": table},
            "confident_from": cal.confident_from,
            # evidence classes whose share right was bounded from below on the fit forms (schemas/confidence.py
            # certify): certified when the bound clears the confident line
            **({"certified": {c: {**e, "fitted_on": fitted_on} for c, e in certified.items()}}
               if args.certify_only else {}),
            "groups": {g: {"x": list(m.x), "y": list(m.y), "n": m.n} for g, m in sorted(maps.items())},
        }, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"written: {args.out}")
    return 0


def _base(path: Path) -> Calibration | None:
    """The group maps stored in ``path`` (None: it holds a logistic model or nothing)."""
    base = read_calibration(path)
    return base if isinstance(base, Calibration) else None


if __name__ == "__main__":
    raise SystemExit(main())
