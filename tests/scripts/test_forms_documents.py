"""Documents of the benchmark forms: truth in the field contract's keys, one record per certificate, entry or
dossier, values of the unseen split from its own pools."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

import make_forms as mf
from forms.documents import BUILDERS
from forms import grammar as g
from forms.grammar import Labeler
from forms.render import apply_layout, build_document
from forms.values import UNSEEN_SURNAMES, Values

TYPES_DIR = Path(__file__).resolve().parents[2] / "schemas" / "types"
CONTRACT = {json.loads(p.read_text(encoding="utf-8"))["record_type"]:
            {f["key"] for f in json.loads(p.read_text(encoding="utf-8"))["fields"] if not f.get("internal")}
            for p in TYPES_DIR.glob("*.json")}
CONTRACT["martyr"].add("relatives[].relation")  # in the contract; the schema derives it from the relative's label


def contract_key(key: str) -> str:
    return re.sub(r"\[\d+\]", "[]", key)


def build(split: str, kind: str, index: int = 0):
    rng = random.Random(f"t:{split}:{kind}:{index}")
    builders = BUILDERS[kind]
    return builders[index % len(builders)](Labeler(split, rng), Values(split, rng), rng)


@pytest.mark.parametrize("split", ["seen", "dev", "unseen"])
@pytest.mark.parametrize("kind", [k for k in BUILDERS if k != "bound_register"])
def test_truth_uses_the_contract_keys(split, kind):
    for index in range(len(BUILDERS[kind])):
        doc = build(split, kind, index)
        assert doc.records
        for rec in doc.records:
            assert rec["record_type"] in CONTRACT
            unknown = {contract_key(k) for k in rec["fields"]} - CONTRACT[rec["record_type"]]
            assert not unknown, (kind, index, unknown)


@pytest.mark.parametrize("split", ["seen", "dev", "unseen"])
def test_the_bound_register_holds_one_certificate_per_page(split):
    doc = build(split, "bound_register")
    assert len(doc.pages) == 20 and len(doc.records) == 20
    kinds = [r["record_type"] for r in doc.records]
    assert kinds.count("birth") == 8 and kinds.count("death") == 8 and kinds.count("marriage") == 4


@pytest.mark.parametrize("split", ["seen", "dev", "unseen"])
def test_dossiers_and_registers(split):
    martyr = build(split, "martyr")
    assert len(martyr.pages) >= 2 and len(martyr.records) == 1
    war = build(split, "war_invalid", 1)
    assert len(war.pages) == 2 and len(war.records) == 1
    register = build(split, "birth", 2)
    assert register.layout == "register" and len(register.records) >= 3
    assert len({r["fields"]["full_name"] for r in register.records}) == len(register.records)


def test_unseen_people_come_from_the_unseen_pools():
    val = Values("unseen", random.Random(1))
    for _ in range(50):
        p = val.person()
        assert p.name.split()[0] in UNSEEN_SURNAMES
        assert p.name.split()[0] not in mf.SURNAMES
    assert not set(UNSEEN_SURNAMES) & set(mf.SURNAMES)


def test_unseen_dates_include_forms_the_seen_split_never_prints():
    val = Values("unseen", random.Random(2))
    shown = {val.date_text((1972, 3, 5)) for _ in range(60)}
    assert "5.3.1972" in shown and "5 tháng 3 năm 1972" in shown
    seen = Values("seen", random.Random(2))
    assert not any("." in seen.date_text((1972, 3, 5)) for _ in range(60))


def test_templates_rewrite_fields_items():
    items = [("title", "GIẤY KHAI SINH"), ("fields", [("Số:", "12"), ("Quyển số:", "01")])]
    assert apply_layout(items, "inline") == items
    assert apply_layout(items, "numbered")[1] == ("fields", [("1. Số:", "12"), ("2. Quyển số:", "01")])
    assert apply_layout(items, "grid")[1:] == [("grid", "Số:", "12"), ("grid", "Quyển số:", "01")]


def test_documents_are_deterministic_in_their_arguments():
    a_images, a_truth = build_document("unseen", "death", 1, 2, 11)
    b_images, b_truth = build_document("unseen", "death", 1, 2, 11)
    assert a_truth == b_truth
    assert a_images[0].tobytes() == b_images[0].tobytes()
    _, c_truth = build_document("unseen", "death", 1, 2, 12)
    assert c_truth["records"] != a_truth["records"]


def test_dev_people_come_from_the_dev_pools():
    from forms import dev_words
    val = Values("dev", random.Random(1))
    for _ in range(50):
        p = val.person()
        assert p.name.split()[0] in dev_words.SURNAMES
        assert p.province in {prov[0] for prov in dev_words.PROVINCES}
    assert not set(dev_words.SURNAMES) & (set(mf.SURNAMES) | set(UNSEEN_SURNAMES))


@pytest.mark.parametrize("layout", ["dotted", "ruled", "paired", "boxed", "label_table", "caption", "header_row",
                                    "value_under", "shaded"])
def test_dev_templates_lay_out_every_pair(layout):
    from forms.render import GrammarPainter, apply_layout, form_options
    doc = build("dev", "birth")
    form = form_options(layout, random.Random(3))
    items = apply_layout(doc.pages[0], layout, form)
    pairs = [p for it in doc.pages[0] if it[0] == "fields" for p in it[1]]
    laid = [(it[1], it[2]) if it[0] in ("dotted", "ruled", "value_under", "shaded") else None for it in items]
    laid = [p for it in items if it[0] in ("paired", "boxed", "label_table", "caption", "header_row") for p in it[1]] + \
        [p for it in items if it[0] == "fields" for p in it[1]] + [p for p in laid if p]
    assert sorted(laid) == sorted(pairs)
    if layout == "paired":
        assert all(len(it[1]) == 2 for it in items if it[0] == "paired") and any(it[0] == "paired" for it in items)
    if layout in ("boxed", "label_table", "caption", "header_row"):  # one block per run of pairs: no two blocks side by side
        assert not any(a[0] == b[0] == layout for a, b in zip(items, items[1:]))
        assert not any(it[0] == "fields" for it in items)
    font = next(f for faces in mf.FONTS.values() for f in faces if "Mono" not in f)
    img = GrammarPainter(mf.Style(font, 30, False, False), random.Random(1), form).render(items)
    assert img.getextrema()[0] == 0  # ink on the page


def test_an_itemized_form_puts_its_enumerator_before_every_label_and_keeps_the_values():
    from forms.render import ENUMERATORS, apply_layout
    doc = build("dev", "death")
    pairs = [p for it in doc.pages[0] if it[0] == "fields" for p in it[1]]
    for enumerator in ENUMERATORS:
        items = apply_layout(doc.pages[0], "itemized", {"enumerator": enumerator})
        laid = [p for it in items if it[0] == "fields" for p in it[1]]
        assert [v for _, v in laid] == [v for _, v in pairs]
        first, second = enumerator.format(n=1, a="a"), enumerator.format(n=2, a="b")
        assert laid[0][0] == first + pairs[0][0] and laid[1][0] == second + pairs[1][0]


def test_a_shaded_form_wraps_a_long_label_inside_its_grey_cell():
    from forms.render import GrammarPainter
    font = next(f for faces in mf.FONTS.values() for f in faces if "Mono" not in f)
    form = {"column": 520, "right_aligned": True, "fill": 220}
    painter = GrammarPainter(mf.Style(font, 30, False, False), random.Random(1), form)
    start = painter.y
    painter.shaded("Quốc tịch của người được đăng ký khai sinh theo giấy tờ", "Việt Nam")
    assert painter.y - start >= 2 * painter.line_h  # the label took two lines or more
    assert painter.img.getpixel((mf.MARGIN + 3, start + 5)) == 220  # the cell's grey, left of a right-aligned label


def test_later_dev_templates_leave_the_other_documents_as_they_were():
    """A later template takes a share of the dev documents from a stream of its own: the documents that keep
    their first template are drawn as before, and the seen and unseen splits never draw one."""
    from forms.grammar import LAYOUTS, LATER_LAYOUTS, later_layout
    drawn = [later_layout("dotted", "dev", random.Random(k)) for k in range(400)]
    share = sum(d in LATER_LAYOUTS["dev"] for d in drawn) / len(drawn)
    assert set(drawn) == {"dotted", *LATER_LAYOUTS["dev"]} and 0.15 < share < 0.35
    assert all(later_layout("inline", split, random.Random(k)) == "inline" for split in ("seen", "unseen")
               for k in range(50))
    assert not set(LATER_LAYOUTS["dev"]) & (set(LAYOUTS["unseen"]) | set(LAYOUTS["dev"]))


def test_third_dev_templates_leave_the_other_documents_as_they_were():
    """The third wave takes a share of the documents that kept a first template only, from a stream of its own;
    a later template's documents, and the seen and unseen splits, never draw one."""
    from forms.grammar import LAYOUTS, LATER_LAYOUTS, THIRD_LAYOUTS, third_layout
    drawn = [third_layout("dotted", "dev", random.Random(k)) for k in range(400)]
    share = sum(d in THIRD_LAYOUTS["dev"] for d in drawn) / len(drawn)
    assert set(drawn) == {"dotted", *THIRD_LAYOUTS["dev"]} and 0.2 < share < 0.45
    assert all(third_layout(later, "dev", random.Random(k)) == later for later in LATER_LAYOUTS["dev"]
               for k in range(50))
    assert all(third_layout("inline", split, random.Random(k)) == "inline" for split in ("seen", "unseen")
               for k in range(50))
    assert not set(THIRD_LAYOUTS["dev"]) & (set(LAYOUTS["unseen"]) | set(LAYOUTS["dev"]) | set(LATER_LAYOUTS["dev"]))


