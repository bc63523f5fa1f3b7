"""Record documents: extracted records as the records index stores them.

A record document has two parts:

- the *base*: what extraction produced (``fields`` with value, raw,
  confidence, page and box for each) and where it came from (collection, key,
  document hash, pages). Everything in the index can be recomputed from it;
- the *derived* fields, computed here in Python by ``derive`` from the base:
  typed dates, normalised IDs and numbers, the people named on the record, and
  under ``search.*`` the Vietnamese text forms (exact ``_norm``, accent-free
  ``_folded``) and name variants. ``search.*`` is excluded from ``_source``,
  which is why migration (``indexers/migrate.py``) rebuilds documents with
  ``derive`` instead of copying them.

Name variants: Vietnamese names are written family, middle, given
(``Nguyễn Văn Đức``). People search with the order reversed (``Duc Nguyen``,
``Đức Nguyễn Văn``) or without the middle name (``Nguyễn Đức``); each such form
of a name is indexed as a keyword under ``search.name_keys`` so that a query
which is a whole variant of a whole name scores as a whole-name match.
"""

from __future__ import annotations

import calendar
import re
from typing import Any, Iterator

from schemas.extract import flatten_fields
from schemas.loader import load_schemas
from schemas.model import BASE_KEYS as _BASE_KEYS
from schemas.model import ExtractedRecord, Person, RecordBase, RecordDocument
from schemas.roles import BIRTH_ROLES, PLACE_ROLES, TypeRoles
from schemas.records import unmapped_entries
from schemas.review import effective_fields, pending_by, reason_codes, record_status
from sohoa.masking import mask_date, mask_id, mask_text
from sohoa.text import clean_spaces

from .analysis import folded_text, mark_forms, spelt_word, text_forms
from sohoa.clock import now_iso

# The base of a record document: everything else is derived from these (schemas/model.py: RecordBase).
BASE_KEYS = _BASE_KEYS

_WORD = re.compile(r"\w+", re.UNICODE)
_LIST_ITEM = re.compile(r"^([^.\[]+)\[(\d+)\]\.")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def record_id(doc_hash: str, ordinal: int, split: int | None = None) -> str:
    """Records of the same bytes get the same IDs: reprocessing overwrites them. A record a reviewer split off
    (``schemas/regroup.py``) is named after the record it came from and the split that made it."""
    return f"{doc_hash}:r{ordinal:04d}" + (f"s{split}" if split else "")


# --- text forms ---------------------------------------------------------------------------------

def tokens(text: str) -> list[str]:
    """Words of a name as the standard analyzer sees them (on an already folded or normed text)."""
    return _WORD.findall(text)


def name_variants(name: str, folded: str | None = None) -> list[str]:
    """Folded whole-name forms someone may type for ``name``, the written order first.

    ``Nguyễn Văn Đức`` -> ``nguyen van duc``, ``nguyen duc`` (no middle name),
    ``duc nguyen``, ``van duc nguyen``, ``duc van nguyen``, ``duc nguyen van``
    (given name first).
    """
    t = tokens(folded_text(name) if folded is None else folded)
    if not t:
        return []
    out = [" ".join(t)]
    if len(t) >= 2:
        fam, mid, given = t[0], t[1:-1], t[-1]
        forms = [[fam, given], [given, fam], mid + [given, fam], [given] + mid + [fam], [given, fam] + mid]
        if len(mid) >= 2:  # two middle names: either may be left out
            forms += [[fam, m, given] for m in mid]
        for f in forms:
            s = " ".join(f)
            if s not in out:
                out.append(s)
    return out


def digits(value: str) -> str:
    return re.sub(r"\D", "", value or "")


def number_key(value: str) -> str:
    """Certificate and register numbers: case and spacing differences do not matter."""
    return re.sub(r"\s+", "", clean_spaces(value)).lower()


