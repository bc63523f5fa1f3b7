"""Documents of the six record types, their labels from a grammar split and their values from a pool.

Each builder takes a ``Labeler`` (wordings of one split), a ``Values`` (values
of the same split) and the document's ``random.Random``, and returns a
``make_forms.Doc``: page items for the painter and the truth records (flat
dotted keys, the normal forms of the field contract). Titles are the
document names the contract gives: classification is not what the split
varies. Kinds of document:

- certificates of one person (birth, death, marriage, war invalid, museum card);
- register pages with several entries (birth and death registers, museum tables);
- dossiers of one person over 2–3 pages (martyr, war invalid);
- ``bound_register``: a 20-page register of single certificates
  (8 birth, 8 death, 4 marriage, one per page).
"""

from __future__ import annotations

import random

import make_forms as mf
from forms import dev_museum
from forms import dev_words as dev
from forms.grammar import ATTRIBUTES, Labeler, plain_wordings
from forms.values import UNSEEN_CAUSES, UNSEEN_CONDITIONS, UNSEEN_FRONTS, UNSEEN_MATERIALS, UNSEEN_OBJECTS, \
    UNSEEN_POSITIONS, UNSEEN_RANKS, Person, Values

Doc = mf.Doc
iso = mf.iso


def _sex_text(p: Person) -> str:
    return "Nam" if p.sex == "male" else "Nữ"


def _reg_block(lab: Labeler, val: Values, t: dict, number: str, book: str | None) -> list:
    pairs = [(lab.plain("reg_number"), number)]
    t["registration.number"] = number
    if book:
        pairs.append((lab.plain("reg_book"), book))
        t["registration.book"] = book
    return [("fields", pairs)]


def _reg_end(lab: Labeler, val: Values, t: dict, reg_date: tuple) -> list:
    off = val.office()
    t["registration.office"], t["registration.date"] = off, iso(reg_date)
    return [("fields", [(lab.plain("reg_office"), off)]), ("fields", [(lab.plain("reg_date"), val.date_text(reg_date))])]


def _parent(lab: Labeler, val: Values, rng: random.Random, role: str, p: Person, t: dict) -> list:
    """A parent's block: under a section heading with bare attributes, or a label naming the role first."""
    items: list = []
    by_marker = rng.random() < 0.35
    if by_marker:
        items.append(("text", lab.marker(role)))
    items.append(("fields", [(_bare(lab, rng, "name") if by_marker else lab.person(role, "name"), p.name)]))
    qualify = not by_marker and rng.random() < 0.4  # "Năm sinh của mẹ" rather than "Năm sinh" below "Họ tên mẹ"

    def lb(attr: str) -> str:
        return lab.person(role, attr) if qualify else _bare(lab, rng, attr)

    items.append(("fields", [(lb("birth_year"), str(p.dob[0])), (lb("ethnicity"), p.ethnicity),
                             (lb("nationality"), "Việt Nam")]))
    res = val.place(p.province)
    items.append(("fields", [(lb("residence"), res)]))
    t.update({f"{role}.full_name": p.name, f"{role}.birth_year": str(p.dob[0]), f"{role}.ethnicity": p.ethnicity,
              f"{role}.nationality": "Việt Nam", f"{role}.residence": res})
    return items


