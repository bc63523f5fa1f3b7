"""Field confidence as a probability of being right, calibrated on held-out generated forms.

Extraction scores each field from its evidence (OCR word confidences, how well
its label was read, how cleanly the value parsed, the repairs made and the
cross-checks passed or failed): a score that orders fields well but is no
probability. Tesseract's word confidence in particular says little about a
short token: a clean two-digit number can come back at 0.11.

``calibrate`` maps that score to the observed rate of right values for fields
of the same *group* — the field's kind (short closed lists — sex, ethnicity,
enums — pooled), and whether the value parsed cleanly with no repair
(``clean``) or not (``repaired``) — by histogram binning made monotone
(pool-adjacent-violators over score bins, each bin shrunk toward its own score
so that a range the data hardly covers is not promised the group's rate; a
group with too few fields uses its kind's map, then the map of all fields). One threshold on
that calibrated probability, ``confident_from``, is then chosen on the pooled
fields of all groups, each calibrated by a map fitted on the *other* half of
the data (two-fold cross-fitting, so the threshold is not chosen on the very
fields its maps were fitted to): the lowest probability from which the fields
were right at least 99.5 % of the time, counting one wrong field more than
seen. A field at or above it is *confident* and reported at no less than
``CONFIDENT`` (0.995); below it, under. Both are fitted by
``scripts/fit_calibration.py`` on generated forms of the seen wordings and
stored in ``schemas/data/calibration.json``; nothing is fitted or downloaded
at run time. docs/extraction.md gives the method and the reliability on forms
the fit never saw.
"""

from __future__ import annotations

import bisect
import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

CALIBRATION_FILE = Path(__file__).with_name("data") / "calibration.json"
CONFIDENT = 0.995  # a calibrated confidence at or above this is "confident": right ≥ 99.5 % of the time
MIN_GROUP = 60  # fields a group needs to get a map of its own; fewer fall back to the kind, then to all
# … and a group split by how its record was cut from the page: register entries are a few dozen fields of the fit
# forms, too few to say more than the group without the layout (a bundled register page went to review on one)
MIN_LAYOUT_GROUP = 200


@dataclass(frozen=True)
class StepMap:
    """A non-decreasing step function: ``y[i]`` for scores from ``x[i]`` up to the next ``x``."""
    x: tuple[float, ...]
    y: tuple[float, ...]
    n: int

    def __call__(self, score: float) -> float:
        return self.y[max(0, bisect.bisect_right(self.x, score) - 1)]


@dataclass(frozen=True)
class Calibration:
    maps: dict[str, StepMap]
    confident_from: float | None  # calibrated probability from which a field is confident (None: never)
    # evidence classes (``CERTIFICATES``) whose fields were right often enough on held-out forms that the lower
    # bound of their share right clears ``CONFIDENT``: such a field is confident whatever its reading's map says
    certified: frozenset[str] = frozenset()

    def probability(self, group: str, score: float) -> float:
        """The share of right values among fields of this group with this score (the most specific level of the
        group with enough fields: see ``group_levels``)."""
        for g in group_levels(group):
            m = self.maps.get(g)
            if m is not None and m.n >= min_fields(g):
                return m(score)
        return score

    def for_group(self, group: str, score: float) -> float:
        """The calibrated confidence: the probability, at least ``CONFIDENT`` from the threshold up. A field
        placed with no label evidence of its own (``UNLABELLED``) is never confident until a fit has seen
        enough such fields to give its reading a map of its own."""
        how = (group.split(":") + ["-"] * 4)[2]
        fitted = how not in UNLABELLED or any(
            (m := self.maps.get(g)) is not None and m.n >= MIN_GROUP for g in group_levels(group))
        p = self.probability(group, score)
        if fitted and certificate_of(group) in self.certified:
            return max(p, CONFIDENT)
        return thresholded(p, self.confident_from, fitted)

    def __call__(self, kind: str, clean: bool, score: float, how: str = "", agree: str = "", wording: str = "",
                 layout: str = "", value: str = "", confirmed: bool = False) -> float:
        return self.for_group(group_of(kind, clean, how, agree, wording, layout, value, confirmed), score)


