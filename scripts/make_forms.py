#!/usr/bin/env python3
"""Render filled forms of every record type with known values, for the extraction benchmark.

Each document is one or more page images plus a truth file beside it:
``NAME.p1.png`` (``.p2.png`` …) and ``NAME.json`` holding the record type, the
collection it would come from and, per record, the expected normal form of
every field that was printed (flat dotted keys, as ``flatten_fields`` gives).

Layouts vary per type: label wordings, ``Label: value`` or dotted leaders,
one or several labels per line, long values wrapping onto the next line, the
two-column marriage certificate, civil-status register pages with several
entries, museum register tables with one object per row, a martyr dossier
over two pages. Fonts: serif, sans and mono (typewriter) faces. Degradation
levels 0–3 add noise, blur, slight skew and JPEG artefacts. Everything is
drawn from one seed: the same arguments give the same files.

    python scripts/make_forms.py OUT_DIR [--per-type 3] [--levels 0,1,2,3] [--seed 7]
"""

from __future__ import annotations

import argparse
import io
import json
import random
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_DIR = Path("/usr/share/fonts/truetype")
# The installed Liberation fonts have no glyphs for Vietnamese letters with two marks (ộ, ữ, ẫ…),
# so they would print tofu boxes: forms use DejaVu and FreeFont faces only.
FONTS = {
    "serif": ["dejavu/DejaVuSerif.ttf", "freefont/FreeSerif.ttf", "dejavu/DejaVuSerifCondensed.ttf"],
    "sans": ["dejavu/DejaVuSans.ttf", "freefont/FreeSans.ttf", "dejavu/DejaVuSansCondensed.ttf"],
    "mono": ["dejavu/DejaVuSansMono.ttf", "freefont/FreeMono.ttf"],
}
BOLD = {"dejavu/DejaVuSerif.ttf": "dejavu/DejaVuSerif-Bold.ttf", "dejavu/DejaVuSans.ttf": "dejavu/DejaVuSans-Bold.ttf",
        "liberation/LiberationSerif-Regular.ttf": "liberation/LiberationSerif-Bold.ttf",
        "liberation/LiberationSans-Regular.ttf": "liberation/LiberationSans-Bold.ttf",
        "freefont/FreeSerif.ttf": "freefont/FreeSerifBold.ttf", "freefont/FreeSans.ttf": "freefont/FreeSansBold.ttf",
        "dejavu/DejaVuSansMono.ttf": "dejavu/DejaVuSansMono-Bold.ttf",
        "dejavu/DejaVuSerifCondensed.ttf": "dejavu/DejaVuSerifCondensed-Bold.ttf",
        "dejavu/DejaVuSansCondensed.ttf": "dejavu/DejaVuSansCondensed-Bold.ttf",
        "liberation/LiberationMono-Regular.ttf": "liberation/LiberationMono-Bold.ttf",
        "freefont/FreeMono.ttf": "freefont/FreeMonoBold.ttf"}
RECORD_TYPES = ["birth", "marriage", "death", "martyr", "war_invalid", "museum_object"]
PAGE_W = 1654  # A4 width at 200 dpi
MARGIN = 110

# --- values ---------------------------------------------------------------------------------------

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đào",
            "Đinh", "Trịnh", "Phan", "Lương", "Nghiêm", "Chu"]
MIDDLE_M = ["Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân", "Đình", "Công", "Mạnh", "Thế"]
MIDDLE_F = ["Thị", "Thu", "Ngọc", "Thanh", "Minh", "Kim", "Hồng", "Thúy"]
GIVEN_M = ["Hùng", "Dũng", "Tâm", "Bình", "Cường", "Thắng", "Hòa", "Phúc", "Đạt", "Tuấn", "Sơn", "Khải", "Lộc",
           "Nghĩa", "Trường", "Quý", "Hiếu", "Toàn", "Chiến", "Thành"]
GIVEN_F = ["Hương", "Lan", "Mai", "Linh", "Quỳnh", "Nga", "Thảo", "Yến", "Hoa", "Huyền", "Liên", "Nhung", "Dung",
           "Hạnh", "Phượng", "Trang", "Loan", "Oanh"]
COMMUNES = ["Đình Bảng", "Tam Sơn", "Phù Chẩn", "Tân Hồng", "Đồng Nguyên", "Võ Cường", "Tân Chi", "Lạc Vệ",
            "Cảnh Hưng", "Hạp Lĩnh", "Vân Tương", "Song Hồ", "Đại Đồng", "Nội Duệ", "Phật Tích", "Xuân Lâm"]
DISTRICTS = ["Từ Sơn", "Tiên Du", "Quế Võ", "Yên Phong", "Gia Bình", "Lương Tài", "Thuận Thành", "Việt Yên",
             "Hiệp Hòa", "Lạng Giang", "Yên Dũng", "Tân Yên"]
PROVINCES = [("Bắc Ninh", "027"), ("Bắc Giang", "024"), ("Hà Bắc", "027")]
ETHNIC = ["Kinh"] * 8 + ["Tày", "Nùng", "Mường", "Dao", "Sán Dìu", "Hoa", "Sán Chay", "Thái"]
RELATIONS = ["Cha", "Mẹ", "Ông nội", "Bà ngoại", "Anh trai", "Chị gái"]
RANKS = ["Binh nhất", "Hạ sĩ", "Trung sĩ", "Thượng sĩ", "Thiếu úy", "Trung úy"]
POSITIONS = ["Chiến sĩ", "Tiểu đội trưởng", "Phó trung đội trưởng", "Trung đội trưởng", "Y tá", "Liên lạc"]
FRONTS = ["mặt trận phía Nam", "Quảng Trị", "Tây Nguyên", "biên giới phía Bắc", "Thành cổ Quảng Trị", "Đường 9 Nam Lào"]
CAUSES = ["Bệnh già", "Tai nạn giao thông", "Bệnh tim", "Ung thư phổi", "Đột quỵ"]
MATERIALS = ["Gốm", "Sành", "Đồng", "Gỗ", "Giấy", "Vải", "Đá", "Sứ", "Bạc", "Gốm men lam"]
OBJECTS = ["Bình gốm men lam", "Đỉnh đồng ba chân", "Sắc phong", "Lư hương", "Trống đồng", "Chum sành", "Bát sứ",
           "Tượng gỗ", "Hoành phi", "Câu đối", "Đĩa men rạn", "Ấm đất nung", "Khay gỗ sơn son", "Chuông đồng",
           "Mũ cánh chuồn", "Áo the", "Nghiên mực đá", "Ống nhổ"]