def birth_certificate(lab: Labeler, val: Values, rng: random.Random) -> Doc:
    child = val.person(years=(1950, 2020))
    mother = val.person("female", (child.dob[0] - 40, child.dob[0] - 18))
    father = val.person("male", (child.dob[0] - 45, child.dob[0] - 20))
    reg_date = (child.dob[0] + (1 if child.dob[1] == 12 else 0), child.dob[1] % 12 + 1, rng.randint(1, 28))
    t: dict = {}
    items = mf.national_header() + [("title", rng.choice(["GIẤY KHAI SINH", "TRÍCH LỤC KHAI SINH"]))]
    items += _reg_block(lab, val, t, str(rng.randint(1, 400)), f"{rng.randint(1, 9):02d}/{reg_date[0]}")
    name = child.name.upper() if val.capitals and rng.random() < 0.4 else child.name
    items.append(("fields", [(lab.person("child", "name"), name)]))
    items.append(("fields", [(lab.person("child", "dob"), val.date_text(child.dob))]))
    t["full_name"], t["date_of_birth"] = child.name, iso(child.dob)
    if rng.random() < 0.6:
        items.append(("fields", [(lab.plain("dob_words"), val.date_words(child.dob))]))
    items.append(("fields", [(lab.person("child", "sex"), _sex_text(child)), (lab.person("child", "ethnicity"), child.ethnicity)]))
    items.append(("fields", [(lab.person("child", "nationality"), "Việt Nam")]))
    t.update({"sex": child.sex, "ethnicity": child.ethnicity, "nationality": "Việt Nam"})
    pob = val.place(child.province)
    items.append(("fields", [(lab.person("child", "pob"), pob)]))
    t["place_of_birth"] = pob
    if rng.random() < 0.5:
        ht = val.place(child.province)
        items.append(("fields", [(lab.person("child", "hometown"), ht)]))
        t["hometown"] = ht
    if child.dob[0] >= 2016:
        pid = val.personal_id(child)
        items.append(("fields", [(lab.person("child", "personal_id"), pid)]))
        t["personal_id"] = pid
    items += _parent(lab, val, rng, "mother", mother, t)
    items += _parent(lab, val, rng, "father", father, t)
    declarant = father if rng.random() < 0.6 else mother
    rel = ("Cha" if lab.split == "seen" else val.pick(["Cha"], ["Bố", "Cha"], dev.BIRTH_FATHER_RELATION)) if declarant is father else "Mẹ"
    items.append(("fields", [(lab.person("declarant_birth", "name"), declarant.name)]))
    items.append(("fields", [(lab.plain("relation_birth"), rel)]))
    t["declarant.full_name"], t["declarant.relation"] = declarant.name, rel
    items += _reg_end(lab, val, t, reg_date)
    return Doc("birth", "hotich/", [items], [{"record_type": "birth", "fields": t}], "certificate")


def _death_fields(lab: Labeler, val: Values, rng: random.Random, p: Person, dd: tuple, t: dict) -> list:
    """When, where and why: one label for time and date or (unseen wording) one each; the place may share the row."""
    items: list = []
    hh, mm = rng.randint(0, 23), rng.choice([0, 5, 10, 15, 20, 30, 40, 45, 50])
    t["time_of_death"], t["date_of_death"] = f"{hh:02d}:{mm:02d}", iso(dd)
    pod = val.pick([f"Bệnh viện đa khoa tỉnh {p.province}", "Tại nhà riêng, " + val.place(p.province)],
                   [f"Trung tâm y tế huyện, tỉnh {p.province}", "Nhà riêng, " + val.place(p.province)],
                   # (the dev places drawn only for the dev split: the other splits' pages stay as they were)
                   [dev.PLACES_OF_DEATH[0].format(p=p.province), dev.PLACES_OF_DEATH[1].format(place=val.place(p.province))]
                   if val.dev else None)
    t["place_of_death"] = pod
    place_label = lab.plain("death_place")
    if lab.has("death_hour") and rng.random() < 0.4:
        row = [(lab.plain("death_hour"), f"{hh} giờ {mm:02d} phút"), (lab.plain("death_day"), val.date_text(dd))]
        items.append(("fields", row))
        items.append(("fields", [(place_label, pod)]))
    else:
        when = f"{hh} giờ {mm:02d} phút, ngày {val.date_text(dd, 'slash0')}"
        if rng.random() < 0.5:
            when = f"{hh} giờ {mm:02d} phút, ngày {dd[2]:02d} tháng {dd[1]:02d} năm {dd[0]}"
        if rng.random() < 0.3:  # the place right after the date, on the same row
            items.append(("fields", [(lab.plain("death_when"), when), (place_label, pod)]))
        else:
            items.append(("fields", [(lab.plain("death_when"), when)]))
            items.append(("fields", [(place_label, pod)]))
    cause = val.pick(mf.CAUSES, UNSEEN_CAUSES, dev.CAUSES)
    items.append(("fields", [(lab.plain("death_cause"), cause)]))
    t["cause_of_death"] = cause
    return items


