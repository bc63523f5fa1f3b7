"""Finding the labels of a row: the type's wordings matched fuzzily over windows of words, then read for
their meaning (``labels.resolve``: role × attribute) so that unknown wordings, labels that run on past a
known beginning and labels naming another person are read right; section markers ("Người mẹ")."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from sohoa.text import clean_spaces, fold

from .fields import _phrases, _speck
from .gazetteer import LEVEL_WORDS, UNIT_LEVELS, completes_unit
from .hour_of_date import in_hour
from .label_edges import name_syllable
from .bracket_notes import in_notes, inside_open_note, outside_notes
from .countries import COUNTRY_NAMES
from .label_model import WORD_KINDS
from .labels import (EVENTS, SELF_NAMING_KINDS, field_meanings, is_label_word, marker_section, meaning,
                     moment_companions, resolve, role_conflict, same_person, value_kind, written_syllables)
from .layout import COLUMN_GAP, TABLE_RULE, Tok, after_leaders, case_turns, gap_before
from .loader import FieldSpec, Label, Schema, label_key
from .normalize import normalise, repair_tone_shift
from .value_look import field_by_look
from .vocab import vocabulary

LABEL_MIN = 0.78  # label similarity needed for labels of 7+ letters
SHORT_LABEL_MIN = 0.8
HEADER_LABEL_MIN = 0.7  # a column title of 7+ letters in a table's header row (the row needs 3 other titles)


# --- label matching ---------------------------------------------------------------------------

@dataclass
class Match:
    start: int  # token index in the row part
    end: int  # exclusive
    spec: FieldSpec
    label: Label
    score: float
    weight: float
    companion: bool = False  # read from the same words only when they hold its value ("… lúc: 14 giờ, ngày …")
    shares: str = ""  # a table title's wording of another field beside this one's ("Tên, loại hiện vật")


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
    near = _labels_near_in_length(labels, section)
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
                _match_window(cands, near(len(window + key)), section, window + key, i, j, toks, nxt, height,
                              strong_end or colon_read_as_letter, header, crossed)
            window += _label_word_key(tj)
            if tj.line_end:
                break  # a label may hold a stray colon ("Số: lượng:") but does not cross OCR lines
    # a label starts outside a note in brackets: "số)" of "Sinh năm (ghi đủ chữ số)" is the note's word, not "Số"
    mid_note = inside_open_note([t.text for t in toks])
    cands = [c for c in cands if not mid_note[c.start]]
    # a wording matched fuzzily over words of a fixed phrase of places and offices ("… Sở Lao động - Thương binh
    # và Xã hội" is no "Thương binh hạng") is the phrase's, inside a value
    chosen = _choose([c for c in cands if c.score >= 1.0 or not _in_fixed_phrase(toks[c.start:c.end])
                      and not _another_phrase(toks, c, schema) and not _holds_another_wording(toks, c, schema)])
    shared = {(m.start, m.end) for m in chosen if sum(o.start == m.start and o.end == m.end for o in chosen) > 1}
    chosen = [_by_meaning_if_other(toks, m, schema, section)
              if (m.start, m.end) not in shared  # words labelling two fields on purpose ("… lúc": time and date)
              and (header or all(t.leader for t in toks[:m.start]) or _strong_end(toks, m.start - 1))
              else m for m in chosen]
    if header:
        return _titles_by_meaning(toks, chosen, schema)
    # the value of a field written in a vocabulary, word for word ("Nguồn gốc: Hiến tặng :"), is no
    # fuzzy label right after it ("Hiện trạng")
    chosen = _no_vocabulary_value(toks, chosen)
    chosen = _no_clause_label(toks, chosen)
    # (and once more after the labels are read for their meaning: "Nguồn gốc: Sưu tầm" is no label "Sưu tầm"
    # naming a place of collection, read from the words alone at the row's end)
    refined = refine_labels(toks, chosen, schema, section, previous, heading)
    return [_glued_noted(toks, m) for m in _no_unit_name_label(toks, _no_vocabulary_value(toks, refined))]


def _glued_noted(toks: list[Tok], m: Match) -> Match:
    """A label read for its meaning over words OCR glued (cut apart by ``glued_words``) says so: the cut is evidence,
    not proof, and the field stays doubtful unless its value's look agrees (``fields.Found.finish``)."""
    if m.label.by_meaning and any(t.unglued for t in toks[m.start:m.end]):
        return replace(m, label=replace(m.label, glued=True))
    return m


def _another_phrase(toks: list[Tok], m: Match, schema: Schema) -> bool:
    """A wording matched loosely over words that each read, as written, as the vocabulary's, and together name
    another field and not what the wording's field asks: the letter that differs makes another word ("bị thương
    tật", the injury, is no "Bị thương tại", its place), so the words are read for their meaning, not as that
    wording. (Words that name no field by themselves, "Đăng bộ ngày", stay the wording's.)"""
    if m.label.after is not None or m.label.contextual:
        return False
    text = _span_text(toks, m.start, m.end)
    said = meaning(text)
    if said.unknown or said.slips or not said.attrs:
        return False
    needs = [fm.needs for fm in field_meanings(schema) if fm.spec.key == m.spec.key]
    if not needs or any(n <= said.attrs for n in needs):
        return False
    other = resolve(text, schema, None)
    return other is not None and all(s.key != m.spec.key for s in other.specs)


def _holds_another_wording(toks: list[Tok], m: Match, schema: Schema) -> bool:
    """A wording matched loosely over words of which those that differ from it are, word for word, another
    field's own wording: the words are that field's label, not a misreading of this one ("Ngày tháng năm bằng
    chữ" is the date restated in words, "bằng chữ", not "Ngày, tháng, năm đăng ký" with two words misread)."""
    if m.score >= 1.0:
        return False
    wording = set(fold(m.label.text).replace(",", " ").split())
    differ = " ".join(w for w in fold(_span_text(toks, m.start, m.end)).replace(",", " ").split() if w not in wording)
    if not differ:
        return False
    return any(lb.folded == label_key(differ) for f in schema.fields if f.key != m.spec.key for lb in f.labels)


