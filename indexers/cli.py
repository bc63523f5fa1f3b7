"""``sohoa search`` and ``sohoa index``: query the archive, inspect and migrate the indices."""

from __future__ import annotations

import argparse
import json

from sohoa.config import Config

from sohoa.elastic import make_client

from .client import INDEX_NAMES, alias_status, ensure_indices, load_template
from .pages import PageQuery, search_pages

RECORD_FILTERS = ("type", "name", "born", "died", "registered", "place", "number", "records", "sort", "role")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("search", help="search page text, or records by name, date, place and type",
                       description="Without record filters: full-text search over page text ('Nguyen Van Duc' finds "
                                   "'Nguyễn Văn Đức'; pages spelling the words as typed rank first). With any of "
                                   "--name/--type/--born/--died/--registered/--place/--number/--records: search "
                                   "extracted records, e.g. sohoa search --type birth --name 'nguyen van duc' "
                                   "--born 1970..1975.")
    p.add_argument("query", nargs="*", help="free text (page text, or any value of a record)")
    p.add_argument("--collection", help="only this collection (first key segment)")
    p.add_argument("--review", action="store_true", help="only pages or records flagged for review")
    p.add_argument("--records", action="store_true", help="search records even without another record filter")
    p.add_argument("--name", help="a person's name: diacritics, order, middle name, one typo and Telex/VNI "
                                  "keystrokes are forgiven")
    p.add_argument("--role", action="append", help="whose names and birth dates (repeatable): subject (default), "
                                                   "mother, father, declarant, wife, husband, relative, any")
    p.add_argument("--type", action="append", help="record type (birth, death, marriage, martyr, war_invalid, "
                                                   "museum_object); repeatable")
    p.add_argument("--born", help="date of birth of the person named: 1972, 1970..1975, 1972-03, ..1975")
    p.add_argument("--died", help="date of death, as --born")
    p.add_argument("--registered", help="registration date, as --born")
    p.add_argument("--place", help="words of any place on the record")
    p.add_argument("--number", help="personal ID or register/certificate number")
    p.add_argument("--sort", choices=("relevance", "name", "born", "born_desc", "registered"))
    p.add_argument("--size", type=int, default=10)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("index", help="create, inspect or migrate sohoa's indices")
    isub = p.add_subparsers(dest="index_command", metavar="ACTION", required=True)
    s = isub.add_parser("setup", help="create missing indices and aliases")
    s.set_defaults(func=cmd_index_setup)
    s = isub.add_parser("status", help="aliases, the index versions behind them, document counts, pending migrations")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_index_status)
    s = isub.add_parser("migrate", help="build the template's version of an index beside the live one, copy the "
                                        "documents, then swap the alias atomically",
                        description="Search keeps answering from the old version until the alias swap. The old "
                                    "version is kept for rollback unless --delete-old.")
    s.add_argument("name", nargs="?", default="records", choices=INDEX_NAMES)
    s.add_argument("--batch", type=int, default=1000, help="documents per scroll page and bulk request")
    s.add_argument("--delete-old", action="store_true", help="delete the old version after the swap")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_index_migrate)

    p = sub.add_parser("review", help="export verified records as ground truth (JSON lines, field crops, OCR)")
    rsub = p.add_subparsers(dest="review_command", metavar="ACTION", required=True)
    s = rsub.add_parser("export", help="write verified records, their field crops and their pages' OCR to a folder",
                        description="DIR/records.jsonl (one verified record per line: values people verified, "
                                    "their decisions, what the extractor said), DIR/crops/, DIR/ocr/. "
                                    "scripts/bench_extract.py --ground-truth DIR scores the extractor against it.")
    s.add_argument("out", help="folder to write")
    s.add_argument("--collection", action="append", default=[], help="only this collection (repeatable)")
    s.set_defaults(func=cmd_review_export)


