#!/usr/bin/env python3
"""Worker memory on a very long register: peak resident memory while a 1,000-page PDF goes through.

Builds a PDF of --pages scanned pages (each an image, no text layer), drops it
in the bucket of the running local stack (own index prefix and bucket), runs
`sohoa worker` with --workers processes, and samples the resident memory of
every worker process (and of the Tesseract processes they start) until the
document is indexed. Prints the peak per worker process, the peak of any
single Tesseract process, and the elapsed time.

    .venv/bin/python scripts/bench_memory.py --pages 1000 --workers 2
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import boto3
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from ingest.testing import FONT, read_stack_env, remove_namespace  # noqa: E402
from pipeline_timeline import cmdline  # noqa: E402


def long_register(pages: int) -> bytes:
    """A PDF of `pages` scanned pages, built with reportlab so it never holds every page in memory."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    scans = []
    for n in range(10):
        img = Image.new("L", (1240, 1754), 255)  # A6 at 300 dpi, the size of the page below
        draw = ImageDraw.Draw(img)
        font = ImageFont.truetype(FONT, 34)
        for i, line in enumerate(["SỔ ĐĂNG KÝ KHAI SINH", f"Số: {n + 1}   Quyển số: 01/1960",
                                  f"Họ, chữ đệm, tên: Nguyễn Văn Trang{n}", "Nơi sinh: xã Đình Bảng"]):
            draw.text((100, 120 + i * 60), line, font=font, fill=0)
        buf = io.BytesIO()
        img.convert("1").save(buf, format="PNG")
        scans.append(ImageReader(io.BytesIO(buf.getvalue())))
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=(298, 421))  # A6 in points: rasterized at 300 dpi -> 1240 x 1754
    for p in range(pages):
        c.drawImage(scans[p % len(scans)], 0, 0, width=298, height=421)
        c.showPage()
    c.save()
    return out.getvalue()


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def descendants(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    kids = [int(p) for p in out]
    return kids + [d for k in kids for d in descendants(k)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()

    env = {**read_stack_env(ROOT / ".stack" / "env"), **os.environ}
    run = uuid.uuid4().hex[:8]
    env.update({"SOHOA_INDEX_PREFIX": f"mem{run}", "SOHOA_BUCKET": f"sohoa-mem-{run}", "SOHOA_LOG_LEVEL": "WARNING"})
    s3 = boto3.client("s3", endpoint_url=env["SOHOA_S3_ENDPOINT"], region_name="us-east-1",
                      aws_access_key_id=env.get("SOHOA_S3_ACCESS_KEY", "sohoa"),
                      aws_secret_access_key=env.get("SOHOA_S3_SECRET_KEY", "sohoa-secret"))
    pdf = long_register(args.pages)
    s3.create_bucket(Bucket=env["SOHOA_BUCKET"])
    s3.put_object(Bucket=env["SOHOA_BUCKET"], Key="hotich/so-dang-ky-1960.pdf", Body=pdf)
    run_cli = lambda *a: subprocess.run([sys.executable, "-m", "sohoa.cli", *a], env=env, cwd=ROOT,  # noqa: E731
                                        capture_output=True, text=True)
    run_cli("index", "setup")
    worker = subprocess.Popen([sys.executable, "-m", "sohoa.cli", "worker", "--processes", str(args.workers),
                               "--threads", "1"], env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    peaks: dict[str, float] = {"worker": 0.0, "tesseract": 0.0, "main": 0.0}
    done = threading.Event()

    def sample():
        while not done.is_set():
            peaks["main"] = max(peaks["main"], rss_mb(worker.pid))
            for pid in descendants(worker.pid):
                kind = "tesseract" if "tesseract" in cmdline(pid) else "worker"
                peaks[kind] = max(peaks[kind], rss_mb(pid))
            time.sleep(0.25)

    sampler = threading.Thread(target=sample, daemon=True)
    start = time.perf_counter()
    try:
        time.sleep(2)
        sampler.start()
        run_cli("watch", "--once")
        waited = run_cli("wait", "--timeout", "7200")
        elapsed = time.perf_counter() - start
    finally:
        done.set()
        worker.terminate()
        worker.wait(timeout=60)
    status = json.loads(run_cli("status", "--json").stdout)
    print(f"pages: {args.pages} ({len(pdf) // 1024} KiB PDF), workers: {args.workers}, settled: {waited.returncode == 0}")
    print(f"pages done: {status['pages'].get('done', 0)}, failed: {status['pages'].get('failed', 0)}, "
          f"documents: {status['documents']}")
    print(f"elapsed: {elapsed:.0f} s ({args.pages / elapsed * 60:.0f} pages/min)")
    print(f"peak resident memory: worker process {peaks['worker']:.0f} MB, dramatiq main process "
          f"{peaks['main']:.0f} MB, one tesseract process {peaks['tesseract']:.0f} MB")
    remove_namespace(env)


if __name__ == "__main__":
    main()
