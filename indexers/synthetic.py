"""Synthetic records for benchmarks and load tests: fictional people, no OCR involved.

Names, dates, places and record types are drawn from fixed, seeded
distributions shaped like a northern provincial archive (Nguyễn is about a
third of family names, most records are births). The output is the base of a
record document (see ``indexers/records.py``): pass it to ``derive``.
"""

from __future__ import annotations

import random

from schemas.model import FieldValue

FAMILY = [("Nguyễn", 310), ("Trần", 110), ("Lê", 95), ("Phạm", 70), ("Hoàng", 50), ("Huỳnh", 15), ("Phan", 45),
          ("Vũ", 40), ("Võ", 20), ("Đặng", 25), ("Bùi", 25), ("Đỗ", 25), ("Hồ", 15), ("Ngô", 20), ("Dương", 15),
          ("Lý", 8), ("Đinh", 12), ("Đào", 10), ("Trịnh", 8), ("Lương", 6), ("Mai", 6), ("Tạ", 5), ("Chu", 5),
          ("Cao", 5), ("Khổng", 2), ("Thân", 4), ("Lục", 2), ("Kiều", 3), ("Quách", 3), ("Âu", 2)]
MIDDLE_M = [("Văn", 50), ("Đức", 8), ("Minh", 8), ("Hữu", 7), ("Quang", 6), ("Đình", 6), ("Công", 5), ("Xuân", 5),
            ("Ngọc", 4), ("Thanh", 4), ("Trọng", 3), ("Duy", 3), ("Bá", 2), ("Tiến", 2), ("Mạnh", 2)]
MIDDLE_F = [("Thị", 60), ("Ngọc", 6), ("Thu", 5), ("Thanh", 5), ("Minh", 4), ("Kim", 4), ("Hồng", 4), ("Thuỳ", 3),
            ("Phương", 3), ("Bảo", 2), ("Diệu", 2), ("Mỹ", 2)]
GIVEN_M = ["Đức", "Nam", "Hùng", "Dũng", "Tuấn", "Hải", "Long", "Sơn", "Thắng", "Bình", "Cường", "Quân", "Tâm",
           "Thành", "Trung", "Việt", "Hoà", "Khải", "Tám", "Lâm", "Phúc", "Lộc", "Thọ", "Toàn", "Hiếu", "Nghĩa",
           "Khánh", "Kiên", "Đạt", "Huy", "Tùng", "Vinh", "Quý", "Thuỷ", "Bảo", "Hưng", "Chiến", "Thịnh", "Tiến",
           "Hậu", "An", "Kha", "Đông", "Mạnh", "Luân", "Khoa", "Phong", "Tú", "Định", "Thái"]
GIVEN_F = ["Hương", "Lan", "Mai", "Hoa", "Hằng", "Nga", "Thảo", "Linh", "Trang", "Hà", "Yến", "Phượng", "Tuyết",
           "Thuỷ", "Hoà", "Loan", "Nhung", "Oanh", "Quyên", "Tâm", "Thu", "Vân", "Xuân", "Hạnh", "Huệ", "Liên",
           "Lụa", "Ngân", "Nhàn", "Thơm", "Tiên", "Uyên", "Vy", "Diệp", "Dung", "Giang", "Hiền", "Khuyên", "Lý",
           "Mơ", "Ngọc", "Như", "Phúc", "Quỳnh", "Sen", "Thắm", "Thoa", "Trinh", "Tươi", "Đào"]
PROVINCES = [("Bắc Ninh", 40), ("Bắc Giang", 20), ("Hà Bắc", 15), ("Hà Nội", 10), ("Hải Dương", 5),
             ("Thái Nguyên", 4), ("Lạng Sơn", 3), ("Hưng Yên", 3)]
DISTRICTS = ["Từ Sơn", "Tiên Du", "Yên Phong", "Quế Võ", "Thuận Thành", "Gia Bình", "Lương Tài", "Việt Yên",
             "Hiệp Hoà", "Lạng Giang", "Yên Dũng", "Tân Yên"]
COMMUNES = ["Đình Bảng", "Phù Chẩn", "Tân Hồng", "Đồng Nguyên", "Hoàn Sơn", "Lạc Vệ", "Phật Tích", "Đông Phong",
            "Vạn An", "Hoà Long", "Nội Duệ", "Cảnh Hưng", "Liên Bão", "Tam Sơn", "Hương Mạc", "Phù Khê", "Võ Cường",
            "Xuân Ổ", "Kim Chân", "Đại Phúc"]
TYPES = [("birth", 55), ("death", 15), ("marriage", 12), ("martyr", 10), ("war_invalid", 5), ("museum_object", 3)]
COLLECTIONS = {"birth": "hotich", "death": "hotich", "marriage": "hotich", "martyr": "nguoicocong",
               "war_invalid": "nguoicocong", "museum_object": "baotang"}
