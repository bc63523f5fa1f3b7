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
  when it is about the same person (a dossier), and starts a new one otherwise;
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


def same_person(a: str | None, b: str | None) -> bool:
    """Two subjects' names that may be one person (unknown on either side: no evidence against)."""
    if a is None or b is None:
        return True
    return Levenshtein.normalized_similarity(fold(a), fold(b)) >= SAME_PERSON_MIN


def starts_new_record(current: PageStart | None, page: PageStart) -> bool:
    """Does this page (or the first record read on it) open a new record after ``current``, the record
    being assembled (its opening page's title and its subject)?"""
    if current is None or current.record_type != page.record_type:
        return True
    if page.heading is None:
        return not same_person(current.person, page.person)  # a continuation page, unless about another person
    if current.heading is not None and fold(page.heading) == fold(current.heading):
        return True  # the same form again: the next certificate
    return not same_person(current.person, page.person)
