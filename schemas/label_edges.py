"""Where a label ends and its value begins, from the words alone: the end of a label left at the start of a
value (``label_head``), a label's first words left at a value's end (``label_tail``), label words in capitals
before a value (``capitals_head``), a value that is itself a label's words (``reads_as_label``), and a date then a
place in one value (``date_then_rest``). The reader and ``fields.Found`` use these; see docs/extraction.md, step 5."""

from __future__ import annotations

import unicodedata

from sohoa.text import fold

from .bracket_notes import in_notes
from .countries import COUNTRY_NAMES
from .labels import is_label_word
from .loader import FieldSpec
from .name_letters import family_name_read_low
from .normalize import LEVEL_WORDS, normalise
from .place_joiners import PLACE_AFTER_DATE
from .value_look import is_military_unit, is_unit_field
from .vocab import SURNAMES, vocabulary

SURNAMES_BY_FOLD: dict[str, list[str]] = {}  # a family name's written forms by its folded form
for _n in sorted(SURNAMES):
    SURNAMES_BY_FOLD.setdefault(fold(_n), []).append(_n)


# --- the end of a label left at the start of a value ---------------------------------------------------

_NOTE_PUNCT = "|()[]{}.,;:\"'“”‘’-–"


def bare_word(word: str) -> str:
    return word.strip(_NOTE_PUNCT)


def _label_styled(word: str) -> bool:
    """A word of the label vocabulary (``labels.is_label_word``), the brackets and punctuation around it aside
    ("(ghi", "|Mẹ")."""
    core = bare_word(word)
    return bool(core) and core.isalpha() and is_label_word(core)


def _label_words_flags(words: list[str], lower_ok: bool = False) -> list[bool]:
    """For each word: it may stand in a label — a word of the label vocabulary, any word of a bracketed note
    ("(dương lịch)", "(ghi rõ)": a label's note on how to fill it in), or punctuation alone (a label's dash);
    with ``lower_ok`` (before a name, which is written with capitals) any word in lower case too."""
    return [note or _label_styled(w) or not any(c.isalnum() for c in w) or lower_ok and bare_word(w)[:1].islower()
            for w, note in zip(words, in_notes(words))]


def name_syllable(word: str) -> bool:
    """A syllable names are made of (``data/name_syllables.txt``, the family names)."""
    from .labels import name_syllables
    return bare_word(word).lower() in name_syllables()


def name_like(words: list[str]) -> bool:
    """Two to five words written as a name's (capital first; all in capitals or none), the first a known
    family name."""
    if any(c in "()[]{}" for w in words for c in w):  # a bracketed note is no part of a name
        return False
    core = [bare_word(w) for w in words]
    one_case = all(w.isupper() for w in core) or not any(w.isupper() and len(w) > 1 for w in core)
    return 2 <= len(core) <= 5 and one_case and all(w.isalpha() and name_cased(w) for w in core) \
        and fold(core[0]) in SURNAMES_BY_FOLD


def date_then_rest(words: list[str]) -> tuple[int, int, bool] | None:
    """Where a value made of a full date and then more words splits: ``(date_end, rest_start, by_place_word)``
    for "22/10/1956 tại Mặt trận …" (the words before ``date_end`` a date that parses whole, ``rest_start``
    past the joining "tại"/"ở", which ``by_place_word`` says was there) or "1950, xã …" (the date ended by a
    comma). None when the value is no date followed by words with letters (the rest of a date, "tháng 3 năm
    1990", or a time after it, is not joined so)."""
    for k in range(1, len(words)):
        head = " ".join(words[:k]).rstrip(" ,;-–")
        parsed = normalise("date", head)
        if not parsed.ok or parsed.quality < 1 or not any(c.isdigit() for c in head):
            continue
        joined = unicodedata.normalize("NFC", words[k]).lower() in PLACE_AFTER_DATE
        start = k + 1 if joined else k
        rest = words[start:]
        if (joined or words[k - 1].endswith((",", ";"))) and rest and any(c.isalpha() for c in rest[0]) \
                and normalise("date", " ".join(words)).value == parsed.value:  # the rest adds nothing to the date
            return k, start, joined
    return None