def province(place: str) -> str | None:
    """The province a place names, as written (``…, tỉnh Bắc Ninh`` -> ``Bắc Ninh``): the place facet.

    Only a part that says ``tỉnh``/``thành phố`` counts; places without one have no facet value.
    """
    for part in reversed(clean_spaces(place).rstrip(".").split(",")):
        words = part.split()
        folded = [folded_text(w).rstrip(".") for w in words]
        skip = 1 if folded[:1] in (["tinh"], ["tp"]) else 2 if folded[:2] == ["thanh", "pho"] else 0
        if skip and len(words) > skip:
            name = " ".join(words[skip:])
            return name[:1].upper() + name[1:]
    return None


# --- dates ---------------------------------------------------------------------------------------

def parse_iso(value: Any) -> tuple[int, int | None, int | None] | None:
    if not isinstance(value, str):
        return None
    m = _DATE.match(value.strip())
    if not m:
        return None
    y, mo, d = int(m.group(1)), m.group(2) and int(m.group(2)), m.group(3) and int(m.group(3))
    if mo is not None and not 1 <= mo <= 12:
        return None
    if d is not None and not 1 <= d <= calendar.monthrange(y, mo)[1]:
        return None
    return y, mo, d


def valid_date(value: Any) -> str | None:
    """A date Elasticsearch accepts at its precision (``1972``, ``1972-03``, ``1972-03-15``), else None."""
    return value.strip() if parse_iso(value) else None


def date_bound(value: str, upper: bool) -> str | None:
    """A range bound at day precision: ``1975`` -> ``1975-01-01`` or, as an upper bound, ``1975-12-31``."""
    p = parse_iso(value)
    if p is None:
        return None
    y, mo, d = p
    if d is not None:
        return f"{y:04d}-{mo:02d}-{d:02d}"
    if mo is None:
        return f"{y:04d}-12-31" if upper else f"{y:04d}-01-01"
    return f"{y:04d}-{mo:02d}-{calendar.monthrange(y, mo)[1] if upper else 1:02d}"


# --- the document --------------------------------------------------------------------------------

def type_roles(record_type: str | None) -> TypeRoles:
    """What the fields of a record of ``record_type`` are for, as its type's file declares (schemas/roles.py)."""
    return load_schemas().roles.of(record_type)


def _strings(flat: dict, roles: TypeRoles, *wanted: str) -> list[tuple[str, str]]:
    return [(k, v) for k, v in flat.items() if isinstance(v, str) and v.strip() and roles.role(k) in wanted]


def _birth(flat: dict, roles: TypeRoles, name_key: str) -> str | None:
    """A person's own date (or year) of birth: the birth field of their section (``husband.date_of_birth``
    beside ``husband.full_name``, ``mother.birth_year`` beside ``mother.full_name``)."""
    for k in roles.birth_keys(name_key):
        v = flat.get(k)
        if isinstance(v, int) and not isinstance(v, bool):
            v = f"{v:04d}"
        d = valid_date(v)
        if d:
            return d
    return None


def _person(role: str, name: str, born: str | None) -> Person:
    p: Person = {"role": role, "name": name}
    if born:
        p["date_of_birth"] = born
    return p


def _persons(flat: dict, fields: dict, roles: TypeRoles) -> tuple[list[Person], list[Person]]:
    subjects: list[Person] = []
    others: list[Person] = []
    for key in roles.subject_names:
        v = flat.get(key)
        if isinstance(v, str) and v.strip():
            subjects.append(_person(roles.person(key), clean_spaces(v), _birth(flat, roles, key)))
    taken = {s["name"] for s in subjects}
    for k, v in flat.items():
        if not (isinstance(v, str) and v.strip()):
            continue
        role = roles.role(k)
        if role not in ("person_name", "subject_alias"):
            continue
        person = roles.person(k)
        m = _LIST_ITEM.match(k)
        if m:  # a list's people carry the relation the extractor read for them (relative:mẹ)
            item = (fields.get(m.group(1)) or [])[int(m.group(2))] if int(m.group(2)) < len(
                fields.get(m.group(1)) or []) else {}
            rel = (item.get("relation") if isinstance(item, dict) else None) or {}
            person = f"{person}:{rel.get('value')}" if isinstance(rel, dict) and rel.get("value") else person
        name = clean_spaces(v)
        if role == "subject_alias":  # another name of the subject: born when the subject was
            subjects.append(_person(person, name, subjects[0].get("date_of_birth") if subjects else None))
        elif name not in taken:
            others.append(_person(person, name, _birth(flat, roles, k)))
    return subjects, others


