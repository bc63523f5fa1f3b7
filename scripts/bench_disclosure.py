#!/usr/bin/env python3
"""What masking at the response boundary costs a viewer's request, beside a clerk's (no masking), in one run.

Times, in-process and without servers, the work the service adds for a role without the right to personal
data: a page of 20 search hits (``auth.mask_record`` per hit, then ``disclose`` over the whole answer as the
middleware does), one record's detail, a page-search answer of 10 snippets, and a redacted page image
(boxes from a page of OCR words, then painting and PNG encoding) beside sending the stored PNG as it is.

    .venv/bin/python scripts/bench_disclosure.py [--repeat 30]
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PIL import Image, ImageDraw  # noqa: E402

from api import auth, page_images  # noqa: E402
from api.disclosure import disclose  # noqa: E402
from indexers.records import derive  # noqa: E402
from indexers.records_search import detail, summary  # noqa: E402
from indexers.synthetic import record_base  # noqa: E402
from ocr.result import Line, PageText, Word  # noqa: E402

PAGE_TEXT = ("GIẤY KHAI SINH Họ, chữ đệm, tên: Nguyễn Văn Đức Ngày, tháng, năm sinh: 15/03/1972 Ghi bằng chữ: ngày "
             "mười lăm tháng ba năm một nghìn chín trăm bảy mươi hai Số định danh cá nhân: 001072004321 Nơi sinh: xã "
             "Đình Bảng, huyện Từ Sơn, tỉnh Bắc Ninh Họ, chữ đệm, tên người mẹ: Trần Thị Lan ") * 3


def median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def ocr_page(lines: int = 40) -> tuple[PageText, bytes]:
    words = PAGE_TEXT.split()
    out, y = [], 60
    image = Image.new("L", (1748, 2480), 255)
    draw = ImageDraw.Draw(image)
    for i in range(lines):
        x, ws = 80, []
        for w in words[(i * 9) % len(words):(i * 9) % len(words) + 9]:
            ws.append(Word(w, 90.0, (x, y, x + 18 * len(w), y + 40)))
            draw.text((x, y), w, fill=0)
            x += 18 * len(w) + 18
        out.append(Line(ws, (80, y, x, y + 40)))
        y += 58
    buf = io.BytesIO()
    image.save(buf, format="PNG", compress_level=1)
    return PageText(page=1, width=1748, height=2480, lines=out), buf.getvalue()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=30)
    args = ap.parse_args()
    sources = [derive(record_base(i, seed=7)) for i in range(20)]
    hits = [{**summary(s), "id": s["record_id"], "score": 1.0, "highlights": []} for s in sources]
    answer = {"total": 20, "hits": hits, "facets": {}, "next_cursor": "c1.x"}
    one = {**detail(sources[0]), "id": sources[0]["record_id"]}
    snippets = {"total": 10, "hits": [{"id": f"p{i}", "snippet": PAGE_TEXT[:220], "key": "hotich/a.pdf"}
                                      for i in range(10)]}
    ocr, png = ocr_page()
    rows = [
        ("search answer, 20 hits",
         lambda: json.dumps([auth.mask_record(h, True) for h in hits]),
         lambda: json.dumps(disclose({**answer, "hits": [auth.mask_record(h, False) for h in hits]}))),
        ("one record's detail",
         lambda: json.dumps(auth.mask_record(one, True)),
         lambda: json.dumps(disclose(auth.mask_record(one, False)))),
        ("page search, 10 snippets", lambda: json.dumps(snippets), lambda: json.dumps(disclose(snippets))),
        ("page image, 40 lines of words", lambda: bytes(png),
         lambda: page_images.redact(png, page_images.redaction_boxes(ocr, one))),
    ]
    print(f"median of {args.repeat} runs, ms        clerk (as is)   viewer (masked)   added")
    for name, clerk, viewer in rows:
        c, v = median_ms(clerk, args.repeat), median_ms(viewer, args.repeat)
        print(f"{name:<34}{c:>12.2f}{v:>17.2f}{v - c:>+9.2f}")


if __name__ == "__main__":
    main()
