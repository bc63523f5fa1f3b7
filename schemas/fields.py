"""Fields being read: a value's tokens, its normal form and its score (``Found``), and the record they fill
(``Draft``). How a value's tokens are cut from a row (dotted leaders, specks at its ends, a wrapped name) and
how its score moves with the repairs its text needed are here; see docs/extraction.md, steps 5, 8 and 9."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Callable

from sohoa.text import clean_spaces, fold

from .alias_words import made_of_words
from .closed_tail import ends_a_name
from .confidence import SHAPE_OCR, group_of, resolution, series_vouches, shape_vouches
from .countries import country_form
from .value_evidence import (AGREES, DISAGREE_FACTOR, DISAGREES, VOUCHED_MIN_OCR, VOUCHED_SCORE, disagree_note,
                             evidence as value_evidence, units_written_as_known)
from .label_edges import (SURNAMES_BY_FOLD, bare_word, capitals_head, label_asks_day, label_head, label_tail,
                          name_cased, name_like, name_syllable, only_label_words, reads_as_label)
from .layout import COLUMN_GAP, Tok, gap_before, union
from .letter_marks import tone_for_tone
from .loader import FieldSpec, Label, Schema, label_key
from .model import FieldValue
from .number_pair import opens_number_pair
from .name_letters import bare as bare_name_word, name_with_stems_read
from .normalize import (LEVEL_WORDS, canonical_place, cut_place_name, glued_syllables, missing_place_name, normalise,
                        plausible_word, rare_name_syllable, repair_separators, repair_tone_shift, repair_word,
                        syllable_key, vocabulary_neighbours)
from .digit_letters import REPAIRED_QUALITY, one_digit_misread
from .repair import (REPAIR_FACTOR, Repaired, after_province, bent_level_words, capitals_among_names, dot_read_as_tone,
                     dot_tone_unit_names, dots_in_parts, inner_capital, level_word_case, nearest_name_syllable, numbered_part_digits, repair_place_units)
from .gazetteer import address_end, begins_unit_name
from .glued_code import misread_capital
from .shelf_digits import shelf_part_digits
from .stray_commas import stray_commas
from .vocab import COMMON_WORDS, SURNAMES, vocabulary, vocabulary_phrases



@dataclass(frozen=True)
class _ShapeRepair:
    """A repair of what a value of these kinds must look like (schemas/digit_letters.py, schemas/repair.py)."""
    kinds: tuple[str, ...]
    repair: Callable[[str], Repaired]
    why: str


_SHAPE_REPAIRS = (
    _ShapeRepair(("place", "text"), numbered_part_digits, "a part's number read as letters"),
    _ShapeRepair(("place",), capitals_among_names, "a syllable of a name read in capitals"),
    _ShapeRepair(("text",), shelf_part_digits, "a shelf's part numbered with letters read for digits"),
)

TONE_SHIFT_FACTOR = 0.75  # confidence kept by a value whose tone was moved back onto its vowel
LABEL_DOUBT_FACTOR = 0.5  # a label whose person is unclear: the value is shown, for a person to confirm
LABEL_WORDS_FACTOR = 0.9  # a value whose first or last words were cut off as a label's


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
    clean: bool = True  # parsed at full quality with no repair: the calibration group it falls in
    how: str = ""  # how its label was read (confidence.RESOLUTIONS), set when the record is finished
    agree: str = ""  # whether the label classifier picks the same field ("agree"/"differ"), likewise
    wording: str = ""  # whether its record's labels were all familiar ("known"/"strange"), likewise
    layout: str = ""  # how its record was cut from the page ("document", a register "entry", a table "row"), likewise
    cut: int = 0  # words of a label cut from the value (``label_head``, ``label_tail``, ``only_label_words``)
    evidence: str = ""  # what the value's content says: "agrees", "disagrees" or "" (schemas/value_evidence.py)
    label_like: str = ""  # the words read as the value when they were another label (``reads_as_label``)
    digits_doubted: bool = False  # in digits, read on a page whose OCR doubts its digits (schemas/digit_doubt.py)
    code_garbled_page: bool = False  # a code in digits, read on a page OCR garbles (schemas/garbled_page.py)
    read_otherwise: bool = False  # another page of its record read this field differently (records._merge)
    read_elsewhere: list[Any] = field(default_factory=list)  # what those other pages read (records._merge)
    ocr: float = 0.0  # OCR's confidence in the value's words, as the score weighs it
    label_note: str = ""  # the label's notes in brackets ("Trọng lượng (kg)"): a measure's unit said once there
    confirmed: bool = False  # a second reading of the record agrees with the value (schemas/checks.py)

    def doubt(self, note: str, factor: float) -> None:
        """A repair or a doubt of the value: noted, its confidence lowered by ``factor``, and no longer clean (the
        calibration then weighs it with the repaired values, never as confident on its own)."""
        self.notes.append(note)
        self.confidence *= factor
        self.clean = False

    def finish(self) -> "Found":
        self._cut_label_words()
        words = [t for t in self.toks if not t.leader]
        self.raw = clean_spaces(" ".join(t.text for t in self.toks))
        # a measure's or a weight's unit, or the order of its measures, may be said once in the label's note
        measured = self.spec.kind in ("dimensions", "weight") and self.label_note
        # a name's "i" read as a stem ("Nh1", "V¡"): the normaliser would drop the stem and cut the syllable
        stems = name_with_stems_read(self.raw) if self.spec.kind == "name" else (self.raw, [])
        n = normalise(self.spec.kind, f"{self.raw} {self.label_note}" if measured else stems[0], self.spec.values)
        self.value = n.value
        self.notes = list(n.notes)
        confs = [t.confidence for t in words]
        # one doubtful word spoils a value: weigh the weakest word as much as the mean, and never trust
        # the value much more than that word ("Kho I, giá 14" with "I," at 0.39 among words at 0.96)
        ocr = min((sum(confs) / len(confs) + min(confs)) / 2, min(confs) + 0.15) if confs else 0.0
        if shape_vouches(self.spec.kind, self.raw, n.quality) or series_vouches(self.spec.kind, self.raw, n.quality, ocr):
            ocr = max(ocr, SHAPE_OCR)  # a token of its field's exact shape: OCR's doubt, on its own scale, says little
        self.ocr = ocr
        self.confidence = ocr * (0.6 + 0.4 * self.label_score) * n.quality
        if stems[1]:  # the letter the stem stood for was read back from the name syllables: a guess to confirm
            self.doubt(f"a stem read for the letter i in {len(stems[1])} word(s) of the name", REPAIRED_QUALITY)
        if any(t.unglued for t in words):
            # label words OCR glued in the value, cut apart before labels were looked for: the space was guessed
            self.doubt("a word read as label words glued (a space lost)", REPAIR_FACTOR)
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
            same_fold = SURNAMES_BY_FOLD.get(fold(first), [])
            if first not in SURNAMES and not (plain and same_fold):
                if len(same_fold) == 1:  # "Đỉnh" / "Nguyêñ": the marks of a family name misread
                    self.value = " ".join([same_fold[0], *rest])
                    self.confidence *= 0.85
                    self.notes.append(f"family name {first!r} read as {same_fold[0]!r}")
                else:
                    self.confidence *= 0.6
                    self.notes.append(f"{first!r} is not a known family name")
        if self.spec.kind in ("place", "text") and isinstance(self.value, str):
            levels = bent_level_words(self.value)
            if levels.changes:  # the part's name or number says which level word OCR bent: still a guess
                self.value = levels.value
                self.confidence *= REPAIR_FACTOR
                self.notes.append("address words read through OCR noise: " + ", ".join(levels.changes))
            if self.spec.kind == "place" and (tail := after_province(self.value)).changes:
                self.value = tail.value  # an address ends with its province: what follows it was no place's
                self.confidence *= REPAIR_FACTOR
                self.notes.extend(tail.changes)
            self.value, changes = repair_separators(self.value, place=self.spec.kind == "place")
            for slip in ([level_word_case] if self.spec.kind == "place" else []) + [dots_in_parts, stray_commas]:
                fixed = slip(self.value)
                self.value, changes = fixed.value, changes + fixed.changes
            if changes:
                self.confidence *= 0.9
                self.notes.append("punctuation repaired: " + "; ".join(changes))
            for shape in _SHAPE_REPAIRS:
                if self.spec.kind in shape.kinds and (fixed := shape.repair(self.value)).changes:
                    # what the value's kind needs there, read back from OCR's letters: a guess a person confirms
                    self.value = fixed.value
                    self.doubt(f"{shape.why}: " + ", ".join(fixed.changes), REPAIRED_QUALITY)
            if self.spec.kind == "place" and (level := missing_place_name(self.value)):
                self.confidence *= 0.5
                self.notes.append(f"no name after {level!r}: words were lost")
            words = self.value.split(" ")
            vocab = vocabulary(self.spec.vocabulary) if self.spec.vocabulary else None
            repaired = [inner_capital(w, _known_words(self.spec.vocabulary)) or repair_word(w, vocab) for w in words]
            if any(repaired):
                self.value = " ".join(r or w for r, w in zip(repaired, words))
                self.confidence *= 0.85
                self.notes.append("OCR slips corrected: " + ", ".join(f"{w} -> {r}" for r, w in zip(repaired, words) if r))
            self.value, changes = canonical_place(self.value, _phrases(self.spec.vocabulary))
            if changes:
                self.confidence *= 0.9
                self.notes.append("marks restored: " + ", ".join(changes))
            units = repair_place_units(self.value)
            if units.changes:
                # one edit from exactly one unit inside the units the value names around it
                self.value = units.value
                if not units.sure:
                    self.confidence *= REPAIR_FACTOR
                self.notes.append("read as the gazetteer's unit: " + ", ".join(units.changes))
            if self.spec.kind == "place" and (dotted := dot_tone_unit_names(self.value)).changes:
                # a unit no containing unit named placed (a province of before 1997): the gazetteer's whole map
                self.value = dotted.value
                self.doubt("the dot of an i read as a tone in a unit's name: " + ", ".join(dotted.changes),
                           REPAIRED_QUALITY)
            if self.spec.kind == "place" and (cut := cut_place_name(self.value)):
                self.confidence *= 0.5
                self.notes.append(f"{cut!r} is only the start of a name: words were lost")
        if self.spec.key.rsplit(".", 1)[-1] == "nationality" and isinstance(self.value, str):
            self._country_case()
        if self.spec.vocabulary and isinstance(self.value, str):
            self._check_vocabulary()
        if self.spec.kind == "text" and isinstance(self.value, str) and not self.spec.vocabulary:
            self._split_glued()
        if self.spec.kind in ("name", "place", "text") and self.value is not None:
            bad = [w for w in str(self.value).split() if not plausible_word(w)]
            if bad:
                self.confidence *= 0.6
                self.notes.append(f"not Vietnamese syllables: {' '.join(bad)}")
            elif self.spec.kind in ("name", "place"):
                self._check_name_syllables()
        if self.cut and self.toks:  # where a label ends was decided from its words: a guess a person confirms
            self.confidence *= LABEL_WORDS_FACTOR
            self.notes.append(f"{self.cut} word(s) of a label beside the value were left out")
        if self.label.doubt:  # the label may be about another person: never a confident value under a role
            self.confidence *= LABEL_DOUBT_FACTOR
            self.notes.append(self.label.doubt)
        if not n.ok and n.quality > 0:  # lunar year or dating kept raw: usable, but a person must look
            self.confidence = min(self.confidence, ocr * 0.9)
        if self.spec.kind == "date" and isinstance(self.value, str) and re.fullmatch(r"\d{4}", self.raw.strip(" .,")) \
                and label_asks_day(self.label.text):
            # "Ngày đăng ký: 2003": the label asks for a day and a bare year is all there is — OCR lost the
            # day and month ("ngày … tháng … năm 1968", left blank on the form, is kept as written)
            self.confidence *= 0.6
            self.notes.append("the label asks for a day; only a year or month was read")
        self.evidence = value_evidence(self.spec.kind, self.spec.key, self.value, self.raw, n.quality)
        if self.label.glued and not (self.evidence == AGREES or n.quality >= 1 and not self.notes):
            # the value neither is vouched for by the lists nor parses as its field's with nothing repaired
            self.doubt("the label was read from words OCR glued, and the value does not vouch for it", REPAIR_FACTOR)
        if self.evidence == DISAGREES:  # a unit no gazetteer level has, a one-word name: the value is not whole
            self.confidence *= DISAGREE_FACTOR
            self.notes.append(disagree_note(self.spec.kind, self.value, self.raw, self.spec.key))
        elif self.evidence == AGREES and not self.notes and ocr >= VOUCHED_MIN_OCR \
                and resolution(self.label, self.label_score) == "exact":
            # one of the type's wordings read word for word, and a value read as printed (nothing repaired or
            # doubted: a repaired value agreeing with the lists is the repair's evidence, not a second one) that
            # the gazetteer or the name lists vouch for whole: what OCR's word confidence doubts is the print,
            # not the reading (as for a short token of its field's shape above); how often such fields are right
            # is the calibration's to say
            self.confidence = max(self.confidence, VOUCHED_SCORE)
        # a label read from its meaning is a guess the calibration groups with repaired values
        self.clean = n.quality >= 1 and not self.notes and self.label_score >= 0.8 and not self.label.by_meaning
        return self

    def _cut_label_words(self) -> None:
        """Words of a label left at the start of the value are cut off (and noted, never silently); a value of
        label words alone is no value: the field is missing, not wrong."""
        idx = [i for i, t in enumerate(self.toks) if not t.leader]
        words = [self.toks[i].text for i in idx]
        if only_label_words(self.spec, words):
            self.toks = []
            self.cut = len(words)
            return
        k = label_head(self.spec, words)
        if k:
            self.toks = self.toks[idx[k]:]
            self.cut = k
            return
        k = label_tail(self.spec, words)
        if k:
            self.toks = self.toks[:idx[len(words) - k]]
            self.cut = k
            return
        k = capitals_head(self.spec, words)
        if k:
            self.toks = self.toks[idx[k]:]
            self.cut = k
            return
        if reads_as_label(self.spec, words):  # (no value of the field's look after or before the label's words)
            self.label_like = clean_spaces(" ".join(words))
            self.toks = []
            self.cut = len(words)

    def _country_case(self) -> None:
        """A country's name is a proper name: read with its own letters and marks but a capital lost or added
        ("việt Nam", "pHÁP"; all in capitals, as forms print them, aside), it is written as the country is
        (``countries.country_form``). Only the case changes."""
        proper = country_form(self.value)
        if proper is not None and self.value not in (proper, proper.upper()):
            self.value = proper
            self.notes.append("capitals of the country's name restored")

    def _split_glued(self) -> None:
        """A short text whose word is two syllables glued by OCR ("Ysĩ") is read as the two words, doubtfully:
        the space was guessed, not read."""
        words = str(self.value).split(" ")
        split = [glued_syllables(w) for w in words]
        if any(split):
            self.value = " ".join(g or w for g, w in zip(split, words))
            self.confidence *= REPAIR_FACTOR
            self.notes.append("a word read as two syllables glued (a space lost): " +
                              ", ".join(f"{w} -> {g}" for g, w in zip(split, words) if g))

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
            spelled = units_written_as_known(str(self.value))  # (a unit the gazetteer spells so is no misread)
            candidates = [w for i, w in enumerate(words)
                          if i > 0 and not words[i - 1].endswith(",") and w[:1].isupper()
                          and w.strip(",.;:") not in COMMON_WORDS and w.strip(",.;:").lower() not in spelled]
        rare = [(w.strip(",.;:"), alts) for w in candidates if (alts := rare_name_syllable(w))]
        if rare:
            self.confidence *= 0.55
            self.notes.extend(f"{w!r} is rare in names ({', '.join(alts)} are common)" for w, alts in rare)
            # one common syllable with the same letters: the likelier reading, still for a person to confirm
            # several: the one whose marks are nearest, when strictly nearer than the rest ("Đúc": đức, not dục).
            # A person's name only: a place's proper words come from far more syllables than names use, and
            # its units are read against the gazetteer (schemas/repair.py); a place's rare word stays as read
            # of two as near, the one without the tone on its i when the tone is there: the dot of the i read as a
            # tone mark is OCR's commonest slip on such a word ("Chỉ": chi, not chí)
            # (an alias is made of words, many of which no given name uses: kept as read, ``alias_words``)
            nearest = {w: nearest_name_syllable(w, alts)[0] or dot_read_as_tone(w, alts)
                       if self.spec.kind == "name" and not made_of_words(self.spec) else None for w, alts in rare}
            # a common syllable no OCR slip on marks explains is no reading of the word: one tone read for another
            # (``letter_marks.tone_for_tone``); the word is kept as read, still for review as rare
            swap = {w: (n[:1].upper() if w[:1].isupper() else n[:1]) + n[1:] for w, n in nearest.items()
                    if n and not tone_for_tone(w, n)}
            if swap:
                self.value = " ".join(
                    w.replace(w.strip(",.;:"), swap[w.strip(",.;:")]) if w.strip(",.;:") in swap else w
                    for w in str(self.value).split(" "))
                self.notes.append("read as " + ", ".join(f"{a} -> {b}" for a, b in swap.items()))

    def bbox(self):
        words = [t for t in self.toks if not t.leader] or self.toks
        return list(union([t.bbox for t in words])) if words else None

    def as_dict(self, calibrated: bool = True) -> FieldValue:
        d: FieldValue = {"value": self.value, "raw": self.raw,
             "confidence": round(self.confidence, 4 if calibrated else 6), "page": self.page, "bbox": self.bbox()}
        if self.notes:
            d["notes"] = self.notes
        if not calibrated:
            # what the calibration is fitted per, and the two terms of the score that are not in the notes: OCR's
            # confidence in the value's words as the score weighs them, and how sure the reading of its label is
            d["group"] = group_of(self.spec.kind, self.clean, self.how, self.agree, self.wording, self.layout,
                                  self.evidence, self.confirmed)
            d["ocr"] = round(self.ocr, 4)
            d["label_score"] = round(self.label_score, 4)
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
    # "label: value" pairs read on the record whose label names no field: {label, value, page, bbox}
    unmapped: list[dict] = field(default_factory=list)
    # pairs naming no field that a register page prints once for all its entries (schemas/page_pairs.py): listed
    # with the record's unmapped pairs, but no reason to hold it
    shared: list[dict] = field(default_factory=list)
    # pairs no label rule placed, for the record-wide decoding (schemas/assign.py): see pending_pairs.PendingPair
    pending: list[Any] = field(default_factory=list)
    # what made the record's wording strange (schemas/wording_causes.py: cause names; empty when it is not)
    strange: list[str] = field(default_factory=list)
    layout: str = "document"  # how the record was cut from the page: a whole "document", a register "entry", a table "row"

    def add(self, f: Found) -> bool:
        """Keep the field; False when the key is already filled (a new entry starts). A field read with no value
        (its words gave none: "(dương lịch)") is no filled field: a value found for it later takes its place."""
        if f.spec.is_list:
            self.lists.setdefault(f.spec.key, []).append(f)
            return True
        if f.spec.key in self.fields and (self.fields[f.spec.key].value is not None or f.value is None):
            return False
        self.fields[f.spec.key] = f
        return True

    def found(self) -> list[Found]:
        """Every field read, the items of list fields after the single ones."""
        return [*self.fields.values(), *(x for items in self.lists.values() for x in items)]


def _value_toks(toks: list[Tok], kind: str | None = None, spec: FieldSpec | None = None) -> list[Tok]:
    """Drop dotted leaders around and inside the value; keep a lone dash inside it ("Lao động - Thương binh").
    ``spec``: a field with a vocabulary keeps its short words ("Gỗ" read at 0.58 is no speck)."""
    words = [i for i, t in enumerate(toks) if not t.leader]
    if not words:
        return []
    a, b = words[0], words[-1]
    out = [t for t in toks[a:b + 1] if not t.leader or (len(t.text) == 1 and t.text in "-–")]
    keep = _vocab_folds(spec.vocabulary) if spec is not None and spec.vocabulary else frozenset()
    if kind == "number" and one_digit_misread([t.text for t in out]):
        return out  # a number of one digit read as a letter of its shape ("l"), however faint: the whole value
    # specks read as characters at the ends of a value: symbols, or one or two doubtful letters
    # … but a doubtful short word that ends a country's or ethnic group's name with the words before it ("Ba" and
    # a faint "Na") is the name's: without it the value is another, shorter name of the list
    while out and _speck(out[-1], kind, out[-2] if len(out) > 1 else None, keep) \
            and not (spec is not None and ends_a_name(spec.kind, spec.key, [t.text for t in out if not t.leader])):
        out.pop()
    while out and _speck(out[0], kind, None, keep) and not opens_place(out, kind) and not opens_name(out, kind):
        out.pop(0)
    if opens_place(out, kind) and out[0].text.strip(GLUED_SPECKS) != out[0].text:
        out[0] = replace(out[0], text=out[0].text.strip(GLUED_SPECKS))  # "_xã": the stroke is no letter of it
    # one letter far to the right of a text, after a gap of several words' width ("Chum sành      ụ"); the
    # specks it stood behind are then the value's end and go too ("Việt Nam ˆ      ý")
    if kind in ("text", "place", "name") and len(out) >= 2 and len(out[-1].text) == 1 and out[-1].text.isalpha():
        height = max(1, out[-2].bbox[3] - out[-2].bbox[1])
        if out[-1].bbox[0] - out[-2].bbox[2] > 4 * height:
            out.pop()
            while out and _speck(out[-1], kind, out[-2] if len(out) > 1 else None, keep):
                out.pop()
    return out


_VOCAB_FOLDS: dict[tuple[str, ...], frozenset[str]] = {}


@lru_cache(maxsize=64)
def _vocab_keys(names: tuple[str, ...]) -> frozenset[tuple[str, str]]:
    return frozenset(syllable_key(w) for w in vocabulary(names))


@lru_cache(maxsize=64)
@lru_cache(maxsize=None)
def _known_words(names: tuple[str, ...]) -> frozenset[str]:
    """Lower-case words a place or text may be made of: the field's vocabulary, the common place, unit and
    office words, the name syllables."""
    from .vocab import NAME_SYLLABLES
    words = {w.lower() for w in COMMON_WORDS} | set(NAME_SYLLABLES)
    if names:
        words |= {w.lower() for phrase in vocabulary(names) for w in phrase.split()}
    return frozenset(words)


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
    words of letters, in the name's own case, and the whole stays a name's length."""
    words = [t.text.strip(".,;:\"'“”") for t in more]  # (a quote mark OCR read beside a word is no letter)
    if not words or len(toks) + len(words) > NAME_MAX_WORDS:
        return False
    # a name is written in one case: capitals below a name in lower case are the next label ("NĂM SINH")
    if toks and not all(t.text.isupper() for t in toks) and any(w.isupper() and len(w) > 1 for w in words):
        return False
    return all(w[:1].isupper() and w.isalpha() and w[1:] == w[1:].lower() or w.isupper() and w.isalpha()
               and len(w) > 1 for w in words)


