"""Vietnam's administrative units, to tell a place from other values by what it names.

The names come from the ``vietnamadminunits`` package (MIT): the 63 provinces with
their districts and communes/wards/townships as they stood before the 2025
merger — what the archive's records print — and the 34 provinces with their
wards after it. Only its data file is read (its address parser, which pulls in
geometry libraries, is not imported). Names are compared folded (no marks, lower
case), so "Tu Son, Bac Ninh" and "Từ Sơn, Bắc Ninh" are the same place.
"""

from __future__ import annotations

import importlib.util
import json
import re
from functools import lru_cache
from pathlib import Path

from sohoa.text import fold, nfc

# the level words a Vietnamese address names its units with, longest first
LEVEL_WORDS = ("thành phố", "thị trấn", "thị xã", "phường", "quận", "huyện", "tỉnh", "xã", "thôn", "xóm", "ấp",
               "bản", "khu phố", "tổ dân phố", "làng", "buôn", "phum", "sóc")
_LEVEL_FOLDS = tuple(fold(w) for w in LEVEL_WORDS)
# the parts of an address written with a number after their level word ("xóm 10", "đội 5")
NUMBERED_LEVELS = ("xóm", "thôn", "ấp", "tổ", "đội", "khu")


def _data_dir() -> Path | None:
    spec = importlib.util.find_spec("vietnamadminunits")  # locates the package without importing it
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0]) / "data"


@lru_cache(maxsize=1)
def unit_names() -> dict[str, frozenset[str]]:
    """Folded names by level: ``province``, ``district``, ``commune`` (legacy and 2025 units together)."""
    out: dict[str, set[str]] = {"province": set(), "district": set(), "commune": set()}
    folder = _data_dir()
    if folder is None:
        return {k: frozenset() for k in out}
    legacy = json.loads((folder / "parser_legacy.json").read_text(encoding="utf-8"))
    for p in legacy["DICT_PROVINCE"].values():
        out["province"].add(fold(p["provinceShort"]))
    for districts in legacy["DICT_PROVINCE_DISTRICT"].values():
        for d in districts.values():
            out["district"].add(fold(d["districtShort"]))
    for districts in legacy["DICT_PROVINCE_DISTRICT_WARD_NO_ACCENTED"].values():
        for wards in districts.values():
            for w in wards.values():
                if isinstance(w.get("wardShort"), str):
                    out["commune"].add(fold(w["wardShort"]))
    recent = json.loads((folder / "parser_from_2025.json").read_text(encoding="utf-8"))
    for p in recent["DICT_PROVINCE"].values():
        if "provinceShort" in p:
            out["province"].add(fold(p["provinceShort"]))
    return {k: frozenset(v) for k, v in out.items()}


def _parts(text: str) -> list[str]:
    return [p for p in (fold(x).strip(" .-") for x in re.split(r"[,;]", text)) if p]


def names_level(part: str) -> bool:
    """A comma part that starts with a level word ("xã Tam Sơn", "huyện Từ Sơn")."""
    return any(part == w or part.startswith(w + " ") for w in _LEVEL_FOLDS)


def is_place(text: str) -> bool:
    """Does the value name a place? A part starts with a level word, or the last part (where addresses put the
    province, or the district) is a known province or district — "Từ Sơn, Bắc Ninh" — and the value is no
    single word (a one-word province name is also a given name: "Hà", "Nam")."""
    parts = _parts(text)
    if not parts:
        return False
    if any(names_level(p) for p in parts):
        return True
    if len(parts) < 2:
        return False
    names = unit_names()
    return parts[-1] in names["province"] or parts[-1] in names["district"]


@lru_cache(maxsize=1)
def hierarchy() -> dict[str, dict[str, frozenset[str]]]:
    """Units as written (NFC, lower case), province -> district -> communes/wards/townships: the 63 provinces
    as they stood before the 2025 merger with their districts, and the 34 after it with their wards under the
    district ``""`` (the merger dropped the district level). Empty when the package is not installed."""
    folder = _data_dir()
    if folder is None:
        return {}
    out: dict[str, dict[str, set[str]]] = {}
    legacy = json.loads((folder / "parser_legacy.json").read_text(encoding="utf-8"))
    province_of = {key: nfc(p["provinceShort"]).lower() for key, p in legacy["DICT_PROVINCE"].items()}
    for pkey, districts in legacy["DICT_PROVINCE_DISTRICT"].items():
        for dkey, d in districts.items():
            out.setdefault(province_of[pkey], {}).setdefault(nfc(d["districtShort"]).lower(), set())
    for pkey, districts in legacy["DICT_PROVINCE_DISTRICT_WARD_NO_ACCENTED"].items():
        for dkey, wards in districts.items():
            dname = legacy["DICT_PROVINCE_DISTRICT"].get(pkey, {}).get(dkey, {}).get("districtShort")
            if not isinstance(dname, str):
                continue
            for w in wards.values():
                if isinstance(w.get("wardShort"), str):
                    out[province_of[pkey]].setdefault(nfc(dname).lower(), set()).add(nfc(w["wardShort"]).lower())
    recent = json.loads((folder / "parser_from_2025.json").read_text(encoding="utf-8"))
    for pkey, wards in recent["DICT_PROVINCE_WARD_NO_ACCENTED"].items():
        p = recent["DICT_PROVINCE"].get(pkey, {})
        if "provinceShort" not in p:
            continue
        bucket = out.setdefault(nfc(p["provinceShort"]).lower(), {}).setdefault("", set())
        bucket.update(nfc(w["wardShort"]).lower() for w in wards.values() if isinstance(w.get("wardShort"), str))
    return {p: {d: frozenset(c) for d, c in ds.items()} for p, ds in out.items()}


