"""Structured records from OCR'd pages: label-anchored field extraction.

``extract_records(pages, collection)`` is the one entry point. Per page:

1. rows: OCR lines regrouped into visual rows (``layout.build_rows``);
2. the page is classified (``classify``) and its heading row set aside;
3. two-column blocks (a row holding two section markers, e.g. "Thông tin
   người vợ | Thông tin người chồng") are split at the x of the second marker
   and each column is read on its own, under its section;
4. in each row, labels of the record type are found by fuzzy matching over
   windows of tokens (folded, so lost diacritics and OCR slips still match);
   the value of a label is what lies between it and the next label, dotted
   leaders removed; an empty value is taken from the next row, and a value
   that reaches the right margin continues on the next row when that row has
   no label;
5. register pages: ``entry`` pages start a new record whenever a field comes
   round again; ``row`` pages (tables) map each cell to the column header it
   sits under, one record per table row;
6. normalisation, confidence (OCR word confidences × label match quality ×
   how cleanly the value parsed), cross-checks, and review flags.

Pages of one document with the same record type are merged into one record
(a martyr dossier over several pages) unless their names disagree.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rapidfuzz.distance import Levenshtein

from ocr.result import PageText
from sohoa.text import clean_spaces, fold

from .classify import UNCLASSIFIED, Classification, classify_rows
from .labels import is_label_word, marker_section, resolve, role_conflict
from .layout import Row, Tok, build_rows, drop_furniture, union
from .loader import FieldSpec, Label, Schema, label_key, load_schemas
from .segment import PageStart, starts_new_record
from .normalize import (canonical_place, cccd_parts, cut_place_name, missing_place_name, normalise, parse_date,
                        plausible_word, rare_name_syllable, repair_separators, repair_tone_shift, repair_word,
                        syllable_key, vocabulary_neighbours)
from .vocab import COMMON_WORDS, SURNAMES, vocabulary, vocabulary_phrases

_SURNAMES_BY_FOLD: dict[str, list[str]] = {}
for _n in sorted(SURNAMES):
    _SURNAMES_BY_FOLD.setdefault(fold(_n), []).append(_n)

REVIEW_THRESHOLD = 0.6  # a field under this confidence sends its record to review
LABEL_MIN = 0.78  # label similarity needed for labels of 7+ letters
SHORT_LABEL_MIN = 0.8
HEADER_LABEL_MIN = 0.7  # a column title of 7+ letters in a table's header row (the row needs 3 other titles)
TONE_SHIFT_FACTOR = 0.75  # confidence kept by a value whose tone was moved back onto its vowel
ROW_INDEX_LABELS = ("stt", "tt", "sott", "sothutu")  # "STT" column of a register table


# --- label matching ---------------------------------------------------------------------------

@dataclass
class Match:
    start: int  # token index in the row part
    end: int  # exclusive
    spec: FieldSpec
    label: Label
    score: float
    weight: float


def _label_ok(label: Label, window: str, score: float, ends_label: bool, colon: bool = False,
              header: bool = False) -> bool:
    n = len(label.folded)
    if n <= 3:
        if n == 3 and colon and label.contextual and len(window) == 3:
            # a section's own short label with its colon ("GHẢ:" under "Thân nhân" is "Cha:"): one slip
            return Levenshtein.distance(window, label.folded) <= 1
        return window == label.folded and ends_label
    if n <= 6:
        return score >= SHORT_LABEL_MIN and (ends_label or n >= 5 and score == 1.0)
    return score >= (HEADER_LABEL_MIN if header else LABEL_MIN)


def find_labels(toks: list[Tok], schema: Schema, section: str | None,
                extra: list[tuple[FieldSpec, Label]] | None = None, header: bool = False,
                previous: FieldSpec | None = None, heading: str | None = None) -> list[Match]:
    """Non-overlapping label matches in a row, left to right (``header``: a table's header row,
    where column titles carry no colons)."""
    cands: list[Match] = []
    labels = [(f, lb) for f in schema.fields for lb in f.labels] + (extra or [])
    max_len = 9
    for i, t in enumerate(toks):
        if t.leader or not t.key:
            continue
        window = ""
        for j in range(i, min(len(toks), i + max_len)):
            tj = toks[j]
            if tj.leader:
                break
            nxt = toks[j + 1] if j + 1 < len(toks) else None
            height = max(1, tj.bbox[3] - tj.bbox[1])
            strong_end = tj.colon or (nxt is not None and (nxt.leader or nxt.text.startswith(":")))
            if nxt is not None and not strong_end and j + 2 < len(toks) and _speck(nxt) \
                    and toks[j + 2].text[:1].isdigit():
                strong_end = True  # "SỐ ác 162": the colon read as a doubtful short word before a number
            crossed = any(t.colon for t in toks[i:j])  # "HỌ, CHỮ ĐỆM, TÊN: Hoàng" is not "… tên chồng"
            for key, colon_read_as_letter in _colon_variants(tj):
                _match_window(cands, labels, section, window + key, i, j, toks, nxt, height,
                              strong_end or colon_read_as_letter, header, crossed)
            window += _label_word_key(tj)
            if tj.line_end:
                break  # a label may hold a stray colon ("Số: lượng:") but does not cross OCR lines
    chosen = _choose(cands)
    if header:
        return chosen
    # the value of a field written in a vocabulary, word for word ("Nguồn gốc: Hiến tặng :"), is no
    # fuzzy label right after it ("Hiện trạng")
    chosen = [m for k, m in enumerate(chosen)
              if not (k and m.score < 1.0 and chosen[k - 1].end == m.start and chosen[k - 1].spec.vocabulary
                      and _in_vocabulary(" ".join(t.text for t in toks[m.start:m.end]), chosen[k - 1].spec))]
    return refine_labels(toks, chosen, schema, section, previous, heading)


# a "label: value" pair that names no field of the type: listed on the record, its value kept out
UNMAPPED = FieldSpec("_unmapped", "text", labels=())
LABEL_MAX_WORDS = 8  # a label read from its words alone is at most this long


def _strong_end(toks: list[Tok], j: int) -> bool:
    """The word ends a label: a colon, or a dotted leader after it (a lone dash is no leader here)."""
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    return toks[j].colon or (nxt is not None and (nxt.leader and len(nxt.text) >= 2 or nxt.text.startswith(":")))


def _span_text(toks: list[Tok], a: int, b: int) -> str:
    return clean_spaces(" ".join(t.text for t in toks[a:b] if not t.leader)).rstrip(":").strip()


def _has_value(toks: list[Tok], e: int, stop: int) -> bool:
    return any(not t.leader and any(c.isalnum() for c in t.text) for t in toks[e + 1:stop])


def _read_label(toks: list[Tok], a: int, b: int, schema: Schema, section: str | None,
                previous: FieldSpec | None, fallback: Match | None = None, heading: str | None = None) -> list[Match]:
    """Matches for the label words toks[a:b], read from their meaning (labels.resolve): the field(s)
    named, else ``fallback`` stretched over the words when they name nobody else, else unmapped."""
    text = _span_text(toks, a, b)
    r = resolve(text, schema, section, previous, heading)
    n = len(label_key(text))
    if r is not None:
        return [Match(a, b, spec, Label(text, label_key(text), relation=r.relation), r.score, r.score * min(n, 30))
                for spec in r.specs]
    if fallback is not None and not role_conflict(text, fallback.spec, schema):
        return [Match(a, b, fallback.spec, fallback.label, fallback.score, fallback.weight)]
    return [Match(a, b, UNMAPPED, Label(text, label_key(text)), 0.0, 0.0)]


def refine_labels(toks: list[Tok], chosen: list[Match], schema: Schema, section: str | None,
                  previous: FieldSpec | None = None, heading: str | None = None) -> list[Match]:
    """Labels of a row, read for their meaning as well as matched against the type's wordings:

    - a matched label that runs on to a colon over more label words ("Tình trạng hiện vật:", "Họ và tên
      người quá cố:") takes those words too, and is re-read whole: the rest never stays in the value;
    - a label that names another person than its field ("… tên người đã mất" fuzzily like "… tên người
      đi khai tử") is re-read from its meaning;
    - words ending with a colon that no wording matched are read from their meaning (role × attribute):
      a field, or an unmapped pair listed on the record."""
    out: list[Match] = []
    for k, m in enumerate(chosen):
        stop = next((o.start for o in chosen[k + 1:] if o.start >= m.end), len(toks))
        prev = out[-1].spec if out and out[-1].spec is not UNMAPPED else previous
        if m.spec is UNMAPPED:
            out.append(m)
            continue
        if not _strong_end(toks, m.end - 1):
            for e in range(m.end, min(m.end + 6, stop)):
                if toks[e].leader or not is_label_word(toks[e].text):
                    break
                if _strong_end(toks, e):
                    if out and out[-1].start == m.start:
                        break  # a label sharing its words with the one before was stretched with it
                    m2 = _read_label(toks, m.start, e + 1, schema, section, prev, m, heading)
                    out.extend(m2)
                    m = None
                    break
            if m is None:
                continue
        if m.label.after is None and role_conflict(_span_text(toks, m.start, m.end), m.spec, schema):
            out.extend(_read_label(toks, m.start, m.end, schema, section, prev, heading=heading))
            continue
        out.append(m)
    taken = {i for m in out for i in range(m.start, m.end)}
    extra: list[Match] = []
    for e, t in enumerate(toks):
        if e in taken or t.leader or not _strong_end(toks, e) or not any(c.isalpha() for c in t.text):
            continue
        before = [m for m in out + extra if m.end <= e]
        lo = max((m.end for m in before), default=0)
        s = e
        while s > lo and e - s < LABEL_MAX_WORDS - 1 and not toks[s - 1].leader and not toks[s - 1].colon \
                and is_label_word(toks[s - 1].text):
            s -= 1
        if s > lo and not before and all(not t2.leader and not t2.colon for t2 in toks[lo:s]) \
                and e - lo < LABEL_MAX_WORDS:
            s = lo  # at the start of the row every word before the colon is the label
        if before and not is_label_word(toks[e].text):
            continue  # words after another label are its value unless they read as label words
        stop = min((m.start for m in out if m.start > e), default=len(toks))
        if not _has_value(toks, e, stop):
            continue  # a title ("Thân nhân:") or a label whose value is on the next row: left as it was
        prev = max(before, key=lambda m: m.end).spec if before else previous
        got = _read_label(toks, s, e + 1, schema, section, prev if prev is not UNMAPPED else None,
                          heading=heading)
        extra.extend(got)
        taken.update(range(s, e + 1))
    if extra:
        out = sorted(out + extra, key=lambda m: (m.start, m.spec.key))
    return out


def _in_vocabulary(text: str, spec: FieldSpec) -> bool:
    words = [w.strip(",.;:").lower() for w in unicodedata.normalize("NFC", text).split()]
    return " ".join(words) in _phrases(spec.vocabulary) or (
        len(words) == 1 and words[0] in vocabulary(spec.vocabulary))


@lru_cache(maxsize=4096)
def _repaired_key(text: str) -> str | None:
    fixed = repair_tone_shift(text.rstrip(":"))
    return label_key(fixed) if fixed else None


def _label_word_key(t: Tok) -> str:
    """The word's folded key for label matching, with a tone OCR slid onto the next letter put back
    first ("Nguôà gôé:" is "Nguồn gốc:", not "nguoa goe")."""
    return _repaired_key(t.text) or t.key


def _colon_variants(t: Tok) -> list[tuple[str, bool]]:
    """The token's key, plus the key without a last letter that is likely a misread colon ("Sôí" = "Số:")."""
    out = [(t.key, False)]
    if len(t.key) >= 2 and t.text[-1:] in "íìï£¡ỉƒ" and not t.colon:
        out.append((t.key[:-1], True))
    if (key := _label_word_key(t)) != t.key:
        out.append((key, False))
    return out


def _match_window(cands: list, labels, section, window: str, i: int, j: int, toks: list[Tok], nxt, height: float,
                  strong_end: bool, header: bool, crossed_colon: bool = False) -> None:
    """Label candidates for the words toks[i..j], folded into ``window``."""
    tj = toks[j]
    # a wide gap, the end of the OCR line or of the row end a label too, but say less
    ends_label = (header or strong_end or tj.line_end or nxt is None
                  or nxt.bbox[0] - tj.bbox[2] > 1.5 * height)
    for spec, lb in labels:
        if lb.contextual and spec.section != section:
            continue
        if abs(len(window) - len(lb.folded)) > max(2, len(lb.folded) // 4):
            continue
        score = Levenshtein.normalized_similarity(window, lb.folded)
        if crossed_colon and score < 0.95:
            continue  # a stray colon inside a label is allowed only when the rest matches exactly
        if not _label_ok(lb, window, score, ends_label or lb.after is not None, tj.colon and j == i, header):
            continue
        if not (strong_end or header) and lb.after is None:
            # value words that merely look like a label ("Nguyễn Văn" ~ "Nguyên quán", "… liệt sĩ …"):
            # without a colon or leader, a label needs a near-exact match, and inside a row a gap too
            if i > 0 and (score < 0.9 or not ends_label):
                continue
            digit_next = nxt is not None and any(c.isdigit() for c in nxt.text)
            if i == 0 and score < 0.9 and not (ends_label or digit_next):
                continue
        weight = score * min(len(lb.folded), 30) + (1.5 if ends_label else 0)
        if lb.contextual:
            weight += 2  # in-section generic label beats the same words at top level
        cands.append(Match(i, j + 1, spec, lb, score, weight))


def _choose(cands: list[Match]) -> list[Match]:
    cands.sort(key=lambda m: -m.weight)
    chosen: list[Match] = []
    taken: set[int] = set()
    for m in cands:
        span = set(range(m.start, m.end))
        if span & taken:
            # the same words may label several fields ("Đã chết vào lúc" -> time and date)
            same = [c for c in chosen if c.start == m.start and c.end == m.end and c.label.folded == m.label.folded]
            if same and m.spec.key != same[0].spec.key and m.weight >= same[0].weight - 1e-6:
                chosen.append(m)
            continue
        chosen.append(m)
        taken |= span
    chosen.sort(key=lambda m: (m.start, m.spec.key))
    # labels only valid right after another field's label ("Giấy báo tử số … do … cấp ngày …")
    out: list[Match] = []
    for m in chosen:
        if m.label.after:
            prev = [o.spec.key for o in out if o.start < m.start]
            if not prev or prev[-1] != m.label.after:
                continue
        out.append(m)
    return out


def find_marker(toks: list[Tok], schema: Schema) -> str | None:
    """Section named at the start of a row ("Thông tin người vợ", "Người mẹ:")."""
    best, best_score = None, 0.0
    words = [t for t in toks if not t.leader and t.key]
    for name, sec in schema.sections.items():
        for mk in sec.markers:
            window = ""
            for t in words[:6]:
                window += t.key
                score = Levenshtein.normalized_similarity(window, mk.folded)
                need = 1.0 if len(mk.folded) <= 5 else 0.82
                if score >= need and score + len(mk.folded) / 100 > best_score:
                    best, best_score = name, score + len(mk.folded) / 100
    if best is None and 0 < len(words) <= 6:
        # no marker wording matched: a row that names a person and nothing else opens that person's block
        best = marker_section(" ".join(t.text for t in words), schema)
    return best


# --- fields -----------------------------------------------------------------------------------

@dataclass
class Found:
    spec: FieldSpec
    toks: list[Tok]
    label: Label
    label_score: float
    page: int
    raw: str = ""
    value: Any = None
    confidence: float = 0.0
    notes: list[str] = field(default_factory=list)
    relation: str | None = None

    def finish(self) -> "Found":
        words = [t for t in self.toks if not t.leader]
        self.raw = clean_spaces(" ".join(t.text for t in self.toks))
        n = normalise(self.spec.kind, self.raw, self.spec.values)
        self.value = n.value
        self.notes = list(n.notes)
        confs = [t.confidence for t in words]
        # one doubtful word spoils a value: weigh the weakest word as much as the mean, and never trust
        # the value much more than that word ("Kho I, giá 14" with "I," at 0.39 among words at 0.96)
        ocr = min((sum(confs) / len(confs) + min(confs)) / 2, min(confs) + 0.15) if confs else 0.0
        self.confidence = ocr * (0.6 + 0.4 * self.label_score) * n.quality
        if self.spec.kind in ("name", "place", "text") and isinstance(self.value, str):
            words = self.value.split(" ")
            vocab = vocabulary(self.spec.vocabulary) if self.spec.vocabulary else None
            shifted = [repair_tone_shift(w, names=self.spec.kind == "name", vocab=vocab) for w in words]
            if any(shifted):
                # nearly always right when exactly one known word fits, but still a guess at what OCR saw
                self.value = " ".join(r or w for r, w in zip(shifted, words))
                self.confidence *= TONE_SHIFT_FACTOR
                self.notes.append("tone read on the next letter: " + ", ".join(
                    f"{w} -> {r}" for r, w in zip(shifted, words) if r))
        if self.spec.kind == "name" and self.value and not self.spec.key.endswith("alias"):
            first, *rest = str(self.value).split()
            plain = fold(str(self.value)) == str(self.value).lower()  # the whole name typed without marks
            same_fold = _SURNAMES_BY_FOLD.get(fold(first), [])
            if first not in SURNAMES and not (plain and same_fold):
                if len(same_fold) == 1:  # "Đỉnh" / "Nguyêñ": the marks of a family name misread
                    self.value = " ".join([same_fold[0], *rest])
                    self.confidence *= 0.85
                    self.notes.append(f"family name {first!r} read as {same_fold[0]!r}")
                else:
                    self.confidence *= 0.6
                    self.notes.append(f"{first!r} is not a known family name")
        if self.spec.kind in ("place", "text") and isinstance(self.value, str):
            self.value, changes = repair_separators(self.value, place=self.spec.kind == "place")
            if changes:
                self.confidence *= 0.9
                self.notes.append("punctuation repaired: " + "; ".join(changes))
            if self.spec.kind == "place" and (level := missing_place_name(self.value)):
                self.confidence *= 0.5
                self.notes.append(f"no name after {level!r}: words were lost")
            words = self.value.split(" ")
            repaired = [repair_word(w, vocabulary(self.spec.vocabulary) if self.spec.vocabulary else None)
                        for w in words]
            if any(repaired):
                self.value = " ".join(r or w for r, w in zip(repaired, words))
                self.confidence *= 0.85
                self.notes.append("OCR slips corrected: " + ", ".join(f"{w} -> {r}" for r, w in zip(repaired, words) if r))
            self.value, changes = canonical_place(self.value, _phrases(self.spec.vocabulary))
            if changes:
                self.confidence *= 0.9
                self.notes.append("marks restored: " + ", ".join(changes))
            if self.spec.kind == "place" and (cut := cut_place_name(self.value)):
                self.confidence *= 0.5
                self.notes.append(f"{cut!r} is only the start of a name: words were lost")
        if self.spec.vocabulary and isinstance(self.value, str):
            self._check_vocabulary()
        if self.spec.kind in ("name", "place", "text") and self.value is not None:
            bad = [w for w in str(self.value).split() if not plausible_word(w)]
            if bad:
                self.confidence *= 0.6
                self.notes.append(f"not Vietnamese syllables: {' '.join(bad)}")
            elif self.spec.kind in ("name", "place"):
                self._check_name_syllables()
        if not n.ok and n.quality > 0:  # lunar year or dating kept raw: usable, but a person must look
            self.confidence = min(self.confidence, ocr * 0.9)
        return self

    def _check_vocabulary(self) -> None:
        """A value written in a known vocabulary (a museum object's name, material, condition): a word
        outside it that differs from one of its words only in the marks is read as that word when the
        field says so (``vocabulary_repair``) and exactly one fits ("Đông" -> "Đồng", "Vài" -> "Vải" in a
        material: materials are a short closed list, object names are not); a
        known word capitalised inside a phrase is lower-cased ("men Lam", "Miệng Loe,"); in a closed
        vocabulary any other word (or number) is doubtful. Capitalised words inside the value are proper
        names ("gốm Chu Đậu") and left alone."""
        vocab = vocabulary(self.spec.vocabulary)
        keys = _vocab_keys(self.spec.vocabulary)
        words = str(self.value).split(" ")
        swapped, lowered, unknown = [], [], []
        for i, w in enumerate(words):
            core = w.strip(",.;:!?()\"'-–")
            if not core:
                continue
            prev = words[i - 1] if i else ""
            inside = i > 0 and not prev.endswith((".", ":", ";", "!", "?"))
            if not core.isalpha():
                if self.spec.vocabulary_closed and any(c.isalnum() for c in core):
                    unknown.append(core)
                continue
            low = core.lower()
            if syllable_key(low) in keys:
                nxt = words[i + 1] if i + 1 < len(words) else ""
                if inside and core[:1].isupper() and core[1:] == core[1:].lower() and len(core) > 1 \
                        and (i == 1 or prev[:1].islower()) and not nxt[:1].isupper():
                    words[i] = w.replace(core, low)
                    lowered.append(core)
                continue
            if inside and core[:1].isupper():
                continue
            if not self.spec.vocabulary_closed:
                continue
            alts = vocabulary_neighbours(core, vocab) if self.spec.vocabulary_repair else []
            if len(alts) == 1:
                fixed = alts[0][:1].upper() + alts[0][1:] if core[:1].isupper() else alts[0]
                words[i] = w.replace(core, fixed)
                swapped.append(f"{core} -> {fixed}")
            else:
                unknown.append(core)
        self.value = " ".join(words)
        if lowered:
            self.confidence *= 0.9
            self.notes.append("capital read inside a phrase: " + ", ".join(lowered))
        if swapped:
            self.confidence *= TONE_SHIFT_FACTOR
            self.notes.append("marks read as the one known word: " + ", ".join(swapped))
        if unknown:
            self.confidence *= 0.6
            self.notes.append("not known words here: " + " ".join(unknown))

    def _check_name_syllables(self) -> None:
        """A word of a person's name, or of the proper part of a place name, that is no common name
        syllable but differs from one only in its marks ("Đúc" / "Đức", "Tân Chỉ" / "Tân Chi") is more
        often OCR misreading the marks than a rare name: the value goes to review."""
        words = str(self.value).split(" ")
        if self.spec.kind == "name":
            if fold(str(self.value)) == str(self.value).lower():
                return  # typed without marks: nothing to compare
            candidates = words[1:]  # the family name has its own list
        else:
            candidates = [w for i, w in enumerate(words)
                          if i > 0 and not words[i - 1].endswith(",") and w[:1].isupper()
                          and w.strip(",.;:") not in COMMON_WORDS]
        rare = [(w.strip(",.;:"), alts) for w in candidates if (alts := rare_name_syllable(w))]
        if rare:
            self.confidence *= 0.55
            self.notes.extend(f"{w!r} is rare in names ({', '.join(alts)} are common)" for w, alts in rare)
            # one common syllable with the same letters: the likelier reading, still for a person to confirm
            swap = {w: (alts[0][:1].upper() if w[:1].isupper() else alts[0][:1]) + alts[0][1:]
                    for w, alts in rare if len(alts) == 1}
            if swap:
                self.value = " ".join(
                    w.replace(w.strip(",.;:"), swap[w.strip(",.;:")]) if w.strip(",.;:") in swap else w
                    for w in str(self.value).split(" "))
                self.notes.append("read as " + ", ".join(f"{a} -> {b}" for a, b in swap.items()))

    def bbox(self):
        words = [t for t in self.toks if not t.leader] or self.toks
        return list(union([t.bbox for t in words])) if words else None

    def as_dict(self) -> dict:
        d = {"value": self.value, "raw": self.raw, "confidence": round(self.confidence, 3), "page": self.page,
             "bbox": self.bbox()}
        if self.notes:
            d["notes"] = self.notes
        return d


@dataclass
class Draft:
    """One record being filled: fields by key, list fields as lists."""
    record_type: str
    schema: Schema | None
    pages: list[int]
    fields: dict[str, Found] = field(default_factory=dict)
    lists: dict[str, list[Found]] = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)
    classification: float = 0.0
    unmapped: list[str] = field(default_factory=list)  # labels read on the record that name no field

    def add(self, f: Found) -> bool:
        """Keep the field; False when the key is already filled (a new entry starts)."""
        if f.spec.is_list:
            self.lists.setdefault(f.spec.key, []).append(f)
            return True
        if f.spec.key in self.fields:
            return False
        self.fields[f.spec.key] = f
        return True


def _value_toks(toks: list[Tok], kind: str | None = None, spec: FieldSpec | None = None) -> list[Tok]:
    """Drop dotted leaders around and inside the value; keep a lone dash inside it ("Lao động - Thương binh").
    ``spec``: a field with a vocabulary keeps its short words ("Gỗ" read at 0.58 is no speck)."""
    words = [i for i, t in enumerate(toks) if not t.leader]
    if not words:
        return []
    a, b = words[0], words[-1]
    out = [t for t in toks[a:b + 1] if not t.leader or (len(t.text) == 1 and t.text in "-–")]
    keep = _vocab_folds(spec.vocabulary) if spec is not None and spec.vocabulary else frozenset()
    # specks read as characters at the ends of a value: symbols, or one or two doubtful letters
    while out and _speck(out[-1], kind, out[-2] if len(out) > 1 else None, keep):
        out.pop()
    while out and _speck(out[0], kind, None, keep):
        out.pop(0)
    # one letter far to the right of a text, after a gap of several words' width ("Chum sành      ụ")
    if kind in ("text", "place", "name") and len(out) >= 2 and len(out[-1].text) == 1 and out[-1].text.isalpha():
        height = max(1, out[-2].bbox[3] - out[-2].bbox[1])
        if out[-1].bbox[0] - out[-2].bbox[2] > 4 * height:
            out.pop()
    return out


_VOCAB_FOLDS: dict[tuple[str, ...], frozenset[str]] = {}


@lru_cache(maxsize=64)
def _vocab_keys(names: tuple[str, ...]) -> frozenset[tuple[str, str]]:
    return frozenset(syllable_key(w) for w in vocabulary(names))


@lru_cache(maxsize=64)
def _phrases(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(vocabulary_phrases(names))


def _vocab_folds(names: tuple[str, ...]) -> frozenset[str]:
    if names not in _VOCAB_FOLDS:
        _VOCAB_FOLDS[names] = frozenset(label_key(w) for w in vocabulary(names))
    return _VOCAB_FOLDS[names]


def _cut_tail(raw: list[Tok], kept: list[Tok]) -> str | None:
    """The letters of a speck dropped right after a value ("Nghiêm Kim Quỳnh Yê/": the last syllable
    read as a speck), when it touches the value's last word."""
    if not kept or kept[-1] not in raw:
        return None
    after = [t for t in raw[raw.index(kept[-1]) + 1:] if not t.leader]
    if not after or not any(c.isalpha() for c in after[0].text):
        return None
    gap = after[0].bbox[0] - kept[-1].bbox[2]
    return after[0].text if gap < 0.8 * max(1, kept[-1].bbox[3] - kept[-1].bbox[1]) else None


NAME_MAX_WORDS = 6


def _name_continuation(toks: list[Tok], more: list[Tok]) -> bool:
    """A name wrapped at a column edge ("Hoàng" / "Minh Hoa"): the next row holds only capitalised
    words of letters, and the whole stays a name's length."""
    words = [t.text.strip(".,;:") for t in more]
    if not words or len(toks) + len(words) > NAME_MAX_WORDS:
        return False
    return all(w[:1].isupper() and w.isalpha() and w[1:] == w[1:].lower() or w.isupper() and w.isalpha()
               and len(w) > 1 for w in words)


_COMMON_FOLDS = {fold(w) for w in COMMON_WORDS}
_ROMAN_LETTERS = set("ivxlc")


def _speck(t: Tok, kind: str | None = None, prev: Tok | None = None, keep: frozenset[str] = frozenset()) -> bool:
    # modifier letters ("ˆ", "ʼ") count as letters for Python but are marks read from specks
    if not any(c.isalnum() and unicodedata.category(c) != "Lm" for c in t.text):
        return True
    if not (len(t.key) <= 2 and t.confidence < 0.6 and not t.text[:1].isdigit()):
        return False
    # a doubtful short word that is a word of places and units ("xã", "sĩ" of "Trung sĩ", "tê" of "y tế"),
    # or the numeral after "thế kỷ", is part of the value, not a speck
    if kind == "dating" and prev is not None and prev.key in ("ky", "tk") and set(t.key) <= _ROMAN_LETTERS:
        return False  # even barely read: without it the dating has no value at all (its confidence tells)
    if t.confidence < 0.3:
        return True
    if kind in ("place", "text") and (t.key in _COMMON_FOLDS or t.key in keep):
        return False
    return True


class PageReader:
    """Reads one page's rows into drafts for one schema."""

    def __init__(self, schema: Schema, rows: list[Row], unit: str, page: int, page_width: int,
                 table_guess: bool = False, heading: str | None = None):
        self.schema, self.rows, self.unit, self.page = schema, rows, unit, page
        self.page_width = page_width
        self.table_guess = table_guess  # no heading read: a table header row alone makes the page a table
        self.drafts: list[Draft] = []
        self.last_spec: FieldSpec | None = None  # the field read last: a bare "Tại:" continues its event
        self.heading = heading  # the form's title: the document a bare "Số:" numbers

    def new_draft(self) -> Draft:
        d = Draft(self.schema.record_type, self.schema, [self.page])
        self.drafts.append(d)
        return d

    # segments: (row part, section forced by its column, column right edge)
    def segments(self) -> list[tuple[Row, str | None, float]]:
        out: list[tuple[Row, str | None, float]] = []
        rows = [r for r in self.rows if not r.heading]
        rights = sorted(r.bbox[2] for r in rows if len(r.toks) >= 2) or [self.page_width]
        right = rights[int(0.9 * (len(rights) - 1))]  # the text's right margin, robust to one stray word
        i = 0
        while i < len(rows):
            row = rows[i]
            split = self._column_split(row)
            if split is None:
                out.append((row, None, right))
                i += 1
                continue
            x, left_sec, right_sec = split
            block = [row]
            i += 1
            while i < len(rows) and not self._ends_columns(rows[i], left_sec, right_sec):
                block.append(rows[i])
                i += 1
            left_right = max((t.bbox[2] for r in block for t in r.toks if t.xc < x), default=x)
            for sec, lo, hi, edge in ((left_sec, 0, x, left_right), (right_sec, x, 10 ** 9, right)):
                for r in block:
                    part = r.part(lo, hi)
                    if part.toks:
                        out.append((part, sec, edge))
        return out

    def _ends_columns(self, row: Row, left_sec: str, right_sec: str) -> bool:
        """A row labelled with a field of neither column ("Nơi đăng ký") ends a two-column block; rows
        with only the columns' own labels, or none (wrapped values), stay in it. Geometry alone is not
        enough: a long left value can run up to the right column, and a full-width line can have a gap
        exactly where the columns were."""
        for sec in (left_sec, right_sec):
            for m in find_labels(row.toks, self.schema, sec):
                if not m.label.contextual and m.spec is not UNMAPPED and m.spec.section not in (left_sec, right_sec):
                    return True
        return False

    def _column_split(self, row: Row) -> tuple[float, str, str] | None:
        if len(self.schema.sections) < 2 or len(row.toks) < 2:
            return None
        # find markers in two halves separated by a gap
        toks = row.toks
        for k in range(1, len(toks)):
            gap = toks[k].bbox[0] - toks[k - 1].bbox[2]
            if gap < 0.04 * self.page_width:
                continue
            a, b = find_marker(toks[:k], self.schema), find_marker(toks[k:], self.schema)
            if a and b and a != b:
                return toks[k].bbox[0] - min(gap / 2, 12), a, b  # the right column starts at its marker
        return None

    def read(self) -> list[Draft]:
        if (self.unit == "row" or self.table_guess) and self._read_table(strict=self.unit != "row"):
            return self.drafts
        segs = self.segments()
        draft = self.new_draft()
        section: str | None = None
        forced_prev: str | None = None
        used: set[int] = set()
        for si, (seg, forced, edge) in enumerate(segs):
            if si in used:
                continue
            if forced != forced_prev:
                section = forced
                forced_prev = forced
            matches = self._labels(seg.toks, section)
            if self.unit == "entry" and section != forced and any(
                    m.label.contextual and m.spec.key in draft.fields for m in matches):
                # "Họ và tên" again after the mother's block: the next entry has begun, outside any section
                section = forced
                matches = self._labels(seg.toks, section)
            if self.unit == "entry" and matches and draft.fields and self._starts_entry(segs, si, matches, draft):
                draft = self.new_draft()
            if not matches:
                marker = None if forced else find_marker(seg.toks, self.schema)
                if marker:
                    section = marker
                elif self.unit == "entry" and not forced:
                    f = self._by_position(seg, draft, section)
                    if f is not None:
                        draft.add(f)
                continue
            if matches[0].start > 0:
                marker = find_marker(seg.toks[:matches[0].start], self.schema)
                if marker:
                    section = marker
            for mi, m in enumerate(matches):
                if m.spec is UNMAPPED:
                    draft.unmapped.append(m.label.text)  # its value is not kept: it may be personal data
                    continue
                if not m.label.contextual:
                    sec = m.spec.section
                    section = sec if sec in self.schema.sections else (forced if forced else None)
                    if self.unit == "entry" and m.spec.key in draft.fields:
                        section = forced  # a new register entry starts outside any section
                end = matches[mi + 1].start if mi + 1 < len(matches) else len(seg.toks)
                # labels sharing a span ("Đã chết vào lúc" -> time + date) share the value
                nxt = [o for o in matches[mi + 1:] if o.start > m.start]
                end = nxt[0].start if nxt else len(seg.toks)
                toks = _value_toks(seg.toks[m.end:end], m.spec.kind, m.spec)
                if not nxt:
                    toks = self._continue(toks, m.spec, segs, si, used, edge)
                if not toks:
                    continue
                f = Found(m.spec, toks, m.label, m.score, self.page, relation=m.label.relation).finish()
                if m.spec.kind == "name" and (cut := _cut_tail(seg.toks[m.end:end], toks)):
                    f.confidence *= 0.6
                    f.notes.append(f"a doubtful word right after the name was dropped ({cut!r}): it may be cut")
                if f.value is None and not nxt:
                    nseg = self._next_free(segs, si, used)
                    if nseg is not None:
                        f2 = Found(m.spec, toks + _value_toks(segs[nseg][0].toks, m.spec.kind, m.spec), m.label, m.score, self.page,
                                   relation=m.label.relation).finish()
                        if f2.value is not None:  # "ngày mười lăm tháng ba" / "năm một nghìn…" on the next row
                            f = f2
                            used.add(nseg)
                self.last_spec = f.spec
                if not draft.add(f):
                    if self.unit == "entry":
                        draft = self.new_draft()
                        draft.add(f)
                    else:
                        old = draft.fields[f.spec.key]
                        if f.confidence > old.confidence and old.value is None:
                            draft.fields[f.spec.key] = f
        return [d for d in self.drafts if d.fields or d.lists]

    def _starts_entry(self, segs, si: int, matches: list[Match], draft: Draft) -> bool:
        """On a register page, does this row open the next entry? Yes when it holds a field the current
        entry already has (the whole row belongs to the new entry, so "Số: 24  Họ và tên: …" does not
        leave its number to the entry above), or when it follows a gap wider than the page's usual
        line spacing and its first field comes, in the order of the entry above (the schema's order
        for the first entry), before the current entry's first field ("Số: 374" on its own line)."""
        tops = [m for m in matches if not m.spec.is_list]
        if any(m.spec.key in draft.fields for m in tops):
            return True
        if not tops or si == 0 or segs[si][1] is not None:
            return False
        gaps = sorted(b[0].bbox[1] - a[0].bbox[3] for a, b in zip(segs, segs[1:])
                      if a[1] is None and b[1] is None and b[0].bbox[1] > a[0].bbox[3])
        if len(gaps) < 3:
            return False
        gap = segs[si][0].bbox[1] - segs[si - 1][0].bbox[3]
        if gap <= 1.8 * max(gaps[len(gaps) // 2], 4):
            return False
        order = list(self.drafts[-2].fields) if len(self.drafts) >= 2 else [f.key for f in self.schema.fields]
        first, key = list(draft.fields)[0], tops[0].spec.key
        return first in order and key in order and order.index(key) < order.index(first)

    def _by_position(self, seg: Row, draft: Draft, section: str | None) -> Found | None:
        """A register row whose label OCR lost ("Sán Dìu" where the entries above read "Dân tộc: …"):
        the entries of one register page list their fields in the same order, so the row is the field
        that followed the current entry's last field in the entry above, if that field is still
        missing and the row parses as it. The value keeps a note and a lower confidence."""
        if not draft.fields or len(self.drafts) < 2:
            return None
        last = list(draft.fields)[-1]
        order = list(self.drafts[-2].fields)
        if last not in order or order.index(last) + 1 >= len(order):
            return None
        key = order[order.index(last) + 1]
        spec = self.schema.by_key[key]
        if key in draft.fields or spec.internal or spec.section != section:
            return None
        toks = _value_toks(seg.toks, spec.kind, spec)
        if not toks or not spec.labels:
            return None
        f = Found(spec, toks, spec.labels[0], 0.5, self.page).finish()
        if f.value is None or not normalise(spec.kind, f.raw, spec.values).ok:
            return None
        f.notes.append(f"label not read: taken from its place after {last}, as in the entry above")
        return f

    def _labels(self, toks: list[Tok], section: str | None) -> list[Match]:
        """Labels of a row, re-read after each label that changes the section ("Số: … Họ và tên: …"
        after a mother block: "Số" closes the block, so "Họ và tên" is the child's again)."""
        matches = find_labels(toks, self.schema, section, previous=self.last_spec, heading=self.heading)
        for k, m in enumerate(matches):
            if m.label.contextual:
                continue
            sec = m.spec.section if m.spec.section in self.schema.sections else None
            if sec != section and k + 1 < len(matches):
                rest = find_labels(toks[m.end:], self.schema, sec)
                for r in rest:
                    r.start += m.end
                    r.end += m.end
                return matches[:k + 1] + [r for r in rest if r.start >= m.end]
        return matches

    def _next_free(self, segs, si: int, used: set[int]) -> int | None:
        """Index of the next row part if it can continue this one: same column, close below, no label."""
        if si + 1 >= len(segs) or si + 1 in used:
            return None
        seg, forced, _ = segs[si]
        nseg, nforced, _ = segs[si + 1]
        if nforced != forced or find_labels(nseg.toks, self.schema, None):
            return None
        if not forced and find_marker(nseg.toks, self.schema):
            return None  # inside a column the section is fixed: "Võ" wrapped under "Bên chồng" is no marker "Vợ"
        if any(find_labels(nseg.toks, self.schema, sec) for sec in self.schema.sections):
            return None
        gap = nseg.bbox[1] - seg.bbox[3]
        if gap > 1.6 * max(seg.height, 10) or nseg.bbox[1] < seg.bbox[1]:
            return None
        return si + 1

    def _continue(self, toks: list[Tok], spec: FieldSpec, segs, si: int, used: set[int], edge: float) -> list[Tok]:
        """Value on the next row (empty after the label), or wrapped onto it."""
        if self._next_free(segs, si, used) is None:
            return toks
        seg = segs[si][0]
        nseg = segs[si + 1][0]
        if not toks:
            used.add(si + 1)
            return _value_toks(nseg.toks, spec.kind, spec)
        if not spec.wrap:
            return toks
        if spec.kind == "name" and not _name_continuation(toks, _value_toks(nseg.toks)):
            return toks
        tail = seg.toks[-1] if seg.toks else None
        if tail is not None and tail.leader and tail.text not in ("-", "–") and tail.bbox[0] >= toks[-1].bbox[2]:
            return toks  # dotted leader after the value: the value ended on this line
        width = edge - seg.bbox[0]
        last = [t for t in seg.toks if not t.leader or t.text in ("-", "–")][-1]  # a hyphen ends a wrapped line
        if last.bbox[2] < edge - 0.25 * max(width, 1) and not last.text.endswith((",", "-", "–")):
            return toks
        used.add(si + 1)
        dash = [last] if last.text in ("-", "–") and last.bbox[0] >= toks[-1].bbox[2] else []
        return toks + dash + _value_toks(nseg.toks, spec.kind, spec)

    # --- tables ---
    def _read_table(self, strict: bool = False) -> bool:
        """``strict``: the heading did not say "table", so the header row must look like one: column
        titles only, no colon, no dotted leader (a certificate row "Họ và tên ..... Ngày sinh ....." is no
        header)."""
        rows = [r for r in self.rows if not r.heading]
        idx_spec = FieldSpec("_row_index", "number", labels=())
        extra = [(idx_spec, Label(t, t)) for t in ROW_INDEX_LABELS]
        header_i, header = None, None
        for i, r in enumerate(rows):
            ms = find_labels(r.toks, self.schema, None, extra, header=True)
            if len([m for m in ms if m.spec is not idx_spec]) >= 3:
                if strict and (any(t.colon or (t.leader and len(t.text) >= 3) for t in r.toks)
                               or len([m for m in ms if m.spec is not idx_spec]) < 4):
                    continue
                header_i, header = i, ms
                break
        if header is None:
            return False
        hrow = rows[header_i]
        cols = []  # (x0, x1, spec, label, score)
        starts = [(hrow.toks[m.start].bbox[0], hrow.toks[m.end - 1].bbox[2], m) for m in header]
        margin = 0.6 * hrow.height
        for k, (x0, x1, m) in enumerate(starts):
            # cells are written from the left edge of their column title, and may run wider than it
            lo = 0 if k == 0 else x0 - margin
            hi = 10 ** 9 if k + 1 == len(starts) else starts[k + 1][0] - margin
            cols.append((lo, hi, m))
        # a new table row starts where the index column or an identifying column has text;
        # other cells wrap onto continuation lines
        key_cols = {ci for ci, (_, _, m) in enumerate(cols)
                    if m.spec is idx_spec or (m.spec.required and m.spec.kind in ("number", "id"))} or {0}
        current: dict[int, list[Tok]] | None = None
        entries: list[dict[int, list[Tok]]] = []
        for r in rows[header_i + 1:]:
            cells: dict[int, list[Tok]] = {}
            for t in r.toks:
                for ci, (lo, hi, _) in enumerate(cols):
                    if lo <= t.xc < hi:
                        cells.setdefault(ci, []).append(t)
                        break
            if not cells:
                continue
            starts_entry = any(ci in cells and any(c.isalnum() for t in cells[ci] for c in t.text) for ci in key_cols)
            if current is None and not starts_entry:
                continue  # wrapped header text or notes above the first row
            if starts_entry:
                current = {}
                entries.append(current)
            for ci, toks in cells.items():
                current.setdefault(ci, []).extend(toks)
        for e in entries:
            d = self.new_draft()
            for ci, toks in e.items():
                m = cols[ci][2]
                if m.spec is idx_spec:
                    continue
                toks = _value_toks(toks, m.spec.kind, m.spec)
                if toks:
                    d.add(Found(m.spec, toks, m.label, m.score, self.page).finish())
        return bool(entries)


# --- checks and review --------------------------------------------------------------------------

# digits OCR reads for capital letters ("6.7454" for "G.7454", "6V" for "GV")
DIGIT_AS_LETTER = {"6": "G", "0": "O", "1": "I", "5": "S", "8": "B", "2": "Z", "4": "A"}
_CODE_PARTS = re.compile(r"([\s/.\-]+)")


def _letter_reading(part: str, whole: bool) -> str | None:
    """The letters a code part would be if its lookalike digits were letters: a part of lookalike digits
    followed by capitals ("6V" -> "GV"), or (``whole``) a lone lookalike digit ("6" -> "G")."""
    m = re.fullmatch(r"([0-9]+)([A-ZĐ]*)", part)
    if not m or not all(c in DIGIT_AS_LETTER for c in m.group(1)) or (not m.group(2) and not (whole and len(part) == 1)):
        return None
    return "".join(DIGIT_AS_LETTER[c] for c in m.group(1)) + m.group(2)


def check_codes(drafts: list[Draft], schema: Schema) -> None:
    """Codes (``"code": true``) of one page: a lone digit where the page's other codes have their letter
    prefix ("6.7454" among "G.8115", "KL.1904") is that prefix when a lookalike of it ("6" for "G") is
    among them, and doubtful otherwise; a group of digits and capitals ("BTBN 6008/6V 95") is doubtful
    unless the page's codes show the letters it would be ("GV")."""
    for spec in (f for f in schema.fields if f.code):
        found = [d.fields[spec.key] for d in drafts
                 if spec.key in d.fields and isinstance(d.fields[spec.key].value, str)]
        parts = {id(f): _CODE_PARTS.split(f.value) for f in found}
        for f in found:
            mine = parts[id(f)]
            peers = [parts[id(o)] for o in found if o is not f]
            for k in range(0, len(mine), 2):
                # a lone digit counts only as a first part before a separator, where the other codes have letters
                lone = k == 0 and len(mine) > 2 and bool(peers) and all(
                    len(p) > 2 and p[0].isalpha() and p[0].isupper() for p in peers)
                letters = _letter_reading(mine[k], lone)
                if letters is None:
                    continue
                seen = {p[j] for p in peers for j in range(0, len(p), 2)}
                if letters in seen:
                    f.notes.append(f"{mine[k]!r} read as {letters!r}, as in the page's other codes")
                    mine[k] = letters
                    f.value = "".join(mine)
                    f.confidence *= TONE_SHIFT_FACTOR
                else:
                    f.notes.append(f"digits among the letters of a code: {mine[k]!r} may be {letters!r}")
                    f.confidence *= 0.5

def reasons_of(problems: list[str]) -> list[str]:
    return problems


def _boost(c: float, other: float) -> float:
    return min(0.99, 1 - (1 - c) * (1 - other * 0.5))


def run_checks(d: Draft) -> None:
    schema = d.schema
    if schema is None:
        return
    for c in schema.checks:
        kind = c["check"]
        if kind == "date_words":
            f, w = d.fields.get(c["field"]), d.fields.get(c["words"])
            if w is not None:
                words = parse_date(w.raw, words_only=True)
                w.value = words.iso
            if w is None or w.value is None:
                continue
            if f is None:
                f = Found(schema.by_key[c["field"]], w.toks, w.label, w.label_score, w.page, raw=w.raw,
                          value=w.value, confidence=w.confidence * 0.9, notes=["taken from the date in words"])
                d.fields[c["field"]] = f
            elif f.value is None:
                f.value, f.confidence = w.value, w.confidence * 0.9
                f.notes.append("taken from the date in words")
            elif f.value == w.value:
                f.confidence = _boost(f.confidence, w.confidence)
                f.notes.append("agrees with the date in words")
            else:
                f.confidence *= 0.4
                f.notes.append(f"date in words says {w.value}")
                d.reasons.append(f"{c['field']}: the date in digits and the date in words disagree")
        elif kind == "personal_id":
            f = d.fields.get(c["id"])
            if f is None or not isinstance(f.value, str):
                continue
            parts = cccd_parts(f.value)
            if parts is None:
                continue
            dob = d.fields.get(c["date_of_birth"])
            sex_f = d.fields.get(c.get("sex", "")) if c.get("sex") else None
            sex = c.get("sex_value") or (sex_f.value if sex_f else None)
            problems = []
            if not "001" <= parts["province"] <= "096":
                problems.append("province code does not exist")
            if dob is not None and isinstance(dob.value, str) and int(dob.value[:4]) != parts["birth_year"]:
                problems.append(f"birth year in the ID disagrees with {c['date_of_birth']}")
            if sex and sex != parts["sex"]:
                problems.append("sex digit in the ID disagrees with the record's sex")
            if problems:
                f.confidence *= 0.4
                f.notes.extend(problems)
                d.reasons.extend(f"{c['id']}: {p}" for p in reasons_of(problems))
            elif dob is not None and isinstance(dob.value, str):
                f.confidence = _boost(f.confidence, dob.confidence)
                dob.confidence = _boost(dob.confidence, f.confidence * 0.5)
                f.notes.append("agrees with date of birth" + (" and sex" if sex else ""))
        elif kind == "not_before":
            f, o = d.fields.get(c["field"]), d.fields.get(c["other"])
            if f is None or o is None or not isinstance(f.value, str) or not isinstance(o.value, str):
                continue
            n = min(len(f.value), len(o.value))
            if f.value[:n] < o.value[:n]:
                f.confidence *= 0.5
                d.reasons.append(f"{c['field']}: before {c['other']}")


def _set(out: dict, key: str, value: Any) -> None:
    parts = key.split(".")
    for p in parts[:-1]:
        out = out.setdefault(p, {})
    out[parts[-1]] = value


def finish(d: Draft) -> dict:
    run_checks(d)
    reasons = list(d.reasons)
    fields: dict[str, Any] = {}
    confs = []
    schema = d.schema
    for key, f in d.fields.items():
        if f.spec.internal:
            continue
        _set(fields, key, f.as_dict())
        confs.append(f.confidence)
        if f.value is None:
            reasons.append(f"{key}: no {f.spec.kind} could be read from the text")
        elif f.confidence < REVIEW_THRESHOLD:
            reasons.append(f"{key}: low confidence {f.confidence:.2f}")
    for key, items in d.lists.items():
        base, _, sub = key.partition("[].")
        lst = fields.setdefault(base, [])
        for f in items:
            entry = {sub: f.as_dict()}
            if f.relation:
                entry["relation"] = {"value": f.relation, "raw": f.label.text, "confidence": round(f.label_score, 3),
                                     "page": f.page, "bbox": None}
            lst.append(entry)
            confs.append(f.confidence)
            if f.value is None or f.confidence < REVIEW_THRESHOLD:
                reasons.append(f"{base}[{len(lst) - 1}].{sub}: low confidence {f.confidence:.2f}")
    missing: list[str] = []
    if schema is not None:
        for spec in schema.fields:
            if spec.required and spec.key not in d.fields and not d.lists.get(spec.key):
                reasons.append(f"{spec.key}: required field missing")
                missing.append(spec.key)
        unmapped = list(dict.fromkeys(d.unmapped))
        reasons.extend(f"label {lb!r} names no field of {schema.record_type}" for lb in unmapped)
    else:
        reasons.append("record type not recognised")
    if d.classification < 0.6 and schema is not None:
        reasons.append("record type taken from the collection, no heading recognised")
    conf = sum(confs) / len(confs) if confs else 0.0
    return {
        "record_type": d.record_type,
        "family": schema.family if schema else None,
        "schema_version": schema.schema_version if schema else None,
        "fields": fields,
        "pages": sorted(set(d.pages)),
        "confidence": round(conf, 3),
        "needs_review": bool(reasons),
        "review_reasons": reasons,
        "missing": missing,  # required fields not found (keys)
        "unmapped": list(dict.fromkeys(d.unmapped)),  # "label: value" pairs naming no field (labels only)
    }


# --- documents ----------------------------------------------------------------------------------

def _name_of(d: Draft) -> str | None:
    """Who (or what) the record is about, to tell two records apart."""
    names = [d.fields[k].value for k in ("full_name", "name", "inventory_number", "wife.full_name", "husband.full_name")
             if k in d.fields and isinstance(d.fields[k].value, str)]
    return fold(" / ".join(names[:2])) if names else None


def _merge(into: Draft, d: Draft) -> None:
    into.pages.extend(d.pages)
    into.unmapped.extend(d.unmapped)
    into.classification = max(into.classification, d.classification)
    for key, f in d.fields.items():
        old = into.fields.get(key)
        if old is None:
            into.fields[key] = f
        elif old.value == f.value:
            old.confidence = _boost(max(old.confidence, f.confidence), min(old.confidence, f.confidence))
        else:
            keep, other = (old, f) if old.confidence >= f.confidence else (f, old)
            into.fields[key] = keep
            keep.confidence *= 0.7
            into.reasons.append(f"{key}: pages {min(keep.page, other.page)} and {max(keep.page, other.page)} disagree")
    for key, items in d.lists.items():
        have = {(fold(str(x.value)), x.relation) for x in into.lists.get(key, [])}
        for f in items:
            if (fold(str(f.value)), f.relation) not in have:
                into.lists.setdefault(key, []).append(f)


def extract_page(page: PageText, collection: str | None = None, schemas: dict[str, Schema] | None = None,
                 previous: Classification | None = None) -> tuple[Classification, list[Draft]]:
    schemas = schemas or load_schemas()
    rows = build_rows(page)
    cls = classify_rows(rows, collection, schemas)
    rows = drop_furniture(rows, page.height)
    if cls.source != "heading" and previous is not None and previous.record_type != UNCLASSIFIED:
        # a page with no heading continues the document before it
        cls = Classification(previous.record_type, previous.score * 0.9, None,
                             previous.unit if previous.unit != "row" else "row", None, "continuation")
    if cls.record_type == UNCLASSIFIED:
        return cls, [Draft(UNCLASSIFIED, None, [page.page])]
    schema = schemas[cls.record_type]
    table_guess = cls.source != "heading" and any(h.unit == "row" for h in schema.headings)
    drafts = PageReader(schema, rows, cls.unit or schema.unit, page.page, page.width, table_guess,
                        heading=cls.heading).read()
    check_codes(drafts, schema)
    for d in drafts:
        d.classification = cls.score
    return cls, drafts


def extract_records(pages: list[PageText], collection: str | None = None,
                    schemas: dict[str, Schema] | None = None) -> list[dict]:
    """Records found in the pages of one document (one file), in page order.

    ``collection`` is the bucket prefix or object key the file came from
    (``hotich/…``); it narrows the record types considered. Pure: no I/O.
    """
    schemas = schemas or load_schemas()
    out: list[Draft] = []
    prev: Classification | None = None
    open_doc: Draft | None = None
    open_start: PageStart | None = None
    for page in sorted(pages, key=lambda p: p.page):
        cls, drafts = extract_page(page, collection, schemas, prev)
        prev = cls if cls.record_type != UNCLASSIFIED else prev
        unit = cls.unit
        if cls.record_type == UNCLASSIFIED:
            if page.words:
                out.extend(drafts)
            open_doc, open_start = None, None
            continue
        if not drafts:
            d = Draft(cls.record_type, schemas[cls.record_type], [page.page], classification=cls.score)
            drafts = [d]
        if unit == "document":
            heading = cls.heading if cls.source == "heading" else None
            for k, d in enumerate(drafts):
                start = PageStart(d.record_type, heading if k == 0 else None, _name_of(d))
                if open_doc is not None and not starts_new_record(open_start, start):
                    _merge(open_doc, d)
                    if open_start.person is None:
                        open_start = PageStart(open_start.record_type, open_start.heading, _name_of(open_doc))
                else:
                    out.append(d)
                    open_doc, open_start = d, start
        else:
            out.extend(drafts)
            open_doc, open_start = None, None
    return [finish(d) for d in out]


def flatten_fields(record: dict, attribute: str = "value") -> dict[str, Any]:
    """``{"mother": {"full_name": {...}}}`` -> ``{"mother.full_name": value}`` (lists as ``relatives[0].full_name``).

    ``attribute`` picks what each field gives: its ``value`` (the default),
    ``confidence``, ``raw``, ``page`` or ``bbox``.
    """
    out: dict[str, Any] = {}

    def walk(prefix: str, node: Any) -> None:
        if isinstance(node, dict) and "value" in node and "raw" in node:
            out[prefix] = node.get(attribute)
        elif isinstance(node, dict):
            for k, v in node.items():
                walk(f"{prefix}.{k}" if prefix else k, v)
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(f"{prefix}[{i}]", v)

    walk("", record.get("fields", {}))
    return out


def to_json(records: list[dict]) -> str:
    return json.dumps(records, ensure_ascii=False, indent=2)
