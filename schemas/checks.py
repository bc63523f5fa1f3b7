"""Cross-checks between fields of a record (date in digits vs in words, personal ID vs date of birth and
sex, the order of the record's dates). Review reasons name the field and the check, never a value. The page-wide checks are
``page_codes.py`` (the codes of one page) and ``page_capitals.py`` (the first capitals OCR lost)."""

from __future__ import annotations

from dataclasses import replace

from .book_shape import read_other_way
from .date_order import broken_how, broken_pairs, order_keeping_move, order_keeping_repair
from .fields import Draft, Found
from .normalize import cccd_parts, parse_date
from .repair import REPAIR_FACTOR, same_person_reading, stray_tail
from .restated_dates import unplaced_date_words
from .spelled_years import year_words_cut
from .vocab import vocabulary


# --- checks and review --------------------------------------------------------------------------

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
            f.doubt("a short token after the value, no word of its vocabulary, dropped", REPAIR_FACTOR)


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


ORDER_DOUBT_FACTOR = 0.5  # each date of a pair out of order: either may be the misread one, neither is trusted


def _dates(d: Draft) -> dict[str, object]:
    return {key: f.value for key, f in d.fields.items()}


def reading_that_agrees(d: Draft, key: str, value: str) -> str | None:
    """What else on the record reads the date field ``key`` as ``value`` (its date written in words, the birth
    year its ID number holds, another page of the record), or None."""
    schema, f = d.schema, d.fields[key]
    if value in f.read_elsewhere:
        return "another page of the record reads it so"
    for c in schema.checks if schema is not None else ():
        if c["check"] == "date_words" and c["field"] == key and (w := d.fields.get(c["words"])) is not None \
                and parse_date(w.raw, words_only=True).iso == value:
            return "the date in words says so"
        if c["check"] == "personal_id" and c["date_of_birth"] == key and (i := d.fields.get(c["id"])) is not None \
                and isinstance(i.value, str) and (parts := cccd_parts(i.value)) is not None \
                and isinstance(f.value, str) and f.value[:4] != value[:4] and parts["birth_year"] == int(value[:4]):
            return "the birth year in the ID number says so"
    return None


def keep_date_order(d: Draft) -> None:
    """The record's dates against the order its type says they fall in (``schemas/date_order.py``). A date
    one digit of like shape off the only one that keeps the order is read so when another reading of it agrees
    (a repair: never confident on its own); each date of a pair still out of order loses half its confidence,
    and the record is held with a reason naming the two fields."""
    order = d.schema.date_order if d.schema is not None else ()
    if not order or not broken_pairs(_dates(d), order):
        return
    repair = order_keeping_repair(_dates(d), order)
    if repair is not None and (why := reading_that_agrees(d, *repair)):
        f = d.fields[repair[0]]
        f.value = repair[1]
        f.doubt(f"one digit read for one of like shape: the one date that keeps the record's dates in order, "
                f"and {why}", REPAIR_FACTOR)
    move_by_life_order(d, order)
    broken = broken_pairs(_dates(d), order)
    for key in dict.fromkeys(k for first, second, _ in broken for k in (first, second)):
        d.fields[key].confidence *= ORDER_DOUBT_FACTOR
    d.reasons.extend(f"{pair[1]}: {broken_how(_dates(d), pair)} {pair[0]}" for pair in broken)


def names_no_event(f: Found) -> bool:
    """The date's label names no event of its own, in words some of which the vocabulary lacks ("Năm xxx"): its
    field's event was taken from the form's title or the field before it (``labels._borrowed_event``), a guess.
    A wording the type lists, or a label read after the field it continues ("ngày" after a decision's number), is
    no guess."""
    from .labels import EVENTS, meaning

    if f.label.after is not None or not f.label.text:
        return False
    m = meaning(f.label.text)
    return bool(m.unknown) and not m.attrs & EVENTS


