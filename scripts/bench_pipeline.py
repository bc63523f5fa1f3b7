#!/usr/bin/env python3
"""Pipeline throughput against bare Tesseract, on the same pages and the same cores.

Register mode (the default) renders N register-like pages, then:

1. bare: ``tesseract PAGE.png - -l vie`` over all pages, W processes at a time;
2. pipeline: the pages as one multi-page TIFF register (or PNG objects, or a
   PDF) dropped in the bucket of the running local stack, a ``sohoa worker``
   with W processes, timed from the listing until every page is indexed.

Mix mode (``--mix``) is the batch clerks really drop: scanned PDFs at 300 dpi,
mostly single-page certificates plus a few short registers, clean, degraded
and turned pages mixed (ocr/synthetic.py, seeded, with ground truth). Three
engines read the same files, one after the other in one run:

1. bare: ``pdftoppm -r 300`` then ``tesseract PAGE - -l vie`` per page, W files at a time;
2. OCRmyPDF: ``ocrmypdf -l vie --rotate-pages --deskew --sidecar``, W files at a
   time with ``--jobs 1`` each, from its own virtualenv (installed by this script
   on first use; ghostscript from Debian if missing, else it is skipped with a reason);
3. sohoa: the files dropped in the bucket, ``sohoa worker --processes W``, timed
   from the listing until every page is indexed; its text read back from the index.

Prints pages/minute, the ratio to bare Tesseract and the CER of each (edit
distance over the ground truth's characters after NFC and white-space
collapsing, as scripts/bench_ocr.py), the load average around each run, and
sohoa's own stage timings. The stack must be up (``scripts/stack up``); the
benchmark works in its own index prefix, bucket and Redis database and removes
them afterwards.

With ``--timeline`` (register mode), the run's idle core-seconds by phase and each worker's seconds are
printed too (scripts/pipeline_timeline.py).

    .venv/bin/python scripts/bench_pipeline.py --pages 24 --workers 2
    .venv/bin/python scripts/bench_pipeline.py --pages 300 --workers 2 --timeline
    .venv/bin/python scripts/bench_pipeline.py --mix --workers 2
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import boto3
import numpy as np
from elasticsearch import Elasticsearch
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from ingest.testing import remove_namespace  # noqa: E402
from ingest.testing import read_stack_env  # noqa: E402

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quang", "Xuân"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hương", "Lan", "Mai", "Nam", "Phượng", "Quý", "Sơn", "Thủy", "Tuấn", "Yến"]
PLACES = ["xã Đình Bảng, huyện Từ Sơn", "xã Phù Chẩn, huyện Từ Sơn", "thị trấn Lim, huyện Tiên Du",
          "xã Tam Sơn, huyện Từ Sơn", "phường Đông Ngàn, thị xã Từ Sơn"]


def render_register(n: int, rng: np.random.Generator) -> tuple[Image.Image, str]:
    """An A4 page at 300 dpi with four birth-register entries, like a bound register's page, and its
    text (the ground truth, line by line)."""
    img = Image.new("L", (2480, 3508), 250)
    truth = ["SỔ ĐĂNG KÝ KHAI SINH"]
    draw = ImageDraw.Draw(img)
    head, body = ImageFont.truetype(FONT, 46), ImageFont.truetype(FONT, 38)
    draw.text((700, 160), "SỔ ĐĂNG KÝ KHAI SINH", font=head, fill=10)
    y = 320
    for entry in range(4):
        name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        father = f"{rng.choice(FAMILY)} Văn {rng.choice(GIVEN)}"
        mother = f"{rng.choice(FAMILY)} Thị {rng.choice(GIVEN)}"
        lines = [
            f"Số: {n * 4 + entry + 1}   Quyển số: 01/1975",
            f"Họ, chữ đệm, tên: {name}",
            f"Ngày, tháng, năm sinh: {rng.integers(1, 28):02d}/{rng.integers(1, 12):02d}/1975",
            f"Nơi sinh: {rng.choice(PLACES)}",
            f"Họ, chữ đệm, tên người cha: {father}",
            f"Họ, chữ đệm, tên người mẹ: {mother}",
        ]
        for line in lines:
            draw.text((200, y), line, font=body, fill=20)
            y += 62
        truth += lines
        y += 110
    img.info["dpi"] = (300, 300)
    return img, "\n".join(truth)


def bare_tesseract(paths: list[Path], workers: int, languages: str) -> tuple[float, list[str]]:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}

    def one(path: Path) -> str:
        out = subprocess.run(["tesseract", str(path), "-", "-l", languages], env=env, check=True,
                             capture_output=True)
        return out.stdout.decode("utf-8", errors="replace")

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        texts = list(pool.map(one, paths))
    return time.perf_counter() - start, texts


def children_cpu() -> float:
    """CPU seconds (user + system) of this process's child processes reaped so far, and of theirs."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def register_cer(truths: list[str], texts: list[str]) -> float:
    sys.path.insert(0, str(ROOT / "scripts"))
    from bench_ocr import edit_distance, normalise
    errors = sum(edit_distance(normalise(t), normalise(o)) for t, o in zip(truths, texts))
    return errors / max(1, sum(len(normalise(t)) for t in truths))


