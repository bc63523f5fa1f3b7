"""Two people side by side: a row of two headings over two columns of pairs ("Về phía vợ | Lý lịch đương sự
nam", "Người mẹ | Người cha"), each column one person's block (docs/extraction.md, step 5).

The reader splits a row into two people's columns when both halves name a section by a marker wording
(``reader._column_split``). A heading in words the vocabulary lacks leaves that split unmade, and the two
columns are then read as one, the right person's labels taken for the left's. The page's geometry says more
than the words: two short runs of label words with no value, a wide blank between them, and under each run the
pairs of the rows below starting where it starts, are two headings, each over its column. Whose each column is
then needs less of the words: a heading naming one person among its unknown words, the word for a sex as
written ("nam", "nữ") where the type's two persons are a man and a woman, and, when one heading is understood,
the other is that person's counterpart — the section with the same fields (the wife's for the husband's, the
father's for the mother's).
"""

from __future__ import annotations

from .assign import looks_like_name
from .labels import is_label_word, meaning, value_kind, written_syllables
from .layout import COLUMN_GAP, COLUMN_SLACK, Row, Tok, gap_before
from .loader import Schema
from .matching import find_marker

HEADING_WORDS = 8  # words a column's heading holds at most ("Phần khai về phía nhà gái", "Kê khai về đương sự bên nam")
HEADING_GAP = 0.04  # of the page's width: the blank between two headings side by side, at least
SEX_WORDS = {"nam": "male", "nữ": "female"}  # as written: "nam" is no "năm" (a year), "nữ" no "nu"


def heading_like(toks: list[Tok]) -> bool:
    """Words that can be a column's heading: a few words with letters, no digit, no colon before the last word
    (a heading has no value after it); words that ask nothing (a sex said as written names a person: "đương sự
    nam"), so no label ("Sắc dân mẫu thân", "Thuộc giới"); and no value (a sex, an ethnic group, a country, a
    person's name: the value column of a grid beside its label)."""
    words = [t for t in toks if not t.leader and any(c.isalpha() for c in t.text)]
    if not 0 < len(words) <= HEADING_WORDS:
        return False
    if any(c.isdigit() for t in toks for c in t.text) or any(t.colon for t in words[:-1]):
        return False
    text = " ".join(t.text for t in words).rstrip(":.")
    asked = " ".join(w for w in written_syllables(text) if w not in SEX_WORDS)
    # (words in capitals that fold to a family name and given names may be a heading's, every one a label word
    # as written: "PHẦN KHAI VỀ NGƯỜI NAM" is no "Phan …")
    named = looks_like_name(text) and not all(is_label_word(t.text) for t in words)
    return not meaning(asked).attrs and value_kind(text) is None and not named


def person_of_heading(toks: list[Tok], schema: Schema) -> str | None:
    """The section a heading names: a marker wording, else the one person its words name among words the
    vocabulary lacks (a heading asks nothing, so its other words say only whose block it is), else the word
    for a sex as written where exactly one section is a person of that sex."""
    if (marker := find_marker(toks, schema)) is not None:
        return marker
    text = " ".join(t.text for t in toks if not t.leader)
    said = meaning(text)
    if len(said.roles) == 1 and (role := next(iter(said.roles))) in schema.sections:
        return role
    sexes = {SEX_WORDS[w] for w in written_syllables(text) if w in SEX_WORDS}
    if len(sexes) == 1:
        sex = sexes.pop()
        named = [name for name, sec in schema.sections.items() if sec.implied_sex == sex]
        if len(named) == 1:
            return named[0]
    return None


def counterpart(section: str, schema: Schema) -> str | None:
    """The one other section whose fields are the same as ``section``'s (the husband's for the wife's, the
    father's for the mother's): the person a form prints beside this one."""
    def asks(name: str) -> frozenset[str]:
        return frozenset(f.key.split(".", 1)[1] for f in schema.fields if f.section == name and "." in f.key)

    own = asks(section)
    if not own:
        return None
    same = [name for name in schema.sections if name != section and asks(name) == own]
    return same[0] if len(same) == 1 else None


def _ended(toks: list[Tok], height: float) -> bool:
    """The heading's last word ends with a colon, or a colon or a dotted leader follows it closely (a speck
    further off is none)."""
    words = [k for k, t in enumerate(toks) if any(c.isalpha() for c in t.text)]
    if not words:
        return False
    last = words[-1]
    return toks[last].colon or any((t.leader or t.colon) and t.bbox[0] - toks[last].bbox[2] <= height
                                   for t in toks[last + 1:])


def _label_under(x: float, rows: list[Row], height: float, first: bool) -> bool:
    """One of the rows starts a label at x, under a heading: its first word (``first``), or a word after a wide
    blank, capitalised, with no digit, and more words after it, the words from there no value by themselves (a
    label and its value, not a grid's value alone: a name, a place, an ethnic group)."""
    for r in rows:
        for k, t in enumerate(r.toks):
            if abs(t.bbox[0] - x) > COLUMN_SLACK * height:
                continue
            if first and k == 0:
                return True
            run = " ".join(w.text for w in r.toks[k:] if not w.leader)
            if not first and k > 0 and gap_before(r.toks, k) >= COLUMN_GAP * height and t.text[:1].isupper() \
                    and not any(c.isdigit() for c in t.text) and len(r.toks) - k >= 2 \
                    and value_kind(run) is None and not looks_like_name(run):
                return True
    return False


def heading_pair(row: Row, below: list[Row], schema: Schema, page_width: float) -> tuple[float, str, str] | None:
    """Where ``row`` splits into two headings side by side, and the sections they name: (x where the right
    column starts, left section, right section), or None. Both halves are headings (``heading_like``), the blank
    between them is wide, the rows below start labels under both headings' first words, and the two persons are
    two different sections, one of them read from its heading and the other from its heading or as its
    counterpart."""
    if len(schema.sections) < 2 or len(row.toks) < 2 or not below:
        return None
    toks, h = row.toks, max(row.height, 10)
    for k in range(1, len(toks)):
        gap = toks[k].bbox[0] - toks[k - 1].bbox[2]
        if gap < HEADING_GAP * page_width or not any(c.isalpha() for c in toks[k].text):
            continue  # (a speck alone in the blank, a colon read far from its word, is no column's start)
        left, right = toks[:k], toks[k:]
        # (a label ended by its colon and its value across a blank are no two headings: "Tên cha: | Vũ Văn An")
        if not (heading_like(left) and heading_like(right)) or _ended(left, h) != _ended(right, h):
            return None
        if not (_label_under(left[0].bbox[0], below, h, True) and _label_under(right[0].bbox[0], below, h, False)):
            return None
        a, b = person_of_heading(left, schema), person_of_heading(right, schema)
        a = a or (counterpart(b, schema) if b else None)
        b = b or (counterpart(a, schema) if a else None)
        if a and b and a != b:
            return right[0].bbox[0] - min(gap / 2, 12), a, b
        return None
    return None

