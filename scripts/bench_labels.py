#!/usr/bin/env python3
"""Label benchmark: every wording of the label grammar read by the extractor's label reader, without pages or OCR.

The page benchmark (``bench_extract.py``) sees a few hundred labels a seed; the grammar of ``scripts/forms`` holds
tens of thousands. Each wording of each split is read the way the page reader reads a label that stands alone
before its value, and the field it names is compared with the wording's concept:

- *right*: the field(s) read are the concept's field(s);
- *other*: another field (worse than none: a value would land in the wrong field);
- *none*: no field (the page reader would list the pair as unmapped);
- *no field*: the record type has no field for the concept (``mother.dob`` on a birth certificate, which asks the
  parents' birth year only): counted apart, never as a miss.

Side by side per split: overall, per attribute and per role, by the rules alone and with the trained label
classifier (``schemas/label_model.py``) beside them. Unseen wordings are counted, never printed: ``--misses``
takes ``seen`` or ``dev`` only.

How a wording is read (``read``), the steps of the page reader for a label alone:

1. the record type's own wordings (``Label.folded``, the list matcher's key): a wording equal to one of them names
   its field;
2. else its meaning (``labels.resolve``: role × attribute), with the form's context the generator prints it in:
   the title of the form (``heading``: a bare "Số" under a title numbers the title's document) and, for a field the
   forms always print right after another, that field (``previous``: a bare "Tại" after the date of death);
   a section heading (``marker.*``) through ``labels.marker_section``;
3. with the classifier: a wording the rules named no field for gets the classifier's likeliest field when it is
   sure (``label_model.FIELD_FOR_MIN``), from the label alone (no value is given: the page reader also weighs the
   value's look, this benchmark measures the label).

The mapping of a concept to what the reader returns (``expected``):

- ``role.attribute``: the role is the record type's person: the subject of its type (``child`` of a birth,
  ``deceased`` of a death, ``martyr``, ``invalid``: fields without a prefix), a section of its type (``mother``,
  ``father``, ``husband``, ``wife``), or the declarant of a birth or a death (``declarant_birth``,
  ``declarant_death``: ``declarant.``); the attribute is the field's last part (``ATTRIBUTE_FIELDS``; a date of birth
  and a birth year are one field wherever the type keeps only one of them);
- ``marker.role``: the section the heading opens;
- ``relative.X``: a martyr's relative, right when the relation read is X;
- a plain concept: its field(s) in the record type(s) the forms print it on (``PLAIN``); read on two types, the
  wording is right only when right on both, *other* when other on either.

    python scripts/bench_labels.py [--splits seen,dev,unseen] [--misses dev] [--limit 200]
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from schemas import label_model  # noqa: E402
from schemas.labels import marker_section, resolve  # noqa: E402
from schemas.loader import Schema, label_key, load_schemas  # noqa: E402

OUTCOMES = ("right", "other", "none")
NO_FIELD = "no field"

# a role of the grammar -> (record type, the key's prefix: "" for the type's subject)
ROLES = {
    "child": ("birth", ""), "mother": ("birth", "mother."), "father": ("birth", "father."),
    "declarant_birth": ("birth", "declarant."), "deceased": ("death", ""), "declarant_death": ("death", "declarant."),
    "husband": ("marriage", "husband."), "wife": ("marriage", "wife."), "martyr": ("martyr", ""),
    "invalid": ("war_invalid", ""),
}
# an attribute of the grammar -> the field's last parts that hold it, first the one that holds it exactly
ATTRIBUTE_FIELDS = {
    "name": ("full_name",), "dob": ("date_of_birth", "birth_year"), "birth_year": ("birth_year", "date_of_birth"),
    "pob": ("place_of_birth",), "hometown": ("hometown",), "residence": ("residence",), "ethnicity": ("ethnicity",),
    "nationality": ("nationality",), "personal_id": ("personal_id",), "sex": ("sex",),
}
# the record types the markers' sections are on
MARKERS = {"mother": "birth", "father": "birth", "husband": "marriage", "wife": "marriage"}
# the title of the form a record type's fields are printed under (the generator's first)
TITLES = {"birth": "GIẤY KHAI SINH", "death": "TRÍCH LỤC KHAI TỬ", "marriage": "GIẤY CHỨNG NHẬN KẾT HÔN",
          "martyr": "GIẤY BÁO TỬ", "war_invalid": "GIẤY CHỨNG NHẬN THƯƠNG BINH", "museum_object": "PHIẾU HIỆN VẬT"}


@dataclass(frozen=True)
class Place:
    """Where a plain concept is printed and what reading it right gives."""
    record_type: str
    want: frozenset[str]  # the field keys a right reading names (all it names must be among them)
    previous: str | None = None  # the field the forms always print right before it
    heading: str | None = None  # the page's title, when not the type's (``TITLES``)


def _p(record_type: str, *keys: str, previous: str | None = None, heading: str | None = None) -> Place:
    return Place(record_type, frozenset(keys), previous, heading)


PLAIN: dict[str, tuple[Place, ...]] = {
    "reg_number": (_p("birth", "registration.number"),),
    "reg_book": (_p("birth", "registration.book", previous="registration.number"),),
    "reg_date": (_p("birth", "registration.date", previous="registration.office"),),
    "reg_office": (_p("birth", "registration.office"),),
    # the date of birth again in words: the type's internal field that checks the date against it, or the date itself
    "dob_words": (_p("birth", "_date_of_birth_words", "date_of_birth", previous="date_of_birth"),),
    "relation_birth": (_p("birth", "declarant.relation", previous="declarant.full_name"),),
    "relation_death": (_p("death", "declarant.relation", previous="declarant.full_name"),),
    "death_when": (_p("death", "time_of_death", "date_of_death"),),
    "death_hour": (_p("death", "time_of_death"),),
    "death_day": (_p("death", "date_of_death", previous="time_of_death"),),
    "death_place": (_p("death", "place_of_death", previous="date_of_death"),),
    "death_cause": (_p("death", "cause_of_death", previous="place_of_death"),),
    "death_notice": (_p("death", "death_notice.number"),),
    "alias": (_p("martyr", "alias", previous="full_name"),),
    "enlistment": (_p("martyr", "enlistment_date"),),
    "rank": (_p("martyr", "rank", previous="enlistment_date"),),
    "position": (_p("martyr", "position", previous="rank"),),
    "unit": (_p("martyr", "unit", previous="position"),),
    "martyr_death": (_p("martyr", "date_of_death", "place_of_death", previous="unit"),),
    "burial": (_p("martyr", "burial_place", previous="date_of_death"),),
    "martyr_cert": (_p("martyr", "certificate.number", heading="BẰNG TỔ QUỐC GHI CÔNG"),),
    "decision": (_p("martyr", "certificate.decision_number", previous="certificate.number",
                    heading="BẰNG TỔ QUỐC GHI CÔNG"),
                 _p("war_invalid", "decision.number", previous="grade")),
    "invalid_cert": (_p("war_invalid", "certificate.number"),),
    "category": (_p("war_invalid", "category", previous="residence"),),
    "unit_injured": (_p("war_invalid", "unit_when_injured", previous="category"),),
    "injury_date": (_p("war_invalid", "injury_date", previous="unit_when_injured"),),
    "injury_place": (_p("war_invalid", "injury_place", previous="injury_date"),),
    "injury_rate": (_p("war_invalid", "injury_rate", previous="injury_place"),),
    "grade": (_p("war_invalid", "grade", previous="injury_rate"),),
    "inventory": (_p("museum_object", "inventory_number"),),
    "object_name": (_p("museum_object", "name", previous="inventory_number"),),
    "other_names": (_p("museum_object", "other_names", previous="name"),),
    "object_class": (_p("museum_object", "object_class", previous="name"),),
    "material": (_p("museum_object", "material", previous="name"),),
    "technique": (_p("museum_object", "material", previous="material"),),
    "colour": (_p("museum_object", "description", previous="material"),),
    "quantity": (_p("museum_object", "quantity", previous="material"),),
    "dimensions": (_p("museum_object", "dimensions", previous="quantity"),),
    "weight": (_p("museum_object", "weight", previous="dimensions"),),
    "dating": (_p("museum_object", "dating", previous="weight"),),
    "origin": (_p("museum_object", "origin", previous="dating"),),
    "find_place": (_p("museum_object", "find_place", previous="origin"),),
    "donor": (_p("museum_object", "donor", previous="find_place"),),
    "acquisition": (_p("museum_object", "acquisition_date", previous="donor"),),
    "condition": (_p("museum_object", "condition", previous="acquisition_date"),),
    "description": (_p("museum_object", "description"),),
    "storage": (_p("museum_object", "storage_location", previous="condition"),),
}


@dataclass(frozen=True)
class Reading:
    """What the reader made of a wording: the field keys (or the section) it named, and how."""
    keys: frozenset[str] = frozenset()
    relation: str | None = None
    source: str = ""  # "list", "meaning", "model" or "" (nothing read)
    role_only: bool = False  # the label named a person and nothing else: read as the name (the page reader lets
    # a value of another kind, an ethnic group, a country, a year, say which of the person's fields it is)


def expected(concept: str, schemas: dict[str, Schema]) -> tuple[Place, ...] | None:
    """Where a concept is read and what reading it right names; None: no record type has a field for it."""
    head, dot, tail = concept.partition(".")
    if not dot:
        return PLAIN.get(concept)
    if head == "marker":
        return (Place(MARKERS[tail], frozenset({f"section:{tail}"})),) if tail in MARKERS else None
    if head == "relative":
        return (Place("martyr", frozenset({"relatives[].full_name", f"relation:{tail}"})),)
    if head not in ROLES or tail not in ATTRIBUTE_FIELDS:
        return None
    record_type, prefix = ROLES[head]
    keys = {f.key for f in schemas[record_type].fields if not f.internal}
    for last in ATTRIBUTE_FIELDS[tail]:
        if prefix + last in keys:
            return (Place(record_type, frozenset({prefix + last})),)
    return None


def _listed(text: str, schema: Schema) -> frozenset[str]:
    """The fields whose own wordings (the list matcher's) the text is, word for word once folded."""
    key = label_key(text)
    return frozenset(f.key for f in schema.fields if any(lb.folded == key and not lb.contextual for lb in f.labels))


def read(text: str, place: Place, schema: Schema, with_model: bool) -> Reading:
    """The reader's reading of one wording in its place (see the module doc for the steps)."""
    section_wanted = next((k[8:] for k in place.want if k.startswith("section:")), None)
    if section_wanted is not None:
        got = marker_section(text, schema)
        return Reading(frozenset({f"section:{got}"}), source="meaning") if got else Reading()
    listed = _listed(text, schema)
    if len(listed) == 1:
        return Reading(listed, source="list")
    previous = schema.by_key.get(place.previous) if place.previous else None
    r = resolve(text, schema, None, previous, place.heading or TITLES.get(schema.record_type))
    if r is not None:
        return Reading(frozenset(s.key for s in r.specs), r.relation, "meaning", r.role_only)
    if with_model:
        probs = label_model.predict(schema, text, "", place.previous)
        if probs:
            key, p = max(probs.items(), key=lambda kv: kv[1])
            if p >= label_model.FIELD_FOR_MIN:
                return Reading(frozenset({key}), source="model")
    return Reading()


def judge(reading: Reading, place: Place) -> str:
    """right / other / none for one place."""
    if not reading.keys:
        return "none"
    want_relation = next((k[9:] for k in place.want if k.startswith("relation:")), None)
    fields = {k for k in place.want if not k.startswith("relation:")}
    if not reading.keys <= fields:
        return "other"
    if want_relation is not None and reading.relation != want_relation:
        return "other" if reading.relation else "none"
    return "right"


def outcome(text: str, places: tuple[Place, ...], schemas: dict[str, Schema], with_model: bool) -> tuple[str, list[Reading]]:
    """The wording's outcome over every place it is printed in: other on any, else none on any, else right."""
    readings = [read(text, p, schemas[p.record_type], with_model) for p in places]
    verdicts = {judge(r, p) for r, p in zip(readings, places)}
    return ("other" if "other" in verdicts else "none" if "none" in verdicts else "right"), readings


def role_of(concept: str) -> str:
    head, dot, _ = concept.partition(".")
    return head if dot else "(plain)"


def attribute_of(concept: str) -> str:
    head, dot, tail = concept.partition(".")
    if not dot:
        return concept
    return f"({head})" if head in ("marker", "relative") else tail


@dataclass
class Tally:
    """Counts of outcomes by group, for the rules alone and with the classifier."""
    counts: dict[tuple[str, str, str], Counter]  # (mode, grouping, group) -> outcome counts

    @classmethod
    def empty(cls) -> "Tally":
        return cls(defaultdict(Counter))

    def add(self, mode: str, concept: str, result: str) -> None:
        for grouping, group in (("all", "all"), ("attribute", attribute_of(concept)), ("role", role_of(concept))):
            self.counts[(mode, grouping, group)][result] += 1


def count_split(wordings: dict[str, list[str]], schemas: dict[str, Schema],
                on_miss: Callable[[str, str, list[Reading]], None] | None = None) -> Tally:
    """Every wording of one split read, rules alone and with the classifier; ``on_miss`` sees the rules'
    misses (never called by the caller for the unseen split's wordings: see ``main``)."""
    tally = Tally.empty()
    for concept, words in sorted(wordings.items()):
        places = expected(concept, schemas)
        for w in words:
            text = unicodedata.normalize("NFC", w)
            if places is None:
                for mode in ("rules", "model"):
                    tally.add(mode, concept, NO_FIELD)
                continue
            for mode in ("rules", "model"):
                result, readings = outcome(text, places, schemas, with_model=(mode == "model"))
                tally.add(mode, concept, result)
                if mode == "rules" and result != "right" and on_miss is not None:
                    on_miss(concept, text, readings)
    return tally


def _pct(c: Counter, key: str) -> str:
    n = sum(c[k] for k in OUTCOMES)
    return f"{100.0 * c[key] / n:5.1f}" if n else "    -"


def table(tallies: dict[str, Tally], grouping: str) -> list[str]:
    """One line a group: per split, right / other / none % by the rules, then right / other % with the model."""
    splits = list(tallies)
    groups = sorted({g for t in tallies.values() for (_, gp, g) in t.counts if gp == grouping})
    head = f"{grouping:<22}" + "".join(f" | {s + ' n':>8} {'right':>5} {'other':>5} {'none':>5} {'+mdl':>5} {'oth':>5}"
                                       f" {'nofld':>5}" for s in splits)
    out = [head, "-" * len(head)]
    for g in groups:
        line = f"{g:<22}"
        for s in splits:
            rules = tallies[s].counts.get(("rules", grouping, g), Counter())
            model = tallies[s].counts.get(("model", grouping, g), Counter())
            n = sum(rules[k] for k in OUTCOMES)
            line += (f" | {n:>10} {_pct(rules, 'right')} {_pct(rules, 'other')} {_pct(rules, 'none')}"
                     f" {_pct(model, 'right')} {_pct(model, 'other')} {rules[NO_FIELD]:>5}")
        out.append(line)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--splits", default="seen,dev,unseen")
    ap.add_argument("--misses", choices=("seen", "dev"), help="list this split's misses by the rules (never unseen)")
    ap.add_argument("--limit", type=int, default=0, help="at most this many misses listed (0: all)")
    args = ap.parse_args(argv)
    from forms.grammar import all_wordings

    schemas = dict(load_schemas())
    tallies: dict[str, Tally] = {}
    misses: list[tuple[str, str, str, str]] = []
    for split in [s.strip() for s in args.splits.split(",") if s.strip()]:
        def note(concept: str, text: str, readings: list[Reading]) -> None:
            got = "; ".join(",".join(sorted(r.keys)) + (f" [{r.relation}]" if r.relation else "")
                            + (" (person only)" if r.role_only else "") or "-" for r in readings)
            misses.append((concept, text, got, "other" if any(r.keys for r in readings) else "none"))
        tallies[split] = count_split(all_wordings(split), schemas,
                                     note if split == args.misses and split != "unseen" else None)
    print("Label wordings read by the label reader: % right / other field / no field read, by the rules;"
          " right / other with the classifier (+mdl); nofld: concepts the type has no field for (apart)")
    for grouping in ("all", "role", "attribute"):
        print()
        print("\n".join(table(tallies, grouping)))
    if args.misses and misses:
        print(f"\n{args.misses} misses by the rules (concept | wording | read | kind):")
        shown = misses[:args.limit] if args.limit else misses
        for concept, text, got, kind in shown:
            print(f"{kind:5} {concept:<28} {text!r:<50} -> {got}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
