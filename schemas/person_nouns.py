"""Sino-Vietnamese nouns of persons built on "sĩ" (士), whose first syllable is no word of its own.

"Sĩ" (士: a scholar, a soldier) ends a closed class of Sino-Vietnamese compound nouns that each name a kind of
person by what the first syllable says of them: "chiến sĩ" (one who fights), "liệt sĩ" (one who fell with
honour), "y sĩ", "bác sĩ", "binh sĩ", "tử sĩ" (死士, one who died). The first syllable is a morpheme of the noun,
not a word of the label: a word of death ("tử") before "sĩ" names the fallen person, as "người đã hy sinh" does,
and asks no date nor place of a death (a birth year asked of a "tử sĩ" is a birth year). The reading of a label
(``labels._meaning``) asks whether an event word it found is the first half of such a noun.
"""

from __future__ import annotations

# "sĩ" and its older spelling "sỹ" (the i/y of Vietnamese orthography before the 1980s reforms), as written with
# their marks: folded, "si" is also a syllable of names and of other words
PERSON_HEADS = frozenset({"sĩ", "sỹ"})


def heads_person_noun(as_written: list[str], end: int) -> bool:
    """The syllable at ``end`` (right after a phrase that ends at ``end``) is "sĩ" as written with its mark: the
    phrase before it opens a Sino-Vietnamese noun of a person and is no word of the label."""
    return end < len(as_written) and as_written[end] in PERSON_HEADS
