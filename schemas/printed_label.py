"""Words beside a label that are the form's own print, not a value: the next column's label on a row of headings
("Nguyên nhân chết   Danh tính người đứng khai", two headings OCR read as one line), or a label in capitals read
where a value should be ("NƠI CẤT GIỮ" as a condition).

Words are print when, read as a label (``labels.resolve``: the vocabulary's meaning of words, no list of whole
labels), they name a field of the type and ask something, most of them are words labels are made of
(``labels.is_label_word``), and nothing in them has the look of a value: no digit, no place or country or group
the value lists know (``value_kind.value_kind``), no name written as one, no set phrase of the field's own list. The
reader then looks for the value under the label, as for a label with nothing beside it, and lists the print as a
label read with no value (docs/extraction.md, step 5).
"""

from __future__ import annotations

from sohoa.text import fold

from .bracket_notes import in_notes
from .label_edges import bare_word, fits_kind
from .labels import field_meanings, is_label_word, meaning, resolve, value_kind
from .layout import Tok
from .loader import FieldSpec, Schema
from .matching import LABEL_MAX_WORDS_ENDED
from .normalize import normalise
from .vocab import vocabulary_phrases

# kinds whose values are free words or digits; a closed value (a sex, a group, a date in words) is read by its own
# normaliser, and a date in words ("tháng ba năm …") is made of label words: words beside a closed field's label are
# print only when its normaliser reads nothing in them, and only for a word chosen from a closed list (a date, a
# time or a measure under its label may be read from the row below by its own rules, which print must not pre-empt)
FREE_KINDS = frozenset({"text", "name", "place", "number", "id"})
CHOICE_KINDS = frozenset({"ethnicity", "sex", "enum"})
MIN_WORDS = 2  # one word alone ("Tên") may be a value's own ("Năm" of a name): print names what it asks in two or more
# (and holds no more words than a label ended by its border does: a longer run is a sentence, a description's)


def reads_as_print(schema: Schema, spec: FieldSpec, words: list[str]) -> bool:
    """The words read as a label of the type, not as a value of ``spec`` (see the module's docstring)."""
    cores = [bare_word(w) for w in words]
    cores = [c for c in cores if any(ch.isalpha() for ch in c)]
    # (a digit in a bracketed note is the print's own: "(ghi đủ chữ số)" says how to write a year)
    # (a closed field's words are print only when its normaliser reads no value in them: a sex, a group, a date in
    # words, "tháng ba năm …", made of label words, is read; "Danh tính người đứng khai" beside "Dân tộc" is not)
    if spec.kind not in FREE_KINDS | CHOICE_KINDS \
            or spec.kind in CHOICE_KINDS and normalise(spec.kind, " ".join(words), spec.values).ok \
            or not MIN_WORDS <= len(cores) <= LABEL_MAX_WORDS_ENDED \
            or any(ch.isdigit() for w, note in zip(words, in_notes(words)) if not note for ch in w):
        return False
    text = " ".join(cores)
    if fits_kind(spec, words) or value_kind(" ".join(words)) is not None or _own_phrase(spec, text):
        return False
    if ends_in_caption(schema, cores):
        return True
    known = sum(1 for c in cores if is_label_word(c))
    if 2 * known <= len(cores):
        return False
    # it asks something, or names a person other than as a tie does ("Con út", "Anh ruột" are a relation's values)
    said = meaning(text)
    asks = bool(said.attrs) or bool(said.roles) and not spec.key.endswith("relation")
    # … and names another field, with no word of what this field asks: a value often holds a word of its own
    # field's labels ("Bệnh tim" is a cause of death, "Nghĩa trang liệt sĩ Xxx" a burial place, however the rest
    # of its words read), never words that ask for another field alone
    named = resolve(text, schema) if asks and not said.attrs & _asked_by(spec, schema) else None
    return named is not None and spec not in named.specs


def caption_runs(words: list[str]) -> list[list[str]]:
    """The words cut where a word opens with a capital: a form's captions each open with one ("Xxx yyy | Zzz
    www"), a caption's own words after its first in lower case."""
    runs: list[list[str]] = []
    for w in words:
        if not runs or w[:1].isupper():
            runs.append([w])
        else:
            runs[-1].append(w)
    return runs


def ends_in_caption(schema: Schema, words: list[str]) -> bool:
    """Two captions or more side by side, the last a label of the type: the words after its last capital, two or
    more, every one a word labels are made of (``labels.is_label_word``), resolve as a field of the type
    (``labels.resolve``), whichever field, this one too. A value runs on in lower case ("Nghĩa trang liệt sĩ
    xã …") or ends in words of its own (a name, a place: no label words); a row that ends with a whole caption
    after another is the form's row of captions, whatever the words of the captions before it ("Xxx yyy", a
    caption the vocabulary lacks, or one of the field's own). The last caption asks something (a place, a date):
    a person's name alone ends a name of an office as well. Words with no letter ("(cm)", a dash) aside."""
    runs = caption_runs([w for w in words if any(ch.isalpha() for ch in w)])
    if len(runs) < 2 or len(runs[-1]) < 2 or not all(is_label_word(w) for w in runs[-1]):
        return False
    last = " ".join(runs[-1])
    # the caption asks something: words that only name a person ("Thương binh", "Liệt sĩ") end offices' and
    # units' names as well ("Sở Lao động - Thương binh"), capitalised as captions are
    return bool(meaning(last).attrs) and resolve(last, schema) is not None


def _asked_by(spec: FieldSpec, schema: Schema) -> frozenset[str]:
    """What the field's labels ask, by the vocabulary's attributes (a burial place: the burial, a place)."""
    return frozenset(a for fm in field_meanings(schema) if fm.spec.key == spec.key for a in fm.needs)


def opens_capitalised(toks: list[Tok]) -> bool:
    """The first word with letters, quotes and brackets aside, starts with a capital ("“Họ,", "NƠI", "Danh")."""
    first = next((bare_word(t.text) for t in toks if any(c.isalpha() for c in t.text)), "")
    return first[:1].isupper()


def _own_phrase(spec: FieldSpec, text: str) -> bool:
    """The words are one of the set phrases the field's values are made of ("Sưu tầm" is a way of acquisition,
    though its words ask where a thing was found), compared folded: OCR bends marks."""
    if not spec.vocabulary:
        return False
    return fold(text.lower()) in {fold(p) for p in vocabulary_phrases(spec.vocabulary)}
