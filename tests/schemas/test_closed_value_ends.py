"""A country or an ethnic group is a short name: words after it on its row are the next pair's, run into the value
(a label no list holds and its value). The value stops after the name; the rest is listed as a pair of its own, and a
value read whole that goes on past such a name is never confident."""

import pytest
from synth import page

from schemas.closed_tail import closed_and_tail, runs_past
from schemas.extract import extract_records
from schemas.layout import Tok


def _toks(text):
    return [Tok(w, w.lower(), 0.95, (i * 60, 0, i * 60 + 50, 30), 1) for i, w in enumerate(text.split())]


@pytest.mark.parametrize("kind, key, text, kept", [
    ("text", "nationality", "Việt Nam Đơn vị xác nhận Phòng Tư pháp", "Việt Nam"),
    ("text", "mother.nationality", "Cộng hòa xã hội chủ nghĩa Việt Nam Số hồ sơ 12", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("ethnicity", "ethnicity", "Ê Đê Trình độ học vấn 9/12", "Ê Đê"),
    ("ethnicity", "father.ethnicity", "dân tộc Tày Nghề nghiệp Làm ruộng", "dân tộc Tày"),
])
def test_a_known_name_then_more_words_stops_after_the_name(kind, key, text, kept):
    value, rest = closed_and_tail(kind, key, _toks(text))
    assert " ".join(t.text for t in value) == kept
    assert " ".join(t.text for t in value + rest) == text
    assert runs_past(kind, key, text)


@pytest.mark.parametrize("kind, key, text", [
    ("text", "nationality", "Việt Nam"),
    ("text", "nationality", "Ruritania Đơn vị xác nhận"),  # no country of that name: nothing to cut at
    ("ethnicity", "ethnicity", "Mường"),
    ("text", "residence", "Việt Nam Đơn vị xác nhận"),  # not a country's field
])
def test_a_name_alone_or_an_unknown_one_is_left_whole(kind, key, text):
    assert closed_and_tail(kind, key, _toks(text))[1] == []
    assert not runs_past(kind, key, text)


def test_the_pair_run_into_a_nationality_is_read_on_its_own_and_the_country_kept():
    rec = extract_records([page(["GIẤY KHAI SINH", "Họ và tên: Lê Thị Hoa", "Ngày sinh: 02/03/2001",
                                 "Quốc tịch: Việt Nam Đơn vị xác nhận Phòng Tư pháp huyện Yên Phong"])],
                          "hotich/")[0]
    assert rec["fields"]["nationality"]["value"] == "Việt Nam"
    # the rest is listed for review (where its label ends is the reader's guess), not dropped
    listed = [u for u in rec["unmapped"] if u["label"].startswith("Đơn vị xác nhận")]
    assert listed and (listed[0]["label"] + " " + listed[0]["value"]).endswith("huyện Yên Phong")


def test_a_value_running_past_a_known_name_is_never_confident():
    from schemas.value_evidence import DISAGREES, evidence
    assert evidence("text", "nationality", "Việt Nam Xxx yyy", "Việt Nam Xxx yyy", 1.0) == DISAGREES
    assert evidence("ethnicity", "ethnicity", "Kinh", "Kinh Xxx yyy", 0.8) == DISAGREES
    assert evidence("ethnicity", "ethnicity", "Kinh", "Kinh", 1.0) != DISAGREES


@pytest.mark.parametrize("value, label", [
    ("Hiện thường tại", True),  # label words in Title case, one of them no sense alone ("thường"), asking a place
    ("Nay liên hệ tại", True),
    ("Trung Quốc", False),  # a country's name asks nothing
    ("Cu Ba", False),  # … or names a person by a syllable, never a place or a date
    ("Hoa Kỳ", False),  # … or is as much words no label reads
    ("Việt Nam", False),
])
def test_label_words_in_title_case_read_where_a_country_stands_are_the_next_label(value, label):
    from schemas.label_edges import reads_as_label
    from schemas.loader import load_schemas
    spec = load_schemas()["birth"].by_key["mother.nationality"]
    assert reads_as_label(spec, value.split()) is label
