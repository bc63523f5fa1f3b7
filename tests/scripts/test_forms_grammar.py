"""The wording grammar of the benchmark forms: every label is role x attribute, the splits never meet,
and no unseen wording occurs in the extractor."""

from __future__ import annotations

import random

import pytest

from forms import grammar as g
from forms.disjoint import extractor_text, occurs, overlaps, unseen_overlap


def _readings() -> dict[str, set[tuple[str, str]]]:
    """Folded surface -> (role, attribute): an attribute alone, attribute + role, attribute "của" role, or
    role first — read off the word lists, not from the generator's ``compose``."""
    out: dict[str, set] = {}
    for role, words in g.ROLES.items():
        for attr, attr_words in g.ATTRIBUTES.items():
            for a in map(g.fold, attr_words["seen"] + attr_words["unseen"] + attr_words["dev"]):
                for r in map(g.fold, words["seen"] + words["unseen"] + words["dev"]):
                    forms = [a] if not r else [f"{a} {r}", f"{a} cua {r}", f"{r} {a}"]
                    for f in forms:
                        out.setdefault(f, set()).add((role, attr))
    return out


READINGS = _readings()


def parse(wording: str) -> set[tuple[str, str]]:
    """Every (role, attribute) the wording reads as."""
    return READINGS.get(g.fold(wording), set())


@pytest.mark.parametrize("split", g.SPLITS)
def test_every_person_wording_parses_into_its_role_and_attribute(split):
    for role in g.ROLES:
        for attr in g.ATTRIBUTES:
            words = g.person_wordings(role, attr, split)
            if split in ("unseen", "dev"):
                assert words, (role, attr)
            for w in words:
                assert (role, attr) in parse(w), (role, attr, w)


def test_parse_tells_roles_and_attributes_apart():
    assert ("mother", "name") in parse("Họ và tên mẹ")
    assert ("father", "name") not in parse("Họ và tên mẹ")
    assert ("mother", "birth_year") not in parse("Họ và tên mẹ")
    assert ("deceased", "dob") in parse("Người quá cố, ngày sinh")
    assert parse("Quan hệ với trẻ") == set()  # a plain phrase, no person attribute


def test_seen_and_unseen_wordings_never_fold_to_the_same_text():
    seen = {g.fold(w) for ws in g.all_wordings("seen").values() for w in ws}
    unseen = {g.fold(w) for ws in g.all_wordings("unseen").values() for w in ws}
    assert seen and unseen
    assert not seen & unseen, sorted(seen & unseen)[:10]


def test_dev_wordings_fold_to_no_seen_and_no_unseen_wording():
    """Counts only: whoever tunes on the dev split reads no unseen word."""
    from forms.disjoint import dev_unseen_overlap
    seen = {g.fold(w) for ws in g.all_wordings("seen").values() for w in ws}
    dev = {g.fold(w) for ws in g.all_wordings("dev").values() for w in ws}
    assert dev and not dev & seen, len(dev & seen)
    n_words, in_unseen, n_values, values_in_unseen = dev_unseen_overlap()
    assert n_words == len(dev) and n_values > 100
    assert (in_unseen, values_in_unseen) == (0, 0)


def test_dev_split_has_templates_and_decoration_of_its_own():
    assert set(g.LAYOUTS["dev"]) - {"inline"} and not (set(g.LAYOUTS["dev"]) - {"inline"}) & set(g.LAYOUTS["unseen"])
    lab = g.Labeler("dev", __import__("random").Random(3))
    assert lab.plain("reg_date").rstrip(" :-") in g.plain_wordings("reg_date", "dev") + \
        [w.upper() for w in g.plain_wordings("reg_date", "dev")]


def test_word_lists_of_a_concept_do_not_share_a_wording_between_splits():
    for table in (g.ROLES, g.ATTRIBUTES, g.PLAIN, g.RELATIVES):
        for concept, parts in table.items():
            both = {g.fold(w) for w in parts["seen"]} & {g.fold(w) for w in parts["unseen"]}
            assert not both - {""}, (concept, both)


def test_seen_wordings_hold_the_contract_wordings():
    assert "Họ, chữ đệm, tên người mẹ" in g.person_wordings("mother", "name", "seen")
    assert "Họ và tên" in g.ATTRIBUTES["name"]["seen"]
    assert "Thông tin người vợ" in g.marker_wordings("wife", "seen")
    assert "Họ và tên mẹ" not in g.person_wordings("mother", "name", "unseen")


