"""A row of captions printed on one OCR line, each over its value: a caption after a column's blank that names a
field read whole is a caption of its own when its first word is no value the label before could hold (a
percentage's or a date's label is followed by no word), not that label's value (matching._caption_of_its_own;
issue 12, part CE). Made-up rows."""

from schemas.layout import Tok
from schemas.loader import label_key, load_schemas
from schemas.matching import find_labels

SCHEMAS = load_schemas()


def row(cells: list[tuple[int, str]]) -> list[Tok]:
    """One OCR line whose cells start at the given x, words 18 px a letter apart."""
    toks = []
    for x, text in cells:
        for word in text.split():
            w = 18 * len(word)
            toks.append(Tok(word, label_key(word), 0.95, (x, 100, x + w, 136), 1))
            x += w + 18
    last = toks[-1]
    toks[-1] = Tok(last.text, last.key, last.confidence, last.bbox, 1, line_end=True)
    return toks


def labels(cells: list[tuple[int, str]], record_type: str) -> list[tuple[str, str]]:
    toks = row(cells)
    return [(" ".join(t.text for t in toks[m.start:m.end]), getattr(m.spec, "key", "-"))
            for m in find_labels(toks, SCHEMAS[record_type], None)]


def test_a_caption_after_a_percentage_s_caption_names_its_own_field():
    got = labels([(100, "Tỷ lệ"), (700, "Hạng thương tật"), (1100, "Quyết định số")], "war_invalid")
    assert got == [("Tỷ lệ", "injury_rate"), ("Hạng thương tật", "grade"), ("Quyết định số", "decision.number")]


def test_a_word_the_label_before_may_hold_stays_its_value():
    # a name's label holds words: what follows it on the row is read as before (the name, then a label)
    got = labels([(100, "Họ và tên"), (500, "Lê Văn Tám"), (1100, "Quyết định số")], "war_invalid")
    assert ("Lê Văn Tám", "grade") not in got and got[0] == ("Họ và tên", "full_name")