FAMILIES = {"birth": "civil_status", "death": "civil_status", "marriage": "civil_status", "martyr": "veterans",
            "war_invalid": "veterans", "museum_object": "museum"}


def _pick(rng: random.Random, weighted: list[tuple[str, int]]) -> str:
    values, weights = zip(*weighted)
    return rng.choices(values, weights)[0]


def person(rng: random.Random, female: bool | None = None) -> tuple[str, bool]:
    female = rng.random() < 0.5 if female is None else female
    mid = _pick(rng, MIDDLE_F if female else MIDDLE_M)
    given = rng.choice(GIVEN_F if female else GIVEN_M)
    parts = [_pick(rng, FAMILY), mid]
    if rng.random() < 0.15:
        parts.append(_pick(rng, MIDDLE_F if female else MIDDLE_M))
    parts.append(given)
    return " ".join(dict.fromkeys(parts)), female


def place(rng: random.Random) -> str:
    return f"xã {rng.choice(COMMUNES)}, huyện {rng.choice(DISTRICTS)}, tỉnh {_pick(rng, PROVINCES)}"


def _f(value, raw=None, conf=0.95, page=1) -> FieldValue:
    return {"value": value, "raw": raw if raw is not None else str(value), "confidence": conf, "page": page,
            "bbox": None}


def _date(rng: random.Random, lo: int, hi: int) -> str:
    y = rng.randint(lo, hi)
    r = rng.random()
    if r < 0.1:
        return f"{y:04d}"
    if r < 0.2:
        return f"{y:04d}-{rng.randint(1, 12):02d}"
    return f"{y:04d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def record_base(i: int, seed: int = 42, **override):
    """Record number ``i`` of the synthetic archive (the same for the same ``i`` and ``seed``)."""
    rng = random.Random(seed * 1_000_003 + i)
    rtype = _pick(rng, TYPES)
    fields: dict = {}
    conf = round(rng.uniform(0.55, 0.99), 3)
    if rtype == "marriage":
        wife, _ = person(rng, True)
        husband, _ = person(rng, False)
        fields = {"wife": {"full_name": _f(wife), "date_of_birth": _f(_date(rng, 1930, 2000)),
                           "residence": _f(place(rng))},
                  "husband": {"full_name": _f(husband), "date_of_birth": _f(_date(rng, 1930, 2000)),
                              "residence": _f(place(rng))}}
    elif rtype == "museum_object":
        fields = {"name": _f(rng.choice(["Bình gốm", "Chum sành", "Trống đồng", "Sắc phong", "Bia đá", "Lư hương"])
                             + f" số {i}"),
                  "inventory_number": _f(f"BTBN {i}/KL {i % 97}"), "find_place": _f(place(rng))}
    else:
        name, female = person(rng)
        fields = {"full_name": _f(name), "sex": _f("female" if female else "male")}
        born = _date(rng, 1900, 2015 if rtype == "birth" else 1975)
        fields["date_of_birth"] = _f(born)
        if rtype == "birth":
            fields["place_of_birth"] = _f(place(rng))
            fields["mother"] = {"full_name": _f(person(rng, True)[0])}
            fields["father"] = {"full_name": _f(person(rng, False)[0])}
            fields["registration"] = {"number": _f(str(rng.randint(1, 400))),
                                      "date": _f(f"{born[:4]}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")}
            if int(born[:4]) >= 1990 and rng.random() < 0.5:
                fields["personal_id"] = _f(f"0{rng.randint(10, 99)}{rng.randint(0, 9)}{born[2:4]}"
                                           f"{rng.randint(0, 999999):06d}")
        elif rtype == "death":
            fields["date_of_death"] = _f(_date(rng, max(int(born[:4]) + 1, 1950), 2024))
            fields["place_of_death"] = _f(place(rng))
        else:
            fields["hometown"] = _f(place(rng))
            if rtype == "martyr":
                fields["date_of_death"] = _f(_date(rng, 1946, 1989))
                fields["relatives"] = [{"full_name": _f(person(rng, True)[0]), "relation": _f("mẹ")}]
    base = {
        "record_type": rtype, "family": FAMILIES[rtype], "schema_version": "1", "collection": COLLECTIONS[rtype],
        "bucket": None, "key": f"{COLLECTIONS[rtype]}/synthetic/{i // 500:06d}.pdf",
        "doc_hash": f"{seed:08x}{i:056x}", "ordinal": 0, "pages": [1 + i % 500],
        "confidence": conf, "needs_review": conf < 0.6, "review_reasons": ["low confidence"] if conf < 0.6 else [],
        "fields": fields, "extracted_at": "2025-01-01T00:00:00.000+00:00",
    }
    base.update(override)
    return base