ORIGINS = ["Hiến tặng", "Sưu tầm", "Khai quật", "Mua", "Vốn có"]
CONDITIONS = ["Nguyên vẹn", "Sứt miệng", "Nứt nhẹ ở thân", "Rách mép, ố vàng", "Tốt"]

DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]


def say_under_100(n: int, rng: random.Random) -> str:
    """Vietnamese words for 0..99 as printed on certificates."""
    if n < 10:
        return DIGITS[n]
    tens, unit = divmod(n, 10)
    head = "mười" if tens == 1 else DIGITS[tens] + " mươi"
    if unit == 0:
        return head
    if unit == 1 and tens > 1:
        tail = "mốt"
    elif unit == 5:
        tail = "lăm"
    elif unit == 4 and tens > 1 and rng.random() < 0.3:
        tail = "tư"
    else:
        tail = DIGITS[unit]
    return f"{head} {tail}"


def say_year(y: int, rng: random.Random) -> str:
    thousands, rest = divmod(y, 1000)
    hundreds, below = divmod(rest, 100)
    word = "nghìn" if rng.random() < 0.7 else "ngàn"
    out = f"{DIGITS[thousands]} {word}"
    if hundreds or below:
        if hundreds or rng.random() < 0.5:
            out += f" {DIGITS[hundreds]} trăm"
        if 0 < below < 10:
            out += " " + rng.choice(["linh", "lẻ"]) + " " + DIGITS[below]
        elif below:
            out += " " + say_under_100(below, rng)
    return out


def say_date(y: int, m: int, d: int, rng: random.Random) -> str:
    day = say_under_100(d, rng)
    if d <= 10 and rng.random() < 0.4:
        day = "mồng " + day
    month = say_under_100(m, rng)
    if m == 1 and rng.random() < 0.4:
        month = "Giêng"
    if m == 12 and rng.random() < 0.4:
        month = "Chạp"
    return f"ngày {day} tháng {month} năm {say_year(y, rng)}"


@dataclass
class Person:
    name: str
    sex: str
    dob: tuple[int, int, int]
    ethnicity: str
    province: str
    code: str


def person(rng: random.Random, sex: str | None = None, years: tuple[int, int] = (1930, 2005)) -> Person:
    sex = sex or rng.choice(["male", "female"])
    mid = rng.choice(MIDDLE_M if sex == "male" else MIDDLE_F)
    given = rng.choice(GIVEN_M if sex == "male" else GIVEN_F)
    name = f"{rng.choice(SURNAMES)} {mid} {given}"
    if rng.random() < 0.2:
        name = f"{rng.choice(SURNAMES)} {mid} {rng.choice(GIVEN_M if sex == 'male' else GIVEN_F)} {given}"
    y = rng.randint(*years)
    prov, code = rng.choice(PROVINCES)
    return Person(name, sex, (y, rng.randint(1, 12), rng.randint(1, 28)), rng.choice(ETHNIC), prov, code)


def place(rng: random.Random, province: str | None = None, long: bool = False) -> str:
    prov = province or rng.choice(PROVINCES)[0]
    p = f"xã {rng.choice(COMMUNES)}, huyện {rng.choice(DISTRICTS)}, tỉnh {prov}"
    if long or rng.random() < 0.25:
        p = f"thôn {rng.choice(['Đông', 'Đoài', 'Trung', 'Thượng', 'Hạ', 'Nam', 'Bắc'])} {rng.randint(1, 9)}, " + p
    return p


def iso(d: tuple) -> str:
    return "-".join(f"{x:02d}" if i else f"{x:04d}" for i, x in enumerate(d))


def show_date(d: tuple, rng: random.Random, style: str | None = None) -> str:
    y, m, day = d
    style = style or rng.choice(["slash", "slash0", "dash", "words"])
    if style == "slash":
        return f"{day}/{m}/{y}"
    if style == "slash0":
        return f"{day:02d}/{m:02d}/{y}"
    if style == "dash":
        return f"{day:02d}-{m:02d}-{y}"
    return f"ngày {day:02d} tháng {m:02d} năm {y}"


