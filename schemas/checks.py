"""Cross-checks between fields of a record (date in digits vs in words, personal ID vs date of birth and
sex, death after birth) and between the codes of one page. Review reasons name the field and the check,
never a value."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from rapidfuzz.distance import Levenshtein

from sohoa.text import fold

from .confidence import resolution
from .fields import TONE_SHIFT_FACTOR, Draft, Found
from .gazetteer import LEVEL_WORDS
from .loader import Schema
from .normalize import cccd_parts, parse_date
from .repair import REPAIR_FACTOR, same_person_reading, stray_tail
from .table import INVENTORY_SHAPE
from .value_evidence import AGREES, DISAGREE_FACTOR, DISAGREES, VOUCHED_MIN_OCR, VOUCHED_SCORE
from .vocab import vocabulary


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


CODE_SHARED_BY = 2  # other codes of the page: a collection's code they share is evidence for a misread one


def _no_code_word(word: str) -> bool:
    """A word no code holds: letters with a Vietnamese mark or in lower case (a code's letters are plain
    capitals, ``Đ`` aside)."""
    letters = [c for c in word if c.isalpha()]
    return any(c.islower() or c not in _CODE_LETTERS for c in letters)


_CODE_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZĐ")


def code_tail(value: str) -> str | None:
    """A code followed by words that are no part of it ("KL.3988 2 ỞƠC": specks of the cell read as words,
    one with letters no code has): the longest run of its first words that has a code's shape
    (``table.INVENTORY_SHAPE``), when the whole has none; else None. A tail of digits and plain capitals may
    be the code's own ("BTBN 1234/KL 56") and stays."""
    words = value.split()
    if INVENTORY_SHAPE.match(value) or not any(_no_code_word(w) for w in words[1:]):
        return None
    for n in range(len(words) - 1, 0, -1):
        head = " ".join(words[:n]).rstrip(".,;:-")
        if INVENTORY_SHAPE.match(head):
            return head
    return None


def shared_prefix(prefix: str, others: list[str]) -> str | None:
    """The collection's code that at least ``CODE_SHARED_BY`` other codes of the page start with and that this
    code's letters are one letter off, the same length ("RL" among "KL.3988", "KL.3885"): the one such code,
    else None. A code the page's other rows share is the evidence; no list of codes is needed."""
    counts: dict[str, int] = {}
    for o in others:
        counts[o] = counts.get(o, 0) + 1
    near = [c for c, n in counts.items() if n >= CODE_SHARED_BY and c != prefix and len(c) == len(prefix)
            and Levenshtein.distance(c, prefix) == 1]
    return near[0] if len(near) == 1 and prefix not in counts else None


def symbol_prefix(value: str, others: list[str]) -> tuple[str, str] | None:
    """A code whose letter group holds a symbol no code has, where a letter was (``@V.8309``: the ``G`` of
    ``GV`` read as ``@``): the one letter group of the page's other codes that has its length and its letters
    at every other place. The symbol says a letter was misread, so one other row showing the group is the
    evidence; several groups that fit, or none, give no answer. Returns (the group as read, the group)."""
    m = re.match(r"([A-ZĐ]*[^\w\s.,/\-][A-ZĐ]*)(?=[.,\-/\s]*\d)", value)
    if not m or not 2 <= len(m.group(1)) <= 4 or sum(not c.isalnum() for c in m.group(1)) != 1:
        return None
    read = m.group(1)
    fits = {o for o in others if len(o) == len(read) and all(a == b or not a.isalnum() for a, b in zip(read, o))}
    return (read, fits.pop()) if len(fits) == 1 else None


# a code's letter group run into its digits ("GV4939"): the dot, dash or slash a code puts between them is the
# smallest mark on the line, the one OCR loses
_GLUED_CODE = re.compile(r"^[A-ZĐ]{1,6}\d{2,}")
# a comma between a code's letters and its digits ("GV,9344"): a dot OCR read with a tail
_COMMA_CODE = re.compile(r"^([A-ZĐ]{1,6})\s?,\s?(?=\d{2,})")