def name_and_tail(toks: list[Tok]) -> tuple[list[Tok], list[Tok]]:
    """A name and the words after it that are not written as a name's: a name opens with two or more words in
    a name's case, and the first word after them that is not ("tước", "tUÊi": the next label's words, read
    badly) ends it. A name typed without capitals is left whole."""
    k = 0
    while k < len(toks) and name_cased(toks[k].text.strip(".,;:“”\"'")):
        k += 1
    if k < 2 or k == len(toks):
        return toks, []
    return toks[:k], toks[k:]


def place_and_tail(toks: list[Tok]) -> tuple[list[Tok], list[Tok]]:
    """An address and the words after its top unit that are no part of it (``gazetteer.address_end``: "…, tỉnh
    Hà Tĩnh | Mã định danh 0381…", the next label run in). The address is whole without them; they are another
    pair's, listed for review rather than dropped."""
    return _value_and_rest(toks, address_end)


def _value_and_rest(toks: list[Tok], end_of: Callable[[list[str]], int | None]) -> tuple[list[Tok], list[Tok]]:
    """The value's words before the word ``end_of`` says ends it (over the words' texts, leaders aside), and the
    words from there on, leaders aside: another pair's. With no end found, the value is whole."""
    words = [t for t in toks if not t.leader]
    end = end_of([t.text for t in words])
    if end is None:
        return toks, []
    cut = toks.index(words[end])
    return toks[:cut], [t for t in toks[cut:] if not t.leader]


