"""Field confidence as a probability of being right, calibrated on held-out generated forms.

Extraction scores each field from its evidence (OCR word confidences, how well
its label was read, how cleanly the value parsed, the repairs made and the
cross-checks passed or failed): a score that orders fields well but is no
probability. Tesseract's word confidence in particular says little about a
short token: a clean two-digit number can come back at 0.11.

``calibrate`` maps that score to the observed rate of right values for fields
of the same *group* — the field's kind, and whether the value parsed cleanly
with no repair (``clean``) or not (``repaired``) — by isotonic regression
(pool-adjacent-violators, a non-decreasing step function) fitted by
``scripts/fit_calibration.py`` on generated forms of the seen wordings and
stored in ``schemas/data/calibration.json``. Nothing is fitted or downloaded at
run time. A field is *confident* when its calibrated confidence is at least
``CONFIDENT`` (0.995): on held-out forms such fields are right at least 99.5 %
of the time (docs/extraction.md gives the reliability table).
"""

from __future__ import annotations

import bisect
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

CALIBRATION_FILE = Path(__file__).with_name("data") / "calibration.json"
CONFIDENT = 0.995  # a calibrated confidence at or above this is "confident": right ≥ 99.5 % of the time
MIN_GROUP = 60  # fields a group needs to get a map of its own; fewer fall back to the kind, then to all


@dataclass(frozen=True)
class StepMap:
    """A non-decreasing step function: ``y[i]`` for scores from ``x[i]`` up to the next ``x``."""
    x: tuple[float, ...]
    y: tuple[float, ...]
    n: int

    def __call__(self, score: float) -> float:
        i = bisect.bisect_right(self.x, score) - 1
        return self.y[max(0, i)]


def group_of(kind: str, clean: bool) -> str:
    return f"{kind}:{'clean' if clean else 'repaired'}"


@lru_cache(maxsize=1)
def calibration() -> dict[str, StepMap]:
    if not CALIBRATION_FILE.exists():
        return {}
    data = json.loads(CALIBRATION_FILE.read_text(encoding="utf-8"))
    return {g: StepMap(tuple(m["x"]), tuple(m["y"]), m["n"]) for g, m in data["groups"].items()}


def calibrate(kind: str, clean: bool, score: float, maps: dict[str, StepMap] | None = None) -> float:
    """The probability that a field of this kind, with this score, is right (the score itself when no
    calibration is stored)."""
    maps = calibration() if maps is None else maps
    for g in (group_of(kind, clean), kind, "all"):
        m = maps.get(g)
        if m is not None and m.n >= MIN_GROUP:
            return m(score)
    return score


# --- fitting (used by scripts/fit_calibration.py; pure) --------------------------------------------

def isotonic(points: list[tuple[float, bool]], prior: float = 1.0) -> StepMap:
    """Pool-adjacent-violators over (score, right) pairs: the non-decreasing step function of scores that
    best fits the right-or-wrong outcomes. Each block's rate is smoothed toward one half by ``prior``
    pseudo-fields either way ((right + prior) / (n + 2 prior)), so a block of 200 right values claims
    0.995, not certainty."""
    pts = sorted(points)
    blocks: list[list[float]] = []  # [x_start, right, n]
    for x, ok in pts:
        blocks.append([x, float(ok), 1.0])
        while len(blocks) > 1 and blocks[-2][1] / blocks[-2][2] >= blocks[-1][1] / blocks[-1][2]:
            x0, r0, n0 = blocks[-2]
            _, r1, n1 = blocks.pop()
            blocks[-1] = [x0, r0 + r1, n0 + n1]
    if not blocks:
        return StepMap((0.0,), (0.5,), 0)
    xs = tuple([0.0] + [b[0] for b in blocks[1:]])
    ys, best = [], 0.0
    for _, r, n in blocks:
        best = max(best, (r + prior) / (n + 2 * prior))
        ys.append(round(best, 4))
    return StepMap(xs, tuple(ys), len(pts))


def reliability(pairs: list[tuple[float, bool]], edges: tuple[float, ...] = (0, 0.5, 0.8, 0.9, 0.95, 0.99, 0.995, 1.0001)
                ) -> list[dict]:
    """Predicted vs observed: for each bin of calibrated confidence, the mean predicted and the share right."""
    out = []
    for lo, hi in zip(edges, edges[1:]):
        inside = [(p, ok) for p, ok in pairs if lo <= p < hi]
        if inside:
            out.append({"from": lo, "to": min(hi, 1.0), "n": len(inside),
                        "predicted": round(sum(p for p, _ in inside) / len(inside), 4),
                        "observed": round(sum(ok for _, ok in inside) / len(inside), 4)})
    return out