def code_shape_doubt(value: str, alone: bool = True) -> tuple[str, str] | None:
    """A code whose shape says OCR bent it, with no other code to check it against: (the code as it most likely
    reads, why it is doubtful), else None.

    - a comma between the letters and the digits is the dot (``GV,9344`` -> ``GV.9344``);
    - letters run into the digits (``GV4939``): the separator may have been lost, and which one is not known;
    - a lone digit that is a capital's lookalike before the separator (``6.4944``): the letter group may have
      been read as a digit, when the code is ``alone`` on its page (other codes say whether the collection's
      codes have letters: ``check_codes``)."""
    if m := _COMMA_CODE.match(value):
        return m.group(1) + "." + value[m.end():], "a comma between the code's letters and digits read as its dot"
    if _GLUED_CODE.match(value):
        return value, "the code's letters run into its digits: a separator may have been lost"
    parts = _CODE_PARTS.split(value)
    if alone and len(parts) > 2 and _letter_reading(parts[0], True) is not None and parts[2][:1].isdigit():
        return value, f"a lone digit before the code's separator may be the letter {_letter_reading(parts[0], True)!r}"
    return None


def _doubt(f: Found, note: str, factor: float) -> None:
    f.notes.append(note)
    f.confidence *= factor
    f.clean = False


def check_codes(drafts: list[Draft], schema: Schema) -> None:
    """Codes (``"code": true``) of one page: a lone digit where the page's other codes have their letter
    prefix ("6.7454" among "G.8115", "KL.1904") is that prefix when a lookalike of it ("6" for "G") is
    among them, and doubtful otherwise; a group of digits and capitals ("BTBN 6008/6V 95") is doubtful
    unless the page's codes show the letters it would be ("GV"). Words after a code that are no part of its
    shape are dropped (``code_tail``), and letters one off the code the page's other codes share are read as
    it (``shared_prefix``); each noted, never confident."""
    for spec in (f for f in schema.fields if f.code):
        found = [d.fields[spec.key] for d in drafts
                 if spec.key in d.fields and isinstance(d.fields[spec.key].value, str)]
        for f in found:
            if (head := code_tail(f.value)) is not None:
                f.value = head
                _doubt(f, "words after the code that are no part of it dropped", REPAIR_FACTOR)
        prefixes = {id(f): m.group(0) for f in found if (m := re.match(r"[A-ZĐ]+(?=[\s.\-/]*\d)", f.value))}
        for f in found:
            prefix = prefixes.get(id(f))
            if prefix is None:
                continue
            code = shared_prefix(prefix, [p for k, p in prefixes.items() if k != id(f)])
            if code is not None:
                f.value = code + f.value[len(prefix):]
                _doubt(f, f"the code's letters {prefix!r} read as {code!r}, the code of the page's other rows",
                       TONE_SHIFT_FACTOR)
        for f in found:
            if id(f) in prefixes:
                continue
            hit = symbol_prefix(f.value, [p for k, p in prefixes.items() if k != id(f)])
            if hit is not None:
                read, code = hit
                f.value = code + f.value[len(read):]
                _doubt(f, f"a symbol among the code's letters: {read!r} read as {code!r}, as in the page's other "
                       "codes", TONE_SHIFT_FACTOR)
        bent = {id(f): code_shape_doubt(f.value, alone=len(found) == 1) for f in found}
        whys = [b[1] for b in bent.values() if b is not None]
        for f in found:
            # a shape the page's other codes share is the collection's way of writing its codes
            if (b := bent[id(f)]) is not None and whys.count(b[1]) == 1:
                f.value = b[0]
                _doubt(f, b[1], REPAIR_FACTOR)
        parts = {id(f): _CODE_PARTS.split(f.value) for f in found}
        for f in found:
            mine = parts[id(f)]
            peers = [parts[id(o)] for o in found if o is not f]
            for k in range(0, len(mine), 2):
                # a lone digit counts only as a first part before a separator, where the other codes begin with
                # letters (a code whose separator was lost, "GV4939", shows its letters too)
                lone = k == 0 and len(mine) > 2 and bool(peers) and all(
                    p[0][:1].isalpha() and p[0][:1].isupper() for p in peers)
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
        weigh_code_shapes(found)


# the note of a code whose shape is not the one its page's other codes share (never the value: notes are shown
# beside it, not instead of it)
CODE_SHAPE_NOTE = "its shape is not the one the page's other codes share: a dot, a letter or a digit may be lost"
# readings of a code's label that the page's codes vouch for: a label read word for word is the calibration's to
# weigh, and one read from its value is calibrated by readings of its own kind, which a floor cannot reach
CODE_VOUCHED_READINGS = frozenset({"fuzzy", "meaning"})


def code_shape(value: str) -> str:
    """A code's shape: each run of capitals one ``A``, each run of digits one ``9``, separators as written
    ("GV.1234" and "KL.56" are ``A.9``, "BTBN 1234/TL 99" ``A 9/A 9``, "GV1234" ``A9``)."""
    return re.sub(r"\d+", "9", re.sub(r"[A-ZĐ]+", "A", value))