def _no_vocabulary_value(toks: list[Tok], chosen: list[Match]) -> list[Match]:
    """Labels that are the value, word for word in its vocabulary, of the field whose label is right before them,
    read fuzzily or from their meaning: dropped, the words are that value."""
    return [m for k, m in enumerate(chosen)
            if not (k and (m.score < 1.0 or m.label.by_meaning) and chosen[k - 1].end == m.start
                    and chosen[k - 1].spec.vocabulary
                    and _in_vocabulary(" ".join(t.text for t in toks[m.start:m.end]), chosen[k - 1].spec))]


def _leads_row(toks: list[Tok], e: int) -> bool:
    """toks[:e + 1] may be a label that starts its row and ends with a full stop, before a dash or before a wide gap:
    a few words of letters, nothing else (a wrapped value ending with a full stop holds commas or digits); as many
    as a label that starts its row and ends at its colon may hold."""
    if e + 1 > ROW_LABEL_MAX_WORDS:
        return False
    t = toks[e]
    nxt = toks[e + 1] if e + 1 < len(toks) else None
    height = max(1, t.bbox[3] - t.bbox[1])
    ends = (t.text.endswith(".") and len(t.text.strip(".")) >= 2) or (nxt is not None and (
        nxt.text in ("-", "–") or nxt.bbox[0] - t.bbox[2] > 1.5 * height))
    if not ends:
        return False
    words = [w.text.rstrip(".,").lstrip("(").rstrip(")") for w in toks[:e + 1] if not w.leader]
    return bool(words) and all(w and (w.isalpha() or "/" in w and w.replace("/", "").isalpha()) for w in words)


def _in_label_case(toks: list[Tok], m: Match, e: int) -> bool:
    """The words after a matched wording up to toks[e] are in the label's own case (lower case after a
    sentence-case label, capitals in a label in capitals): "… của Sở Lao động -" is a value's proper name."""
    label_caps = all(t.text.isupper() for t in toks[m.start:m.end] if any(c.isalpha() for c in t.text))
    for t in toks[m.end:e + 1]:
        letters = [c for c in t.text if c.isalpha()]
        if letters and (all(c.isupper() for c in letters) if label_caps else not all(c.islower() for c in letters)):
            return False
    return True


def _label_cased_unknown(toks: list[Tok], m: Match, e: int) -> bool:
    """toks[m.end:e + 1] are one or two words no vocabulary holds, written in the label's own case (lower case
    in a sentence-case label, capitals in a label in capitals), right before a colon: more of the label ("Họ
    và tên xxx:"), read from its meaning with the unknown word counted against it."""
    if e >= len(toks):
        return False
    nxt = toks[e + 1] if e + 1 < len(toks) else None
    stop = _strong_end(toks, e) or toks[e].text.endswith(".") or nxt is not None and nxt.text in ("-", "–")
    if e - m.end >= 2 or not stop:
        return False
    label_caps = all(t.text.isupper() for t in toks[m.start:m.end] if any(c.isalpha() for c in t.text))
    for t in toks[m.end:e + 1]:
        w = t.text.rstrip(":.")
        if not w.isalpha() or (w.isupper() if label_caps else w.islower()) is False:
            return False
    return True


def _names_last_syllable(toks: list[Tok], s: int, e: int, schema: Schema, section: str | None) -> bool:
    """The first word of the label words toks[s:e + 1], after a name's value, is the name's last syllable: it is
    written as a name's (a capital, a syllable names use), the words after it still name a field, and what the
    word means as a label word is nothing that field asks ("Lượng" of "số lượng" before "Má:", a mother's name)."""
    word = toks[s].text
    if not _title_case(word) or not name_syllable(word):
        return False
    said = meaning(word).attrs
    r = resolve(_span_text(toks, s + 1, e + 1), schema, section)
    if not said or r is None:
        return False
    asks = set().union(*(fm.needs | fm.may for fm in field_meanings(schema) if fm.spec in r.specs))
    return not said & asks


