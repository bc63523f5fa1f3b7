"""A noun the vocabulary lacks, in the label's case, then an event, right after a label: a clause on the person
the label asks about ("Nơi thường trú nạn nhân bị thương": where the victim who was injured lives), not a value
and a label of its own that a fuzzy match reads ("nhân bị thương" as "Ngày bị thương"); a value written with a
capital stays a value (matching._event_on_a_noun, _no_clause_label; issue 12, part CE). Made-up rows."""

from schemas.layout import Tok
from schemas.loader import label_key, load_schemas
from schemas.matching import find_labels

INVALID = load_schemas()["war_invalid"]


def labels(text: str) -> list[tuple[str, str]]:
    words = text.split()
    toks, x = [], 100
    for k, w in enumerate(words):
        toks.append(Tok(w, label_key(w), 0.95, (x, 100, x + 18 * len(w), 136), 1, line_end=k == len(words) - 1))
        x += 18 * (len(w) + 1)
    return [(" ".join(t.text for t in toks[m.start:m.end]), getattr(m.spec, "key", "-"))
            for m in find_labels(toks, INVALID, None)]


def test_a_clause_on_a_noun_after_a_label_is_the_label_s():
    assert labels("Nơi thường trú nạn nhân bị thương:") == [("Nơi thường trú nạn nhân bị thương:", "residence")]


def test_a_value_with_a_capital_before_an_event_s_label_stays_a_value():
    assert labels("Nơi thường trú: Hà Tĩnh Bị thương ngày:") == [("Nơi thường trú:", "residence"),
                                                                ("Bị thương ngày:", "injury_date")]