def weigh_code_shapes(found: list[Found]) -> None:
    """What a page's other codes say of each code: the shape most of them share, when two or more and more
    than half do, and it holds letters, vouches for a code of that shape (``AGREES``: a code read fuzzily or from
    its label's meaning, as printed, gets the floor a vouched value gets) and doubts one of another
    (``DISAGREES``, noted: a dot lost, a letter read as a digit). A register page numbers its objects in one
    system; a shape apart from one with letters is a misreading more often than a second system (a page of bare
    numbers says little of the shape of one more: "6.7454" among "8115" may be a number of its own). On the seen and dev splits (seeds 7, 11, 13), museum register codes of the
    majority shape were right 109 times in 111 (the two wrong, a digit misread or lost, were not confident and
    stay so: their labels were read word for word), those of another shape wrong 7 times in 9, 2 of them
    confident."""
    shapes = {id(f): code_shape(f.value) for f in found}
    for f in found:
        peers = Counter(shapes[id(o)] for o in found if o is not f)
        if not peers:
            continue
        shape, n = peers.most_common(1)[0]
        if n < 2 or 2 * n <= sum(peers.values()) or "A" not in shape:
            continue
        if shapes[id(f)] != shape:
            f.evidence = DISAGREES
            f.confidence *= DISAGREE_FACTOR
            f.notes.append(CODE_SHAPE_NOTE)
            continue
        f.evidence = AGREES
        if not f.notes and f.ocr >= VOUCHED_MIN_OCR \
                and resolution(f.label, f.label_score, f.notes) in CODE_VOUCHED_READINGS:
            f.confidence = max(f.confidence, VOUCHED_SCORE)


# --- a value's first capital, from the page's other values ---------------------------------------

# letters whose capital differs from its lower case in size alone (C/c, O/o, Ô/ô, Ơ/ơ, S/s, V/v, W/w, X/x,
# Z/z, with any tone): OCR reads the one for the other, so their case says nothing of how the page writes
SAME_SHAPE_LETTERS = frozenset("cosvwxz")
CAPITAL_WITNESSES = 1  # values whose first letter shows its case, all capitals, before a first letter is raised
PAGE_CAPITAL_FACTOR = 0.9  # a raised first letter is a reading of the page, not of the word: never more sure
PAGE_CAPITAL_NOTE = "first letter read as a capital: the page's other values start with one"
CASE_KINDS = ("text", "place")  # values kept as written; names always start with a capital and say nothing
# an address opens with its level word in lower case ("xã Tân Lập", "thị trấn Yên Hóa") however the page writes
# its other values: Vietnamese spelling, not the page's hand
_OPENING_LEVEL_WORDS = frozenset(fold(w).split()[0] for w in LEVEL_WORDS)


def _same_shape(letter: str) -> bool:
    return unicodedata.normalize("NFD", letter)[:1].lower() in SAME_SHAPE_LETTERS


def _tells_case(value: str) -> bool:
    """Whether a value's first letter says how the page writes: a letter OCR reads in its case, opening no
    address's level word."""
    first = value[:1]
    return first.isalpha() and not _same_shape(first) and fold(value.split()[0]) not in _OPENING_LEVEL_WORDS


def first_capital(value: str, others: list[str]) -> str | None:
    """``value`` with its first letter a capital, when that letter is one whose capital OCR reads as its
    lower case and the page's ``others`` (values kept as written) start, wherever their first letter shows its
    case (``_tells_case``), with a capital: at least ``CAPITAL_WITNESSES`` of them and none in lower case. A
    page that writes its values in lower case ("bệnh viện huyện", "nhà riêng") keeps the value as read; None
    when nothing changes."""
    first = value[:1]
    if not (first.isalpha() and first.islower() and _same_shape(first)):
        return None
    telling = [o[:1] for o in others if _tells_case(o)]
    if len(telling) < CAPITAL_WITNESSES or any(c.islower() for c in telling):
        return None
    return unicodedata.normalize("NFC", first.upper() + value[1:])


def capitals_from_page(found: list[Found]) -> None:
    """The first capital OCR lost from a text value ("cháu ngoại" on a page whose other values start with
    capitals is "Cháu ngoại"), raised with a note and a lower confidence (``first_capital``). Only a value
    kept as written: one a vocabulary or a normaliser rewrote says nothing of the page's hand."""
    written = [f for f in found if f.spec.kind in CASE_KINDS and isinstance(f.value, str) and f.value[:1] == f.raw[:1]]
    for f in written:
        if f.spec.kind != "text":
            continue
        raised = first_capital(f.value, [o.value for o in written if o is not f])
        if raised is not None:
            f.value = raised
            f.confidence *= PAGE_CAPITAL_FACTOR
            f.notes.append(PAGE_CAPITAL_NOTE)