def thresholded(p: float, confident_from: float | None, fitted: bool) -> float:
    """A calibrated probability on the review scale: at or above ``CONFIDENT`` exactly when the fit's threshold
    is reached, and never for a reading the fit did not see enough of (``fitted`` false)."""
    if fitted and confident_from is not None and p >= confident_from:
        return max(p, CONFIDENT)
    return min(p, CONFIDENT - 0.001)


# kinds whose values come from a short closed list: an exact reading is strong evidence whatever OCR's
# confidence in the word, so they are calibrated together ("Nữ" read at 0.59 is still "Nữ")
CLOSED_KINDS = frozenset({"sex", "ethnicity", "enum"})
# how a field's label was read, from most to least direct: one of the type's wordings word for word, one of them
# fuzzily, from the meaning of its words (role × attribute), from what its value is (a sex, an ethnic group, a
# country, an ID number), by the label classifier, from its place after the field before it (a register
# entry whose label OCR lost), or by the record-wide decoding of the pairs no label rule placed (``assigned``:
# schemas/assign.py — its value, its place among the fields read, its known label words)
RESOLUTIONS = ("exact", "fuzzy", "meaning", "value", "model", "position", "assigned")
# readings with no label evidence of their own: calibrated only by maps fitted on such fields, never by the maps
# of their kind (which are mostly fields whose label named them)
UNLABELLED = frozenset({"assigned"})


# Tesseract's confidence in a short token says little: its language model has no word to weigh one or two digits
# against, and a clean "27" can come back at 0.11 (with the label word before it, read right, at 0.11 too). When
# such a value is one token whose every character is what its field's shape expects — a number of up to four
# digits, a document number such as "125/QĐ" or "457/GBT-UB", the sex — the shape is the evidence: the OCR term
# of the score is no lower than what Tesseract gives such a token on clean print (0.96, the median over 342 short
# numbers of the generated forms; p10 0.95). How often those fields are then right is the calibration's to say.
SHAPE_OCR = 0.96
_NUMBER_SHAPE = re.compile(r"\d{1,4}|\d{1,5}/[A-ZĐ]{1,6}(?:-[A-ZĐ]{1,6})*")


# A certificate's series and number ("QK/30718", "T/4402": capitals, a slash, digits) is read by Tesseract at
# 0.8-0.93 on clean print, not at the 0.96 it gives words: of 92 such values of number fields on the seen and dev
# forms of seeds 7, 11, 13 and the fit forms (seeds 101, 103), 86 came back at 0.8-0.93 and one at 0.93 or more, and
# the 90 read at 0.5 or more were all right. Its word confidence so ranks a clean code under words it is no surer
# of (the code held while the words around it pass). From even odds up its OCR term is what clean print gives a
# word (``SHAPE_OCR``); under them the doubt is a misread digit (one of the two such codes read under 0.5 had one)
# and stands. How often such fields are then right is the calibration's to say. (Letters and digits with no slash
# between are left as read: there the separator is what OCR loses, "KL.1904" read "KL1904".)
_SERIES_SHAPE = re.compile(r"[A-ZĐ]{1,4}/\d{3,6}")
SERIES_MIN_OCR = 0.5


def series_vouches(kind: str, raw: str, quality: float, ocr: float) -> bool:
    """The value is one token of a certificate's series and number, parsed with no repair, read at even odds or
    more."""
    text = raw.strip(" .,;:")
    return kind == "number" and quality >= 1 and ocr >= SERIES_MIN_OCR and bool(_SERIES_SHAPE.fullmatch(text))


def shape_vouches(kind: str, raw: str, quality: float) -> bool:
    """The value is one short token of exactly its field's shape, parsed with no repair."""
    text = raw.strip(" .,;:")
    if quality < 1 or not text or " " in text:
        return False
    if kind == "number":
        return bool(_NUMBER_SHAPE.fullmatch(text))
    return kind == "sex"


