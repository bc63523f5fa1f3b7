"""A row that names a person over the pairs of that person's block ("Lý lịch người mẹ", "Phần của bên chồng"), in
words the vocabulary reads only in part: the heading the bare labels under it ("Năm ra đời", "Nơi đang ở") take
their person from (docs/extraction.md, step 5).

A marker wording or a row naming a person and nothing else is read as a heading already
(``matching.find_marker``). Words the vocabulary lacks beside the person's word, or a word it reads as what is
asked ("sinh" after "mẹ"), leave the row a label that names no field, and the labels under it, which do not say
whose they are, are then read as the record's subject's. Where the row says so is its place: nothing follows its
words on the row (a label with no value), and the row under it opens a pair of its own (a label and its value),
so no value of its own is below it either. Words with no value before another pair are a heading; whose block it
opens is the one person its words name.
"""

from __future__ import annotations

from .labels import meaning
from .layout import Tok, text_of
from .loader import Schema
from .matching import UNMAPPED, Match
from .person_columns import HEADING_WORDS
from .persons_by_sex import person_of_sex
from .value_start import value_start


def heading_person(toks: list[Tok], matches: list[Match], next_opens_pair: bool, schema: Schema) -> str | None:
    """The section a row of label words alone opens: a few words with no value among them, the row holding no
    label or one that names no field (``matches``) with no word after it, the row under it opens a pair (``next_opens_pair``), and its words name
    exactly one person, a section of the schema. None otherwise."""
    if not next_opens_pair or len(matches) > 1 or matches and matches[0].spec is not UNMAPPED:
        return None
    if matches and any(not t.leader for t in toks[matches[0].end:]) or any(c.isdigit() for t in toks for c in t.text):
        return None
    words = [t for t in toks if not t.leader and any(c.isalpha() for c in t.text)]
    if not 0 < len(words) <= HEADING_WORDS or value_start(words) is not None:
        return None  # (a label the vocabulary lacks, and a value after it: "Danh tính người được ủy quyền | …")
    said = meaning(text_of(words))
    # (a person named by sex, "Xxx yyy của chị", is the type's one person of that sex: ``persons_by_sex``)
    roles = said.roles or ({p} if (p := person_of_sex(said.sexes, schema)) else set())
    if len(roles) != 1:
        return None
    role = next(iter(roles))
    return role if role in schema.sections else None
