"""Judged name queries for scripts/bench_search.py, made independently of the search code.

Nothing here imports the ranking or text code under test (``indexers.analysis``,
``indexers.records_search``, ``indexers.keyboard``): the name pools, the tone
placement, the folding, the typo model and the Telex/VNI keystrokes are this
module's own, so a rule shared by a mistake cannot make a query look answered.

Planted people (their own pools: close pairs such as Hùng/Hưng, Đức/Dục, Hà/Hạ,
Lan/Lân; old and new tone placement; compound family names and four-word names)
appear on one to three records each (a birth, a death, a marriage as husband or
wife, each spelling the name in the old or the new tone placement). Queries of
each kind people type are made from them; which records are relevant is read
from what was generated (planted and background records alike), never from the
index:

- typed with diacritics (exact, decomposed, old/new tone placement, family name
  last, name + commune, ``đ`` typed as ``d``, Telex, VNI): the records naming a
  subject with exactly that name (tone placement aside);
- middle name left out, typed with diacritics: family (one word or two) and given name exactly, any middle;
- typed without diacritics, or with one slip: every subject whose name, without
  diacritics, is the one meant (``hung`` asks for Hùng and Hưng alike);
- name + birth year: as above, and that person born in that year (a husband's own).
"""

from __future__ import annotations

import hashlib
import random
import re
import unicodedata

# --- the pools (this module's own) --------------------------------------------------------------

FAMILY = [("Nguyễn", 30), ("Trần", 11), ("Lê", 10), ("Phạm", 7), ("Hoàng", 5), ("Vũ", 4), ("Võ", 2), ("Đặng", 3),
          ("Bùi", 3), ("Đỗ", 3), ("Hồ", 2), ("Ngô", 2), ("Dương", 2), ("Đinh", 2), ("Đoàn", 2), ("Lâm", 1),
          ("Hà", 1), ("Triệu", 1), ("Khúc", 1), ("Mạc", 1), ("Lò", 1), ("Hứa", 1), ("Vi", 1),
          # compound family names: four-word names
          ("Tôn Nữ", 1), ("Âu Dương", 1), ("Nguyễn Phúc", 1), ("Tôn Thất", 1)]
# Middle names as common as they are: Văn and Thị most of all.
MIDDLE_M = [("Văn", 40), ("Đức", 6), ("Hữu", 6), ("Đình", 6), ("Quang", 5), ("Minh", 6), ("Công", 4), ("Xuân", 4),
            ("Duy", 3), ("Thế", 3), ("Ngọc", 3), ("Trọng", 3)]
MIDDLE_F = [("Thị", 45), ("Thu", 6), ("Ngọc", 6), ("Thanh", 6), ("Diệu", 2), ("Thuỳ", 4), ("Kim", 4), ("Hồng", 4),
            ("Mỹ", 3), ("Bích", 3)]
# Close pairs side by side; names whose tone placement varies (Hoà/Hòa, Thuỷ/Thủy, Khoẻ/Khỏe, Thuý/Thúy, Hoè/Hòe).
GIVEN_M = ["Hùng", "Hưng", "Đức", "Dục", "Tú", "Tụ", "An", "Ân", "Lân", "Dũng", "Hoà", "Thuỷ", "Khoẻ", "Toản",
           "Đạt", "Đông", "Định", "Tâm", "Tấn", "Vỹ", "Hải", "Hài", "Long", "Sơn", "Quý", "Bình", "Thọ", "Thắng"]
GIVEN_F = ["Hà", "Hạ", "Lan", "Vy", "Thu", "Thư", "Dung", "Mai", "Mại", "Hoà", "Thuý", "Hoè", "Huệ", "Loan",
           "Nguyệt", "Đào", "Phương", "Phượng", "Hằng", "Hạnh", "Yến", "Oanh", "Thuỷ", "Hương", "Nga", "Ngà"]
COMMUNES = ["Tam Đa", "Văn Môn", "Đông Thọ", "Hoà Tiến", "Phú Lâm", "Đức Long", "Yên Trung", "Trung Nghĩa",
            "Thuỵ Hoà", "Đông Tiến", "Việt Hùng", "Mão Điền"]
DISTRICTS = ["Yên Phong", "Tiên Du", "Quế Võ", "Thuận Thành"]

