"""A progress line for long local work, with no dependency.

On a terminal the line is redrawn in place (``\\r``) at most a few times a
second; into a file or pipe (logs, CI) one plain line is written every
``every`` items and at the end, so logs stay readable::

    with Progress(len(files), "uploading") as bar:
        for f in files:
            ...
            bar.advance(detail=f.name)

``Progress(None, ...)`` counts without a total (no bar, no ETA).
"""

from __future__ import annotations

import sys
import time
from typing import IO


def format_seconds(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    if seconds < 60:
        return f"{seconds}s"
    if seconds < 3600:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"


def render(done: int, total: int | None, label: str, elapsed: float, width: int = 24, detail: str = "") -> str:
    """One progress line: label, bar, count, percent, rate and ETA."""
    rate = done / elapsed if elapsed > 0 else 0.0
    parts = [label]
    if total:
        filled = min(width, int(width * done / total))
        parts.append("[" + "#" * filled + "-" * (width - filled) + "]")
        parts.append(f"{done}/{total} {100 * done / total:3.0f}%")
    else:
        parts.append(f"{done}")
    if rate:
        parts.append(f"{rate:.1f}/s" if rate >= 1 else f"{rate * 60:.1f}/min")
    if total and rate and done < total:
        parts.append(f"ETA {format_seconds((total - done) / rate)}")
    elif done and elapsed:
        parts.append(f"in {format_seconds(elapsed)}")
    if detail:
        parts.append(detail)
    return " ".join(parts)


class Progress:
    def __init__(self, total: int | None, label: str = "", stream: IO[str] | None = None, every: int | None = None,
                 min_interval: float = 0.2, tty: bool | None = None):
        self.total = total
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.tty = self.stream.isatty() if tty is None else tty
        # Non-terminal: about 20 lines for the whole job, at least one per item for small jobs.
        self.every = every or (max(1, (total or 200) // 20))
        self.min_interval = min_interval
        self.done = 0
        self.started = time.monotonic()
        self._last_draw = 0.0
        self._width = 0

    def advance(self, n: int = 1, detail: str = "") -> None:
        self.done += n
        now = time.monotonic()
        finished = self.total is not None and self.done >= self.total
        if self.tty:
            if finished or now - self._last_draw >= self.min_interval:
                self._draw(detail)
                self._last_draw = now
        elif finished or self.done % self.every == 0:
            self.stream.write(render(self.done, self.total, self.label, now - self.started, detail=detail) + "\n")
            self.stream.flush()

    def _draw(self, detail: str) -> None:
        line = render(self.done, self.total, self.label, time.monotonic() - self.started, detail=detail)
        pad = max(0, self._width - len(line))
        self._width = len(line)
        self.stream.write("\r" + line + " " * pad)
        self.stream.flush()

    def close(self) -> None:
        if self.tty and self._width:
            self._draw("")
            self.stream.write("\n")
            self.stream.flush()
        elif not self.tty and self.done % self.every and not (self.total and self.done >= self.total):
            self.stream.write(render(self.done, self.total, self.label, time.monotonic() - self.started) + "\n")
            self.stream.flush()

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
