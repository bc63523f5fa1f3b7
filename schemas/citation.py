"""A document cited in one sentence ("… số 12/GBT ngày 03/04/2001 do Trạm y tế xã cấp", "… 81/QĐ của Bộ … ngày …"):
which part of it each function word introduces.

Vietnamese administrative prose names the parts of a cited document (a notice, a decision: a record type's fields
``<document>.number``, ``.date``, ``.issuer``) with a small closed set of words, in any order after the number:
"ngày" (or "cấp ngày", "ký ngày": the day it was issued or signed) opens its date, "do" (by) and "của" (of) open
its issuer. Each record type used to list the orders its own forms print ("do" after a notice's number, "cấp
ngày" after its issuer); another form's order lost the part it put elsewhere. The short labels here follow from
the words alone, for every document of a type that has an issuer (a document the record cites, not one it is),
and are added to the ones the type lists (``loader.Schema.followers``).
"""

from __future__ import annotations

import re

# the words that open each part of a cited document, longest first (so "cấp ngày" is cut whole, not after "cấp")
OPENING_WORDS: dict[str, tuple[str, ...]] = {"date": ("cấp ngày", "ký ngày", "ngày"), "issuer": ("do", "của")}

# the verbs that close an issuer's part ("do Trạm y tế xã cấp", "của Ủy ban nhân dân tỉnh ký"): no part of its name
CLOSING_VERBS = frozenset({"cấp", "ký"})

# the parts a sentence may go on to after each part (the number comes first: "số" is its own label)
_NEXT_PARTS = {"number": ("date", "issuer"), "date": ("issuer",), "issuer": ("date",)}


def cited_documents(keys: list[str]) -> list[str]:
    """The documents among field ``keys`` that have a number, an issuer and a date (``death_notice`` of
    ``death_notice.number``, ``.issuer``, ``.date``): the documents a record cites."""
    present = set(keys)
    documents = sorted({k.rsplit(".", 1)[0] for k in keys if k.endswith(".issuer") and "." in k})
    return [doc for doc in documents if {f"{doc}.{part}" for part in _NEXT_PARTS} <= present]


def cited_followers(keys: list[str]) -> list[tuple[str, str, str]]:
    """``(after_key, key, words)``: the short label ``words`` opens field ``key`` right after field
    ``after_key``'s value, for every document among ``keys`` that has a number, an issuer and a date."""
    out: list[tuple[str, str, str]] = []
    for doc in cited_documents(keys):
        for part, nexts in _NEXT_PARTS.items():
            for nxt in nexts:
                out += [(f"{doc}.{part}", f"{doc}.{nxt}", words) for words in OPENING_WORDS[nxt]]
    return out


def issuer_end(words: list[str]) -> int:
    """How many of an issuer's ``words`` are its name: all but a last verb of issuing ("cấp", "ký") that closes
    "do …" in the sentence, and never none."""
    last = words[-1].strip(",.;").lower() if words else ""
    return len(words) - 1 if len(words) > 1 and last in CLOSING_VERBS else len(words)


# a cited document's number: digits, then any letters of its series after a stroke or a dash ("12/GBT", "81/QĐ-UB")
_NUMBER = re.compile(r"\d+([/.-][\w.-]*)?")


def _opens(words: list[str], part: str) -> int:
    """How many of ``words``' first words are one of the words opening ``part`` (0: none)."""
    folded = [w.strip(",;:").lower() for w in words]
    for opening in OPENING_WORDS[part]:
        n = len(opening.split())
        if folded[:n] == opening.split():
            return n
    return 0


def citation_parts(words: list[str]) -> dict[str, tuple[int, int]] | None:
    """The parts of a whole cited document read by its look, as ``{part: (start, end)}`` over ``words``: a
    document's number ("số" before it or not), then both an issuer's part ("do …", "của …") and a date's part
    ("ngày …"), each opened by its own function word and holding words of its own; None for any other value.
    No wording of a form: the connective words of the sentence alone."""
    first = 1 if words and words[0].lower().strip(":") == "số" else 0
    if len(words) < first + 4 or not _NUMBER.fullmatch(words[first].strip(",;")):
        return None
    spans: dict[str, tuple[int, int]] = {}
    part, start, i = "number", first, first + 1
    while i < len(words):
        n, nxt = next(((k, q) for q in ("date", "issuer") if (k := _opens(words[i:], q))), (0, None))
        if nxt is not None and nxt not in spans and nxt != part and i > start:
            spans[part] = (start, i)
            part, start, i = nxt, i + n, i + n
            continue
        if part == "number":
            return None  # the number is followed by no part's word: a number and some other words
        i += 1
    if start >= len(words):
        return None
    spans[part] = (start, len(words))
    return spans if set(spans) == {"number", "date", "issuer"} else None


def is_citation(value: str) -> bool:
    """The value is a whole cited document by its look (``citation_parts``)."""
    return citation_parts(value.split()) is not None


def cited_numbers(keys: list[str]) -> list[str]:
    """The number fields of the documents among ``keys`` that have a number, an issuer and a date: the field a
    whole citation read by its look alone belongs to (its other parts are cut by ``citation_parts``: under a label,
    by the followers ``cited_followers`` gives the type)."""
    return [f"{doc}.number" for doc in cited_documents(keys)]
