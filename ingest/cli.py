"""Commands that drive the pipeline: submit, watch, worker, status, wait, retry."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

from sohoa.config import Config

SCAN_SUFFIXES = {".pdf", ".tif", ".tiff", ".jpg", ".jpeg", ".png"}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("submit", help="upload local scans (files or folders) into the bucket",
                       description="Upload files, or every scan in folders, into the bucket under a collection prefix, "
                                   "for clerks without an S3 client. The watcher picks them up.")
    p.add_argument("paths", nargs="+", type=Path)
    p.add_argument("--collection", required=True, help="collection prefix, e.g. hotich, nguoicocong, baotang")
    p.add_argument("--all-files", action="store_true", help="upload every file in folders, not only scan types")
    p.set_defaults(func=cmd_submit)

    p = sub.add_parser("watch", help="list the bucket and queue every new object",
                       description="Poll the bucket and queue each object version (key + ETag) not seen before.")
    p.add_argument("--once", action="store_true", help="list once and exit")
    p.add_argument("--interval", type=float, help="seconds between listings (default: SOHOA_WATCH_INTERVAL)")
    p.add_argument("--prefix", default="", help="only watch keys under this prefix")
    p.set_defaults(func=cmd_watch)

    p = sub.add_parser("worker", help="run pipeline workers (dramatiq processes x threads)",
                       description="Start dramatiq workers consuming the prepare, OCR and index queues.")
    p.add_argument("--processes", type=int, help="worker processes (default: SOHOA_WORKER_PROCESSES)")
    p.add_argument("--threads", type=int, help="threads per process (default: SOHOA_WORKER_THREADS)")
    p.add_argument("--queues", nargs="*", help="only these queues (default: all)")
    p.set_defaults(func=cmd_worker)

    p = sub.add_parser("status", help="documents and pages by state, failures by reason, queue depths")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_status)

    p = sub.add_parser("wait", help="wait until every listed object is indexed or failed",
                       description="Block until nothing is waiting or running (for scripts); exit 1 on timeout.")
    p.add_argument("--timeout", type=float, default=1800)
    p.set_defaults(func=cmd_wait)

    p = sub.add_parser("retry", help="queue failed documents again",
                       description="Queue failed objects again: done pages stay done, failed pages are retried.")
    p.add_argument("docs", nargs="*", help="document hashes (or unique prefixes of them)")
    p.add_argument("--all-failed", action="store_true", help="every failed object")
    p.add_argument("--reason", help="every failed object with this reason class")
    p.set_defaults(func=cmd_retry)


def _scan_files(paths: list[Path], all_files: bool) -> list[tuple[Path, str]]:
    """(file, key suffix) for every file to upload; folder structure is kept in the key."""
    out = []
    for path in paths:
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file() and (all_files or f.suffix.lower() in SCAN_SUFFIXES):
                    out.append((f, f.relative_to(path).as_posix()))
        elif path.is_file():
            out.append((path, path.name))
        else:
            raise SystemExit(f"sohoa submit: {path}: no such file or folder")
    return out


def cmd_submit(args) -> int:
    from .storage import Bucket
    bucket = Bucket(Config.from_env())
    collection = args.collection.strip("/")
    files = _scan_files(args.paths, args.all_files)
    for i, (path, suffix) in enumerate(files, 1):
        key = unicodedata.normalize("NFC", f"{collection}/{suffix}")
        bucket.upload_file(path, key)
        print(f"[{i}/{len(files)}] {key}", flush=True)
    print(f"uploaded {len(files)} files to s3://{bucket.name}/{collection}/")
    return 0


def _context():
    # Sending needs the actors (and so the broker) loaded.
    from . import actors
    return actors.context()


def cmd_watch(args) -> int:
    from .watcher import scan_once, watch
    ctx = _context()
    if args.once:
        report = scan_once(ctx.bucket, ctx.state, ctx.send_prepare, args.prefix)
        print(report)
        return 0
    interval = args.interval or ctx.config.watch_interval
    watch(ctx.bucket, ctx.state, ctx.send_prepare, interval, args.prefix)
    return 0


def cmd_worker(args) -> int:
    config = Config.from_env()
    cmd = [sys.executable, "-m", "dramatiq", "ingest.actors",
           "--processes", str(args.processes or config.worker_processes),
           "--threads", str(args.threads or config.worker_threads)]
    if args.queues:
        cmd += ["--queues", *args.queues]
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    # exec so signals from a supervisor reach dramatiq directly.
    os.execvpe(cmd[0], cmd, env)
    return 0


def cmd_status(args) -> int:
    from .status import collect_status, format_status
    ctx = _context()
    status = collect_status(ctx)
    if args.json:
        print(json.dumps(status, ensure_ascii=False, indent=2))
    else:
        print(format_status(status))
    return 0


def cmd_wait(args) -> int:
    from .status import collect_status
    ctx = _context()
    deadline = time.monotonic() + args.timeout
    while True:
        status = collect_status(ctx)
        if status["idle"]:
            return 0
        if time.monotonic() > deadline:
            print(f"sohoa wait: still busy after {args.timeout:.0f} s", file=sys.stderr)
            return 1
        time.sleep(1)


def cmd_retry(args) -> int:
    from .retry import retry_failed
    ctx = _context()
    if not (args.docs or args.all_failed or args.reason):
        print("sohoa retry: name documents, or use --all-failed or --reason", file=sys.stderr)
        return 2
    n = retry_failed(ctx, docs=args.docs, reason=args.reason)
    print(f"queued {n} objects again")
    return 0
