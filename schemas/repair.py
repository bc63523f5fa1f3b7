"""Value repair after OCR, by rules that hold whatever the document: what a value can be says which
reading OCR garbled.

- **Places** (``repair_place_units``): a commune, district or province name after its level word (``xã``,
  ``huyện``, ``tỉnh`` …) that is no unit of Vietnam's gazetteer (``schemas/gazetteer.py``) *inside the unit
  the value names around it* — a commune among its district's communes, a district among its province's
  districts — but one edit from exactly one of them is read as that unit (``xã Tân Chỉ, huyện Tiên Du`` →
  ``xã Tân Chi``). A name the gazetteer cannot place in a containing unit (no district or province named,
  or one it does not hold, such as a province of before 1997) is left as read: the whole country holds too
  many names one edit apart.
- **Name syllables** (``nearest_name_syllable``): a word of a name that is no common name syllable but
  differs from several only in the marks is read as the one whose marks are nearest, when it is strictly
  nearer than the rest (``Đúc``: ``đức`` is one mark away, ``dục`` three).
- **Document numbers** (``repair_document_code``): the letters after a number's slash are the issuing
  document's abbreviation (``QĐ``, ``GBT``, ``UB`` …, ``schemas/data/document_codes.txt``); a digit OCR read
  for a letter there (``0Đ``) is read as the one abbreviation the look-alikes give. A ``§`` where a number
  starts is an ``8`` (``§4``).

Each repair says whether it is *sure*: exactly one candidate at distance 1 and none at distance 2. A
field keeps its confidence only for a sure repair; the OCR text stays in the field's ``raw`` and every
repair is named in its ``notes``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from sohoa.text import fold, has_marks, nfc

from .digit_letters import STEM_LETTERS, bare, digits_of
from .gazetteer import LEVEL_WORDS, NUMBERED_LEVELS, hierarchy

REPAIR_FACTOR = 0.8  # confidence kept by a value repaired with another candidate close behind


@dataclass
class Repaired:
    value: str
    changes: list[str] = field(default_factory=list)
    sure: bool = True  # every change had one candidate and a clear margin


# --- places ---------------------------------------------------------------------------------------

_COMMUNE_LEVELS = ("thị trấn", "phường", "xã")
_DISTRICT_LEVELS = ("thành phố", "thị xã", "huyện", "quận")
_PROVINCE_LEVELS = ("thành phố", "tỉnh")
_LEVELS = sorted(set(_COMMUNE_LEVELS + _DISTRICT_LEVELS + _PROVINCE_LEVELS), key=len, reverse=True)
# a level word and the capitalised words of its name, up to the next comma or level word
_UNIT = re.compile(rf"(?<!\w)({'|'.join(_LEVELS)})\s+((?:[^\W\d_][\w'-]*)(?:\s+[^\W\d_][\w'-]*){{0,3}})",
                   re.IGNORECASE)


def _name_words(text: str) -> str:
    """The unit's name: its capitalised words, up to a lower-case word (the next level word or other text)."""
    words = []
    for w in text.split():
        if not w[:1].isupper():
            break
        words.append(w)
        if w.endswith((",", ";", ".", ":")):
            break
    return " ".join(words)


def _closest(name: str, pool: frozenset[str] | set[str]) -> tuple[str | None, bool]:
    """The one unit of ``pool`` one edit from ``name`` (compared as written, lower case), and whether no other
    is within two edits; (None, False) when none or several are one edit away."""
    key = nfc(name).lower()
    near = [(Levenshtein.distance(key, p, score_cutoff=2), p) for p in pool if abs(len(p) - len(key)) <= 2]
    one = [p for d, p in near if d <= 1]
    if len(one) != 1:
        return None, False
    return one[0], not any(d == 2 for d, _ in near)


@lru_cache(maxsize=1)
def all_unit_names() -> frozenset[str]:
    """Every province, district and commune name of the gazetteer, lower case as written."""
    tree = hierarchy()
    return frozenset(tree) | frozenset(d for ds in tree.values() for d in ds if d) | \
        frozenset(c for ds in tree.values() for cs in ds.values() for c in cs)


def _misread(name: str) -> bool:
    """Does a word of the name show OCR's hand: no Vietnamese syllable, or none of the common name syllables
    while one differs from it only in the marks (``Sơm``, ``Chỉ``)? Only then is a repair sure."""
    from .normalize import plausible_word, rare_name_syllable
    return any(not plausible_word(w) or rare_name_syllable(w) for w in name.split())