def death_certificate(lab: Labeler, val: Values, rng: random.Random) -> Doc:
    p = val.person(years=(1920, 1990))
    dd = (rng.randint(max(p.dob[0] + 30, 1975), 2024), rng.randint(1, 12), rng.randint(1, 27))
    t: dict = {}
    items = mf.national_header() + [("title", rng.choice(["TRÍCH LỤC KHAI TỬ", "GIẤY CHỨNG TỬ"]))]
    items += _reg_block(lab, val, t, str(rng.randint(1, 200)), f"{rng.randint(1, 5):02d}/{dd[0]}")
    items.append(("fields", [(lab.person("deceased", "name"), p.name)]))
    items.append(("fields", [(lab.person("deceased", "dob"), val.date_text(p.dob, "slash0"))]))
    items.append(("fields", [(lab.person("deceased", "sex"), _sex_text(p)), (lab.person("deceased", "ethnicity"), p.ethnicity),
                             (lab.person("deceased", "nationality"), "Việt Nam")]))
    t.update({"full_name": p.name, "date_of_birth": iso(p.dob), "sex": p.sex, "ethnicity": p.ethnicity,
              "nationality": "Việt Nam"})
    if dd[0] >= 2016:
        pid = val.personal_id(p)
        items.append(("fields", [(lab.person("deceased", "personal_id"), pid)]))
        t["personal_id"] = pid
    items += _death_fields(lab, val, rng, p, dd, t)
    if rng.random() < 0.6:
        gbt = f"{rng.randint(1, 99)}/GBT"
        issuer = val.pick(["Bệnh viện đa khoa tỉnh", "Trạm y tế xã"], ["Trung tâm y tế huyện", "Công an xã"], dev.NOTICE_ISSUERS)
        nd = (dd[0], dd[1], dd[2] + 1)
        items.append(("fields", [(lab.plain("death_notice"), f"{gbt} do {issuer} cấp ngày {val.date_text(nd, 'slash0')}")]))
        t["death_notice.number"], t["death_notice.issuer"], t["death_notice.date"] = gbt, issuer, iso(nd)
    decl = val.person(years=(1950, 1995))
    rel = rng.choice(["Con", "Vợ", "Chồng", "Cháu"] if lab.split == "seen" else dev.DEATH_RELATIONS if lab.split == "dev"
                     else ["Con trai", "Con gái", "Em", "Cháu nội"])
    items.append(("fields", [(lab.person("declarant_death", "name"), decl.name)]))
    items.append(("fields", [(lab.plain("relation_death"), rel)]))
    t["declarant.full_name"], t["declarant.relation"] = decl.name, rel
    items += _reg_end(lab, val, t, (dd[0], dd[1], min(28, dd[2] + 1)))
    return Doc("death", "hotich/", [items], [{"record_type": "death", "fields": t}], "certificate")


