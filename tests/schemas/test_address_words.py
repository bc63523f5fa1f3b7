"""A word of address ("đồng chí", comrade) is a person's title, as "ông" or "anh" is (issue 12): alone it names
the one person a form calls so; beside another person's word it is that person's title and names no one of its
own (labels._meaning, label_words.json "address_words"). Made-up labels."""

from schemas.labels import meaning, resolve
from schemas.loader import load_schemas

SCHEMAS = load_schemas()


def keys(label: str, kind: str) -> list[str]:
    got = resolve(label, SCHEMAS[kind])
    return [s.key for s in got.specs] if got else []


def test_a_title_before_another_persons_word_is_that_persons():
    assert meaning("Ngày sinh đồng chí bệnh binh").roles == {"invalid"}
    assert keys("Ngày sinh đồng chí bệnh binh", "war_invalid") == ["date_of_birth"]
    assert keys("Nơi thường trú đồng chí bệnh binh", "war_invalid") == ["residence"]


def test_a_title_after_a_relatives_word_names_whose_relative():
    assert meaning("Họ và tên mẹ đồng chí").roles == {"mother"}


def test_a_title_alone_still_names_its_person():
    assert meaning("Đồng chí").roles == {"martyr"}
    assert keys("Họ và tên đồng chí", "martyr") == ["full_name"]