PAIR_LABEL_WORDS = 6  # words a label nobody listed may hold before its colon, after a column's blank


def _opens_pair(toks: list[Tok]) -> bool:
    """Words, a colon ending the last of them, then a value: a "label: value" pair, whatever its words."""
    for k, t in enumerate(toks[:PAIR_LABEL_WORDS]):
        if not bare_word(t.text).isalpha():
            return False
        if t.text.endswith(":"):
            return any(any(c.isalnum() for c in w.text) for w in toks[k + 1:] if not w.leader)
    return False


def pair_after_gap(toks: list[Tok]) -> tuple[list[Tok], list[Tok]]:
    """A value and the next column's pair run into it: after a blank as wide as a column's (``layout.COLUMN_GAP``
    line heights), words ended by a colon and a value ("Tiểu đội phó      Xxx yyy: Đại đội 8, …") are a pair of
    their own whose label no list holds, not the value's words; so are words in a label's case then a number alone
    with no colon (``number_pair``: "Đồng thau      Xxx yyy 02"). They are listed for the record-wide decoding."""
    for j in range(1, len(toks)):
        height = max(1, toks[j - 1].bbox[3] - toks[j - 1].bbox[1])
        rest = [t for t in toks[j:] if not t.leader]
        if gap_before(toks, j) > COLUMN_GAP * height and (_opens_pair(rest)
                                                          or opens_number_pair([t.text for t in rest])):
            return toks[:j], rest
    return toks, []