def marriage_certificate(lab: Labeler, val: Values, rng: random.Random) -> Doc:
    wife, husband = val.person("female", (1950, 2000)), val.person("male", (1948, 2000))
    reg_date = (max(wife.dob[0], husband.dob[0]) + rng.randint(20, 25), rng.randint(1, 12), rng.randint(1, 28))
    t: dict = {}
    items = mf.national_header() + [("title", rng.choice(["GIẤY CHỨNG NHẬN KẾT HÔN", "TRÍCH LỤC KẾT HÔN"]))]
    items += _reg_block(lab, val, t, str(rng.randint(1, 300)), f"{rng.randint(1, 5):02d}")
    columns = rng.random() < 0.5

    def person_rows(p: Person, role: str) -> list:
        def lb(attr: str) -> str:  # under a column heading the labels name no role
            return _bare(lab, rng, attr) if columns else lab.person(role, attr)

        res = val.place(p.province)
        rows = [(lb("name"), p.name), (lb("dob"), val.date_text(p.dob)), (lb("ethnicity"), p.ethnicity),
                (lb("nationality"), "Việt Nam"), (lb("residence"), res)]
        t.update({f"{role}.full_name": p.name, f"{role}.date_of_birth": iso(p.dob), f"{role}.ethnicity": p.ethnicity,
                  f"{role}.nationality": "Việt Nam", f"{role}.residence": res})
        if reg_date[0] >= 2016:
            pid = val.personal_id(p)
            rows.append((lb("personal_id"), pid))
            t[f"{role}.personal_id"] = pid
        return rows

    blocks = [("wife", wife), ("husband", husband)]
    if rng.random() < 0.5:
        blocks.reverse()
    if columns:
        (r1, p1), (r2, p2) = blocks
        items.append(("cols", (lab.marker(r1), person_rows(p1, r1)), (lab.marker(r2), person_rows(p2, r2))))
    else:
        for role, p in blocks:
            items += [("fields", [row]) for row in person_rows(p, role)]
    items += _reg_end(lab, val, t, reg_date)
    return Doc("marriage", "hotich/", [items], [{"record_type": "marriage", "fields": t}],
               "two-column" if columns else "certificate")


def _bare(lab: Labeler, rng: random.Random, attr: str) -> str:
    """An attribute with no role word (under a section heading or in a column): seen or unseen attribute words."""
    words = ATTRIBUTES[attr]["seen"] + (ATTRIBUTES[attr][lab.split] if lab.split != "seen" else [])
    return lab._dress(rng.choice(words))


def civil_register_page(lab: Labeler, val: Values, rng: random.Random, record_type: str) -> Doc:
    """A register page with 3–4 birth or death entries, ruled apart (one record per entry)."""
    title = {"birth": "SỔ ĐĂNG KÝ KHAI SINH", "death": "SỔ ĐĂNG KÝ KHAI TỬ"}[record_type]
    items: list = [("title", title), ("text", f"Năm {rng.randint(1965, 2010)}")]
    records = []
    n = rng.randint(3, 4)
    for k in range(n):
        t: dict = {}
        num = str(rng.randint(1, 500))
        if record_type == "birth":
            c = val.person(years=(1960, 2010))
            m = val.person("female", (c.dob[0] - 35, c.dob[0] - 18))
            items.append(("fields", [(lab.plain("reg_number"), num), (lab.person("child", "name"), c.name)]))
            items.append(("fields", [(lab.person("child", "dob"), val.date_text(c.dob, "slash0")),
                                     (lab.person("child", "sex"), _sex_text(c))]))
            pob = val.place(c.province)
            items.append(("fields", [(lab.person("child", "pob"), pob)]))
            items.append(("fields", [(lab.person("mother", "name"), m.name)]))
            t.update({"registration.number": num, "full_name": c.name, "date_of_birth": iso(c.dob), "sex": c.sex,
                      "place_of_birth": pob, "mother.full_name": m.name})
        else:
            p = val.person(years=(1910, 1960))
            dd = (rng.randint(max(1970, p.dob[0] + 25), 2010), rng.randint(1, 12), rng.randint(1, 28))
            items.append(("fields", [(lab.plain("reg_number"), num), (lab.person("deceased", "name"), p.name)]))
            items.append(("fields", [(lab.person("deceased", "dob"), val.date_text(p.dob, "slash0")),
                                     (lab.person("deceased", "sex"), _sex_text(p))]))
            label = lab.plain("death_day") if lab.has("death_day") and rng.random() < 0.5 else None
            if label:
                items.append(("fields", [(label, val.date_text(dd, "slash0"))]))
            else:
                items.append(("fields", [(lab.plain("death_when"), f"ngày {val.date_text(dd, 'slash0')}")]))
            pod = val.place(p.province)
            items.append(("fields", [(lab.plain("death_place"), pod)]))
            t.update({"registration.number": num, "full_name": p.name, "date_of_birth": iso(p.dob), "sex": p.sex,
                      "date_of_death": iso(dd), "place_of_death": pod})
        if k < n - 1:
            items.append(("rule",))
        records.append({"record_type": record_type, "fields": t})
    return Doc(record_type, "hotich/", [items], records, "register")


