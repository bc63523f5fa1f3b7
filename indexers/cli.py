"""``sohoa search`` and ``sohoa index``: query the archive, inspect the indices."""

from __future__ import annotations

import argparse
import json

from sohoa.config import Config

from .client import alias_status, ensure_indices, make_client
from .pages import PageQuery, search_pages


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("search", help="full-text search over page text, with or without diacritics",
                       description="Search page text. 'Nguyen Van Duc' finds 'Nguyễn Văn Đức'; pages spelling "
                                   "the words as typed rank first.")
    p.add_argument("query", nargs="+")
    p.add_argument("--collection", help="only this collection (first key segment)")
    p.add_argument("--review", action="store_true", help="only pages flagged for review")
    p.add_argument("--size", type=int, default=10)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("index", help="create or inspect sohoa's indices")
    isub = p.add_subparsers(dest="index_command", metavar="ACTION", required=True)
    s = isub.add_parser("setup", help="create missing indices and aliases")
    s.set_defaults(func=cmd_index_setup)
    s = isub.add_parser("status", help="aliases, the index versions behind them and document counts")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_index_status)


def cmd_search(args) -> int:
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
    config = Config.from_env()
    rows = alias_status(make_client(config), config)
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    for r in rows:
        print(f"{r['alias']:<20} -> {', '.join(r['indices']) or '(missing)'}  v{r['current_version']}  "
              f"{r['documents']} documents")
    return 0
