"""The dev split's museum inventory cards and register rows: the values and layouts real cards give them.

Real inventory cards (phiếu hiện vật, lý lịch hiện vật, phiếu kiểm kê of the ministry's forms and of old
provincial museums) write an object's size as "D x R x C: 42 x 30 x 18 cm", "Cao 24,5 cm; rộng 16 cm; dày 3 cm",
"Chiều cao: 32 cm, đường kính miệng: 14 cm" or in metres; its weight with a thousands dot ("1.250 g") or "khoảng";
its date as a century in Roman or Arabic numerals with "đầu"/"cuối", a dynasty with a reign's years, a decade;
a donor with "Ông"/"Bà" before the name; a description that wraps over several lines; lines for the technique and
colour, which map to no field of the contract; on many cards section headings ("I. THÔNG TIN CHUNG") and a box
for the object's photograph beside the first fields (the ``photo_card`` template, drawn by ``forms.render``).

Only the dev split draws from here: the seen and unseen cards are built as they were (``forms.documents``).
"""

from __future__ import annotations

import random

import make_forms as mf
from forms import dev_words as dev
from forms.grammar import Labeler

# The titles the contract gives a card (classification is not what the dev cards vary).
CARD_TITLES = ["PHIẾU HIỆN VẬT", "PHIẾU KIỂM KÊ KHOA HỌC", "PHIẾU KIỂM KÊ HIỆN VẬT", "PHIẾU ĐĂNG KÝ HIỆN VẬT"]

# The share of dev cards printed with section headings, and with a photograph box beside their first fields.
SECTIONED_SHARE = 0.5
PHOTO_SHARE = 0.4


def _cm(x: float) -> str:
    """A measure as a card writes it: a decimal comma, no trailing zero."""
    return f"{x:g}".replace(".", ",")


def dimensions(rng: random.Random) -> tuple[str, dict]:
    """(the size as printed, its normal form in cm)."""
    h = rng.choice([9, 12.5, 18, 24.5, 32, 41, 56])
    w, ln, d, t = rng.choice([8, 14, 16, 22.5, 30]), rng.choice([26, 35, 42, 60]), rng.choice([7, 11, 14, 19]), 3
    style = rng.randrange(8)
    if style == 0:
        return f"D x R x C: {_cm(ln)} x {_cm(w)} x {_cm(h)} cm", {"length_cm": ln, "width_cm": w, "height_cm": h}
    if style == 1:
        return f"Dài x rộng x cao: {_cm(ln)} x {_cm(w)} x {_cm(h)} cm", {"length_cm": ln, "width_cm": w, "height_cm": h}
    if style == 2:
        return f"Cao {_cm(h)} cm; rộng {_cm(w)} cm; dày {t} cm", {"height_cm": h, "width_cm": w}
    if style == 3:
        return f"Chiều cao: {_cm(h)} cm, đường kính miệng: {_cm(d)} cm", {"height_cm": h, "diameter_cm": d}
    if style == 4:
        return f"H {_cm(h)} cm, ĐK đáy {_cm(d)} cm", {"height_cm": h, "diameter_cm": d}
    if style == 5:
        hm, wm = rng.choice([(1.2, 0.85), (1.65, 0.7), (2.1, 1.05)])
        return f"Cao {_cm(hm)} m; ngang {_cm(wm)} m", {"height_cm": round(hm * 100, 2), "width_cm": round(wm * 100, 2)}
    if style == 6:
        return f"{_cm(ln)} x {_cm(w)} cm (dài x rộng)", {"length_cm": ln, "width_cm": w}
    return f"Cao {_cm(h)} cm (cả nắp), ĐK miệng {_cm(d)} cm", {"height_cm": h, "diameter_cm": d}