def martyr_dossier(lab: Labeler, val: Values, rng: random.Random) -> Doc:
    """One martyr over 2–3 pages: the notice, the Bằng Tổ quốc ghi công, sometimes a page of relatives."""
    p = val.person("male", (1930, 1954))
    enl = (p.dob[0] + rng.randint(17, 20), rng.randint(1, 12))
    dd = (min(1975, enl[0] + rng.randint(1, 5)), rng.randint(1, 12), rng.randint(1, 28))
    t: dict = {}
    page1: list = [("title", rng.choice(["GIẤY BÁO TỬ", "GIẤY CHỨNG NHẬN HY SINH", "LÝ LỊCH LIỆT SĨ"]))]
    page1.append(("fields", [(lab.person("martyr", "name"), p.name)]))
    t["full_name"] = p.name
    if rng.random() < 0.4:
        alias = val.pick(mf.GIVEN_M, ["Tư", "Sáu", "Hai Lúa", "Ba Sơn"], dev.ALIASES)
        page1.append(("fields", [(lab.plain("alias"), alias)]))
        t["alias"] = alias
    page1.append(("fields", [(lab.person("martyr", "birth_year"), str(p.dob[0]))]))
    t["date_of_birth"] = str(p.dob[0])
    ht = val.place(p.province)
    page1.append(("fields", [(lab.person("martyr", "hometown"), ht)]))
    t["hometown"] = ht
    if rng.random() < 0.5:
        res = val.place(p.province)
        page1.append(("fields", [(lab.person("martyr", "residence"), res)]))
        t["residence"] = res
    rank, pos = val.pick(mf.RANKS, UNSEEN_RANKS, dev.RANKS), val.pick(mf.POSITIONS, UNSEEN_POSITIONS, dev.POSITIONS)
    page1.append(("fields", [(lab.plain("enlistment"), f"{enl[1]}/{enl[0]}"), (lab.plain("rank"), rank)]))
    page1.append(("fields", [(lab.plain("position"), pos)]))
    t["enlistment_date"], t["rank"], t["position"] = f"{enl[0]}-{enl[1]:02d}", rank, pos
    unit = f"Đại đội {rng.randint(1, 20)}, Tiểu đoàn {rng.randint(1, 30)}, Trung đoàn {rng.randint(1, 300)}"
    page1.append(("fields", [(lab.plain("unit"), unit)]))
    t["unit"] = unit
    front = val.pick(mf.FRONTS, UNSEEN_FRONTS, dev.FRONTS)
    page1.append(("fields", [(lab.plain("martyr_death"), f"{val.date_text(dd, 'slash')} tại {front}")]))
    t["date_of_death"], t["place_of_death"] = iso(dd), front
    if rng.random() < 0.6:
        burial = f"Nghĩa trang liệt sĩ {val.pick(['Trường Sơn', 'Đường 9'], ['Hàng Dương', 'Vị Xuyên', 'Dốc Bà Đắc'], dev.CEMETERIES)}"
        page1.append(("fields", [(lab.plain("burial"), burial)]))
        t["burial_place"] = burial
    page2: list = [("title", "BẰNG TỔ QUỐC GHI CÔNG"), ("fields", [(lab.person("martyr", "name"), p.name)]),
                   ("fields", [(lab.person("martyr", "hometown"), ht)])]
    cert = f"{rng.choice(['GC', 'KT', 'LS'])}{rng.randint(100, 99999)}"
    dec, dec_date = f"{rng.randint(10, 999)}/QĐ", (dd[0] + rng.randint(1, 10), rng.randint(1, 12), rng.randint(1, 28))
    page2.append(("fields", [(lab.plain("martyr_cert"), cert)]))
    page2.append(("fields", [(lab.plain("decision"), f"{dec} ngày {val.date_text(dec_date, 'slash0')}")]))
    t["certificate.number"], t["certificate.decision_number"], t["certificate.decision_date"] = cert, dec, iso(dec_date)
    pages = [page1, page2]
    rels: list = []
    if rng.random() < 0.6:
        page3: list = [("text", "Thân nhân:")]  # no heading: the page continues the dossier
        for rel, sex in (("cha", "male"), ("mẹ", "female")):
            r = val.person(sex, (1900, 1930))
            page3.append(("fields", [(lab.relative(rel), r.name)]))
            rels.append((rel, r.name))
        pages.append(page3)
    for i, (rel, name) in enumerate(rels):
        t[f"relatives[{i}].full_name"], t[f"relatives[{i}].relation"] = name, rel
    return Doc("martyr", "nguoicocong/", pages, [{"record_type": "martyr", "fields": t}], "dossier")


