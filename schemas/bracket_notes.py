"""Notes in brackets a form prints in its labels ("Họ tên (viết bằng chữ in hoa)", "Sinh năm (ghi đủ chữ số)",
"NĂM SINH (DƯƠNG LỊCH)"): a note says how to write the value and is the label's whatever its words, so whether a
run of words reads as a label, or holds a value's digits, is said by the words outside it (``matching``,
``cells``, ``value_audit``)."""

from __future__ import annotations

from .layout import Tok


def in_note(toks: list[Tok], start: int, e: int) -> bool:
    """``toks[e]`` is inside a note in brackets that opens after ``start`` ("NĂM SINH (DƯƠNG LỊCH) …:"): the
    brackets are counted from ``start`` on, a closing one read through the colon or stop after it."""
    depth = 0
    for t in toks[start:e + 1]:
        if t.text.startswith("("):
            depth += 1
        if depth and t is toks[e]:
            return True
        if t.text.rstrip(":.,").endswith(")"):
            depth = max(0, depth - 1)
    return False


def outside_brackets(words: list[Tok]) -> list[Tok]:
    """The words of a label's span outside every bracket opened in it (``in_note``), whatever the bracket holds,
    one left open running to the span's end: whether the span reads as a label is said by those words alone
    (``matching``). Kept apart from ``outside_notes``, which keeps digits in brackets and an unclosed bracket's
    words: read that way, label spans were read differently and the bench's dev fields lost two on seeds 7, 11."""
    return [t for e, t in enumerate(words) if not in_note(words, 0, e)]


def outside_notes(words: list[Tok]) -> list[Tok]:
    """The words outside their notes in brackets, a note being words from one that opens a bracket to one that
    closes it, one of them a word of two letters or more: digits alone in brackets ("(1950)") are a value's,
    not a note, so they count where a run of words is asked whether it holds a value's digits (``cells``,
    ``value_audit``)."""
    out: list[Tok] = []
    k = 0
    while k < len(words):
        end = next((j for j in range(k, len(words)) if words[j].text.endswith(")")), None) \
            if words[k].text.startswith("(") else None
        if end is not None and any(sum(c.isalpha() for c in t.text) >= 2 for t in words[k:end + 1]):
            k = end + 1
            continue
        out.append(words[k])
        k += 1
    return out
