#!/usr/bin/env python3
"""Field extraction benchmark: forms of a seen and an unseen wording split -> OCR -> extract_records -> truth.

Forms come from ``scripts/forms`` (a grammar of label wordings split into
*seen* — the field contract's wordings and close variants — and *unseen* —
other synonyms, orders, abbreviations, templates and value pools, none of
whose wordings occurs in ``schemas/`` — and *dev*: wordings, templates and values of its own, neither seen nor
unseen, whose errors may be read while tuning: ``scripts/forms/dev_words.py``). ``legacy`` is the older
``make_forms`` generator. Pages are rendered in the worker processes
(deterministic in ``--seed``), OCR'd with ``ocr.pipeline.ocr_image`` and read
with ``schemas.extract.extract_records``. The unseen split is the headline.
Reported side by side per split, record type and degradation level:

- fields exactly right (normal form vs truth), of every printed field;
- confident-but-wrong: a value present, wrong, with confidence at or above the
  extractor's review threshold (of every printed field);
- missing: a printed field with no value (its record not produced counts too);
- misplaced: a wrong value that is the value of another printed field (a person's
  name under another role, a date under another date's key);
- records sent to review, of the expected records that were produced, and those
  with a wrong or missing field that were *not* sent to review (and of them those
  with a wrong value: a missing optional field alone does not hold a record), beside
  the floor under review: the records with a wrong or missing field, held or not —
  a rule that lets none of them through sends at least these to review;
- classification (record type right, the collection given);
- the share of values kept as written (names, places, numbers) that OCR read word
  for word: a ceiling no extractor passes, the same for both splits when the
  gap between them is the extractor's;
- records produced vs expected per kind of document (certificate, register page,
  dossier, the 20-page bound register of single certificates).

    python scripts/bench_extract.py [--splits seen,unseen] [--levels 0,1,2,3] [--per-type 2] [--seed 7]
        [--registers 0] [--jobs 2] [--ocr-cache DIR] [--dump rows.jsonl] [--reliability docs/x.png]
    python scripts/bench_extract.py --ground-truth DIR   # records people verified ('sohoa review export DIR')

With ``--ground-truth`` nothing is generated or OCR'd: today's extractor reads the
exported OCR output of each page again and is scored against the values reviewers
verified (one split and one level, both ``verified``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from collections import Counter, defaultdict
import dataclasses
from dataclasses import dataclass, replace
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_forms  # noqa: E402
from forms.disjoint import dev_unseen_overlap, unseen_overlap, value_overlap  # noqa: E402
from forms.grammar import fold  # noqa: E402
from forms.render import build_document  # noqa: E402

from ocr.pipeline import OcrOptions, ocr_image  # noqa: E402
from ocr.result import PageText  # noqa: E402
from schemas import label_model  # noqa: E402
from schemas.confidence import use_calibration  # noqa: E402
from schemas.extract import REVIEW_THRESHOLD, extract_records, flatten_fields  # noqa: E402
from schemas.loader import load_schemas  # noqa: E402
from schemas.review_rule import DOUBTFUL_HOLD, EVEN_ODDS, FieldDoubt, hold_reasons  # noqa: E402

RECORD_TYPES = make_forms.RECORD_TYPES
ROOT = Path(__file__).resolve().parent.parent
SPLITS = ("seen", "dev", "unseen", "legacy")
GOALS = {"fields": "≥ 97 %", "confident_wrong": "< 0.5 %", "missing": "≤ 2 %", "review": "≤ 25 %",
         "classification": "100 %", "misplaced": "0", "silent": "0", "silent_wrong": "0"}
BINS = [i / 10 for i in range(11)]


def render(job: tuple) -> tuple[list, dict]:
    split, kind, index, level, seed, _ = job
    if split == "legacy":
        images, truth = make_forms.build_document(kind, index, level, seed)
        truth.update(split="legacy", kind=kind, template="inline")
        return images, truth
    return build_document(split, kind, index, level, seed)


def ocr_fingerprint() -> str:
    """A digest of the OCR package's source: a cached reading is reused only by the OCR code that made it."""
    h = hashlib.sha256()
    for path in sorted((ROOT / "ocr").glob("*.py")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


OCR_VERSION = ocr_fingerprint()


def image_key(images: list, options: OcrOptions, ocr_version: str = "") -> str:
    """The OCR cache key: the bytes of every page image, every OCR setting (steps, the second look at uncovered
    ink, ...) and the OCR code, so a changed form, a changed setting or a changed OCR reads the page again."""
    h = hashlib.sha256(repr(options).encode() + ocr_version.encode())
    for img in images:
        h.update(f"{img.mode}{img.size}".encode())
        h.update(img.tobytes())
    return h.hexdigest()[:32]


def ocr_document(args: tuple) -> tuple[tuple, dict, list[dict], float, bool]:
    """Render one document and OCR it, or read its OCR from the cache when the same images were seen before."""
    job, cache, *recover = args  # (job, cache) or (job, cache, recover): the pipeline's default when not said
    steps = job[5]
    images, truth = render(job)
    options = OcrOptions() if steps is None else OcrOptions().with_steps(*steps)
    if recover:
        options = replace(options, recover=recover[0])
    path = cache / f"{image_key(images, options, OCR_VERSION)}.json" if cache is not None else None
    if path is not None and path.exists():
        d = json.loads(path.read_text(encoding="utf-8"))
        return job, truth, d["pages"], d["seconds"], True
    start = time.perf_counter()
    pages = [ocr_image(img, n, options).to_dict() for n, img in enumerate(images, 1)]
    seconds = time.perf_counter() - start
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)  # fit_calibration.py passes a cache folder that may be new
        path.write_text(json.dumps({"pages": pages, "seconds": seconds}, ensure_ascii=False), encoding="utf-8")
    return job, truth, pages, seconds, False