def _relation_like(words: list[str]) -> bool:
    """One to three words naming a person's tie ("Mẹ", "Cháu ngoại", "Anh ruột")."""
    from .labels import meaning
    if not 1 <= len(words) <= 3:
        return False
    m = meaning(" ".join(bare_word(w) for w in words))
    return bool(m.roles) and not m.attrs and not m.unknown


def fits_kind(spec: FieldSpec, words: list[str]) -> bool:
    """The words have the look of the field's value: a name, a relation, a number (a digit first), a country,
    an ethnic group, an address, a military unit."""
    tail = spec.key.rsplit(".", 1)[-1]
    if tail == "relation":
        return _relation_like(words)
    if spec.kind == "name" and tail != "alias":
        return name_like(words)
    if spec.kind in ("number", "id"):
        return bool(words) and any(c.isdigit() for c in words[0])
    if tail == "nationality":
        return fold(" ".join(bare_word(w) for w in words)) in COUNTRY_NAMES
    if spec.kind == "ethnicity":  # one of the 54 groups, written as its name
        return bool(words) and normalise("ethnicity", " ".join(words)).quality >= 1
    if spec.role == "place":  # an address (an office's place starts with the office's name: "UBND xã …")
        return _address_like(words)
    if is_unit_field(spec):  # a military unit: a level word and its number first ("Đại đội 3, …")
        return is_military_unit(" ".join(words))
    return False


_ADDRESS_LEVELS = frozenset(LEVEL_WORDS)


def _address_like(words: list[str]) -> bool:
    """An address as written: a level word in lower case first ("xã", "thị trấn"), then the unit's name."""
    return any(" ".join(words[:n]) in _ADDRESS_LEVELS and len(words) > n for n in (1, 2, 3))


def _place_head(head: list[str]) -> bool:
    """Words before an address that may be the end of its label: in lower case or in capitals, never Title
    case (a value's own words before the address start with a capital: "Nhà riêng tại xóm 3"), and with no
    comma or digit (those are a value's)."""
    return all(w.isalpha() and (w.islower() or w.isupper()) for w in map(bare_word, head)) \
        and not any(c == "," or c.isdigit() for w in head for c in w)


def _read_label(head: list[str]) -> bool:
    """Words the label vocabulary reads whole, asking for a name or ending with "tại"/"ở" ("Họ tên người làm thủ
    tục khai sinh", "Đăng ký tại"), with no digit or comma: a label's, in whatever case, never a place's own words
    before its units ("Nhà riêng tại", "Trạm y tế": words labels do not use; "Nghĩa trang liệt sĩ": a place)."""
    from .labels import meaning
    if not head or any(not bare_word(w).isalpha() or "," in w for w in head):
        return False
    m = meaning(" ".join(bare_word(w) for w in head))
    # … and it asks for a name (a place is never one) or ends with the word a place follows ("tại", "ở"): a
    # place's own name for itself reads as label words too ("Nghĩa trang liệt sĩ")
    if not m.empty and not m.unknown and ("name" in m.attrs or fold(bare_word(head[-1])) in ("tai", "o")):
        return True
    # a head that opens by asking a person's name ("Họ tên người xxx yyy") is a label whatever words name the
    # person after it: no place's name begins with the words that ask for a name
    opening = meaning(" ".join(bare_word(w) for w in head[:2]))
    return len(head) > 2 and opening.attrs == {"name"} and not opening.unknown and not opening.roles