def resolution(label, label_score: float, notes: list[str] = ()) -> str:
    """How the label of a field was read (one of ``RESOLUTIONS``)."""
    if getattr(label, "source", ""):
        return label.source
    if label.by_meaning:
        return "meaning"
    if any(n.startswith("label not read") for n in notes):
        return "position"
    return "exact" if label_score >= 0.999 else "fuzzy"


def group_of(kind: str, clean: bool, how: str = "", agree: str = "", wording: str = "", layout: str = "",
             value: str = "", confirmed: bool = False) -> str:
    """The calibration group of a field: ``family:state:how:agree:wording:layout:value`` — its kind (``closed`` for the short
    closed lists), whether it parsed cleanly with no repair, how its label was read, whether the label
    classifier picks the same field (``agree``/``differ``; ``-`` with no classifier), how familiar the record's
    wording is (``known``: every label one of the type's wordings, none left unmapped, no required field
    missing; ``partly``: nothing unplaced, but some label read only from its meaning, its value or the
    classifier; ``strange``: a label unmapped or a required field missing — on an unfamiliar form even a label
    read word for word may have swallowed the words of one nobody listed), and how its record was cut from the page (``document``; ``entry`` of a register; ``row`` of a
    table, whose values end where a column does — a value cut at a column edge it should have crossed reads as
    cleanly as a whole one), and what the value's own content says (``agrees``: the gazetteer, the family names
    and name syllables or a closed list vouch for the whole value; ``disagrees``: they say it cannot be whole;
    ``-``: nothing either way; ``schemas/value_evidence.py``); and, only for a value a second reading of the record
    agrees with (``confirmed``: schemas/checks.py), an eighth part ``confirmed`` (``certificate_of``)."""
    family = "closed" if kind in CLOSED_KINDS else kind
    return (f"{family}:{'clean' if clean else 'repaired'}:{how or '-'}:{agree or '-'}:{wording or '-'}"
            f":{layout or '-'}:{value or '-'}" + (f":{CONFIRMED}" if confirmed else ""))


# A value that a second, independent reading of its record agrees with — a personal ID whose birth year and sex
# digit are the record's date of birth and sex, a date in digits that is its date in words — is evidence of its own,
# apart from how its words and label were read: a misread digit would have to be misread into the other reading's
# value. Such fields are not mapped apart (they are few, and their raw score already carries the agreement); the
# class as a whole is certified when its share right on held-out forms has a lower bound over ``CONFIDENT``
# (``certify``), and its fields are then confident.
CONFIRMED = "confirmed"
CERTIFICATES = (CONFIRMED,)


def certificate_of(group: str) -> str:
    """The evidence class (one of ``CERTIFICATES``) a field of this group belongs to, or ``""``."""
    parts = group.split(":")
    return parts[7] if len(parts) > 7 and parts[7] in CERTIFICATES else ""


def group_levels(group: str) -> list[str]:
    """The maps a field of this group may be calibrated by, most specific first: how its label was read, whether
    the classifier agrees and whether the record's wording is familiar, over all kinds (what decides most on a
    wording the extractor has never seen), then without the wording; its kind and state; its kind; all fields.
    Maps per kind as well were tried: on held-back seen forms they left a third fewer right fields confident
    for no fewer confident wrong ones (too few fields a map). A group written before labels were told apart
    (``family:state``) starts at its kind and state."""
    family, state, how, agree, wording, layout, value = (group.split(":") + ["-"] * 6)[:7]
    if how == "-":
        return [f"{family}:{state}", family, "all"]
    out = [f"how:{how}:{agree}:{wording}", f"how:{how}:{agree}"]
    if how not in UNLABELLED:  # a field placed without a label is calibrated only by maps of such fields
        out += [f"{family}:{state}", family, "all"]
    if LAYOUT_LEVEL and layout != "-":
        out.insert(0, f"how:{how}:{agree}:{wording}:{layout}")
    if VALUE_LEVEL and len(group.split(":")) >= 7:  # (a group written before values were weighed has no such part)
        # what the value's content says splits every reading: a cut value and a whole one read the same way
        # differ in it, and a reading the lists vouch for is right more often than its reading's rate
        out.insert(0, f"value:{value}:{how}:{agree}:{wording}")
        if LAYOUT_LEVEL and layout not in ("-", "document"):
            out.insert(0, f"value:{value}:{how}:{agree}:{wording}:{layout}")
    return out