def reasons_of(problems: list[str]) -> list[str]:
    return problems


def _boost(c: float, other: float) -> float:
    return min(0.99, 1 - (1 - c) * (1 - other * 0.5))


def agree_names(d: Draft) -> None:
    """A person named twice in the record (the mother who declared the birth) whose name one reading got
    with a misread syllable and the other right: the better reading for both (schemas/repair.py). The
    confidence lowered for the rare syllable stays: a person confirms."""
    named = [f for f in d.found() if f.spec.kind == "name" and isinstance(f.value, str)]
    for f in named:
        for other in named:
            if other is not f and (better := same_person_reading(f.value, other.value)):
                f.value = better
                f.notes.append(f"read as the same name in {other.spec.key}")
                break


def drop_stray_tails(d: Draft) -> None:
    """A short token after a value of a closed vocabulary that is no word of it (``repair.stray_tail``): a
    speck read as letters, dropped with a note; the field is no longer clean (never confident on its own)."""
    for f in d.found():
        if not (f.spec.vocabulary_closed and f.spec.kind == "text" and isinstance(f.value, str)):
            continue
        words = frozenset(w.lower() for w in vocabulary(f.spec.vocabulary))
        if (head := stray_tail(f.value, words)) is not None:
            f.value = head
            _doubt(f, "a short token after the value, no word of its vocabulary, dropped", REPAIR_FACTOR)


RELATIVE_REACH = 3.0  # line heights above the first relative or below the last: the relatives' block
UNPLACED_RELATIVE_FACTOR = 0.5  # a relative read by where it sits, its label not understood: never confident
MAX_RELATION_WORDS = 3


def _same_row(a: list | None, b: list | None) -> bool:
    if not a or not b:
        return False
    return min(a[3], b[3]) - max(a[1], b[1]) > 0.5 * min(a[3] - a[1], b[3] - b[1])


def unplaced_pairs(unmapped: list[dict]) -> list[tuple[str, str, int, list]]:
    """The unmapped pairs as (words before, words after, page, box): a label read with no value followed on the
    same row by words read as a label (a relation word no list holds, then a name OCR took for a label: "Ba"
    | "Vi Nhật Toại" before "Má:") is one pair."""
    out: list[tuple[str, str, int, list]] = []
    k = 0
    while k < len(unmapped):
        u = unmapped[k]
        if not isinstance(u, dict) or u.get("bbox") is None:
            k += 1
            continue
        nxt = unmapped[k + 1] if k + 1 < len(unmapped) else None
        if u.get("value") is None and isinstance(nxt, dict) and nxt.get("page") == u.get("page") \
                and _same_row(u.get("bbox"), nxt.get("bbox")) and nxt["bbox"][0] > u["bbox"][0]:
            after = " ".join(x for x in (nxt["label"], nxt.get("value")) if x)
            box = [min(u["bbox"][0], nxt["bbox"][0]), min(u["bbox"][1], nxt["bbox"][1]),
                   max(u["bbox"][2], nxt["bbox"][2]), max(u["bbox"][3], nxt["bbox"][3])]
            out.append((u["label"], after, u["page"], box))
            k += 2
            continue
        out.append((u["label"], u.get("value") or "", u["page"], u["bbox"]))
        k += 1
    return out


def relation_and_name(before: str, after: str) -> tuple[str, str] | None:
    """A relative's relation words and name in a pair no label rule placed (``before`` the label's words,
    ``after`` its value): the value when it reads as a person's name, with the label the relation; else the
    longest run of words at the end that reads as a name, the words before it (one to three, no digit) the
    relation ("Phụ" | "thân Vi Nhật Danh": "Phụ thân", "Vi Nhật Danh"); a label alone that reads as a name is
    a name with no relation. None when there is no such split."""
    from .assign import looks_like_name

    if after and looks_like_name(after) and not any(c.isdigit() for c in before):
        return before.rstrip(": "), after
    if not after and looks_like_name(before):
        return "", before
    words = f"{before} {after}".replace(":", " ").split()
    for k in range(1, min(MAX_RELATION_WORDS, len(words) - 2) + 1):
        name, relation = " ".join(words[k:]), " ".join(words[:k])
        if looks_like_name(name) and not any(c.isdigit() for c in relation):
            return relation, name
    return None