def _label_head_words(head: list[str], rest: list[str], lower_ok: bool = False) -> bool:
    """Words that read as the end of a label before the value: each a word of labels, and either set in a
    label's style rather than the value's (lower case, a bracketed note, capitals before a value that is not)
    or naming what is asked or whose ("Tên", "Danh tính", "Người mẹ") with no word the vocabulary lacks — a
    name's own first word ("Yên" of "Yên Tường Trâm") does neither."""
    from .labels import meaning
    if not all(_label_words_flags(head, lower_ok)) or not any(_label_styled(w) or "(" in w for w in head):
        return False  # (at least one word of labels, or a bracketed note)
    rest_caps = rest[0].isupper() if rest else False
    m = meaning(" ".join(bare_word(w) for w in head))
    # capitals before a value that is not in capitals mark a label only when the vocabulary reads them: a
    # name begun in capitals on the label's line and wrapped in Title case ("TRẦN" / "Văn Bình") is one value
    caps = not m.empty and any(bare_word(w).isupper() and not rest_caps for w in head)
    styled = caps or any(any(c in "()[]{}|" for c in w) or bare_word(w)[:1].islower() for w in head) \
        or any(c in "|" for c in rest[0][:1])
    return styled or (not m.empty and not m.unknown)


def label_head(spec: FieldSpec, words: list[str]) -> int:
    """How many words at the start of a value are the end of a label the matcher stopped short of ("Danh tính
    Ứng Tự Lượng", "(CHỮ IN HOA) Từ Chí Toại", "VỚI NGƯỜI ĐƯỢC ĐĂNG KÝ KHAI SINH |Mẹ", "THƯƠNG BINH |TB/68800"):
    the fewest leading words that read as a label's (``_label_head_words``) after which the rest has exactly the
    look of the field's value (a name: a family name then given names; a relation word; a number; a country),
    while the whole value has not. Only for fields whose values have such a look; 0 when nothing is cut."""
    if len(words) < 2 or fits_kind(spec, words):
        return 0
    # lower-case words before a name are no part of it ("… đầy đủ cựu chiến binh Lò Chí Kỳ"), known or not
    # and so are words in a label's case before an address ("Địa điểm thu thập xã …": the label read in part)
    # and lower-case words before a country's name, which is written with capitals ("hiện tại xxx Việt Nam")
    lower_ok = spec.kind == "name" or spec.role == "place" or spec.key.rsplit(".", 1)[-1] == "nationality"
    if spec.kind == "name" and (cut := _capitals_before_name(words)):
        return cut
    flags = _label_words_flags(words, lower_ok)
    notes = in_notes(words)
    if spec.role == "place":
        # a label the vocabulary reads whole, in Title case ("Đăng ký tại xã …", "Họ tên người làm thủ tục khai
        # sinh thôn 9, …"), right before the address's first unit
        k = next((k for k in range(1, len(words)) if fits_kind(spec, words[k:])), None)
        if k is not None and _read_label(words[:k]):
            return k
    for k in range(1, len(words)):
        if not flags[k - 1]:
            return 0
        if lower_ok and k > 1 and bare_word(words[k - 1]) in SURNAMES and not notes[k - 1]:
            return 0  # a family name as written after the label's words: the name starts there ("xyz Trần Văn")
        if spec.key.rsplit(".", 1)[-1] == "nationality" and fits_kind(spec, words[k:]) \
                and all(_label_styled(w) for w in words[:k]):
            return k  # a country's name after label words ("HIỆN NAY Việt Nam"): a country is its name alone
        if spec.role == "place":
            if not _place_head(words[:k]):
                return 0
            if fits_kind(spec, words[k:]) and any(_label_styled(w) for w in words[:k]):
                return k  # (its case alone sets it apart: an address's level word is in lower case)
            continue
        if fits_kind(spec, words[k:]) and _label_head_words(words[:k], words[k:], lower_ok):
            if spec.kind == "ethnicity" and any(fits_kind(spec, [w]) for w in words[:k]):
                return 0  # a group's name among the words before: two values read as one, none of them a label
            if spec.kind == "name" and family_name_read_low(words[k - 1], words[k:]):
                return k - 1  # "… của từ mẫu |vi Tường Nguyệt": the last word cut is the name's family name
            return k
    return 0