@lru_cache(maxsize=1)
def written_unit_names() -> frozenset[str]:
    """Every unit's name as written (NFC, lower case, marks kept), whatever its level: ``unit_names`` folds the
    marks away, so it cannot tell a name from its misread ("tân chi" / "tân chỉ"); this can."""
    out: set[str] = set()
    for province, districts in hierarchy().items():
        out.add(province)
        for district, communes in districts.items():
            out.update(communes)
            if district:
                out.add(district)
    return frozenset(re.sub(r"\s*\(.*?\)", "", n).strip() for n in out)


# the level words an administrative unit's name follows, as written, and the levels of the units they may name
UNIT_LEVELS = {"tỉnh": ("province",), "huyện": ("district",), "quận": ("district",), "thị xã": ("district",),
               "thành phố": ("province", "district"), "thị trấn": ("commune",), "phường": ("commune",),
               "xã": ("commune",)}
# … folded, longest first ("thi xa" before "xa")
_UNIT_LEVELS = {fold(w): levels for w, levels in sorted(UNIT_LEVELS.items(), key=lambda item: -len(item[0]))}
_CUT_UNIT = re.compile(r"\b(" + "|".join(_UNIT_LEVELS) + r")\s+([a-z ]+?)[ .,;:]*$")
# compared as written: "Tĩnh" ending "tỉnh Hà Tĩnh" is a name, not the level word "tỉnh"
_BARE_LEVEL = re.compile(r"(?:^|[ ,])(tỉnh|huyện|quận|thị xã|thành phố)[ .,;:]*$")


@lru_cache(maxsize=1)
def _names_of_level() -> dict[str, frozenset[str]]:
    """Folded province and district names: the package's, and the general lists of ``vocab`` (which keep the
    provinces of the older records, "Hà Bắc")."""
    from .vocab import DISTRICTS, PROVINCES
    names = unit_names()
    return {"province": names["province"] | {fold(p) for p in PROVINCES},
            "district": names["district"] | {fold(d) for d in DISTRICTS}}


def _cut_names(level: str) -> set[str]:
    """The folded names a unit of this folded level word may have, communes too ("xa" -> the communes)."""
    names = {**_names_of_level(), "commune": unit_names()["commune"]}
    return {n for lv in _UNIT_LEVELS[level] for n in names[lv]}


def cut_unit(text: str) -> tuple[str, str] | None:
    """The level and the folded name of a province or district named last in ``text`` when that name begins
    known names of its level but is none itself ("…, tỉnh Bắc": the rest wrapped onto the next line or was lost)."""
    m = _CUT_UNIT.search(fold(text))
    if not m:
        return None
    level, name = m.group(1), m.group(2).strip()
    known = _cut_names(level)
    if name in known or not any(n.startswith(name + " ") for n in known):
        return None
    return level, name


def completes_unit(text: str, words: list[str]) -> int:
    """How many of ``words`` (the next line's first words) complete the cut name ending ``text`` into a known
    name of its level: 0 when the value is not cut, or they do not complete it."""
    cut = cut_unit(text)
    if cut is None:
        # a level word ending the line, its whole name on the next ("…, thành phố" / "Tuyên Quang, tỉnh …")
        bare = _BARE_LEVEL.search(nfc(text))
        if not bare:
            return 0
        cut = (fold(bare.group(1)), "")
    level, name = cut
    known = _cut_names(level)
    for k in range(1, min(3, len(words)) + 1):
        # (a stop OCR read inside the name is no part of it: "tỉnh" / "Quảng. Bình")
        if f"{name} {' '.join(fold(w).strip(' .,;:') for w in words[:k])}".strip() in known:
            return k
    return 0


# --- where an address ends ------------------------------------------------------------------------

