"""Highlighted snippets, computed from the original text.

Matching happens on folded forms, but people must see the page's own words
with their diacritics. Elasticsearch can only highlight the field that
matched, and our folded field is not what anyone should read, so snippets are
cut here: the page text is split into words, each word is folded the same way
the query was, and the window with the most distinct query words is shown.
"""

from __future__ import annotations

import html
import re

from .analysis import folded_text

_WORD = re.compile(r"\w+", re.UNICODE)


def query_terms(query: str) -> set[str]:
    return {m.group(0) for m in _WORD.finditer(folded_text(query))}


def snippet(text: str, query: str, width: int = 220, pre: str = "<em>", post: str = "</em>",
            escape: bool = False) -> str | None:
    """The best ``width``-character window of ``text`` with query words marked, or None.

    ``escape=True`` HTML-escapes the text around the marks (for web pages).
    """
    terms = query_terms(query)
    if not terms or not text:
        return None
    hits = [(m.start(), m.end(), folded_text(m.group(0))) for m in _WORD.finditer(text)]
    hits = [h for h in hits if h[2] in terms]
    if not hits:
        return None
    # Slide over the matches: the window starting at each match, scored by the
    # number of distinct query words it contains, earliest best window wins.
    best_start, best_score = hits[0][0], 0
    for i, (start, _, _) in enumerate(hits):
        seen = {h[2] for h in hits[i:] if h[1] <= start + width}
        if len(seen) > best_score:
            best_start, best_score = start, len(seen)
    begin = max(0, best_start - width // 4)
    # Start on a word boundary so the snippet does not open with half a word.
    if begin > 0:
        space = text.rfind(" ", 0, begin)
        begin = space + 1 if space >= 0 and begin - space < 30 else begin
    end = min(len(text), begin + width)
    out, pos = [], begin
    wrap = (lambda s: html.escape(s)) if escape else (lambda s: s)
    for start, stop, _ in hits:
        if start < begin or stop > end:
            continue
        out.append(wrap(text[pos:start]))
        out.append(pre + wrap(text[start:stop]) + post)
        pos = stop
    out.append(wrap(text[pos:end]))
    body = "".join(out).replace("\n", " ")
    return ("…" if begin > 0 else "") + body + ("…" if end < len(text) else "")