def _capitals_before_name(words: list[str]) -> int:
    """Words in capitals before a name written in Title case are the end of a label printed in capitals, known
    words or not ("… CHỮ LÓT CỦA NGƯỜI Lê Văn An": a name goes on in its own case); none of them a family name as
    written ("TRẦN Văn An" writes its family name in capitals). How many; 0 when the value is no such pair."""
    k = next((k for k, w in enumerate(words) if not bare_word(w).isupper() and any(c.isalpha() for c in w)), 0)
    head = [bare_word(w) for w in words[:k] if any(c.isalnum() for c in w)]
    if not head or any(not w.isalpha() or w.title() in SURNAMES for w in head) or not name_like(words[k:]):
        return 0
    return k


def label_tail(spec: FieldSpec, words: list[str]) -> int:
    """How many words at the end of a name are the start of the next label ("Hứa Tự Uy NĂM SINH (DƯƠNG
    LỊCH)"): the fewest trailing words that read as a label's (``_label_head_words``: in another case than the
    name, bracketed, or naming what is asked) before which the rest is a name, while the whole is not."""
    if spec.kind == "number" and not spec.code:
        return _number_tail(words)
    if spec.kind != "name" or spec.key.endswith("alias") or len(words) < 3:
        return 0
    if name_like(words):
        return 0
    flags = _label_words_flags(words)
    for j in range(len(words) - 1, 1, -1):
        if not flags[j]:
            break
        if name_like(words[:j]) and _label_head_words(words[j:], words[:j]):
            return len(words) - j
    # a label in capitals after a name in Title case, with words the vocabulary lacks ("Phùng Chí Hưng ĐƯỢC SINH
    # NGÀY NGƯỜI HƯỞNG TRỢ CẤP"): from a word of labels on, every word in capitals is the next label's
    for j in range(2, len(words) - 1):
        tail = [bare_word(w) for w in words[j:] if any(c.isalnum() for c in w)]
        if flags[j] and name_like(words[:j]) and not any(bare_word(w).isupper() for w in words[:j]) \
                and len(tail) >= 2 and all(w.isupper() for w in tail) and _opens_label(tail):
            return len(words) - j
    return 0


def _opens_label(words: list[str]) -> bool:
    """The first two words read as a label's, every syllable known and something asked or someone named
    ("ĐƯỢC SINH", "NƠI Ở"), as a given name in capitals ("AN BÌNH") does not."""
    from .labels import meaning
    m = meaning(" ".join(words[:2]))
    return not m.empty and not m.unknown


def _number_tail(words: list[str]) -> int:
    """How many words after a number ("217 Thuộc", the next label's first word on a row of two pairs) are no
    part of it: words with no digit after the last word that has one, the first of them capitalised as a
    label's first word is. A number of a register, a notice or a decision is written in digits and the codes
    beside them ("53/GBT", "81/QĐ-UBND"), never with a word of its own after it."""
    last = max((i for i, w in enumerate(words) if any(c.isdigit() for c in w)), default=None)
    if last is None or last + 1 >= len(words):
        return 0
    tail = words[last + 1:]
    if _asks_as_print(tail):
        return len(tail)  # "TB/681 TÊN (VIẾT HOA) NGƯỜI …": the next heading, its note in brackets, not a code going on
    first = bare_word(tail[0])
    number = words[last]
    if not number[-1:].isalnum() or first.isupper() and any(c.isalpha() for c in number):
        return 0  # a code going on ("2574/QĐ~ LĐTBXH": a dash read as "~"; "12/QĐ UBND")
    return len(tail) if first[:1].isupper() and first.isalpha() else 0


def _asks_as_print(words: list[str]) -> bool:
    """Two words or more with no digit, most of them the label vocabulary's, asking something or naming someone,
    and holding a bracketed note on how to fill a field in ("TÊN (VIẾT HOA CÓ DẤU) NGƯỜI …"): a form's heading,
    print, never a code's letters."""
    from .labels import meaning
    cores = [bare_word(w) for w in words if bare_word(w)]
    if len(cores) < 2 or any(c.isdigit() for w in words for c in w) or not any(w.startswith("(") for w in words):
        return False
    said = meaning(" ".join(words))
    return 2 * sum(1 for c in cores if c.isalpha() and is_label_word(c)) > len(cores) and bool(said.attrs or said.roles)


