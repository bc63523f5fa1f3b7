"""Record search: Elasticsearch requests built from structured clauses, and their answers shaped.

Everything here is a pure function (no I/O) so it is unit-tested without a
server; ``api/search_routes.py`` and ``sohoa search`` only call these and
``run_search``.

Ranking of a name query works in tiers, each a ``constant_score`` clause, so a
rare surname can never outweigh a better kind of match (see docs/search.md):

=====  ==========================================================  ============
tier   the record's subject name …                                  score added
=====  ==========================================================  ============
1      is the query exactly, diacritics included                    100
2      is the query without diacritics                              60
3      is a variant of the query (reversed order, no middle name)   40
4      holds every query word, diacritics included                  30
5      holds every query word without diacritics                    20
6      holds every query word, one of them with one typo            5
=====  ==========================================================  ============

Other people on the record (parents, spouses, declarant, relatives) get
tiers 1 to 5 with smaller scores (12, 8, 6, 4), so the person searched for
ranks above a record where they are only the mother; a typo is forgiven in
the subject's name only. Words of one name must
occur within one name (intervals with a small gap; the values of a list are
100 positions apart), so ``Nguyễn Lan`` does not match a father Nguyễn and a
mother Lan.

Within a tier, records are ordered by how near each query word came (see
docs/search.md for the whole argument). Within one subject's name, every query
word adds 1 point when a word of the name is exactly it, else half the fuzzy
similarity of the near ones (``1 - edits/length``: ``tvu`` is nearer ``thu``
than ``tu``); a record with two subjects (a marriage) counts its better name,
never both. The last query word adds 0.5 the same way when it is (near) the
given name, so word order counts (``hoang van tvu``: Hoàng Văn Thụ before
Hoàng Thu Vân); then 0.02 when the name has as many words as the query; last,
1/2000 of the rarity (IDF) of the word nearest the last query word, so between
equally near given names the rarer comes first (its one record costs a common
name one place in the first ten; the common name's records would hide it).
The name-word fields score with the boolean similarity, so these points do not
depend on how common a name is (but for the last), and together they stay
below the gap between tiers. Without them every record with one typo per word
would tie, whether it matched two words exactly or none.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

from rapidfuzz.distance import Levenshtein

from schemas.extract import flatten_fields
from sohoa.text import clean_spaces

from .analysis import folded_text, norm_text
from .records import NAME_SUFFIXES, PLACE_SUFFIXES, date_bound, digits, key_matches, number_key, tokens

MAX_SIZE = 100
MAX_QUERY_WORDS = 8
MAX_FILTER_VALUES = 20
FACET_SIZE = 20
MAX_FACET_SIZE = 50
FUZZY = "AUTO:3,50"  # one edit for words of 3 letters or more, none for shorter ones
SORTS = {
    "relevance": [{"_score": "desc"}],
    "name": [{"search.name_words.sort": {"order": "asc", "missing": "_last"}}],
    "born": [{"date_of_birth": {"order": "asc", "missing": "_last"}}],
    "born_desc": [{"date_of_birth": {"order": "desc", "missing": "_last"}}],
    "registered": [{"registration_date": {"order": "asc", "missing": "_last"}}],
}
REVIEW_STATUSES = ("ok", "needs_review")
SOURCE_EXCLUDES = ["search.*"]
MARK = ("<mark>", "</mark>")
SUBJECT_TIERS = (100, 60, 40, 30, 20)
SUBJECT_TYPO_TIER = 5
PERSON_TIERS = (12, 8, 8, 6, 4)
# Per query word, within a tier (see the module doc). Other people's names get no such points: parents share
# the family name, so any weight large enough to order them would reorder the subjects, and the clauses cost
# a seventh of the query's time.
WORD_WEIGHT = 1.0
GIVEN_WEIGHT = 0.5
LENGTH_WEIGHT = 0.02  # a name of as many words as the query: below any difference of word nearness
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
    sort: str = "relevance"
    size: int = 20
    facets: bool = True
    facet_size: int = FACET_SIZE

    def fingerprint(self) -> str:
        """What a cursor is tied to: the query without its page size."""
        d = asdict(self)
        d.pop("size")
        d.pop("facets")
        d.pop("facet_size")
        return hashlib.sha256(json.dumps(d, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]

    def is_empty(self) -> bool:
        return not any([self.q, self.name, self.born_from, self.born_to, self.died_from, self.died_to,
                        self.registered_from, self.registered_to, self.place, self.number, self.record_types,
                        self.collections, self.review, self.decades, self.provinces])


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


def _intervals(field_name: str, words: list[str]) -> dict:
    """Every word within one name of the array field (unordered, at most 3 words between)."""
    return {"intervals": {field_name: {"match": {"query": " ".join(words), "max_gaps": 3, "ordered": False}}}}


def _one_typo(field_name: str, words: list[str]) -> dict:
    """Every word in the field, all exact but one, which may be one edit off.

    On ``name_words`` (one name per field, no positions to check) this is a
    conjunction of terms, cheap even for the commonest names. One word at a
    time, because near words of two query words could otherwise both be one
    name word (``tran`` and ``tpuan`` both one edit from the ``tuan`` of Nguyễn
    Văn Tuấn).
    """
    def near(w: str) -> dict:
        return {"fuzzy": {field_name: {"value": w, "fuzziness": FUZZY, "prefix_length": 1}}}
    if len(words) == 1:
        return near(words[0])
    return {"bool": {"should": [
        {"bool": {"must": [near(w) if j == i else {"term": {field_name: w}} for j, w in enumerate(words)]}}
        for i in range(len(words))], "minimum_should_match": 1}}


def name_clauses(name: str) -> list[dict]:
    """Scored ``should`` clauses for a person's name (see the tier table in the module doc)."""
    norm_words = tokens(norm_text(clean_spaces(name)))[:MAX_QUERY_WORDS]
    folded_words = tokens(folded_text(clean_spaces(name)))[:MAX_QUERY_WORDS]
    if not folded_words:
        return []
    norm, folded = " ".join(norm_words), " ".join(folded_words)
    out = []
    for prefix, tiers, exact, full, keys in (("subject", SUBJECT_TIERS, "name_exact", "name_full", "name_keys"),
                                             ("persons", PERSON_TIERS, "person_exact", None, "person_keys")):
        t_exact, t_full, t_keys, t_norm, t_folded = tiers
        out.append(_cs({"term": {f"search.{exact}": norm}}, t_exact))
        if full:
            out.append(_cs({"term": {f"search.{full}": folded}}, t_full))
        out.append(_cs({"term": {f"search.{keys}": folded}}, t_keys))
        out.append(_cs(_intervals(f"search.{prefix}_norm", norm_words), t_norm))
        out.append(_cs(_intervals(f"search.{prefix}_folded", folded_words), t_folded))
    # A typo only in the subject's name: other people's names are many per record, and near words of a
    # common name match most of a large archive (this clause cost 40% of a query on a million records).
    out.append(_cs({"bool": {"should": [_one_typo("search.name_words", folded_words),
                                        _one_typo("search.name_words_other", folded_words)]}}, SUBJECT_TYPO_TIER))
    return out