def match_records(truth_recs: list[dict], got: list[dict]) -> list[tuple[dict, dict | None]]:
    """Pair each truth record with the extracted record agreeing on most fields (each used once)."""
    flat = [flatten_fields(r) for r in got]
    free = set(range(len(got)))
    pairs = []
    for t in truth_recs:
        best, best_n = None, 0
        for i in free:
            n = sum(1 for k, v in t["fields"].items() if flat[i].get(k) == v)
            if n > best_n:
                best, best_n = i, n
        if best is not None:
            free.discard(best)
        pairs.append((t, got[best] if best is not None else None))
    return pairs


@dataclass
class Tally:
    fields: int = 0
    right: int = 0
    confident_wrong: int = 0
    wrong: int = 0
    missing: int = 0
    missing_unplaced: int = 0  # … of them whose value an unmapped pair of the record holds: the label not understood
    missing_unread: int = 0  # … of them no unmapped pair holds: the value never read as a pair (or no record)
    misplaced: int = 0  # a wrong value that is another printed field's value (the deceased's name as declarant)
    texts: int = 0  # printed values kept as written (names, places, texts, numbers)
    read: int = 0  # … of them found word for word (folded) in the OCR text: what any extractor could get
    records: int = 0  # expected records that were produced (matched)
    expected: int = 0
    review: int = 0
    silent: int = 0  # produced records with a wrong or missing field that were not sent to review
    silent_wrong: int = 0  # … of them with a wrong value (not only a field missing)
    # produced records with a wrong or missing field, held or not: a review rule that lets none of them through
    # sends at least these to review, whatever the calibration — the floor under "records sent to review"
    imperfect: int = 0
    classified: int = 0
    produced: int = 0  # records the extractor returned for the documents
    documents: int = 0

    def add(self, other: "Tally") -> None:
        for k in self.__dataclass_fields__:
            setattr(self, k, getattr(self, k) + getattr(other, k))


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}%" if b else "n/a"


def field_group(key: str) -> str:
    return "relatives[]." + key.rsplit(".", 1)[1] if "[" in key else key


def as_written(key: str, value) -> bool:
    """A value stored as printed (not a date, sex, relation or a parsed measure), so it can be looked for in OCR text."""
    return isinstance(value, str) and not value[:4].isdigit() and key != "sex" and not key.endswith("relation") \
        and key not in ("category", "time_of_death")


def holds_value(want, pair) -> bool:
    """Whether an unmapped "label: value" pair holds the expected value: its words (folded) for a text, the year,
    month and day as numbers for an ISO date, the digits for a number. Only counted, never printed."""
    text = " ".join(str(pair.get(k) or "") for k in ("label", "value")) if isinstance(pair, dict) else str(pair)
    numbers = {n.lstrip("0") or "0" for n in re.findall(r"\d+", text)}
    if isinstance(want, str) and re.fullmatch(r"\d{4}(-\d{2}){0,2}", want):
        return all(n.lstrip("0") in numbers for n in want.split("-"))
    if isinstance(want, (int, float)) and not isinstance(want, bool):
        return f"{want:g}".replace(".", ",") in text or f"{want:g}" in text
    if isinstance(want, str) and fold(want):
        return f" {fold(want)} " in f" {fold(text)} "
    return False


# what the score of a field is built from, kept on its row when asked (``--dump``): its raw score before the
# calibration, the calibration group (how its label was read, the wording, the layout, the value's evidence), OCR's
# confidence in its words as the score weighs them, how sure the label's reading is, and how many notes it has
FEATURES = ("group", "ocr", "label_score")


def score_features(raw: dict) -> dict[str, dict]:
    """Flat key -> the evidence its confidence is built from, of a record read with calibration off."""
    out: dict[str, dict] = {}
    scores, notes = flatten_fields(raw, "confidence"), flatten_fields(raw, "notes")
    by = {a: flatten_fields(raw, a) for a in FEATURES}
    for key, score in scores.items():
        out[key] = {"raw_score": score, **{a: by[a].get(key) for a in FEATURES}, "notes": len(notes.get(key) or [])}
    return out