def min_fields(level: str) -> int:
    """Fields a map of this level needs to be used: more for a level split by the record's layout."""
    parts = level.split(":")
    return MIN_LAYOUT_GROUP if parts[-1] in LAYOUTS and len(parts) >= 5 else MIN_GROUP


LAYOUT_LEVEL = True  # calibrate by how the record was cut from the page too (a register entry, a table row)
VALUE_LEVEL = True  # calibrate by what the value's content says too (schemas/value_evidence.py)
LAYOUTS = ("document", "entry", "row")


# --- a logistic calibration over evidence that transfers to unfamiliar paper ---------------------------------
# The group maps above learn one rate per combination of evidence: on forms nobody listed, most fields fall in
# combinations the seen forms hardly fill (a label read from its meaning on a "strange" form, a table row), and
# get the rate of a coarser level. A logistic model weighs each piece of evidence once and adds them up, so a
# combination rare in the fit still gets what each of its parts says: the raw score (on the logit scale, its
# slope per way of reading a label and per familiarity of the wording), how the label was read, the kind of value
# and whether it parsed with no repair, how familiar the record's wording is, how the record was cut from the
# page. Nothing in it names a template or a wording. Fitted by scripts/fit_calibration.py --model logistic
# (scikit-learn) on the seen and dev splits; applied here in plain Python from the stored weights.

def _logit(score: float) -> float:
    s = min(max(score, 1e-4), 1 - 1e-4)
    return math.log(s / (1 - s))


def evidence(group: str, score: float) -> dict[str, float]:
    """The features of a field for the logistic calibration, from its group and raw score."""
    family, state, how, agree, wording, layout, value = (group.split(":") + ["-"] * 6)[:7]
    z = _logit(score)
    return {"logit": z, f"family={family}": 1.0, f"state={state}": 1.0, f"how={how}": 1.0,
            f"wording={wording}": 1.0, f"layout={layout}": 1.0, f"how*wording={how}:{wording}": 1.0,
            f"logit*how={how}": z, f"logit*wording={wording}": z, f"logit*state={state}": z,
            f"value={value}": 1.0, f"logit*value={value}": z}


@dataclass(frozen=True)
class LogisticCalibration:
    """P(right) = sigmoid(intercept + sum of weight × feature) over ``evidence``; ``confident_from`` as for the
    group maps; ``counts`` the fit's fields per way of reading a label (a reading the fit hardly saw — fewer
    than ``MIN_GROUP`` — is never confident)."""
    weights: dict[str, float]
    intercept: float
    confident_from: float | None
    counts: dict[str, int]

    def probability(self, group: str, score: float) -> float:
        t = self.intercept + sum(self.weights.get(k, 0.0) * v for k, v in evidence(group, score).items())
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, t))))

    def for_group(self, group: str, score: float) -> float:
        how = (group.split(":") + ["-"] * 4)[2]
        return thresholded(self.probability(group, score), self.confident_from, self.counts.get(how, 0) >= MIN_GROUP)

    __call__ = Calibration.__call__


_calibration_file = [CALIBRATION_FILE]


def use_calibration(path: Path | None = None) -> None:
    """Calibrate with the maps of another file (a fit being compared); None: the stored one again."""
    _calibration_file[0] = path or CALIBRATION_FILE
    calibration.cache_clear()


@lru_cache(maxsize=1)
def calibration() -> Calibration | LogisticCalibration | None:
    """The calibration in use: the stored file's, or the one ``use_calibration`` named."""
    return read_calibration(_calibration_file[0])


