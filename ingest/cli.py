"""Commands that drive the pipeline: submit, watch, worker, status, wait, failures, retry, requeue-dead."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import unicodedata
from pathlib import Path

from sohoa.config import Config
from sohoa.errors import REASONS
from sohoa.progress import Progress

SCAN_SUFFIXES = {".pdf", ".tif", ".tiff", ".jpg", ".jpeg", ".png"}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("submit", help="upload local scans (files or folders) into the bucket",
                       description="Upload files, or every scan in folders, into the bucket under a collection prefix, "
                                   "for clerks without an S3 client. The watcher picks them up.")
    p.add_argument("paths", nargs="+", type=Path)
    p.add_argument("--collection", required=True, help="collection prefix, e.g. hotich, nguoicocong, baotang")
    p.add_argument("--all-files", action="store_true", help="upload every file in folders, not only scan types")
    p.set_defaults(func=cmd_submit)

    p = sub.add_parser("events", help="take bucket events and queue every new object (the main intake)",
                       description="Consume the inbox's bucket events (SQS for S3 and moto, a Redis list for "
                                   "MinIO; SOHOA_EVENTS_SOURCE), record each new object version in the ledger "
                                   "exactly as a listing would and queue it, then acknowledge the event.")
    p.add_argument("--setup", action="store_true", help="first create the SQS queue and the bucket's notification "
                                                        "rules when missing (S3, moto)")
    p.add_argument("--setup-only", action="store_true", help="configure as --setup does, then exit")
    p.add_argument("--idle-exit", type=float, help="exit once no event came for this many seconds")
    p.set_defaults(func=cmd_events)

    p = sub.add_parser("watch", help="reconcile: list the collection prefixes, queue whatever events missed",
                       description="Every SOHOA_RECONCILE_INTERVAL seconds, list the collection prefixes of the "
                                   "bucket and queue each object version (key + ETag) the ledger does not know; "
                                   "every --interval seconds, send stalled work again.")
    p.add_argument("--once", action="store_true", help="reconcile once and exit")
    p.add_argument("--interval", type=float, help="seconds between stalled-work checks (default: "
                                                  "SOHOA_WATCH_INTERVAL)")
    p.add_argument("--reconcile-every", type=float, help="seconds between reconciliations (default: "
                                                         "SOHOA_RECONCILE_INTERVAL)")
    p.add_argument("--prefix", default="", help="only list keys under this prefix")
    p.set_defaults(func=cmd_watch)

    p = sub.add_parser("derived", help="move derived output (page images, OCR results) out of the inbox",
                       description="Copy page images and OCR results an older deployment wrote into the inbox "
                                   "under a prefix (default _sohoa/) to the derived bucket "
                                   "(SOHOA_DERIVED_BUCKET, SOHOA_DERIVED_PREFIX); with --delete, remove each "
                                   "original once its copy is in place. Safe to run again.")
    dsub = p.add_subparsers(dest="derived_command", required=True)
    m = dsub.add_parser("migrate", help="copy (and with --delete move) <inbox>/_sohoa/... to the derived bucket")
    m.add_argument("--from-prefix", default="_sohoa/", help="where the derived output is now, in the inbox")
    m.add_argument("--delete", action="store_true", help="delete each original after copying it")
    m.set_defaults(func=cmd_derived_migrate)

    p = sub.add_parser("worker", help="run pipeline workers (dramatiq processes x threads)",
                       description="Start dramatiq workers consuming the prepare, OCR and index queues.")
    p.add_argument("--processes", type=int, help="worker processes (default: SOHOA_WORKER_PROCESSES)")
    p.add_argument("--threads", type=int, help="threads per process (default: SOHOA_WORKER_THREADS)")
    p.add_argument("--queues", nargs="*", help="only these queues (default: all)")
    p.set_defaults(func=cmd_worker)

    p = sub.add_parser("status", help="documents and pages by state, failures by reason, queue depths, workers",
                       description="What is waiting, running, done and failed, and why: objects, documents and pages "
                                   "by state, queue depths from the broker (waiting, delayed, in progress, "
                                   "dead-lettered), live workers, throughput over 5 and 60 minutes, ETA, failures "
                                   "by reason and registers in progress.")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--watch", action="store_true", help="redraw every --interval seconds until Ctrl-C")
    p.add_argument("--interval", type=float, default=2.0, help="seconds between redraws with --watch (default 2)")
    p.set_defaults(func=cmd_status)

    p = sub.add_parser("failures", help="list what failed: key, reason, message, attempts, when",
                       description="Failed objects, documents and pages, newest first, with the target to pass "
                                   "to 'sohoa retry'.")
    p.add_argument("--reason", choices=REASONS, help="only this reason class")
    p.add_argument("--collection", help="only this collection")
    p.add_argument("--limit", type=int, default=200)
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_failures)

    p = sub.add_parser("requeue-dead", help="move dead-lettered messages back to their queues",
                       description="Send every dead-lettered message (the queue gave up on it) back to its queue "
                                   "with its retry count reset, and mark its page or document waiting again. "
                                   "Works with Redis and RabbitMQ.")
    p.add_argument("--queue", action="append", help="only this queue (repeatable; default: all)")
    p.add_argument("--limit", type=int, help="at most this many messages per queue")
    p.set_defaults(func=cmd_requeue_dead)

    p = sub.add_parser("wait", help="wait until every listed object is indexed or failed",
                       description="Block until nothing is waiting or running (for scripts); exit 1 on timeout.")
    p.add_argument("--timeout", type=float, default=1800)
    p.set_defaults(func=cmd_wait)

    p = sub.add_parser("retry", help="queue failed documents again",
                       description="Queue failed objects again: done pages stay done, failed pages are retried.")
    p.add_argument("docs", nargs="*", help="document hashes (or unique prefixes of them), or ledger:ID as listed "
                                           "by 'sohoa failures'")
    p.add_argument("--all-failed", action="store_true", help="every failed object")
    p.add_argument("--reason", choices=REASONS, help="every failed object with this reason class")
    p.add_argument("--collection", help="with --all-failed or --reason: only this collection")
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
    from sohoa.storage import Bucket
    bucket = Bucket(Config.from_env())
    collection = args.collection.strip("/")
    files = _scan_files(args.paths, args.all_files)
    with Progress(len(files), "uploading") as progress:
        for path, suffix in files:
            key = unicodedata.normalize("NFC", f"{collection}/{suffix}")
            bucket.upload_file(path, key)
            progress.advance(detail=key if progress.tty else "")
    print(f"uploaded {len(files)} files to s3://{bucket.name}/{collection}/")
    return 0


def _context():
    """The job state, the buckets and a message sender: what the operator's commands need, not the pipeline."""
    from .control import Control
    return Control.from_config(Config.from_env())