def _title_case(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and letters[0].isupper() and not all(c.isupper() for c in letters)


def _extend_left(toks: list[Tok], m: Match, lo: int, after_label: bool, schema: Schema, section: str | None,
                 previous: FieldSpec | None, heading: str | None) -> Match:
    """A matched wording preceded by a word or two of a label that add what it asks ("Q." before "số:": the book,
    not the number) is read with them; the label before keeps at least one word of value."""
    reach = 3
    row_start = not after_label and lo == 0 and _starts_row_label(toks, m)
    if row_start:
        reach = m.start  # the row's (or column's) first words up to a label and its colon are all the label's
    elif m.label.by_meaning:
        return m
    matched = meaning(_span_text(toks, m.start, m.end))
    own, own_roles = matched.attrs, matched.roles
    best = m  # the longest reading wins: "Nơi | ra đời | người được khai sinh:" is a place, not a date
    for j in range(1, reach + 1):
        a = m.start - j
        if a < lo + (1 if after_label else 0):
            break
        t = toks[a]
        if t.leader or t.colon or not (is_label_word(t.text) or row_start):
            break
        if t.text.rstrip(":.,").endswith(")") and not row_start:
            break  # a note in brackets closes there: its words say how to write the value, and name nobody
        text = _span_text(toks, a, m.end)
        said = meaning(text)
        if said.unknown and not row_start or not (said.attrs - own) and not (said.roles - own_roles):
            # (at the start of a row, words before the colon are the label's even when one is unknown; a person
            # named before a person's label is whose it is: "Mẹ | liệt sĩ" is the martyr's mother, the head of
            # a Vietnamese noun phrase coming first, so the matched role after it only says whose mother)
            continue
        r = resolve(text, schema, section, previous, heading)
        if r is not None and len(r.specs) == 1 and (r.specs[0].key != m.spec.key or row_start):
            best = Match(a, m.end, r.specs[0], Label(text, label_key(text), relation=r.relation, by_meaning=True,
                                                     doubt=r.doubt), r.score, m.weight)
    return best


# how many words past a matched wording a label may still run on to its colon, a note in brackets aside
LABEL_RUN_ON_WORDS = 6


def _run_on_end(toks: list[Tok], start: int, stop: int) -> int:
    """Where a label matched up to ``start`` may run on to at most: ``LABEL_RUN_ON_WORDS`` words, not counting
    those of a note in brackets ("Họ tên (viết bằng chữ in hoa) người con:"). A note says how to write the value
    and is the label's whatever its length; counted, it left the label's last words to be read as a label of their
    own, whose note words fold like a person's ("có dấu", "cô dâu")."""
    notes = in_notes([t.text for t in toks])
    counted, e = 0, start
    while e < stop and counted < LABEL_RUN_ON_WORDS:
        counted += not notes[e]
        e += 1
    return e


def _starts_row_label(toks: list[Tok], m: Match) -> bool:
    """The words before a label that ends with a colon (or a gap before its value) are a few words alone at the
    start of their row or column ("NƠI Ở HIỆN TẠI | LIỆT SĨ:", "Nơi | ra đời người được khai sinh:"): no value
    can be among them."""
    ended = _strong_end(toks, m.end - 1)
    return 0 < m.start and m.end <= (LABEL_MAX_WORDS_ENDED if ended else ROW_LABEL_MAX_WORDS) \
        and (ended or _soft_end(toks, m.end - 1)) and bool(words := after_leaders(toks[:m.start])) \
        and all(not t.colon and t.text.strip(",.;()").isalpha() for t in words)


def _join_adjacent(toks: list[Tok], chosen: list[Match], schema: Schema, section: str | None,
                   previous: FieldSpec | None, heading: str | None) -> list[Match]:
    """Two wordings matched side by side ("Nơi sinh" + "người được khai sinh:") are one label when the first has no
    end of its own and the whole reads as one field. Words between them join too when the vocabulary explains
    every one of them and they are written in the label's own case ("HỌ TÊN" + "ĐẦY ĐỦ" + "LIỆT SĨ:"): the label
    is the longest phrase that reads as one, so its middle words never become a value."""
    out: list[Match] = []
    k = 0
    while k < len(chosen):
        m = chosen[k]
        n = chosen[k + 1] if k + 1 < len(chosen) else None
        if n is not None and _label_between(toks, m, n) and m.spec is not UNMAPPED and n.spec is not UNMAPPED \
                and not _strong_end(toks, m.end - 1) and not _soft_end(toks, m.end - 1) and _strong_end(toks, n.end - 1) \
                and len(words := outside_notes(toks[m.start:n.end])) <= LABEL_MAX_WORDS + 1 \
                and all(is_label_word(t.text) for t in words):
            whole = _read_label(toks, m.start, n.end, schema, section, previous, heading=heading)
            if len(whole) == 1 and whole[0].spec is not UNMAPPED:
                out.append(whole[0])
                k += 2
                continue
        if n is not None and _whose_after_what(toks, m, n, schema):
            out.append(Match(m.start, n.end, m.spec, m.label, m.score, m.weight))
            k += 2
            continue
        out.append(m)
        k += 1
    return out


def _whose_after_what(toks: list[Tok], m: Match, n: Match, schema: Schema) -> bool:
    """A wording that asks something (``m``: "QUÊ QUÁN"), a word or two in the label's case, then a wording that
    names a person and nothing else, ended by its colon (``n``: "ĐỒNG CHÍ:", another field's wording where it
    stands alone): the label asks ``m``'s field of that person, whatever the words between ("QUÊ QUÁN XXX ĐỒNG
    CHÍ:" is the subject's hometown), when ``m``'s field is that person's. The words between never become the
    value, nor the person's wording a label of its own."""
    if m.spec is UNMAPPED or n.spec is UNMAPPED or not _strong_end(toks, n.end - 1):
        return False
    said = meaning(_span_text(toks, n.start, n.end))
    if not said.roles or said.attrs or said.unknown or meaning(_span_text(toks, m.start, m.end)).attrs == set():
        return False
    return _person_after_attribute(toks, m, n) and same_person(m.spec, n.spec, schema)


def _wide_gap_before(toks: list[Tok], j: int) -> bool:
    """A blank before word ``j`` as wide as the one before a column (``layout.COLUMN_GAP``), in the height of the
    word before it."""
    height = max(1, toks[j - 1].bbox[3] - toks[j - 1].bbox[1])
    return gap_before(toks, j) > COLUMN_GAP * height


def _line_break_before(toks: list[Tok], j: int) -> bool:
    """OCR ended its line before word ``j`` of a row, over a blank of half a line height or more: a column's
    edge (a table's ruled border, taken off the image, still parts the lines), even where the blank is narrow."""
    height = max(1, toks[j - 1].bbox[3] - toks[j - 1].bbox[1])
    return toks[j - 1].line_end and gap_before(toks, j) >= 0.5 * height


def _label_to_gap(toks: list[Tok], chosen: list[Match], schema: Schema, section: str | None,
                  previous: FieldSpec | None, heading: str | None) -> list[Match]:
    """A label that starts its row without a colon, in a grid of labels and values ("Quê quán gốc xyz      xã
    …"): the words in lower case after the wording matched, up to the wide gap (or the line break of a ruled
    border) before the value's column, are
    the label's, known words or not, and the label is read whole. Not when those words are the field's value (a
    closed value, "Giới tính nữ"), when another label comes after the gap (the words were the value of a grid
    row "Nghề nghiệp làm ruộng      Nơi ở …"), or when a colon or leader ends the label before the gap."""
    if not chosen or chosen[0].spec is UNMAPPED:
        return chosen
    m = chosen[0]
    if any(c.isalnum() for t in toks[:m.start] for c in t.text):
        return chosen  # (a ruled line read as "|" before the label is no word)
    k = next((j for j in range(m.end, len(toks)) if _wide_gap_before(toks, j) or _line_break_before(toks, j)), None)
    if k is None or k == m.end or k - m.start > LABEL_MAX_WORDS or any(o.start == k for o in chosen):
        return chosen
    if any(t.leader or t.colon or t.text.endswith(":") for t in toks[m.start:k]) \
            or not _has_value(toks, k - 1, len(toks)):
        return chosen
    if not all(t.text.isalpha() and t.text.islower() for t in toks[m.end:k]) or _closed_value(toks[m.end:k], m.spec):
        return chosen
    if any(o.end > k for o in chosen if o.start < k):
        return chosen
    whole = _read_label(toks, m.start, k, schema, section, previous, m, heading)
    return whole + [o for o in chosen if o.start >= k]


# level words as written, lower case (the last word of "thành phố", "thị trấn"; "trấn" is no "Trần")
_ONE_WORD_LEVELS = frozenset(w.split()[-1] for w in LEVEL_WORDS)
LABEL_GAP_WORDS = 2  # words of a label's own between two wordings matched in it


def _label_between(toks: list[Tok], m: Match, n: Match) -> bool:
    """Nothing lies between the matches m and n, or only a word or two of labels, with no stop after them, in
    the label's own case, and the vocabulary explains the whole (no unknown syllable)."""
    if n.start == m.end:
        return True
    if n.start < m.end:
        return False
    between = outside_notes(toks[m.end:n.start])
    if len(between) > LABEL_GAP_WORDS:
        return False
    if any(t.leader or t.colon or not is_label_word(t.text) for t in between) or _soft_end(toks, n.start - 1):
        return False
    said = meaning(_span_text(toks, m.start, n.end))  # (the whole: "gốc" alone is nothing, "nguyên quán gốc" is)
    if said.unknown or said.slips:
        return False
    return _in_labels_case(toks, m, between)


def _in_labels_case(toks: list[Tok], m: Match, between: list[Tok]) -> bool:
    """The words ``between`` are written in the case of the wording ``m`` before them: all in capitals after a
    wording in capitals, else all in lower case (a label's own words, not a value's capitalised ones)."""
    caps = all(t.text.isupper() for t in toks[m.start:m.end] if any(c.isalpha() for c in t.text))
    return all(t.text.isupper() if caps else t.text.islower() for t in between)


def _person_after_attribute(toks: list[Tok], m: Match, n: Match) -> bool:
    """A person's word alone ended by the colon (``n``: "chồng:") a word or two after a wording that asks
    something (``m``: "Ngày sinh"), the words between in the label's own case, with no digit nor stop: a label
    names what it asks and then whom, so the person is the one asked about, not a label of its own ("Ngày sinh
    xxx yyy chồng:" is the husband's date of birth, whatever the words between)."""
    if not 0 < n.start - m.end <= LABEL_GAP_WORDS or _strong_end(toks, m.end - 1) or _soft_end(toks, m.end - 1):
        return False  # (a label ended before the words: they are its value, "Quan hệ: con chồng:")
    between = toks[m.end:n.start]
    if any(t.leader or t.colon or not t.text.isalpha() for t in between):
        return False
    return _in_labels_case(toks, m, between)


FUZZY_OVERRIDE_MAX = 0.95  # a wording matched less closely than this gives way to what its words say


def _by_meaning_if_other(toks: list[Tok], m: Match, schema: Schema, section: str | None) -> Match:
    """A wording matched fuzzily whose words, read for their meaning, all name one other field ("Mã hiện vật"
    is like a description's wording letter by letter, but names the inventory number) is that other field."""
    text = _span_text(toks, m.start, m.end)
    if m.label.after is not None or m.label.contextual or m.score >= FUZZY_OVERRIDE_MAX and (
            written_syllables(text) == written_syllables(m.label.text)):
        return m  # (a wording matched letter for letter but with other marks, "Sổ" for "Số", is read as written)
    said = meaning(text)
    if said.empty or said.unknown or said.slips:
        return m
    r = resolve(text, schema, section)
    if r is None or len(r.specs) != 1 or r.specs[0].key == m.spec.key:
        return m
    return Match(m.start, m.end, r.specs[0], Label(text, label_key(text), relation=r.relation, by_meaning=True,
                                                    doubt=r.doubt), r.score, m.weight)


def _titles_by_meaning(toks: list[Tok], chosen: list[Match], schema: Schema) -> list[Match]:
    """Column titles of a table's header row that no wording matched, read from their meaning: the row is cut
    at its gaps (a title per column) and each run of words that names one field is that field's title."""
    runs, start = [], 0
    for k in range(1, len(toks) + 1):
        if k == len(toks) or toks[k].bbox[0] - toks[k - 1].bbox[2] > 1.2 * max(1, toks[k - 1].bbox[3] - toks[k - 1].bbox[1]):
            runs.append((start, k))
            start = k
    out = list(chosen)
    for a, b in runs:
        inside = [m for m in out if m.start < b and m.end > a]
        if inside and len(chosen) - len(inside) < 3 or b - a > LABEL_MAX_WORDS \
                or any(m.start == a and m.end == b for m in inside) \
                or any(m.start < a or m.end > b for m in inside):
            continue  # one wording matched the whole title, or a match crosses the column's edge
        text = _span_text(toks, a, b)
        r = resolve(text, schema) if text and all(is_label_word(t.text) for t in toks[a:b]) else None
        if r is not None and len(r.specs) == 1 and not meaning(text).unknown:
            # the whole title read by its meaning, over wordings matched in pieces of it ("khổ" of "Khuôn khổ")
            out = [m for m in out if m not in inside]
            out.append(Match(a, b, r.specs[0], Label(text, label_key(text), by_meaning=True), r.score,
                             r.score * min(len(label_key(text)), 30)))
    return sorted(out, key=lambda m: m.start)


# a "label: value" pair that names no field of the type: listed on the record, its value kept out
UNMAPPED = FieldSpec("_unmapped", "text", labels=())
LABEL_MAX_WORDS = 8  # a label read from its words alone is at most this long
# a label that starts its row and ends at a dash or the gap before its value: the words a label read from its words
# alone may hold, and two more of the attribute before them ("Địa điểm" of a place, "Nơi ra" of one) when the
# person they ask about takes five ("… người được đăng ký khai sinh")
ROW_LABEL_MAX_WORDS = LABEL_MAX_WORDS + 2
# ... and one its colon ends, every word a label word: a person named by what they do makes labels long ("Họ tên
# đầy đủ người đứng ra làm giấy khai …:"), and the colon says where the label ends as no count of words does
LABEL_MAX_WORDS_ENDED = 12


def _strong_end(toks: list[Tok], j: int) -> bool:
    """The word ends a label: a colon, a leader OCR glued to it ("SỐ--"), a dotted leader after it (a lone
    dash is no leader here), or a ruled table's line after it: the border of the label's cell."""
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    return toks[j].colon or toks[j].text.endswith(("--", "——", "––")) or (nxt is not None and (
        nxt.leader and (len(nxt.text) >= 2 or nxt.text == TABLE_RULE) or nxt.text.startswith(":")))


def _soft_end(toks: list[Tok], j: int) -> bool:
    """The word may end a label written without a colon: with a full stop ("Nơi ở."), before a dash
    ("Nơi ở -"), before a wide gap (a grid of labels and values), or last on its row (the value below)."""
    t = toks[j]
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    if nxt is None:
        return True
    height = max(1, t.bbox[3] - t.bbox[1])
    return (t.text.endswith(".") and len(t.text.strip(".")) >= 2) or nxt.text in ("-", "–") \
        or nxt.bbox[0] - t.bbox[2] > 1.5 * height


def _self_naming_end(toks: list[Tok], k: int) -> int | None:
    """Where a value that says alone what it is (an ethnic group, a country, a sex: ``value_kind.value_kind``) ends
    when one starts at word ``k``: a capital where the label's case gives way (``layout.case_turns``), up to the
    row's end or a gap, no colon on the way. Such words are the value even when they are also label syllables
    ("Kinh" as "kính", "Mnông" one letter off "mồng"): a label ends before them. None when no such value starts."""
    if not 0 < k < len(toks):
        return None
    if not case_turns(toks[k - 1].text, toks[k].text):
        return None
    for f in range(k, min(k + 4, len(toks))):
        if toks[f].leader or toks[f].colon or _strong_end(toks, f):
            return None
        if _soft_end(toks, f):
            return f if value_kind(_span_text(toks, k, f + 1)) in SELF_NAMING_KINDS else None
    return None


def _clause_on_label(toks: list[Tok], lo: int, s: int, e: int) -> bool:
    """Words from ``s`` to ``e`` right after a label (which ends at ``lo``, no value between) that hold a clause
    "<noun> đã|được <event>" on a noun the vocabulary lacks ("… chiến sĩ đã hy sinh", "… xxx được khai sinh"):
    as "người đã mất" does, the clause says which person the label before is about; it is no label of its own."""
    if any(c.isdigit() for t in toks[lo:e + 1] for c in t.text):
        return False
    for k in range(max(s, lo + 1), e + 1):
        if fold(toks[k].text.strip(",.;:()")) in ("da", "duoc"):
            return bool(meaning(toks[k - 1].text).unknown) and not meaning(_span_text(toks, k + 1, e + 1)).unknown
    return False


def _caption_of_its_own(toks: list[Tok], s: int, e: int, before: FieldSpec, schema: Schema,
                        section: str | None) -> bool:
    """Words s..e after a column's blank that name a field read whole, whose first word is no value the label
    before could hold (a percentage's label is followed by no word): the next caption of a row of captions, its
    value under it ("Tỷ lệ …      Hạng xx"), not the label before's value and a label of one word."""
    return s > 0 and _wide_gap_before(toks, s) and before.kind not in WORD_KINDS \
        and normalise(before.kind, toks[s].text).value is None \
        and resolve(_span_text(toks, s, e + 1), schema, section) is not None


def _after_level_word(toks: list[Tok], s: int) -> bool:
    """Word ``s`` follows the word of an administrative unit's level (``gazetteer.UNIT_LEVELS``: "huyện", "thị
    trấn" …) with no colon between: it starts the unit's name."""
    if s == 0 or toks[s - 1].colon:
        return False
    last = toks[s - 1].text.strip(",.;").lower()
    return last in UNIT_LEVELS or s >= 2 and f"{toks[s - 2].text.lower()} {last}" in UNIT_LEVELS


def _no_unit_name_label(toks: list[Tok], chosen: list[Match]) -> list[Match]:
    """Without the labels matched only fuzzily or by meaning that start right after an administrative level's
    word and end with no colon: they are the unit's name ("huyện Giồng Trôm", "giồng" one mark from "giống", a
    sex), which runs on the place before; a label a form prints after a level word ends with its colon."""
    return [m for m in chosen if m.score >= 1.0 or _strong_end(toks, m.end - 1) or not _after_level_word(toks, m.start)]


def _no_clause_label(toks: list[Tok], chosen: list[Match]) -> list[Match]:
    """Without the wordings matched only fuzzily whose own words are a clause on the person the label before asks
    about (``_event_on_a_noun``: "… xxx nhân bị thương" read as "Ngày bị thương"): they ask nothing, and the label
    before runs on over them."""
    out: list[Match] = []
    for m in chosen:
        if out and m.score < 1.0 and out[-1].end < m.start and _event_on_a_noun(toks, out[-1].end, m.start, m.end - 1):
            continue
        out.append(m)
    return out


def _event_on_a_noun(toks: list[Tok], lo: int, s: int, e: int) -> bool:
    """Right after a label, words the vocabulary lacks in the label's own case, then words s..e that name only an
    event ("Nơi thường trú xxx yyy bị thương"): the noun and the event are a clause on the person the label asks
    about, as "người bị thương" is (``label_clauses.event_on_unknown_noun`` reads a label so), not a value and
    an event's label. A value after a label is written in another case (a place's or a name's capitals)."""
    between = [t for t in toks[lo:s] if not t.leader]
    if lo == 0 or not between or toks[lo - 1].colon:
        return False
    caps = toks[lo - 1].text.isupper()
    if not all(t.text.isupper() if caps else t.text.islower() for t in between) \
            or not all(meaning(t.text).unknown for t in between):
        return False
    said = meaning(_span_text(toks, s, e + 1))
    return bool(said.attrs) and said.attrs <= EVENTS and not said.roles and not said.unknown


def _span_text(toks: list[Tok], a: int, b: int) -> str:
    return clean_spaces(" ".join(t.text for t in toks[a:b] if not t.leader)).rstrip(":.-– ").strip()


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
        label = Label(text, label_key(text), relation=r.relation, by_meaning=True, doubt=r.doubt, role_only=r.role_only)
        return [Match(a, b, spec, label, r.score, r.score * min(n, 30)) for spec in r.specs]
    if fallback is not None and not role_conflict(text, fallback.spec, schema):
        return [Match(a, b, fallback.spec, fallback.label, fallback.score, fallback.weight)]
    return [Match(a, b, UNMAPPED, Label(text, label_key(text)), 0.0, 0.0)]


UNMAPPED_MIN_OCR = 0.6  # words read this poorly are no evidence of a label nobody expected


def _reads_as_label(words: list[Tok], right_after_label: bool) -> bool:
    """May these words, which name no field, still be a label (listed as unmapped)? Not when they stand
    right after another label with nothing between (they are its value: "Giới tính: Nam :", "Mô tả: Giấy
    dó,: …"), nor when OCR read them poorly or they are not words ("uc:", "Tự:" of a garbled motto)."""
    if right_after_label:
        return False
    texts = [t.text.strip(":.,;-–") for t in words if not t.leader]
    if not texts or not all(len(x) >= 2 and x.replace(" ", "").isalpha() for x in texts):
        return False
    return sum(t.confidence for t in words) / len(words) >= UNMAPPED_MIN_OCR


def refine_labels(toks: list[Tok], chosen: list[Match], schema: Schema, section: str | None,
                  previous: FieldSpec | None = None, heading: str | None = None) -> list[Match]:
    """Labels of a row, read for their meaning as well as matched against the type's wordings:

    - a matched label that runs on to a colon over more label words ("Họ và tên
      người quá cố:") takes those words too, and is re-read whole: the rest never stays in the value;
    - a label that names another person than its field ("… tên người đã mất" fuzzily like "… tên người
      đi khai tử") is re-read from its meaning;
    - words ending with a colon that no wording matched are read from their meaning (role × attribute):
      a field, or an unmapped pair listed on the record."""
    chosen = _join_adjacent(toks, chosen, schema, section, previous, heading)
    chosen = _label_to_gap(toks, chosen, schema, section, previous, heading)
    notes = in_notes([t.text for t in toks])
    out: list[Match] = []
    for k, m in enumerate(chosen):
        stop = next((o.start for o in chosen[k + 1:] if o.start >= m.end), len(toks))
        prev = out[-1].spec if out and out[-1].spec is not UNMAPPED else previous
        if m.spec is UNMAPPED:
            out.append(m)
            continue
        m = _extend_left(toks, m, out[-1].end if out else 0, bool(out), schema, section, prev, heading)
        if not _strong_end(toks, m.end - 1):
            soft_ended = _soft_end(toks, m.end - 1)
            for e in range(m.end, _run_on_end(toks, m.end, stop)):
                if toks[e].leader:
                    break
                if not is_label_word(toks[e].text) and not notes[e] and not (
                        _strong_end(toks, e) and not meaning(_span_text(toks, m.start, e + 1)).unknown) \
                        and not any(_label_cased_unknown(toks, m, x) for x in (e, e + 1)):
                    break  # a word of no label, unless the whole reads as label words ("người quá cế:")
                # a label written without a colon runs on to its full stop, dash, gap or row end the same
                # way (a label in a grid, or above its value, naming its person last), when every word is a label word
                if not soft_ended and not _strong_end(toks, e) and _closed_value(toks[m.end:e + 1], m.spec) \
                        and not toks[m.end].text.startswith("("):
                    break  # "Giới tính Nam": the words are the field's value, not more of its label
                    # (but a note in brackets after a label is the label's: "Giới tính (nam hay nữ) …:")
                if _strong_end(toks, e) or not soft_ended and _soft_end(toks, e) and _in_label_case(toks, m, e) \
                        or _label_cased_unknown(toks, m, e):
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
        if e in taken or t.leader or not any(c.isalpha() for c in t.text):
            continue
        strong = _strong_end(toks, e)
        if not strong and any(_self_naming_end(toks, k) == e for k in range(max(1, e - 3), e + 1)):
            continue  # the last words are a value that says what it is ("Xxx tộc Kinh"): the label ends before them
        if not strong and not _soft_end(toks, e) and _self_naming_end(toks, e + 1) is None:
            continue
        before = [m for m in out + extra if m.end <= e]
        last = max(before, key=lambda m: m.end) if before else None  # the label right before this one
        # words from the start of a row to a full stop, a dash or a wide gap are a label as words before a colon
        # are, even with a word the vocabulary lacks ("Xxx yyy.", a grid's "Xxx yyy      value")
        lead = not strong and not before and _leads_row(toks, e) and not any(m.start <= e for m in out + extra)
        longest = LABEL_MAX_WORDS_ENDED if strong else LABEL_MAX_WORDS
        strong = strong or lead
        lo = max((m.end for m in before), default=0)
        s = e
        while s > lo and e - s < longest - 1 and not toks[s - 1].leader and not toks[s - 1].colon \
                and is_label_word(toks[s - 1].text) and not (not strong and _soft_end(toks, s - 1)) \
                and not (s < e and _title_case(toks[s].text)):
            s -= 1  # (a label in sentence case starts at its capital: "… Thị Sinh Năm sinh:" starts at "Năm")
        while before and s < e and meaning(_span_text(toks, s, e + 1)).unknown \
                and not meaning(_span_text(toks, s + 1, e + 1)).empty:
            s += 1  # a value word that is also a label syllable ("Giấy" of "giấy báo tử") is the value before
        while last is not None and s < e and last.spec.kind == "name" \
                and _names_last_syllable(toks, s, e, schema, section):
            s += 1  # "Ba: Đàm Tấn Lượng Má:": "Lượng" (of "số lượng") ends the father's name, "Má:" is the label
        if before and s == lo and s < e and resolve(_span_text(toks, s + 1, e + 1), schema, section) is not None \
                and not _caption_of_its_own(toks, s, e, last.spec, schema, section):
            s += 1  # the label before would be left with no value: its value is the first word ("Nam" of a sex)
        first = lo + (lo == 0 and bool(toks) and toks[0].text == TABLE_RULE)  # (a table's left border opens the row)
        if strong and s > first and not before and e - first < max(longest, ROW_LABEL_MAX_WORDS) and all(
                not t2.leader and not t2.colon and t2.text.strip(",.;()").isalpha() for t2 in toks[first:s]):
            s = first  # at the start of the row every word before the colon is the label (words, not numbers)
            # (a word of a note in brackets is a word too: "Vị trí (phòng, tủ, ngăn):" is the label whole, and the
            # value after the colon keeps its first word even when the note names it)
        if (before or not strong) and not is_label_word(toks[e].text):
            continue  # words after another label are its value unless they read as label words
        if before and _clause_on_label(toks, lo, s, e):
            continue  # "Năm sinh xxx đã hy sinh": the clause says whose the label before asks, it asks nothing
        if before and s > lo and completes_unit(_span_text(toks, lo, s), [t.text for t in toks[s:e + 1]]):
            continue  # the rest of the province or district the value names ("tỉnh Bắc Giang.": no "giống")
        if before and s > lo and fold(_span_text(toks, s - 1, e + 1)).strip(" .,;:") in COUNTRY_NAMES:
            continue  # the rest of the country the value names ("Việt Nam...": a leader after it, no label)
        stop = min((m.start for m in out if m.start > e), default=len(toks))
        alone = not any(c.isalnum() for t2 in toks[:s] for c in t2.text if not t2.text[:1].isdigit()) \
            and not _has_value(toks, e, len(toks))
        label_alone = not _has_value(toks, e, stop)
        said = meaning(_span_text(toks, s, e + 1))
        own_caption = last is not None and said.attrs and _caption_of_its_own(toks, s, e, last.spec, schema, section)
        if label_alone and (not alone or not said.attrs and said.roles <= {"relative"}) and not own_caption:
            continue  # nothing after it but another label; or the relatives' heading alone ("Thân nhân:")
            # (but a caption of a row of captions names its field: its value is under it)
        prev = last.spec if last is not None else previous
        right_after_label = bool(before) and not any(c.isalnum() for t2 in toks[lo:s] for c in t2.text)
        if right_after_label or not strong:
            # nothing between this and the label before: its words are that label's value ("Giới tính: Nam :")
            # unless they name a field by themselves, without help from the field before or the title; and
            # words not ended by a colon are a label only when every one is a label word and they name a field
            if not strong and not all(is_label_word(t2.text) for t2 in toks[s:e + 1]):
                continue
            got = _read_label(toks, s, e + 1, schema, section, None)
            if not strong and got[0].spec is UNMAPPED and value_kind(_span_text(toks, e + 1, stop)) is None:
                continue  # unless the value says what it is (the reader then places it by its value)
            if not strong and before and got[0].label.role_only and not _names_someone(_span_text(toks, e + 1, stop)):
                continue  # a person's word in a value's words ("Mai Bộ Ẻ Xế": no "Bố") labels nothing unless a name follows
        else:
            got = _read_label(toks, s, e + 1, schema, section, prev if prev is not UNMAPPED else None,
                              heading=heading)
        if strong and last is not None and last in out and not last.label.role_only and got[0].label.role_only \
                and last.spec is not UNMAPPED and _person_after_attribute(toks, last, got[0]):
            whole = _read_label(toks, last.start, e + 1, schema, section, previous, heading=heading)
            if len(whole) == 1 and whole[0].spec is not UNMAPPED \
                    and same_person(whole[0].spec, got[0].spec, schema):
                # "Ngày sinh xxx chồng:": the husband's date of birth; "QUÊ QUÁN XXX ĐỒNG CHÍ:", the subject's hometown
                out[out.index(last)] = whole[0]
                taken.update(range(last.start, e + 1))
                continue
        if got[0].spec is UNMAPPED and (label_alone and not lead or not _reads_as_label(toks[s:e + 1], right_after_label)):
            continue  # (a title alone on its row that names no field, "Thân nhân:", is left as it was)
        if got[0].spec is UNMAPPED and lead and not _strong_end(toks, e) \
                and field_by_look(_span_text(toks, s, e + 1), schema) is not None:
            continue  # words before a gap that are one field's value by their look ("Đại đội phó", a post): a
            # column's value beside the next one's, no label nobody listed
        if s > 0 and not toks[s - 1].colon and toks[s - 1].text.strip(",.;").lower() in _ONE_WORD_LEVELS \
                and (not strong or got[0].spec is UNMAPPED):
            continue  # the words after a level word are the unit's name ("xã Đại Đồng. huyện …"), no label
        if in_hour([t.text for t in toks], s, e + 1):
            continue  # "1 giờ 30 phút": the hour's own words end the value ("phút"), no label
        extra.extend(got)
        taken.update(range(s, e + 1))
    found = out + extra
    for m in [m for m in found if m.spec.kind == "time"]:
        if not any(o.start == m.start and o is not m for o in found):
            # a moment ("Giờ chết: 14 giờ 30 phút, ngày …") may give the day too: the date of the same event
            extra += [Match(m.start, m.end, c, m.label, m.score, m.weight, companion=True)
                      for c in moment_companions(m.spec, schema)]
    if extra:
        out = sorted(out + extra, key=lambda m: (m.start, m.spec.key))
    return _join_stray_colon(toks, out, schema, section, previous, heading)


def _join_stray_colon(toks: list[Tok], found: list[Match], schema: Schema, section: str | None,
                      previous: FieldSpec | None, heading: str | None) -> list[Match]:
    """A label cut in two by a colon OCR put inside it ("Hỏ chữ đện: và tên:"): two labels of one field whose
    words between are label words only, in lower case and explained by the vocabulary (no value), are one label,
    read whole; the words between are never the first one's value."""
    out: list[Match] = []
    for m in found:
        p = out[-1] if out else None
        if p is not None and p.spec is m.spec and p.spec is not UNMAPPED and not p.companion and not m.companion \
                and p.end <= m.start and m.start - p.end <= LABEL_GAP_WORDS and _strong_end(toks, p.end - 1) \
                and _strong_end(toks, m.end - 1) and m.end - p.start <= LABEL_MAX_WORDS + 1:
            between = toks[p.end:m.start]
            said = meaning(_span_text(toks, p.end, m.start))
            if all(not t.leader and t.text.rstrip(":").islower() and is_label_word(t.text) for t in between) \
                    and not said.unknown:
                whole = _read_label(toks, p.start, m.end, schema, section, previous, p, heading)
                if len(whole) == 1 and whole[0].spec is p.spec:
                    out[-1] = whole[0]
                    continue
        out.append(m)
    return out


@lru_cache(maxsize=1)
def _phrase_words() -> tuple[tuple[str, ...], ...]:
    from .vocab import PHRASES
    return tuple(tuple(w for w in label_key_words(p)) for p in PHRASES)


def label_key_words(text: str) -> list[str]:
    return [k for k in (label_key(w) for w in text.split()) if k]


def _in_fixed_phrase(words: list[Tok]) -> bool:
    """Two or more words that run, in order, inside one of the fixed phrases of places and offices."""
    keys = tuple(k for k in (t.key for t in words if not t.leader) if k)
    if len(keys) < 2:
        return False
    return any(keys == ph[i:i + len(keys)] for ph in _phrase_words() for i in range(len(ph) - len(keys) + 1))


def _names_someone(value: str) -> bool:
    """The words after a label naming only a person are that person's something: a name (a known family name,
    capitalised words) or a value that says what it is (a year, an ethnic group, a place)."""
    from .assign import looks_like_name
    return looks_like_name(value) or value_kind(value) is not None


def _closed_value(words: list[Tok], spec: FieldSpec) -> bool:
    """The words are a whole value of a field with a closed set of values (a sex, an ethnic group)."""
    if spec.kind not in ("sex", "ethnicity", "enum"):
        return False
    n = normalise(spec.kind, " ".join(t.text for t in words), spec.values)
    return n.ok and n.quality >= 1


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


def _labels_near_in_length(labels: list[tuple[FieldSpec, Label]],
                           section: str | None) -> Callable[[int], list[tuple[FieldSpec, Label]]]:
    """For a window's length, the labels ``_match_window`` would not pass over for their length or their section,
    in their own order (ties between candidates go to the earlier label). A row is matched window by window
    against every label; most are too long or too short to compare, and testing that one label at a time was
    most of the cost of reading a page for records."""
    by_length: dict[int, list[int]] = {}
    for k, (spec, lb) in enumerate(labels):
        if lb.contextual and spec.section != section:
            continue
        by_length.setdefault(len(lb.folded), []).append(k)
    found: dict[int, list[tuple[FieldSpec, Label]]] = {}

    def near(size: int) -> list[tuple[FieldSpec, Label]]:
        if size not in found:
            ks = sorted(k for n, group in by_length.items() if abs(size - n) <= max(2, n // 4) for k in group)
            found[size] = [labels[k] for k in ks]
        return found[size]
    return near


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
        if score < 1.0 and any(c.isdigit() for t in toks[i:j + 1] for c in t.text) \
                and not any(c.isdigit() for c in lb.text):
            continue  # a word with a digit is in no wording that has none: it is the value ("… tổn §1 %")
        if not _label_ok(lb, window, score, ends_label or lb.after is not None, tj.colon and j == i, header):
            continue
        if not (strong_end or header) and lb.after is None:
            # value words that merely look like a label ("Nguyễn Văn" ~ "Nguyên quán", "… liệt sĩ …"):
            # without a colon or leader, a label needs a near-exact match, and inside a row a gap too
            first = not any(not t.leader for t in toks[:i])  # first word of the row (after an item's number)
            if not first and (score < 0.9 or not ends_label):
                continue
            digit_next = nxt is not None and any(c.isdigit() for c in nxt.text)
            if first and score < 0.9 and not (ends_label or digit_next):
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


# words a row that names only a person may hold to open that person's block: an introducing phrase and a person
# named in several words ("Kê khai về đương sự bên nam" takes seven)
MARKER_WORDS = 8


BENT_MARKER_LETTERS = 2  # a word OCR bent in a marker beside another: a short filler ("yề" for "về")


def bent_marker(toks: list[Tok], schema: Schema, other: str) -> str | None:
    """The section a half row names when the other half across a gap is ``other``'s marker: one person of
    another section, no attribute, at most one unknown word and that of two letters or fewer. Beside a
    marker, the pairing is the evidence a bent filler word cannot give by itself."""
    words = [t.text for t in toks if not t.leader and t.key]
    if not 0 < len(words) <= MARKER_WORDS:
        return None
    m = meaning(" ".join(words))
    if m.attrs or len(m.roles) != 1 or len(m.unknown) > 1 or any(len(u) > BENT_MARKER_LETTERS for u in m.unknown):
        return None
    role = next(iter(m.roles))
    return role if role in schema.sections and role != other else None


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
    if best is None and 0 < len(words) <= MARKER_WORDS:
        # no marker wording matched: a row that names a person and nothing else opens that person's block
        best = marker_section(" ".join(t.text for t in words), schema)
    return best