def read_calibration(path: Path) -> Calibration | LogisticCalibration | None:
    """The calibration a file holds (None: there is no such file), without making it the one in use."""
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("model") == "logistic":
        return LogisticCalibration(data["weights"], data["intercept"], data.get("confident_from"), data["counts"])
    certified = frozenset(c for c, e in (data.get("certified") or {}).items()
                          if c in CERTIFICATES and e.get("lower_bound", 0.0) >= CONFIDENT)
    return Calibration({g: StepMap(tuple(m["x"]), tuple(m["y"]), m["n"]) for g, m in data["groups"].items()},
                       data.get("confident_from"), certified)


def calibrate(kind: str, clean: bool, score: float, cal: Calibration | LogisticCalibration | None = None, how: str = "",
              agree: str = "", wording: str = "", layout: str = "", value: str = "", confirmed: bool = False) -> float:
    """The probability that a field of this kind, with this score, its label read this way, is right, at least
    ``CONFIDENT`` when the field is confident (the score itself when no calibration is stored)."""
    cal = calibration() if cal is None else cal
    return score if cal is None else cal(kind, clean, score, how, agree, wording, layout, value, confirmed)


# --- fitting (used by scripts/fit_calibration.py; pure) --------------------------------------------

def confident_from(points: list[tuple[float, bool]], target: float = CONFIDENT) -> float | None:
    """The lowest value v such that the fields at v or more were right at least ``target`` of the time,
    counting one wrong field more than seen (None when no value qualifies): a group of 150 fields all right
    does not yet back 99.5 %."""
    pts = sorted(points, key=lambda p: -p[0])
    right = n = 0
    best = None
    for k, (score, ok) in enumerate(pts):
        right += ok
        n += 1
        if k + 1 < len(pts) and pts[k + 1][0] == score:
            continue  # a threshold falls between values, never inside a tie
        if right / (n + 1) >= target:
            best = score
    return best


BOUND_LEVEL = 0.95  # one-sided confidence of the lower bound a certified class's share right must clear


def lower_bound(right: int, n: int, level: float = BOUND_LEVEL) -> float:
    """The one-sided Clopper–Pearson lower bound of a share right: the least rate at which ``right`` or more of
    ``n`` fields would be right with probability ``1 - level`` (0 with no field). Scipy, at fit time only."""
    from scipy.stats import beta

    if n == 0 or right == 0:
        return 0.0
    return float(beta.ppf(1 - level, right, n - right + 1))


def certify(points: list[tuple[str, float, bool]], level: float = BOUND_LEVEL) -> dict[str, dict]:
    """Per evidence class (``CERTIFICATES``): its fields, how many were right, and the lower bound of its share
    right; a class is certified when the bound is at least ``CONFIDENT`` (``calibration`` reads it so)."""
    out = {}
    for name in CERTIFICATES:
        oks = [ok for g, _, ok in points if certificate_of(g) == name]
        out[name] = {"n": len(oks), "right": sum(oks), "level": level,
                     "lower_bound": math.floor(lower_bound(sum(oks), len(oks), level) * 1e5) / 1e5}  # (never rounded up)
    return out


SCORE_EDGES = (0.0, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.93, 0.96, 0.98)
PRIOR_WEIGHT = 5.0  # pseudo-fields per bin at the score itself: a bin with little data stays near its score


def isotonic(points: list[tuple[float, bool]], edges: tuple[float, ...] = SCORE_EDGES,
             prior: float = PRIOR_WEIGHT) -> StepMap:
    """Histogram binning made monotone: the share of right values per score bin, each bin shrunk toward its
    own mid score by ``prior`` pseudo-fields (so a score range the data hardly covers — low scores of a
    group that is nearly always right — is not promised the group's rate), then pool-adjacent-violators
    over the bins, weighted by their fields, into a non-decreasing step function."""
    bins = []
    for k, lo in enumerate(edges):
        hi = edges[k + 1] if k + 1 < len(edges) else 1.0
        inside = [ok for score, ok in points if lo <= score < hi or (k + 1 == len(edges) and score >= lo)]
        mid = (lo + hi) / 2
        weight = len(inside) + prior
        bins.append([lo, (sum(inside) + prior * mid) / weight, weight])
    blocks: list[list] = []  # [first bin's lower edge, rate, weight, bins]
    for lo, rate, weight in bins:
        blocks.append([lo, rate, weight, 1])
        while len(blocks) > 1 and blocks[-2][1] >= blocks[-1][1]:
            b = blocks.pop()
            a = blocks[-1]
            a[1], a[2], a[3] = (a[1] * a[2] + b[1] * b[2]) / (a[2] + b[2]), a[2] + b[2], a[3] + b[3]
    xs, ys = [], []
    for b in blocks:
        for j in range(b[3]):
            xs.append(edges[edges.index(b[0]) + j])
            ys.append(round(b[1], 4))
    return StepMap(tuple(xs), tuple(ys), len(points))