def name_word_clauses(name: str) -> list[dict]:
    """Scoring-only ``should`` clauses ordering records within a tier: per query word, 1 if a name word is
    the query word, else half the fuzzy similarity of the near ones."""
    words = tokens(folded_text(clean_spaces(name)))[:MAX_QUERY_WORDS]
    if not words:
        return []

    def nearest(field_name: str, word: str, weight: float) -> dict:
        # A fuzzy query adds up every near word a record holds (``tran``, ``trang``, ``tuan``), so it only
        # scores records without the word itself.
        exact = {"term": {field_name: {"value": word, "boost": weight}}}
        near = {"fuzzy": {field_name: {"value": word, "fuzziness": FUZZY, "prefix_length": 1, "boost": weight / 2}}}
        return {"dis_max": {"queries": [exact, {"bool": {"must": [near], "must_not": [{"term": {field_name: word}}]}}]}}

    # Word points are counted within one subject's name: a marriage holding Ngô Thị Thuỷ and Chu Văn Thọ must
    # not collect 'thn' twice (thi, tho). Records hold the first subject's name apart from the others'.
    per_name = [{"bool": {"should": [nearest(f"search.{f}", w, WORD_WEIGHT) for w in dict.fromkeys(words)]}}
                for f in ("name_words", "name_words_other")]
    out = [{"dis_max": {"queries": per_name}}]
    # Word order: the last word typed is most often the given name (Vietnamese order).
    if len(words) > 1:
        out.append(nearest("search.name_given", words[-1], GIVEN_WEIGHT))
    # Then a name as long as the query: 'dang quang vcnh' is nearer Đặng Quang Vinh than Đặng Quang Minh Vinh.
    out.append({"term": {"search.name_length": {"value": len(words), "boost": LENGTH_WEIGHT}}})
    # Last, when a typo is as near two given names ('hne': Hoè, Huệ), the rarer one first: one rare record
    # in the first ten costs the common name one place, the common name's many records would cost the rare
    # one its only chance to be seen. Per-term IDF needs a BM25 field and a rewrite that keeps each term's.
    out.append({"fuzzy": {"search.all_folded": {"value": words[-1], "fuzziness": FUZZY, "prefix_length": 1,
                                                "rewrite": "top_terms_50", "boost": RARE_WEIGHT}}})
    return out


