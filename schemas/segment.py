"""Where one record ends and the next begins, across the pages of one file.

A file may be one certificate, a dossier of one person over several pages
(a martyr's death notice and his Bằng Tổ quốc ghi công), or a bound register of
separate certificates, one a page. The page's heading (the form's title) and
the subject's identity decide:

- a page whose title is the one that opened the current record starts the next
  record: a form is printed once per certificate, so its title coming round
  again is a new certificate (20 birth and death certificates bound together
  are 20 records, whoever they are about);
- a page with another title of the same record type joins the current record
  when it is about the same person (a dossier), and starts a new one otherwise,
  or when it has a registration of its own (a number, a book, a date) as the
  current record has: "GIẤY KHAI SINH" then "TRÍCH LỤC KHAI SINH" whose subject's
  name was not read are two certificates, not one; so are two pages whose
  names, dates and places under the same keys (the parents', the dates, the
  home town) all differ;
- the same person is read through a degraded page: a name one of whose
  readings is the other's words with one cut short or a stray word beside it
  ("Nông Phước" / "Nông Phước Thông Nam") is one name; a name of one word is
  no person's full name (a label word read as the value) and says nothing; and
  two names that differ, under one family name, are one person when the other
  things the pages state about the subject agree (the date of birth, the home
  town, where one value may be the other cut short) and none differs;
- a page with no title read continues the record before it.

On a register page of entries, a fragment with neither a name nor a number of its own whose fields complete
the entry before it (a row misread as a field that entry had started it) is the rest of that entry
(``rejoin_entries``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from sohoa.text import fold

from .gazetteer import is_place

SAME_PERSON_MIN = 0.8  # folded-name similarity for two pages to be about one person


@dataclass(frozen=True)
class PageStart:
    """What a page says about where it belongs: its record type, the title read (None: no title), and the
    subject's name when one was read."""
    record_type: str
    heading: str | None
    person: str | None
    registration: frozenset[str] = frozenset()  # the registration's fields read (number, book, date …)
    facts: frozenset[tuple[str, str]] = frozenset()  # (key, folded value) of the names, dates and places read


FACT_KINDS = ("name", "date", "place")


def facts_of(fields: dict) -> frozenset[tuple[str, str]]:
    """The names, dates and places a page or record states (key, folded value): what tells two people apart
    when the subject's own name was not read. A place that names no place (label words read as its value,
    "gốc người") states nothing."""
    return frozenset((k, fold(str(f.value))) for k, f in fields.items()
                     if f.value is not None and f.spec.kind in FACT_KINDS and not f.spec.internal
                     and (f.spec.kind != "place" or is_place(str(f.value))))


def _plain_words(value: str) -> list[str]:
    return re.sub(r"[^\w\s-]", " ", value).split()


def values_agree(a: str, b: str) -> bool:
    """Two folded values of one key that may be one value read twice: equal, one the other cut short at a word
    ("thi tran xuan" of "thi tran xuan lap": a degraded page loses a value's last words), or the shorter's
    words, two at least, a run of the longer's (the other with words lost at its start, or stray words
    around it: "son, huyen son duong, tinh" of "xa thai son, huyen son duong, tinh tuyen quang")."""
    short, long_ = sorted((a, b), key=len)
    if short == long_ or bool(short) and long_.startswith(short) and not long_[len(short)].isalnum():
        return True
    sw, lw = _plain_words(short), _plain_words(long_)
    return len(sw) >= 2 and any(lw[i:i + len(sw)] == sw for i in range(len(lw) - len(sw) + 1))


def compare_facts(a: frozenset[tuple[str, str]], b: frozenset[tuple[str, str]],
                  leave_out: frozenset[str] = frozenset()) -> tuple[list[str], list[str]]:
    """The keys both pages state (less ``leave_out``), split into those whose values agree and those that
    differ."""
    da, db = dict(a), dict(b)
    shared = sorted((set(da) & set(db)) - leave_out)
    agree = [k for k in shared if values_agree(da[k], db[k])]
    return agree, [k for k in shared if k not in agree]


def facts_disagree(a: frozenset[tuple[str, str]], b: frozenset[tuple[str, str]]) -> bool:
    """Two pages state different names, dates or places under at least two of the same keys and agree under
    none."""
    agree, differ = compare_facts(a, b)
    return len(differ) >= 2 and not agree


def _words(name: str) -> list[str]:
    return fold(name).replace("/", " ").split()


