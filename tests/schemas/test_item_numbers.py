"""Items of a form numbered before their labels (schemas/layout.mark_item_numbers): the enumerator, whatever its
shape ("1.", "a)", "(2)", "3/"), is no word of a label or a value, at a row's start and, when it is a number or
closed by a bracket, where a second column of items starts on the row."""

from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.layout import Row, Tok, is_item_number, mark_item_numbers, opens_item_column
from schemas.loader import label_key


def row(*runs: tuple[int, str]) -> Row:
    out = []
    for x, text in runs:
        for w in text.split():
            out.append(Tok(w, label_key(w), 0.95, (x, 0, x + 18 * len(w), 36), 1))
            x += 18 * (len(w) + 1)
    return Row(out, 1)


def test_the_shapes_of_an_enumerator():
    for text in ("1.", "12)", "a)", "IV.", "(3)", "4/", "II/"):
        assert is_item_number(text), text
    for text in ("12", "1/2", "(12a)", "Số", "10/1974"):
        assert not is_item_number(text), text


def test_an_enumerator_that_opens_a_second_column_of_items_is_no_word_of_the_value_before_it():
    r = row((100, "(1) Số: 12"), (800, "(2) Quyển số: 03"))
    mark_item_numbers(r)
    assert [t.text for t in r.toks if t.leader] == ["(1)", "(2)"]
    # an enumerator's shape inside a value, a word blank from the words before it, is the value's
    r = row((100, "Nơi ở: thôn 4/ xã Yên"))
    mark_item_numbers(r)
    assert [t.text for t in r.toks if t.leader] == []
    # a letter closed by a dot inside a row is written as a name's initial or an abbreviation is
    assert opens_item_column("b)") and opens_item_column("3.") and not opens_item_column("V.")
    r = row((100, "1. Bút danh: Lê"), (800, "V. Thanh Hà"))
    mark_item_numbers(r)
    assert [t.text for t in r.toks if t.leader] == ["1."]
    # numbers of columns alone on a table's row are no items' (no word after them)
    r = row((100, "(1)"), (400, "(2)"), (700, "(3)"))
    mark_item_numbers(r)
    assert [t.text for t in r.toks if t.leader] == ["(1)"]


def test_a_registration_number_read_without_the_next_items_enumerator():
    for first, second in (("(1)", "(2)"), ("1/", "2/"), ("a)", "b)")):
        rows = ["GIẤY KHAI SINH", [(100, f"{first} Số: 27"), (800, f"{second} Quyển số: 01/2001")],
                f"{'(3)' if first == '(1)' else '3/' if first == '1/' else 'c)'} Họ và tên: Lê Văn An"]
        got = flatten_fields(extract_records([page(rows)], "hotich/")[0])
        assert got.get("registration.number") == "27", (first, got)
        assert got.get("registration.book") == "01/2001"
        assert got.get("full_name") == "Lê Văn An"


def test_an_unlisted_label_after_an_item_number_keeps_its_value_on_the_row():
    # a label no list holds, its value after it with nothing between: read alike with or without the item's number
    # before it (the number is no word of the label, and a digit first would make the row a value whole)
    for enumerator in ("", "1. ", "(1) ", "a) "):
        rows = ["GIẤY KHAI SINH", f"{enumerator}Xxx yyy 27", "Quyển số: 01/2001", "Họ và tên: Lê Văn An",
                "Ngày sinh: 12/03/2001"]
        got = flatten_fields(extract_records([page(rows)], "hotich/")[0])
        assert got.get("registration.number") == "27", (enumerator, got)