def move_by_life_order(d: Draft, order: tuple[tuple[str, str, int], ...]) -> None:
    """A date whose field was guessed (``names_no_event``) and that breaks the order of a life is moved to the one
    empty date field where every date keeps the order (``date_order.order_keeping_move``): a year read under a
    label cut to "Năm xxx" on a martyr's dossier, before the enlistment, is the birth year, no date of death. A
    move is a guess too: noted, never confident on its own."""
    move = order_keeping_move(_dates(d), order, [k for k, f in d.fields.items() if names_no_event(f)])
    if move is None or d.schema is None:
        return
    key, to = move
    f = d.fields.pop(key)
    moved = replace(f, spec=d.schema.by_key[to], notes=list(f.notes))
    moved.doubt(f"its label names no event and its date breaks the order of the record's dates as {key}: read as "
                f"{to}, where it keeps the order", REPAIR_FACTOR)
    d.fields[to] = moved


def number_and_book(d: Draft) -> None:
    """The registration's number and its book read into each other's field (``book_shape``: the number holds a
    book's order and the year the entry was registered, the book a bare count or nothing): each value goes to its
    own field, at a repaired value's confidence, with a note."""
    schema = d.schema
    if schema is None or "registration.book" not in schema.by_key:
        return
    number, book, date = (d.fields.get(k) for k in ("registration.number", "registration.book", "registration.date"))
    year = int(date.value[:4]) if date is not None and isinstance(date.value, str) and date.value[:4].isdigit() \
        else None
    if number is None or not read_other_way(number.value, book.value if book is not None else None, year):
        return
    note = "the number and the book were read into each other's field: a book is written with its year"
    d.fields["registration.book"] = replace(number, spec=schema.by_key["registration.book"],
                                            confidence=number.confidence * REPAIR_FACTOR, notes=[*number.notes, note])
    if book is None:
        del d.fields["registration.number"]
    else:
        d.fields["registration.number"] = replace(book, spec=number.spec, confidence=book.confidence * REPAIR_FACTOR,
                                                  notes=[*book.notes, note])


UNPLACED_WORDS_CONFIDENCE = 0.9  # what the date's pieces in words, placed by no label, add as a second reading


def check_unplaced_date_words(d: Draft, f: Found) -> None:
    """The date's words read as pairs no label placed (``restated_dates``): agreeing with the date in digits, or
    cut short in its year, they are its second reading and leave the unplaced pairs. Saying another date, they
    may restate another of the form's dates (no label says which): they stay listed, for review to place."""
    found = unplaced_date_words(d.unmapped)
    if found is None:
        return
    text, taken = found
    said = parse_date(text, words_only=True).iso
    if said == f.value:
        f.confidence = _boost(f.confidence, UNPLACED_WORDS_CONFIDENCE)
        f.confirmed = True
        f.notes.append("agrees with the date in words, read under no label")
    elif said and len(said) < len(f.value) and f.value.startswith(said) or year_words_cut(text, str(f.value)):
        f.notes.append("the date in words, read under no label, is cut short; as far as it was read it agrees")
    else:
        return
    d.unmapped = [u for k, u in enumerate(d.unmapped) if k not in taken]


def run_checks(d: Draft) -> None:
    agree_names(d)
    drop_stray_tails(d)
    relatives_by_place(d)
    schema = d.schema
    if schema is None:
        return
    number_and_book(d)
    keep_date_order(d)  # first: a date it repairs is then checked against its words as read
    for c in schema.checks:
        kind = c["check"]
        if kind == "date_words":
            f, w = d.fields.get(c["field"]), d.fields.get(c["words"])
            if w is not None:
                words = parse_date(w.raw, words_only=True)
                w.value = words.iso
            if w is None and f is not None and isinstance(f.value, str):
                check_unplaced_date_words(d, f)
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
                f.confirmed = True
                f.notes.append("agrees with the date in words")
            elif isinstance(f.value, str) and year_words_cut(w.raw, f.value):
                # the words stop inside the year (a wrapped line the reader did not follow): they say less than
                # the digits, nothing against them — no boost, no conflict
                f.notes.append("the date in words is cut short in its year; as far as it was read it agrees")
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
                f.confirmed = True
                f.notes.append("agrees with date of birth" + (" and sex" if sex else ""))


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
        for first, second, _ in broken_pairs(_dates(d), d.schema.date_order):
            out += [(d.fields[first], f"its date is out of order with {second}"),
                    (d.fields[second], f"its date is out of order with {first}")]
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