def stack_env() -> dict[str, str]:
    return {**read_stack_env(ROOT / ".stack" / "env"), **os.environ}


def sohoa(env, *args, check=True) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sohoa.cli", *args], env=env, capture_output=True, text=True,
                          check=check, cwd=ROOT)


def pipeline(images: list[Image.Image], workers: int, form: str, env_base: dict[str, str],
             objects: list[tuple[str, bytes]] | None = None, collect=None, timeline: bool = False) -> tuple[float, dict]:
    """Time the pipeline on ``images`` (as ``form``) or on ready ``objects``; ``collect(es, prefix)`` reads
    what it needs from the run's indices before they are removed, into ``status['collected']``. With
    ``timeline``, the worker processes' CPU is sampled through the run and the job records kept, into
    ``status['timeline']`` (scripts/pipeline_timeline.py)."""
    run = uuid.uuid4().hex[:8]
    env = {**env_base, "SOHOA_INDEX_PREFIX": f"bench{run}", "SOHOA_BUCKET": f"sohoa-bench-{run}",
           "SOHOA_LOG_LEVEL": "WARNING"}
    s3 = boto3.client("s3", endpoint_url=env.get("SOHOA_S3_ENDPOINT", "http://127.0.0.1:9000"),
                      region_name="us-east-1", aws_access_key_id=env.get("SOHOA_S3_ACCESS_KEY", "sohoa"),
                      aws_secret_access_key=env.get("SOHOA_S3_SECRET_KEY", "sohoa-secret"))
    es = Elasticsearch(env.get("SOHOA_ES_URL", "http://127.0.0.1:9200"))
    s3.create_bucket(Bucket=env["SOHOA_BUCKET"])
    try:
        for key, data in (objects if objects is not None else encode(images, form)):
            s3.put_object(Bucket=env["SOHOA_BUCKET"], Key=key, Body=data)
        sohoa(env, "index", "setup")
        # The worker's log goes under bench-out/, not into the shared stack's folder.
        log_path = ROOT / "bench-out" / f"bench-pipeline-worker-{run}.log"
        log_path.parent.mkdir(exist_ok=True)
        log = open(log_path, "w")
        worker = subprocess.Popen([sys.executable, "-m", "sohoa.cli", "worker", "--processes", str(workers),
                                   "--threads", "1"], env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        sampler = None
        try:
            time.sleep(3)  # let the worker processes import and connect before the clock starts
            if timeline:
                from pipeline_timeline import CpuSampler
                sampler = CpuSampler(worker.pid).start()
            submitted, start = time.time(), time.perf_counter()
            sohoa(env, "watch", "--once")
            sohoa(env, "wait", "--timeout", "3600")
            elapsed = time.perf_counter() - start
            seen = time.time()
        finally:
            if sampler is not None:
                sampler.stop()
            reaped = children_cpu()
            worker.terminate()
            worker.wait(timeout=60)
            log.close()
        status = json.loads(sohoa(env, "status", "--json").stdout)
        # The worker and its processes are reaped last (the CLI calls above were reaped before): their CPU.
        status["worker_cpu_seconds"] = children_cpu() - reaped
        if collect is not None:
            es.indices.refresh(index=f"{env['SOHOA_INDEX_PREFIX']}-*")
            status["collected"] = collect(es, env["SOHOA_INDEX_PREFIX"])
        if sampler is not None:
            from elasticsearch import helpers
            es.indices.refresh(index=f"{env['SOHOA_INDEX_PREFIX']}-jobs")
            records = [h["_source"] for h in helpers.scan(es, index=f"{env['SOHOA_INDEX_PREFIX']}-jobs",
                                                          query={"query": {"terms": {"kind": ["document", "page"]}}})]
            status["timeline"] = {"samples": sampler.samples, "submitted": submitted, "seen": seen,
                                  "records": records}
        return elapsed, status
    finally:
        remove_namespace(env)


def encode(images: list[Image.Image], form: str):
    if form == "png":
        for i, img in enumerate(images, 1):
            buf = io.BytesIO()
            img.save(buf, format="PNG", dpi=(300, 300))
            yield f"bench/page-{i:04d}.png", buf.getvalue()
        return
    buf = io.BytesIO()
    if form == "tiff":
        images[0].save(buf, format="TIFF", save_all=True, append_images=images[1:], compression="tiff_deflate",
                       dpi=(300, 300))
    else:
        images[0].save(buf, format="PDF", save_all=True, append_images=images[1:], resolution=300)
    yield f"bench/register.{form}", buf.getvalue()


# --------------------------------------------------------------------------- the mix

# Degradation levels of the certificates, cycled: half clean, the rest scanned
# worse and worse (levels 1-3 also turn some pages 90/180/270 degrees).
MIX_LEVELS = (0, 0, 0, 0, 1, 1, 2, 3)
# Pages of the short registers and dossiers dropped among the certificates.
MIX_REGISTERS = (1, 2, 3, 2, 3)


def make_mix(certificates: int, seed: int) -> list[dict]:
    """The files of the mix: [{key, pdf bytes, truths (one per page), levels}], reproducibly."""
    from ocr.synthetic import make_scan
    docs = []
    for i in range(certificates):
        level = MIX_LEVELS[i % len(MIX_LEVELS)]
        # Index 3k renders a form (a certificate), cycling the font families.
        img, truth, spec = make_scan(3 * i, level, seed, dpi=300)
        docs.append({"key": f"hotich/mix/giay-{i + 1:03d}.pdf", "pages": [img], "truths": [truth],
                     "levels": [level], "rotations": [spec.rotation]})
    for r, n in enumerate(MIX_REGISTERS):
        pages, truths, levels, rotations = [], [], [], []
        for p in range(n):
            level = (r + p) % 4
            img, truth, spec = make_scan(3 * (100 + 4 * r + p) + 1, level, seed, dpi=300)  # 3k+1: a register page
            pages.append(img), truths.append(truth), levels.append(level), rotations.append(spec.rotation)
        docs.append({"key": f"hotich/mix/so-{r + 1:02d}.pdf", "pages": pages, "truths": truths, "levels": levels,
                     "rotations": rotations})
    for d in docs:
        buf = io.BytesIO()
        first, *rest = [p.convert("RGB") for p in d.pop("pages")]
        # As a scanner's PDF: one JPEG image per page at 300 dpi.
        first.save(buf, format="PDF", save_all=True, append_images=rest, resolution=300, quality=85)
        d["pdf"] = buf.getvalue()
    return docs


def mix_cer(docs: list[dict], texts: dict[tuple[str, int], str]) -> dict:
    """Character error rate over all pages (characters weighted) and per degradation level."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from bench_ocr import edit_distance, normalise
    errs, chars = defaultdict(int), defaultdict(int)
    for d in docs:
        for n, (truth, level) in enumerate(zip(d["truths"], d["levels"]), 1):
            t, o = normalise(truth), normalise(texts.get((d["key"], n), ""))
            e = edit_distance(t, o)
            errs[level] += e
            chars[level] += len(t)
            errs["all"] += e
            chars["all"] += len(t)
    return {k: errs[k] / max(1, chars[k]) for k in errs}


def run_parallel(items, workers: int, fn) -> float:
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(fn, items))
    return time.perf_counter() - start


def bare_mix(files: list[tuple[dict, Path]], workers: int, languages: str) -> tuple[float, dict]:
    """pdftoppm then tesseract per page, ``workers`` files at a time."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    texts = {}

    def one(item):
        doc, path = item
        with tempfile.TemporaryDirectory(prefix="bare-") as tmp:
            subprocess.run(["pdftoppm", "-r", "300", str(path), f"{tmp}/p"], check=True)
            for n, page in enumerate(sorted(Path(tmp).glob("p-*.ppm")), 1):
                out = subprocess.run(["tesseract", str(page), "-", "-l", languages], env=env, check=True,
                                     capture_output=True)
                texts[(doc["key"], n)] = out.stdout.decode("utf-8", errors="replace")
    return run_parallel(files, workers, one), texts


OCRMYPDF_VENV = ROOT / ".bench" / "ocrmypdf-venv"


def ensure_ocrmypdf() -> tuple[Path | None, str]:
    """OCRmyPDF in a virtualenv of its own (its dependencies stay out of sohoa's); (command, version or why not)."""
    exe = OCRMYPDF_VENV / "bin" / "ocrmypdf"
    if not shutil.which("gs"):
        apt = ["apt-get", "install", "-y", "-q", "ghostscript"]
        if os.geteuid() != 0:
            apt = ["sudo", "-n", *apt]
        print("installing ghostscript (OCRmyPDF needs it):", " ".join(apt), file=sys.stderr)
        if subprocess.run(apt, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode != 0 \
                or not shutil.which("gs"):
            return None, "ghostscript is missing and could not be installed (apt-get install ghostscript)"
    if not exe.exists():
        print(f"installing OCRmyPDF into {OCRMYPDF_VENV}", file=sys.stderr)
        try:
            subprocess.run([sys.executable, "-m", "venv", "--clear", str(OCRMYPDF_VENV)], check=True)
            subprocess.run([str(OCRMYPDF_VENV / "bin" / "pip"), "install", "--quiet", "--disable-pip-version-check",
                            "ocrmypdf"], check=True)
        except subprocess.CalledProcessError as exc:
            return None, f"OCRmyPDF could not be installed: {exc}"
    version = subprocess.run([str(exe), "--version"], capture_output=True, text=True)
    if version.returncode != 0:
        return None, f"OCRmyPDF does not run: {version.stderr.strip()[:200]}"
    return exe, version.stdout.strip()


def ocrmypdf_mix(exe: Path, files: list[tuple[dict, Path]], workers: int, languages: str) -> tuple[float, dict, int]:
    texts, failed = {}, []

    def one(item):
        doc, path = item
        with tempfile.TemporaryDirectory(prefix="ocrmypdf-") as tmp:
            sidecar = Path(tmp) / "out.txt"
            run = subprocess.run([str(exe), "-l", languages, "--rotate-pages", "--deskew", "--sidecar", str(sidecar),
                                  "--jobs", "1", "--output-type", "pdf", "--quiet", str(path), f"{tmp}/out.pdf"],
                                 capture_output=True, text=True, env={**os.environ, "OMP_THREAD_LIMIT": "1"})
            if run.returncode != 0:
                failed.append((doc["key"], run.stderr.strip()[-300:]))
                return
            # The sidecar separates pages with form feeds.
            for n, text in enumerate(sidecar.read_text(encoding="utf-8").split("\f"), 1):
                texts[(doc["key"], n)] = text
    elapsed = run_parallel(files, workers, one)
    for key, err in failed[:3]:
        print(f"  ocrmypdf failed on {key}: {err}", file=sys.stderr)
    return elapsed, texts, len(failed)


def sohoa_texts(es: Elasticsearch, prefix: str) -> dict:
    """Each page's text as indexed, and the stage timings sohoa recorded, before the run's indices go."""
    from elasticsearch import helpers
    texts = {(h["_source"]["key"], h["_source"]["page"]): h["_source"]["text"]
             for h in helpers.scan(es, index=f"{prefix}-pages", _source=["key", "page", "text"])}
    stages, pages = defaultdict(list), defaultdict(list)
    for h in helpers.scan(es, index=f"{prefix}-jobs", query={"query": {"terms": {"kind": ["document", "page"]}}},
                          _source=["kind", "stage_seconds", "seconds"]):
        src = h["_source"]
        for state, secs in (src.get("stage_seconds") or {}).items():
            stages[(src["kind"], state)].append(secs)
        if src["kind"] == "page" and src.get("seconds") is not None:
            pages["ocr_image"].append(src["seconds"])
    return {"texts": texts, "stages": {f"{k} {s}": statistics.median(v) for (k, s), v in stages.items()},
            "page_seconds": statistics.median(pages["ocr_image"]) if pages["ocr_image"] else None}


def load() -> str:
    return "/".join(f"{v:.1f}" for v in os.getloadavg())


def main_mix(args) -> None:
    docs = make_mix(args.certificates, args.seed)
    n_pages = sum(len(d["truths"]) for d in docs)
    rotated = sum(1 for d in docs for r in d["rotations"] if r)
    print(f"mix: {len(docs)} PDFs, {n_pages} pages at 300 dpi ({args.certificates} single-page certificates, "
          f"registers of {', '.join(map(str, MIX_REGISTERS))} pages; {rotated} pages turned), "
          f"workers: {args.workers}, cores: {os.cpu_count()}", flush=True)
    rows = []
    with tempfile.TemporaryDirectory(prefix="mix-") as tmp:
        files = []
        for d in docs:
            path = Path(tmp) / d["key"].replace("/", "_")
            path.write_bytes(d["pdf"])
            files.append((d, path))
        engines = args.engines.split(",")
        bare_ppm = None

        def row(name, secs, c, before, note=""):
            nonlocal bare_ppm
            ppm = n_pages / secs * 60
            if name.startswith("bare"):
                bare_ppm = ppm
            ratio = f"{ppm / bare_ppm:.2f}" if bare_ppm else "-"
            levels = " / ".join(f"{100 * c[k]:.2f}" if k in c else "-" for k in (0, 1, 2, 3))
            rows.append(f"| {name} | {secs:.1f} | {ppm:.1f} | {ratio} | {100 * c['all']:.2f} % | {levels} | "
                        f"{before.split('/')[0]} / {load().split('/')[0]} | {note} |")
            print(rows[-1], flush=True)  # as soon as known: a long run still leaves its figures

        print("\n| engine | seconds | pages/minute | vs bare | CER all | CER L0 / L1 / L2 / L3 | load before / after | |"
              "\n| --- | --- | --- | --- | --- | --- | --- | --- |", flush=True)
        if "bare" in engines:
            before = load()
            secs, texts = bare_mix(files, args.workers, args.languages)
            row("bare tesseract (pdftoppm + tesseract)", secs, mix_cer(docs, texts), before)
        timings = None
        if "sohoa" in engines:
            before = load()
            secs, status = pipeline([], args.workers, "pdf", stack_env(),
                                    objects=[(d["key"], d["pdf"]) for d in docs], collect=sohoa_texts)
            timings = status["collected"]
            done = status["pages"].get("done", 0)
            row(f"sohoa worker --processes {args.workers}", secs, mix_cer(docs, timings["texts"]), before,
                "" if done == n_pages else f"only {done} of {n_pages} pages done")
            print("  sohoa's own stage timings (median seconds per record): "
                  + ", ".join(f"{k} {v:.2f}" for k, v in sorted(timings["stages"].items()))
                  + (f"; page OCR with preprocessing {timings['page_seconds']:.2f}" if timings["page_seconds"] else ""),
                  flush=True)
        if "ocrmypdf" in engines:
            exe, version = ensure_ocrmypdf()
            if exe is None:
                print(f"OCRmyPDF skipped: {version}", flush=True)
            else:
                before = load()
                secs, texts, failed = ocrmypdf_mix(exe, files, args.workers, args.languages)
                row(f"OCRmyPDF {version} --rotate-pages --deskew", secs, mix_cer(docs, texts), before,
                    f"{failed} files failed" if failed else "")


def print_timeline(run: dict, cores: int) -> None:
    """The run's idle core-seconds by phase, and a strip of each worker's seconds."""
    from pipeline_timeline import format_phases, format_strip, per_second, phase_table, work_spans
    records = run["records"]
    docs = [r for r in records if r.get("kind") == "document"]
    pages = [r for r in records if r.get("kind") == "page"]
    spans = [sp for d in docs for sp in work_spans([p for p in pages if p.get("doc_hash") == d["doc_hash"]], d)]
    phases = phase_table(run["samples"], spans, run["submitted"], run["seen"], cores)
    ranges = [sp for sp in spans if sp.kind == "range"]
    print(f"\ntimeline: {len(ranges)} ranges (pages per range: "
          f"{', '.join(str(sp.pages) for sp in sorted(ranges, key=lambda sp: sp.start))}), "
          f"{len(run['samples'])} CPU samples; idle core-seconds = {cores} cores x the phase's seconds less the "
          f"worker processes' CPU")
    print(format_phases(phases))
    print("\neach second from submit (p prepare, r range, e extract, i index, . nothing; upper case: the worker "
          "used more than half a core, o: busy holding nothing recorded):")
    print(format_strip(per_second(run["samples"], spans, run["submitted"], run["seen"])))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mix", action="store_true", help="the clerks' batch: single certificates and short registers, "
                                                       "bare Tesseract, OCRmyPDF and sohoa side by side")
    ap.add_argument("--certificates", type=int, default=48, help="with --mix: how many single-page certificates")
    ap.add_argument("--engines", default="bare,sohoa,ocrmypdf", help="with --mix: which engines to run")
    ap.add_argument("--pages", type=int, default=24)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--form", choices=("tiff", "png", "pdf"), default="tiff",
                    help="how the pages reach the bucket: one multi-page TIFF register (default), PNG objects, one PDF")
    ap.add_argument("--languages", default="vie")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--timeline", action="store_true",
                    help="register mode: sample the worker processes' CPU through sohoa's run and print the idle "
                         "core-seconds by phase (start, ranges, tail, to index, extract + index, until seen) and a "
                         "strip of what each worker held, second by second (scripts/pipeline_timeline.py)")
    args = ap.parse_args()
    if args.mix:
        main_mix(args)
        return

    rng = np.random.default_rng(args.seed)
    rendered = [render_register(n, rng) for n in range(args.pages)]
    images, truths = [r[0] for r in rendered], [r[1] for r in rendered]
    print(f"pages: {args.pages}, workers: {args.workers}, form: {args.form}, cores: {os.cpu_count()}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, img in enumerate(images):
            p = Path(tmp) / f"page-{i:04d}.png"
            img.copy().save(p, dpi=(300, 300))  # a copy: Pillow keeps PNG encoder state on the image
            paths.append(p)
        before, cpu_before = load(), children_cpu()
        bare, bare_texts = bare_tesseract(paths, args.workers, args.languages)
        bare_cpu = children_cpu() - cpu_before
        bare_load = f"load {before.split('/')[0]} -> {load().split('/')[0]}"
    bare_ppm = args.pages / bare * 60
    print(f"bare tesseract : {bare:7.1f} s  {bare_ppm:6.1f} pages/min  CER {100 * register_cer(truths, bare_texts):.2f} %"
          f"  ({bare_load})", flush=True)
    before = load()
    elapsed, status = pipeline(images, args.workers, args.form, stack_env(), collect=sohoa_texts,
                               timeline=args.timeline)
    pipe_load = f"load {before.split('/')[0]} -> {load().split('/')[0]}"
    texts = status["collected"]["texts"]
    sohoa_cer = register_cer(truths, [texts.get((f"bench/register.{args.form}", n), "") for n in
                                      range(1, args.pages + 1)]) if args.form != "png" else float("nan")
    pipe_ppm = args.pages / elapsed * 60
    pages_done = status["pages"].get("done", 0)
    print(f"sohoa pipeline : {elapsed:7.1f} s  {pipe_ppm:6.1f} pages/min  CER {100 * sohoa_cer:.2f} %"
          f"  ({pages_done} pages indexed; {pipe_load})")
    print(f"ratio pipeline/bare: {pipe_ppm / bare_ppm:.2f}")
    # CPU does not depend on the other work on the machine as the seconds do; the Elasticsearch and S3 servers'
    # share is not in sohoa's figure (they serve other work too).
    print(f"CPU per page: bare tesseract {bare_cpu / args.pages:.3f} s, sohoa's worker processes "
          f"{status['worker_cpu_seconds'] / args.pages:.3f} s")
    timings = status["collected"]
    print("sohoa's own stage timings (median seconds per record): "
          + ", ".join(f"{k} {v:.2f}" for k, v in sorted(timings["stages"].items()))
          + (f"; page OCR with preprocessing {timings['page_seconds']:.2f}" if timings["page_seconds"] else ""))
    if args.timeline:
        print_timeline(status["timeline"], args.workers)
    if pages_done != args.pages:
        sys.exit(f"only {pages_done} of {args.pages} pages were processed: {status.get('failures')}")


if __name__ == "__main__":
    main()
