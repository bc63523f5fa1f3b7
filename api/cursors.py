"""Paging cursors as callers see them: sealed, bound to the caller, short-lived; points in time per caller capped.

The cursor of ``indexers/records_search.py`` holds the last hit's sort values (with ``sort=born``, a date of
birth in epoch milliseconds) and the point-in-time ID. Callers never see it: they get it sealed with
AES-GCM under a key derived from the session key, with the caller's token ID as associated data and an
expiry inside. So a cursor reads as random bytes, cannot be forged or altered (no chosen ``search_after``,
no chosen point in time), and is refused to anyone but the caller it was made for.

Each caller may hold at most ``MAX_PITS_PER_CALLER`` points in time; opening one more closes their oldest
(whose cursor then answers "expired, start again"), so no caller can use up the cluster's points in time
for everyone. The count is per process (each ``sohoa api`` worker caps its own).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import os
import threading
import time
from collections import OrderedDict

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from indexers.records_search import BadQuery, decode_cursor

log = logging.getLogger(__name__)

CURSOR_SECONDS = 15 * 60
MAX_PITS_PER_CALLER = 4
PIT_SECONDS = 120  # records_search.PIT_KEEP_ALIVE
PREFIX = "c1."


def _key(session_key: bytes) -> bytes:
    return hmac.new(session_key, b"sohoa paging cursor v1", hashlib.sha256).digest()


def seal(session_key: bytes, caller: str, inner: str, now: float | None = None) -> str:
    """The cursor handed to ``caller``: ``inner`` encrypted and authenticated, expiring."""
    payload = json.dumps({"c": inner, "e": int((now or time.time()) + CURSOR_SECONDS)}, separators=(",", ":"))
    nonce = os.urandom(12)
    sealed = AESGCM(_key(session_key)).encrypt(nonce, payload.encode(), caller.encode())
    return PREFIX + base64.urlsafe_b64encode(nonce + sealed).decode().rstrip("=")


def unseal(session_key: bytes, caller: str, cursor: str, now: float | None = None) -> str:
    """The inner cursor; BadQuery (400) when it was not made by this service for this caller, or has expired."""
    try:
        if not cursor.startswith(PREFIX):
            raise ValueError
        raw = base64.urlsafe_b64decode(cursor[len(PREFIX):] + "=" * (-len(cursor) % 4))
        payload = json.loads(AESGCM(_key(session_key)).decrypt(raw[:12], raw[12:], caller.encode()))
        inner, expires = payload["c"], int(payload["e"])
    except (ValueError, KeyError, TypeError, InvalidTag):
        raise BadQuery("invalid cursor; start the search again without it") from None
    if expires < (now or time.time()):
        raise BadQuery("the cursor has expired; start the search again")
    return inner


class PitLimiter:
    """Which points in time each caller holds (per process), closing a caller's oldest beyond the cap."""

    def __init__(self, per_caller: int = MAX_PITS_PER_CALLER, seconds: float = PIT_SECONDS) -> None:
        self.per_caller = per_caller
        self.seconds = seconds
        self._held: dict[str, OrderedDict[str, float]] = {}
        self._lock = threading.Lock()

    def used(self, caller: str, pit_id: str | None, now: float | None = None) -> list[str]:
        """Note that ``caller`` used ``pit_id``; return the points in time to close (their oldest)."""
        if not pit_id:
            return []
        t = now if now is not None else time.time()
        with self._lock:
            held = self._held.setdefault(caller, OrderedDict())
            for pid, last in list(held.items()):
                if t - last > self.seconds:  # expired on the cluster by now
                    del held[pid]
            held[pit_id] = t
            held.move_to_end(pit_id)
            close = []
            while len(held) > self.per_caller:
                close.append(held.popitem(last=False)[0])
            if not held:
                del self._held[caller]
            return close

    def held(self, caller: str) -> int:
        with self._lock:
            return len(self._held.get(caller, ()))


LIMITER = PitLimiter()


def pit_of(inner: str | None, fingerprint: str) -> str | None:
    if not inner:
        return None
    return decode_cursor(inner, fingerprint)[1]


def close_extra(es, caller: str, pit_id: str | None, limiter: PitLimiter = LIMITER) -> None:
    for old in limiter.used(caller, pit_id):
        try:
            es.close_point_in_time(id=old)
        except Exception as exc:  # noqa: BLE001 - it expires on its own within PIT_SECONDS
            log.info("could not close a point in time: %s", type(exc).__name__)
