"""A label's note that spells its field's choices: "Giới tính (ghi nam hoặc nữ)", "Diện (thương binh, bệnh binh)".

Forms print the closed set of answers in brackets after the label, so the reader knows what to write. When the
label's end is not found before the note, the note comes along at the head of the value, and the first choice
it names ("nam") reads as the answer. The note's words are the label's: the answer is what stands after it.
A note in brackets that names two or more different choices of the field is such a note; one that names a
single choice ("(nữ)") may be the answer itself, written in brackets, and is left as it is.

A form may offer the choices with no brackets too ("Nam hay là nữ", "Nam/Nữ", "trai hoặc gái"): two different
choices joined by nothing but "or" words and separators are a question, never an answer — a value names one
choice. Such an offer is read as a note: the answer is what stands after it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from sohoa.text import nfc

_NOTE = re.compile(r"\(([^()]*)\)")
_WORD = re.compile(r"[^\W_]+")
# words that join the choices a form offers ("nam hay là nữ", "trai hoặc gái"), written with or without marks
JOINERS = frozenset({"hay", "hoặc", "hoac", "là", "la"})


def names_choices(text: str, choices_named: Callable[[str], set[str]]) -> bool:
    """The text names two or more different choices of the field (by ``choices_named``): it offers the field's
    choices, as a label or a label's note does ("nam hay nữ"), and answers none of them."""
    return len(choices_named(text)) >= 2


def after_choices_note(text: str, choices_named: Callable[[str], set[str]]) -> str | None:
    """The text after the first note in brackets that names two or more different choices, by
    ``choices_named`` (the set of choices a piece of text names); ``None`` when ``text`` holds no such note."""
    text = nfc(text)
    for m in _NOTE.finditer(text):
        if names_choices(m.group(1), choices_named):
            return text[m.end():].strip()
    return after_offered_choices(text, choices_named)


def after_offered_choices(text: str, choices_named: Callable[[str], set[str]]) -> str | None:
    """The text after the first run of words that offers two or more different choices joined only by "or"
    words (``JOINERS``) and separators ("Nam hay là nữ", "Nam/Nữ"); ``None`` when there is no such run."""
    words = list(_WORD.finditer(text))
    for i, w in enumerate(words):
        first = choices_named(w.group())
        if len(first) != 1:
            continue
        for v in words[i + 1:]:
            named = choices_named(v.group())
            if named and named != first:
                return text[v.end():].strip(" ,;/-.:")
            if named or v.group().lower() not in JOINERS:
                break
    return None
