"""A caption read whole: a form's label printed over its value (a cell's caption, wrapped over two lines or three
inside its cell: ``cells.wrapped_labels``; a label with nothing beside it on its row) is label to its row's end, so
the field it asks is the one its words name whole, not the one its first words name.

The matcher reads the longest wording it knows at the caption's start ("Họ tên", the deceased's name) and leaves
the rest ("… thường gọi của người làm giấy khai tử"), which names the person the caption is about. When the words
after the wording read name a person and the caption read whole names one other field of the same kind (the
declarant's name, not the deceased's), that field is asked: the value is never given to the wrong person on the
strength of a caption's first words. A caption that ends in a word whose object is cut off ("… của", "… với": "of",
"with", and nobody after it) names nobody yet: its field is read, never confidently.
"""

from __future__ import annotations

from dataclasses import replace

from sohoa.text import fold, nfc

from .labels import OBJECT_MARKERS, meaning, resolve
from .loader import Label, Schema, label_key
from .matching import UNMAPPED, Match

_EDGE = ":.-–— "  # a caption's closing marks, not its words

CUT_CAPTION = "the caption ends in a word whose object is missing (its next line may be lost): whose field it is, unsure"


def ends_cut(words: list[str]) -> bool:
    """The caption's last word asks for an object after it ("của", "với"): the caption goes on past what was
    read, and the person it names is not in its words."""
    last = next((w.strip(_EDGE) for w in reversed(words) if w.strip(_EDGE)), "")
    return fold(last) in OBJECT_MARKERS


def read_whole(m: Match, read: list[str], rest: list[str], schema: Schema, section: str | None) -> Match:
    """``m``, read on a caption as its words ``read``, the caption's words after them to its end ``rest``, as
    the field the caption names whole: another field of the same kind when the rest names a person and the
    whole reads as one such field; with a doubt when the caption ends cut."""
    if m.spec is UNMAPPED:
        return m
    rest = [nfc(w) for w in rest if w.strip(_EDGE)]
    caption = [nfc(w) for w in read if w.strip(_EDGE)] + rest
    out = m
    if rest and meaning(" ".join(rest)).roles:
        text = " ".join(caption).strip(_EDGE)
        r = resolve(text, schema, section)
        if r is not None and len(r.specs) == 1 and r.specs[0].key != m.spec.key and r.specs[0].kind == m.spec.kind:
            out = Match(m.start, m.end, r.specs[0], Label(text, label_key(text), relation=r.relation,
                                                           by_meaning=True, doubt=r.doubt), r.score, m.weight)
    if ends_cut(caption) and not out.label.doubt:
        out = replace(out, label=replace(out.label, doubt=CUT_CAPTION))
    return out