def score_document(truth: dict, page_dicts: list[dict], threshold: float,
                   features: bool = False) -> tuple[Tally, list[dict], list[dict]]:
    """Tally of one document, its per-field rows, and its extracted records; ``features``: each row also says what
    its confidence was built from (``score_features``: the document is read a second time, calibration off)."""
    pages = [PageText.from_dict(d) for d in page_dicts]
    got = extract_records(pages, truth["collection"])
    uncalibrated = extract_records(pages, truth["collection"], calibrated=False) if features else []
    position = {id(r): k for k, r in enumerate(got)}
    ocr_text = " " + " ".join(fold(w["text"]) for d in page_dicts for ln in d["lines"] for w in ln["words"]) + " "
    tally, rows = Tally(documents=1, produced=len(got), expected=len(truth["records"])), []
    holds = tally.holds = []  # records sent to review: whether every field was right, the kinds of reason
    printed = [{v for v in t["fields"].values() if not isinstance(v, dict)} for t in truth["records"]]
    for t, rec in match_records(truth["records"], got):
        flat = flatten_fields(rec) if rec else {}
        confs = flatten_fields(rec, "confidence") if rec else {}
        built = score_features(uncalibrated[position[id(rec)]]) if rec is not None and uncalibrated else {}
        if rec is not None:
            tally.records += 1
            tally.review += bool(rec["needs_review"])
            tally.classified += rec["record_type"] == t["record_type"]
        perfect = True
        any_wrong = False
        for key, want in t["fields"].items():
            have = flat.get(key)
            conf = confs.get(key)
            ok = have == want
            perfect &= ok
            tally.fields += 1
            tally.right += ok
            if as_written(key, want):
                tally.texts += 1
                tally.read += f" {fold(want)} " in ocr_text
            if have is None:
                tally.missing += 1
                if rec is not None and any(holds_value(want, u) for u in rec.get("unmapped") or []):
                    tally.missing_unplaced += 1
                else:
                    tally.missing_unread += 1
            elif not ok:
                any_wrong = True
                tally.wrong += 1
                tally.confident_wrong += (conf or 0.0) >= threshold
                tally.misplaced += any(have in values for values in printed if not isinstance(have, dict))
            rows.append({"split": truth["split"], "type": t["record_type"], "level": truth["level"],
                         "seed": truth["seed"], "layout": truth["layout"], "field": field_group(key), "key": key,
                         "expected": want, "got": have, "confidence": conf, "correct": ok,
                         **({"built_from": built.get(key)} if features else {})})
        if rec is not None and rec["needs_review"]:
            holds.append({"split": truth["split"], "right": perfect, "wrong": any_wrong, "kinds": hold_kinds(rec),
                          "named": hold_fields(rec), "keys": held_keys(rec)})
        tally.imperfect += rec is not None and not perfect
        tally.silent += rec is not None and not perfect and not rec["needs_review"]
        tally.silent_wrong += rec is not None and any_wrong and not rec["needs_review"]
        if rec is not None:
            rows_of_record = rows[-len(t["fields"]):] if t["fields"] else []
            inputs = review_inputs(rec)  # one dict a record: --tradeoff counts records by it, not rows
            if uncalibrated:
                inputs["wording"] = wording_counts(uncalibrated[position[id(rec)]])
            for r in rows_of_record:
                r["record"] = inputs
    return tally, rows, got


def hold_kinds(rec: dict) -> list[str]:
    """The kinds of reason a record is held for (schemas/review_rule.py), named by rule, never by value."""
    schema = load_schemas().get(rec["record_type"])
    confidences = flatten_fields(rec, "confidence")
    out = []
    for r in rec["review_reasons"]:
        named = r.split(":", 1)[0].strip()
        key = re.sub(r"\[\d+\]", "[]", named)
        spec = schema.by_key.get(key) if schema else None
        if ": not confident" in r:
            out.append("identity field not confident" if spec is not None and spec.identity else
                       "required field not confident" if spec is not None and spec.required else
                       f"other field at {EVEN_ODDS} or under" if (confidences.get(named) or 0.0) <= EVEN_ODDS else
                       f"{DOUBTFUL_HOLD}+ other fields not confident")
        elif "could be read" in r:
            out.append("no value of its kind under a label")
        else:
            out.append(reason_kind(r))
    return list(dict.fromkeys(out))


def hold_fields(rec: dict) -> list[tuple[str, str]]:
    """(kind of reason, kind of the field it names) for each of a record's review reasons ("-" when the reason
    names no field of the type): which kinds of value the holds fall on."""
    schema = load_schemas().get(rec["record_type"])
    out = []
    for r, kind in zip(rec["review_reasons"], _reason_kinds(rec)):
        key = re.sub(r"\[\d+\]", "[]", r.split(":", 1)[0].strip())
        spec = schema.by_key.get(key) if schema else None
        out.append((kind, spec.kind if spec is not None else "-"))
    return out


def held_keys(rec: dict) -> list[str]:
    """The fields of its record type a record's review reasons name (list indices folded: ``relatives[].full_name``),
    each once, in the order of the reasons; the record type when a reason names none (a reason about the whole
    record), so that holds are told apart by record type and field, never by value."""
    schema = load_schemas().get(rec["record_type"])
    out = []
    for r in rec["review_reasons"]:
        key = re.sub(r"\[\d+\]", "[]", r.split(":", 1)[0].strip())
        out.append(f"{rec['record_type']}.{key}" if schema is not None and key in schema.by_key
                   else f"{rec['record_type']} (the whole record)")
    return list(dict.fromkeys(out))


def _reason_kinds(rec: dict) -> list[str]:
    """The kind of each review reason, in order (``hold_kinds`` without the merging)."""
    return [k for r in rec["review_reasons"] for k in hold_kinds({**rec, "review_reasons": [r]})]


def review_inputs(rec: dict) -> dict:
    """What decides whether a record goes to review, apart from the threshold (schemas/review_rule.py's rule,
    replayed at other thresholds by ``--tradeoff``): the reasons that are no doubt about a field's confidence, and
    each field as the rule sees it."""
    schema = load_schemas().get(rec["record_type"])
    values = flatten_fields(rec)
    fields = []
    for key, conf in flatten_fields(rec, "confidence").items():
        spec = schema.by_key.get(re.sub(r"\[\d+\]", "[]", key)) if schema else None
        if spec is None or conf is None:
            continue
        fields.append(FieldDoubt(key, spec.kind, spec.identity, spec.required, values.get(key) is not None, conf))
    other = [r for r in rec["review_reasons"] if ": not confident" not in r and "could be read" not in r]
    return {"other": other, "fields": fields}


def dump_records(rows: list[dict]) -> list[dict]:
    """One line a produced record, to replay the review rule (``schemas/review_rule.py``) offline: each output
    field as the rule sees it, the kinds of its other reasons, and each expected field's outcome (right, wrong or
    missing, with its confidence). Never a value, never a reason's text (an unmapped label's reason quotes the
    label's wording)."""
    out: dict[int, dict] = {}
    for r in rows:
        rec = r.get("record")
        if rec is None:
            continue
        entry = out.setdefault(id(rec), {
            "split": r["split"], "type": r["type"], "level": r["level"], "seed": r["seed"], "layout": r["layout"],
            "document": r.get("document"), "fields": [dataclasses.asdict(f) for f in rec["fields"]],
            "other": [reason_kind(x) for x in rec["other"]], "wording": rec.get("wording"), "outcomes": []})
        entry["outcomes"].append({"key": r["key"], "correct": r["correct"], "missing": r["got"] is None,
                                  "confidence": r["confidence"]})
    return list(out.values())