def test_dev_museum_values_print_what_their_truth_says():
    """Each size, weight and dating shape of the dev cards: the numbers of its normal form are the printed ones
    (in cm, kg and years), so a truth can never disagree with its page."""
    from forms import dev_museum

    def numbers(text: str) -> set[float]:
        return {float(n.replace(".", "").replace(",", ".")) for n in re.findall(r"\d+(?:[.,]\d+)?", text)}

    rng = random.Random(5)
    for _ in range(300):
        dims, dims_v = dev_museum.dimensions(rng)
        scale = 100 if re.search(r"\d m\b", dims) else 1
        assert {round(v / scale, 2) for v in dims_v.values()} <= numbers(dims), dims
        w, w_v = dev_museum.weight(rng)
        assert w_v["kg"] in numbers(w) or w_v["kg"] * 1000 in numbers(w), w
        d, d_v = dev_museum.dating(rng)
        assert d_v["year_from"] <= d_v["year_to"], d


def test_dev_museum_cards_print_lines_of_no_field_and_a_photo_box():
    from forms import dev_museum
    from forms.dev_words import MUSEUM_PLAIN

    unmapped = {g.fold(w) for c in ("technique", "colour") for w in MUSEUM_PLAIN[c]}
    saw_unmapped = saw_photo = False
    for k in range(40):
        rng = random.Random(f"card:{k}")
        lab = Labeler("dev", rng)
        doc = dev_museum.card(lab, Values("dev", rng), rng)
        items = doc.pages[0]
        labels = [g.fold(lb.rstrip(" :-")) for it in items if it[0] == "fields" for lb, _ in it[1]]
        saw_unmapped |= any(lb in unmapped for lb in labels)
        saw_photo |= any(it[0] == "photo" for it in items) and lab.layout == "photo_card"
        assert len(labels) >= len(doc.records[0]["fields"])
    assert saw_unmapped and saw_photo


def test_a_share_of_dev_forms_print_their_labels_without_diacritics_and_the_other_splits_draw_none_here():
    from forms.grammar import bare_labels
    drawn = [bare_labels("dev", random.Random(k)) for k in range(400)]
    assert 0.1 < sum(drawn) / len(drawn) < 0.3
    assert not any(bare_labels(split, random.Random(k)) for split in ("seen", "unseen") for k in range(50))


def test_a_pair_whose_label_fills_its_half_of_the_line_takes_a_line_of_its_own():
    """A long label in a paired form leaves its value no room: the value must still be printed on the page, not
    past its right edge."""
    from forms.render import GrammarPainter
    font = next(f for faces in mf.FONTS.values() for f in faces if "Mono" not in f)
    painter = GrammarPainter(mf.Style(font, 32, True, False), random.Random(1))
    painter.paired([("Giới tính", "Nam"), ("Ngày, tháng, năm sinh của người được khai sinh", "13/01/1958")])
    right = painter.img.crop((int(mf.PAGE_W - mf.MARGIN + 30), 0, mf.PAGE_W, painter.y + painter.line_h))
    assert right.getextrema()[0] == 255  # no ink past the right margin