def personal_id(p: Person, rng: random.Random) -> str:
    century = (p.dob[0] // 100 - 19) * 2 + (1 if p.sex == "female" else 0)
    return f"{p.code}{century}{p.dob[0] % 100:02d}{rng.randint(0, 999999):06d}"


def office(rng: random.Random) -> str:
    return f"Ủy ban nhân dân xã {rng.choice(COMMUNES)}, huyện {rng.choice(DISTRICTS)}"


# --- layout items ---------------------------------------------------------------------------------
# A page is a list of items:
#   ("title", text)                 bold centred heading
#   ("text", text)                  a free line (no field)
#   ("fields", [(label, value), …])  one or more labelled values on a line (wraps if long)
#   ("cols", (marker, [(label, value)…]), (marker, [(label, value)…]))  two columns
#   ("table", headers, rows)        a register table
#   ("rule",)                       a horizontal line between entries


@dataclass
class Doc:
    record_type: str
    collection: str
    pages: list[list] = field(default_factory=list)
    records: list[dict] = field(default_factory=list)
    layout: str = ""


def pick(rng: random.Random, *labels: str) -> str:
    return rng.choice(labels)


def national_header() -> list:
    return [("text", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), ("text", "Độc lập - Tự do - Hạnh phúc")]


def birth_doc(rng: random.Random) -> Doc:
    child = person(rng, years=(1950, 2020))
    mother = person(rng, "female", (child.dob[0] - 40, child.dob[0] - 18))
    father = person(rng, "male", (child.dob[0] - 45, child.dob[0] - 20))
    reg_date = (child.dob[0] + (1 if child.dob[1] == 12 else 0), child.dob[1] % 12 + 1, rng.randint(1, 28))
    t: dict = {}
    items: list = national_header() + [("title", rng.choice(["GIẤY KHAI SINH", "TRÍCH LỤC KHAI SINH", "GIẤY KHAI SINH"]))]
    num, book = str(rng.randint(1, 400)), f"{rng.randint(1, 9):02d}/{reg_date[0]}"
    items.append(("fields", [("Số", num), ("Quyển số", book)]))
    t["registration.number"], t["registration.book"] = num, book
    items.append(("fields", [(pick(rng, "Họ, chữ đệm, tên", "Họ và tên", "Họ, chữ đệm và tên"), child.name.upper()
                              if rng.random() < 0.5 else child.name)]))
    t["full_name"] = child.name
    dob_style = rng.choice(["slash0", "slash", "dash"])
    items.append(("fields", [(pick(rng, "Ngày, tháng, năm sinh", "Ngày tháng năm sinh", "Sinh ngày"),
                              show_date(child.dob, rng, dob_style))]))
    t["date_of_birth"] = iso(child.dob)
    if rng.random() < 0.7:
        items.append(("fields", [(pick(rng, "Ghi bằng chữ", "Bằng chữ"), say_date(*child.dob, rng))]))
    sex = "Nam" if child.sex == "male" else "Nữ"
    t["sex"], t["ethnicity"], t["nationality"] = child.sex, child.ethnicity, "Việt Nam"
    if rng.random() < 0.5:
        items.append(("fields", [("Giới tính", sex), ("Dân tộc", child.ethnicity), ("Quốc tịch", "Việt Nam")]))
    else:
        items.append(("fields", [("Giới tính", sex), ("Dân tộc", child.ethnicity)]))
        items.append(("fields", [("Quốc tịch", "Việt Nam")]))
    pob = rng.choice([f"Trạm y tế xã {rng.choice(COMMUNES)}, huyện {rng.choice(DISTRICTS)}, tỉnh {child.province}",
                      f"Bệnh viện đa khoa tỉnh {child.province}", place(rng, child.province, long=True)])
    items.append(("fields", [(pick(rng, "Nơi sinh", "Sinh tại"), pob)]))
    t["place_of_birth"] = pob
    if rng.random() < 0.5:
        ht = place(rng, child.province)
        items.append(("fields", [(pick(rng, "Quê quán", "Nguyên quán"), ht)]))
        t["hometown"] = ht
    if child.dob[0] >= 2016:
        pid = personal_id(child, rng)
        items.append(("fields", [("Số định danh cá nhân", pid)]))
        t["personal_id"] = pid
    for who, p in (("mẹ", mother), ("cha", father)):
        k = "mother" if who == "mẹ" else "father"
        items.append(("fields", [(pick(rng, f"Họ, chữ đệm, tên người {who}", f"Họ và tên {who}", f"Họ tên {who}"), p.name)]))
        t[f"{k}.full_name"] = p.name
        items.append(("fields", [("Năm sinh", str(p.dob[0])), ("Dân tộc", p.ethnicity), ("Quốc tịch", "Việt Nam")]))
        t[f"{k}.birth_year"], t[f"{k}.ethnicity"], t[f"{k}.nationality"] = str(p.dob[0]), p.ethnicity, "Việt Nam"
        res = place(rng, p.province)
        items.append(("fields", [(pick(rng, "Nơi cư trú", "Nơi thường trú"), res)]))
        t[f"{k}.residence"] = res
    declarant = father if rng.random() < 0.6 else mother
    items.append(("fields", [("Họ, chữ đệm, tên người đi khai sinh", declarant.name)]))
    rel = "Cha" if declarant is father else "Mẹ"
    items.append(("fields", [("Quan hệ với người được khai sinh", rel)]))
    t["declarant.full_name"], t["declarant.relation"] = declarant.name, rel
    off = office(rng)
    items.append(("fields", [("Nơi đăng ký", off)]))
    items.append(("fields", [("Ngày đăng ký", show_date(reg_date, rng))]))
    t["registration.office"], t["registration.date"] = off, iso(reg_date)
    return Doc("birth", "hotich/", [items], [{"record_type": "birth", "fields": t}], "certificate")


def marriage_doc(rng: random.Random) -> Doc:
    wife = person(rng, "female", (1950, 2000))
    husband = person(rng, "male", (1948, 2000))
    reg_date = (max(wife.dob[0], husband.dob[0]) + rng.randint(20, 25), rng.randint(1, 12), rng.randint(1, 28))
    t: dict = {}
    items: list = national_header() + [("title", rng.choice(["GIẤY CHỨNG NHẬN KẾT HÔN", "TRÍCH LỤC KẾT HÔN"]))]
    num, book = str(rng.randint(1, 300)), f"{rng.randint(1, 5):02d}"
    items.append(("fields", [("Số", num), ("Quyển số", book)]))
    t["registration.number"], t["registration.book"] = num, book
    modern = reg_date[0] >= 2016

    def column(p: Person, k: str) -> list:
        rows = [(pick(rng, "Họ, chữ đệm, tên", "Họ và tên"), p.name),
                (pick(rng, "Ngày, tháng, năm sinh", "Ngày sinh"), show_date(p.dob, rng, rng.choice(["slash0", "slash"]))),
                ("Dân tộc", p.ethnicity), ("Quốc tịch", "Việt Nam")]
        res = f"xã {rng.choice(COMMUNES)}, huyện {rng.choice(DISTRICTS)}"
        rows.append((pick(rng, "Nơi cư trú", "Nơi thường trú"), res))
        t.update({f"{k}.full_name": p.name, f"{k}.date_of_birth": iso(p.dob), f"{k}.ethnicity": p.ethnicity,
                  f"{k}.nationality": "Việt Nam", f"{k}.residence": res})
        if modern:
            pid = personal_id(p, rng)
            rows.append(("Số định danh cá nhân", pid))
            t[f"{k}.personal_id"] = pid
        return rows

    wm = pick(rng, "Thông tin người vợ", "Người vợ", "Bên vợ")
    hm = {"Thông tin người vợ": "Thông tin người chồng", "Người vợ": "Người chồng", "Bên vợ": "Bên chồng"}[wm]
    left, right = (wm, column(wife, "wife")), (hm, column(husband, "husband"))
    if rng.random() < 0.3:
        left, right = right, left
    items.append(("cols", left, right))
    off = office(rng)
    items.append(("fields", [("Nơi đăng ký", off)]))
    items.append(("fields", [("Ngày đăng ký", show_date(reg_date, rng))]))
    t["registration.office"], t["registration.date"] = off, iso(reg_date)
    return Doc("marriage", "hotich/", [items], [{"record_type": "marriage", "fields": t}], "two-column")


def death_doc(rng: random.Random) -> Doc:
    p = person(rng, years=(1920, 1990))
    dd = (rng.randint(max(p.dob[0] + 30, 1975), 2024), rng.randint(1, 12), rng.randint(1, 27))
    t: dict = {}
    items: list = national_header() + [("title", rng.choice(["TRÍCH LỤC KHAI TỬ", "GIẤY CHỨNG TỬ"]))]
    num, book = str(rng.randint(1, 200)), f"{rng.randint(1, 5):02d}/{dd[0]}"
    items.append(("fields", [("Số", num), ("Quyển số", book)]))
    t["registration.number"], t["registration.book"] = num, book
    items.append(("fields", [(pick(rng, "Họ, chữ đệm, tên", "Họ và tên", "Họ và tên người chết"), p.name)]))
    items.append(("fields", [(pick(rng, "Ngày, tháng, năm sinh", "Sinh ngày"), show_date(p.dob, rng, "slash0"))]))
    items.append(("fields", [("Giới tính", "Nam" if p.sex == "male" else "Nữ"), ("Dân tộc", p.ethnicity),
                             ("Quốc tịch", "Việt Nam")]))
    t.update({"full_name": p.name, "date_of_birth": iso(p.dob), "sex": p.sex, "ethnicity": p.ethnicity,
              "nationality": "Việt Nam"})
    if dd[0] >= 2016:
        pid = personal_id(p, rng)
        items.append(("fields", [("Số định danh cá nhân", pid)]))
        t["personal_id"] = pid
    hh, mm = rng.randint(0, 23), rng.choice([0, 5, 10, 15, 20, 30, 40, 45, 50])
    when = f"{hh} giờ {mm:02d} phút, ngày {dd[2]:02d} tháng {dd[1]:02d} năm {dd[0]}"
    if rng.random() < 0.5:
        when = f"{hh} giờ {mm:02d} phút, ngày {show_date(dd, rng, 'slash0')}"
    items.append(("fields", [(pick(rng, "Đã chết vào lúc", "Chết vào lúc"), when)]))
    t["time_of_death"], t["date_of_death"] = f"{hh:02d}:{mm:02d}", iso(dd)
    pod = rng.choice([f"Bệnh viện đa khoa tỉnh {p.province}", "Tại nhà riêng, " + place(rng, p.province)])
    items.append(("fields", [("Nơi chết", pod)]))
    cause = rng.choice(CAUSES)
    items.append(("fields", [("Nguyên nhân chết", cause)]))
    t["place_of_death"], t["cause_of_death"] = pod, cause
    if rng.random() < 0.7:
        gbt, issuer = f"{rng.randint(1, 99)}/GBT", rng.choice(["Bệnh viện đa khoa tỉnh", "Trạm y tế xã",
                                                                f"Công an xã {rng.choice(COMMUNES)}"])
        nd = (dd[0], dd[1], dd[2] + 1)
        items.append(("fields", [("Giấy báo tử số", f"{gbt} do {issuer} cấp ngày {show_date(nd, rng, 'slash0')}")]))
        t["death_notice.number"], t["death_notice.issuer"], t["death_notice.date"] = gbt, issuer, iso(nd)
    decl = person(rng, years=(1950, 1995))
    rel = rng.choice(["Con", "Vợ", "Chồng", "Cháu"])
    items.append(("fields", [("Họ, chữ đệm, tên người đi khai tử", decl.name)]))
    items.append(("fields", [("Quan hệ với người đã chết", rel)]))
    t["declarant.full_name"], t["declarant.relation"] = decl.name, rel
    off = office(rng)
    reg = (dd[0], dd[1], min(28, dd[2] + 1))
    items.append(("fields", [("Nơi đăng ký", off)]))
    items.append(("fields", [("Ngày đăng ký", show_date(reg, rng, "slash0"))]))
    t["registration.office"], t["registration.date"] = off, iso(reg)
    return Doc("death", "hotich/", [items], [{"record_type": "death", "fields": t}], "certificate")


def civil_register_doc(rng: random.Random) -> Doc:
    """A register page with several birth entries (one record per entry)."""
    items: list = [("title", "SỔ ĐĂNG KÝ KHAI SINH"), ("text", f"Năm {rng.randint(1960, 1995)}")]
    records = []
    for k in range(rng.randint(3, 4)):
        c = person(rng, years=(1960, 1995))
        mother = person(rng, "female", (c.dob[0] - 35, c.dob[0] - 18))
        t = {}
        num = str(rng.randint(1, 500))
        items.append(("fields", [("Số", num), ("Họ và tên", c.name)]))
        items.append(("fields", [("Ngày sinh", show_date(c.dob, rng, "slash0")),
                                 ("Giới tính", "Nam" if c.sex == "male" else "Nữ"), ("Dân tộc", c.ethnicity)]))
        pob = place(rng, c.province)
        items.append(("fields", [("Nơi sinh", pob)]))
        items.append(("fields", [("Họ tên mẹ", mother.name)]))
        if k < 3:
            items.append(("rule",))
        t.update({"registration.number": num, "full_name": c.name, "date_of_birth": iso(c.dob), "sex": c.sex,
                  "ethnicity": c.ethnicity, "place_of_birth": pob, "mother.full_name": mother.name})
        records.append({"record_type": "birth", "fields": t})
    return Doc("birth", "hotich/", [items], records, "register")


def martyr_doc(rng: random.Random) -> Doc:
    p = person(rng, "male", (1930, 1954))
    enl = (p.dob[0] + rng.randint(17, 20), rng.randint(1, 12))
    dd = (min(1975, enl[0] + rng.randint(1, 5)), rng.randint(1, 12), rng.randint(1, 28))
    t: dict = {}
    page1: list = [("title", rng.choice(["GIẤY BÁO TỬ", "GIẤY CHỨNG NHẬN HY SINH"]))]
    page1.append(("fields", [(pick(rng, "Đồng chí", "Họ và tên"), p.name)]))
    t["full_name"] = p.name
    if rng.random() < 0.4:
        alias = rng.choice(GIVEN_M)
        page1.append(("fields", [("Bí danh", alias)]))
        t["alias"] = alias
    page1.append(("fields", [("Năm sinh", str(p.dob[0]))]))
    t["date_of_birth"] = str(p.dob[0])
    ht = place(rng, p.province)
    page1.append(("fields", [("Nguyên quán", ht)]))
    t["hometown"] = ht
    if rng.random() < 0.5:
        res = place(rng, p.province)
        page1.append(("fields", [("Trú quán", res)]))
        t["residence"] = res
    rank, pos = rng.choice(RANKS), rng.choice(POSITIONS)
    page1.append(("fields", [("Nhập ngũ", f"{enl[1]}/{enl[0]}"), ("Cấp bậc", rank)]))
    page1.append(("fields", [("Chức vụ", pos)]))
    t["enlistment_date"], t["rank"], t["position"] = f"{enl[0]}-{enl[1]:02d}", rank, pos
    unit = f"Đại đội {rng.randint(1, 20)}, Tiểu đoàn {rng.randint(1, 30)}, Trung đoàn {rng.randint(1, 300)}"
    page1.append(("fields", [("Đơn vị", unit)]))
    t["unit"] = unit
    front = rng.choice(FRONTS)
    page1.append(("fields", [("Hy sinh ngày", f"{show_date(dd, rng, 'slash')} tại {front}")]))
    t["date_of_death"], t["place_of_death"] = iso(dd), front
    if rng.random() < 0.6:
        burial = f"Nghĩa trang liệt sĩ {rng.choice(['Trường Sơn', 'Đường 9', 'tỉnh Quảng Trị', 'huyện ' + rng.choice(DISTRICTS)])}"
        page1.append(("fields", [("Nơi an táng", burial)]))
        t["burial_place"] = burial
    rels = []
    if rng.random() < 0.7:
        page1.append(("text", "Thân nhân:"))
        for rel, sex in (("Cha", "male"), ("Mẹ", "female")):
            r = person(rng, sex, (1900, 1930))
            page1.append(("fields", [(rel, r.name)]))
            rels.append((rel.lower(), r.name))
    pages = [page1]
    if rng.random() < 0.5:
        page2: list = [("title", "BẰNG TỔ QUỐC GHI CÔNG"), ("fields", [("Liệt sĩ", p.name)]),
                       ("fields", [("Nguyên quán", ht)])]
        cert = f"{rng.choice(['GC', 'KT', 'LS'])}{rng.randint(100, 99999)}"
        dec = f"{rng.randint(10, 999)}/QĐ"
        dec_date = (dd[0] + rng.randint(1, 10), rng.randint(1, 12), rng.randint(1, 28))
        page2.append(("fields", [("Số bằng", cert)]))
        page2.append(("fields", [("Quyết định số", f"{dec} ngày {show_date(dec_date, rng, 'slash0')}")]))
        t["certificate.number"], t["certificate.decision_number"], t["certificate.decision_date"] = cert, dec, iso(dec_date)
        pages.append(page2)
    for i, (rel, name) in enumerate(rels):
        t[f"relatives[{i}].full_name"], t[f"relatives[{i}].relation"] = name, rel
    return Doc("martyr", "nguoicocong/", pages, [{"record_type": "martyr", "fields": t}],
               "dossier" if len(pages) > 1 else "notice")


def war_invalid_doc(rng: random.Random) -> Doc:
    p = person(rng, "male", (1930, 1960))
    cat = rng.choice(["war_invalid", "war_invalid", "sick_soldier", "treated_as_war_invalid"])
    title = {"war_invalid": "GIẤY CHỨNG NHẬN THƯƠNG BINH", "sick_soldier": "GIẤY CHỨNG NHẬN BỆNH BINH",
             "treated_as_war_invalid": "GIẤY CHỨNG NHẬN NGƯỜI HƯỞNG CHÍNH SÁCH NHƯ THƯƠNG BINH"}[cat]
    cat_text = {"war_invalid": "Thương binh", "sick_soldier": "Bệnh binh",
                "treated_as_war_invalid": "Người hưởng chính sách như thương binh"}[cat]
    t: dict = {}
    items: list = national_header() + [("title", title)]
    cert = f"{rng.choice(['TB', 'BB', 'HN'])}/{rng.randint(1000, 99999)}"
    items.append(("fields", [("Số giấy chứng nhận", cert)]))
    items.append(("fields", [(pick(rng, "Họ và tên", "Ông (bà)", "Họ, chữ đệm, tên"), p.name)]))
    items.append(("fields", [(pick(rng, "Sinh ngày", "Năm sinh"), show_date(p.dob, rng, "slash0"))]))
    t.update({"certificate.number": cert, "full_name": p.name, "date_of_birth": iso(p.dob)})
    ht = place(rng, p.province)
    items.append(("fields", [("Nguyên quán", ht)]))
    res = place(rng, p.province)
    items.append(("fields", [("Trú quán", res)]))
    items.append(("fields", [("Đối tượng", cat_text)]))
    t.update({"hometown": ht, "residence": res, "category": cat})
    unit = f"Đại đội {rng.randint(1, 20)}, Trung đoàn {rng.randint(1, 300)}"
    items.append(("fields", [("Đơn vị khi bị thương", unit)]))
    injd = (p.dob[0] + rng.randint(18, 25), rng.randint(1, 12), rng.randint(1, 28))
    front = rng.choice(FRONTS)
    items.append(("fields", [("Ngày bị thương", show_date(injd, rng, "slash0")), ("Nơi bị thương", front)]))
    rate = rng.choice([21, 31, 41, 51, 61, 71, 81])
    grade = f"{rng.randint(1, 4)}/4"
    items.append(("fields", [(pick(rng, "Tỷ lệ tổn thương cơ thể", "Tỷ lệ mất sức lao động"), f"{rate}%"), ("Hạng", grade)]))
    t.update({"unit_when_injured": unit, "injury_date": iso(injd), "injury_place": front, "injury_rate": rate,
              "grade": grade})
    dec, decd = f"{rng.randint(10, 9999)}/QĐ-LĐTBXH", (injd[0] + rng.randint(1, 5), rng.randint(1, 12), rng.randint(1, 28))
    issuer = rng.choice(["Bộ Lao động - Thương binh và Xã hội", "Sở Lao động - Thương binh và Xã hội tỉnh Bắc Ninh"])
    items.append(("fields", [("Quyết định số", f"{dec} ngày {show_date(decd, rng, 'slash0')} của {issuer}")]))
    t.update({"decision.number": dec, "decision.date": iso(decd), "decision.issuer": issuer})
    return Doc("war_invalid", "nguoicocong/", [items], [{"record_type": "war_invalid", "fields": t}], "certificate")


def museum_values(rng: random.Random) -> dict:
    h = rng.choice([12, 15.5, 22, 35, 42, 60, 120])
    dims_style = rng.choice(["cm", "mm", "hd", "m"])
    d = rng.choice([8, 10, 12, 18, 25])
    if dims_style == "cm":
        dims, dv = f"Cao {h:g} cm, ĐK miệng {d} cm", {"height_cm": float(h), "diameter_cm": float(d)}
    elif dims_style == "mm":
        dims, dv = f"Cao {int(h * 10)} mm; đường kính {d * 10} mm", {"height_cm": float(h), "diameter_cm": float(d)}
    elif dims_style == "hd":
        ln, w = rng.choice([30, 45, 80]), rng.choice([20, 25, 40])
        dims, dv = f"Dài {ln} cm, rộng {w} cm", {"length_cm": float(ln), "width_cm": float(w)}
    else:
        ln = rng.choice([1.2, 1.5, 2.1])
        dims, dv = f"Dài {str(ln).replace('.', ',')} m, cao {h:g} cm", {"length_cm": round(ln * 100, 2), "height_cm": float(h)}
    c = rng.randint(15, 19)
    roman = {15: "XV", 16: "XVI", 17: "XVII", 18: "XVIII", 19: "XIX"}[c]
    dstyle = rng.choice(["c", "half", "range", "year"])
    if dstyle == "c":
        dating, dt = f"Thế kỷ {roman}", {"year_from": (c - 1) * 100 + 1, "year_to": c * 100}
    elif dstyle == "half":
        dating, dt = f"Nửa đầu thế kỷ {roman}", {"year_from": (c - 1) * 100 + 1, "year_to": (c - 1) * 100 + 50}
    elif dstyle == "range":
        a = rng.randint(1700, 1900)
        dating, dt = f"{a} - {a + 10}", {"year_from": a, "year_to": a + 10}
    else:
        a = rng.randint(1800, 1950)
        dating, dt = f"Năm {a}", {"year_from": a, "year_to": a}
    return {"dims": dims, "dims_v": dv, "dating": dating, "dating_v": dt}


def museum_doc(rng: random.Random) -> Doc:
    t: dict = {}
    items: list = [("text", "BẢO TÀNG TỈNH BẮC NINH"), ("title", rng.choice(["PHIẾU HIỆN VẬT", "PHIẾU KIỂM KÊ KHOA HỌC"]))]
    inv = f"BTBN {rng.randint(100, 9999)}/{rng.choice(['KL', 'G', 'GV', 'TL'])} {rng.randint(1, 99)}"
    name = rng.choice(OBJECTS)
    mv = museum_values(rng)
    mat, origin, cond = rng.choice(MATERIALS), rng.choice(ORIGINS), rng.choice(CONDITIONS)
    items.append(("fields", [(pick(rng, "Số đăng ký", "Ký hiệu"), inv)]))
    items.append(("fields", [("Tên hiện vật", name)]))
    items.append(("fields", [("Chất liệu", mat), ("Số lượng", "01")]))
    items.append(("fields", [("Kích thước", mv["dims"])]))
    t.update({"inventory_number": inv, "name": name, "material": mat, "quantity": "01", "dimensions": mv["dims_v"]})
    if rng.random() < 0.6:
        w = rng.choice(["1,2 kg", "350 g", "2,5 kg", "800 gr"])
        items.append(("fields", [("Trọng lượng", w)]))
        num = float(w.split()[0].replace(",", "."))
        t["weight"] = {"kg": round(num if "kg" in w else num / 1000, 4)}
    items.append(("fields", [("Niên đại", mv["dating"])]))
    items.append(("fields", [("Nguồn gốc", origin)]))
    t.update({"dating": mv["dating_v"], "origin": origin})
    fp = place(rng)
    items.append(("fields", [(pick(rng, "Địa điểm phát hiện", "Địa điểm sưu tầm"), fp)]))
    t["find_place"] = fp
    if origin in ("Hiến tặng", "Sưu tầm"):
        donor = person(rng).name
        items.append(("fields", [("Người hiến tặng" if origin == "Hiến tặng" else "Người sưu tầm", donor)]))
        t["donor"] = donor
    acq = (rng.randint(1980, 2023), rng.randint(1, 12), rng.randint(1, 28))
    items.append(("fields", [("Ngày nhập", show_date(acq, rng, "slash0"))]))
    items.append(("fields", [("Tình trạng bảo quản", cond)]))
    t.update({"acquisition_date": iso(acq), "condition": cond})
    desc = rng.choice(["Miệng loe, cổ cao, thân phình, đáy bằng, men trắng vẽ lam hoa cúc dây quanh thân.",
                       "Thân tròn, ba chân cao, hai quai tai, nắp đúc hình lân, trang trí hoa văn mây.",
                       "Giấy dó, chữ Hán viết tay, có dấu son đỏ, mép rách nhẹ."])
    items.append(("fields", [("Mô tả", desc)]))
    t["description"] = desc.rstrip(".")
    store = f"Kho {rng.randint(1, 5)}, giá {rng.randint(1, 20)}, ngăn {rng.randint(1, 6)}"
    items.append(("fields", [("Nơi bảo quản", store)]))
    t["storage_location"] = store
    return Doc("museum_object", "baotang/", [items], [{"record_type": "museum_object", "fields": t}], "card")


def museum_register_doc(rng: random.Random) -> Doc:
    headers = ["STT", "Số ĐK", "Tên hiện vật", "Chất liệu", "Kích thước", "Niên đại"]
    rows, records = [], []
    for i in range(rng.randint(4, 6)):
        inv = f"{rng.choice(['KL', 'G', 'GV'])}.{rng.randint(100, 9999)}"
        name, mat = rng.choice(OBJECTS), rng.choice(MATERIALS)
        mv = museum_values(rng)
        rows.append([str(i + 1), inv, name, mat, mv["dims"], mv["dating"]])
        records.append({"record_type": "museum_object",
                        "fields": {"inventory_number": inv, "name": name, "material": mat, "dimensions": mv["dims_v"],
                                   "dating": mv["dating_v"]}})
    items = [("text", "BẢO TÀNG TỈNH BẮC NINH"), ("title", rng.choice(["SỔ ĐĂNG KÝ HIỆN VẬT", "BẢN THỐNG KÊ HIỆN VẬT"])),
             ("table", headers, rows)]
    return Doc("museum_object", "baotang/", [items], records, "register")


BUILDERS = {
    "birth": [birth_doc, birth_doc, civil_register_doc],
    "marriage": [marriage_doc],
    "death": [death_doc],
    "martyr": [martyr_doc],
    "war_invalid": [war_invalid_doc],
    "museum_object": [museum_doc, museum_register_doc],
}

# --- rendering ------------------------------------------------------------------------------------


@dataclass
class Style:
    font: str
    size: int
    leaders: bool
    upper_labels: bool


def _font(path: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_DIR / path), size)