def wording_counts(raw: dict) -> dict | None:
    """Why a record's wording is strange and how many unplaced pairs it has (``schemas/wording_causes.py``), from
    its reading with calibration off, and the wording its fields' calibration groups name: cause names and counts
    only, never a label's or a value's text."""
    if "wording" not in raw:
        return None
    groups = [g.split(":") for g in flatten_fields(raw, "group").values() if g]
    return {**raw["wording"], "wording": sorted({g[4] for g in groups if len(g) > 4})}


def reason_kind(reason: str) -> str:
    """The kind of a review reason that is no field's doubt, named by rule (``hold_kinds``' words)."""
    if reason.endswith("required field missing"):
        return "required field missing"
    if "record of the document has it" in reason:
        return "a field the document's other records all have is missing"
    if reason.startswith("label "):
        return "unplaced label whose value may be a missing name or date"
    if "disagree" in reason:
        return "two readings disagree (pages, digits and words)"
    if "record type" in reason:
        return "record type not sure"
    return "a cross-check failed"


def reliability(rows: list[dict]) -> list[tuple[float, float, int, float | None, float | None]]:
    """(bin low, bin high, n, mean predicted confidence, observed accuracy) over fields that have a value."""
    out = []
    scored = [(r["confidence"] or 0.0, r["correct"]) for r in rows if r["got"] is not None]
    for lo, hi in zip(BINS, BINS[1:]):
        inside = [(c, ok) for c, ok in scored if lo <= c < hi or (hi == 1.0 and c == 1.0)]
        n = len(inside)
        out.append((lo, hi, n, sum(c for c, _ in inside) / n if n else None, sum(ok for _, ok in inside) / n if n else None))
    return out


def plot_reliability(curves: dict[str, list], path: Path, threshold: float, caption: str) -> None:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(5.5, 5))
    ax.plot([0, 1], [0, 1], color="grey", lw=1, ls="--", label="perfectly calibrated")
    for (split, bins), mark in zip(curves.items(), "osD^"):
        pts = [(m, acc, n) for _, _, n, m, acc in bins if n]
        if pts:
            ax.plot([p[0] for p in pts], [p[1] for p in pts], marker=mark, label=f"{split} ({sum(p[2] for p in pts)} fields)")
    ax.axvline(threshold, color="red", lw=1, ls=":", label=f"review threshold {threshold}")
    ax.axhline(0.995, color="green", lw=1, ls=":", label="99.5 % right")
    ax.set(xlim=(0, 1), ylim=(0, 1.02), xlabel="predicted confidence (bin mean)", ylabel="observed share right",
           title="Field confidence: predicted vs observed")
    ax.legend(loc="lower right", fontsize=8)
    fig.text(0.01, 0.005, caption, fontsize=7)
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)