def _units(text: str) -> list[tuple[str, str, int, int]]:
    """(level, name, start, end of the name) for each level word followed by a capitalised name."""
    out = []
    for m in _UNIT.finditer(text):
        level = m.group(1).lower()
        name = _name_words(m.group(2)).rstrip(",;.:")
        if name:
            out.append((level, name, m.start(2), m.start(2) + len(name)))
    return out


def repair_place_units(text: str) -> Repaired:
    """Commune, district and province names read one edit off a unit of the gazetteer inside the unit the
    value names around it; see the module's docstring."""
    tree = hierarchy()
    units = _units(text)
    if not tree or not units:
        return Repaired(text)
    provinces = set(tree)
    from .vocab import PROVINCES  # provinces of before 1997 too ("Hà Bắc"): known, never read as another
    former = {nfc(p).lower() for p in PROVINCES} - provinces
    known = all_unit_names()
    fixes: list[tuple[int, int, str, str]] = []  # start, end, read, repaired
    sure = True

    def settle(level_names: tuple[str, ...], pool: set[str] | frozenset[str]) -> tuple[str | None, tuple | None]:
        """The unit of ``pool`` the value names at these levels, as a (name, fix) pair."""
        nonlocal sure
        for level, name, start, end in units:
            if level not in level_names:
                continue
            key = nfc(name).lower()
            if key in pool:
                return key, None
            if key in former and level_names == _PROVINCE_LEVELS:
                return None, None
            if key in known:
                # a real unit's name, read right: the gazetteer has one version of the map, records name
                # communes merged or renamed since, and districts under another province than today
                return None, None
            found, clear = _closest(name, pool)
            if found is not None:
                sure = sure and clear and _misread(name)
                return found, (start, end, name, found)
        return None, None

    province, fix = settle(_PROVINCE_LEVELS, provinces)
    if fix:
        fixes.append(fix)
    communes: frozenset[str] = frozenset()
    if province is not None:
        district, fix = settle(_DISTRICT_LEVELS, set(tree[province]) - {""})
        if fix:
            fixes.append(fix)
        # a commune among its district's own; with no district placed, only where the province has no
        # districts (the 2025 map): a whole province's communes hold too many names one edit apart
        communes = tree[province][district] if district is not None else \
            (tree[province].get("", frozenset()) if set(tree[province]) == {""} else frozenset())
    else:
        # no province named: a district the gazetteer knows names its province(s) ("xã …, huyện Tiên Du");
        # a district read wrong has no province to be looked for in, and stays as read
        named = {nfc(name).lower() for level, name, _, _ in units if level in _DISTRICT_LEVELS}
        communes = frozenset().union(*(cs for ds in tree.values() for d, cs in ds.items() if d and d in named))
    if communes:
        _, fix = settle(_COMMUNE_LEVELS, communes)
        if fix:
            fixes.append(fix)
    if not fixes:
        return Repaired(text)
    out, changes = text, []
    for start, end, read, unit in sorted(set(fixes), reverse=True):
        written = " ".join(w[:1].upper() + w[1:] for w in unit.split(" "))
        out = out[:start] + written + out[end:]
        changes.append(f"{read} -> {written}")
    return Repaired(out, changes[::-1], sure)


# --- name syllables ---------------------------------------------------------------------------------

def _marks_distance(a: str, b: str) -> int:
    """Edit distance between the decomposed words: each mark (tone, hook, horn, breve, circumflex, the bar of
    đ) counts on its own, so ``đúc``/``đức`` are 1 apart and ``đúc``/``dục`` 3."""
    def parts(w: str) -> str:
        return unicodedata.normalize("NFD", w.lower().replace("đ", "d\u0335"))
    return Levenshtein.distance(parts(a), parts(b))


def nearest_name_syllable(word: str, candidates: list[str]) -> tuple[str | None, bool]:
    """The candidate (same letters, other marks) whose marks are nearest ``word``'s, when strictly nearer than
    every other; and whether it is one mark away with the next two or more away (a clear margin)."""
    if not candidates:
        return None, False
    ranked = sorted((_marks_distance(word, c), c) for c in candidates)
    if len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
        return None, False
    clear = ranked[0][0] == 1 and (len(ranked) == 1 or ranked[1][0] >= 3)
    return ranked[0][1], clear


