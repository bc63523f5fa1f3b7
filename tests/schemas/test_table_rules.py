"""A ruled table's line that OCR read as an opening square bracket, where the page's other rows read it as ``|``, is
the rule (schemas/table_rules.py, cut apart in ``layout.build_rows``): it neither stays in a value nor opens a
label."""

from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.layout import TABLE_RULE, build_rows
from schemas.table_rules import rule_columns, rule_read_as_bracket


def ruled(label, value, rule="| "):
    """One row of a two-column ruled table: the label's cell from x=100, the value's from x=700."""
    return [(100, label), (700, rule + value + " |")]


def test_the_lines_of_a_page_are_where_rules_repeat():
    assert rule_columns([100, 102, 99, 700, 701, 703, 1300]) == [100, 701]
    assert rule_columns([100, 700]) == []  # two rules at one x say no line runs down the page


def test_a_bracket_is_a_rule_only_where_a_line_runs_and_when_nothing_closes_it():
    assert rule_read_as_bracket("[Dân", 103, [100, 700])
    assert rule_read_as_bracket("[", 698, [100, 700])
    assert not rule_read_as_bracket("[Dân", 300, [100, 700])  # no line there
    assert not rule_read_as_bracket("[ghi]", 100, [100, 700])  # a bracket the text closes is the text's
    assert not rule_read_as_bracket("Dân", 100, [100, 700])


def test_a_rule_read_as_a_bracket_is_cut_from_its_word():
    rows = build_rows(page([ruled("| Họ và tên", "Trần Văn An"), ruled("| Ngày sinh", "05/03/1990"),
                            ruled("[Giới tính", "Nam", "["), ruled("| Quê quán", "Hà Nội [cũ"), ruled("[ Dân tộc", "Kinh")]))
    texts = [[t.text for t in r.toks] for r in rows]
    assert texts[2] == [TABLE_RULE, "Giới", "tính", TABLE_RULE, "Nam", TABLE_RULE]
    assert texts[4][:2] == [TABLE_RULE, "Dân"]
    assert "[cũ" in texts[3]  # a bracket inside a value, where no line runs, is left as read
    assert all(t.leader for r in rows for t in r.toks if t.text == TABLE_RULE)


def test_values_after_a_rule_read_as_a_bracket_are_read_without_it():
    rows = ["GIẤY KHAI SINH", ruled("| Họ và tên", "Trần Văn An"), ruled("| Ngày sinh", "05/03/1990"),
            ruled("[Giới tính", "Nam", "["), ruled("| Dân tộc", "Kinh"), ruled("| Quốc tịch", "Việt Nam", "["),
            ruled("[Nơi sinh", "xã An Bình, huyện Yên Lạc, tỉnh Vĩnh Phúc", "[")]
    fields = flatten_fields(extract_records([page(rows)], "hotich/")[0])
    assert fields["nationality"] == "Việt Nam"
    assert fields["place_of_birth"] == "xã An Bình, huyện Yên Lạc, tỉnh Vĩnh Phúc"
    assert fields["sex"] == "male"


def labels_of(text):
    from schemas.loader import load_schemas
    from schemas.matching import find_labels
    toks = build_rows(page([text]))[0].toks
    return [(m.spec.key, m.start, m.end) for m in find_labels(toks, load_schemas()["birth"], None)]


def test_the_line_after_a_label_ends_it_as_a_colon_does():
    # a long label whose cell's line comes right after its last word, with no wide blank: read whole, up to the line
    assert labels_of("| Nơi thường trú hiện nay của người cha | xã An Bình, huyện Yên Lạc, tỉnh Vĩnh Phúc |") == [
        ("father.residence", 1, 9)]
    # a value's cell before the next line stays a value
    assert labels_of("| Dân tộc | Kinh |") == [("ethnicity", 1, 3)]