def cmd_watch(args) -> int:
    from .stalled import resend_stalled
    from .status import collect_status
    from .watcher import record_reconciliation, scan_once, watch
    ctx = _context()

    def recover_stalled():
        status = collect_status(ctx, broker=ctx.broker, queues=ctx.queues)
        return resend_stalled(ctx, status, ctx.config.stall_seconds)

    collections = ctx.config.collections
    if args.once:
        report = scan_once(ctx.bucket, ctx.state, ctx.send_prepare, args.prefix, collections, ctx.sender.prepare_many)
        record_reconciliation(ctx.state, report)
        print(report)
        sent = recover_stalled()
        if sent:
            print(f"sent stalled work again: {dict(sent)}")
        return 0
    interval = args.interval or ctx.config.watch_interval
    every = args.reconcile_every or ctx.config.reconcile_interval
    watch(ctx.bucket, ctx.state, ctx.send_prepare, interval, every, args.prefix, collections,
          after_listing=recover_stalled, send_many=ctx.sender.prepare_many)
    return 0


def cmd_events(args) -> int:
    import signal
    import threading
    from .consumer import EventConsumer
    from .event_sources import RedisListSource, SqsSource, describe_source, open_source
    from .notifications import setup_sqs
    ctx = _context()
    source = open_source(ctx.config)
    if args.setup or args.setup_only:
        if not isinstance(source, SqsSource):
            print("sohoa events: --setup configures S3/SQS; MinIO's Redis target is configured in MinIO itself "
                  "(see docker-compose.yml)", file=sys.stderr)
            return 2
        ctx.bucket.ensure_bucket()
        arn = setup_sqs(ctx.bucket, source, ctx.config.collections)
        print(f"bucket {ctx.bucket.name} sends object creations to {arn}")
        if args.setup_only:
            return 0
    if isinstance(source, RedisListSource):
        back = source.recover()
        if back:
            print(f"put back {back} events a stopped consumer had not acknowledged", file=sys.stderr)
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    consumer = EventConsumer(source, ctx.bucket, ctx.state, ctx.send_prepare, describe_source(ctx.config.events_source),
                             send_many=ctx.sender.prepare_many)
    consumer.run(stop, idle_exit=args.idle_exit)
    s = consumer.stats
    print(f"events: {s.received} received, {s.queued} queued, {s.resent} re-sent, {s.duplicates} already recorded, "
          f"{s.ignored} ignored, {s.rejected} rejected")
    return 0


def cmd_derived_migrate(args) -> int:
    from .derived import migrate_derived
    from sohoa.storage import Bucket
    bucket = Bucket(Config.from_env())
    report = migrate_derived(bucket, args.from_prefix, delete=args.delete)
    print(report)
    return 0


def cmd_worker(args) -> int:
    from schemas.loader import SchemaError, load_schemas
    config = Config.from_env()
    try:
        load_schemas()  # a bad record type file stops the workers here, named, not every document they index
    except SchemaError as exc:
        print(f"sohoa worker: record types: {exc}", file=sys.stderr)
        return 2
    # The preprocessing steps' options are validated by the OCR package, not the settings table: checked
    # here, so a bad option stops the worker at start rather than failing every page it takes.
    from ocr.pipeline import OcrOptions
    from ocr.steps import StepError
    try:
        OcrOptions.from_config(config)
    except StepError as exc:
        print(f"sohoa worker: invalid setting {exc}", file=sys.stderr)
        return 2
    cmd = [sys.executable, "-m", "dramatiq", "ingest.actors",
           "--processes", str(args.processes or config.worker_processes),
           "--threads", str(args.threads or config.worker_threads)]
    if args.queues:
        cmd += ["--queues", *args.queues]
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    # exec so signals from a supervisor reach dramatiq directly.
    os.execvpe(cmd[0], cmd, env)
    return 0