def text_clauses(text: str) -> tuple[dict, list[dict]]:
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
               {"match_phrase": {"search.all_folded": {"query": folded, "boost": 2.0}}}]
    return required, scoring + name_clauses(text)


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
        _date_range("date_of_birth", q.born_from, q.born_to),
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


def build_query(q: RecordQuery) -> dict:
    must: list[dict] = []
    should: list[dict] = []
    if q.name and tokens(folded_text(q.name)):
        must.append({"bool": {"should": name_clauses(q.name), "minimum_should_match": 1}})
        should.extend(name_word_clauses(q.name))
    if q.q and tokens(folded_text(q.q)):
        required, scoring = text_clauses(q.q)
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


def build_search(q: RecordQuery, search_after: list | None = None) -> dict:
    """The body of one page of results (without ``pit``/``index``, which the caller adds)."""
    size = max(1, min(q.size, MAX_SIZE))
    body: dict[str, Any] = {
        "query": build_query(q),
        "sort": build_sort(q.sort),
        "size": size,
        "track_total_hits": True,
        "_source": {"excludes": SOURCE_EXCLUDES},
    }
    if search_after is not None:
        body["search_after"] = search_after
    if q.facets and search_after is None:
        body["aggs"] = build_aggs(q)
    return body


# --- cursors ------------------------------------------------------------------------------------

def encode_cursor(search_after: list, pit_id: str | None, fingerprint: str) -> str:
    raw = json.dumps({"a": search_after, "p": pit_id, "f": fingerprint}, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


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

    Built once per query, applied to every value of every hit; ``fields`` (key suffixes, as in
    ``records.PLACE_SUFFIXES``) limits it to the values a clause searches: a name query can only have
    matched a name.
    """

    def __init__(self, query: str | None, fields: tuple[str, ...] | None = None) -> None:
        self.terms = frozenset(tokens(folded_text(query))) if query else frozenset()
        self.fuzzy = tuple(t for t in self.terms if len(t) >= 3)
        self.fields = fields

    def applies_to(self, key: str) -> bool:
        return self.fields is None or key_matches(key, self.fields)

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


def summary(source: dict) -> dict:
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


def detail(source: dict) -> dict:
    """Everything about one record: its fields with raw text, confidence, page and box."""
    body = summary(source)
    body.update({
        "doc_hash": source.get("doc_hash"),
        "schema_version": source.get("schema_version"),
        "review_reasons": source.get("review_reasons") or [],
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
    body = build_search(q, after)
    if years_only:
        body = year_only(body)
    kwargs = {("source" if k == "_source" else k): v for k, v in body.items()}
    try:
        if after is None:
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
    markers = [Marker(q.name, NAME_SUFFIXES), Marker(q.q), Marker(q.place, PLACE_SUFFIXES)]
    for h in hits:
        src = h["_source"]
        item = summary(src)
        item["id"] = item["id"] or h["_id"]
        item["score"] = h.get("_score")
        item["highlights"] = highlights(src, *markers)
        out.append(item)
    next_cursor = None
    if len(hits) == body["size"]:
        next_cursor = encode_cursor(hits[-1]["sort"], resp.get("pit_id") or pit, fingerprint)
    return {
        "total": resp["hits"]["total"]["value"],
        "took_ms": resp.get("took"),
        "hits": out,
        "facets": facets(resp.get("aggregations")),
        "next_cursor": next_cursor,
    }