def document_jobs(splits: list[str], levels: list[int], types: list[str], per_type: int, seed: int,
                  steps: tuple[str, ...] | None, register_levels: list[int]) -> list[tuple]:
    """The documents a run reads, as ``ocr_document`` jobs: ``per_type`` of each record type at each split and
    level, and the 20-page bound register of certificates at ``register_levels`` when a civil-status type is asked
    (the generated splits only: the legacy generator makes none)."""
    jobs = [(sp, rt, i, lv, seed, steps) for sp in splits for lv in levels for rt in types for i in range(per_type)]
    if {"birth", "death", "marriage"} & set(types):
        jobs += [(sp, "bound_register", 0, lv, seed, steps) for sp in splits if sp != "legacy" for lv in register_levels]
    return jobs

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--splits", default="seen,unseen",
                    help="seen, dev, unseen and/or legacy (the older make_forms forms); dev is the split whose "
                         "errors may be read while tuning (scripts/forms/dev_words.py)")
    ap.add_argument("--levels", default="0,1,2,3")
    ap.add_argument("--per-type", type=int, default=2, help="documents per record type, level and split")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--types", default=",".join(RECORD_TYPES))
    ap.add_argument("--registers", default="0",
                    help="levels at which each split also gets the 20-page bound register of single certificates "
                         "(8 birth, 8 death, 4 marriage); empty for none")
    ap.add_argument("--jobs", type=int, default=2, help="OCR processes (at most 2 on a shared 2-core box)")
    ap.add_argument("--fields", action="store_true", help="also print per-field accuracy")
    ap.add_argument("--errors", action="store_true",
                    help="print every wrong field of the seen, dev (and legacy) splits")
    ap.add_argument("--errors-unseen", action="store_true",
                    help="also print the unseen split's wrong fields (not for whoever tunes the extractor)")
    ap.add_argument("--calibration", action="store_true",
                    help="for several thresholds: wrong-but-confident fields and right fields sent to review")
    ap.add_argument("--tradeoff", action="store_true",
                    help="for several thresholds on the calibrated confidence: confident-but-wrong fields and "
                         "records sent to review (the review rule replayed at each threshold)")
    ap.add_argument("--review-notes", action="store_true",
                    help="count the notes of right values sent to review (under the threshold)")
    ap.add_argument("--dump", type=Path, help="write one JSON line per printed field (split, type, level, seed, "
                                              "field key, expected, got, confidence, correct, and what the "
                                              "confidence was built from: raw score, calibration group, OCR's "
                                              "confidence, the label's score, the number of notes); and "
                                              "FILE.records.jsonl beside it: one line a record, what the review "
                                              "rule weighs (no value), to replay the rule offline")
    ap.add_argument("--reliability", type=Path,
                    help="PNG of predicted confidence vs observed accuracy per split (a table is printed too)")
    ap.add_argument("--fitted-on-seeds", default="",
                    help="seeds the extractor's confidence calibration was fitted on; judging on one of them is "
                         "refused (calibration is judged on held-out forms)")
    ap.add_argument("--ocr-cache", type=Path,
                    help="folder keeping each document's OCR output, keyed by the bytes of its page images and the "
                         "OCR settings and code; a later run only re-runs extraction on documents it has seen")
    ap.add_argument("--ocr-steps", help="comma-separated OCR preprocessing steps instead of the pipeline's defaults")
    ap.add_argument("--no-recover", dest="recover", action="store_false",
                    help="OCR without the second look at ink no word covers (ocr/recover.py), to compare")
    ap.add_argument("--rules-only", action="store_true",
                    help="read labels without the trained label classifier (schemas/label_model.py), to compare")
    ap.add_argument("--calibration-file", type=Path,
                    help="calibrate with this file instead of schemas/data/calibration.json (a fit being compared)")
    ap.add_argument("--ground-truth", type=Path,
                    help="score against records people verified, exported by 'sohoa review export DIR'")
    ap.add_argument("--samples", type=Path, nargs="?", const=Path("samples"),
                    help="also read the bundled sample scans (default samples/): records per file, how many go to "
                         "review and for which fields (never a value); --splits '' for the samples alone")
    args = ap.parse_args(argv)
    splits = [s for s in args.splits.split(",") if s]
    if unknown := set(splits) - set(SPLITS):
        ap.error(f"unknown split(s): {', '.join(sorted(unknown))}")
    fitted = {int(s) for s in args.fitted_on_seeds.split(",") if s}
    if args.seed in fitted:
        ap.error(f"seed {args.seed} is one the calibration was fitted on: judge it on another seed")
    if args.rules_only:
        label_model.use(enabled=False)
    if args.calibration_file is not None:
        use_calibration(args.calibration_file)
    levels = [int(x) for x in args.levels.split(",")]
    types = args.types.split(",")
    reg_levels = [int(x) for x in args.registers.split(",") if x]
    steps = tuple(x for x in args.ocr_steps.split(",") if x) if args.ocr_steps is not None else None
    jobs = document_jobs(splits, levels, types, args.per_type, args.seed, steps, reg_levels)

    t0 = time.perf_counter()
    if args.ocr_cache is not None:
        args.ocr_cache.mkdir(parents=True, exist_ok=True)
    if args.ground_truth is not None:
        from indexers.ground_truth import load
        results = [(("verified", truth["record_type"], k, "verified", None, None), truth, pages, 0.0, True)
                   for k, (truth, pages) in enumerate(load(args.ground_truth))]
        jobs = [r[0] for r in results]
        splits, levels = ["verified"], ["verified"]
        types = sorted({rec["record_type"] for _, t, _, _, _ in results for rec in t["records"]})
    else:
        work = [(job, args.ocr_cache, args.recover) for job in jobs]
        with Pool(max(1, min(args.jobs, 2))) as pool:
            results = pool.map(ocr_document, work, chunksize=1)
    ocr_seconds = sum(r[3] for r in results if not r[4])
    cached = sum(1 for r in results if r[4])
    n_pages = sum(len(r[2]) for r in results)

    tallies: dict[tuple, Tally] = defaultdict(Tally)
    per_field: dict[tuple, Tally] = defaultdict(Tally)
    all_rows: list[dict] = []
    registers: list[tuple] = []
    held: dict[str, list] = defaultdict(list)
    holds: list[dict] = []
    errors: list[tuple] = []
    for job, truth, page_dicts, _, _ in results:
        split, kind, index, level = job[:4]
        tally, rows, got = score_document(truth, page_dicts, REVIEW_THRESHOLD, features=args.dump is not None)
        holds += tally.holds
        all_rows += rows
        rtype = truth["record_type"]
        keys = [("all",), ("level", level), ("layout", truth["layout"]), ("template", truth.get("template", "inline")),
                ("labels", "without diacritics" if truth.get("bare_labels") else "with diacritics")]
        if kind != "bound_register":
            keys += [("type", rtype), ("type_level", rtype, level)]
        for k in keys:
            tallies[(split,) + k].add(tally)
        if kind == "bound_register" or truth["layout"] in ("register", "dossier"):
            registers.append((split, level, truth["layout"], rtype, truth["pages"], tally.produced, tally.expected))
        for r in rows:
            r["document"] = f"{kind}-{index:03d}-L{level}"
            per_field[(split, r["type"], r["field"])].add(Tally(fields=1, right=r["correct"]))
            if not r["correct"]:
                errors.append((split, r["document"], r))
        if args.review_notes:
            for rec in got:
                notes = flatten_fields(rec, "notes")
                for key, c in flatten_fields(rec, "confidence").items():
                    if c is not None and c < REVIEW_THRESHOLD:
                        held[split].append(notes.get(key) or ["(no note: OCR confidence)"])

    wall = time.perf_counter() - t0
    if args.samples is not None:
        _samples(args.samples, args.ocr_cache, replace(OcrOptions(), recover=args.recover))
    if not splits:
        return 0
    n_words, n_hits, _ = unseen_overlap()
    n_values, value_hits = value_overlap()
    print(f"documents: {len(jobs)} ({n_pages} pages, {cached} OCR'd from the cache)  seed {args.seed}  "
          f"wall {wall:.0f} s (OCR {ocr_seconds:.0f} s over {min(args.jobs, 2)} processes)")
    print(f"unseen label wordings found in the extractor (schemas/ code or data): {n_hits} of {n_words}; "
          f"unseen value-pool entries in schemas/data lists: {len(value_hits)} of {n_values}")
    if "dev" in splits:
        n_dev, dev_hits, n_dev_values, dev_value_hits = dev_unseen_overlap()
        print(f"dev label wordings folded equal to an unseen one: {dev_hits} of {n_dev}; dev value-pool entries "
              f"equal to an unseen value: {dev_value_hits} of {n_dev_values}")
    print(f"confident = confidence >= {REVIEW_THRESHOLD} (the extractor's review threshold)")
    print()
    _headline(tallies, splits)
    _by_level(tallies, splits, levels)
    _by_type(tallies, splits, levels, types)
    _registers(registers, tallies, splits)
    _by_page_kind(tallies, splits, "template", "page template")
    _by_page_kind(tallies, splits, "labels", "how labels are printed (a form without diacritics drops them from most "
                  "of its labels)")
    if args.fields:
        _fields(per_field, splits)
    if args.calibration:
        _thresholds(all_rows, splits)
    if args.tradeoff:
        _tradeoff(all_rows, splits)
        _holds(holds, splits)
    if args.reliability:
        curves = {sp: reliability([r for r in all_rows if r["split"] == sp]) for sp in splits}
        caption = (f"seed {args.seed}, levels {args.levels}; " +
                   (f"calibration fitted on seeds {args.fitted_on_seeds}" if fitted else
                    "a calibration must be fitted on other seeds than this one"))
        _reliability_table(curves)
        plot_reliability(curves, args.reliability, REVIEW_THRESHOLD, caption)
        print(f"reliability plot: {args.reliability}")
        print(f"judged on seed {args.seed}: " + (
            f"held out from the calibration's seeds {sorted(fitted)}" if fitted else
            "fit any calibration on other seeds (e.g. --dump of the seen split at --seed 11) and pass "
            "--fitted-on-seeds, so it is judged on forms it has not seen"))
    if args.review_notes:
        for sp in splits:
            print()
            print(f"{sp}: fields under the threshold: {len(held[sp])}; by the first words of their notes:")
            kinds = Counter(" ".join(n.split()[:3]).split("'")[0].strip() for notes in held[sp] for n in notes)
            for k, n in kinds.most_common(15):
                print(f"  {n:4d}  {k}")
    if args.errors or args.errors_unseen:
        print()
        for split, doc, r in errors:
            if split != "unseen" or args.errors_unseen:
                c = f"{r['confidence']:.2f}" if r["confidence"] is not None else "-"
                print(f"{split} {doc} {r['key']}: want {r['expected']!r} got {r['got']!r} conf {c}")
    if args.dump:
        args.dump.parent.mkdir(parents=True, exist_ok=True)
        with open(args.dump, "w", encoding="utf-8") as fh:
            for r in all_rows:
                fh.write(json.dumps({k: v for k, v in r.items() if k != "record"}, ensure_ascii=False) + "\n")
        print(f"per-field rows: {args.dump} ({len(all_rows)})")
        records_path = args.dump.with_name(args.dump.stem + ".records.jsonl")
        with open(records_path, "w", encoding="utf-8") as fh:
            for rec in dump_records(all_rows):
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        print(f"per-record review inputs: {records_path}")
    return 0