WAR_TITLES = {"war_invalid": "GIẤY CHỨNG NHẬN THƯƠNG BINH", "sick_soldier": "GIẤY CHỨNG NHẬN BỆNH BINH",
              "treated_as_war_invalid": "GIẤY CHỨNG NHẬN NGƯỜI HƯỞNG CHÍNH SÁCH NHƯ THƯƠNG BINH"}
WAR_CATEGORY = {"war_invalid": "Thương binh", "sick_soldier": "Bệnh binh",
                "treated_as_war_invalid": "Người hưởng chính sách như thương binh"}


def war_invalid_doc(lab: Labeler, val: Values, rng: random.Random, pages: int = 1) -> Doc:
    """A war invalid's certificate; with ``pages=2`` followed by the assessment record of the same man."""
    p = val.person("male", (1930, 1960))
    cat = rng.choice(["war_invalid", "war_invalid", "sick_soldier", "treated_as_war_invalid"])
    t: dict = {}
    items = mf.national_header() + [("title", WAR_TITLES[cat])]
    cert = f"{rng.choice(['TB', 'BB', 'HN'])}/{rng.randint(1000, 99999)}"
    items.append(("fields", [(lab.plain("invalid_cert"), cert)]))
    items.append(("fields", [(lab.person("invalid", "name"), p.name)]))
    items.append(("fields", [(lab.person("invalid", "dob"), val.date_text(p.dob, "slash0"))]))
    t.update({"certificate.number": cert, "full_name": p.name, "date_of_birth": iso(p.dob)})
    ht, res = val.place(p.province), val.place(p.province)
    items.append(("fields", [(lab.person("invalid", "hometown"), ht)]))
    items.append(("fields", [(lab.person("invalid", "residence"), res)]))
    items.append(("fields", [(lab.plain("category"), WAR_CATEGORY[cat])]))
    t.update({"hometown": ht, "residence": res, "category": cat})
    unit = f"Đại đội {rng.randint(1, 20)}, Trung đoàn {rng.randint(1, 300)}"
    items.append(("fields", [(lab.plain("unit_injured"), unit)]))
    injd = (p.dob[0] + rng.randint(18, 25), rng.randint(1, 12), rng.randint(1, 28))
    front = val.pick(mf.FRONTS, UNSEEN_FRONTS, dev.FRONTS)
    items.append(("fields", [(lab.plain("injury_date"), val.date_text(injd, "slash0"))]))
    items.append(("fields", [(lab.plain("injury_place"), front)]))
    t.update({"unit_when_injured": unit, "injury_date": iso(injd), "injury_place": front})
    rate, grade = rng.choice([21, 31, 41, 51, 61, 71, 81]), f"{rng.randint(1, 4)}/4"
    dec = f"{rng.randint(10, 9999)}/QĐ-LĐTBXH"
    decd = (injd[0] + rng.randint(1, 5), rng.randint(1, 12), rng.randint(1, 28))
    issuer = rng.choice(["Bộ Lao động - Thương binh và Xã hội", "Sở Lao động - Thương binh và Xã hội tỉnh Bắc Ninh"]
                        if lab.split == "seen" else dev.ISSUERS if lab.split == "dev"
                        else ["Sở Lao động - Thương binh và Xã hội tỉnh Nam Định", "Bộ Quốc phòng"])
    tail = [("fields", [(lab.plain("injury_rate"), f"{rate}%"), (lab.plain("grade"), grade)]),
            ("fields", [(lab.plain("decision"), f"{dec} ngày {val.date_text(decd, 'slash0')} của {issuer}")])]
    t.update({"injury_rate": rate, "grade": grade, "decision.number": dec, "decision.date": iso(decd),
              "decision.issuer": issuer})
    if pages == 1:
        return Doc("war_invalid", "nguoicocong/", [items + tail], [{"record_type": "war_invalid", "fields": t}],
                   "certificate")
    page2 = [("title", "BIÊN BẢN GIÁM ĐỊNH THƯƠNG TẬT"), ("fields", [(lab.person("invalid", "name"), p.name)]),
             ("fields", [(lab.person("invalid", "dob"), val.date_text(p.dob, "slash0"))])] + tail
    return Doc("war_invalid", "nguoicocong/", [items, page2], [{"record_type": "war_invalid", "fields": t}], "dossier")


