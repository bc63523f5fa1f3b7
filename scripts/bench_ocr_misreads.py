#!/usr/bin/env python3
"""What OCR misread in the values of the seen and dev forms, by kind: the part of the extraction benchmark's
ceiling that is the OCR stage's.

For every value printed as written (names, places, numbers: ``bench_extract.as_written``) of the seen and dev
splits' documents, the page's words (from the same OCR cache the extraction benchmark keeps) are searched for
the value word for word, case and marks kept. A value not found is set beside the run of OCR words most like
it, and each word that differs is named by kind (``misread_kind``):

- ``digits``: a word holding digits read with other digits or letters ("1965" as "1985", "11" as "I1");
- ``roman``: a roman numeral read as another ("XVII" as "XVI");
- ``marks``: the same letters with other tone or vowel marks ("Chi" as "Chỉ", "khảm" as "khẩm");
- ``case``: the same word in another case ("CHA" as "CHa");
- ``joined`` / ``split``: words run together or cut apart;
- ``letters``: other letters;
- ``elsewhere``: no run of words on the page is close to the value, or a word of it is missing or stands
  beside unlike words (read in another order, cut by the layout, or not read at all): not a misread of
  letters, and left to the layout's measures.

A date or a year (kept as ISO by the truth, printed in one of several ways) counts as ``date digits`` when
one of its numbers is not among the numbers of its page.

The unseen split is never read here: its wordings and values are not to be studied (docs/benchmarks.md).

    python scripts/bench_ocr_misreads.py --seed 11 --ocr-cache bench-out/ocr-v12-s11 [--levels 0,1] [--list]
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
import unicodedata
from collections import Counter
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_extract as be  # noqa: E402
from forms.grammar import fold  # noqa: E402

SPLITS = ("seen", "dev")  # never "unseen"
KINDS = ("date digits", "digits", "roman", "marks", "case", "joined", "split", "letters", "elsewhere")
# A value whose closest run of OCR words is less alike than this was not read there at all.
MIN_LIKENESS = 0.75
# Words of a value and of that run less alike than this are not one word misread but the value's words in
# another place (a wrapped value beside another column's, a word dropped): ``elsewhere``.
MIN_WORD_LIKENESS = 0.5
_ROMAN = re.compile(r"[IVXLC]+")
ISO_DATE = re.compile(r"\d{4}(-\d{2}){0,2}")


def words_of(text: str) -> list[str]:
    """The words of a text, punctuation around them dropped, case and marks kept (NFC)."""
    return re.findall(r"\w+(?:[./-]\w+)*", unicodedata.normalize("NFC", text))


def misread_kind(want: str, got: str) -> str:
    """The kind of one OCR misread of a printed word (or words) ``want`` read as ``got`` (see the module's list)."""
    if not want or not got or difflib.SequenceMatcher(None, want, got).ratio() < MIN_WORD_LIKENESS:
        return "elsewhere"
    if want.replace(" ", "") == got.replace(" ", ""):
        return "joined" if len(got.split()) < len(want.split()) else "split"
    if any(c.isdigit() for c in want):
        return "digits"
    if _ROMAN.fullmatch(want):
        return "roman"
    if want.lower() == got.lower():
        return "case"
    if fold(want) == fold(got):
        return "marks"
    return "letters"


def misreads(want: str, page_words: list[str]) -> list[tuple[str, str]] | None:
    """``want``'s words that OCR read otherwise, each (printed, read), from the run of ``page_words`` most like
    it; ``[]`` when the value is on the page word for word, ``None`` when no run is close (``elsewhere``)."""
    target = words_of(want)
    n = len(target)
    if not n or any(page_words[i:i + n] == target for i in range(len(page_words) - n + 1)):
        return []
    best, where = 0.0, (0, 0)
    joined = " ".join(target)
    for m in {max(1, n - 1), n, n + 1}:
        for i in range(len(page_words) - m + 1):
            likeness = difflib.SequenceMatcher(None, joined, " ".join(page_words[i:i + m])).ratio()
            if likeness > best:
                best, where = likeness, (i, m)
    if best < MIN_LIKENESS:
        return None
    got = page_words[where[0]:where[0] + where[1]]
    out = []
    for op, a0, a1, b0, b1 in difflib.SequenceMatcher(None, target, got).get_opcodes():
        if op != "equal":
            out.append((" ".join(target[a0:a1]), " ".join(got[b0:b1])))
    return out


def date_misread(value: str, page_words: list[str]) -> bool:
    """Whether a date or year (ISO, as the truth keeps it) lost a number in OCR: its year, month or day is not
    among the numbers of the page's words, however the page writes the date."""
    numbers = {int(n) for w in page_words for n in re.findall(r"\d+", w)}
    return any(int(part) not in numbers for part in value.split("-"))


def document_misreads(args: tuple) -> list[tuple]:
    """(split, level, font, field key, printed, read, kind) for each misread word of one document's values."""
    job, cache = args
    _job, truth, pages, _seconds, _cached = be.ocr_document((job, cache))
    words = [[w for line in d["lines"] for word in line["words"] for w in words_of(word["text"])] for d in pages]
    font = Path(truth["font"]).stem
    rows = []
    one_a_page = truth["layout"] == "bound-register" and len(truth["records"]) == len(pages)
    for n, record in enumerate(truth["records"]):
        page_words = words[n] if one_a_page else [w for page in words for w in page]
        for key, value in record["fields"].items():
            if isinstance(value, str) and ISO_DATE.fullmatch(value):
                if date_misread(value, page_words):
                    rows.append((job[0], job[3], font, key, value, "", "date digits"))
                continue
            if not (be.as_written(key, value) or isinstance(value, str) and value.isdigit()):
                continue  # a choice or a normal form (sex, a relation, a measure), not printed as kept
            found = misreads(value, page_words)
            if found is None:
                rows.append((job[0], job[3], font, key, value, "", "elsewhere"))
            for want, got in found or []:
                rows.append((job[0], job[3], font, key, want, got, misread_kind(want, got)))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--levels", default="0,1,2,3")
    ap.add_argument("--per-type", type=int, default=2)
    ap.add_argument("--registers", default="0", help="levels at which each split also gets the 20-page register")
    ap.add_argument("--ocr-cache", type=Path, help="the extraction benchmark's OCR cache for this seed and OCR code")
    ap.add_argument("--ocr-steps", help="comma-separated OCR preprocessing steps instead of the pipeline's defaults")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--list", action="store_true", help="also print every misread word (seen and dev only)")
    args = ap.parse_args(argv)
    levels = [int(x) for x in args.levels.split(",")]
    steps = tuple(x for x in args.ocr_steps.split(",") if x) if args.ocr_steps is not None else None
    jobs = [(sp, rt, i, lv, args.seed, steps) for sp in SPLITS for lv in levels for rt in be.RECORD_TYPES
            for i in range(args.per_type)]
    jobs += [(sp, "bound_register", 0, int(lv), args.seed, steps) for sp in SPLITS
             for lv in args.registers.split(",") if lv]
    with Pool(max(1, min(args.jobs, 2))) as pool:
        rows = [r for found in pool.map(document_misreads, [(job, args.ocr_cache) for job in jobs], chunksize=1)
                for r in found]
    print(f"seed {args.seed}, levels {args.levels}: words of values kept as written that OCR misread, by kind")
    print()
    print("| split | level | " + " | ".join(KINDS) + " |")
    print("| --- | --- |" + " --- |" * len(KINDS))
    counts = Counter((r[0], r[1], r[6]) for r in rows)
    for sp in SPLITS:
        for lv in levels:
            print(f"| {sp} | {lv} | " + " | ".join(str(counts[(sp, lv, k)]) for k in KINDS) + " |")
    print()
    by_font = Counter((r[2], r[6]) for r in rows if r[6] != "elsewhere")
    print("misreads (not counting elsewhere) by font: " + ", ".join(
        f"{font} {n}" for font, n in Counter({f: sum(v for (ff, _k), v in by_font.items() if ff == f)
                                              for f, _ in by_font}).most_common()))
    if args.list:
        print()
        for sp, lv, font, key, want, got, kind in sorted(rows, key=lambda r: (r[6], r[0], r[1])):
            if kind != "elsewhere":
                print(f"{kind} {sp} L{lv} {font} {key}: {want!r} read {got!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
