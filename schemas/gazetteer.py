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

# the level words an administrative unit's name follows, as written, and the levels of the units they may name
UNIT_LEVELS = {"tỉnh": ("province",), "huyện": ("district",), "quận": ("district",), "thị xã": ("district",),
               "thành phố": ("province", "district"), "thị trấn": ("commune",), "phường": ("commune",),
               "xã": ("commune",)}
# … folded, those a province's or a district's name follows
_UNIT_LEVELS = {fold(w): levels for w, levels in UNIT_LEVELS.items() if levels != ("commune",)}
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


def cut_unit(text: str) -> tuple[str, str] | None:
    """The level and the folded name of a province or district named last in ``text`` when that name begins
    known names of its level but is none itself ("…, tỉnh Bắc": the rest wrapped onto the next line or was lost)."""
    m = _CUT_UNIT.search(fold(text))
    if not m:
        return None
    level, name = m.group(1), m.group(2).strip()
    known = [n for lv in _UNIT_LEVELS[level] for n in _names_of_level()[lv]]
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
    known = {n for lv in _UNIT_LEVELS[level] for n in _names_of_level()[lv]}
    for k in range(1, min(3, len(words)) + 1):
        if f"{name} {fold(' '.join(words[:k])).strip(' .,;:')}".strip() in known:
            return k
    return 0


def ends_bare_level(text: str) -> bool:
    """The text ends with a province's or district's level word and no name after it ("…, thành phố", "…,
    tỉnh"): a level whose every name the gazetteer knows, so ``completes_unit`` says whether words go on with it."""
    return bool(_BARE_LEVEL.search(nfc(text)))