def _samples(root: Path, cache: Path | None, options: OcrOptions) -> None:
    """Records of each bundled sample and the fields their review reasons name (the text after the field is
    not printed: a reason may quote a value)."""
    from ocr.pipeline import ocr_file
    print("bundled samples (collection = the sample's folder):")
    print()
    print("| sample | records | sent to review | fields named by review reasons |")
    print("| --- | --- | --- | --- |")
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        data = path.read_bytes()
        key = hashlib.sha256(data + OCR_VERSION.encode() + repr(options).encode()).hexdigest()[:32]
        hit = cache / f"sample-{key}.json" if cache is not None else None
        if hit is not None and hit.exists():
            page_dicts = json.loads(hit.read_text(encoding="utf-8"))
        else:
            page_dicts = [p.to_dict() for p in ocr_file(path, options)]
            if hit is not None:
                hit.write_text(json.dumps(page_dicts, ensure_ascii=False), encoding="utf-8")
        collection = path.relative_to(root).parts[0] + "/"
        records = extract_records([PageText.from_dict(d) for d in page_dicts], collection)
        named = Counter(r.split(":", 1)[0].strip() for rec in records for r in rec["review_reasons"])
        fields = ", ".join(f"{k} ×{n}" if n > 1 else k for k, n in sorted(named.items())) or "-"
        print(f"| {path.relative_to(root)} | {len(records)} | {sum(r['needs_review'] for r in records)} | {fields} |")
    print()


def _cells(t: Tally) -> dict[str, str]:
    return {"fields": f"{pct(t.right, t.fields)} ({t.right}/{t.fields})",
            "confident_wrong": f"{pct(t.confident_wrong, t.fields)} ({t.confident_wrong})",
            "missing": f"{pct(t.missing, t.fields)} ({t.missing})",
            "missing_why": f"{t.missing_unplaced} / {t.missing_unread}",
            "misplaced": f"{pct(t.misplaced, t.fields)} ({t.misplaced})",
            "silent": f"{pct(t.silent, t.records)} ({t.silent}/{t.records})",
            "silent_wrong": f"{pct(t.silent_wrong, t.records)} ({t.silent_wrong}/{t.records})",
            "review": f"{pct(t.review, t.records)} ({t.review}/{t.records})",
            "imperfect": f"{pct(t.imperfect, t.records)} ({t.imperfect}/{t.records})",
            "classification": f"{pct(t.classified, t.records)} ({t.classified}/{t.records})",
            "read": f"{pct(t.read, t.texts)} ({t.read}/{t.texts})",
            "records": f"{t.produced} produced, {t.expected} expected, {t.records} matched"}


