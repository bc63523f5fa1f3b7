"""Timestamps as every index stores them: ISO 8601 in UTC, to the millisecond."""

from __future__ import annotations

from datetime import datetime, timezone


def iso(t: datetime) -> str:
    """``t`` as stored: ISO 8601 in UTC, to the millisecond."""
    return t.astimezone(timezone.utc).isoformat(timespec="milliseconds")


def now_iso(at: datetime | None = None) -> str:
    """Now (or ``at``) as stored, in UTC."""
    return iso(at or datetime.now(timezone.utc))