def museum_card(lab: Labeler, val: Values, rng: random.Random) -> Doc:
    if lab.split == "dev":  # the dev cards' own fields, values and layouts (forms/dev_museum.py)
        return dev_museum.card(lab, val, rng)
    t: dict = {}
    items: list = [("text", val.pick(["BẢO TÀNG TỈNH BẮC NINH"], ["BẢO TÀNG TỈNH NAM ĐỊNH"], [dev.MUSEUM])),
                   ("title", rng.choice(["PHIẾU HIỆN VẬT", "PHIẾU KIỂM KÊ KHOA HỌC"]))]
    inv = f"{val.pick(['BTBN'], ['BTNĐ'], [dev.MUSEUM_CODE])} {rng.randint(100, 9999)}/{rng.choice(['KL', 'G', 'GV', 'TL'])} {rng.randint(1, 99)}"
    name, mat = val.pick(mf.OBJECTS, UNSEEN_OBJECTS, dev.OBJECTS), val.pick(mf.MATERIALS, UNSEEN_MATERIALS, dev.MATERIALS)
    mv = mf.museum_values(rng)
    items.append(("fields", [(lab.plain("inventory"), inv)]))
    items.append(("fields", [(lab.plain("object_name"), name)]))
    items.append(("fields", [(lab.plain("material"), mat), (lab.plain("quantity"), "01")]))
    items.append(("fields", [(lab.plain("dimensions"), mv["dims"])]))
    t.update({"inventory_number": inv, "name": name, "material": mat, "quantity": "01", "dimensions": mv["dims_v"]})
    if rng.random() < 0.6:
        w = rng.choice(["1,2 kg", "350 g", "2,5 kg", "800 gr"])
        items.append(("fields", [(lab.plain("weight"), w)]))
        num = float(w.split()[0].replace(",", "."))
        t["weight"] = {"kg": round(num if "kg" in w else num / 1000, 4)}
    origin = rng.choice(mf.ORIGINS)
    items.append(("fields", [(lab.plain("dating"), mv["dating"])]))
    items.append(("fields", [(lab.plain("origin"), origin)]))
    t.update({"dating": mv["dating_v"], "origin": origin})
    fp = val.place()
    items.append(("fields", [(lab.plain("find_place"), fp)]))
    t["find_place"] = fp
    if origin in ("Hiến tặng", "Sưu tầm"):
        donor = val.person().name
        items.append(("fields", [(lab.plain("donor"), donor)]))
        t["donor"] = donor
    acq = (rng.randint(1980, 2023), rng.randint(1, 12), rng.randint(1, 28))
    cond = val.pick(mf.CONDITIONS, UNSEEN_CONDITIONS, dev.CONDITIONS)
    items.append(("fields", [(lab.plain("acquisition"), val.date_text(acq, "slash0"))]))
    items.append(("fields", [(lab.plain("condition"), cond)]))
    t.update({"acquisition_date": iso(acq), "condition": cond})
    store = f"Kho {rng.randint(1, 5)}, giá {rng.randint(1, 20)}, ngăn {rng.randint(1, 6)}"
    items.append(("fields", [(lab.plain("storage"), store)]))
    t["storage_location"] = store
    return Doc("museum_object", "baotang/", [items], [{"record_type": "museum_object", "fields": t}], "card")