def weight(rng: random.Random) -> tuple[str, dict]:
    """(the weight as printed, its normal form in kg)."""
    style = rng.randrange(5)
    if style == 0:
        kg = rng.choice([0.85, 1.4, 3.75, 12.5])
        return f"{_cm(kg)} kg", {"kg": kg}
    if style == 1:
        kg = rng.choice([2.5, 4, 7.5])
        return f"Khoảng {_cm(kg)} kg", {"kg": kg}
    if style == 2:
        g = rng.choice([1250, 1800, 2400])
        return f"{g // 1000}.{g % 1000:03d} g", {"kg": g / 1000}
    if style == 3:
        g = rng.choice([120, 450, 675])
        return f"{g} gr", {"kg": g / 1000}
    kg = rng.choice([5.2, 9, 16])
    return f"{_cm(kg)} kg (cả đế)", {"kg": kg}


def dating(rng: random.Random) -> tuple[str, dict]:
    """(the dating as printed, its normal form: the first and last year)."""
    c = rng.randint(15, 20)
    roman = {15: "XV", 16: "XVI", 17: "XVII", 18: "XVIII", 19: "XIX", 20: "XX"}[c]
    first, last = (c - 1) * 100 + 1, c * 100
    style = rng.randrange(9)
    if style == 0:
        return f"TK {roman}", {"year_from": first, "year_to": last}
    if style == 1:
        return f"Thế kỷ {c}", {"year_from": first, "year_to": last}
    if style == 2:
        return f"Cuối thế kỷ {roman}", {"year_from": first + 70, "year_to": last}
    if style == 3:
        return f"Đầu TK {roman}", {"year_from": first, "year_to": first + 29}
    if style == 4:
        return "Thời Nguyễn (thế kỷ XIX)", {"year_from": 1801, "year_to": 1900}
    if style == 5:
        reign, years = rng.choice([("Thiệu Trị", (1841, 1847)), ("Tự Đức", (1848, 1883)), ("Minh Mạng", (1820, 1840))])
        return f"Nhà Nguyễn, niên hiệu {reign} ({years[0]} - {years[1]})", {"year_from": years[0], "year_to": years[1]}
    if style == 6:
        y = rng.choice([1925, 1930, 1948])
        return f"Khoảng năm {y}", {"year_from": y, "year_to": y}
    if style == 7:
        y = rng.choice([1950, 1960, 1970])
        return f"Thập niên {y}", {"year_from": y, "year_to": y + 9}
    a = rng.choice([16, 17, 18])
    return f"TK {roman_of(a)} - {roman_of(a + 1)}", {"year_from": (a - 1) * 100 + 1, "year_to": (a + 1) * 100}


def roman_of(n: int) -> str:
    out = ""
    for v, r in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out, n = out + r, n - v
    return out


def inventory(rng: random.Random) -> str:
    n, c, k = rng.randint(100, 9999), rng.choice(["KL", "G", "GV", "TL", "GS"]), rng.randint(1, 99)
    return rng.choice([f"{dev.MUSEUM_CODE} {n}/{c} {k}", f"{dev.MUSEUM_CODE}.{c}.{n:04d}", f"{n}/{dev.MUSEUM_CODE}-{c}"])


def description(rng: random.Random) -> str:
    parts = [rng.choice(dev.DESCRIPTION_SHAPES), rng.choice(dev.DESCRIPTION_DECORS)]
    if rng.random() < 0.6:
        parts.append(rng.choice(dev.DESCRIPTION_SURFACES))
    return "; ".join(parts) + "."


def storage(rng: random.Random) -> str:
    return rng.choice(dev.STORAGE).format(n=rng.randint(1, 6), g=rng.randint(1, 20), k=rng.randint(1, 5))