# how high a level word's unit stands in an address, which names its units from the smallest up: a part below
# the commune (a hamlet, a numbered team), a commune, a district, a province ("thành phố" names a district or a
# province: its name says which)
_RANK = {**{fold(w): 0 for w in (*LEVEL_WORDS, *NUMBERED_LEVELS) if w not in UNIT_LEVELS},
         **{fold(w): {"commune": 1, "district": 2, "province": 3}[levels[-1]] for w, levels in UNIT_LEVELS.items()}}
_STOPS = ".,;:"
_QUOTES = "\"'“”‘’`_|"
# an office named by the unit it serves, whose name the unit completes ("Ủy ban nhân dân" + "xã …"), folded
OFFICE_HEADS = ("uy ban nhan dan", "ubnd")
# words an address may open with before its first level word: an office ("Ủy ban nhân dân xã …", 4 words) or
# where in the place ("Nhà riêng tại xóm …", 3)
_ADDRESS_OPENS_BY = 4


def _level_at(words: list[str], i: int) -> tuple[str, int] | None:
    """The folded level word written at ``words[i]`` (one to three words, in lower case as an address writes it)
    and how many words it takes."""
    for n in (3, 2, 1):
        part = words[i:i + n]
        if len(part) == n and part[-1] == part[-1].rstrip(_STOPS) and all(w.islower() for w in part) \
                and fold(" ".join(part)) in _RANK:
            return fold(" ".join(part)), n
    return None


def _known_at(words: list[str], i: int, levels: tuple[str, ...]) -> int:
    """How many words from ``words[i]`` make the longest name the gazetteer knows at one of ``levels`` (its stop
    aside): 0 for none. The longest, so "Mỏ Cày Nam" is not read as the district "Mỏ Cày" and a word."""
    names = _names_of_level()
    for n in (4, 3, 2, 1):
        part = words[i:i + n]
        if len(part) < n or any(w.endswith((",", ";")) for w in part[:-1]):
            continue
        key = fold(" ".join(part)).strip(_STOPS + " ")
        if key and any(key in names[lv] for lv in levels):
            return n
    return 0


def address_continues(words: list[str], rank: int = 2) -> bool:
    """Do ``words`` (what follows the name of a unit of ``rank`` inside a value) go on with the address: a
    level word, the country, or — after a district — a province's name written without its level word (a comma
    lost: "huyện Thạch Hà Hà Tĩnh")? Nothing smaller comes after a province."""
    if not words:
        return True
    if _level_at(words, 0) is not None or rank < 3 and _known_at(words, 0, ("province",)):
        return True
    return fold(" ".join(words[:2])).strip(_STOPS + " ") in ("viet nam", "vietnam")


def address_end(words: list[str]) -> int | None:
    """Where an address ends inside a value that runs on past it: the number of its words up to the end of the
    last province or district name the gazetteer knows after its level word, when the words after that name
    are no address (``address_continues``) and no comma or other stop parted them — the next label's words run
    in ("…, tỉnh Hà Tĩnh Mã định danh 0381…"), or specks read as letters. An address names its units from the
    smallest up to its province (or a district, when the province goes without saying), so nothing of it comes
    after its top unit. None when the value does not run on so."""
    cut = None
    i = 0
    while i < len(words):
        level = _level_at(words, i)
        if level is None or _RANK[level[0]] < 2:
            i += 1
            continue
        start = i + level[1]
        levels = ("province",) if level[0] == "tinh" else ("district",) if _RANK[level[0]] == 2 and \
            level[0] != "thanh pho" else ("province", "district")
        n = _known_at(words, start, levels)
        if n == 0:
            i = start
            continue
        end = start + n
        name_end = words[end - 1]
        rank = 3 if level[0] == "tinh" or level[0] == "thanh pho" and _known_at(words, start, ("province",)) == n \
            else 2
        if end < len(words) and name_end == name_end.rstrip(_STOPS) and not address_continues(words[end:], rank):
            cut = end
            break
        i = end
    return cut


def address_rank(words: list[str]) -> int | None:
    """The rank of the highest unit an address names (0 a part below the commune … 3 a province), None when no
    part of the words starts with a level word. A "thành phố" whose name is a province's ranks as one."""
    best = None
    for i in range(len(words)):
        level = _level_at(words, i)
        if level is None or (i and not words[i - 1].endswith((",", ";")) and _RANK[level[0]] == 0):
            continue
        rank = _RANK[level[0]]
        if level[0] == "thanh pho" and _known_at(words, i + level[1], ("province",)) \
                and not _known_at(words, i + level[1], ("district",)):
            rank = 3
        best = rank if best is None else max(best, rank)
    return best


