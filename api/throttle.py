"""Failed sign-ins counted per source, with a growing wait.

Every request that presents a credential which turns out wrong (a bearer token, a session cookie, a token
posted to /login) counts against its source address. The first ``FREE`` failures cost nothing; after that the
source must wait ``BASE * 2**k`` seconds (at most ``LONGEST``) after its last failure before any credential
of its is looked at again, and meanwhile gets 429 with ``Retry-After``. A source's count is forgotten
``FORGET`` seconds after its last failure. Counts are kept per process.

Behind a reverse proxy every caller has the proxy's address: then one caller guessing slows everyone, which
is the safe side; put the proxy's own limits in front.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

FREE = 5
BASE = 1.0
LONGEST = 300.0
FORGET = 900.0
MAX_SOURCES = 100_000


@dataclass
class _Source:
    failures: int = 0
    last: float = 0.0


class FailureThrottle:
    def __init__(self, free: int = FREE, base: float = BASE, longest: float = LONGEST, forget: float = FORGET):
        self.free, self.base, self.longest, self.forget = free, base, longest, forget
        self._sources: dict[str, _Source] = {}
        self._lock = threading.Lock()

    def _delay(self, failures: int) -> float:
        if failures < self.free:
            return 0.0
        return min(self.longest, self.base * 2 ** (failures - self.free))

    def wait(self, source: str, now: float | None = None) -> float:
        """Seconds ``source`` must still wait before its next credential is checked (0: go ahead)."""
        t = time.monotonic() if now is None else now
        with self._lock:
            s = self._sources.get(source)
            if s is None:
                return 0.0
            if t - s.last > self.forget:
                del self._sources[source]
                return 0.0
            return max(0.0, s.last + self._delay(s.failures) - t)

    def failed(self, source: str, now: float | None = None) -> None:
        t = time.monotonic() if now is None else now
        with self._lock:
            if len(self._sources) >= MAX_SOURCES:  # a flood of addresses: forget the stale ones
                for k in [k for k, v in self._sources.items() if t - v.last > self.forget]:
                    del self._sources[k]
            s = self._sources.setdefault(source, _Source())
            s.failures += 1
            s.last = t

    def failures(self, source: str) -> int:
        with self._lock:
            s = self._sources.get(source)
            return s.failures if s else 0


THROTTLE = FailureThrottle()


def configure(free_failures: int) -> None:
    """Apply ``SOHOA_AUTH_FREE_FAILURES`` (at the service's start)."""
    THROTTLE.free = max(1, free_failures)