def person_forms(person: dict, subject: bool, forms) -> dict:
    """One person as the nested ``search.people`` holds them: every form a name query matches, in one
    document, so all words of a query fall within one person's name and their own birth date."""
    norm, folded = forms(person["name"])
    words = tokens(folded)
    return {
        "role": person["role"],
        "subject": subject,
        "born": person.get("date_of_birth"),
        "exact": " ".join(tokens(norm)),
        "full": " ".join(words),
        "keys": name_variants(person["name"], folded)[1:],
        "words": words,
        "ends": sorted({words[0], words[-1]}) if words else [],  # family and given name (typo tier)
        "spelt": sorted({spelt_word(w) for w in tokens(norm)}),
        "marks": sorted({f for w in tokens(norm) for f in mark_forms(w)}),
        "given": words[-1] if words else None,
        "given_spelt": spelt_word(tokens(norm)[-1]) if words else None,
        "length": len(words),
    }


def public_values(flat: dict, roles: TypeRoles) -> dict:
    """The record's values as a role without the right to personal data sees them: ID numbers as their last
    three digits, dates of birth as their year, and any other date finer than a year or ID-length number in free
    text likewise (``sohoa.masking``)."""
    out = {}
    for key, value in flat.items():
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            continue
        role = roles.role(key)
        if role == "id_number":
            out[key] = mask_id(str(value))
        elif role in BIRTH_ROLES:
            out[key] = mask_date(str(value))
        else:
            out[key] = mask_text(str(value))
    return out


def derive(base: RecordBase | RecordDocument | dict) -> RecordDocument:
    """The full index document for a base (see module doc): pure, so index and migrate agree."""
    doc: Any = {k: base.get(k) for k in BASE_KEYS}
    doc["pages"] = doc["pages"] or []
    doc["review_reasons"] = doc["review_reasons"] or []
    doc["fields"] = doc["fields"] or {}
    doc["needs_review"] = bool(doc["needs_review"])
    # What the extractor could not place, listed on the record (never dropped): required fields missing and
    # doubtful fields (keys), "label: value" pairs naming no field (the value masked like any field's).
    doc["missing"] = list(doc["missing"] or [])
    doc["doubtful"] = list(doc["doubtful"] or [])
    doc["unmapped"] = unmapped_entries(doc["unmapped"] or [])
    doc["unmapped_labels"] = [u["label"] for u in doc["unmapped"]]
    # People's answers (schemas/review.py) win over the extractor's: the record says what they decided.
    review = doc["review"] or None
    doc["review"] = review
    doc["fields"] = effective_fields(doc["fields"], review)
    if review and (review.get("record_type") or {}).get("value"):
        doc["record_type"] = review["record_type"]["value"]
    doc["record_id"] = record_id(doc["doc_hash"], doc["ordinal"] or 0, doc["split"])
    flat = flatten_fields(doc)
    roles = type_roles(doc["record_type"])
    subjects, others = _persons(flat, doc["fields"], roles)
    doc["name"] = subjects[0]["name"] if subjects else None
    doc["persons"] = subjects + others
    doc["review_status"] = record_status(doc["fields"], review, doc["needs_review"])
    doc["review_codes"] = reason_codes(doc["review_reasons"])
    rounds = (review or {}).get("rounds") or []
    doc["reviewed_at"] = rounds[-1]["at"] if rounds else None
    doc["reviewers"] = sorted({r["by"] for r in rounds if r.get("by")})
    doc["awaiting"] = pending_by(review)
    for target, keys in roles.dates.items():
        doc[target] = next((d for d in (valid_date(flat.get(k)) for k in keys) if d), None)
    dating = next((flat[k + ".year_from"] for k in roles.datings if k + ".year_from" in flat), None)
    primary = doc["date_of_birth"] or doc["date_of_death"] or doc["registration_date"] or doc["event_date"]
    year = int(primary[:4]) if primary else (int(dating) if isinstance(dating, (int, str)) and str(dating).isdigit()
                                             else None)
    doc["decade"] = year - year % 10 if year is not None else None
    # What roles that see only years of birth sort by (indexers/records_search.py: year_only).
    doc["birth_year"] = int(doc["date_of_birth"][:4]) if doc["date_of_birth"] else None
    places = _strings(flat, roles, *PLACE_ROLES)
    doc["places"] = [clean_spaces(v) for _, v in places]
    # an office's place says where the paper was registered, not where anyone is from: no province facet
    doc["provinces"] = sorted({p for p in (province(v) for k, v in places if roles.role(k) == "place") if p})
    doc["ids"] = sorted({d for d in (digits(v) for _, v in _strings(flat, roles, "id_number")) if d})
    doc["numbers"] = sorted({number_key(v) for _, v in _strings(flat, roles, "number")})
    # Boilerplate (the same on most records) is not free text: 'viet hung' must not match every Việt Nam.
    text_values = {k: v for k, v in flat.items() if roles.role(k) != "boilerplate"}
    all_text = [clean_spaces(str(v)) for v in text_values.values() if isinstance(v, (str, int, float)) and str(v).strip()]
    public_text = [clean_spaces(str(v)) for v in public_values(text_values, roles).values() if str(v).strip()]
    subject_names = [s["name"] for s in subjects]
    other_names = [o["name"] for o in others]
    forms: dict[str, tuple[str, str]] = {}  # a record repeats its names and places in several fields

    def norm(t: str) -> str:
        return _forms(forms, t)[0]

    def folded(t: str) -> str:
        return _forms(forms, t)[1]

    doc["search"] = {
        # One nested document per person, in the order of ``persons`` (a hit's inner hit names the person).
        "people": [person_forms(p, i < len(subjects), lambda t: _forms(forms, t))
                   for i, p in enumerate(doc["persons"])],
        "name_sort": folded(subject_names[0]) if subject_names else None,
        "subject_norm": [norm(n) for n in subject_names],
        "persons_norm": [norm(n) for n in other_names],
        "places_norm": [norm(p) for p in doc["places"]],
        "places_folded": [folded(p) for p in doc["places"]],
        "all_folded": [folded(t) for t in all_text],
        # What roles that see only years search in: no date finer than a year, no whole ID number.
        "all_public_folded": [folded(t) for t in public_text],
    }
    return doc