def unit_and_tail(toks: list[Tok]) -> tuple[list[Tok], list[Tok]]:
    """A military unit and the next pair's value run into it from a date on (``value_look.unit_end``): the unit
    is whole without them; they are another pair's, listed for review rather than kept in the unit."""
    from .value_look import unit_end
    return _value_and_rest(toks, unit_end)


def text_and_tail(toks: list[Tok]) -> tuple[list[Tok], list[Tok]]:
    """A text and the next pair run into it: label words the vocabulary reads (all but one word at most) that ask
    for a name or name a person, opening with a capital after the text's lower case, then a name, ending the
    value ("Sốt xuất huyết | Danh tính người được ủy quyền khai tử Lại Tự Quân"). A text is no person's label
    and name; they are another pair's, listed for review rather than dropped."""
    from .labels import meaning
    words = [t for t in toks if not t.leader]
    texts = [t.text for t in words]
    for j in range(1, len(words) - 2):
        if not (texts[j][:1].isupper() and texts[j - 1][:1].islower()):
            continue  # a label opens with a capital after the text's last word in lower case
        for n in (4, 3, 2):
            label = texts[j:len(texts) - n]
            if not label or not name_like(texts[-n:]) or any(not bare_word(w).isalpha() for w in label):
                continue
            m = meaning(" ".join(bare_word(w) for w in label))
            # it asks for a name or names a person, and reads nearly whole (one word the vocabulary lacks, at most:
            # "ủy" of "người được ủy quyền")
            if (m.roles or "name" in m.attrs) and len(m.unknown) <= 1 and len(m.unknown) < len(label) / 3:
                cut = toks.index(words[j])
                return toks[:cut], [t for t in toks[cut:] if not t.leader]
    return toks, []