class Painter:
    def __init__(self, style: Style, rng: random.Random):
        self.style, self.rng = style, rng
        self.font = _font(style.font, style.size)
        self.bold = _font(BOLD.get(style.font, style.font), style.size + 4)
        self.img = Image.new("L", (PAGE_W, 3400), 255)
        self.draw = ImageDraw.Draw(self.img)
        self.y = 90
        self.line_h = int(style.size * 1.75)

    def width(self, text: str, font=None) -> float:
        return (font or self.font).getlength(text)

    def text(self, x: float, text: str, font=None) -> None:
        self.draw.text((x, self.y), text, fill=0, font=font or self.font)

    def leader(self, x0: float, x1: float) -> float:
        """Dots from x0 to x1; returns where they end."""
        if x1 - x0 < self.width(". ") * 3:
            return x0
        dot = self.width(".")
        n = int((x1 - x0) / dot)
        self.text(x0, "." * n)
        return x0 + n * dot

    def label(self, lb: str) -> str:
        return (lb.upper() if self.style.upper_labels else lb) + ":"

    def fields(self, pairs: list, x0: float = MARGIN, x1: float = PAGE_W - MARGIN) -> None:
        n = len(pairs)
        slots = [x0 + (x1 - x0) * k / n for k in range(n)] + [x1]
        pre = self.width(" " + "." * 8 + " ") if self.style.leaders else self.width(" ")
        fits = all(self.width(self.label(lb) + " " + v) + pre + 60 < slots[k + 1] - slots[k]
                   for k, (lb, v) in enumerate(pairs))
        if not fits and n > 1:
            for p in pairs:
                self.fields([p], x0, x1)
            return
        for k, (lb, value) in enumerate(pairs):
            x, end = slots[k], slots[k + 1] - 25
            lab = self.label(lb)
            self.text(x, lab)
            x += self.width(lab + " ")
            if self.style.leaders:
                x = self.leader(x, x + self.width("." * self.rng.randint(3, 8))) + self.width(" ")
            words = value.split()
            line = ""
            while words:
                w = words[0]
                cand = (line + " " + w).strip()
                if x + self.width(cand) > end and line:
                    self.text(x, line)
                    self.y += self.line_h
                    x = x0 + (self.width(lab + " ") if self.rng.random() < 0.3 else 0)
                    line = ""
                    continue
                line = cand
                words.pop(0)
            self.text(x, line)
            xe = x + self.width(line + " ")
            if self.style.leaders:
                self.leader(xe, end)
        self.y += self.line_h

    def title(self, text: str) -> None:
        self.y += int(self.line_h * 0.4)
        w = self.width(text, self.bold)
        self.text((PAGE_W - w) / 2, text, self.bold)
        self.y += int(self.line_h * 1.5)

    def free(self, text: str) -> None:
        w = self.width(text)
        self.text((PAGE_W - w) / 2 if text.isupper() else MARGIN, text)
        self.y += self.line_h

    def cols(self, left, right) -> None:
        mid = PAGE_W / 2 + 10
        top = self.y
        ends = []
        for (marker, pairs), (x0, x1) in ((left, (MARGIN, mid - 70)), (right, (mid + 50, PAGE_W - MARGIN))):
            self.y = top
            self.text(x0, marker, self.bold)
            self.y += self.line_h
            for p in pairs:
                self.fields([p], x0, x1)
            ends.append(self.y)
        self.y = max(ends) + self.line_h // 2

    def rule(self) -> None:
        self.draw.line((MARGIN, self.y + 5, PAGE_W - MARGIN, self.y + 5), fill=0, width=2)
        self.y += self.line_h // 2

    def table(self, headers: list, rows: list) -> None:
        font = self.font
        widths = [0.06, 0.13, 0.25, 0.14, 0.24, 0.18]
        inner = PAGE_W - 2 * MARGIN + 40
        xs = [MARGIN - 20]
        for w in widths:
            xs.append(xs[-1] + inner * w)
        pad = 12
        self.draw.line((xs[0], self.y - 8, xs[-1], self.y - 8), fill=0, width=2)
        for k, h in enumerate(headers):
            self.text(xs[k] + pad, h, self.bold)
        self.y += self.line_h
        self.draw.line((xs[0], self.y - 8, xs[-1], self.y - 8), fill=0, width=2)
        for row in rows:
            cell_lines = []
            for k, v in enumerate(row):
                limit = xs[k + 1] - xs[k] - 2 * pad
                lines, cur = [], ""
                for w in v.split():
                    cand = (cur + " " + w).strip()
                    if self.width(cand, font) > limit and cur:
                        lines.append(cur)
                        cur = w
                    else:
                        cur = cand
                lines.append(cur)
                cell_lines.append(lines)
            n = max(len(c) for c in cell_lines)
            for i in range(n):
                for k, lines in enumerate(cell_lines):
                    if i < len(lines):
                        self.text(xs[k] + pad, lines[i])
                self.y += self.line_h
            self.draw.line((xs[0], self.y - 8, xs[-1], self.y - 8), fill=0, width=1)
        # no vertical rules: many registers have none, and OCR reads rules as "|"

    def render(self, items: list) -> Image.Image:
        for it in items:
            kind = it[0]
            if kind == "title":
                self.title(it[1])
            elif kind == "text":
                self.free(it[1])
            elif kind == "fields":
                self.fields(it[1])
            elif kind == "cols":
                self.cols(it[1], it[2])
            elif kind == "table":
                self.table(it[1], it[2])
            elif kind == "rule":
                self.rule()
        return self.img.crop((0, 0, PAGE_W, min(3400, self.y + 120)))


