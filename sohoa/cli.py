"""The ``sohoa`` command: one entry point, one subcommand per job.

Each package registers its own subcommands (``register(subparsers)`` in its
``cli.py``) so the code for a command lives beside what it drives.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from . import __version__
from .config import describe, validate
from .logs import setup_logging

# Packages that contribute subcommands, in the order they appear in --help.
COMMAND_MODULES = ("ingest.cli", "ocr.cli", "schemas.cli", "indexers.cli", "api.cli", "api.admin_cli")


def _config_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("config", help="print the effective configuration (secrets masked)",
                       description="Print every setting sohoa reads, its effective value and where it came from.")
    p.add_argument("--json", action="store_true", help="machine-readable output")

    def run(args: argparse.Namespace) -> int:
        rows = describe()
        if args.json:
            import json
            print(json.dumps({name: {"value": value, "source": source} for name, value, source, _ in rows},
                             ensure_ascii=False, indent=2))
        else:
            width = max(len(r[0]) for r in rows)
            for name, value, source, help_ in rows:
                print(f"{name:<{width}}  {value}  ({source})  # {help_}")
        return _report_invalid_settings()

    p.set_defaults(func=run)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sohoa",
        description="Scans in an S3 bucket become searchable, structured records in Elasticsearch.")
    parser.add_argument("--version", action="version", version=f"sohoa {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _config_command(sub)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:  # the package has no commands yet
                continue
            raise
        module.register(sub)
    return parser


def _report_invalid_settings() -> int:
    """2 with one line per invalid setting on stderr, else 0."""
    problems = validate()
    for line in problems:
        print(f"sohoa: invalid setting {line}", file=sys.stderr)
    return 2 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    # Every process checks every setting before doing anything: a typo refuses
    # to start with a message naming it, instead of failing each page later.
    # `sohoa config` still prints the table, then the problems.
    if args.command == "config":
        return int(args.func(args))
    if _report_invalid_settings():
        return 2
    setup_logging()
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into head and the like
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