def relation_and_tail(toks: list[Tok]) -> tuple[list[Tok], list[Tok]]:
    """A person's tie and the next pair run into it: a kinship term opens with a word naming a person ("Cha",
    "Cháu") and goes on only in lower case ("ngoại", "út"); a word in Title case or a digit after it is another
    pair's label or value ("Cha | Xxx yyy ngày 01/05/1950"), listed for review rather than kept in the tie."""
    from .labels import meaning
    words = [t for t in toks if not t.leader]
    if len(words) < 2 or not meaning(bare_word(words[0].text)).roles:
        return toks, []
    for t in words[1:]:
        w = bare_word(t.text)
        if any(c.isdigit() for c in w) or w[:1].isupper() and w[1:] != w[1:].upper():
            cut = toks.index(t)
            return toks[:cut], [x for x in toks[cut:] if not x.leader]
    return toks, []


_COMMON_FOLDS = {fold(w) for w in COMMON_WORDS}
_ROMAN_LETTERS = set("ivxlc")


_MEASURE_UNITS = frozenset({"mm", "cm", "dm", "m", "em", "kg", "g", "gr"})  # folded, as OCR reads them


GLUED_SPECKS = "_|'`\"“”‘’*~^"  # strokes OCR glues to a word's ends on a degraded page ("_xã", "|xã")