def degrade(img: Image.Image, level: int, rng: random.Random) -> Image.Image:
    """Level 0 clean; 1 light noise/blur; 2 noise, blur, slight skew, JPEG; 3 heavier on every count."""
    if level <= 0:
        return img.convert("RGB")
    nrng = np.random.default_rng(rng.randint(0, 2 ** 31))
    noise, blur, skew, quality, fade = {1: (6, 0.35, 0.0, 85, 0), 2: (12, 0.6, 0.6, 60, 15),
                                        3: (16, 0.8, 1.0, 45, 30)}[min(level, 3)]
    if skew:
        img = img.rotate(rng.uniform(-skew, skew), resample=Image.BICUBIC, expand=True, fillcolor=255)
    if blur:
        img = img.filter(ImageFilter.GaussianBlur(blur))
    a = np.asarray(img, dtype=np.float32)
    if fade:  # grey paper, faded ink
        a = fade + a * (255 - 2 * fade) / 255
    a = a + nrng.normal(0, noise, a.shape)
    if level >= 2:
        specks = nrng.random(a.shape) < 0.0008 * level
        a[specks] = 40
    img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    buf = io.BytesIO()
    img.convert("RGB").save(buf, "JPEG", quality=quality)
    buf.seek(0)
    return Image.open(buf).convert("RGB")


