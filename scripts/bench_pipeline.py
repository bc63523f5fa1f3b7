#!/usr/bin/env python3
"""Pipeline throughput against bare Tesseract, on the same pages and the same cores.

Renders N register-like pages, then:

1. bare: ``tesseract PAGE.png - -l vie`` over all pages, W processes at a time;
2. pipeline: the pages as one multi-page TIFF register (or PNG objects, or a
   PDF) dropped in the bucket of the running local stack, a ``sohoa worker``
   with W processes, timed from the listing until every page is indexed.

Prints pages/minute for both and their ratio. The stack must be up
(``scripts/stack up``); the benchmark works in its own index prefix, bucket and
Redis database and removes them afterwards.

    .venv/bin/python scripts/bench_pipeline.py --pages 24 --workers 2
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import boto3
import numpy as np
from elasticsearch import Elasticsearch
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quang", "Xuân"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hương", "Lan", "Mai", "Nam", "Phượng", "Quý", "Sơn", "Thủy", "Tuấn", "Yến"]
PLACES = ["xã Đình Bảng, huyện Từ Sơn", "xã Phù Chẩn, huyện Từ Sơn", "thị trấn Lim, huyện Tiên Du",
          "xã Tam Sơn, huyện Từ Sơn", "phường Đông Ngàn, thị xã Từ Sơn"]


def render_register_page(n: int, rng: np.random.Generator) -> Image.Image:
    """An A4 page at 300 dpi with four birth-register entries, like a bound register's page."""
    img = Image.new("L", (2480, 3508), 250)
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
        y += 110
    img.info["dpi"] = (300, 300)
    return img


def bare_tesseract(paths: list[Path], workers: int, languages: str) -> float:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}

    def one(path: Path) -> None:
        subprocess.run(["tesseract", str(path), "-", "-l", languages], env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(one, paths))
    return time.perf_counter() - start


def stack_env() -> dict[str, str]:
    env = dict(os.environ)
    env_file = ROOT / ".stack" / "env"
    if env_file.exists():
        for line in env_file.read_text().splitlines():
            line = line.strip().removeprefix("export ")
            if "=" in line:
                k, v = line.split("=", 1)
                env.setdefault(k, v.strip("'\""))
    return env


def sohoa(env, *args, check=True) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sohoa.cli", *args], env=env, capture_output=True, text=True,
                          check=check, cwd=ROOT)


def pipeline(images: list[Image.Image], workers: int, form: str, env_base: dict[str, str]) -> tuple[float, dict]:
    run = uuid.uuid4().hex[:8]
    env = {**env_base, "SOHOA_INDEX_PREFIX": f"bench{run}", "SOHOA_BUCKET": f"sohoa-bench-{run}",
           "SOHOA_LOG_LEVEL": "WARNING"}
    s3 = boto3.client("s3", endpoint_url=env.get("SOHOA_S3_ENDPOINT", "http://127.0.0.1:9000"),
                      region_name="us-east-1", aws_access_key_id=env.get("SOHOA_S3_ACCESS_KEY", "sohoa"),
                      aws_secret_access_key=env.get("SOHOA_S3_SECRET_KEY", "sohoa-secret"))
    es = Elasticsearch(env.get("SOHOA_ES_URL", "http://127.0.0.1:9200"))
    s3.create_bucket(Bucket=env["SOHOA_BUCKET"])
    try:
        for key, data in encode(images, form):
            s3.put_object(Bucket=env["SOHOA_BUCKET"], Key=key, Body=data)
        sohoa(env, "index", "setup")
        log = open(ROOT / ".stack" / "bench-pipeline-worker.log", "w")
        worker = subprocess.Popen([sys.executable, "-m", "sohoa.cli", "worker", "--processes", str(workers),
                                   "--threads", "1"], env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        try:
            time.sleep(3)  # let the worker processes import and connect before the clock starts
            start = time.perf_counter()
            sohoa(env, "watch", "--once")
            sohoa(env, "wait", "--timeout", "3600")
            elapsed = time.perf_counter() - start
        finally:
            worker.terminate()
            worker.wait(timeout=60)
        status = json.loads(sohoa(env, "status", "--json").stdout)
        return elapsed, status
    finally:
        es.indices.delete(index=f"{env['SOHOA_INDEX_PREFIX']}-*", ignore_unavailable=True, allow_no_indices=True)
        for page in s3.get_paginator("list_objects_v2").paginate(Bucket=env["SOHOA_BUCKET"]):
            for obj in page.get("Contents", []):
                s3.delete_object(Bucket=env["SOHOA_BUCKET"], Key=obj["Key"])
        s3.delete_bucket(Bucket=env["SOHOA_BUCKET"])


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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=24)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--form", choices=("tiff", "png", "pdf"), default="tiff",
                    help="how the pages reach the bucket: one multi-page TIFF register (default), PNG objects, one PDF")
    ap.add_argument("--languages", default="vie")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()

    rng = np.random.default_rng(args.seed)
    images = [render_register_page(n, rng) for n in range(args.pages)]
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, img in enumerate(images):
            p = Path(tmp) / f"page-{i:04d}.png"
            img.copy().save(p, dpi=(300, 300))  # a copy: Pillow keeps PNG encoder state on the image
            paths.append(p)
        bare = bare_tesseract(paths, args.workers, args.languages)
    elapsed, status = pipeline(images, args.workers, args.form, stack_env())
    bare_ppm = args.pages / bare * 60
    pipe_ppm = args.pages / elapsed * 60
    pages_done = status["pages"].get("done", 0)
    print(f"pages: {args.pages}, workers: {args.workers}, form: {args.form}, cores: {os.cpu_count()}")
    print(f"bare tesseract : {bare:7.1f} s  {bare_ppm:6.1f} pages/min")
    print(f"sohoa pipeline : {elapsed:7.1f} s  {pipe_ppm:6.1f} pages/min  ({pages_done} pages indexed)")
    print(f"ratio pipeline/bare: {pipe_ppm / bare_ppm:.2f}")
    if pages_done != args.pages:
        sys.exit(f"only {pages_done} of {args.pages} pages were processed: {status.get('failures')}")


if __name__ == "__main__":
    main()