def _headline(tallies: dict, splits: list[str]) -> None:
    names = {"fields": "fields exactly right", "confident_wrong": "confident but wrong (of all fields)",
             "missing": "fields missing",
             "missing_why": "… of them: an unmapped pair on the record holds the value (label not understood) / "
                            "none does (value never read as a pair)",
             "misplaced": "wrong value that is another printed field's value",
             "review": "records sent to review",
             "imperfect": "… the floor under it: records with a wrong or missing field (held or not)",
             "silent": "records with a wrong or missing field not sent to review",
             "silent_wrong": "… of them with a wrong value (not only a field missing)",
             "classification": "classification",
             "read": "values kept as written that OCR read word for word (folded): a ceiling for text fields",
             "records": "records"}
    cells = {sp: _cells(tallies[(sp, "all")]) for sp in splits}
    print("| measure | " + " | ".join(splits) + " | goal |")
    print("| --- |" + " --- |" * (len(splits) + 1))
    for k, name in names.items():
        print(f"| {name} | " + " | ".join(cells[sp][k] for sp in splits) + f" | {GOALS.get(k, '')} |")
    print()


def _by_level(tallies: dict, splits: list[str], levels: list[int]) -> None:
    heads = ["fields right", "confident wrong", "missing", "to review", "with a wrong or missing field",
             "OCR read as written"]
    print("| level | " + " | ".join(f"{h}: {sp}" for h in heads for sp in splits) + " |")
    print("| --- |" + " --- |" * (len(heads) * len(splits)))
    for lv in levels:
        ts = {sp: tallies[(sp, "level", lv)] for sp in splits}
        row = [pct(ts[sp].right, ts[sp].fields) for sp in splits]
        row += [pct(ts[sp].confident_wrong, ts[sp].fields) for sp in splits]
        row += [pct(ts[sp].missing, ts[sp].fields) for sp in splits]
        row += [pct(ts[sp].review, ts[sp].records) for sp in splits]
        row += [pct(ts[sp].imperfect, ts[sp].records) for sp in splits]
        row += [pct(ts[sp].read, ts[sp].texts) for sp in splits]
        print(f"| {lv} | " + " | ".join(row) + " |")
    print()


def _by_type(tallies: dict, splits: list[str], levels: list[int], types: list[str]) -> None:
    slash = " / ".join(splits)
    print(f"fields exactly right by record type and level ({slash}):")
    print()
    print("| record type | " + " | ".join(f"L{lv}" for lv in levels) + " | all | confident wrong | missing | "
          "to review | classification |")
    print("| --- |" + " --- |" * (len(levels) + 5))
    for rt in types:
        cells = [" / ".join(pct(tallies[(sp, "type_level", rt, lv)].right, tallies[(sp, "type_level", rt, lv)].fields)
                            for sp in splits) for lv in levels]
        ts = [tallies[(sp, "type", rt)] for sp in splits]
        cells.append(" / ".join(pct(t.right, t.fields) for t in ts))
        cells.append(" / ".join(pct(t.confident_wrong, t.fields) for t in ts))
        cells.append(" / ".join(pct(t.missing, t.fields) for t in ts))
        cells.append(" / ".join(pct(t.review, t.records) for t in ts))
        cells.append(" / ".join(pct(t.classified, t.records) for t in ts))
        print(f"| {rt} | " + " | ".join(cells) + " |")
    print()


def _registers(registers: list[tuple], tallies: dict, splits: list[str]) -> None:
    print("records produced vs expected, by kind of document:")
    print()
    print("| kind of document | " + " | ".join(splits) + " |")
    print("| --- |" + " --- |" * len(splits))
    layouts = sorted({k[2] for k in tallies if k[1] == "layout"})
    for layout in layouts:
        cells = []
        for sp in splits:
            t = tallies.get((sp, "layout", layout))
            cells.append(f"{t.produced} records, expected {t.expected} ({t.documents} documents)" if t else "-")
        print(f"| {layout} | " + " | ".join(cells) + " |")
    print()
    for split, level, layout, _rtype, pages, produced, expected in registers:
        if layout == "bound-register":
            print(f"{split} L{level}: {pages}-page register of single certificates: {produced} records, "
                  f"expected {expected}")
    print()


def _by_page_kind(tallies: dict, splits: list[str], key: str, title: str) -> None:
    """Fields right by a property of the documents' pages: their template (inline "Label: value", numbered items,
    label/value grid, value below, …) or how their labels are printed."""
    print(f"fields exactly right by {title}:")
    print()
    print(f"| {key} | " + " | ".join(splits) + " |")
    print("| --- |" + " --- |" * len(splits))
    for tpl in sorted({k[2] for k in tallies if k[1] == key}):
        cells = []
        for sp in splits:
            t = tallies.get((sp, key, tpl))
            cells.append(f"{pct(t.right, t.fields)} ({t.right}/{t.fields}, {t.documents} documents)" if t else "-")
        print(f"| {tpl} | " + " | ".join(cells) + " |")
    print()


def _fields(per_field: dict, splits: list[str]) -> None:
    print("| record type | field | " + " | ".join(splits) + " |")
    print("| --- | --- |" + " --- |" * len(splits))
    for rt, f in sorted({(k[1], k[2]) for k in per_field}):
        cells = []
        for sp in splits:
            t = per_field.get((sp, rt, f))
            cells.append(f"{pct(t.right, t.fields)} ({t.right}/{t.fields})" if t else "-")
        print(f"| {rt} | {f} | " + " | ".join(cells) + " |")
    print()