def only_label_words(spec: FieldSpec, words: list[str]) -> bool:
    """The value is nothing but words of labels ("Tên Người", "(ghi", a relation "với"): the rest of a label, no
    value, so the field is missing rather than wrong. Only for fields whose values are never label words: a
    person's name (one that reads as a name, a family name first, is kept), a nationality, a relation that
    names nobody in a label's lower case. Ranks, units, offices and places are written in the words labels
    use, and are left alone."""
    from .labels import meaning
    tail = spec.key.rsplit(".", 1)[-1]
    if spec.kind == "name" and tail != "alias" and _lower_case_words(words):
        return True  # a name is written with capitals: words all in lower case are a label's, known or not
    if not words or any(c.isdigit() for w in words for c in w) or not all(_label_styled(w) for w in words):
        return False
    m = meaning(" ".join(bare_word(w) for w in words))
    in_label_style = all(bare_word(w).islower() or any(c in "()[]{}|" for c in w) for w in words)
    if not in_label_style and m.unknown and not (len(words) == 1 and not name_syllable(words[0])):
        return False  # capitalised words the vocabulary does not read ("Văn" of a name whose other words were
        # specks) may be a name's; a lone word no name uses ("ĐẦY") may not
    if tail == "relation":  # a relation is written capitalised ("Anh ruột", "Ba"), a label's "với" is not
        return not m.roles and all(bare_word(w).islower() for w in words)
    if tail == "nationality":
        return True
    if spec.kind != "name" or tail == "alias":
        return False
    # a family name as written first, or a name typed without marks ("nguyen van nam"), is a name
    return not (len(words) >= 2 and (bare_word(words[0]).title() in SURNAMES
                                     or fold(" ".join(words)) == " ".join(words).lower()))


def _lower_case_words(words: list[str]) -> bool:
    """Two words or more, every one in lower case with its marks (at least one word marked: a name typed without
    marks, "nguyen van nam", may be all in lower case) and no digit: "(viết hoa có dấu) hài nhi"."""
    cores = [bare_word(w) for w in words]
    cores = [c for c in cores if c]
    return len(cores) >= 2 and all(c.isalpha() and c.islower() for c in cores) \
        and fold(" ".join(cores)) != " ".join(cores)


def capitals_head(spec: FieldSpec, words: list[str]) -> int:
    """How many words at the start of a value are the end of a label printed in capitals, the value not
    ("CẤU THÀNH Mây tre", "KHI NHẬN Nứt chân đế", "HIỆN VẬT 01"): one to three words in capitals of three letters
    or more, each a word of the label vocabulary, then a word with a capital and lower-case letters, or a digit.
    A value written in capitals goes on in capitals; a name's and an address's own rules come first (``label_head``).
    0 when nothing is cut."""
    if spec.kind == "name" or spec.role == "place" or len(words) < 2:
        return 0
    for k in range(1, min(3, len(words) - 1) + 1):
        word = bare_word(words[k - 1])
        if len(word) < 3 or not word.isalpha() or not word.isupper() or not is_label_word(word):
            return 0
        rest = bare_word(words[k])
        if rest[:1].isdigit() and _capital_words(words[k + 1:]):
            return 0  # "KHO 2, GIÁ 3": the words after the number go on in capitals, the value is in capitals
        if rest[:1].isdigit() or rest[:1].isupper() and any(c.islower() for c in rest):
            return k
    return 0


def _capital_words(words: list[str]) -> bool:
    """Some word of letters among ``words``, every such word in capitals."""
    letters = [bare_word(w) for w in words if bare_word(w).isalpha() and len(bare_word(w)) >= 2]
    return bool(letters) and all(w.isupper() for w in letters)


