#!/usr/bin/env python3
"""OCR quality benchmark: bare ``tesseract -l vie`` against sohoa's pipeline.

    .venv/bin/python scripts/bench_ocr.py                      # default run, about 6-8 min on 2 cores
    .venv/bin/python scripts/bench_ocr.py --pages 3 --levels 0,3 --models fast
    .venv/bin/python scripts/bench_ocr.py --variants no-orient '+binarize;binarize=otsu'   # ablations
    .venv/bin/python scripts/bench_ocr.py --step-times --pages 6       # CPU per preprocessing step, no OCR
    .venv/bin/python scripts/bench_ocr.py --step-times --pages 3 --registers 4 --variants look=false

Synthetic scans (ocr/synthetic.py, seeded) are written to ``--out``/scans,
then every page is read by each engine: ``bare`` is the tesseract command on
the file as the scanner wrote it (level-0 pages also as turned copies, fed
90/180/270 degrees, to compare the same page upright and turned); ``pipeline`` is ``ocr_image`` with the
default options (image decoding included in its time). Each ``--variants``
entry adds a pipeline run with one option changed (``steps=a,b``,
``binarize=otsu``, ``denoise=median``, ``psm=6``, ``+step`` / ``no-step``,
several joined by ``;``).

CER and WER are edit distances over the ground truth's characters / words
after NFC and collapsing white space (reading order counts). At most
``--jobs`` (default 2) OCR processes run at once. Results: a Markdown report
on stdout and in ``--out``/report.md, raw rows in ``--out``/rows.jsonl.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
import unicodedata
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

from ocr.models import tessdata_dir  # noqa: E402
from ocr.synthetic import write_scan  # noqa: E402

# --------------------------------------------------------------------------- metrics


def normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def edit_distance(a, b) -> int:
    """Levenshtein distance between two sequences (characters or word ids).

    Row by row with numpy: the insertion term depends on the cell to the left,
    which ``minimum.accumulate`` resolves for the whole row at once.
    """
    if len(a) < len(b):
        a, b = b, a
    if not b:
        return len(a)
    codes = {}
    av = np.array([codes.setdefault(x, len(codes)) for x in a])
    bv = np.array([codes.setdefault(x, len(codes)) for x in b])
    j = np.arange(len(bv) + 1)
    prev = j.copy()
    for i, ca in enumerate(av, 1):
        sub = prev[:-1] + (bv != ca)
        dele = prev[1:] + 1
        tmp = np.empty_like(prev)
        tmp[0] = i
        tmp[1:] = np.minimum(sub, dele)
        prev = np.minimum.accumulate(tmp - j) + j
    return int(prev[-1])


def cer(truth: str, text: str) -> float:
    t, o = normalise(truth), normalise(text)
    return edit_distance(t, o) / max(1, len(t))


def wer(truth: str, text: str) -> float:
    t, o = normalise(truth).split(), normalise(text).split()
    return edit_distance(t, o) / max(1, len(t))


# --------------------------------------------------------------------------- runs


def cpu_seconds() -> float:
    """CPU time of this process and of the Tesseract processes it waited for: what a page
    costs the machine, whatever else runs on it."""
    import resource
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def run_bare(image: Path, model: str) -> dict:
    cmd = ["tesseract", str(image), "-", "-l", "vie"]
    tdir = tessdata_dir(model)
    if tdir:
        cmd[1:1] = ["--tessdata-dir", tdir]
    start, cpu = time.perf_counter(), cpu_seconds()
    out = subprocess.run(cmd, capture_output=True, timeout=600)
    secs = time.perf_counter() - start
    return {"text": out.stdout.decode("utf-8", errors="replace"), "seconds": secs, "rotation": 0, "skew": 0.0,
            "cpu": cpu_seconds() - cpu}


def run_pipeline(image: Path, model: str, overrides: dict) -> dict:
    from PIL import Image

    from ocr.pipeline import OcrOptions, ocr_image

    options = replace(OcrOptions(model=model), **overrides)
    start, cpu = time.perf_counter(), cpu_seconds()
    with Image.open(image) as im:
        im.load()
        page = ocr_image(im, 1, options)
    secs = time.perf_counter() - start
    return {"text": page.text, "seconds": secs, "cpu": cpu_seconds() - cpu, "rotation": page.rotation, "skew": page.skew,
            "prep": page.preprocess_seconds, "flags": page.flags, "confidence": page.mean_confidence}


def parse_variant(spec: str) -> dict:
    """``+step``/``no-step`` (add to / drop from the default steps), ``steps=a,b``
    or ``option=value``; several joined by ``;``."""
    from ocr.pipeline import DEFAULT_STEPS

    out: dict = {}
    for part in filter(None, spec.split(";")):
        if part.startswith(("+", "no-")):
            steps = list(out.get("steps", DEFAULT_STEPS))
            add, name = part.startswith("+"), part.removeprefix("+").removeprefix("no-")
            if add and name not in steps:
                steps.append(name)
            if not add and name in steps:
                steps.remove(name)
            out["steps"] = tuple(steps)
            continue
        key, _, value = part.partition("=")
        if key == "steps":
            out["steps"] = tuple(s for s in value.split(",") if s and s != "none")
        elif key in ("psm", "handwritten_min_words"):
            out[key] = int(value)
        elif key in ("osd_confidence", "low_confidence"):
            out[key] = float(value)
        elif key in ("crop", "prechecks", "force_ocr", "look", "recover", "digit_reread"):
            out[key] = value.lower() in ("1", "true", "on", "yes")
        else:
            out[key] = value
    return out


def task(args: tuple) -> dict:
    entry, scans, engine, model, variant = args
    image = scans / entry["image"]
    truth = (scans / entry["truth"]).read_text(encoding="utf-8")
    try:
        if engine == "bare":
            res = run_bare(image, model)
        else:
            res = run_pipeline(image, model, parse_variant(variant) if variant else {})
        error = None
    except Exception as exc:  # a failing page is a result too
        res, error = {"text": "", "seconds": 0.0, "rotation": 0, "skew": 0.0}, f"{type(exc).__name__}: {exc}"
    name = engine if engine == "bare" else ("pipeline" if not variant else f"pipeline[{variant}]")
    return {
        "image": entry["image"], "level": entry["level"], "kind": entry["kind"], "family": entry["family"],
        "dpi": entry["dpi"], "fed_rotation": entry["rotation"], "true_skew": entry["skew"],
        "turned": entry.get("turned", False),
        "engine": name, "model": model,
        "cer": cer(truth, res["text"]), "wer": wer(truth, res["text"]), "seconds": res["seconds"],
        "cpu": res.get("cpu"),
        "prep": res.get("prep"), "rotation": res["rotation"], "skew": res["skew"], "flags": res.get("flags", []),
        "error": error,
    }


def turned_copy(scans: Path, entry: dict, degrees: int) -> dict:
    """The clean page as if fed turned ``degrees`` clockwise: everything else
    identical, so its CER against the upright page isolates orientation."""
    from PIL import Image

    name = entry["image"].replace(".png", f"-turned{degrees}.png")
    with Image.open(scans / entry["image"]) as im:
        im.rotate(-degrees, expand=True).save(scans / name, dpi=(entry["dpi"], entry["dpi"]))
    return {**entry, "image": name, "rotation": degrees, "turned": True}


# --------------------------------------------------------------------------- report


def pct(x: float) -> str:
    return f"{100 * x:.2f}"


def table(rows: list[dict], key, title: str) -> list[str]:
    groups: dict = defaultdict(list)
    for r in rows:
        groups[(key(r), r["engine"], r["model"])].append(r)
    keys = sorted({k[0] for k in groups}, key=str)
    engines = sorted({(k[1], k[2]) for k in groups}, key=lambda e: (e[0] != "bare", e[0], e[1]))
    out = [f"**{title}** — CER % / WER % (pages)", "",
           "| " + title.split(" by ")[-1] + " | " + " | ".join(f"{e} {m}" for e, m in engines) + " |",
           "|---" * (len(engines) + 1) + "|"]
    for k in keys:
        cells = []
        for e, m in engines:
            g = groups.get((k, e, m))
            cells.append(f"{pct(statistics.mean(r['cer'] for r in g))} / {pct(statistics.mean(r['wer'] for r in g))}"
                         f" ({len(g)})" if g else "–")
        out.append(f"| {k} | " + " | ".join(cells) + " |")
    return out + [""]


def cost_table(rows: list[dict]) -> list[str]:
    """CER and CPU per page for each engine, by page kind, level and feed, side by side:
    what a preprocessing change buys or costs on each kind of page, from one run."""
    groups: dict = defaultdict(list)
    for r in rows:
        feed = "turned copy" if r.get("turned") else "rotated" if r["fed_rotation"] else "upright"
        groups[(f"{r['kind']} L{r['level']} {feed}", r["engine"], r["model"])].append(r)
    keys = sorted({k[0] for k in groups})
    engines = sorted({(k[1], k[2]) for k in groups}, key=lambda e: (e[0] != "bare", e[0], e[1]))
    out = ["**CER % and CPU seconds per page (median; this process and its Tesseract runs), by kind, level and "
           "feed**", "", "| pages | " + " | ".join(f"{e} {m}" for e, m in engines) + " |",
           "|---" * (len(engines) + 1) + "|"]
    for k in keys:
        cells = []
        for e, m in engines:
            g = groups.get((k, e, m))
            cpus = [r["cpu"] for r in g or [] if r.get("cpu") is not None]
            cells.append(f"{pct(statistics.mean(r['cer'] for r in g))} % / "
                         f"{statistics.median(cpus):.2f} s ({len(g)})" if g and cpus else "–")
        out.append(f"| {k} | " + " | ".join(cells) + " |")
    totals = []
    for e, m in engines:
        g = [r for r in rows if (r["engine"], r["model"]) == (e, m)]
        cpus = [r["cpu"] for r in g if r.get("cpu") is not None]
        totals.append(f"{pct(statistics.mean(r['cer'] for r in g))} % / {sum(cpus) / max(1, len(cpus)):.2f} s mean")
    out.append("| **all** | " + " | ".join(totals) + " |")
    return out + [""]


def report(rows: list[dict], command: str, wall: float) -> str:
    out = [f"Command: `{command}`  ", f"Pages: {len({r['image'] for r in rows})}, wall time {wall:.0f} s", ""]
    out += table(rows, lambda r: r["level"], "CER/WER by level")
    out += table(rows, lambda r: r["family"], "CER/WER by font family")
    out += table(rows, lambda r: r["kind"], "CER/WER by page kind")
    out += table(rows, lambda r: r["dpi"], "CER/WER by dpi")
    out += table(rows, lambda r: "rotated" if r["fed_rotation"] else "upright", "CER/WER by feed")
    out += table(rows, lambda r: f"L{r['level']} {'turned copy' if r.get('turned') else 'rotated' if r['fed_rotation'] else 'upright'}",
                 "CER/WER by level and feed")
    out += cost_table(rows)
    # Rotation, skew and time.
    out += ["**Orientation, skew, time per page**", "",
            "| engine | model | rotation correct | mean abs skew error (deg) | s/page | preprocessing s/page | failed |",
            "|---|---|---|---|---|---|---|"]
    groups: dict = defaultdict(list)
    for r in rows:
        groups[(r["engine"], r["model"])].append(r)
    bare_secs = {m: statistics.mean(r["seconds"] for r in g) for (e, m), g in groups.items() if e == "bare"}
    for (engine, model), g in sorted(groups.items(), key=lambda kv: (kv[0][0] != "bare", kv[0])):
        if engine == "bare":
            rot = f"{sum(1 for r in g if r['fed_rotation'] == 0)}/{len(g)} (no detection)"
            skew = "–"
        else:
            ok = sum(1 for r in g if (r["rotation"] + r["fed_rotation"]) % 360 == 0)
            rot = f"{ok}/{len(g)}"
            skewed = [r for r in g if r["true_skew"]]
            skew = f"{statistics.mean(abs(r['skew'] - r['true_skew']) for r in skewed):.2f}" if skewed else "–"
        secs = statistics.mean(r["seconds"] for r in g)
        prep = [r["prep"] for r in g if r["prep"] is not None]
        rel = f" ({100 * (secs / bare_secs[model] - 1):+.0f}% vs bare)" if engine != "bare" and model in bare_secs else ""
        out.append(f"| {engine} | {model} | {rot} | {skew} | {secs:.2f}{rel} | "
                   f"{statistics.mean(prep):.2f} |" if prep else f"| {engine} | {model} | {rot} | {skew} | {secs:.2f} | – |")
        out[-1] += f" {sum(1 for r in g if r['error'])} |"
    flagged = defaultdict(int)
    for r in rows:
        for f in r["flags"]:
            flagged[(r["engine"], r["model"], f)] += 1
    if flagged:
        out += ["", "Flags raised: " + ", ".join(f"{e} {m} {f}: {n}" for (e, m, f), n in sorted(flagged.items()))]
    return "\n".join(out) + "\n"


def step_times(entries: list[dict], scans: Path, variants: list[str] = (), rounds: int = 3,
               registers: int = 0) -> str:
    """CPU milliseconds of each preprocessing step, median per page kind and level (no Tesseract run).

    Process time, so the other work on a shared machine does not count; what
    a step costs is set against what it buys in CER by the ``no-STEP`` variants.
    With ``variants`` (``look=false``, ``no-deskew`` ...), each page is prepared
    with the defaults and with each variant in turn, ``rounds`` times, and the
    totals are put side by side. ``registers``: also that many pages of
    scripts/bench_pipeline.py's register (clean, upright, 300 dpi).
    """
    from PIL import Image

    from ocr.pipeline import OcrOptions, StepClock, prepare

    runs = [("defaults", OcrOptions())] + [(v, replace(OcrOptions(), **parse_variant(v))) for v in variants]
    pages = []
    for e in entries:
        with Image.open(scans / e["image"]) as im:
            im.load()
            pages.append((f"{e['kind']} L{e['level']}" + (" turned" if e.get("rotation") else ""), im.copy()))
    if registers:
        from bench_pipeline import render_register

        rng = np.random.default_rng(7)
        pages += [("bench_pipeline register", render_register(n, rng)[0]) for n in range(registers)]
    per: dict = {name: defaultdict(lambda: defaultdict(list)) for name, _ in runs}
    skipped: dict = defaultdict(lambda: defaultdict(int))
    for _name, options in runs:  # imports and first-call set-up are no step's cost
        prepare(pages[0][1], options)
    for _ in range(rounds):
        for group, im in pages:
            for name, options in runs:  # alternating, so a busier moment costs every run alike
                clock = StepClock()
                _gray, info = prepare(im, options, clock)
                for step, secs in clock.seconds.items():
                    per[name][group][step].append(secs * 1000)
                per[name][group]["all"].append(sum(clock.seconds.values()) * 1000)
                if name == "defaults":
                    for step in info.get("skipped", {}):
                        skipped[group][step] += 1
    out = []
    for name, _ in runs:
        table = per[name]
        steps = sorted({s for g in table.values() for s in g if s != "all"}) + ["all"]
        lines = [f"**{name}**: CPU ms per page and step (median of {rounds} rounds)", "",
                 "| pages | n | " + " | ".join(steps) + (" | skipped |" if name == "defaults" else " |"),
                 "|---|---|" + "---|" * (len(steps) + (name == "defaults"))]
        for group in sorted(table):
            n = len(table[group]["all"]) // rounds
            row = f"| {group} | {n} | " + " | ".join(
                f"{statistics.median(table[group][s]):.0f}" if table[group].get(s) else "-" for s in steps) + " |"
            if name == "defaults":
                row += " " + (", ".join(f"{k} {v // rounds}/{n}" for k, v in sorted(skipped[group].items())) or "–") + " |"
            lines.append(row)
        out.append("\n".join(lines))
    if len(runs) > 1:
        lines = ["**all steps side by side**: CPU ms per page (median)", "",
                 "| pages | " + " | ".join(name for name, _ in runs) + " |", "|---|" + "---|" * len(runs)]
        for group in sorted(per["defaults"]):
            lines.append(f"| {group} | " + " | ".join(
                f"{statistics.median(per[name][group]['all']):.0f}" for name, _ in runs) + " |")
        out.append("\n".join(lines))
    return "\n\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=9, help="pages per level (9 covers every kind x family)")
    ap.add_argument("--levels", default="0,1,2,3")
    ap.add_argument("--models", default="fast,best")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--engines", default="bare,pipeline")
    ap.add_argument("--variants", nargs="*", default=[], help="extra pipeline runs with one option changed")
    ap.add_argument("--no-turned", dest="turned", action="store_false",
                    help="skip the turned copies of the clean pages (same page upright vs fed turned)")
    ap.add_argument("--jobs", type=int, default=2, help="parallel OCR processes (the machine is shared: keep 2)")
    ap.add_argument("--out", type=Path, default=Path("bench-out/ocr"))
    ap.add_argument("--step-times", action="store_true",
                    help="only time each preprocessing step (CPU ms per page kind and level), no OCR; with "
                         "--variants, their totals side by side (look=false: without the look at the page)")
    ap.add_argument("--rounds", type=int, default=3, help="with --step-times: rounds over the pages")
    ap.add_argument("--registers", type=int, default=0,
                    help="with --step-times: also this many pages of scripts/bench_pipeline.py's register")
    args = ap.parse_args(argv)

    scans = args.out / "scans"
    levels = [int(x) for x in args.levels.split(",")]
    models = [m for m in args.models.split(",") if m]
    for m in models:
        tessdata_dir(m)  # fetch 'best' once, before the workers start
    entries = [write_scan(scans, i, level, args.seed) for level in levels for i in range(args.pages)]
    if args.turned and 0 in levels:
        entries += [turned_copy(scans, e, (90, 180, 270)[e["index"] % 3]) for e in entries if e["level"] == 0]
    if args.step_times:
        print(step_times(entries, scans, args.variants, args.rounds, args.registers))
        return 0
    tasks = []
    for e in entries:
        for model in models:
            for engine in args.engines.split(","):
                tasks.append((e, scans, engine, model, None))
            for v in args.variants:
                tasks.append((e, scans, "pipeline", model, v))
    start = time.perf_counter()
    rows = []
    with ProcessPoolExecutor(max_workers=max(1, min(args.jobs, 2))) as pool:
        for n, row in enumerate(pool.map(task, tasks, chunksize=1), 1):
            rows.append(row)
            if n % 10 == 0 or n == len(tasks):
                print(f"{n}/{len(tasks)} runs, {time.perf_counter() - start:.0f} s", file=sys.stderr, flush=True)
    wall = time.perf_counter() - start
    args.out.mkdir(parents=True, exist_ok=True)
    with open(args.out / "rows.jsonl", "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    command = "scripts/bench_ocr.py " + " ".join(argv if argv is not None else sys.argv[1:])
    text = report(rows, command.strip(), wall)
    (args.out / "report.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
