"""A trained label classifier: which field a "label: value" pair is, from the label's words, what the value looks
like, the record type and the field read before it.

The rules (``labels``, ``matching``) read a label from the meaning of words they know; this model is a second
opinion learned from examples: a multinomial logistic regression over sparse binary features —

- the label's folded syllables and the character trigrams inside each (so a spelling or a slip shares most
  of its features with the word it stands for), in any order;
- the value's shape: a full date, a year, digits only (and how many), a code of letters and digits, a name
  (a known family name then capitalised words), a place (a level word: xã, huyện, tỉnh …), a sex, one of the
  54 ethnic groups, a country, a time, a measure, a percent, a century; its first word when it is a common
  place or office word; its length;
- the record type, and the field read just before it on the page.

It is trained at build time by ``scripts/train_label_model.py`` on the seen wordings of the generated forms
(never the unseen split) and stored as its weights in ``schemas/data/label_model.json``: nothing is fitted or
downloaded at run time, and predicting is a sparse dot product in plain Python (no numerical library needed).

It is used in two places, both as evidence beside the rules (docs/extraction.md, steps 3 and 10):
``field_for`` gives a field to a "label: value" pair the rules named no field for, when the model is sure and
the value parses as that field; ``agreement`` tells the calibration whether the model picks the field the
rules picked, which says much about how far a field read from an unfamiliar wording can be trusted.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sohoa.text import fold

from .countries import COUNTRY_NAMES

MODEL_FILE = Path(__file__).with_name("data") / "label_model.json"
FIELD_FOR_MIN = 0.9  # probability from which the model alone names the field of a pair the rules left unmapped
_SPLIT = re.compile(r"[\s,;:./()\[\]\-–_…·]+")
LEVEL_WORDS = frozenset({"xa", "huyen", "tinh", "phuong", "thi", "quan", "thon", "ap", "ban", "to", "khu", "so",
                         "duong", "pho", "thanh"})
_DIGITS = re.compile(r"\d")


def _syllables(text: str) -> list[str]:
    return [s for s in _SPLIT.split(fold(unicodedata.normalize("NFC", text or ""))) if s]


def label_features(label: str) -> list[str]:
    """Syllables, and character trigrams inside each syllable. No pairs of syllables: the order of the words
    is what an unfamiliar wording changes first ("Năm sinh" / "Sinh năm"), and a pair of words of a known
    wording can be a whole wording the extractor must not be taught."""
    syl = [s for s in _syllables(label) if not s.isdigit()]  # "3. Nơi sinh": the item number says nothing
    out = [f"lw={s}" for s in syl]
    for s in syl:
        padded = f"<{s}>"
        out += [f"lc={padded[i:i + 3]}" for i in range(len(padded) - 2)]
    if not syl:
        out.append("lw=<none>")
    return out


@lru_cache(maxsize=4096)
def value_features(value: str) -> tuple[str, ...]:
    from .normalize import normalise, parse_date
    from .vocab import SURNAMES

    text = unicodedata.normalize("NFC", (value or "").strip(" .,:;-–"))
    if not text:
        return ("vs=empty",)
    out: list[str] = []
    words = text.split()
    folded = fold(text)
    squeezed = text.replace(" ", "")
    digits = len(_DIGITS.findall(text))
    letters = sum(c.isalpha() for c in text)
    out.append(f"vs=words{min(len(words), 6)}")
    if digits and not letters:
        out.append("vs=numeric")
        if squeezed.isdigit():
            out.append(f"vs=digits{min(len(squeezed), 13)}")
        if re.fullmatch(r"\d{4}", squeezed):
            out.append("vs=year")
        if "/" in squeezed or "-" in squeezed or "." in squeezed:
            out.append("vs=separated")
    elif digits and letters:
        out.append("vs=mixed")
        if re.search(r"[A-ZĐ]{2,}", text):
            out.append("vs=code")
    if digits:
        d = parse_date(text)
        if d.iso:
            out.append("vs=date" if len(d.iso) == 10 else "vs=partial_date")
    if re.search(r"\b(gio|phut)\b", folded):
        out.append("vs=time")
    if re.search(r"\d\s*(cm|mm|m|dm)\b", folded):
        out.append("vs=measure")
    if re.search(r"\d\s*(kg|g|gr)\b", folded):
        out.append("vs=weight")
    if "%" in text:
        out.append("vs=percent")
    if "the ky" in folded or "tcn" in folded.split():
        out.append("vs=century")
    if fold(text) in COUNTRY_NAMES:
        out.append("vs=country")
    if len(words) == 1 and normalise("sex", text).ok:
        out.append("vs=sex")
    if letters and not digits and normalise("ethnicity", text).ok and folded.lower() not in ("nam", "nu"):
        out.append("vs=ethnicity")
    if letters and not digits:
        caps = [w for w in words if w[:1].isupper()]
        if len(caps) == len(words):
            out.append("vs=capitalised")
        if text.isupper() and len(text) > 2:
            out.append("vs=upper")
        first = words[0].strip(",.").lower()
        if 2 <= len(words) <= 5 and len(caps) == len(words) and first.title() in SURNAMES:
            out.append("vs=name")
    syl = [s.lower() for s in _syllables(text)]
    if any(s in LEVEL_WORDS for s in syl[:-1]) and "," in text:
        out.append("vs=place")
    elif any(s in LEVEL_WORDS for s in syl[:-1]):
        out.append("vs=level_word")
    if syl and syl[0] in _common_folds() and not out.count("vs=name"):
        out.append(f"vf={syl[0]}")
    return tuple(out)


@lru_cache(maxsize=1)
def _common_folds() -> frozenset[str]:
    from .vocab import COMMON_WORDS
    return frozenset(fold(w).lower() for w in COMMON_WORDS)


def features(record_type: str, label: str, value: str, previous: str | None) -> list[str]:
    """The binary features of one "label: value" pair of a record of ``record_type``, read after ``previous``."""
    out = [f"rt={record_type}", f"pk={previous or '<start>'}"]
    out += label_features(label)
    out += value_features(value)
    return out


@dataclass(frozen=True)
class LabelModel:
    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[tuple[int, float], ...]]  # feature -> (class index, weight) pairs

    def probabilities(self, feats: list[str], allowed: frozenset[str] | set[str] | None = None) -> dict[str, float]:
        """The softmax over the classes (field keys), restricted to ``allowed`` (the record type's fields)."""
        scores = list(self.bias)
        for f in feats:
            for c, w in self.weights.get(f, ()):
                scores[c] += w
        idx = [i for i, k in enumerate(self.classes) if allowed is None or k in allowed]
        if not idx:
            return {}
        top = max(scores[i] for i in idx)
        exp = {self.classes[i]: math.exp(scores[i] - top) for i in idx}
        total = sum(exp.values())
        return {k: v / total for k, v in exp.items()}

    def to_json(self) -> dict:
        return {"classes": list(self.classes), "bias": list(self.bias),
                "weights": {f: [[c, w] for c, w in ws] for f, ws in sorted(self.weights.items())}}

    @classmethod
    def from_json(cls, data: dict) -> "LabelModel":
        return cls(tuple(data["classes"]), tuple(data["bias"]),
                   {f: tuple((int(c), float(w)) for c, w in ws) for f, ws in data["weights"].items()})


_override: list[LabelModel | None] = []  # a model set by ``use`` (fitting the calibration with held-out words)
_enabled = [True]


@lru_cache(maxsize=1)
def _stored() -> LabelModel | None:
    if not MODEL_FILE.exists():
        return None
    return LabelModel.from_json(json.loads(MODEL_FILE.read_text(encoding="utf-8")))


def model() -> LabelModel | None:
    if not _enabled[0]:
        return None
    return _override[-1] if _override else _stored()


def use(m: LabelModel | None = None, enabled: bool = True) -> None:
    """Use this model instead of the stored one (None: the stored one again); ``enabled=False``: none at all
    (rules alone, to compare)."""
    _override.clear()
    if m is not None:
        _override.append(m)
    _enabled[0] = enabled


def field_keys(schema) -> frozenset[str]:
    """The keys the model may name for a record type: its fields that are output."""
    return frozenset(f.key for f in schema.fields if not f.internal)


def predict(schema, label: str, value: str, previous: str | None) -> dict[str, float]:
    m = model()
    if m is None or schema is None:
        return {}
    return m.probabilities(features(schema.record_type, label, value, previous), field_keys(schema))


def field_for(schema, label: str, value: str, previous: str | None, taken=()):
    """The field a pair the rules named no field for is, when the model is sure (≥ ``FIELD_FOR_MIN``), the field is
    not filled yet and the value parses as it; else None."""
    from .normalize import normalise

    probs = predict(schema, label, value, previous)
    if not probs:
        return None
    key, p = max(probs.items(), key=lambda kv: kv[1])
    spec = schema.by_key.get(key)
    if p < FIELD_FOR_MIN or spec is None or key in taken:
        return None
    n = normalise(spec.kind, value, spec.values)
    return spec if n.ok and n.quality >= 1 and _kind_fits(spec.kind, value) else None


WORD_KINDS = frozenset({"name", "place", "text", "sex", "ethnicity", "enum", "dating"})


def _kind_fits(kind: str, value: str) -> bool:
    """A value the open kinds would take whatever it is must still look like one: a value of digits and
    separators alone is no name, place or text, and a full date goes only to a date."""
    shape = value_features(value)
    if "vs=date" in shape:
        return kind == "date"
    return not ("vs=numeric" in shape and kind in WORD_KINDS)


def agreement(schema, key: str, label: str, value: str, previous: str | None) -> str:
    """"agree" when the model's likeliest field is ``key``, "differ" when it is another, "" with no model."""
    probs = predict(schema, label, value, previous)
    if not probs:
        return ""
    best = max(probs.items(), key=lambda kv: kv[1])[0]
    return "agree" if best == key else "differ"