def card_sections(lab: Labeler, val, rng: random.Random, name: str, material: str) -> tuple[list[list], dict]:
    """The card's fields in four groups (identity, the object itself, how it came, where it is kept) and the
    truth. Each group is a list of page items; a card prints them one after another, with or without headings."""
    t: dict = {}

    def row(concept: str, value: str, key: str | None, truth=None) -> tuple:
        if key:
            t[key] = value if truth is None else truth
        return ("fields", [(lab.plain(concept), value)])

    inv = inventory(rng)
    ident = [row("inventory", inv, "inventory_number"), row("object_name", name, "name")]
    if rng.random() < 0.5:
        ident.append(row("other_names", rng.choice(dev.OTHER_NAMES), "other_names"))
    if rng.random() < 0.5:
        ident.append(row("object_class", rng.choice(dev.OBJECT_CLASSES), "object_class"))
    quantity = rng.choice(["01", "1", "02 (một đôi)"])
    ident.append(row("quantity", quantity, "quantity", quantity.split()[0]))

    dims, dims_v = dimensions(rng)
    body = [row("material", material, "material")]
    if rng.random() < 0.6:
        body.append(row("technique", rng.choice(dev.TECHNIQUES), None))
    body.append(row("dimensions", dims, "dimensions", dims_v))
    if rng.random() < 0.7:
        w, w_v = weight(rng)
        body.append(row("weight", w, "weight", w_v))
    if rng.random() < 0.4:
        body.append(row("colour", rng.choice(dev.COLOURS), None))
    d, d_v = dating(rng)
    body.append(row("dating", d, "dating", d_v))
    text = description(rng)
    # the contract's normal form of a text ends on its last word: a sentence's closing stop is no part of it
    body.append(row("description", text, "description", text.rstrip(".")))

    origin = rng.choice(dev.ORIGINS)
    came = [row("origin", origin, "origin"), row("find_place", val.place(), "find_place")]
    if origin in dev.DONOR_ORIGINS:
        p = val.person()
        honorific = "Ông" if p.sex == "male" else "Bà"
        printed = f"{honorific} {p.name}" if rng.random() < 0.4 else p.name
        came.append(row("donor", printed, "donor", p.name))
    acq = (rng.randint(1975, 2023), rng.randint(1, 12), rng.randint(1, 28))
    came.append(row("acquisition", val.date_text(acq), "acquisition_date", mf.iso(acq)))

    kept = [row("condition", rng.choice(dev.CONDITIONS), "condition"), row("storage", storage(rng), "storage_location")]
    return [ident, body, came, kept], t


def card_items(lab: Labeler, val, rng: random.Random, name: str, material: str) -> tuple[list, dict]:
    """The page items of a dev card after its museum's name and title, and the truth fields. Some cards print
    a photograph box beside their first fields (the template becomes ``photo_card``, which the labels are
    dressed for: set before any label is drawn), some print a heading over each group of fields."""
    if rng.random() < PHOTO_SHARE:
        lab.layout = "photo_card"
    sectioned = rng.random() < SECTIONED_SHARE
    headings = rng.choice(dev.MUSEUM_SECTIONS)
    groups, truth = card_sections(lab, val, rng, name, material)
    items: list = [("photo", rng.choice(["left", "right"]))] if lab.layout == "photo_card" else []
    for heading, group in zip(headings, groups):
        if sectioned:
            items.append(("text", heading))
        items += group
    return items, truth


def card(lab: Labeler, val, rng: random.Random) -> mf.Doc:
    """A dev museum inventory card: one object, one page."""
    name, material = rng.choice(dev.OBJECTS), rng.choice(dev.MATERIALS)
    items: list = [("text", dev.MUSEUM), ("title", rng.choice(CARD_TITLES))]
    body, truth = card_items(lab, val, rng, name, material)
    return mf.Doc("museum_object", "baotang/", [items + body], [{"record_type": "museum_object", "fields": truth}],
                  "card")


def table_row(rng: random.Random) -> tuple[list[str], dict]:
    """A register row's inventory number, size and dating as the dev cards write them (name and material apart)."""
    inv = inventory(rng)
    dims, dims_v = dimensions(rng)
    d, d_v = dating(rng)
    return [inv, dims, d], {"inventory_number": inv, "dimensions": dims_v, "dating": d_v}