def opens_name(toks: list[Tok], kind: str | None) -> bool:
    """Is the first token, however faintly read ("Vi" at 0.5), the family name a person's name opens with: the
    words with it are written as a name, and without it they are none, or one only by a family name's letters
    ("Hòa" of "Vi Hòa Bình" is the family name "Hoa" with other marks)? A short family name ("Vi", "Lò", "Hà")
    has a speck's length; its place before the given names vouches for it."""
    texts = [t.text for t in toks]
    if kind != "name" or len(texts) < 2:
        return False
    texts[0] = bare_name_word(texts[0]) or texts[0]  # (a stroke or quote mark OCR glued to it is no letter: "„Vi")
    if not name_like(texts):
        return False
    return not name_like(texts[1:]) or texts[0] in SURNAMES and bare_name_word(texts[1]) not in SURNAMES


def opens_place(toks: list[Tok], kind: str | None) -> bool:
    """Is the first token the level word an address opens with, however faintly read ("xã" at 0.04, "_xã"):
    a level word as written, then a capitalised name or a number ("xã Cảnh Hưng", "xóm 10")? Its place before
    the name vouches for it; without it the place would lose its first unit's level."""
    if kind not in ("place", "text", None) or len(toks) < 2:  # None: a value whose field is not known yet
        return False
    word = unicodedata.normalize("NFC", toks[0].text.strip(GLUED_SPECKS)).lower()
    nxt = toks[1].text.strip(GLUED_SPECKS)
    return word in _OPENING_LEVELS and (nxt[:1].isupper() or nxt[:1].isdigit())