def one_name(a: str, b: str) -> bool:
    """Two readings of one name: alike letter for letter, or the shorter's words (two at least) a run of the
    longer's — the other reading cut short, or with a stray word beside it ("nong phuoc" in "nong phuoc thong
    nam", "tu chi toai" in "chu in hoa tu chi toai")."""
    if Levenshtein.normalized_similarity(fold(a), fold(b)) >= SAME_PERSON_MIN:
        return True
    short, long_ = sorted((_words(a), _words(b)), key=len)
    return len(short) >= 2 and any(long_[i:i + len(short)] == short for i in range(len(long_) - len(short) + 1))


def full_name(name: str | None) -> bool:
    """Does the subject's name read tell who it is? A person's full name has a family name and a given name, the
    family name a known one: one word alone, or words whose first is no family name ("đầy đủ người" of a label
    "Họ tên đầy đủ người …"), are a label's words or a scrap. An object's name with its code (digits) does."""
    from .vocab import SURNAME_FOLDS

    words = _words(name or "")
    return len(words) >= 2 and (words[0] in SURNAME_FOLDS or any(c.isdigit() for c in name or ""))


def same_person(a: str | None, b: str | None) -> bool:
    """Two subjects' names that may be one person (unknown on either side, or a scrap of one word: no evidence
    against)."""
    if a is None or b is None or not full_name(a) or not full_name(b):
        return True
    return one_name(a, b)


def same_subject(current: PageStart, page: PageStart) -> bool:
    """Is the page about the person of the current record? Their names read as one, or — the names differing
    on a degraded page but under one family name — what else both pages state about the subject agrees (a
    date of birth, a home town, a place, where one value may be the other cut short) and nothing differs."""
    if same_person(current.person, page.person):
        return True
    # the subject's name read on one page under another key of the other (an alias, a name the other page's
    # label put elsewhere): the same person
    if any(v == current.person for _, v in page.facts) or any(v == page.person for _, v in current.facts):
        return True
    if _words(current.person or "")[:1] != _words(page.person or "")[:1]:
        return False
    names = frozenset(k for k, v in current.facts | page.facts if v in (current.person, page.person))
    agree, differ = compare_facts(current.facts, page.facts, leave_out=names)
    return bool(agree) and not differ


def registration_keys(keys) -> frozenset[str]:
    """The registration fields among a record's keys: each certificate of a civil register has its own."""
    return frozenset(k for k in keys if k.startswith("registration."))


def starts_new_record(current: PageStart | None, page: PageStart) -> bool:
    """Does this page (or the first record read on it) open a new record after ``current``, the record
    being assembled (its opening page's title and its subject)?"""
    if current is None or current.record_type != page.record_type:
        return True
    if page.heading is None:
        return not same_person(current.person, page.person)  # a continuation page, unless about another person
    if current.heading is not None and fold(page.heading) == fold(current.heading):
        return True  # the same form again: the next certificate
    if current.registration & page.registration:
        return True  # another title with a registration of its own: a certificate, not a page of the same one
    if facts_disagree(current.facts, page.facts):
        return True  # other parents, other dates: another person's certificate, though the subject's name was lost
    return not same_subject(current, page)


# --- the entries of one register page --------------------------------------------------------------

def opens_entry(spec) -> bool:
    """A field an entry of a register starts with: the subject's name, the registration's number or book, an
    identifying code (a museum object's inventory number)."""
    return spec.role in ("subject_name", "number") or spec.code


def rest_of_entry(before, draft) -> bool:
    """Is ``draft`` the rest of the entry ``before`` it, cut off by a row misread as a field the entry already
    had? It holds nothing an entry opens with, and none of the fields it read a value for has a value in the
    entry before (its fields complete that entry, they do not repeat it)."""
    valued = {k for k, f in draft.fields.items() if f.value is not None}
    if not draft.fields or any(opens_entry(f.spec) for f in draft.fields.values()):
        return False
    return not valued & {k for k, f in before.fields.items() if f.value is not None}


def rejoin_entries(drafts: list) -> list:
    """The entries of a register page with each rest of an entry (``rest_of_entry``) joined to the entry before
    it: a fragment without a name or a number of its own is no entry. A field both read, the one the entry had
    stays; the fragment's reading (whose value did not parse) is listed as an unmapped pair, so nothing is
    lost."""
    out: list = []
    for d in drafts:
        if out and rest_of_entry(out[-1], d):
            prev = out[-1]
            for key, f in d.fields.items():
                if key not in prev.fields or prev.fields[key].value is None:
                    prev.fields[key] = f
                elif f.raw:
                    prev.unmapped.append({"label": f.label.text, "value": f.raw, "page": f.page, "bbox": f.bbox()})
            for key, items in d.lists.items():
                prev.lists.setdefault(key, []).extend(items)
            prev.unmapped.extend(d.unmapped)
            prev.pending.extend(d.pending)
            prev.reasons.extend(d.reasons)
        else:
            out.append(d)
    return out
