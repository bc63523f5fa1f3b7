"""Where a row's label gives way to its value: which words are the label's, which start the value, and when words
read where a label stands are a value themselves. Pure functions over a row's words (``Tok``), used by the page
reader (``reader.py``) and by the search for a value's rest on the rows below (``value_rest.py``).
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace

from sohoa.text import fold

from .assign import looks_like_name
from .counted_words import count_in_words
from .digit_letters import one_digit_misread
from .fields import GLUED_SPECKS
from .gazetteer import LEVEL_WORDS, NUMBERED_LEVELS, OFFICE_HEADS, is_place, unit_names
from .labels import SELF_NAMING_KINDS, is_label_word, meaning, value_kind
from .layout import Tok, case_turns, cut_at_gaps, text_of
from .matching import UNMAPPED, Match
from .normalize import UNIT_FOLDS
from .repair import bent_numbered_level
from .unit_codes import opens_unit_codes


# words a value may start with in lower case, where a label gives way to its value with no colon: the level
# words of an address ("thị trấn Tất Thắng"), and a unit word before its number ("đội 12, xã …")
# (compared as written: "quán" is no "quận"; a word typed without marks is compared without them)
_PLACE_STARTS = frozenset(w.split()[0] for w in LEVEL_WORDS)


# ("số" is left out: before digits it ends a label far more often — "Quyển số 06" — than it starts an address)
_NUMBERED_STARTS = frozenset(NUMBERED_LEVELS)


# level words of places and of military units, folded: a line may cut one of them in two ("Đại" / "đội 5")
LEVEL_FOLDS = frozenset(fold(w) for w in LEVEL_WORDS) | UNIT_FOLDS


def _is_word_of(word: str, words: frozenset[str]) -> bool:
    lower = unicodedata.normalize("NFC", word.strip(",.;:")).lower()
    return lower in words or fold(lower) == lower and lower in {fold(w) for w in words}


# the level words of more than one word, folded ("thi tran"): a word typed without marks that opens one
_LEVEL_PHRASE_FOLDS = frozenset(fold(w) for w in LEVEL_WORDS if " " in w)


def _opens_place(word: str, nxt: str) -> bool:
    """A word in lower case that opens an address: a level word as written, or one typed without marks that
    folds to one. Unmarked words are common words too ("quan" of "cơ quan", "mối quan hệ"; "ban" of "ủy ban"):
    one that only folds to a level word opens a place when a name follows it in capitals ("quan Ba Đình") or it
    opens a level word of two words ("thi tran"), never before another word in lower case."""
    if not _is_word_of(word, _PLACE_STARTS):
        return False
    lower = unicodedata.normalize("NFC", word.strip(",.;:")).lower()
    if lower in _PLACE_STARTS or not nxt[:1].islower():
        return True
    return fold(f"{lower} {nxt.strip(',.;:')}") in _LEVEL_PHRASE_FOLDS


MAX_LABEL_WORDS = 8


def reads_as_value(label: str) -> bool:
    """Words read where a label stands that are a value themselves: a place the gazetteer knows ("Tuyên Quang",
    the end of an address wrapped onto the next row) or a person's name, with no word the label vocabulary
    reads. Whose they are says nothing about the field of the value after them."""
    text = label.strip(" .,:;")
    if not text:
        return False
    said = meaning(text)
    names = unit_names()
    # (a province's name whose syllables a label also uses, "Bắc" as "bậc", is still the province's)
    return fold(text) in names["province"] | names["district"] and not said.roles \
        or is_place(text) and said.empty or looks_like_name(text) and not said.roles


def row_ended_label(toks: list[Tok], max_words: int) -> list[Tok] | None:
    """A row of label words alone over its value ("Xxx yyy zzz … người được đăng ký khai sinh" / "xã …"): its words
    with the row's end read as the label's colon, as a ruled cell's border is, so a label longer than one read
    from its words alone is read whole. Only a row of a few words, capitalised first, no digit and no colon, none of
    which starts a value (``value_start``: "Nơi ở hiện tại thị trấn Phú Lạc," holds its value's first line), and
    no blank as wide as a column's gap between them (``one_run``); whether its value is below is the caller's to
    say."""
    words = [t for t in toks if not t.leader]
    if not words or len(words) > max_words or not words[0].text.lstrip("\"'“‘(")[:1].isupper() \
            or any(c.isdigit() for t in words for c in t.text) or any(t.colon for t in words) \
            or value_start(words) is not None or not one_run(words):
        return None
    last = words[-1]
    return [replace(t, text=t.text + ":") if t is last else t for t in toks]


def one_run(words: list[Tok]) -> bool:
    """The words run on with no blank as wide as a column's gap between two of them (``layout.cut_at_gaps``): a
    printed label is set as one run of words. Words after such a blank are another column's, the label's value
    beside it ("Xxx yyy zzz      Www vvv") or the next caption, never the rest of one label: read as its end, the
    value would be lost in the label."""
    height = max((t.bbox[3] - t.bbox[1] for t in words), default=0)
    return len(cut_at_gaps(words, max(height, 1))) == 1


def label_words_only(toks: list[Tok], most: int = MAX_LABEL_WORDS) -> bool:
    """Words that can be a label: a few words (``most``), no digit."""
    words = [t for t in toks if not t.leader]
    return 0 < len(words) <= most and not any(c.isdigit() for t in words for c in t.text)


def turn_of_case(toks: list[Tok], most: int) -> int | None:
    """Where the value starts on a row of words no label rule read, too long for label words alone and with no
    digit: at the first turn of case (``layout.case_turns``, a capital after a word in lower case) with two label
    words at least before it, capitalised first, at most ``most`` ("Xxx yyy zzz … www Em họ": a label nobody
    listed, longer than one read from its words alone, then a value none of whose words says what it is)."""
    words = [t for t in toks if not t.leader]
    if any(c.isdigit() for t in words for c in t.text):
        return None
    for k in range(2, len(words)):
        if case_turns(words[k - 1].text, words[k].text):
            head = words[:k]
            return toks.index(words[k]) if head[0].text[:1].isupper() and label_words_only(head, most) else None
    return None


def label_rest_words(toks: list[Tok]) -> bool:
    """A number's value of words in lower case with no digit: no number is written so (a book's roman numeral is
    in capitals) but a count said in words ("hai chiếc"), they are the rest of a label read in part ("Số: ghi
    sổ"), and the number comes after them."""
    words = [t for t in toks if not t.leader]
    if one_digit_misread([t.text for t in words]):
        return False  # one letter of a digit's shape ("l" for 1): the number itself, misread (``digit_letters``)
    return label_words_only(words) and all(t.text[:1].islower() for t in words) \
        and count_in_words(" ".join(t.text for t in words)) is None


def _starts_value(toks: list[Tok], k: int) -> bool:
    """Does a value start at word ``k``: a digit, a level word of an address, a unit word before its number, a
    unit in its levels' letter codes ("c3, d8, e52": ``unit_codes``), or a capital where the label's case gives way (``layout.case_turns``) that begins a person's name, an office, or
    a value that says what it is (an ethnic group, a country, a sex) to the end of the row?"""
    word = toks[k].text.strip(GLUED_SPECKS)  # "_xã": a stroke glued to the word is no letter of it
    nxt = toks[k + 1].text if k + 1 < len(toks) else ""
    return bool(word[:1].isdigit()
                or opens_unit_codes([t.text for t in toks[k:]])
                or word[:1].islower() and (_opens_place(word, nxt)
                                           or _is_word_of(word, _NUMBERED_STARTS) and nxt[:1].isdigit()
                                           or bent_numbered_level(word, nxt))
                or k > 0 and case_turns(toks[k - 1].text, word) and (
                    looks_like_name(text_of(toks[k:])) or fold(text_of(toks[k:k + 4])).startswith(OFFICE_HEADS)
                    or fold(text_of(toks[k:k + 2])) in UNIT_FOLDS
                    or value_kind(text_of(toks[k:])) in SELF_NAMING_KINDS))


def rest_of_label(toks: list[Tok]) -> bool:
    """Words after a matched wording that end the row with a dash or a colon, all in lower case with no digit:
    the rest of a label read only in part, whose value is on the row below."""
    words = [t for t in toks if not t.leader]
    last = toks[-1] if toks else None
    ended = last is not None and (last.leader and last.text.strip("-–—") == "" or last.text.endswith(":"))
    return bool(words) and ended and all(w.text[:1].islower() for w in words) and label_words_only(words) \
        and len(words) <= 6


def label_run_on(toks: list[Tok]) -> list[Tok]:
    """The rest of a label the matcher read only in part, up to its dash ("Xxx | yyy - phường …", "… với |
    xxx yyy - Con gái"): words in lower case with no digit before a dash that stands alone, at the start of
    the value, are the label's, not the value's. A value's own dash comes after capitalised words ("Sở Lao
    động - Thương binh …")."""
    for k, t in enumerate(toks[:6]):
        if t.text in ("-", "–", "—", "-—") and k > 0 and k + 1 < len(toks):
            head = toks[:k]
            if all(w.text[:1].islower() for w in head) and label_words_only(head):
                return toks[k + 1:]
            return toks
    return toks


def label_tail(toks: list[Tok]) -> list[Tok]:
    """The last words of a label the matcher stopped short of, up to the label's colon ("Tên hiện - vật :
    Chuông đồng", a stray dash inside the label): one to three words in lower case, label words with no digit,
    then a colon standing alone or ending the last of them, at the start of the value, are the label's. So are
    the words that close a bracket the label opened ("Kích thước (C" / "x R x D): 40 x 22 cm"): a value never
    starts by closing a bracket it did not open."""
    closed = _closes_bracket(toks)
    if closed:
        return toks[closed:]
    for k, t in enumerate(toks[:4]):
        if t.text.strip() == ":" or t.colon:
            head = [w for w in toks[:k + 1] if not w.leader]
            if head and all(w.text[:1].islower() for w in head) and label_words_only(head) and k + 1 < len(toks):
                return toks[k + 1:]
            return toks
    return toks


def _closes_bracket(toks: list[Tok], most: int = 6) -> int:
    """How many words at the start of a value close a bracket opened before it: up to the first word holding a
    ")" with no "(" before it in them, no digit among them, at most ``most`` words and a value after them."""
    for k, t in enumerate(toks[:most]):
        if "(" in t.text or any(c.isdigit() for c in t.text):
            return 0
        if ")" in t.text:
            return k + 1 if k + 1 < len(toks) else 0
    return 0


def opens_with_label(toks: list[Tok]) -> bool:
    """The row starts with a few words ending in a colon and a value after them ("Xx. yy: Lái xe"), or is label
    words ending with a dash: a label of its own even when none of its words is known, so the row is no
    continuation of the value above."""
    for k, t in enumerate(toks[:4]):
        if t.colon or t.text.endswith(":"):
            return 0 < k + 1 < len(toks) and label_words_only(toks[:k + 1])
    # label words alone ending with a dash or a colon: a label whose value is on the row below ("Xxx yyy -")
    return len(toks) >= 3 and toks[-1].text in ("-", "–", ":") and label_words_only(toks[:-1])


def qualifies_label(prev: Match, m: Match, toks: list[Tok]) -> bool:
    """A label read by meaning that names a death and nothing of it (no date, place or time word: "đã hy sinh",
    "đã mất"), after another label with only words between them (no digit, no colon), names the person of that
    label by their death ("Năm sinh (dương lịch) chiến sĩ đã hy sinh": the birth year of the one who died), as
    death and martyr papers name their subject: it is part of the label, not a field of its own, and the value
    after it is the first label's. Only a death: birth and registration words ("khai sinh", "đăng ký") head
    labels of their own too often. Only within one run of words: a wide blank (an OCR line's end) between them
    parts two labels of a row whose values stand below them."""
    if not m.label.by_meaning or m.spec is UNMAPPED or prev.end > m.start:
        return False
    if meaning(text_of(toks[m.start:m.end])).attrs != {"death"}:
        return False
    between = toks[prev.end - 1:m.start]  # the first label's last word, for its colon, and the words after it
    if any(t.line_end for t in toks[prev.start:m.start]):
        return False
    return not any(c.isdigit() or c == ":" for t in between for c in t.text)


def value_start(toks: list[Tok]) -> int | None:
    """Where the value starts on a row of label words then a value with nothing between: the first word after
    at least one label word that starts a value (``_starts_value``), with only label words before it. A row
    that starts with an office's name is a value whole."""
    if fold(text_of(toks[:4])).startswith(OFFICE_HEADS) or toks and _starts_value(toks, 0):
        return None
    for k in range(1, len(toks)):
        if not label_words_only(toks[:k]):
            return None
        if _starts_value(toks, k):
            if fold(text_of(toks[k - 1:k + 1])) in UNIT_FOLDS:  # "Đại | đội 6": the unit's name starts a word before
                return k - 1 if k > 1 else None
            if k > 1 and toks[k].text[:1].isdigit() and case_turns(toks[k - 2].text, toks[k - 1].text):
                # "Nơi lưu trữ Kho 2", "VỊ TRÍ Tủ 4": a word in the value's case right before the number is the
                # thing the number counts (a store, a cabinet), the value's first word, though labels use it too
                return k - 1
            return k
    return None


def name_label_run_on(toks: list[Tok], ends_row: bool) -> int:
    """How many words at the start of a person's name are the rest of its label: a name is never written in lower
    case, so two or more words opening in lower case there go on with the label ("Ho ten, | viet in hoa cua tre
    so sinh", the name on the row below) when most of them are words labels are made of, or when they are all
    the words to the row's end (``ends_row``: no other label follows them; before one, words the vocabulary
    lacks may open that label); 0 when they are not so."""
    words = [t for t in toks if not t.leader]
    k = 0
    while k < len(words) and _opens_lower(words[k]):
        k += 1
    if k < 2 or (k < len(words) or not ends_row) and not _mostly_label_words(words[:k]):
        return 0
    return toks.index(words[k - 1]) + 1


def place_label_run_on(toks: list[Tok]) -> int:
    """How many words after a place's label, to its row's end, are the rest of that label: two or more words, every
    one in lower case, most of them words labels are made of and none a level word of an address ("Noi duoc sinh
    ra | cua dua tre", a caption typed without marks, the place on the row below). A place names its unit with a
    capital ("xã Yên Hóa"); a level word alone ("thị trấn") may be an address cut at the line's end, so it stays a
    value. 0 when they are not so."""
    words = [t for t in toks if not t.leader]
    if len(words) < 2 or not all(_opens_lower(t) for t in words) or not _mostly_label_words(words):
        return 0
    folded = [fold(t.text).strip(",.;:") for t in words]
    if any(" ".join(folded[i:i + n]) in LEVEL_FOLDS for n in (1, 2, 3) for i in range(len(folded))):
        return 0
    return len(toks)


def _opens_lower(tok: Tok) -> bool:
    return tok.text[:1].isalpha() and tok.text[:1].islower()


def label_word_tok(tok: Tok) -> bool:
    """The word, the punctuation and brackets around it aside, is one labels are made of (``labels.is_label_word``)."""
    return is_label_word(tok.text.strip(",.;:()"))


def _mostly_label_words(words: list[Tok]) -> bool:
    """More than half the words are words labels are made of."""
    return 2 * sum(1 for t in words if label_word_tok(t)) > len(words)
