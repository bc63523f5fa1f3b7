"""Does any unseen wording occur in the extractor? The check that keeps the unseen split honest.

It also checks the dev split against the unseen one (``dev_unseen_overlap``): no dev wording may fold to an
unseen wording and no dev value may be an unseen value, or tuning on dev would tune on the test. That check
prints counts only, never a word.

Every file under ``schemas/`` is cut into pieces and each piece folded the way
labels are compared — NFC, lower case, no diacritics, ``đ`` as ``d``, letters
and digits only. Code and record-type JSON are cut at quotes, comment signs
and line ends (so one string literal, one comment line is a piece: two labels
side by side in a list do not make a phrase together); a data list (``.txt``)
is cut into its entries (lines). An unseen label wording (or section heading)
*occurs* when it is a whole entry of a data list, or, in code and JSON, a
whole-word phrase inside a piece — a one-word wording only when it is the
whole piece, as a one-word label stands alone ("Tại" as a label is not known
from "Sinh tại"; a list of name syllables holding "giới" is no label "Giới";
a label list holding "Nơi ở" is). A hit means the
extractor already knows that wording, so the split would measure recall of
its own lists again: the wording must leave the unseen grammar (or the
extractor must learn it by a rule, not by listing it).

    .venv/bin/python scripts/forms/disjoint.py        # lists the hits, exit 1 when there are any
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from forms.grammar import all_wordings, fold  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "schemas"
SOURCE_SUFFIXES = {".py", ".json", ".txt", ".yaml", ".yml", ".csv", ".tsv"}


DATA_SUFFIXES = {".txt", ".csv", ".tsv"}


def pieces(text: str, data: bool) -> list[str]:
    """Folded pieces of a file: entries of a data list, else string literals / comments / lines of code."""
    if data:
        raw = [ln for ln in text.splitlines() if not ln.lstrip().startswith("#")]
        raw = [e for ln in raw for e in re.split(r"[,;\t]", ln)] if any("," in ln for ln in raw) else raw
    else:
        raw = re.split(r"[\"'#\n]", text)
    return [f for f in (fold(r) for r in raw) if f]


def extractor_text(root: Path = SCHEMAS) -> dict[str, tuple[bool, list[str]]]:
    """(is a data list, folded pieces) of every source and data file of the extractor, by path."""
    out = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in SOURCE_SUFFIXES and "__pycache__" not in path.parts:
            data = path.suffix in DATA_SUFFIXES
            out[str(path.relative_to(root.parent))] = (data, pieces(path.read_text(encoding="utf-8", errors="replace"), data))
    return out


def occurs(key: str, data: bool, parts: list[str] | "Pieces") -> bool:
    """Whether the folded wording ``key`` occurs among a file's pieces (see the module doc)."""
    pieces_ = parts if isinstance(parts, Pieces) else Pieces(parts)
    if data or " " not in key:
        return key in pieces_.whole
    return f" {key} " in pieces_.joined


class Pieces:
    """A file's pieces, indexed for the two kinds of look-up (a phrase cannot span two pieces: none holds a newline)."""

    def __init__(self, parts: list[str]):
        self.whole = set(parts)
        self.joined = "\n".join(f" {p} " for p in parts)


def overlaps(wordings: dict[str, list[str]], corpus: dict[str, tuple[bool, list[str]]]) -> list[tuple[str, str, str]]:
    """(concept, wording, file) for every wording whose folded form occurs in the extractor (see module doc)."""
    hits = []
    indexed = {path: (data, Pieces(parts)) for path, (data, parts) in corpus.items()}
    for concept, words in wordings.items():
        for w in words:
            key = fold(w)
            if not key:
                continue
            for path, (data, parts) in indexed.items():
                if occurs(key, data, parts):
                    hits.append((concept, w, path))
                    break
    return hits


def unseen_overlap(root: Path = SCHEMAS) -> tuple[int, int, list[tuple[str, str, str]]]:
    """(unseen wordings checked, how many occur in the extractor, the hits)."""
    wordings = all_wordings("unseen")
    hits = overlaps(wordings, extractor_text(root))
    return sum(len(v) for v in wordings.values()), len(hits), hits


def unseen_values() -> dict[str, list[str]]:
    """The unseen split's own value pools (whole entries: a surname, a commune, a material …)."""
    from forms import values as v
    pools = {name: list(getattr(v, name)) for name in dir(v) if name.startswith("UNSEEN_") and name != "UNSEEN_PROVINCES"}
    pools["UNSEEN_PROVINCES"] = [p[0] for p in v.UNSEEN_PROVINCES]
    pools["UNSEEN_DISTRICTS"] = [d for p in v.UNSEEN_PROVINCES for d in p[2]]
    pools["UNSEEN_COMMUNES"] = [c for p in v.UNSEEN_PROVINCES for c in p[3]]
    return pools


def value_overlap(root: Path = SCHEMAS) -> tuple[int, list[tuple[str, str, str]]]:
    """Unseen pool entries that are whole entries of the extractor's data lists (informative: the contract's own
    vocabularies, such as the 54 ethnic groups or common materials, are fair knowledge for an extractor)."""
    corpus = {p: (True, parts) for p, (data, parts) in extractor_text(root).items() if data}
    pools = {k: sorted(set(v)) for k, v in unseen_values().items()}
    return sum(len(v) for v in pools.values()), overlaps(pools, corpus)


def dev_values() -> list[str]:
    """The dev split's own value pools (forms/dev_words.py), whole entries."""
    from forms import dev_words as d
    out = [x for name in ("SURNAMES", "MIDDLE_M", "MIDDLE_F", "GIVEN_M", "GIVEN_F", "ETHNIC", "FRONTS", "CAUSES",
                          "RANKS", "POSITIONS", "OBJECTS", "MATERIALS", "CONDITIONS", "OTHER_NAMES", "OBJECT_CLASSES",
                          "TECHNIQUES", "COLOURS", "ORIGINS") for x in getattr(d, name)]
    out += [x for p in d.PROVINCES for x in (p[0], *p[2], *p[3])]
    return sorted({x for x in out if x != "Kinh"})  # the majority group is every split's


def dev_unseen_overlap() -> tuple[int, int, int, int]:
    """(dev wordings, how many fold to an unseen wording, dev value entries, how many are unseen values): counts
    only, so that whoever runs it while tuning on the dev split reads no unseen word."""
    unseen = {fold(w) for ws in all_wordings("unseen").values() for w in ws}
    dev = {fold(w) for ws in all_wordings("dev").values() for w in ws}
    unseen_vals = {fold(x) for xs in unseen_values().values() for x in xs}
    vals = {fold(x) for x in dev_values()}
    return len(dev), len(dev & unseen), len(vals), len(vals & unseen_vals)


def main() -> int:
    nd, kd, ndv, kdv = dev_unseen_overlap()
    print(f"dev wordings: {nd}; folded equal to an unseen wording: {kd}; "
          f"dev value-pool entries: {ndv}; equal to an unseen value: {kdv}")
    n, k, hits = unseen_overlap()
    for concept, wording, path in hits:
        print(f"{concept}: {wording!r} occurs in {path}")
    print(f"unseen wordings: {n}; found in schemas/ (code or data): {k}")
    nv, vhits = value_overlap()
    for pool, value, path in vhits:
        print(f"value {pool}: {value!r} is an entry of {path}")
    print(f"unseen value-pool entries: {nv}; entries of schemas/data lists: {len(vhits)}")
    return 1 if k or kd or kdv else 0


if __name__ == "__main__":
    raise SystemExit(main())