def _record_search(args) -> int:
    from .records_search import BadQuery, RecordQuery, parse_range, search_records
    config = Config.from_env()
    try:
        b = parse_range(args.born)
        d = parse_range(args.died)
        r = parse_range(args.registered)
        rq = RecordQuery(q=" ".join(args.query) or None, name=args.name, born_from=b[0], born_to=b[1],
                         died_from=d[0], died_to=d[1], registered_from=r[0], registered_to=r[1], place=args.place,
                         number=args.number, record_types=args.type or [],
                         collections=[args.collection] if args.collection else [],
                         review="needs_review" if args.review else None, sort=args.sort or "relevance",
                         roles=args.role or [],
                         size=args.size, facets=False)
        result = search_records(make_client(config), config.index("records"), rq)
    except BadQuery as exc:
        print(f"sohoa search: {exc}")
        return 2
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    print(f"{result['total']} records match")
    for i, h in enumerate(result["hits"], 1):
        dates = "  ".join(f"{label} {h[k]}" for label, k in (("born", "date_of_birth"), ("died", "date_of_death"),
                                                            ("registered", "registration_date")) if h.get(k))
        review = "  [needs review]" if h["review_status"] == "needs_review" else ""
        who = h.get("person") or {}
        matched = f"  ({who['role']}: {who['name']})" if who and who.get("name") != h["name"] else ""
        print(f"{i:>3}. {h['name'] or '(no name)'}  {h['record_type']}  {dates}{review}{matched}")
        print(f"     {h['key']}  page {', '.join(map(str, h['pages']))}  id {h['id']}")
    return 0


def cmd_search(args) -> int:
    if any(getattr(args, k, None) for k in RECORD_FILTERS):
        return _record_search(args)
    if not args.query:
        print("sohoa search: give words to look for, or record filters (--name, --type, --born, ...)")
        return 2
    config = Config.from_env()
    es = make_client(config)
    result = search_pages(es, config, PageQuery(text=" ".join(args.query), collection=args.collection,
                                                needs_review=True if args.review else None, size=args.size))
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    print(f"{result['total']} pages match")
    for i, h in enumerate(result["hits"], 1):
        flags = f" [{', '.join(h['flags'])}]" if h["flags"] else ""
        print(f"{i:>3}. {h['key']}  page {h['page']}/{h['pages_total']}  score {h['score']:.2f}{flags}")
        print(f"     {h['snippet']}")
    return 0


def cmd_index_setup(args) -> int:
    config = Config.from_env()
    ensure_indices(make_client(config), config)
    print("indices ready")
    return 0


def cmd_index_status(args) -> int:
    from .migrate import versions
    config = Config.from_env()
    es = make_client(config)
    rows = alias_status(es, config)
    for r in rows:
        live = [int(i.rsplit("-v", 1)[-1]) for i in r["indices"] if i.rsplit("-v", 1)[-1].isdigit()]
        r["live_version"] = live[0] if len(live) == 1 else None
        r["migration_pending"] = bool(r["indices"]) and r["live_version"] != load_template(r["name"])["version"]
        r["versions"] = versions(es, config, r["name"])
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    for r in rows:
        pending = f"  (template is v{r['current_version']}: run 'sohoa index migrate {r['name']}')" \
            if r["migration_pending"] else ""
        others = [f"v{v['version']} {v['documents']}" for v in r["versions"] if not v["live"]]
        print(f"{r['alias']:<20} -> {', '.join(r['indices']) or '(missing)'}  {r['documents']} documents{pending}"
              + (f"  older: {', '.join(others)}" if others else ""))
    return 0


def cmd_index_migrate(args) -> int:
    from .migrate import migrate
    config = Config.from_env()
    result = migrate(make_client(config), config, args.name, batch=args.batch, delete_old=args.delete_old)
    if args.json:
        print(json.dumps(result, indent=2))
    elif result["action"] == "migrated":
        print(f"{result['alias']}: {result['from']} -> {result['index']}, {result['documents']} documents "
              f"({result['copied']} copied, {result['caught_up']} written during the copy) in {result['seconds']} s; "
              f"old index {result['old_index']}")
    else:
        print(f"{result['alias']}: {result['action']} ({result['index']})")
    return 0


def cmd_review_export(args) -> int:
    from pathlib import Path

    from api import audit
    from api.admin_cli import _who
    from sohoa.storage import Bucket

    from .ground_truth import export
    config = Config.from_env()
    es = make_client(config)
    counts = export(es, config, Bucket(config), Path(args.out), args.collection or None)
    audit.record("review.export", principal=None, config=config, es=es,
                 meta={"client": "local", "method": "CLI", "path": "sohoa review export", "user": _who(),
                       "role": "admin"}, count=counts["records"], detail=counts)
    print(f"{counts['records']} verified records, {counts['crops']} crops, {counts['pages']} pages of OCR "
          f"written to {args.out}")
    return 0
