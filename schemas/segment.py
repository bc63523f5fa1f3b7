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
  names and dates under the same keys (the parents', the dates) all differ;
- a page with no title read continues the record before it.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from sohoa.text import fold

SAME_PERSON_MIN = 0.8  # folded-name similarity for two pages to be about one person


@dataclass(frozen=True)
class PageStart:
    """What a page says about where it belongs: its record type, the title read (None: no title), and the
    subject's name when one was read."""
    record_type: str
    heading: str | None
    person: str | None
    registration: frozenset[str] = frozenset()  # the registration's fields read (number, book, date …)
    facts: frozenset[tuple[str, str]] = frozenset()  # (key, folded value) of the names and dates read


def facts_of(fields: dict) -> frozenset[tuple[str, str]]:
    """The names and dates a page or record states (key, folded value): what tells two people apart when the
    subject's own name was not read."""
    return frozenset((k, fold(str(f.value))) for k, f in fields.items()
                     if f.value is not None and f.spec.kind in ("name", "date") and not f.spec.internal)


def facts_disagree(a: frozenset[tuple[str, str]], b: frozenset[tuple[str, str]]) -> bool:
    """Two pages state different names or dates under at least two of the same keys and the same under none."""
    da, db = dict(a), dict(b)
    shared = set(da) & set(db)
    differ = [k for k in shared if da[k] != db[k]]
    return len(differ) >= 2 and len(differ) == len(shared)


def same_person(a: str | None, b: str | None) -> bool:
    """Two subjects' names that may be one person (unknown on either side: no evidence against)."""
    if a is None or b is None:
        return True
    return Levenshtein.normalized_similarity(fold(a), fold(b)) >= SAME_PERSON_MIN


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
    return not same_person(current.person, page.person)
