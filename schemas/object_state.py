"""The state an object is in, as a museum card's condition writes it: a short phrase naming a damage or its absence.

A card's condition and its description are both free text, so when neither label is read the record-wide
decoding (``assign``) cannot tell them apart by kind: the condition then scores barely above the description and
is listed, unplaced. What tells them apart is the language's closed class of words for the state of a made thing:
how it broke (nứt, vỡ, gãy, sứt, mẻ, rạn), how it wore (mờ, phai, bạc màu, ố, mốc, gỉ, mục, mọt, bong, tróc,
xước) or that it did not (nguyên vẹn). These are the damage words of the condition section of the museum
lexicon (``data/museum_words.txt``) and the crazing of a glaze ("rạn") and fading of an ink ("mờ"), less the
section's general words (còn, tốt, khá, nhẹ, ở, phần, mất, thiếu), which any description uses. A description
may name a damage too, but it runs on over the object's shape and decoration: a state is said in a few words.
"""

from __future__ import annotations

import re

from sohoa.text import nfc

# one syllable each: the damage or wear a syllable alone names
STATE_SYLLABLES = frozenset({
    "nứt", "vỡ", "gãy", "sứt", "mẻ", "rạn", "rách", "thủng", "móp", "méo", "cong", "vênh", "hỏng",
    "mờ", "phai", "ố", "mốc", "gỉ", "rỉ", "mục", "mọt", "bong", "tróc", "xước", "trầy",
})
# two syllables that name a state together, each too general alone ("nguyên" a dynasty, "màu" a colour)
STATE_PAIRS = frozenset({"nguyên vẹn", "bạc màu", "biến dạng"})
# a condition is said in a few words; a description of eight words and more is the object's, whatever it names
MAX_WORDS = 7


def names_a_state(value: str) -> bool:
    """Whether ``value`` is a short phrase naming the state of an object ("Nứt ở miệng", "Nguyên vẹn",
    "Gãy một chân, gỉ nhẹ"): at most ``MAX_WORDS`` words, one a state's syllable or two a state's pair."""
    words = re.findall(r"\w+", nfc(value).lower())
    if not words or len(words) > MAX_WORDS:
        return False
    if any(w in STATE_SYLLABLES for w in words):
        return True
    return any(f"{a} {b}" in STATE_PAIRS for a, b in zip(words, words[1:]))
