"""The codes of one page checked against each other (museum inventory numbers, ``"code": true`` fields): a letter
group one off the code the page's other rows share, a digit or a symbol read for a letter, a separator lost or
read as a comma, a shape apart from the one most codes share. Each repair or doubt is noted on the field and lowers
its confidence; a code the page's codes vouch for may rise to the floor of vouched values. Run once a page, before
the calibration (``extract.py``)."""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from .confidence import resolution
from .fields import TONE_SHIFT_FACTOR, Draft, Found
from .code_shapes import code_shape, page_shape
from .loader import Schema
from .lost_separator import separator_restored
from .repair import REPAIR_FACTOR
from .table import INVENTORY_SHAPE
from .value_evidence import AGREES, DISAGREE_FACTOR, DISAGREES, VOUCHED_MIN_OCR, VOUCHED_SCORE


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
                f.doubt("words after the code that are no part of it dropped", REPAIR_FACTOR)
        prefixes = {id(f): m.group(0) for f in found if (m := re.match(r"[A-ZĐ]+(?=[\s.\-/]*\d)", f.value))}
        for f in found:
            prefix = prefixes.get(id(f))
            if prefix is None:
                continue
            code = shared_prefix(prefix, [p for k, p in prefixes.items() if k != id(f)])
            if code is not None:
                f.value = code + f.value[len(prefix):]
                f.doubt(f"the code's letters {prefix!r} read as {code!r}, the code of the page's other rows",
                       TONE_SHIFT_FACTOR)
        for f in found:
            if id(f) in prefixes:
                continue
            hit = symbol_prefix(f.value, [p for k, p in prefixes.items() if k != id(f)])
            if hit is not None:
                read, code = hit
                f.value = code + f.value[len(read):]
                f.doubt(f"a symbol among the code's letters: {read!r} read as {code!r}, as in the page's other "
                       "codes", TONE_SHIFT_FACTOR)
        bent = {id(f): code_shape_doubt(f.value, alone=len(found) == 1) for f in found}
        whys = [b[1] for b in bent.values() if b is not None]
        for f in found:
            # a shape the page's other codes share is the collection's way of writing its codes
            if (b := bent[id(f)]) is not None and whys.count(b[1]) == 1:
                f.value = b[0]
                f.doubt(b[1], REPAIR_FACTOR)
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
        restore_separators(found)
        weigh_code_shapes(found)


# the note of a code whose shape is not the one its page's other codes share (never the value: notes are shown
# beside it, not instead of it)
CODE_SHAPE_NOTE = "its shape is not the one the page's other codes share: a dot, a letter or a digit may be lost"
# readings of a code's label that the page's codes vouch for: a label read word for word is the calibration's to
# weigh, and one read from its value is calibrated by readings of its own kind, which a floor cannot reach
CODE_VOUCHED_READINGS = frozenset({"fuzzy", "meaning"})


def restore_separators(found: list[Found]) -> None:
    """A code one separator short of its page's shape gets it back where that shape and the page's letter groups
    say (``lost_separator``): noted, and doubted as a repair is."""
    values = {id(f): f.value for f in found}
    for f in found:
        peers = [values[id(o)] for o in found if o is not f]
        shape = page_shape(peers)
        fixed = separator_restored(values[id(f)], shape, peers) if shape is not None else None
        if fixed is not None:
            f.value = fixed
            f.doubt("a separator the page's other codes have, lost by OCR, put back", REPAIR_FACTOR)


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
    values = {id(f): f.value for f in found}
    for f in found:
        shape = page_shape([values[id(o)] for o in found if o is not f])
        if shape is None:
            continue
        if code_shape(values[id(f)]) != shape:
            f.evidence = DISAGREES
            f.confidence *= DISAGREE_FACTOR
            f.notes.append(CODE_SHAPE_NOTE)
            continue
        f.evidence = AGREES
        if not f.notes and f.ocr >= VOUCHED_MIN_OCR \
                and resolution(f.label, f.label_score, f.notes) in CODE_VOUCHED_READINGS:
            f.confidence = max(f.confidence, VOUCHED_SCORE)


# --- a value's first capital, from the page's other values ---------------------------------------
