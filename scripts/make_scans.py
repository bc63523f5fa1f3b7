#!/usr/bin/env python3
"""Write synthetic archive scans with ground truth, reproducibly.

    .venv/bin/python scripts/make_scans.py --out bench-out/scans --pages 9 --levels 0,1,2,3 --seed 7

Each page is a form (labels and dotted leaders), a register (ruled columns)
or running prose, in a serif, sans or typewriter-like mono font, at 200 or
300 dpi, degraded at level 0 (clean) to 3 (skew up to 8 deg, quarter turns,
noise, blur, uneven yellowed light, JPEG q55, red/blue stamps, bleed-through,
speckle, scanner border). Beside each image: ``<name>.gt.txt`` (the text a
reader would type, NFC) and one line per page in ``manifest.jsonl``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ocr.synthetic import write_scan  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=Path("bench-out/scans"))
    ap.add_argument("--pages", type=int, default=9, help="pages per level (9 covers every kind x family)")
    ap.add_argument("--levels", default="0,1,2,3")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--dpi", type=int, help="force one resolution (default: 300 at level 0, else 300/200 alternating)")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with open(args.out / "manifest.jsonl", "w", encoding="utf-8") as manifest:
        for level in (int(x) for x in args.levels.split(",")):
            for index in range(args.pages):
                entry = write_scan(args.out, index, level, args.seed, args.dpi)
                manifest.write(json.dumps(entry, ensure_ascii=False) + "\n")
                print(entry["image"], entry["rotation"], entry["skew"], " ".join(entry["effects"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