def reads_as_label(spec: FieldSpec, words: list[str]) -> bool:
    """The value is another label, not a value: words that name what a form asks, with none of the look of this
    field's value. A number with no digit whose words are all the vocabulary's and name an attribute or a person
    ("Sổ đăng ký số", "Họ và tên người làm thủ tục"); a text or a place in capitals of label words alone that ask
    something, none of them the field's own values ("VỊ TRÍ BẢO QUẢN" as a condition); a nationality in lower case, most of its words a label's
    ("hiện tại xxx"); a person's name that does not open with a family name and names an attribute a name never
    says, its label words outnumbering the others ("Năm Sinh … Sắc Tộc Phụ Thân" read in a header's capitals).
    The field stays missing, and the words are listed as a label."""
    from .labels import meaning
    if not words or any(c.isdigit() for w in words for c in w):
        return False
    m = meaning(" ".join(bare_word(w) for w in words))
    if spec.kind in ("number", "id"):
        return not m.unknown and bool(m.attrs or m.roles) and all(bare_word(w) and is_label_word(bare_word(w)) for w in words)
    if spec.key.rsplit(".", 1)[-1] == "nationality":
        if fold(" ".join(bare_word(w) for w in words)) in COUNTRY_NAMES:
            return False
        # a country's name is written with capitals: words in lower case, most of them a label's, are no country
        known = sum(1 for w in words if bare_word(w) and is_label_word(bare_word(w)))
        if all(bare_word(w).isalpha() and bare_word(w).islower() for w in words) and known > len(words) / 2:
            return True
        # … and words in any case that all stand in labels (``is_label_word``: a syllable of the vocabulary's
        # phrases, though ``meaning`` reads no sense from it alone) and ask something other than a country are
        # the next label read where the country should be ("Hiện xxx tại", "Nơi xxx"): every country's name
        # is known above (``countries``), so none needs ``meaning`` to read more of the words than not
        return known == len(words) and bool(m.attrs - {"nationality"})
    if spec.key.endswith("relation") and all(_label_styled(w) for w in words):
        # a tie names a person ("Mẹ", "Anh ruột"): label words naming none that ask something ("Cơ quan cấp",
        # "Nơi đăng ký") are the next label read where the tie should be
        return not m.roles and bool(m.attrs) and not m.unknown
    if spec.kind in ("text", "place"):
        # a line in capitals whose words each stand in labels and together ask something is a heading or a label
        # printed in capitals read where the value should be ("TÊN", "VỊ TRÍ BẢO QUẢN"), unless its words are the
        # field's own values ("KHAI QUẬT" is a way of acquisition): a text or a place written so says something else
        return not m.unknown and bool(m.attrs) and all(_label_styled(w) and bare_word(w).isupper() for w in words) \
            and not _own_words(spec, words)
    if spec.kind != "name" or spec.key.rsplit(".", 1)[-1] == "alias" or len(words) < 4:
        return False
    asks = m.attrs - {"name", "alias"}
    known = sum(1 for w in words if bare_word(w) and is_label_word(bare_word(w)))
    return bool(asks) and bare_word(words[0]).title() not in SURNAMES and known > 2 * len(m.unknown)


def _own_words(spec: FieldSpec, words: list[str]) -> bool:
    """Every word is one of the field's own list of values (``FieldSpec.vocabulary``), folded: OCR bends the marks
    of a value's words as much as a label's ("Hiêñ tặng")."""
    if not spec.vocabulary:
        return False
    return all(fold(bare_word(w)) in _folded_vocabulary(spec.vocabulary) for w in words)


_FOLDED_VOCABULARY: dict[tuple[str, ...], frozenset[str]] = {}


def _folded_vocabulary(names: tuple[str, ...]) -> frozenset[str]:
    if names not in _FOLDED_VOCABULARY:
        _FOLDED_VOCABULARY[names] = frozenset(fold(w) for w in vocabulary(names))
    return _FOLDED_VOCABULARY[names]


def label_asks_day(label: str) -> bool:
    """The label names a day ("Ngày đăng ký", "Sinh ngày"), not only a year ("Năm sinh")."""
    return "ngay" in fold(label).replace(",", " ").split()


def name_cased(word: str) -> bool:
    """Written as a word of a name is: a capital first (Title case or all capitals)."""
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and letters[0].isupper() and (word.isupper() or word[1:] == word[1:].lower())