def _status_context():
    """What status needs (Elasticsearch, the broker), without loading the pipeline.

    ``sohoa status`` must answer in well under a second; importing the
    actors would pull in OCR and extraction for nothing.
    """
    from types import SimpleNamespace

    from sohoa.elastic import make_client
    from sohoa.messages import make_broker, queue_names
    config = Config.from_env()
    ctx = SimpleNamespace(config=config, es=make_client(config))
    return ctx, make_broker(config.broker_url), queue_names(config.index_prefix)


def cmd_status(args) -> int:
    from .status import collect_status, format_status
    ctx, broker, queues = _status_context()
    while True:
        status = collect_status(ctx, broker=broker, queues=queues)
        status["review"] = _review_backlog(ctx)
        out = json.dumps(status, ensure_ascii=False, indent=2) if args.json else format_status(status)
        if not args.watch:
            print(out)
            return 0
        if sys.stdout.isatty():
            sys.stdout.write("\x1b[H\x1b[2J")  # home and clear: redraw in place
        print(out, flush=True)
        time.sleep(max(0.2, args.interval))


def _review_backlog(ctx) -> dict | None:
    """The review desk's backlog (docs/review.md); None before the records index exists."""
    from elasticsearch import NotFoundError
    from indexers.reviews import backlog
    try:
        return backlog(ctx.es, ctx.config)
    except NotFoundError:
        return None


def cmd_failures(args) -> int:
    from .failures import format_failures, list_failures
    ctx = _context()
    ctx.es.indices.refresh(index=f"{ctx.config.index('jobs')},{ctx.config.index('ledger')}")
    items = list_failures(ctx.es, ctx.config, reason=args.reason, collection=args.collection, limit=args.limit)
    if args.json:
        print(json.dumps(items, ensure_ascii=False, indent=2))
    else:
        print(format_failures(items))
    return 0


def cmd_requeue_dead(args) -> int:
    from .deadletter import requeue_dead
    ctx = _context()
    queues = tuple(args.queue) if args.queue else ctx.queues
    unknown = set(queues) - set(ctx.queues)
    if unknown:
        print(f"sohoa requeue-dead: unknown queue {', '.join(sorted(unknown))}; queues: {', '.join(ctx.queues)}",
              file=sys.stderr)
        return 2
    moved = requeue_dead(ctx.broker, queues, ctx.state, limit=args.limit)
    for q, n in moved.items():
        print(f"{q}: {n} requeued")
    print(f"requeued {sum(moved.values())} dead-lettered messages")
    return 0


# How often `sohoa wait` asks the broker whether messages are left: a few reads of Redis or RabbitMQ counts.
WAIT_POLL = 0.2
# The job records (a refresh and the status searches on Elasticsearch) are asked at most this often.
WAIT_FULL_CHECK = 1.0


def cmd_wait(args) -> int:
    from .deadletter import queue_depths
    from .status import broker_has_work, collect_status
    ctx, broker, queues = _status_context()
    deadline = time.monotonic() + args.timeout
    last_full = -WAIT_FULL_CHECK
    while True:
        # While messages are queued or taken, the work is not done: the broker's counts say so for a few
        # reads of Redis, without refreshing the jobs index and searching it under the workers. Only when
        # the broker has nothing left do the job records decide, as `sohoa status` does.
        try:
            drained = not broker_has_work(queue_depths(broker, queues))
        except Exception:  # the broker unreachable: the full status says so, and waits as before
            drained = True
        if drained and time.monotonic() - last_full >= WAIT_FULL_CHECK:
            last_full = time.monotonic()
            if collect_status(ctx, broker=broker, queues=queues)["idle"]:
                # Workers index without waiting for a refresh; a script that waited
                # searches next, so make everything indexed searchable now.
                ctx.es.indices.refresh(index=f"{ctx.config.index('pages')},{ctx.config.index('records')}",
                                       ignore_unavailable=True, allow_no_indices=True)
                return 0
        if time.monotonic() > deadline:
            print(f"sohoa wait: still busy after {args.timeout:.0f} s", file=sys.stderr)
            return 1
        time.sleep(WAIT_POLL)


def cmd_retry(args) -> int:
    from .retry import retry_failed
    ctx = _context()
    if not (args.docs or args.all_failed or args.reason):
        print("sohoa retry: name documents, or use --all-failed or --reason", file=sys.stderr)
        return 2
    n = retry_failed(ctx, docs=args.docs, reason=args.reason, collection=args.collection, broker=ctx.broker, queues=ctx.queues)
    print(f"queued {n} objects again")
    return 0
