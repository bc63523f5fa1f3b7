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

# the words that open each part of a cited document, longest first (so "cấp ngày" is cut whole, not after "cấp")
OPENING_WORDS: dict[str, tuple[str, ...]] = {"date": ("cấp ngày", "ký ngày", "ngày"), "issuer": ("do", "của")}

# the verbs that close an issuer's part ("do Trạm y tế xã cấp", "của Ủy ban nhân dân tỉnh ký"): no part of its name
CLOSING_VERBS = frozenset({"cấp", "ký"})

# the parts a sentence may go on to after each part (the number comes first: "số" is its own label)
_NEXT_PARTS = {"number": ("date", "issuer"), "date": ("issuer",), "issuer": ("date",)}


def cited_followers(keys: list[str]) -> list[tuple[str, str, str]]:
    """``(after_key, key, words)``: the short label ``words`` opens field ``key`` right after field
    ``after_key``'s value, for every document among ``keys`` that has a number, an issuer and a date."""
    present = set(keys)
    documents = sorted({k.rsplit(".", 1)[0] for k in keys if k.endswith(".issuer") and "." in k})
    out: list[tuple[str, str, str]] = []
    for doc in documents:
        if not {f"{doc}.{part}" for part in _NEXT_PARTS} <= present:
            continue
        for part, nexts in _NEXT_PARTS.items():
            for nxt in nexts:
                out += [(f"{doc}.{part}", f"{doc}.{nxt}", words) for words in OPENING_WORDS[nxt]]
    return out


def issuer_end(words: list[str]) -> int:
    """How many of an issuer's ``words`` are its name: all but a last verb of issuing ("cấp", "ký") that closes
    "do …" in the sentence, and never none."""
    last = words[-1].strip(",.;").lower() if words else ""
    return len(words) - 1 if len(words) > 1 and last in CLOSING_VERBS else len(words)