def _thresholds(rows: list[dict], splits: list[str]) -> None:
    print("| threshold | " + " | ".join(f"confident wrong: {sp} | right under threshold: {sp}" for sp in splits) + " |")
    print("| --- |" + " --- | --- |" * len(splits))
    for th in (0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.98, 0.99, 0.995):
        cells = []
        for sp in splits:
            rs = [r for r in rows if r["split"] == sp]
            scored = [(r["correct"], r["confidence"] or 0.0) for r in rs if r["got"] is not None]
            right_n = sum(1 for ok, _ in scored if ok)
            cells.append(pct(sum(1 for ok, c in scored if not ok and c >= th), len(rs)))
            cells.append(pct(sum(1 for ok, c in scored if ok and c < th), right_n))
        print(f"| {th:.2f} | " + " | ".join(cells) + " |")
    print()


def _tradeoff(rows: list[dict], splits: list[str]) -> None:
    """Threshold vs confident-but-wrong (of all printed fields) vs records sent to review (of the expected
    records produced), the review rule of schemas/records.py replayed at each threshold."""

    print("trade-off: threshold on the calibrated confidence -> confident but wrong, records to review")
    print()
    print("| threshold | " + " | ".join(f"confident wrong: {sp} | to review: {sp}" for sp in splits) + " |")
    print("| --- |" + " --- | --- |" * len(splits))
    for th in (0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99, 0.995):
        cells = []
        for sp in splits:
            rs = [r for r in rows if r["split"] == sp]
            wrong = sum(1 for r in rs if r["got"] is not None and not r["correct"] and (r["confidence"] or 0) >= th)
            records = {id(r["record"]): r["record"] for r in rs if "record" in r}  # one dict a record
            held = sum(bool(hold_reasons(rec["fields"], missing=[], unmapped=[], schema=None, threshold=th,
                                         conflicts=rec["other"])) for rec in records.values())
            cells += [pct(wrong, len(rs)), pct(held, len(records))]
        print(f"| {th:.3f} | " + " | ".join(cells) + " |")
    print()


def _holds(holds: list[dict], splits: list[str]) -> None:
    """Records sent to review by the kind of reason, and those of them with every field right (held for
    nothing): a rule that holds many right records and few wrong ones costs reviewers for little. Only the splits
    whose errors may be studied: the unseen split's records to review are read as its headline figure alone."""
    splits = [sp for sp in splits if sp != "unseen"]
    holds = [h for h in holds if h["split"] in splits]
    if not holds:
        return
    print("records sent to review, by kind of reason (a record counts under each of its kinds): all held / "
          "held with every field right / held for that kind alone with every field right / held for that kind "
          "alone with a wrong value (what the kind catches that nothing else would)")
    print()
    print("| kind of reason | " + " | ".join(splits) + " |")
    print("| --- |" + " --- |" * len(splits))
    cells = []
    for sp in splits:
        hs = [h for h in holds if h["split"] == sp]
        cells.append(f"{len(hs)} / {sum(h['right'] for h in hs)} / - / -")
    print("| any reason | " + " | ".join(cells) + " |")
    kinds = sorted({k for h in holds for k in h["kinds"]})
    for kind in kinds:
        cells = []
        for sp in splits:
            hs = [h for h in holds if h["split"] == sp and kind in h["kinds"]]
            alone = sum(1 for h in hs if h["right"] and h["kinds"] == [kind])
            caught = sum(1 for h in hs if h["wrong"] and h["kinds"] == [kind])
            cells.append(f"{len(hs)} / {sum(h['right'] for h in hs)} / {alone} / {caught}")
        print(f"| {kind} | " + " | ".join(cells) + " |")
    print()
    print("records held with every field right: the reasons by the kind of field they name (a record counts once "
          "under each pair)")
    print()
    print("| kind of reason | kind of field | " + " | ".join(splits) + " |")
    print("| --- | --- |" + " --- |" * len(splits))
    pairs = sorted({p for h in holds if h["right"] for p in map(tuple, h["named"])})
    for kind, field in pairs:
        cells = [str(sum(1 for h in holds if h["split"] == sp and h["right"] and (kind, field) in map(tuple, h["named"])))
                 for sp in splits]
        print(f"| {kind} | {field} | " + " | ".join(cells) + " |")
    print()
    print("records held with every field right, by the fields their reasons name (record type and field key): "
          "records naming it / records naming it alone")
    print()
    print("| field | " + " | ".join(splits) + " |")
    print("| --- |" + " --- |" * len(splits))
    right = [h for h in holds if h["right"]]
    by_count = Counter(k for h in right for k in h["keys"])
    for key, _ in by_count.most_common():
        cells = [f"{sum(1 for h in right if h['split'] == sp and key in h['keys'])} / "
                 f"{sum(1 for h in right if h['split'] == sp and h['keys'] == [key])}" for sp in splits]
        print(f"| {key} | " + " | ".join(cells) + " |")
    print()


def _reliability_table(curves: dict[str, list]) -> None:
    splits = list(curves)
    print("reliability (fields with a value): predicted confidence bin -> fields, mean confidence, share right")
    print()
    print("| confidence | " + " | ".join(f"{sp}: n | {sp}: predicted | {sp}: observed" for sp in splits) + " |")
    print("| --- |" + " --- | --- | --- |" * len(splits))
    for i in range(len(BINS) - 1):
        cells = []
        for sp in splits:
            lo, hi, n, m, acc = curves[sp][i]
            cells += [str(n), f"{m:.2f}" if m is not None else "-", f"{100 * acc:.1f}%" if acc is not None else "-"]
        print(f"| {BINS[i]:.1f}–{BINS[i + 1]:.1f} | " + " | ".join(cells) + " |")
    print()


if __name__ == "__main__":
    raise SystemExit(main())