# the tone marks Tesseract reads for the dot of a small i on Vietnamese print (docs/benchmarks.md, part AD: "Chi"
# read "Chỉ", "Vi" read "Vị", "Vinh" read "Vĩnh", "binh" read "bình")
_DOT_AS_TONE = frozenset("\u0300\u0301\u0303\u0309\u0323")


def dot_read_as_tone(word: str, candidates: list[str]) -> str | None:
    """Of the common syllables ``candidates`` a rare name syllable could be (same letters, other marks), the
    one OCR's commonest slip on it explains: the word's only tone stands on an ``i`` and the candidate is the
    word without it, the dot of the ``i`` read as a tone mark (``Chỉ`` among ``chi``, ``chí`` -> ``chi``). None
    when the tone stands elsewhere or the word without it is no candidate."""
    plain = without_tone_on_i(nfc(word).lower())
    return plain if plain in candidates else None


def without_tone_on_i(word: str) -> str | None:
    """``word`` without its one tone mark when that mark stands on an ``i`` (``Chỉ`` -> ``Chi``); None otherwise."""
    nfd = unicodedata.normalize("NFD", word)
    tones = [i for i, c in enumerate(nfd) if c in _DOT_AS_TONE]
    if len(tones) != 1 or tones[0] == 0 or nfd[tones[0] - 1] not in "iI":
        return None
    return unicodedata.normalize("NFC", nfd[:tones[0]] + nfd[tones[0] + 1:])


def dot_tone_unit_names(text: str) -> Repaired:
    """A unit's name after its level word that the gazetteer does not hold anywhere, one of whose words has its
    tone on an ``i``, read as the name without that tone when the gazetteer holds that one (``xã Tân Chỉ`` ->
    ``xã Tân Chi``): the dot of the i read as a tone mark. Never sure: the gazetteer has one version of the map."""
    known = all_unit_names()
    out, changes = text, []
    for _, name, start, end in reversed(_units(text)):
        if nfc(name).lower() in known:
            continue
        words = name.split(" ")
        readings = {" ".join(words[:k] + [bare] + words[k + 1:]) for k, w in enumerate(words)
                    if (bare := without_tone_on_i(w)) is not None}
        hits = [r for r in readings if nfc(r).lower() in known]
        if len(hits) == 1:
            out = out[:start] + hits[0] + out[end:]
            changes.append(f"{name} -> {hits[0]}")
    return Repaired(out, changes[::-1], sure=False) if changes else Repaired(text)


# --- document numbers ---------------------------------------------------------------------------------

_DATA = Path(__file__).parent / "data"
# digits and symbols OCR gives for the capitals of an abbreviation
_LETTER_FOR = {"0": "OQDĐ", "1": "IL", "2": "Z", "5": "S", "6": "G", "8": "B", "|": "IL", "$": "S"}