def build_document(record_type: str, index: int, level: int, seed: int) -> tuple[list[Image.Image], dict]:
    """Page images and truth for one document; deterministic in its arguments."""
    rng = random.Random(f"{seed}:{record_type}:{index}:{level}")
    builders = BUILDERS[record_type]
    doc = builders[index % len(builders)](rng)
    family = rng.choice(["serif", "serif", "sans", "mono"])
    style = Style(rng.choice(FONTS[family]), rng.randint(28, 34), rng.random() < 0.5, rng.random() < 0.15)
    if doc.layout == "register" and doc.record_type == "museum_object":
        style.size, style.leaders, style.upper_labels = rng.randint(24, 27), False, False
    if doc.layout == "two-column":
        style.size = min(style.size, 29)
    images = [degrade(Painter(style, rng).render(items), level, rng) for items in doc.pages]
    truth = {"record_type": doc.record_type, "collection": doc.collection, "layout": doc.layout, "level": level,
             "seed": seed, "font": style.font, "size": style.size, "leaders": style.leaders,
             "pages": len(images), "records": doc.records}
    return images, truth


def write_document(out: Path, stem: str, images: list, truth: dict) -> None:
    """A generated document on disk: its pages as STEM.pN.png and its truth as STEM.json."""
    for k, img in enumerate(images, 1):
        img.save(out / f"{stem}.p{k}.png")
    (out / f"{stem}.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--per-type", type=int, default=3, help="documents per record type and level")
    ap.add_argument("--levels", default="0,1,2,3", help="degradation levels, comma separated (0-3)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--types", default=",".join(RECORD_TYPES))
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    n = 0
    for level in [int(x) for x in args.levels.split(",")]:
        for rt in args.types.split(","):
            for i in range(args.per_type):
                images, truth = build_document(rt, i, level, args.seed)
                write_document(args.out, f"{rt}-{i:03d}-L{level}", images, truth)
                n += 1
    print(f"{n} documents in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
