"""A free text's sentence that goes on onto the next line.

A description printed under its caption starts at the caption's own margin, and so does the next caption: where
the next line starts says nothing. Its first letter does: Vietnamese writes a caption or a label with a capital and
a sentence's next line goes on in lower case ("… vai có" / "bốn núm nhỏ; …"). Pure function over the words'
text and boxes.
"""

from __future__ import annotations

from .layout import Tok

_SENTENCE_END = (".", "!", "?", ":")


def sentence_goes_on(line: list[Tok], below: list[Tok], slack: float) -> bool:
    """``below`` carries ``line``'s sentence on: it starts at ``line``'s margin (within ``slack``) with a word in
    lower case, and ``line`` does not end its sentence."""
    words = [t for t in line if not t.leader]
    after = [t for t in below if not t.leader]
    if not words or not after:
        return False
    if words[-1].text.rstrip().endswith(_SENTENCE_END):
        return False
    first = after[0].text
    return abs(after[0].bbox[0] - words[0].bbox[0]) <= slack and first[:1].isalpha() and first[:1].islower()