def test_the_unseen_order_and_words_make_new_wordings():
    words = g.person_wordings("mother", "name", "unseen")
    assert "Mẹ đẻ, họ tên" in words  # role first, unseen role word
    assert "Họ tên của mẹ" in words  # seen words, unseen order
    assert "Họ tên mẹ" not in words


def test_fold_ignores_case_marks_punctuation_and_normal_form():
    import unicodedata
    assert g.fold("ĐỊA CHỈ:") == g.fold("Dia chi") == "dia chi"
    assert g.fold(unicodedata.normalize("NFD", "Quê quán")) == g.fold("Quê quán")
    assert g.fold("Ngày/tháng/năm sinh") == "ngay thang nam sinh"


def test_strip_marks_keeps_case_and_drops_diacritics():
    assert g.strip_marks("Đơn vị đăng ký") == "Don vi dang ky"


@pytest.mark.parametrize("seed", range(5))
def test_the_unseen_labeler_draws_only_unseen_wordings(seed):
    rng = random.Random(seed)
    lab = g.Labeler("unseen", rng)
    allowed = {g.fold(w) for w in g.person_wordings("father", "residence", "unseen")}
    for _ in range(30):
        assert g.fold(lab.person("father", "residence")) in allowed
        assert g.fold(lab.plain("reg_office")) in {g.fold(w) for w in g.PLAIN["reg_office"]["unseen"]}


def test_the_seen_labeler_ends_labels_with_a_colon():
    lab = g.Labeler("seen", random.Random(3))
    assert lab.layout == "inline"
    assert lab.plain("reg_date").endswith(":")


def test_no_unseen_wording_occurs_in_the_extractor():
    n, k, hits = unseen_overlap()
    assert n > 1000
    assert k == 0, "unseen wordings the extractor already holds (move them out of the unseen grammar): " + \
        "; ".join(f"{w!r} in {p}" for _, w, p in hits)


def test_the_overlap_check_finds_a_wording_the_extractor_holds():
    corpus = {"schemas/types/x.json": (False, [g.fold("Họ tên người quá cố"), g.fold("Sinh tại")]),
              "schemas/data/words.txt": (True, [g.fold("đặc điểm")])}
    wordings = {"a": ["Người quá cố"], "b": ["Tại"], "c": ["Đặc điểm"], "d": ["Nơi mất"]}
    hits = overlaps(wordings, corpus)
    assert [(c, w) for c, w, _ in hits] == [("a", "Người quá cố"), ("c", "Đặc điểm")]


def test_a_one_word_wording_occurs_only_as_a_whole_piece():
    assert not occurs("tai", False, ["sinh tai"])
    assert occurs("tai", False, ["tai"])
    assert occurs("nguoi qua co", False, ["ho ten nguoi qua co"])
    assert not occurs("nguoi qua co", True, ["ho ten nguoi qua co"])  # a data list: whole entries only


def test_the_extractor_corpus_is_read_from_schemas():
    corpus = extractor_text()
    assert any(p.startswith("schemas/types/") for p in corpus)
    assert any(p.endswith(".py") for p in corpus)


def test_an_attribute_that_starts_with_a_verb_takes_its_role_first():
    for split in g.SPLITS:
        words = g.person_wordings("child", "pob", split)
        assert not any(g.fold(w).startswith(("sinh tai ", "de tai ", "sanh tai ")) for w in words), words
    assert "Trẻ, đẻ tại" in g.person_wordings("child", "pob", "unseen")
    assert "Mẹ, số CCCD" in g.person_wordings("mother", "personal_id", "unseen")  # the abbreviation keeps its case


def test_every_concept_keeps_a_wording_of_its_own_in_the_unseen_split():
    """When the extractor learns a wording it moves to the seen part; a concept left with no unseen wording
    would make unseen documents print known labels, so the split must be given new ones instead."""
    emptied = [a for a, parts in g.ATTRIBUTES.items() if not parts["unseen"]]
    emptied += [c for c, parts in g.PLAIN.items() if parts["seen"] and not parts["unseen"]]
    emptied += [r for r, parts in g.RELATIVES.items() if not parts["unseen"]]
    assert emptied == []