def relatives_by_place(d: Draft) -> None:
    """Relatives whose relation word no list holds ("Ba", a colon read inside "Phụ thân"): a pair left unmapped
    in the relatives' block — on the page of a relative read, within a few line heights of them — whose words
    end in a person's name is a relative, the name kept with the relation words before it on its row (the
    relation read from their meaning when it says one, else none), never another row's. Never confident: a
    person confirms. The list is then in the page's order, as the relatives were written."""
    if d.schema is None or not d.unmapped:
        return
    spec = next((f for f in d.schema.fields if f.key.endswith("[].full_name") and f.person == "relative"), None)
    have = d.lists.get(spec.key, []) if spec is not None else []
    boxes = [(f.page, f.bbox()) for f in have if f.bbox()]
    if spec is None or not boxes:
        return
    from .labels import lexicon, meaning
    from .layout import Tok
    from .loader import Label, label_key

    relations = lexicon().relations
    height = max(1, min(b[3] - b[1] for _, b in boxes))
    taken: set[int] = set()
    for before, after, page, box in unplaced_pairs(d.unmapped):
        ys = [b for p, b in boxes if p == page]
        if not ys or not min(b[1] for b in ys) - RELATIVE_REACH * height <= box[1] <= max(b[3] for b in ys) \
                + RELATIVE_REACH * height:
            continue
        split = relation_and_name(before, after)
        if split is None:
            continue
        words, name = split
        named = sorted(meaning(words).roles & set(relations)) if words else []
        tok = Tok(name, label_key(name), 0.9, tuple(box), page)
        f = Found(spec, [tok], Label(words, label_key(words), by_meaning=True, source="value"), 0.5, page, raw=name,
                  value=name, confidence=UNPLACED_RELATIVE_FACTOR, relation=relations[named[0]] if len(named) == 1
                  else None, notes=["a relative read by its place among the relatives: the label was not understood"],
                  clean=False)
        d.lists.setdefault(spec.key, []).append(f)
        taken |= {id(u) for u in d.unmapped if isinstance(u, dict) and u.get("page") == page
                  and u.get("bbox") and _same_row(u["bbox"], box) and u["bbox"][0] >= box[0] and u["bbox"][2] <= box[2]}
    if taken:
        d.unmapped = [u for u in d.unmapped if id(u) not in taken]
        d.lists[spec.key].sort(key=lambda f: (f.page, (f.bbox() or [0, 0])[1] // max(1, height), (f.bbox() or [0])[0]))


def run_checks(d: Draft) -> None:
    agree_names(d)
    drop_stray_tails(d)
    relatives_by_place(d)
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
                # either date may be the misread one (a digit of like shape, or the two read in each other's
                # place): neither is trusted
                f.confidence *= 0.5
                o.confidence *= 0.5
                d.reasons.append(f"{c['field']}: before {c['other']}")


# --- values no field of the record can hold twice ------------------------------------------------

_BIRTHS = ("subject_birth", "person_birth")  # the record's subject's birth, another person's (a parent's)


def _person(key: str) -> str:
    """Whose field it is: the key's section ("mother"), a list, or the record's subject."""
    return key.split(".")[0] if "." in key else "subject"


def doubts_across_fields(d: Draft) -> list[tuple[Found, str]]:
    """Fields the calibration cannot doubt, as it reads each field alone, but the record can:

    - a field whose label names another person than the field's ("Ngày sinh của con" as the father's);
    - one name given to two people of the record (the alias the subject's full name, the mother the child's
      name, two relatives one name) — the declarant, who is usually a parent, aside;
    - one full birth date given to two people (a parent's birth date that is the child's).

    Each is a value read where another field's belongs, or the same words read twice: never confident."""
    from .labels import role_conflict

    found = [(f.spec.key, f) for f in d.fields.values()] + [
        (f"{k}#{i}", f) for k, items in d.lists.items() for i, f in enumerate(items)]
    out: list[tuple[Found, str]] = []
    if d.schema is not None:
        for _, f in found:
            if f.label.text and f.label.after is None and not f.spec.internal \
                    and role_conflict(f.label.text, f.spec, d.schema):
                out.append((f, "its label names another person than the field's"))
    for a in range(len(found)):
        for b in range(a + 1, len(found)):
            (ka, fa), (kb, fb) = found[a], found[b]
            if not isinstance(fa.value, str) or fa.value != fb.value or fa is fb:
                continue
            same_name = fa.spec.kind == fb.spec.kind == "name" and "declarant" not in (_person(ka), _person(kb))
            same_birth = {fa.spec.role, fb.spec.role} == set(_BIRTHS) and len(fa.value) == 10  # (a parent's, the child's)
            if same_name or same_birth:
                out += [(fa, f"the same value as {kb.split('#')[0]}"), (fb, f"the same value as {ka.split('#')[0]}")]
    return out