TONES = {"\u0301": "s", "\u0300": "f", "\u0309": "r", "\u0303": "x", "\u0323": "j"}  # Telex keys
VNI_TONES = {"\u0301": "1", "\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5"}
TELEX_LETTERS = {"â": "aa", "ê": "ee", "ô": "oo", "ă": "aw", "ơ": "ow", "ư": "uw", "đ": "dd"}
VNI_LETTERS = {"â": "a6", "ê": "e6", "ô": "o6", "ă": "a8", "ơ": "o7", "ư": "u7", "đ": "d9"}
# Keys next to each other on a QWERTY keyboard: most one-letter slips hit a neighbour.
NEIGHBOURS = {c: n for row in ("qwertyuiop", "asdfghjkl", "zxcvbnm") for i, c in enumerate(row)
              for n in [row[max(0, i - 1):i] + row[i + 1:i + 2]]}


# --- text, this module's own way ----------------------------------------------------------------

def plain(text: str) -> str:
    """Lower case without any diacritics (đ -> d)."""
    d = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return unicodedata.normalize("NFC", "".join(c for c in d if not unicodedata.combining(c)))


def tone_of(syllable: str) -> tuple[str, str]:
    """(the syllable without its tone mark, the tone mark): the same whichever vowel carries it."""
    d = unicodedata.normalize("NFD", syllable.lower())
    tone = "".join(c for c in d if c in TONES)
    rest = unicodedata.normalize("NFC", "".join(c for c in d if c not in TONES))
    return rest, tone


def spelling(name: str) -> tuple:
    """A name compared as spelt: letters and marks, but not which vowel of oa/oe/uy carries the tone."""
    return tuple(tone_of(w) for w in unicodedata.normalize("NFC", name).split())


def old_style(name: str) -> str:
    """The tone of an open oa/oe/uy syllable on its first vowel (hòa, thủy), as older records write it."""
    out = []
    for w in name.split():
        d = unicodedata.normalize("NFD", w)
        m = re.search(r"([oOuU])([aAeEyY])([\u0300\u0301\u0309\u0303\u0323])$", d)
        if m and not re.match(r"[qQ][uU]", d[m.start() - 1:m.start() + 1] if m.start() else ""):
            d = d[:m.start()] + m.group(1) + m.group(3) + m.group(2)
        out.append(unicodedata.normalize("NFC", d))
    return " ".join(out)


def keystrokes(name: str, letters: dict[str, str], tones: dict[str, str]) -> str:
    """The keys typed for ``name`` without an input method: letters as Telex/VNI spell them, the tone last."""
    words = []
    for w in name.lower().split():
        rest, tone = tone_of(w)
        words.append("".join(letters.get(c, c) for c in rest) + "".join(tones[t] for t in tone))
    return " ".join(words)


def slip(word: str, rng: random.Random, avoid: frozenset[str]) -> str | None:
    """One keyboard slip in a plain word, anywhere (first letter too): a neighbour key instead, a letter
    dropped, a neighbour key added, or two letters swapped. Never a word in ``avoid`` (a slip that spells
    another name asks for that name)."""
    for _ in range(50):
        i = rng.randrange(len(word))
        kind = rng.choice(["neighbour", "drop", "add", "swap"])
        if kind == "neighbour":
            typed = word[:i] + rng.choice(NEIGHBOURS.get(word[i], "a")) + word[i + 1:]
        elif kind == "drop" and len(word) > 2:
            typed = word[:i] + word[i + 1:]
        elif kind == "add":
            typed = word[:i] + rng.choice(NEIGHBOURS.get(word[i], "a")) + word[i:]
        elif kind == "swap" and i + 1 < len(word) and word[i] != word[i + 1]:
            typed = word[:i] + word[i + 1] + word[i] + word[i + 2:]
        else:
            continue
        if typed != word and typed not in avoid:
            return typed
    return None


# --- planted people and their records ------------------------------------------------------------

def _pick(rng: random.Random, weighted: list[tuple[str, int]]) -> str:
    return rng.choices([v for v, _ in weighted], [w for _, w in weighted])[0]


