"""Record search: Elasticsearch requests built from structured clauses, and their answers shaped.

Everything here is a pure function (no I/O) so it is unit-tested without a
server; ``api/search_routes.py`` and ``sohoa search`` only call these and
``run_search``.

Ranking of a name query (see docs/search.md for the whole argument): one nested
query over the people of a record (``search.people``; the subjects unless other
roles are asked for, born in the range asked for), the record scoring as its
best person. Inside it ``constant_score`` tiers that add up, so a rare surname
can never outweigh a better kind of match, and how closely the marks match
always outweighs the shape of the match:

=============================================================  =====
marks: the whole name exactly, diacritics included               +100
marks: every query word exactly as typed (đ typed as d aside)     +40
marks: every query word with every mark typed on it                60
shape: the whole name without diacritics                           24
shape: a variant (given name first, a middle name left out)        12
shape: every query word without diacritics                         10
shape: every word, one of them one slip off                         2
=============================================================  =====

Within a tier, scoring-only clauses order records: per query word 1 if the
name has it, else 0.5 if one of its words is a slip away, plus how many people
bear that word (the commoner the likelier meant); the given name the same way
at 0.5; the given name spelt as typed; the name's length; the subject first.
Each query is read as typed and, when it reads so, as Telex and VNI keystrokes.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from dataclasses import dataclass, field, fields
from functools import lru_cache
from typing import Any

from rapidfuzz.distance import Levenshtein

from schemas.extract import flatten_fields
from schemas.loader import load_schemas
from schemas.model import RecordDocument
from schemas.roles import spec_key
from sohoa.text import clean_spaces

from sohoa.text import fold

from . import keyboard, name_vocabulary, slip_readings
from .analysis import folded_text, norm_text, spelt_word
from .records import date_bound, digits, number_key, tokens

MAX_SIZE = 100
MAX_QUERY_WORDS = 8
MAX_FILTER_VALUES = 20
FACET_SIZE = 20
MAX_FACET_SIZE = 50
FUZZY = "AUTO:2,50"  # one edit for words of 2 letters or more (Hà, Tú, Vy, An), none for one letter
SORTS = {
    "relevance": [{"_score": "desc"}],
    "name": [{"search.name_sort": {"order": "asc", "missing": "_last"}}],
    "born": [{"date_of_birth": {"order": "asc", "missing": "_last"}}],
    "born_desc": [{"date_of_birth": {"order": "desc", "missing": "_last"}}],
    "registered": [{"registration_date": {"order": "asc", "missing": "_last"}}],
}
REVIEW_STATUSES = ("ok", "needs_review", "awaiting_second", "disputed", "verified")
SOURCE_EXCLUDES = ["search.*"]
MARK = ("<mark>", "</mark>")
# Tiers of one person's name (constant scores, added up: a name matching a closer tier matches the looser
# ones too). How closely the marks match (exact name 200, every word as typed 100, every mark typed 60,
# folded 0) always outweighs the shape (whole name 36, variant 24, every word 12, one typo 2): see
# docs/search.md.
TIERS = {
    "exact": 100,   # the name, diacritics as written (norm form)
    "spelt": 40,    # every query word exactly as typed (đ typed as d aside): 'Phạm Dung' is not Phạm Dũng
    "marks": 60,    # every query word, each with every mark typed on it (typed marks count wherever typed)
    "whole": 24,    # the name without diacritics
    "variant": 12,  # a variant without diacritics: given name first, a middle name left out
    "words": 10,    # every query word without diacritics
    "typo": 2,      # every query word, one of them one edit off
}
# Per query word, within a tier (see the module doc), counted within one person's name.
WORD_WEIGHT = 1.0
GIVEN_WEIGHT = 0.5
SAME_LENGTH_WEIGHT = 0.05  # times a word's weight: a slip keeping the length, far below a step (0.5)
SLIP_WEIGHT = 0.002  # times the log-odds a slip meant a word (ln count, + ln 2 if the length is kept): < 0.04
MAX_SLIPS = 30  # words one slip away weighed per query word (the likeliest)
SPELT_WEIGHT = 0.1  # the given name spelt as typed with its marks: below a word's nearness (0.5)
LENGTH_WEIGHT = 0.02  # a name of as many words as the query: below any difference of word nearness
SUBJECT_WEIGHT = 0.015  # the record's subject before another person: above the rarity point, below the length
# Per place of a slip read back (slip_readings), within a tier: above a record's other signals within a tier
# (given name 0.5, length, subject), and with them below the gap between tiers (a unit test holds both).
SLIP_READING_STEP = 0.65
RARE_WEIGHT = 0.0005  # times the rarity (BM25 IDF × tf part, under 30) of the given name: below the length point


class BadQuery(ValueError):
    """A query the caller must correct (HTTP 400)."""


@dataclass
class RecordQuery:
    q: str | None = None
    name: str | None = None
    born_from: str | None = None
    born_to: str | None = None
    died_from: str | None = None
    died_to: str | None = None
    registered_from: str | None = None
    registered_to: str | None = None
    place: str | None = None
    number: str | None = None
    record_types: list[str] = field(default_factory=list)
    collections: list[str] = field(default_factory=list)
    review: str | None = None
    decades: list[int] = field(default_factory=list)
    provinces: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)  # whose name and birth date: subjects unless named
    sort: str = "relevance"
    size: int = 20
    facets: bool = True
    facet_size: int = FACET_SIZE

    def plain(self) -> dict[str, Any]:
        """The query as a dict (its values are strings, numbers and lists of them: no deep copy needed, unlike
        ``asdict``, which cost more than building the search body)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def fingerprint(self) -> str:
        """What a cursor is tied to: the query without its page size."""
        d = self.plain()
        d.pop("size")
        d.pop("facets")
        d.pop("facet_size")
        return hashlib.sha256(json.dumps(d, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]

    def is_empty(self) -> bool:
        return not any([self.q, self.name, self.born_from, self.born_to, self.died_from, self.died_to,
                        self.registered_from, self.registered_to, self.place, self.number, self.record_types,
                        self.collections, self.review, self.decades, self.provinces, self.roles])


# --- input --------------------------------------------------------------------------------------

def parse_range(text: str | None) -> tuple[str | None, str | None]:
    """``1970..1975``, ``1972``, ``1970..``, ``..1975-06``, ``1972-03-15`` -> (from, to) as written."""
    if not text or not text.strip():
        return None, None
    text = text.strip()
    if ".." in text:
        lo, hi = (s.strip() or None for s in text.split("..", 1))
    else:
        lo = hi = text
    for v in (lo, hi):
        if v is not None and date_bound(v, False) is None:
            raise BadQuery(f"not a date: {v!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return lo, hi


def _date_range(field_name: str, lo: str | None, hi: str | None) -> dict | None:
    if lo is None and hi is None:
        return None
    rng: dict[str, str] = {"format": "yyyy-MM-dd"}
    if lo is not None:
        b = date_bound(lo, upper=False)
        if b is None:
            raise BadQuery(f"not a date: {lo!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
        rng["gte"] = b
    if hi is not None:
        b = date_bound(hi, upper=True)
        if b is None:
            raise BadQuery(f"not a date: {hi!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
        rng["lte"] = b
    if "gte" in rng and "lte" in rng and rng["gte"] > rng["lte"]:
        raise BadQuery(f"{field_name}: the range ends before it starts")
    return {"range": {field_name: rng}}


# --- clauses ------------------------------------------------------------------------------------

def _cs(query: dict, boost: float) -> dict:
    return {"constant_score": {"filter": query, "boost": boost}}


def _all(field_name: str, words: list[str]) -> dict:
    """Every word among the person's values of ``field_name`` (one nested document: one person's name)."""
    return {"bool": {"filter": [{"term": {field_name: w}} for w in dict.fromkeys(words)]}}


def _near(field_name: str, word: str, **extra) -> dict:
    return {"fuzzy": {field_name: {"value": word, "fuzziness": FUZZY, "prefix_length": 0, **extra}}}


def near_word_scores(field_name: str, word: str, weight: float, counts: dict[str, int]) -> list[dict]:
    """Scores for a name holding a word one slip from ``word`` instead of it: the archive's words one slip away
    (``counts``: how many people bear each), each weighted by how likely it was meant (the commoner: 'le thi mi'
    is rather Lê Thị Mai than Lê Thị Mơ), the likeliest ``MAX_SLIPS``."""
    near = sorted((c for c in name_vocabulary.slips(word) if c in counts),
                  key=lambda c: -name_vocabulary.likelihood(counts[c]))[:MAX_SLIPS]
    return [_cs({"term": {field_name: c}}, weight / 2 + weight * SLIP_WEIGHT * name_vocabulary.likelihood(counts[c]))
            for c in near]


def word_counts(words: list[str], vocabulary: dict[str, dict[str, int]] | None) -> list[dict[str, int] | None]:
    """Per query word, the counts its slips are weighed by: the last word typed (most often the given name) by
    given names, the others by any word of a name (folded, Văn, a middle name, and Vân, a given name, are one
    word: 'nguyen thu han' is rather Hà than Vân)."""
    words_count = vocabulary.get("words") if vocabulary else None
    given_count = vocabulary.get("given") if vocabulary else None
    return [given_count if w == words[-1] and len(words) > 1 else words_count for w in words]


def _one_typo(words: list[str], vocabulary: dict[str, dict[str, int]] | None = None) -> dict:
    """Every word in the person's name, all exact but one, which may be one edit off (first letter included).

    One word at a time, because near words of two query words could otherwise both be one name word
    (``tran`` and ``tpuan`` both one edit from the ``tuan`` of Nguyễn Văn Tuấn). A query of one or two
    words names the family and the given name: its slip is looked for among those (``ends``), never
    among middle names, the commonest words of all (``Nguyễn Lan`` is not Nguyễn Văn Đạt, ``van``
    being one letter from ``lan``).

    With the archive's words (``vocabulary``), the near words are listed in Python and the words as typed
    kept apart: a fuzzy query also matches the word itself, so each alternative walked the postings of a
    common word again (``van`` among ``an lan tan van``), once per query word; the same records match. The
    tier is then not a constant filter but one clause per way of matching (the words as typed; word *i*
    slipped, without the word itself), each scoring ``TIERS["typo"]``, and the alternative of word *i* also
    carries how near and how likely its near word is (``near_word_scores``, which ``name_word_clauses`` then
    leaves out): scored only on the records that slipped there, not looked up on every record the query
    matches, which cost a third of the query.
    """
    f = "search.people."
    near_field = f + ("words" if len(words) >= 3 else "ends")
    if vocabulary and vocabulary.get("words"):
        known = vocabulary["words"]

        def near_only(w: str) -> list[str]:
            # FUZZY: one edit for words of 2 letters or more, none for one letter
            return sorted(c for c in name_vocabulary.slips(w) if c in known) if len(w) >= 2 else []

        exact = ([_all(f + "words", words)] if near_field == f + "words" else
                 [{"bool": {"filter": [{"term": {(near_field if j == i else f + "words"): w}}
                                       for j, w in enumerate(words)]}} for i in range(len(words))])
        counts = word_counts(words, vocabulary)
        alternatives = [_cs(e, TIERS["typo"]) for e in exact]
        for i, w in enumerate(words):
            near = near_only(w)
            if not near:
                continue
            scores = near_word_scores(f + "words", w, WORD_WEIGHT * words.count(w), counts[i]) if counts[i] else []
            alternatives.append({"bool": {
                "filter": [{"terms": {near_field: near}} if j == i else {"term": {f + "words": x}}
                           for j, x in enumerate(words)],
                "must_not": [{"term": {f + "words": w}}],  # the word as typed is the first alternative's
                "should": [_cs({"match_all": {}}, TIERS["typo"]), *([{"dis_max": {"queries": scores}}] if scores
                                                                     else [])]}})
        return {"bool": {"should": alternatives, "minimum_should_match": 1}}
    if len(words) == 1:
        return _near(near_field, words[0])
    return {"bool": {"should": [
        {"bool": {"filter": [_near(near_field, w) if j == i else {"term": {f + "words": w}}
                             for j, w in enumerate(words)]}}
        for i in range(len(words))], "minimum_should_match": 1}}


def _same_length(field_name: str, word: str) -> dict | None:
    """Words one key changed or two neighbours swapped from ``word`` (a regexp over the name words)."""
    if not (word.isascii() and word.isalnum()) or len(word) < 2:
        return None
    forms = [word[:i] + "." + word[i + 1:] for i in range(len(word))]
    forms += [word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1) if word[i] != word[i + 1]]
    return {"regexp": {field_name: {"value": "|".join(f"({f})" for f in forms), "flags": "NONE"}}}


def query_words(name: str) -> tuple[list[str], list[str]]:
    """(norm words, folded words) of a name as typed, at most ``MAX_QUERY_WORDS``."""
    norm = norm_text(clean_spaces(name))
    return tokens(norm)[:MAX_QUERY_WORDS], tokens(fold(norm))[:MAX_QUERY_WORDS]


def name_query(name: str, typo: bool = True, vocabulary: dict[str, dict[str, int]] | None = None) -> dict | None:
    """One person (a nested ``search.people`` document) matching ``name``, scored by the tiers it reaches (see the
    tier table); None when the name has no word.

    Every tier implies every query word among the name's words, folded (the whole name, a variant of it, every
    word as typed or with its marks: each folds to those words), so the people matched are those of the
    ``words`` tier, or one word slipped (``typo``): that is the one required clause, and the closer tiers only
    score the people it found (a scoring ``should`` is looked up on the matches alone, where a tier of a
    ``should`` list that matches walked its own postings across the index: every word of a common name again
    per tier). A name typed without any mark makes the ``marks`` tier the ``words`` tier itself (a word without
    marks is among a name's mark forms exactly when it is the name's word folded): one clause, with both tiers'
    scores; likewise the one-slip tier's "every word as typed" for three words or more. The sums are the same.

    ``typo=False`` for a Telex/VNI reading: keystrokes read as letters are taken as meant, not one slip off."""
    norm_words, folded_words = query_words(name)
    if not folded_words:
        return None
    f = "search.people."
    norm, folded = " ".join(norm_words), " ".join(folded_words)
    every_word = TIERS["words"]
    scoring = [
        _cs({"term": {f + "exact": norm}}, TIERS["exact"]),
        _cs(_all(f + "spelt", [spelt_word(w) for w in norm_words]), TIERS["spelt"]),
    ]
    if norm_words == folded_words:
        every_word += TIERS["marks"]
    else:
        scoring.append(_cs(_all(f + "marks", norm_words), TIERS["marks"]))
    scoring += [
        _cs({"term": {f + "full": folded}}, TIERS["whole"]),
        _cs({"term": {f + "keys": folded}}, TIERS["variant"]),
    ]
    slipped: list[dict] = []
    if typo:
        tier = _one_typo(folded_words, vocabulary)
        if vocabulary and vocabulary.get("words"):
            # the tier scores itself (each alternative TIERS["typo"] and its slip's nearness); its first
            # alternative, for three words or more, is every word as typed: the words tier's own clause
            slipped = tier["bool"]["should"]
            if len(folded_words) >= 3:
                every_word += TIERS["typo"]
                slipped = slipped[1:]
        else:
            slipped = [_cs(tier, TIERS["typo"])]
    required = _cs(_all(f + "words", folded_words), every_word)
    if slipped:
        required = {"bool": {"should": [required, *slipped], "minimum_should_match": 1}}
    return {"bool": {"must": [required], "should": scoring}}


def name_word_clauses(name: str, typo: bool = True, vocabulary: dict[str, dict[str, int]] | None = None,
                      roles: list[str] | tuple[str, ...] = ("any",)) -> list[dict]:
    """Scoring-only ``should`` clauses on one person, ordering records within a tier: per query word, 1 if a
    word of the name is the query word, else 0.5 if one is a slip away (``typo``), plus how likely that slip
    meant that word (``vocabulary``: how many people's names hold each word). ``roles``: whose names are
    searched (``RecordQuery.roles``)."""
    norm_words, words = query_words(name)
    if not words:
        return []
    f = "search.people."
    in_tier = bool(vocabulary and vocabulary.get("words"))  # as name_query builds the typo tier

    def nearest(field_name: str, word: str, weight: float, counts: dict[str, int] | None = None) -> dict:
        # One slip counts the same however many words of the name are a slip away: a fuzzy query would add up
        # every near word (Lê Văn An collecting 'van' and 'an' for 'kan').
        exact = _cs({"term": {field_name: word}}, weight)
        if not typo:
            return exact
        if counts is not None:
            if field_name == f + "words" and in_tier:
                return exact  # the typo tier scores a name word one slip off (_one_typo)
            # The archive's words one slip away, each weighted by how likely it was meant (the commoner).
            return {"dis_max": {"queries": [exact, *near_word_scores(field_name, word, weight, counts)]}}
        missing = {"must_not": [{"term": {field_name: word}}]}
        near = [_cs({"bool": {"must": [_near(field_name, word)], **missing}}, weight / 2)]
        same = _same_length(field_name, word)
        if same:
            near.append(_cs({"bool": {"must": [same], **missing}}, weight / 2 + weight * SAME_LENGTH_WEIGHT))
        return {"dis_max": {"queries": [exact, *near]}}

    # How common a word is, as any word of a name, and for the last word typed (most often the given name) as a
    # given name: folded, Văn (a middle name) and Vân (a given name) are one word ('nguyen thu han': Hà, not Vân).
    given_count = vocabulary.get("given") if vocabulary else None
    counts = dict(zip(words, word_counts(words, vocabulary)))
    # A word typed twice counts twice (``nguyen thuy thuy``: Nguyễn Thuỳ Thuỷ), so a query that repeats a word
    # weighs its names as much as any other of as many words; every name holding the word gets the same.
    if typo:
        out = [nearest(f + "words", w, WORD_WEIGHT * words.count(w), counts[w]) for w in dict.fromkeys(words)]
    else:
        # Without a slip, every person the reading matches holds every word typed (``name_query``): each word's
        # point is theirs, one constant instead of a lookup of every word on every person matched.
        out = [_cs({"match_all": {}}, WORD_WEIGHT * len(words))]
    # Word order: the last word typed is most often the given name (Vietnamese order); typed with its marks,
    # the given name spelt so first ('Lê Phương': Lê Kim Phương before Lê Phương Thị Phượng).
    if len(words) > 1:
        out.append(nearest(f + "given", words[-1], GIVEN_WEIGHT, given_count))
        if norm_words[-1] != words[-1]:
            out.append({"term": {f + "given_spelt": {"value": spelt_word(norm_words[-1]), "boost": SPELT_WEIGHT}}})
    # Then a name as long as the query: 'dang quang vcnh' is nearer Đặng Quang Vinh than Đặng Quang Minh Vinh.
    out.append({"term": {f + "length": {"value": len(words), "boost": LENGTH_WEIGHT}}})
    # Then the record's subject before a parent or declarant of the same name, when other roles are asked for
    # (``roles``; with the subjects alone every person searched is one, and the clause would only cost time).
    if roles_beyond_subjects(roles):
        out.append({"term": {f + "subject": {"value": True, "boost": SUBJECT_WEIGHT}}})
    # Last, when a slip is as near two names ('hne': Hoè, Huệ; 'thiy': Thị, Thuỳ), the rarer first: one rare
    # record in the first ten costs the common name one place, the common name's many records would cost the
    # rare one its only chance to be seen. Per query word the name lacks (the slipped one), the BM25 weight
    # (IDF among all people's names) of its near words; the top_terms rewrite keeps each term's own.
    if typo and vocabulary is None:
        out.extend({"bool": {"must": [_near(f + "words", w, rewrite="top_terms_20", boost=RARE_WEIGHT)],
                             "must_not": [{"term": {f + "words": w}}]}} for w in dict.fromkeys(words))
    return out


def roles_beyond_subjects(roles: list[str] | tuple[str, ...]) -> bool:
    """Whether ``roles`` (as asked for) reach people other than the records' subjects."""
    roles = [r for r in roles if r][:MAX_FILTER_VALUES]
    return bool(roles) and roles != ["subject"]


def role_filter(roles: list[str]) -> dict:
    """Whose names a query searches: the record's subjects unless roles are named (``any``: everyone)."""
    if not roles_beyond_subjects(roles):
        return {"term": {"search.people.subject": True}}
    roles = [r for r in roles if r][:MAX_FILTER_VALUES]
    if "any" in roles:
        return {"match_all": {}}
    either: list[dict] = [{"terms": {"search.people.role": roles}}]
    if "subject" in roles:
        either.append({"term": {"search.people.subject": True}})
    if "relative" in roles:  # relatives carry their relation: relative:mẹ
        either.append({"prefix": {"search.people.role": "relative:"}})
    return {"bool": {"should": either, "minimum_should_match": 1}}


def person_filter(q: "RecordQuery") -> list[dict]:
    """The people a name query may match: of the roles asked for, born in the range asked for."""
    flt = [role_filter(q.roles)]
    born = _date_range("search.people.born", q.born_from, q.born_to)
    if born:
        flt.append(born)
    return flt


def name_readings(name: str | None) -> list[str]:
    """The readings of a name typed (as typed, as Telex, as VNI) that hold a word: what the tiers search for."""
    return [r for r in keyboard.readings(clean_spaces(name))[:3] if query_words(r)[1]] if name else []


def person_query(name: str | None, q: "RecordQuery", vocabulary: dict[str, dict[str, int]] | None = None,
                 slips: list[str] | None = None, typo: bool = True) -> dict | None:
    """One nested query over the people of a record: the best person of the roles asked for, matching
    ``name`` (every reading of it: as typed, as Telex, as VNI, and ``slips``: the names of the archive it is
    one slip from, best first, see ``slip_readings``) and born in the range asked for. ``typo``: the name as
    typed may also match with one word one slip off (the lowest tier)."""
    flt = person_filter(q)
    readings = name_readings(name)
    if readings:
        # Only the reading as typed may be one slip off: a slip read as keystrokes makes other words again.
        per_reading = [{"bool": {"filter": flt, "must": [name_query(r, typo=typo and i == 0, vocabulary=vocabulary)],
                                 "should": name_word_clauses(r, typo=typo and i == 0, vocabulary=vocabulary,
                                                             roles=q.roles)}}
                       for i, r in enumerate(readings)]
        # A slip read back: searched as if typed so, without a slip on top. Within each tier (whole name, variant,
        # every word) the likelier reading first; the query as typed can match only one slip off (its word is no
        # word of the archive), below them all.
        for r, reading in enumerate(slips or []):
            step = SLIP_READING_STEP * (len(slips) - 1 - r)
            per_reading.append({"bool": {"filter": flt, "must": [name_query(reading, typo=False)],
                "should": [*name_word_clauses(reading, typo=False, vocabulary=vocabulary, roles=q.roles),
                           _cs({"match_all": {}}, step)]}})
        inner = per_reading[0] if len(per_reading) == 1 else {"dis_max": {"queries": per_reading}}
    else:
        inner = {"bool": {"filter": flt}}
    return {"nested": {"path": "search.people", "query": inner, "score_mode": "max"}}


def text_clauses(text: str, vocabulary: dict[str, dict[str, int]] | None = None) -> tuple[dict, list[dict]]:
    """Free text over every value of a record: (required clause, scoring clauses)."""
    text = clean_spaces(text)[:500]
    folded, norm = folded_text(text), norm_text(text)
    words = tokens(folded)
    # One typo per word is forgiven in words, never in numbers: 1990 is not 1980.
    letters = " ".join(w for w in words if not any(c.isdigit() for c in w))
    numbers = " ".join(w for w in words if any(c.isdigit() for c in w))
    either = [{"match": {"search.all_folded": {"query": folded, "operator": "and"}}}]
    if letters:
        near = [{"match": {"search.all_folded": {"query": letters, "operator": "and", "fuzziness": FUZZY,
                                                 "prefix_length": 1}}}]
        if numbers:
            near.append({"match": {"search.all_folded": {"query": numbers, "operator": "and"}}})
        either.append({"bool": {"must": near, "boost": 0.2}})
    required = {"bool": {"should": either, "minimum_should_match": 1}}
    # Diacritics as typed count where they matter, in names and places; the words in the order typed
    # count anywhere. (An exact form of every value cost a fifth of the index's bulk-load time.)
    scoring = [{"multi_match": {"query": norm, "fields": ["search.subject_norm", "search.persons_norm",
                                                          "search.places_norm"], "boost": 2.0}},
               {"match_phrase": {"search.all_folded": {"query": folded, "boost": 2.0}}},
               person_query(text, RecordQuery(), vocabulary=vocabulary)]
    return required, scoring


def _terms(field_name: str, values: list) -> dict | None:
    values = [v for v in values if v not in (None, "")][:MAX_FILTER_VALUES]
    if not values:
        return None
    return {"terms": {field_name: values}}


def filter_clauses(q: RecordQuery) -> list[dict]:
    out = [
        _terms("record_type", q.record_types),
        _terms("collection", q.collections),
        _terms("decade", q.decades),
        _terms("provinces", q.provinces),
        _date_range("date_of_death", q.died_from, q.died_to),
        _date_range("registration_date", q.registered_from, q.registered_to),
    ]
    if q.review:
        if q.review not in REVIEW_STATUSES:
            raise BadQuery(f"review must be one of {', '.join(REVIEW_STATUSES)}")
        out.append({"term": {"review_status": q.review}})
    if q.number and q.number.strip():
        either = [{"term": {"numbers": number_key(q.number)}}]
        if digits(q.number):
            either.append({"term": {"ids": digits(q.number)}})
        out.append({"bool": {"should": either, "minimum_should_match": 1}})
    return [c for c in out if c]


def build_query(q: RecordQuery, vocabulary: dict[str, dict[str, int]] | None = None,
                slips: list[str] | None = None, typo: bool = True) -> dict:
    must: list[dict] = []
    should: list[dict] = []
    name = q.name if q.name and tokens(folded_text(q.name)) else None
    if name:
        # The person named, of the roles asked for, born when asked: all in one nested document.
        must.append(person_query(name, q, vocabulary=vocabulary, slips=slips, typo=typo))
    elif q.born_from or q.born_to or q.roles:
        must.append(person_query(None, q))
    if q.q and tokens(folded_text(q.q)):
        required, scoring = text_clauses(q.q, vocabulary)
        must.append(required)
        should.extend(scoring)
    if q.place and tokens(folded_text(q.place)):
        place = clean_spaces(q.place)[:300]
        must.append({"match": {"search.places_folded": {"query": folded_text(place), "operator": "and"}}})
        should.append({"match": {"search.places_norm": {"query": norm_text(place), "boost": 2.0}}})
    return {"bool": {"must": must or [{"match_all": {}}], "should": should, "filter": filter_clauses(q)}}


def build_aggs(q: RecordQuery) -> dict:
    size = max(1, min(q.facet_size, MAX_FACET_SIZE))
    return {
        "record_type": {"terms": {"field": "record_type", "size": size}},
        "collection": {"terms": {"field": "collection", "size": size}},
        "decade": {"terms": {"field": "decade", "size": size, "order": {"_key": "asc"}}},
        "province": {"terms": {"field": "provinces", "size": size}},
        "review_status": {"terms": {"field": "review_status", "size": 2}},
    }


def build_sort(sort: str) -> list:
    if sort not in SORTS:
        raise BadQuery(f"sort must be one of {', '.join(SORTS)}")
    return SORTS[sort] + [{"record_id": "asc"}]  # a unique tie-breaker keeps search_after exact


def build_search(q: RecordQuery, search_after: list | None = None,
                 vocabulary: dict[str, dict[str, int]] | None = None, slips: list[str] | None = None,
                 typo: bool = True) -> dict:
    """The body of one page of results (without ``pit``/``index``, which the caller adds). ``slips``: the
    names the name asked for is one slip from, best first (``slip_candidates``, ``slip_readings.ranked``);
    ``typo``: the name as typed may match with one word one slip off (``search_records`` asks for that only
    when the name as typed fills less than a page)."""
    size = max(1, min(q.size, MAX_SIZE))
    body: dict[str, Any] = {
        "query": build_query(q, vocabulary, slips, typo),
        "sort": build_sort(q.sort),
        "size": size,
        "track_total_hits": True,
        # No source filter: the index never keeps search.* in _source (its mapping excludes it), and filtering
        # made Elasticsearch parse every hit's source instead of copying it (about a tenth of a name query).
    }
    if search_after is not None:
        body["search_after"] = search_after
    if q.facets and search_after is None:
        body["aggs"] = build_aggs(q)
    return body


def people_bound(q: RecordQuery, vocabulary: dict[str, dict[str, int]] | None,
                 slips: list[str] | None = None) -> int | None:
    """At most how many people the name asked for matches without a slip, from the archive's word counts alone:
    a person matched holds every word of a reading (``name_query``), so no more people than bear its rarest
    word, summed over the readings (as typed, Telex, VNI, the slips read back). None without the counts.

    The counts are read every few minutes: a name given to new records since may match more; then the search
    asks for a slip it did not need, which finds the same first page (a slip ranks below every match as
    typed)."""
    known = (vocabulary or {}).get("words")
    if not q.name or not known:
        return None
    # a word the list leaves out (it holds the commonest MAX_WORDS) is borne by no more people than the last
    unknown = min(known.values()) if len(known) >= name_vocabulary.MAX_WORDS else 0
    return sum(min(known.get(w, unknown) for w in query_words(reading)[1])
               for reading in name_readings(q.name) + [r for r in slips or [] if query_words(r)[1]])


# --- a name typed with one slip, read back (slip_readings) ---------------------------------------

def _keystroke_words(words: list[str], known: dict[str, int]) -> frozenset[str]:
    """The query words that read as Telex or VNI keystrokes of a word of the archive (``hoaf``: hoà)."""
    out = set()
    for w in words:
        if w not in known and any(tokens(folded_text(r)) == [k] and k in known
                                  for r in keyboard.readings(w)[1:] for k in tokens(folded_text(r))):
            out.add(w)
    return frozenset(out)


def slip_candidates(q: RecordQuery, vocabulary: dict[str, dict[str, int]] | None) -> list[tuple[tuple[str, ...], float]]:
    """Readings of the name asked for, one slip read back, with P(typed | meant) (``slip_readings``)."""
    if not q.name or not vocabulary or not vocabulary.get("words"):
        return []
    words = query_words(q.name)[1]
    return slip_readings.candidates(words, vocabulary, _keystroke_words(words, vocabulary["words"]))


def slip_count_body(q: RecordQuery, readings: list[tuple[tuple[str, ...], float]]) -> dict:
    """How many people of the roles asked for (born in the range asked for, on records the filters keep) bear
    every word of each reading: one request, only the records holding such a person looked at. A reading of
    one or two words names the family and the given name (as the one-slip tier reads it): ``vu th`` is rather
    Vũ … Thu, of whom there are many, than Vũ Thị …, of whom there are more but who are not named so."""
    f = "search.people."
    field_name = f + ("words" if readings and len(readings[0][0]) >= 3 else "ends")
    each = {str(i): _all(field_name, list(r)) for i, (r, _) in enumerate(readings)}
    people = {"bool": {"filter": person_filter(q), "should": list(each.values()), "minimum_should_match": 1}}
    return {"size": 0, "track_total_hits": False,
            "query": {"bool": {"filter": [{"nested": {"path": "search.people", "query": people}},
                                          *filter_clauses(q)]}},
            "aggs": {"people": {"nested": {"path": "search.people"}, "aggs": {"asked": {
                "filter": {"bool": {"filter": person_filter(q)}},
                "aggs": {"readings": {"filters": {"filters": each}}}}}}}}


def slip_counts(resp: dict, readings: list) -> list[int]:
    buckets = resp["aggregations"]["people"]["asked"]["readings"]["buckets"]
    return [buckets.get(str(i), {}).get("doc_count", 0) for i in range(len(readings))]


# --- cursors ------------------------------------------------------------------------------------

def encode_cursor(search_after: list, pit_id: str | None, fingerprint: str, typo: bool = True) -> str:
    """``typo``: whether the pages of this query match a name one slip off (decided on the first page)."""
    d = {"a": search_after, "p": pit_id, "f": fingerprint}
    if not typo:
        d["t"] = 0
    raw = json.dumps(d, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def cursor_typo(cursor: str) -> bool:
    """Whether the query of a (valid, decoded before) cursor matches a name one slip off."""
    try:
        return json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))).get("t", 1) != 0
    except (ValueError, TypeError, AttributeError):
        return True


def decode_cursor(cursor: str, fingerprint: str) -> tuple[list, str | None]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        d = json.loads(raw)
        after, pit, fp = d["a"], d.get("p"), d["f"]
        if not isinstance(after, list) or (pit is not None and not isinstance(pit, str)):
            raise ValueError
    except (ValueError, KeyError, TypeError) as exc:
        raise BadQuery("invalid cursor") from exc
    if fp != fingerprint:
        raise BadQuery("the cursor belongs to another query; start again without it")
    return after, pit


# --- answers ------------------------------------------------------------------------------------

@lru_cache(maxsize=65536)
def _folded_word(word: str) -> str:
    # Highlighting folds every word of every value of every hit; the words of an archive repeat.
    return folded_text(word)


class Marker:
    """Marks the words of a text that match a query's words (folded, or one typo off for words of 3+ letters).

    Built once per query, applied to every value of every hit; ``fields`` (field keys as the record types
    declare them, ``relatives[].full_name``: those of a role, ``schemas/roles.py``) limits it to the values a
    clause searches: a name query can only have matched a name.
    """

    def __init__(self, query: str | None, fields: frozenset[str] | None = None) -> None:
        self.terms = frozenset(tokens(folded_text(query))) if query else frozenset()
        self.fuzzy = tuple(t for t in self.terms if len(t) >= 3)
        self.fields = fields

    def applies_to(self, key: str) -> bool:
        return self.fields is None or spec_key(key) in self.fields

    def matches(self, word: str) -> bool:
        if word in self.terms:
            return True
        return len(word) >= 3 and any(t[0] == word[0] and Levenshtein.distance(t, word, score_cutoff=1) <= 1
                                      for t in self.fuzzy)

    def __call__(self, text: str) -> str | None:
        """``text`` HTML-escaped with matching words in <mark>; None if no word matches."""
        if not self.terms or not text:
            return None
        out, pos, hit = [], 0, False
        for m in _WORD_RE.finditer(text):
            if self.matches(_folded_word(m.group(0))):
                out.append(html.escape(text[pos:m.start()]))
                out.append(MARK[0] + html.escape(m.group(0)) + MARK[1])
                pos, hit = m.end(), True
        out.append(html.escape(text[pos:]))
        return "".join(out) if hit else None


_WORD_RE = re.compile(r"\w+")


def mark(text: str, query: str | None) -> str | None:
    """``text`` HTML-escaped with the words matching ``query`` (folded, or one typo off) in <mark>; None if none."""
    return Marker(query)(text)


def highlights(source: dict, *queries: str | Marker | None, limit: int = 6) -> list[dict]:
    """Which values of a record matched, from the record's own text (diacritics as written)."""
    markers = [q if isinstance(q, Marker) else Marker(q) for q in queries]
    markers = [m for m in markers if m.terms]
    out: list[dict] = []
    if not markers:
        return out
    for key, value in flatten_fields(source).items():
        if not isinstance(value, str):
            continue
        for marker in markers:
            if not marker.applies_to(key):
                continue
            marked = marker(value[:400])
            if marked:
                out.append({"field": key, "html": marked})
                break
        if len(out) >= limit:
            break
    return out


def summary(source: RecordDocument) -> dict:
    """The short form of a record in a result list."""
    return {
        "id": source.get("record_id"),
        "record_type": source.get("record_type"),
        "family": source.get("family"),
        "collection": source.get("collection"),
        "name": source.get("name"),
        "date_of_birth": source.get("date_of_birth"),
        "date_of_death": source.get("date_of_death"),
        "registration_date": source.get("registration_date"),
        "places": (source.get("places") or [])[:3],
        "persons": source.get("persons") or [],
        "confidence": source.get("confidence"),
        "review_status": source.get("review_status"),
        "key": source.get("key"),
        "pages": source.get("pages") or [],
    }


def detail(source: RecordDocument) -> dict:
    """Everything about one record: its fields with raw text, confidence, page and box."""
    body = summary(source)
    body.update({
        "doc_hash": source.get("doc_hash"),
        "schema_version": source.get("schema_version"),
        "review_reasons": source.get("review_reasons") or [],
        # what the extractor could not place, never dropped (the unmapped values masked as any value is)
        "missing": source.get("missing") or [],
        "doubtful": source.get("doubtful") or [],
        "unmapped": source.get("unmapped") or [],
        "ids": source.get("ids") or [],
        "numbers": source.get("numbers") or [],
        "fields": source.get("fields") or {},
        "flat_fields": flatten_fields(source),
        "extracted_at": source.get("extracted_at"),
    })
    return body


def facets(aggs: dict | None) -> dict:
    out = {}
    for name, agg in (aggs or {}).items():
        out[name] = [{"value": b.get("key_as_string", b["key"]) if name != "decade" else int(b["key"]),
                      "count": b["doc_count"]} for b in agg.get("buckets", [])]
    return out


def _role_allowed(role: str, roles: list[str]) -> bool:
    roles = [r for r in roles if r]
    # persons[] roles of what a record is about (subject, alias, a marriage's wife and husband), from the types
    subject_roles = load_schemas().roles.subject_persons
    if not roles or roles == ["subject"]:
        return role in subject_roles
    return "any" in roles or role in roles or ("subject" in roles and role in subject_roles) or (
        "relative" in roles and role.startswith("relative"))


def _born_in(person: dict, q: "RecordQuery") -> bool:
    born = person.get("date_of_birth")
    if not (q.born_from or q.born_to):
        return True
    if not born:
        return False
    day = date_bound(born, upper=False) or ""  # as the index holds it: 1972 is 1972-01-01
    return (q.born_from is None or day >= (date_bound(q.born_from, upper=False) or "")) and \
        (q.born_to is None or day <= (date_bound(q.born_to, upper=True) or "~"))


@lru_cache(maxsize=65536)
def _name_forms(name: str) -> tuple[tuple[str, ...], tuple[str, ...], frozenset[str]]:
    """(norm words, folded words, words as typed) of a person's name: names repeat across hits and queries."""
    norm = tuple(tokens(norm_text(name)))
    return norm, tuple(tokens(fold(" ".join(norm)))), frozenset(spelt_word(w) for w in norm)


class PersonMatcher:
    """Which person of a hit the query matched: ``{role, name, date_of_birth}``, built once per query.

    Worked out from the hit's own ``persons``, by the same text forms as the tiers (exact name, words as
    typed, words folded, at most one slip), the roles and the birth range asked for: asking Elasticsearch
    for the matching nested document (inner hits) cost it a fifth of a name query's time."""

    def __init__(self, q: "RecordQuery") -> None:
        self.q = q
        self.readings = []
        for reading in name_readings(q.name):
            norm_words, folded_words = query_words(reading)
            self.readings.append((tuple(norm_words), tuple(folded_words), frozenset(spelt_word(w) for w in norm_words)))

    def __call__(self, source: dict) -> dict | None:
        q = self.q
        persons = [(i, p) for i, p in enumerate(source.get("persons") or [])
                   if _role_allowed(p.get("role") or "", q.roles) and _born_in(p, q)]
        if not persons:
            return None
        if not q.name:
            return dict(persons[0][1]) if (q.roles or q.born_from or q.born_to) else None
        best, best_key = None, None
        for norm_words, folded_words, typed in self.readings:
            for i, p in persons:
                norm, folded, spelt = _name_forms(p.get("name") or "")
                found = sum(w in folded for w in folded_words)
                near = sum(w not in folded and any(Levenshtein.distance(w, x, score_cutoff=1) <= 1 for x in folded)
                           for w in folded_words) if found < len(folded_words) else 0
                if found + near < len(folded_words) or near > 1:  # as the tiers: every word, at most one slipped
                    continue
                key = (norm == norm_words, typed <= spelt, folded == folded_words, found, -i)
                if best_key is None or key > best_key:
                    best, best_key = p, key
        return dict(best) if best is not None else None


def matched_person(source: dict, q: "RecordQuery") -> dict | None:
    """``PersonMatcher(q)(source)``: the person of one hit whom the query matched."""
    return PersonMatcher(q)(source)


# --- running a search (the only part that talks to Elasticsearch) ---------------------------------

PIT_KEEP_ALIVE = "2m"


class CursorExpired(BadQuery):
    """The point in time behind a cursor is gone: the client starts again from the first page."""


def year_only(body: Any) -> Any:
    """A request body for a role that sees only years of birth: free text searches the values as that role
    sees them (``search.all_public_folded``: no date finer than a year, no whole ID number), and sorting by
    date of birth orders by its year (``birth_year``), so the order of the hits cannot tell two birthdays of a
    year apart."""
    if isinstance(body, dict):
        out = {}
        for k, v in body.items():
            if k == "sort" and isinstance(v, list):
                # then by record ID, which says nothing about the date
                out[k] = [{"birth_year": c["date_of_birth"]} if isinstance(c, dict) and "date_of_birth" in c else c
                          for c in v]
            else:
                out["search.all_public_folded" if k == "search.all_folded" else k] = year_only(v)
        return out
    if isinstance(body, list):
        return [year_only(v) for v in body]
    return body


def search_records(es, index: str, q: RecordQuery, cursor: str | None = None, years_only: bool = False) -> dict:
    """One page of records. The first page is a plain search; following pages (``cursor``) run in a
    point in time opened on the second page, with ``search_after``, so paging stays exact past
    10,000 hits and while documents are being indexed. ``years_only``: free text never matches a date finer
    than a year or a whole ID number (for roles that may not see them)."""
    from elasticsearch import NotFoundError

    fingerprint = q.fingerprint()
    after, pit = decode_cursor(cursor, fingerprint) if cursor else (None, None)
    vocabulary = name_vocabulary.vocabulary(es, index) if (q.name or q.q) else None
    slips = None
    readings = slip_candidates(q, vocabulary)
    if readings:  # a word no person bears: which names of the archive it is one slip from, and how many bear them
        counted = es.search(index=index, **slip_count_body(q, readings))
        slips = slip_readings.ranked(readings, slip_counts(counted, readings))

    def request(typo: bool) -> tuple[dict, dict]:
        body = build_search(q, after, vocabulary, slips, typo=typo)
        if years_only:
            body = year_only(body)
        return body, {("source" if k == "_source" else k): v for k, v in body.items()}

    # A name one slip off is looked for only when the name as typed (and the slips read back) fills less than the
    # first page: those matches would all rank below it, and finding and scoring every near name of a common
    # one was half the cost of a name query. The pages after the first keep the first page's choice.
    typo = cursor_typo(cursor) if cursor else not q.name
    if not typo and after is None:
        # Fewer people bear the name's rarest word than the page holds: the name as typed cannot fill it, so
        # the slip is asked for at once (one search, not two).
        bound = people_bound(q, vocabulary, slips)
        typo = bound is not None and bound < max(1, min(q.size, MAX_SIZE))
    body, kwargs = request(typo)
    try:
        if after is None:
            resp = es.search(index=index, **kwargs)
            if not typo and resp["hits"]["total"]["value"] < body["size"]:
                typo = True
                body, kwargs = request(typo)
                resp = es.search(index=index, **kwargs)
        else:
            if pit is None:
                pit = es.open_point_in_time(index=index, keep_alive=PIT_KEEP_ALIVE)["id"]
            resp = es.search(pit={"id": pit, "keep_alive": PIT_KEEP_ALIVE}, **kwargs)
    except NotFoundError as exc:
        if pit is not None:
            raise CursorExpired("the cursor has expired; start the search again") from exc
        raise
    hits = resp["hits"]["hits"]
    out = []
    roles = load_schemas().roles
    markers = [Marker(q.name, roles.name_keys), Marker(q.q), Marker(q.place, roles.place_keys)]
    person = PersonMatcher(q)
    for h in hits:
        src = h["_source"]
        item = summary(src)
        item["id"] = item["id"] or h["_id"]
        item["score"] = h.get("_score")
        item["person"] = person(src)
        item["highlights"] = highlights(src, *markers)
        out.append(item)
    next_cursor = None
    if len(hits) == body["size"]:
        next_cursor = encode_cursor(hits[-1]["sort"], resp.get("pit_id") or pit, fingerprint, typo)
    return {
        "total": resp["hits"]["total"]["value"],
        "took_ms": resp.get("took"),
        "hits": out,
        "facets": facets(resp.get("aggregations")),
        "next_cursor": next_cursor,
    }