def _forms(memo: dict[str, tuple[str, str]], text: str) -> tuple[str, str]:
    if text not in memo:
        memo[text] = text_forms(text)
    return memo[text]


def base_of(source: RecordDocument | dict) -> RecordBase:
    """The base part of a stored ``_source`` (what ``derive`` needs)."""
    base: Any = {k: source.get(k) for k in BASE_KEYS}
    return base


def record_document(record: ExtractedRecord, *, doc: dict, ordinal: int) -> RecordDocument:
    return derive({
        "record_type": record["record_type"],
        "family": record.get("family"),
        "schema_version": None if record.get("schema_version") is None else str(record.get("schema_version")),
        "collection": doc.get("collection"),
        "bucket": doc.get("bucket"),
        "key": doc.get("key"),
        "doc_hash": doc["doc_hash"],
        "ordinal": ordinal,
        "pages": record.get("pages", []),
        "confidence": record.get("confidence"),
        "needs_review": bool(record.get("needs_review")),
        "review_reasons": record.get("review_reasons", []),
        "missing": record.get("missing", []),
        "doubtful": record.get("doubtful", []),
        "unmapped": record.get("unmapped", []),
        "split": record.get("split"),
        "fields": record.get("fields", {}),
        "extracted_at": now_iso(),
    })


def record_documents(records: list[ExtractedRecord], doc: dict) -> Iterator[tuple[str, RecordDocument]]:
    """Index documents of a document's records: each at its place in the extraction (``ordinal``, which a
    replayed layout keeps on every record, ``schemas/regroup.py``), else at its place in the list."""
    for i, record in enumerate(records):
        ordinal = record.get("ordinal", i)
        yield (record_id(doc["doc_hash"], ordinal, record.get("split")),
               record_document(record, doc=doc, ordinal=ordinal))