def museum_table(lab: Labeler, val: Values, rng: random.Random) -> Doc:
    """A register table, one object per row; its column titles are words of the split."""

    def title(concept: str) -> str:
        return rng.choice(plain_wordings(concept, lab.split))

    headers = ["STT", title("inventory"), title("object_name"), title("material"), title("dimensions"), title("dating")]
    rows, records = [], []
    for i in range(rng.randint(4, 6)):
        if lab.split == "dev":  # the sizes and datings the dev cards write
            name, mat = rng.choice(dev.OBJECTS), rng.choice(dev.MATERIALS)
            (inv, dims, dating), fields = dev_museum.table_row(rng)
            rows.append([str(i + 1), inv, name, mat, dims, dating])
            records.append({"record_type": "museum_object", "fields": {**fields, "name": name, "material": mat}})
            continue
        inv = f"{rng.choice(['KL', 'G', 'GV'])}.{rng.randint(100, 9999)}"
        name, mat = val.pick(mf.OBJECTS, UNSEEN_OBJECTS, dev.OBJECTS), val.pick(mf.MATERIALS, UNSEEN_MATERIALS, dev.MATERIALS)
        mv = mf.museum_values(rng)
        rows.append([str(i + 1), inv, name, mat, mv["dims"], mv["dating"]])
        records.append({"record_type": "museum_object",
                        "fields": {"inventory_number": inv, "name": name, "material": mat, "dimensions": mv["dims_v"],
                                   "dating": mv["dating_v"]}})
    items = [("text", val.pick(["BẢO TÀNG TỈNH BẮC NINH"], ["BẢO TÀNG TỈNH NAM ĐỊNH"], [dev.MUSEUM])),
             ("title", rng.choice(["SỔ ĐĂNG KÝ HIỆN VẬT", "BẢN THỐNG KÊ HIỆN VẬT"])), ("table", headers, rows)]
    return Doc("museum_object", "baotang/", [items], records, "register")


def bound_register(lab: Labeler, val: Values, rng: random.Random) -> Doc:
    """A bound register of single certificates: 8 birth, 8 death, 4 marriage, one per page, one file."""
    pages, records = [], []
    for build in [birth_certificate] * 8 + [death_certificate] * 8 + [marriage_certificate] * 4:
        d = build(lab, val, rng)
        pages += d.pages
        records += d.records
    return Doc("mixed", "hotich/", pages, records, "bound-register")


BUILDERS = {
    "birth": [birth_certificate, birth_certificate, lambda lab, val, rng: civil_register_page(lab, val, rng, "birth")],
    "death": [death_certificate, death_certificate, lambda lab, val, rng: civil_register_page(lab, val, rng, "death")],
    "marriage": [marriage_certificate],
    "martyr": [martyr_dossier],
    "war_invalid": [war_invalid_doc, lambda lab, val, rng: war_invalid_doc(lab, val, rng, pages=2)],
    "museum_object": [museum_card, museum_table],
    "bound_register": [bound_register],
}
