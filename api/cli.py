"""``sohoa api``: run the HTTP service."""

from __future__ import annotations

import argparse
import sys

from sohoa.config import Config


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("api", help="run the HTTP service (search API, search page, operator console)")
    p.add_argument("--host", help="bind address (default: SOHOA_API_HOST)")
    p.add_argument("--port", type=int, help="port (default: SOHOA_API_PORT)")
    p.add_argument("--workers", type=int, default=1)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from schemas.loader import SchemaError, load_schemas
    config = Config.from_env()
    try:
        load_schemas()  # a bad record type file stops the service here, named, not each request that reads it
    except SchemaError as exc:
        print(f"sohoa api: record types: {exc}", file=sys.stderr)
        return 2
    uvicorn.run("api.app:create_app", factory=True, host=args.host or config.api_host,
                port=args.port or config.api_port, workers=args.workers, log_config=None)
    return 0
