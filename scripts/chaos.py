#!/usr/bin/env python3
"""Fault drill: a mixed batch through the real stack while things break, then a reconciliation.

The batch holds good scans (one to three pages each), every kind of bad input,
the same bytes under a second key, a key overwritten mid-run, and a poison
page that makes Tesseract fail every time. While it runs:

- the bucket event consumer ('sohoa events') is killed with SIGKILL while it
  handles the first uploads (events it read but had not acknowledged must
  come back), and a replacement started,
- a worker is killed with SIGKILL mid-page (its messages must be redelivered),
- Elasticsearch is stopped for --es-outage seconds, then started again,
- the S3 server is frozen (SIGSTOP) for --s3-outage seconds, then resumed
  (moto keeps objects in memory, so a real restart would empty the bucket;
  with MinIO or AWS a restart looks the same to clients as this freeze),
- Redis is restarted (its append-only file keeps the queues).

Then the bucket, the ledger and the index are reconciled, and the drill
prints objects dropped, indexed, failed by reason, duplicates, superseded,
lost (must be 0) and indexed twice (must be 0); it exits 1 otherwise.

    .venv/bin/python scripts/chaos.py            # the full drill
    .venv/bin/python scripts/chaos.py --quick    # the short one the tests run

The drill starts a stack of its own (.stack/chaos, ports 9210/6390/9010) and
leaves it running for the next drill; 'SOHOA_STACK_DIR=.stack/chaos
scripts/stack down' stops it. Where several people share a machine (and its
.stack), ``--stack-dir DIR --port-offset N`` gives a drill stack of one's own
(ports moved up by N), so one drill's outages never hit another's.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from collections import Counter
from pathlib import Path

import boto3
from elasticsearch import Elasticsearch, helpers

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest import testing  # noqa: E402

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"]
GIVEN = ["An", "Bình", "Cúc", "Dương", "Hạnh", "Khánh", "Lộc", "Nhung", "Phúc", "Quế", "Thoa", "Vinh"]


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# The drill runs on a stack of its own (its own state folder and ports), so
# stopping its Elasticsearch or Redis never disturbs anyone's work on the
# main stack.
DRILL_STACK = {
    "SOHOA_STACK_DIR": str(ROOT / ".stack" / "chaos"),
    "SOHOA_ES_PORT": "9210", "SOHOA_ES_TRANSPORT_PORT": "9310",
    "SOHOA_REDIS_PORT": "6390", "SOHOA_S3_PORT": "9010",
}
DRILL_SERVICES = ("elasticsearch", "redis", "s3")


def stack(*args: str) -> None:
    subprocess.run([str(ROOT / "scripts" / "stack"), *args], check=True, cwd=ROOT, env={**os.environ, **DRILL_STACK},
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def stack_env(run: str) -> dict[str, str]:
    stack("up", *DRILL_SERVICES)
    env = {k: v for k, v in os.environ.items() if not k.startswith("SOHOA_")}
    env.update(testing.read_stack_env(Path(DRILL_STACK["SOHOA_STACK_DIR"]) / "env"))
    env.update({"SOHOA_INDEX_PREFIX": f"chaos{run}", "SOHOA_BUCKET": f"sohoa-chaos-{run}",
                "SOHOA_LOG_LEVEL": "WARNING", "SOHOA_MAX_RETRIES": "2", "SOHOA_STALL_SECONDS": "20",
                # Events a killed consumer read come back after this many seconds.
                "SOHOA_EVENTS_VISIBILITY": "10"})
    return env


def sohoa(env, *args, timeout=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sohoa.cli", *args], env=env, capture_output=True, text=True,
                          cwd=ROOT, timeout=timeout)


def pid_of(service_pidfile: str) -> int:
    return int((Path(DRILL_STACK["SOHOA_STACK_DIR"]) / service_pidfile).read_text().split()[0])


def build_batch(good: int) -> tuple[dict[str, bytes], dict[str, bytes], dict[str, str]]:
    """(first drop, dropped mid-run, expected outcome class per key)."""
    first: dict[str, bytes] = {}
    expect: dict[str, str] = {}
    for i in range(good):
        pages = [[f"SỔ ĐĂNG KÝ KHAI SINH số {i}-{p}",
                  f"Họ, chữ đệm, tên: {FAMILY[(i + p) % len(FAMILY)]} Văn {GIVEN[(i * 3 + p) % len(GIVEN)]}"]
                 for p in range(1 + i % 3)]
        key = f"hotich/chaos/register-{i:03d}.pdf"
        first[key] = testing.scanned_pdf(pages)
        expect[key] = "indexed"
    # The same bytes under a second key: whichever is listed first is indexed, the other is its duplicate.
    first["hotich/chaos/copy-of-register-000.pdf"] = first["hotich/chaos/register-000.pdf"]
    expect["hotich/chaos/copy-of-register-000.pdf"] = expect["hotich/chaos/register-000.pdf"] = "indexed|duplicate"
    bad = {
        "hotich/chaos/empty.pdf": b"",
        "hotich/chaos/truncated.pdf": first["hotich/chaos/register-001.pdf"][:700],
        "hotich/chaos/password.pdf": testing.encrypted_pdf(testing.text_pdf(["Bí mật"])),
        "hotich/chaos/letter.docx": testing.docx_bytes(),
        "baotang/chaos/bomb.png": testing.png_header_only(65000, 65000),
    }
    first.update(bad)
    expect.update({k: "failed" for k in bad})
    first["nguoicocong/chaos/corrupt-frame.tiff"] = testing.tiff_with_corrupt_middle_frame()
    expect["nguoicocong/chaos/corrupt-frame.tiff"] = "indexed"  # two good frames, one failed page
    first["baotang/chaos/poison-strip.png"] = poison_page()
    expect["baotang/chaos/poison-strip.png"] = "failed"
    first["hotich/chaos/rescanned.pdf"] = testing.scanned_pdf([["Họ và tên: Lý Thị Bản Cũ"]])
    later = {"hotich/chaos/rescanned.pdf": testing.scanned_pdf([["Họ và tên: Lý Thị Bản Mới"]])}
    expect["hotich/chaos/rescanned.pdf"] = "indexed"
    return first, later, expect


def poison_page() -> bytes:
    """A 40,000-pixel-wide strip of text: Tesseract refuses it every time."""
    import io

    from PIL import Image, ImageDraw, ImageFont
    img = Image.new("L", (40000, 160), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(testing.FONT, 60)
    for x in range(0, 39000, 1500):
        draw.text((x + 50, 40), "Dải băng dài", font=font, fill=0)
    buf = io.BytesIO()
    img.save(buf, format="PNG", dpi=(300, 300))
    return buf.getvalue()


class Workers:
    def __init__(self, env):
        self.env, self.procs = env, []
        self.log = open(ROOT / ".stack" / f"chaos-workers-{env['SOHOA_INDEX_PREFIX']}.log", "a")

    def start(self) -> subprocess.Popen:
        p = subprocess.Popen([sys.executable, "-m", "sohoa.cli", "worker", "--processes", "1", "--threads", "1"],
                             env=self.env, cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT,
                             start_new_session=True)
        self.procs.append(p)
        return p

    def kill(self, p: subprocess.Popen) -> None:
        """SIGKILL the whole worker (main process and the process doing the work), like a crash."""
        os.killpg(p.pid, signal.SIGKILL)
        p.wait()
        self.procs.remove(p)

    def stop_all(self) -> None:
        for p in self.procs:
            p.terminate()
        for p in self.procs:
            try:
                p.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)


def ledger_entries(es: Elasticsearch, prefix: str) -> int:
    es.indices.refresh(index=f"{prefix}-ledger")
    return es.count(index=f"{prefix}-ledger")["count"]


def wait_for(predicate, timeout: float, interval: float = 0.5) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except Exception:  # noqa: BLE001 - services are being broken on purpose
            pass
        time.sleep(interval)
    return False


def pages_in_ocr(es: Elasticsearch, prefix: str) -> int:
    return es.count(index=f"{prefix}-jobs", query={"bool": {"filter": [
        {"term": {"kind": "page"}}, {"term": {"state": "ocr"}}]}})["count"]


def reconcile(env, s3, es: Elasticsearch, dropped: int, expect: dict[str, str]) -> dict:
    prefix, bucket = env["SOHOA_INDEX_PREFIX"], env["SOHOA_BUCKET"]
    es.indices.refresh(index=f"{prefix}-*")
    objects = {}
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket):
        for o in page.get("Contents", []):
            if not o["Key"].startswith(env.get("SOHOA_DERIVED_PREFIX", "_sohoa/")):
                objects[o["Key"]] = o["ETag"].strip('"')
    ledger = {(e["_source"]["key"], e["_source"]["etag"]): e["_source"]
              for e in helpers.scan(es, index=f"{prefix}-ledger", query={"query": {"match_all": {}}})}
    docs = {d["_source"]["doc_hash"]: d["_source"] for d in helpers.scan(
        es, index=f"{prefix}-jobs", query={"query": {"term": {"kind": "document"}}})}
    by_doc = Counter()
    keys_by_doc: dict[str, set] = {}
    for p in helpers.scan(es, index=f"{prefix}-pages", query={"query": {"match_all": {}}},
                          _source=["doc_hash", "key"]):
        by_doc[p["_source"]["doc_hash"]] += 1
        keys_by_doc.setdefault(p["_source"]["key"], set()).add(p["_source"]["doc_hash"])
    out = {"dropped": dropped, "objects_in_bucket": len(objects), "indexed": 0, "failed": Counter(),
           "duplicates": 0, "superseded": 0, "lost": [], "indexed_twice": [], "unexpected": []}
    for key, etag in sorted(objects.items()):
        entry = ledger.get((key, etag))
        outcome = None
        if entry is None:
            out["lost"].append(f"{key}: never listed")
        elif entry["status"] == "failed":
            out["failed"][entry.get("reason", "?")] += 1
            outcome = "failed"
        elif entry["status"] == "duplicate":
            out["duplicates"] += 1
            outcome = "duplicate"
            if key in keys_by_doc:
                out["indexed_twice"].append(f"{key}: duplicate indexed under its own key")
        elif entry["status"] == "prepared":
            doc = docs.get(entry.get("doc_hash"))
            state = doc and doc["state"]
            if state in ("indexed", "needs_review"):
                out["indexed"] += 1
                outcome = "indexed"
                if by_doc[doc["doc_hash"]] != len(doc.get("pages_done") or []):
                    out["lost"].append(f"{key}: {len(doc['pages_done'])} pages done, "
                                       f"{by_doc[doc['doc_hash']]} in the index")
            elif state == "failed":
                out["failed"][doc.get("reason", "?")] += 1
                outcome = "failed"
            else:
                out["lost"].append(f"{key}: document stuck in {state}")
        else:
            out["lost"].append(f"{key}: ledger stuck in {entry['status']}")
        if key in expect and outcome is not None and outcome not in expect[key].split("|"):
            out["unexpected"].append(f"{key}: {outcome}, expected {expect[key]}")
    pair = [k for k, v in expect.items() if v == "indexed|duplicate"]
    outcomes = sorted(ledger.get((k, objects.get(k)), {}).get("status", "?") for k in pair)
    if outcomes != ["duplicate", "prepared"]:
        out["unexpected"].append(f"same bytes under {len(pair)} keys ended as {outcomes}, expected one of each")
    for key, hashes in keys_by_doc.items():
        if len(hashes) > 1:
            out["indexed_twice"].append(f"{key}: pages of {len(hashes)} versions in the index")
    for doc_hash, n in by_doc.items():
        total = (docs.get(doc_hash) or {}).get("pages_total") or 0
        if n > total:
            out["indexed_twice"].append(f"{doc_hash[:12]}: {n} pages indexed of {total}")
    out["superseded"] = sum(1 for e in ledger.values() if e["status"] == "superseded") + \
        sum(1 for d in docs.values() if d["state"] == "superseded")
    out["failed"] = dict(out["failed"])
    return out


def own_stack(stack_dir: str | None, port_offset: int) -> None:
    """Move the drill's stack to another folder and other ports (see the module's notes)."""
    if stack_dir:
        DRILL_STACK["SOHOA_STACK_DIR"] = str(Path(stack_dir).resolve())
    for k in ("SOHOA_ES_PORT", "SOHOA_ES_TRANSPORT_PORT", "SOHOA_REDIS_PORT", "SOHOA_S3_PORT"):
        DRILL_STACK[k] = str(int(DRILL_STACK[k]) + port_offset)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stack-dir", help="the drill stack's state folder (default .stack/chaos)")
    ap.add_argument("--port-offset", type=int, default=0, help="move the drill stack's ports up by this much")
    ap.add_argument("--good", type=int, default=24, help="good scans in the batch")
    ap.add_argument("--es-outage", type=float, default=60)
    ap.add_argument("--s3-outage", type=float, default=30)
    ap.add_argument("--quick", action="store_true", help="a small batch and short outages (what the tests run)")
    ap.add_argument("--timeout", type=float, default=1800, help="seconds to wait for the batch to settle")
    ap.add_argument("--inline-pages", type=int, default=None,
                    help="SOHOA_INLINE_PAGES for the drill's workers (1: the 2-3-page scans go through page ranges)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--keep", action="store_true", help="keep the drill's indices, bucket and services running")
    args = ap.parse_args()
    if args.quick:
        args.good, args.es_outage, args.s3_outage = 6, 15, 8
    own_stack(args.stack_dir, args.port_offset)

    run = uuid.uuid4().hex[:8]
    env = stack_env(run)
    if args.inline_pages is not None:
        env["SOHOA_INLINE_PAGES"] = str(args.inline_pages)
    s3 = boto3.client("s3", endpoint_url=env.get("SOHOA_S3_ENDPOINT", "http://127.0.0.1:9000"), region_name="us-east-1",
                      aws_access_key_id=env.get("SOHOA_S3_ACCESS_KEY", "sohoa"),
                      aws_secret_access_key=env.get("SOHOA_S3_SECRET_KEY", "sohoa-secret"))
    es = Elasticsearch(env.get("SOHOA_ES_URL", "http://127.0.0.1:9200"))
    s3.create_bucket(Bucket=env["SOHOA_BUCKET"])
    sohoa(env, "index", "setup")
    setup = sohoa(env, "events", "--setup-only")
    if setup.returncode != 0:
        raise SystemExit(f"could not set up bucket events: {setup.stderr.strip()}")
    first, later, expect = build_batch(args.good)
    workers = Workers(env)
    watcher = consumer = None

    def start_consumer() -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "-m", "sohoa.cli", "events"], env=env, cwd=ROOT,
                                stdout=workers.log, stderr=subprocess.STDOUT, start_new_session=True)

    started = time.monotonic()
    try:
        log("starting the event consumer; dropping the batch")
        consumer = start_consumer()
        for key, data in first.items():
            s3.put_object(Bucket=env["SOHOA_BUCKET"], Key=key, Body=data)
        log(f"dropped {len(first)} objects")
        wait_for(lambda: ledger_entries(es, env["SOHOA_INDEX_PREFIX"]) > 0, 60, 0.05)
        log("SIGKILL the event consumer while it handles the drop, start a replacement")
        os.killpg(consumer.pid, signal.SIGKILL)
        consumer.wait()
        consumer = start_consumer()
        # Reconciliation runs too (every 30 s here, hourly by default): whatever events miss, it finds.
        log("starting the watcher (reconciliation) and two workers")
        watcher = subprocess.Popen([sys.executable, "-m", "sohoa.cli", "watch", "--interval", "2",
                                    "--reconcile-every", "30"], env=env, cwd=ROOT,
                                   stdout=workers.log, stderr=subprocess.STDOUT, start_new_session=True)
        victim = workers.start()
        workers.start()

        if wait_for(lambda: pages_in_ocr(es, env["SOHOA_INDEX_PREFIX"]) > 0, 120, 0.2):
            time.sleep(0.3)
        log("SIGKILL one worker mid-page, start a replacement")
        workers.kill(victim)
        workers.start()

        time.sleep(2)
        log(f"stopping Elasticsearch for {args.es_outage:.0f} s")
        stack("down", "elasticsearch")
        time.sleep(args.es_outage)
        stack("up", "elasticsearch")
        log("Elasticsearch is back")

        for key, data in later.items():
            s3.put_object(Bucket=env["SOHOA_BUCKET"], Key=key, Body=data)
        log("overwrote a key with a rescan")

        moto = pid_of("s3/moto.pid")
        log(f"freezing the S3 server for {args.s3_outage:.0f} s")
        os.kill(moto, signal.SIGSTOP)
        time.sleep(args.s3_outage)
        os.kill(moto, signal.SIGCONT)

        log("restarting Redis")
        stack("down", "redis")
        stack("up", "redis")

        log("waiting for the batch to settle")
        time.sleep(5)  # the rescan's event (or the next reconciliation) queues it
        waited = sohoa(env, "wait", "--timeout", str(args.timeout), timeout=args.timeout + 60)
        if waited.returncode != 0:
            log(f"the batch did not settle: {waited.stderr.strip()}")
    finally:
        for p in (watcher, consumer):
            if p:
                os.killpg(p.pid, signal.SIGTERM)
        workers.stop_all()
    elapsed = time.monotonic() - started
    result = reconcile(env, s3, es, len(first) + len(later), expect)
    result["seconds"] = round(elapsed, 1)
    status = json.loads(sohoa(env, "status", "--json").stdout or "{}")
    result["dead_lettered"] = {q: c.get("dead") for q, c in (status.get("queues") or {}).items()}
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(f"objects dropped      {result['dropped']}  ({result['objects_in_bucket']} keys in the bucket)")
        print(f"indexed              {result['indexed']}")
        print(f"failed with reason   {sum(result['failed'].values())}  {result['failed']}")
        print(f"duplicates           {result['duplicates']}")
        print(f"superseded versions  {result['superseded']}")
        print(f"dead-lettered        {result['dead_lettered']}")
        print(f"lost                 {len(result['lost'])}  {result['lost'] or ''}")
        print(f"indexed twice        {len(result['indexed_twice'])}  {result['indexed_twice'] or ''}")
        print(f"unexpected outcomes  {len(result['unexpected'])}  {result['unexpected'] or ''}")
        print(f"drill took           {elapsed:.0f} s")
    if not args.keep:
        testing.remove_namespace(env)
        # The drill's own services go too: left running, they hold its ports and a gigabyte of memory.
        stack("down", *DRILL_SERVICES)
    return 1 if result["lost"] or result["indexed_twice"] or result["unexpected"] else 0


if __name__ == "__main__":
    sys.exit(main())