def chain_goes_on(words: list[str], below: list[str]) -> bool:
    """Does the line below (``below``) carry on the address ``words`` left short of its province: the address
    names a unit after its level word but none of a province, and the line below opens with the level word of
    a higher unit than any it named, then that unit's name ("thôn 5, xã Xuân Lập," / "huyện Hoằng Hóa, tỉnh
    Thanh Hóa")? Only the order of the units says so; nothing is filled in that no line carries."""
    opens = next((i for i in range(len(words)) if _level_at(words, i) is not None), None)
    if opens is not None and opens > _ADDRESS_OPENS_BY:
        return False  # the value is no address that names its units from its start: other words with one inside
    rank = address_rank(words)
    if rank is None and fold(" ".join(words)).strip(_STOPS + " ").endswith(OFFICE_HEADS):
        rank = -1  # a people's committee is named by its unit: "Ủy ban nhân dân" alone has not reached it yet
    if rank is None or rank >= 3 or not below:
        return False
    below = [below[0].lstrip(_QUOTES), *below[1:]]  # a quote mark OCR read before the line ("\"huyện …")
    level = _level_at(below, 0)
    if level is None or _RANK[level[0]] <= rank or level[1] >= len(below):
        return False
    nxt = below[level[1]]
    return nxt[:1].isupper() or nxt[:1].isdigit()


@lru_cache(maxsize=1)
def _names_by_level_word() -> dict[str, frozenset[str]]:
    """Folded unit names by the folded level word they follow ("huyen" -> the districts, "xa" -> the communes)."""
    names = {**_names_of_level(), "commune": unit_names()["commune"]}
    return {fold(w): frozenset().union(*(names[lv] for lv in levels)) for w, levels in UNIT_LEVELS.items()}


def begins_unit_name(level_word: str, word: str) -> bool:
    """Is ``word`` (as read, any marks) a unit's name after ``level_word``, or the first word of one ("Mỏ" after
    "huyện": "Mỏ Cày Nam")? Only the gazetteer's names of that level count."""
    names = _names_by_level_word().get(fold(level_word).strip(_STOPS))
    key = fold(word).strip(_STOPS)
    if not names or not key:
        return False
    return key in names or any(n.startswith(key + " ") for n in names)


def address_open(words: list[str]) -> bool:
    """Is the address ``words`` still open at its end: short of a province (``address_rank`` under 3), or its
    last name cut short or its last level word without a name ("…, tỉnh Hà", "…, tỉnh")? Then a line below may
    go on with it."""
    text = " ".join(words)
    return (address_rank(words) or 0) < 3 or cut_unit(text) is not None or bool(_BARE_LEVEL.search(nfc(text)))


def ends_bare_level(text: str) -> bool:
    """The text ends with a province's or district's level word and no name after it ("…, thành phố", "…,
    tỉnh"): a level whose every name the gazetteer knows, so ``completes_unit`` says whether words go on with it."""
    return bool(_BARE_LEVEL.search(nfc(text)))


# --- a level word, or a commune's name, cut by the line ---------------------------------------------

# level words of a commune and of the parts below it, whose names no list holds whole (a ward, a hamlet): a line
# ending on one with no name leaves the name to the next line
_LOCAL_LEVELS = ("thị trấn", "phường", "xã", "thôn", "xóm", "ấp", "bản", "khu phố", "tổ dân phố", "làng", "buôn",
                 "phum", "sóc")
# (alone, or after an address's other parts and their comma: "Trạm y tế xã" names an office, not a commune)
_BARE_LOCAL_LEVEL = re.compile(r"(?:^|,\s*)(" + "|".join(_LOCAL_LEVELS) + r")[ .;:]*$")
_NUMBER = re.compile(r"\d{1,3}[,.]?")


def names_bare_local_level(text: str, below: list[str]) -> bool:
    """The address ``text`` ends with a commune's (or a hamlet's) level word and no name, and the line below
    opens with a name: a capitalised word, or the plain number of a numbered part ("…, phường" / "Tân An, thành
    phố …", "thôn" / "8, xã …")."""
    bare = _BARE_LOCAL_LEVEL.search(nfc(text).lower()) if below else None
    if bare is None:
        return False
    first = below[0].lstrip(_QUOTES)
    return first[:1].isupper() or bare.group(1) in NUMBERED_LEVELS and bool(_NUMBER.fullmatch(first))


def cut_level_word(words: list[str], below: list[str], level_folds: frozenset[str]) -> bool:
    """The value's last word(s) and the first word(s) of the line below make one level word (folded in
    ``level_folds``) that the line cut ("Đại" / "đội 5, …", "…, thành" / "phố Vinh"): a level word of two or
    three syllables wraps as any words do, and its first syllable alone names nothing."""
    for k in (1, 2):
        for m in (1, 2):
            if k + m <= 3 and len(words) >= k and len(below) >= m:
                head = fold(" ".join(words[-k:])).strip()  # (a stop after a syllable ends the word: "Đại,")
                tail = fold(" ".join(below[:m])).strip(_STOPS + _QUOTES + " ")
                if not any(c in _STOPS for c in head) and f"{head} {tail}" in level_folds:
                    return True
    return False
