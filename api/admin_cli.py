"""``sohoa tokens create|list|revoke`` and ``sohoa audit``: who may use the HTTP service, and what they did.

These commands talk to Elasticsearch directly, so whoever can run them holds
the service's Elasticsearch credentials: they are the administrator's tools.
Each token change is itself written to the audit log, as ``cli:<os user>``.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys

from sohoa.config import Config


def _who() -> str:
    try:
        return f"cli:{getpass.getuser()}"
    except Exception:  # noqa: BLE001 - no login name in some containers
        return "cli:unknown"


def _meta() -> dict:
    return {"client": "local", "method": "CLI", "path": "sohoa tokens", "user": _who(), "role": "admin"}


def register(sub: argparse._SubParsersAction) -> None:
    from .roles import ROLES  # not .auth: every command builds this parser, and auth loads the web framework
    t = sub.add_parser("tokens", help="create, list and revoke API tokens (roles: " + ", ".join(ROLES) + ")",
                       description="API tokens for the search API, the search page, the console and the audit page. "
                                   "A token is printed once, when created; only its hash is stored.")
    tsub = t.add_subparsers(dest="tokens_command", metavar="ACTION", required=True)
    c = tsub.add_parser("create", help="create a token and print it (once)")
    c.add_argument("name", help="who holds the token (a person or a service), e.g. 'lan.tran' or 'museum-kiosk'")
    c.add_argument("--role", required=True, choices=list(ROLES))
    c.add_argument("--collection", action="append", default=[],
                   help="limit the token to this collection (repeatable; default: every collection)")
    c.add_argument("--expires-days", type=float, help="the token stops working after this many days")
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=_create)
    ls = tsub.add_parser("list", help="list tokens (never their secrets)")
    ls.add_argument("--all", action="store_true", help="include revoked tokens")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=_list)
    r = tsub.add_parser("revoke", help="revoke a token by its ID, or every token of a name; effective at once")
    r.add_argument("token", help="token ID (the part after 'sohoa_') or holder name")
    r.set_defaults(func=_revoke)

    a = sub.add_parser("audit", help="read the audit log (searches, record views, exports, retries, token changes)")
    a.add_argument("--user", help="only this token name (or cli:<os user>)")
    a.add_argument("--action", help="only this action, e.g. search, record.view, export, retry, token.create")
    a.add_argument("--since", help="30m, 12h, 7d, 2w or an ISO date (default: everything)")
    a.add_argument("--record", help="only entries that returned or opened this record ID")
    a.add_argument("--limit", type=int, default=100)
    a.add_argument("--json", action="store_true", help="one JSON object per line")
    a.set_defaults(func=_audit)


def _ctx():
    from . import auth
    config = Config.from_env()
    return auth.es_for(config), config


def _create(args: argparse.Namespace) -> int:
    from . import audit, auth
    es, config = _ctx()
    try:
        token, doc = auth.create_token(es, config, args.name, args.role, args.collection, args.expires_days,
                                       created_by=_who())
    except auth.TokenError as exc:
        print(f"sohoa tokens create: {exc}", file=sys.stderr)
        return 2
    audit.record("token.create", principal=None, meta=_meta(), config=config, es=es, target=doc["token_id"],
                 detail={"name": doc["name"], "role": doc["role"], "collections": doc["collections"]})
    if args.json:
        print(json.dumps({"token": token, **doc}, ensure_ascii=False))
    else:
        print(token)
        print(f"# {doc['name']} ({doc['role']}{', ' + ','.join(doc['collections']) if doc['collections'] else ''})"
              f" id {doc['token_id']}: this is the only time the token is shown; store it now.", file=sys.stderr)
    return 0


def _list(args: argparse.Namespace) -> int:
    from . import auth
    es, config = _ctx()
    docs = auth.list_tokens(es, config, include_revoked=args.all)
    if args.json:
        for d in docs:
            print(json.dumps(d, ensure_ascii=False))
        return 0
    print(f"{'ID':<16}  {'NAME':<20}  {'ROLE':<8}  {'COLLECTIONS':<14}  {'CREATED':<25}  {'LAST USED':<25}  "
          f"{'EXPIRES':<25}  REVOKED")
    for d in docs:
        print(f"{d['token_id']:<16}  {d['name']:<20}  {d['role']:<8}  {','.join(d.get('collections') or []) or '*':<14}"
              f"  {d.get('created_at') or '':<25}  {d.get('last_used_at') or '-':<25}  {d.get('expires_at') or '-':<25}"
              f"  {d.get('revoked_at') or '-'}")
    return 0


def _revoke(args: argparse.Namespace) -> int:
    from . import audit, auth
    es, config = _ctx()
    done = auth.revoke_token(es, config, args.token, revoked_by=_who())
    if not done:
        print(f"sohoa tokens revoke: no live token {args.token!r}", file=sys.stderr)
        return 1
    for d in done:
        audit.record("token.revoke", principal=None, meta=_meta(), config=config, es=es, target=d["token_id"],
                     detail={"name": d["name"], "role": d["role"]})
        print(f"revoked {d['token_id']} ({d['name']}, {d['role']})")
    return 0


def _audit(args: argparse.Namespace) -> int:
    from . import audit
    es, config = _ctx()
    try:
        entries = audit.search_entries(es, config, user=args.user, action=args.action, since=args.since,
                                       record_id=args.record, limit=args.limit)
    except ValueError as exc:
        print(f"sohoa audit: {exc}", file=sys.stderr)
        return 2
    for e in reversed(entries):
        if args.json:
            print(json.dumps(e, ensure_ascii=False))
        else:
            ids = e.get("record_ids") or []
            what = e.get("query_text") or e.get("target") or ""
            print(f"{e['at']}  {e.get('user') or '-'} ({e.get('role') or '-'})  {e.get('client') or '-'}  "
                  f"{e['action']}  {what}  {e.get('count') if e.get('count') is not None else ''}"
                  f"{'  ' + ' '.join(ids[:10]) + (' …' if len(ids) > 10 else '') if ids else ''}")
    return 0