def fit_maps(points: list[tuple[str, float, bool]]) -> dict[str, StepMap]:
    """Isotonic maps per group (``kind:clean``), per kind and for all fields, from (group, score, right)."""
    by: dict[str, list[tuple[float, bool]]] = {}
    for group, score, ok in points:
        for g in group_levels(group):
            by.setdefault(g, []).append((score, ok))
    return {g: isotonic(pts) for g, pts in by.items()}


def fit(points: list[tuple[str, float, bool]]) -> Calibration:
    """Maps on all the points; the confidence threshold on two-fold cross-fitted probabilities."""
    halves = (points[0::2], points[1::2])
    crossed: list[tuple[float, bool]] = []
    for a, b in (halves, halves[::-1]):
        probe = Calibration(fit_maps(a), None)
        crossed += [(probe.probability(g, s), ok) for g, s, ok in b]
    return Calibration(fit_maps(points), confident_from(crossed))


def refit_levels(base: Calibration, fitted: Calibration, prefixes: tuple[str, ...]) -> Calibration:
    """``base`` with its maps at the levels named by ``prefixes`` (``how:value:``) taken from ``fitted`` where the
    new fit has enough fields for them (a level the new fit lacks keeps the base's map); the threshold stays the
    base's. A way of reading labels the extractor now uses far more often than when ``base`` was fitted gets
    maps from today's fields, without refitting the levels whose maps still hold (a whole refit of today's
    extractor was too sure of unfamiliar paper: docs/benchmarks.md, part AF)."""
    maps = dict(base.maps)
    for level, m in fitted.maps.items():
        if level.startswith(prefixes) and m.n >= min_fields(level):
            maps[level] = m
    return Calibration(maps, base.confident_from)


def fit_logistic_model(points: list[tuple[str, float, bool]], c: float = 1.0) -> LogisticCalibration:
    """The logistic model's weights on (group, raw score, right) points, no threshold (scikit-learn, at fit time
    only). ``c``: inverse L2 strength; a combination of evidence with few fields keeps weights near the others'."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer(sparse=True)
    x = vec.fit_transform([evidence(g, s) for g, s, _ in points])
    y = [bool(ok) for _, _, ok in points]
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit(x, y)
    weights = {name: round(float(w), 6) for name, w in zip(vec.get_feature_names_out(), model.coef_[0]) if w}
    counts: dict[str, int] = {}
    for g, _, _ in points:
        how = (g.split(":") + ["-"] * 4)[2]
        counts[how] = counts.get(how, 0) + 1
    return LogisticCalibration(weights, round(float(model.intercept_[0]), 6), None, counts)


def fit_logistic(points: list[tuple[str, float, bool]], c: float = 1.0) -> LogisticCalibration:
    """The logistic model on all the points; the confidence threshold on two-fold cross-fitted probabilities (as
    ``fit``: the threshold is not chosen on the fields its weights were fitted to)."""
    halves = (points[0::2], points[1::2])
    crossed: list[tuple[float, bool]] = []
    for a, b in (halves, halves[::-1]):
        probe = fit_logistic_model(a, c)
        crossed += [(probe.probability(g, s), ok) for g, s, ok in b]
    model = fit_logistic_model(points, c)
    return LogisticCalibration(model.weights, model.intercept, confident_from(crossed), model.counts)


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
