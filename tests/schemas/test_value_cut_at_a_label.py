"""A value is not cut by what only looks like a label, nor lose a short word that ends a name of its list
(issue 12, part CZ): a body's name after a label is that label's value (``office_row.names_body_at``); a faint short
word that completes a country's or ethnic group's name with the words before it is the name's
(``closed_tail.ends_a_name``). Made-up label words; names and places of the gazetteer and the lists."""

import pytest
from synth import page

from schemas.closed_tail import ends_a_name
from schemas.extract import extract_records, flatten_fields
from schemas.layout import build_rows
from schemas.office_row import names_body_at

OFFICE = "UBND phường Đông Ngạc, quận Bắc Từ Liêm, thành phố Hà Nội"


def _row(text: str):
    return build_rows(page([text], width=2000))[0].toks


def test_a_bodys_name_begins_at_its_head_followed_by_a_level_word():
    toks = _row(f"Cơ quan đăng ký {OFFICE}")
    assert names_body_at(toks, 4)
    assert not names_body_at(toks, 0)  # the label's own first word
    assert not names_body_at(_row("Cơ quan đăng ký UBND"), 4)  # a head alone names no body


def test_a_label_read_at_a_bodys_name_after_another_label_is_dropped():
    from schemas.loader import Label, load_schemas
    from schemas.matching import Match
    from schemas.reader import _no_body_name

    office = next(f for f in load_schemas()["birth"].fields if f.key == "registration.office")
    toks = _row(f"Xxx yyy zzz {OFFICE}")

    def at(start, end, text):
        return Match(start, end, office, Label(text, text.lower(), by_meaning=True), 0.6, 1.0)

    label, head = at(0, 3, "Xxx yyy zzz"), at(3, 4, "UBND")
    assert _no_body_name(toks, [label, head]) == [label]  # the head is the first word of the label's value
    assert _no_body_name(toks[3:], [at(0, 1, "UBND")])  # a row's only label is left to the rules that read it


@pytest.mark.parametrize("kind, key, words, whole", [
    ("ethnicity", "ethnicity", ["Sán", "Dìu"], True),
    ("ethnicity", "mother.ethnicity", ["Ba", "Na"], True),
    ("text", "nationality", ["Việt", "Nam"], True),
    ("ethnicity", "ethnicity", ["Kinh", "ụ"], False),  # a name, then a speck: no longer name
    ("ethnicity", "ethnicity", ["Tày"], False),  # one word: nothing after the name to keep
    ("text", "residence", ["Việt", "Nam"], False),  # not a field of a closed list
])
def test_a_last_word_is_a_names_when_the_words_make_one_name_whole(kind, key, words, whole):
    assert ends_a_name(kind, key, words) is whole


def test_a_faint_short_word_ending_an_ethnic_groups_name_is_kept():
    rec = extract_records([page(["GIẤY KHAI SINH", "Họ và tên: Lê Thị Hoa", "Ngày sinh: 02/03/2001",
                                 "Dân tộc: Ba Na@0.4", "Quốc tịch: Việt Nam"])], "hotich/")[0]
    assert flatten_fields(rec)["ethnicity"] == "Ba Na"