_OPENING_LEVELS = frozenset(w for w in LEVEL_WORDS if " " not in w)


def _speck(t: Tok, kind: str | None = None, prev: Tok | None = None, keep: frozenset[str] = frozenset()) -> bool:
    # modifier letters ("ˆ", "ʼ") count as letters for Python but are marks read from specks
    if not any(c.isalnum() and unicodedata.category(c) != "Lm" for c in t.text):
        return True
    if kind in ("name", "text") and misread_capital(t.text):
        return False  # "%ối": a word whose capital OCR read as a symbol; its doubt stays on the value
    if not (len(t.key) <= 2 and t.confidence < 0.6 and not t.text[:1].isdigit()):
        return False
    # a doubtful short word that is a word of places and units ("xã", "sĩ" of "Trung sĩ", "tê" of "y tế"),
    # or the numeral after "thế kỷ", is part of the value, not a speck
    if kind == "dating" and prev is not None and prev.key in ("ky", "tk") and set(t.key) <= _ROMAN_LETTERS:
        return False  # even barely read: without it the dating has no value at all (its confidence tells)
    if kind in ("dimensions", "weight") and prev is not None and prev.text[-1:].isdigit() and t.key in _MEASURE_UNITS:
        # a unit after its number, even barely read: without it the measure takes another's unit ("Dài 1,2 m,
        # cao 120" would be 120 m); its confidence tells
        return False
    if t.confidence < 0.3:
        return True
    if kind == "sex" and normalise(kind, t.text).quality >= 1:
        return False  # "Nữ" at 0.59: the whole value of a two-word closed list, not a speck; its confidence tells
    if kind in ("place", "text") and (t.key in _COMMON_FOLDS or t.key in keep):
        return False
    if kind == "name" and prev is not None and name_cased(prev.text) and name_cased(t.text) \
            and name_syllable(t.text):
        # a given name's syllable written as a name's, after a word of the name ("Phùng Hoài Uy" with "Uy" at 0.57):
        # short syllables ("Uy", "Vy") are names' as often as specks' shapes; the word's confidence tells
        return False
    if kind in ("place", "text") and prev is not None and begins_unit_name(prev.text, t.text):
        # a unit's name, or its first word, right after its level word ("huyện Mỗ" / "Cày Nam, …": the district
        # "Mỏ Cày Nam"): a doubtful short word there is the name the level word announces, not a speck
        return False
    return True