@lru_cache(maxsize=1)
def document_codes() -> frozenset[str]:
    """The abbreviations of document kinds and issuing offices a number's suffix is made of."""
    lines = (_DATA / "document_codes.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(nfc(w) for line in lines if not line.startswith("#") for w in line.split())


def _readings(piece: str) -> set[str]:
    out = {""}
    for ch in piece:
        out = {o + c for o in out for c in (_LETTER_FOR.get(ch, "") + (ch if ch not in _LETTER_FOR else ""))}
        if len(out) > 256:
            return set()
    return out


def repair_document_code(text: str) -> Repaired:
    """``536/0Đ`` -> ``536/QĐ``: a suffix piece after the number (split at ``/`` and ``-``) that mixes capitals
    with digits OCR read for letters, and that becomes exactly one known abbreviation when those digits are
    read as the letters they look like; and ``§`` where a number starts (``§4`` -> ``84``)."""
    changes: list[str] = []
    out = text
    m = re.match(r"^§(?=\d)", out)
    if m:
        out = "8" + out[1:]
        changes.append("§ -> 8")
    head, sep, tail = out.partition("/")
    if sep and head[-1:].isdigit():
        pieces = re.split(r"([/\-])", tail)
        for i, piece in enumerate(pieces):
            if piece in "/-" or piece in document_codes():
                continue
            if not any(c.isalpha() for c in piece) or not any(c in _LETTER_FOR for c in piece) \
                    or any(c.isalpha() and not c.isupper() for c in piece):
                continue
            hits = _readings(piece) & document_codes()
            if len(hits) == 1:
                fixed = hits.pop()
                changes.append(f"{piece} -> {fixed}")
                pieces[i] = fixed
        out = head + sep + "".join(pieces)
    return Repaired(out, changes, sure=False)


# --- slips in places and short texts ------------------------------------------------------------



def level_word_case(text: str) -> Repaired:
    """A level word starting a later part of an address in capitals when the value writes its other level
    words in lower case (``…, xã Phật Tích, Huyện Thuận Thành, tỉnh …``): OCR's capital, or a speck read
    as one; the value's own usage says which case it writes."""
    parts = text.split(", ")
    heads = []
    for i, part in enumerate(parts):
        low = part.lower()
        level = next((w for w in LEVEL_WORDS if low == w or low.startswith(w + " ")), None)
        if level:
            heads.append((i, part[:len(level)]))
    lower = [h for _, h in heads if h == h.lower()]
    upper = [(i, h) for i, h in heads if i > 0 and h[:1].isupper() and h[1:] == h[1:].lower()]
    if not lower or not upper or len(upper) >= len(lower):
        return Repaired(text)
    changes = []
    for i, h in upper:
        parts[i] = h.lower() + parts[i][len(h):]
        changes.append(f"{h} -> {h.lower()}")
    return Repaired(", ".join(parts), changes, sure=False)


def inner_capital(word: str, known: frozenset[str] | set[str]) -> str | None:
    """``SứCt`` -> ``Sứt``: one capital inside a lower-case word, which makes it no Vietnamese syllable,
    where the word without it is a known one (Vietnamese writes no capital inside a word: a speck or a
    broken stroke read as a letter)."""
    from .normalize import plausible_word
    core = word.strip(",.;:")
    inner = [i for i, c in enumerate(core) if i > 0 and c.isupper()]
    if len(inner) != 1 or not core.isalpha() or plausible_word(core) or not core[inner[0] - 1].islower():
        return None
    fixed = core[:inner[0]] + core[inner[0] + 1:]
    if not plausible_word(fixed) or fixed.lower() not in known:
        return None
    return word.replace(core, fixed)


# a dot glued between two words ("huyện Tân.Yên"); an abbreviation ("TP.Hồ Chí Minh") is all capitals
_GLUED = re.compile(r"(?<![\w.])([^\W\d_]{2,})\.([^\W\d_]{2,})(?![\w.])")
# a part that is a word and its number with a dot between ("ngăn. 2"): no sentence ends in such a part
_WORD_DOT_NUMBER = re.compile(r"(?:^|(?<=, ))([^\W\d_]+)\. (\d+[a-z]?)(?=,|$)")


def _name_word(w: str) -> bool:
    return w[:1].isupper() and w[1:] == w[1:].lower()


def dots_in_parts(text: str) -> Repaired:
    """Dots OCR read inside the parts of a place or a storage location (specks): between two capitalised
    words of a name, and between a word and its number when the two are a whole part."""
    changes: list[str] = []

    def glued(m: re.Match) -> str:
        if not (_name_word(m.group(1)) and _name_word(m.group(2))):
            return m.group(0)
        changes.append(m.group(0))
        return f"{m.group(1)} {m.group(2)}"

    def spaced(m: re.Match) -> str:
        # "tỉnh Quảng. Bình": a stop between two words of one unit's name the gazetteer knows whole
        if f"{m.group(2)} {m.group(3)}".lower() not in all_unit_names():
            return m.group(0)
        changes.append(m.group(0))
        return f"{m.group(1)}{m.group(2)} {m.group(3)}"

    out = _GLUED.sub(glued, text)
    out = _STOP_IN_NAME.sub(spaced, out)
    changes += [m.group(0) for m in _WORD_DOT_NUMBER.finditer(out)]
    out = _WORD_DOT_NUMBER.sub(r"\1 \2", out)
    return Repaired(out, [f"dot dropped in {c!r}" for c in changes], sure=False)


_STOP_IN_NAME = re.compile(rf"((?<!\w)(?:{'|'.join(_LEVELS)})\s+)([^\W\d_]+)\.\s+([^\W\d_]+)(?!\w)")


# --- level words through OCR noise ---------------------------------------------------------------------

_NUMBER_PART = re.compile(r"\d{1,3}[a-zA-Z]?[,;.]?$")


def _level_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    return tuple(w for w in LEVEL_WORDS if " " not in w), tuple(w for w in LEVEL_WORDS if w.count(" ") == 1)


def _bent_level(core: str, candidates: tuple[str, ...], one_off: bool) -> str | None:
    """The one level word ``core`` is a bent reading of: the same letters with other marks, or (``one_off``, a
    word of the same length) one letter off; None when none or several fit."""
    key = fold(core)
    hits = [w for w in candidates if fold(w) == key]
    if not hits and one_off:
        hits = [w for w in candidates if len(w) == len(core) and Levenshtein.distance(fold(w), key) == 1]
    return hits[0] if len(hits) == 1 else None


def _bent_unit(first: str, second: str) -> str | None:
    """The military unit (``Trung đoàn``, ``Đại đội`` …) whose first word is ``first`` as written and whose
    second is at most one letter off ``second`` (folded), the nearest in its marks when strictly nearest; None
    when ``second`` is as written."""
    from .normalize import UNIT_WORDS
    core = second.rstrip(",.;:")
    if core != second or f"{first} {core}" in UNIT_WORDS:
        return None
    hits = sorted((_marks_distance(u.split(" ")[1], core), u) for u in UNIT_WORDS if u.split(" ")[0] == first
                  and Levenshtein.distance(fold(u.split(" ")[1]), fold(core)) <= 1)
    if not hits or len(hits) > 1 and hits[0][0] == hits[1][0]:
        return None  # (the nearest in its letters and marks, strictly: "đơn" is "đoàn", two marks off, not "đội")
    return hits[0][1]


def bent_numbered_level(word: str, nxt: str) -> bool:
    """A word of three letters or more one letter off exactly one numbered unit's level word, before a unit's
    number (``xém 10,``): a bent ``xóm``. A word that differs from one only in the marks is another word
    (``đời`` is no ``đội``) where no address is known to begin."""
    core = word.rstrip(",.;:")
    return len(core) >= 3 and core == word and bool(_NUMBER_PART.match(nxt)) \
        and core not in NUMBERED_LEVELS and fold(core) not in {fold(w) for w in NUMBERED_LEVELS} \
        and _bent_level(core, NUMBERED_LEVELS, True) is not None


def bent_level_words(text: str) -> Repaired:
    """The level word that opens a part of an address, its marks bent by OCR (``…; tính Bắc Ninh``, ``tinh``
    among written marks), is that level word when the part goes on as the level says: a capitalised name, or
    for a numbered unit its number (``xém 10,`` → ``xóm 10,``: there one letter off, same length, is enough, as
    no other word stands before a unit's number). And a unit's name after its level word whose first word lost
    its capital (``xã xuân Lập``) is written as the gazetteer writes that unit. A value typed without marks is
    left alone: it says nothing about marks."""
    if fold(text) == text.lower():
        return Repaired(text)
    singles, doubles = _level_words()
    written = set(singles) | set(doubles)
    words = text.split(" ")
    changes: list[str] = []
    for i, w in enumerate(words):
        if i > 0 and words[i - 1][-1:] not in ",;:.)":
            continue  # a level word opens a part
        core = w.rstrip(",.;:")
        nxt = words[i + 1] if i + 1 < len(words) else ""
        after = words[i + 2] if i + 2 < len(words) else ""
        if core[:1].isupper() and w == core and nxt and _NUMBER_PART.match(after):
            # a military unit's two words before its number, the second bent ("Trung đơn 95"): the one unit
            # whose first word is as written and whose second is one letter off
            unit = _bent_unit(core, nxt)
            if unit is not None:
                changes.append(f"{core} {nxt} -> {unit}")
                words[i + 1] = unit.split(" ")[1]
            continue
        if not core[:1].islower() or core in written or not nxt:
            continue
        pair = f"{core} {nxt.rstrip(',.;:')}"
        if i + 2 < len(words) and pair not in written and words[i + 2][:1].isupper() and not nxt.endswith(","):
            level = _bent_level(pair, doubles, False)
            if level is None and core in {d.split(" ")[0] for d in doubles}:
                # its first word as written, its second one letter off ("thành phế Hà Tĩnh"): no other two words
                # open an address's part before a capitalised name
                level = _bent_level(pair, doubles, True)
            if level is not None:
                changes.append(f"{pair} -> {level}")
                words[i], words[i + 1] = level.split(" ")[0], level.split(" ")[1] + nxt[len(nxt.rstrip(",.;:")):]
                continue
        if nxt[:1].isupper() and not core.endswith(tuple(",;:")) and w == core:
            level = _bent_level(core, singles, False)
        elif _NUMBER_PART.match(nxt) and w == core:
            level = _bent_level(core, NUMBERED_LEVELS, len(core) >= 3)
        else:
            level = None
        if level is not None and level != core:
            changes.append(f"{core} -> {level}")
            words[i] = level
    known = all_unit_names()
    for i, w in enumerate(words[:-1]):
        if w not in written or not words[i + 1][:1].islower() or words[i + 1].rstrip(",.;:") in written:
            continue
        name = []
        for x in words[i + 1:]:
            name.append(x.rstrip(",.;:"))
            if x[-1:] in ",;:.":
                break
        if len(name) >= 2 and all(n[:1].isupper() for n in name[1:]) and " ".join(name).lower() in known:
            first = words[i + 1]
            words[i + 1] = first[:1].upper() + first[1:]
            changes.append(f"{first} -> {words[i + 1]}")
    return Repaired(" ".join(words), changes, sure=False) if changes else Repaired(text)


def after_province(text: str) -> Repaired:
    """Words after the province that ends an address, a stop after its name (``…, tỉnh Bắc Giang. tự S LẺ
    NHÀ``): an address names its units from the smallest to the province, so what follows the province's
    name and its stop is no part of it — specks of a degraded page read as words, or a label run in. Words after a comma
    (``…, Việt Nam``) or holding a level word (a comma lost between two units) are left alone."""
    from .vocab import PROVINCES
    names = {nfc(p).lower() for p in PROVINCES} | set(hierarchy())
    words = text.split(" ")
    for i in range(len(words) - 1, 0, -1):
        if words[i - 1].lower() != "tỉnh" and " ".join(words[i - 2:i]).lower() != "thành phố":
            continue
        for n in (4, 3, 2, 1):
            name = " ".join(words[i:i + n])
            core = name.rstrip(".;:")
            if core.lower() not in names or i + n >= len(words) or not name.endswith((".", ";", ":")):
                continue  # (a stop after the name ends the address; "tỉnh Hà Nam Ninh" runs on, a name)
            rest = words[i + n:]
            low = " ".join(rest).lower()
            if any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", low) for w in LEVEL_WORDS):
                return Repaired(text)
            kept = " ".join(words[:i] + [core])
            return Repaired(kept, [f"words after the province dropped: {len(rest)}"], sure=False)
        return Repaired(text)
    return Repaired(text)


# --- the number of a numbered part read as letters ----------------------------------------------------

def _numbered_words() -> frozenset[str]:
    """The words a part's number follows: an address's numbered parts (``xóm``, ``thôn``, ``đội`` …) and the
    last word of a military unit (``Trung đoàn``, ``Quân khu``)."""
    from .normalize import UNIT_WORDS
    return frozenset(NUMBERED_LEVELS) | frozenset(u.split(" ")[-1].lower() for u in UNIT_WORDS)


def part_number(core: str) -> str | None:
    """``core``, read after a numbered part's word, as the part's number: digits and letters read for digits
    with one digit at least (``I1`` -> ``11``, ``4?`` -> ``47``), or a stem alone (``I`` -> ``1``); a speck
    read as a symbol before the digits goes (``†11`` -> ``11``: a part's number starts with its digits). None
    when it is no number misread: a number with a letter after it names a part (``5B``, ``12D``), and a round
    or bowed letter alone may be the part's own name (``khu B``)."""
    speck = len(core) - len(core.lstrip("†‡•*'`‘’^~°"))
    if speck and core[speck:].isdigit():
        return core[speck:]
    if any(c.isdigit() for c in core):
        if core[-1].isalpha() and core[-1].isupper() and bare(core[-1]) not in STEM_LETTERS and core[-1] != "O":
            return None
        return digits_of(core)
    if len(core) == 1 and bare(core) in STEM_LETTERS:
        return digits_of(core)
    return None


def numbered_part_digits(text: str) -> Repaired:
    """The number of a numbered part of an address or a military unit read with letters for digits (``xóm I,``
    -> ``xóm 1,``, ``thôn I1`` -> ``thôn 11``, ``Trung đoàn 4?`` -> ``Trung đoàn 47``): after the part's word,
    one token that ends the part (a comma, a level word or the value's end after it) and reads as a number
    through ``digit_letters``. Never sure: the paper may print a Roman numeral or a letter there."""
    words = text.split(" ")
    after = _numbered_words()
    changes: list[str] = []
    for i in range(1, len(words)):
        w = words[i]
        core = w.rstrip(",.;:")
        ends_part = core != w or i + 1 == len(words) or words[i + 1].lower() in LEVEL_WORDS
        if not core or not ends_part or words[i - 1].lower() not in after:
            continue
        number = part_number(core)
        if number is not None:
            changes.append(f"{core} -> {number}")
            words[i] = number + w[len(core):]
    return Repaired(" ".join(words), changes, sure=False) if changes else Repaired(text)


# --- a syllable in capitals among a name's words ------------------------------------------------------

def _capitals(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _title_cased(word: str) -> bool:
    core = word.strip(",.;:()")
    return core[:1].isupper() and len(core) >= 2 and core[1:] == core[1:].lower() and core[1:].isalpha()


def capitals_among_names(text: str) -> Repaired:
    """One syllable in capitals beside a title-cased word of a place's name (``Mặt trận VỊ Xuyên``): OCR read
    a small letter as its capital, and the syllable takes the case of the name it stands in (``Vị``). Only a
    syllable with a Vietnamese mark, which no abbreviation (``UBND``, ``TP``) or Roman numeral (``XVIII``) has,
    that is a Vietnamese syllable, and alone: a run of words in capitals is a heading or a label."""
    from .normalize import plausible_word
    words = text.split(" ")
    changes: list[str] = []
    for i, w in enumerate(words):
        core = w.strip(",.;:()")
        if not core.isalpha() or not _capitals(core) or not has_marks(core):
            continue
        near = words[max(i - 1, 0):i] + words[i + 1:i + 2]
        if any(_capitals(n) for n in near) or not any(_title_cased(n) for n in near):
            continue
        fixed = core[:1] + core[1:].lower()
        if not plausible_word(fixed):
            continue
        changes.append(f"{core} -> {fixed}")
        words[i] = w.replace(core, fixed, 1)
    return Repaired(" ".join(words), changes, sure=False) if changes else Repaired(text)


# --- one person named twice in a record ---------------------------------------------------------------

def same_person_reading(name: str, other: str) -> str | None:
    """``other`` when it is ``name`` read better: the same letters (a mother who declared the birth is named
    twice), and every word where the two differ is, in ``name``, no common name syllable or no Vietnamese
    syllable while, in ``other``, a common one (``Trần Thánh Quỳnh`` / ``Trần Thanh Quỳnh``). None otherwise:
    two people whose names differ in the marks of common syllables (``Lan`` / ``Lân``) stay two."""
    from .normalize import plausible_word, rare_name_syllable
    from .vocab import NAME_SYLLABLES, SURNAMES
    a, b = name.split(), other.split()
    if name == other or len(a) != len(b) or fold(name) != fold(other):
        return None
    common = set(NAME_SYLLABLES) | {s.lower() for s in SURNAMES}
    diff = [(x, y) for x, y in zip(a, b) if x != y]
    if all((not plausible_word(x) or rare_name_syllable(x)) and y.lower() in common for x, y in diff):
        return other
    return None


# --- a stray token after a value ------------------------------------------------------------------

_STRAY_MAX = 2  # letters: a speck of a degraded page OCR read as a short word ("Y", "Si")


def stray_tail(value: str, words: frozenset[str]) -> str | None:
    """A value of a closed vocabulary (a museum object's name, its material) whose every word is a word of
    that vocabulary but the last, a token of one or two letters that is none, capitalised after a word in lower
    case: the last is a speck OCR read as letters at the cell's end ("Song mây Y", "Ống điếu Si"), and the
    value is the words before it. None when
    there is no such token (a value the vocabulary does not explain before it says nothing of its end)."""
    parts = value.split()
    if len(parts) < 2:
        return None
    last = parts[-1].strip(",.;:!?()\"'`-–")
    if not last.isalpha() or len(last) > _STRAY_MAX or nfc(last).lower() in words:
        return None
    if not (last[:1].isupper() and parts[-2][:1].islower()):
        return None  # a phrase in sentence case capitalises no short word at its end; a small word is a word
    head = [p.strip(",.;:!?()\"'`-–") for p in parts[:-1]]
    if not all(h and nfc(h).lower() in words for h in head):
        return None
    return " ".join(parts[:-1]).rstrip(",;:-– ")