def new_person(rng: random.Random, female: bool) -> dict:
    family = _pick(rng, FAMILY)
    pool, r = (MIDDLE_F if female else MIDDLE_M), rng.random()
    middles = [] if r < 0.1 else [_pick(rng, pool)] if r < 0.8 else list(dict.fromkeys([_pick(rng, pool),
                                                                                        _pick(rng, pool)]))
    # a name does not repeat a word (a middle name is never the given name too)
    given = rng.choice([g for g in (GIVEN_F if female else GIVEN_M) if g not in middles])
    y = rng.randint(1925, 1995)
    return {"family": family, "middles": middles, "given": given, "female": female,
            "name": " ".join([family, *middles, given]), "born": f"{y}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "commune": rng.choice(COMMUNES)}


def _field(value) -> dict:
    return {"value": value, "raw": str(value), "confidence": 0.93, "page": 1, "bbox": None}


def _place(p: dict, rng: random.Random) -> str:
    return f"xã {p['commune']}, huyện {rng.choice(DISTRICTS)}, tỉnh Bắc Ninh"


def _written(p: dict, rng: random.Random) -> str:
    return old_style(p["name"]) if rng.random() < 0.5 else p["name"]


def _base(k: int, seed: int, record_type: str, collection: str, fields: dict) -> dict:
    doc_hash = hashlib.sha256(f"judged-{seed}-{k}".encode()).hexdigest()
    return {"record_type": record_type, "family": {"marriage": "civil_status", "birth": "civil_status",
                                                   "death": "civil_status"}.get(record_type, "veterans"),
            "schema_version": "1", "collection": collection, "bucket": None, "key": f"{collection}/judged/{k}.pdf",
            "doc_hash": doc_hash, "ordinal": 0, "pages": [1], "confidence": 0.93, "needs_review": False,
            "review_reasons": [], "fields": fields, "extracted_at": "2025-01-01T00:00:00.000+00:00"}


def planted(seed: int, people: int = 80) -> tuple[list[dict], list[dict]]:
    """(people, record bases): each person on a birth record, some also on a death and a marriage record."""
    rng = random.Random(seed)
    persons = [new_person(rng, female=i % 2 == 1) for i in range(people)]
    bases: list[dict] = []
    for p in persons:
        p["records"] = []
        f = {"full_name": _field(_written(p, rng)), "date_of_birth": _field(p["born"]),
             "place_of_birth": _field(_place(p, rng)), "nationality": _field("Việt Nam"),
             "mother": {"full_name": _field(new_person(rng, True)["name"])},
             "father": {"full_name": _field(new_person(rng, False)["name"])}}
        bases.append(_base(len(bases), seed, "birth", "hotich", f))
        p["records"].append(bases[-1])
        if rng.random() < 0.6:  # married: as the husband or the wife, beside a spouse
            spouse = new_person(rng, not p["female"])
            me, them = ("wife", "husband") if p["female"] else ("husband", "wife")
            f = {me: {"full_name": _field(_written(p, rng)), "date_of_birth": _field(p["born"]),
                      "residence": _field(_place(p, rng)), "nationality": _field("Việt Nam")},
                 them: {"full_name": _field(spouse["name"]), "date_of_birth": _field(spouse["born"]),
                        "residence": _field(_place(spouse, rng)), "nationality": _field("Việt Nam")},
                 "registration": {"date": _field(f"{int(p['born'][:4]) + 22}-06-01")}}
            bases.append(_base(len(bases), seed, "marriage", "hotich", f))
            p["records"].append(bases[-1])
            p["married_as"] = me
        if rng.random() < 0.3:
            f = {"full_name": _field(_written(p, rng)), "date_of_birth": _field(p["born"]),
                 "date_of_death": _field(f"{int(p['born'][:4]) + 60}-01-01"), "place_of_death": _field(_place(p, rng))}
            bases.append(_base(len(bases), seed, "death", "hotich", f))
            p["records"].append(bases[-1])
    return persons, bases


# --- who is on a record (read from the generated fields, not from the index) ---------------------

SUBJECTS = ("full_name", "wife", "husband")
PLACE_KEYS = ("place_of_birth", "hometown", "residence", "place_of_death")


def _value(f) -> str | None:
    return f.get("value") if isinstance(f, dict) and "value" in f else None


def subjects_of(base: dict) -> list[tuple[str, str | None, list[str]]]:
    """(name, own date of birth, places) of each subject of a record base."""
    fields = base.get("fields") or {}
    places = [v for k in PLACE_KEYS if (v := _value(fields.get(k)))]
    out = []
    if _value(fields.get("full_name")):
        out.append((_value(fields["full_name"]), _value(fields.get("date_of_birth")), places))
    for side in ("wife", "husband"):
        block = fields.get(side)
        if isinstance(block, dict) and _value(block.get("full_name")):
            own = [v for k in PLACE_KEYS if (v := _value(block.get(k)))]
            out.append((_value(block["full_name"]), _value(block.get("date_of_birth")), own or places))
    return out


class Archive:
    """Every subject of every record, looked up the ways the judgements need."""

    def __init__(self) -> None:
        self.by_spelling: dict[tuple, set[str]] = {}
        self.by_plain: dict[str, set[str]] = {}
        self.by_ends: dict[tuple, set[str]] = {}   # (first one or two words, last word) -> record ids
        self.born: dict[tuple[str, str], str] = {}   # (record id, plain name) -> year
        self.places: dict[str, list[str]] = {}

    def add(self, rid: str, subjects: list[tuple[str, str | None, list[str]]]) -> None:
        for name, born, places in subjects:
            sp = spelling(name)
            self.by_spelling.setdefault(sp, set()).add(rid)
            self.by_plain.setdefault(plain(name), set()).add(rid)
            for k in (1, 2):  # a family name of one word or two (Nguyễn Phúc, Tôn Nữ)
                if len(sp) > k:
                    self.by_ends.setdefault((sp[:k], sp[-1]), set()).add(rid)
            if born:
                self.born[(rid, plain(name))] = born[:4]
            self.places.setdefault(rid, []).extend(places)


# --- queries ----------------------------------------------------------------------------------

KINDS = ["exact", "no diacritics", "decomposed", "old/new tone placement", "family name last", "name + commune",
         "middle name left out", "one-letter typo", "name + birth year", "đ typed as d", "Telex", "VNI"]


def queries(persons: list[dict], archive: Archive, seed: int, per_kind: int = 35,
            vocabulary: frozenset[str] = frozenset()) -> list[dict]:
    """Judged queries: ``{kind, params, relevant (record ids), exact (ids whose spelling is the one typed)}``."""
    rng = random.Random(seed + 99)
    out: list[dict] = []

    def add(kind: str, params: dict, relevant: set[str], exact: set[str] | None = None) -> None:
        if relevant:
            out.append({"kind": kind, "params": params, "relevant": relevant,
                        "exact": relevant if exact is None else exact})

    for kind in KINDS:
        pool = list(persons)
        rng.shuffle(pool)
        made = 0
        for p in pool:
            if made >= per_kind:
                break
            name, sp, pl = p["name"], spelling(p["name"]), plain(p["name"])
            same = archive.by_spelling.get(sp, set())
            folded = archive.by_plain.get(pl, set())
            before = len(out)
            if kind == "exact":
                add(kind, {"name": name}, same)
            elif kind == "no diacritics":
                add(kind, {"name": pl}, folded)
            elif kind == "decomposed":
                add(kind, {"name": unicodedata.normalize("NFD", name)}, same)
            elif kind == "old/new tone placement":
                other = old_style(name)
                if other != name:
                    add(kind, {"name": other}, same)
            elif kind == "family name last":
                add(kind, {"name": " ".join([p["given"], p["family"], *p["middles"]])}, same)
            elif kind == "name + commune":
                rel = {r for r in same if any(p["commune"] in pl_ for pl_ in archive.places.get(r, []))}
                add(kind, {"name": name, "place": p["commune"]}, rel)
            elif kind == "middle name left out":
                if p["middles"]:  # family and given name as spelt, any middle (or none)
                    rel = archive.by_ends.get((spelling(p["family"]), spelling(p["given"])[-1]), set())
                    add(kind, {"name": f"{p['family']} {p['given']}"}, rel)
            elif kind == "one-letter typo":
                words = pl.split()
                i = rng.randrange(len(words))
                typed = slip(words[i], rng, vocabulary)
                if typed:
                    add(kind, {"name": " ".join(words[:i] + [typed] + words[i + 1:])}, folded)
            elif kind == "name + birth year":
                # the married ones first: a husband must be found by his own year
                if p.get("married_as") or made >= per_kind // 2:
                    y = p["born"][:4]
                    rel = {r for r in folded if archive.born.get((r, pl)) == y}
                    add(kind, {"name": pl, "born": y}, rel)
            elif kind == "đ typed as d":
                if "đ" in name.lower() and any(c not in "đĐ" and not c.isascii() for c in name):
                    add(kind, {"name": name.replace("đ", "d").replace("Đ", "D")}, same)
            elif kind == "Telex":
                add(kind, {"name": keystrokes(name, TELEX_LETTERS, TONES)}, same)
            elif kind == "VNI":
                add(kind, {"name": keystrokes(name, VNI_LETTERS, VNI_TONES)}, same)
            made += len(out) > before
    return out


def judge(hit_ids: list[str], q: dict) -> tuple[float, bool, float]:
    """(recall@10, whether the first hit has the spelling typed, reciprocal rank of the first relevant hit)."""
    rel = q["relevant"]
    top = hit_ids[:10]
    recall = len(rel & set(top)) / min(len(rel), 10)
    first = bool(top) and top[0] in q["exact"]
    rr = next((1 / (i + 1) for i, h in enumerate(top) if h in rel), 0.0)
    return recall, first, rr
