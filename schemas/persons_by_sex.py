"""A person named by a word that carries the person's sex: "Xxx yyy anh", "Xxx của bà", "Xxx cá nhân nữ".

Vietnamese names a person by a word of address (a personal pronoun or a kinship term used as one: "ông", "anh",
"chú" for a man, "bà", "chị", "cô" for a woman, in everyday, formal, Sino-Vietnamese and literary registers) or by a
word for the person's sex ("nam", "nữ", "đàn ông", "phụ nữ"), the latter after a word for a person or a party
("Xxx cá nhân nữ"). Such a word says which person a label is about only where the record type has exactly one
person of that sex and no person whose sex the form leaves open: on a marriage record the two parties are the man
and the woman, so "anh" is the husband; on a birth record the father, the declarant and the child may all be men,
so "ông" alone names nobody (the parent's word of begetting, ``person_acts.parent_by_sex``, is what names one
there); a death certificate's deceased and declarant are of either sex, so a word of address is no role on it.

The words are ``persons_by_sex`` in ``schemas/data/label_words.json``; who on a form is a man and who a woman is
each section's ``implied_sex`` in ``schemas/types/*.json``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .label_words import label_words
from .loader import Schema

SUBJECT = "subject"


@dataclass(frozen=True)
class SexWords:
    address: dict[tuple[str, ...], str]  # words of address -> "male" / "female"
    sex: dict[tuple[str, ...], str]  # words for a sex -> "male" / "female"
    longest: int


@lru_cache(maxsize=1)
def sex_words() -> SexWords:
    """The lexicon, keyed by its syllables as written with their marks (folded, "đàn bà" is "dân ba")."""
    data = label_words().get("persons_by_sex", {})

    def keyed(kind: str) -> dict[tuple[str, ...], str]:
        out: dict[tuple[str, ...], str] = {}
        for sex, words in data.get(kind, {}).items():
            for w in words:
                out[tuple(w.lower().split())] = sex
        return out

    address, sex = keyed("address"), keyed("sex")
    return SexWords(address, sex, max((len(k) for k in (*address, *sex)), default=1))


def sexed_word_at(as_written: list[str], raw: list[str], i: int, after_person_word: bool) -> tuple[int, str] | None:
    """The syllables from ``i`` that name a person by sex, and the sex: the longest word of the lexicon there. A
    word for a sex of one syllable counts only right after a word for a person or a party (``after_person_word``):
    alone it is what a sex value says ("Nam"); one of several ("đàn ông", "phụ nữ") is a noun for a person. Words
    are read as written with their marks, and a one-syllable word that has none only where the label's other
    syllables carry theirs (none was lost on it: "nam" of a label read with its marks is no "năm")."""
    words = sex_words()
    for n in range(min(words.longest, len(raw) - i), 0, -1):
        key = tuple(as_written[i:i + n])
        sex = words.address.get(key) or (words.sex.get(key) if n > 1 or after_person_word else None)
        if sex is None:
            continue
        if n == 1 and as_written[i] == raw[i] and not any(w != r for w, r in zip(as_written, raw)):
            return None
        return n, sex
    return None


def persons(schema: Schema) -> dict[str, str | None]:
    """The persons a record type has fields for, each with the sex its form implies (None: either)."""
    roles = set(label_words().get("roles", {}))
    out: dict[str, str | None] = {}
    for f in schema.fields:
        if f.internal:
            continue
        head, dot, _ = f.key.partition(".")
        head = head.removesuffix("[]")
        if not dot and schema.subject_roles:
            out[SUBJECT] = None
        elif dot and (head in schema.sections or head in roles):
            section = schema.sections.get(head)
            out[head] = section.implied_sex if section is not None else None
    return out


def person_of_sex(sexes: set[str], schema: Schema) -> str | None:
    """The section of the one person of the record type who is of the sex named, when no other person may be of
    it (a person whose sex the form leaves open may be); None otherwise, or when both sexes are named."""
    if len(sexes) != 1:
        return None
    sex = next(iter(sexes))
    people = persons(schema)
    fits = [p for p, s in people.items() if s in (None, sex)]
    return fits[0] if len(fits) == 1 and people[fits[0]] == sex else None
