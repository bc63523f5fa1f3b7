"""A date restated in words that no label placed: the words a form writes a date out in ("ngày mồng hai tháng bảy
năm một nghìn chín trăm chín mươi mốt") wrap in a narrow column, and the reader then lists their pieces as pairs
no label placed ("Viết thành chữ: ngày mồng hai tháng bảy năm một" / "nghìn chín trăm chín mươi mốt"). Read
together they are the date's second reading, as under the label the type lists for it (``schemas/checks.py``):
they agree with the date in digits, say less than it (a year cut short), or disagree.

Pure functions over the record's unplaced pairs (``{"label", "value", …}`` dicts, in reading order)."""

from __future__ import annotations

import re

from sohoa.number_words import NUMBER_WORDS
from sohoa.text import fold

# the words of a date written out: the number words, and "ngày", "tháng", "năm", "mồng"/"mùng" (folded)
DATE_WORDS = NUMBER_WORDS | {"ngay", "thang", "nam", "mong", "mung"}
_WORD = re.compile(r"\w+")


def date_words(text: str | None) -> list[str] | None:
    """The folded words of ``text`` when every one is a word of a date written out; None otherwise."""
    words = _WORD.findall(fold(text or ""))
    return words if words and all(w in DATE_WORDS for w in words) else None


def unplaced_date_words(unmapped: list[dict]) -> tuple[str, list[int]] | None:
    """The date in words the unplaced pairs hold, and which pairs hold it: the first pair whose value (with its
    label when that is date words too) opens with "ngày" (or "tháng": the day read with another pair), then each
    pair right after it that holds nothing but date words. None when no pair opens such a date."""
    for k, u in enumerate(unmapped):
        value = date_words(u.get("value"))
        if not value:
            continue
        label = date_words(u.get("label"))
        first = (label or []) + value
        if first[0] not in ("ngay", "thang"):
            continue
        words, taken = list(first), [k]
        for j in range(k + 1, len(unmapped)):
            nxt = unmapped[j]
            more = date_words(nxt.get("value"))
            label = date_words(nxt.get("label")) if nxt.get("label") else []
            if not more or label is None or "ngay" in (label + more):
                break
            words += label + more
            taken.append(j)
        return " ".join(words), taken
    return None
