"""Values printed on the forms: people, places, dates, numbers — one pool per split.

The seen split draws from ``make_forms``' pools (the values the project's own
generator has always printed). The unseen split draws from pools written here
and nowhere else: other family, middle and given names, other provinces and
their communes, wards and townships, "UBND" offices, dates with dots. None of
them comes from ``schemas/data``; ``disjoint.value_overlap`` counts any whole
value that the extractor's data lists would hold.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import make_forms as mf
from forms import dev_words as dev

UNSEEN_SURNAMES = ["Tạ", "Lưu", "Quách", "Kiều", "Thái", "Hà", "Tô", "Triệu", "Cao", "Khổng", "Âu", "Vương", "Lâm",
                   "Huỳnh", "Võ", "Châu", "Tăng", "Doãn", "Mạc", "Giáp", "Khúc", "Lục", "Tống", "Ninh", "Thân", "Diệp"]
UNSEEN_MIDDLE_M = ["Bá", "Trọng", "Khắc", "Duy", "Tiến", "Huy", "Gia", "Đăng", "Viết", "Trung", "Phú", "Ngọc"]
UNSEEN_MIDDLE_F = ["Bích", "Diệu", "Mỹ", "Tuyết", "Phương", "Hải", "Khánh", "Cẩm", "Như", "Bảo"]
UNSEEN_GIVEN_M = ["Khoa", "Lực", "Nhân", "Thiện", "Vinh", "Khang", "Tùng", "Kiên", "Định", "Hậu", "Luân", "Phong",
                  "Quyết", "Sáng", "Tài", "Thịnh", "Vượng", "Đông", "Hoan", "Khiêm"]
UNSEEN_GIVEN_F = ["Ánh", "Châu", "Diệp", "Giang", "Hằng", "Khuê", "Lệ", "My", "Nhàn", "Ngân", "Sen", "Thơm", "Uyên",
                  "Vân", "Xuyến", "Hiền", "Duyên", "Thắm", "Tươi", "Lụa"]
# (province, its 3-digit code, districts, communes/wards, its city)
UNSEEN_PROVINCES = [
    ("Nam Định", "036", ["Hải Hậu", "Giao Thủy", "Xuân Trường", "Nghĩa Hưng"], ["Hải Anh", "Giao Tiến", "Xuân Ngọc", "Nghĩa Lạc"], "Nam Định"),
    ("Thái Bình", "034", ["Kiến Xương", "Tiền Hải", "Quỳnh Phụ", "Đông Hưng"], ["Vũ Quý", "Nam Trung", "An Bài", "Đông Xá"], "Thái Bình"),
    ("Phú Thọ", "025", ["Thanh Sơn", "Cẩm Khê", "Lâm Thao", "Phù Ninh"], ["Tất Thắng", "Phương Xá", "Sơn Vi", "Trạm Thản"], "Việt Trì"),
    ("Nghệ An", "040", ["Diễn Châu", "Quỳnh Lưu", "Nghi Lộc", "Đô Lương"], ["Diễn Kỷ", "Quỳnh Đôi", "Nghi Thạch", "Thịnh Sơn"], "Vinh"),
    ("Quảng Ngãi", "051", ["Mộ Đức", "Đức Phổ", "Tư Nghĩa", "Bình Sơn"], ["Đức Lân", "Phổ Cường", "Nghĩa Kỳ", "Bình Châu"], "Quảng Ngãi"),
    ("Hưng Yên", "033", ["Khoái Châu", "Văn Giang", "Kim Động", "Ân Thi"], ["Đông Kết", "Xuân Quan", "Toàn Thắng", "Hồng Quang"], "Hưng Yên"),
]
UNSEEN_ETHNIC = ["Kinh"] * 6 + ["Chăm", "Giáy", "Lào", "Khmer", "Ê Đê", "Gia Rai", "Ba Na"]
UNSEEN_FRONTS = ["chiến trường Khu 5", "Mặt trận Tây Nam", "Bình Trị Thiên", "đồi A1, Điện Biên", "Cồn Tiên, Gio Linh"]
UNSEEN_CAUSES = ["Suy đa tạng", "Nhồi máu cơ tim", "Tuổi cao sức yếu", "Xuất huyết não", "Đuối nước"]
UNSEEN_RANKS = ["Binh nhì", "Hạ sĩ", "Thượng úy", "Đại úy", "Chuẩn úy"]
UNSEEN_POSITIONS = ["Khẩu đội trưởng", "Trinh sát", "Chính trị viên", "Lái xe", "Pháo thủ"]
UNSEEN_OBJECTS = ["Tráp sơn then", "Ấn đồng", "Mâm bồng", "Hộp trầu", "Kiếm sắt", "Gương đồng", "Đôn sứ", "Thạp đồng"]
UNSEEN_MATERIALS = ["Sắt", "Ngà", "Sừng", "Tre", "Thủy tinh", "Vàng"]
UNSEEN_CONDITIONS = ["Còn nguyên", "Mẻ vành", "Gãy một chân", "Mờ chữ, thủng lỗ nhỏ"]


@dataclass
class Person:
    name: str
    sex: str
    dob: tuple[int, int, int]
    ethnicity: str
    province: str
    code: str


class Values:
    """Random values of one split; every pool of the unseen split is this module's own."""

    def __init__(self, split: str, rng: random.Random):
        self.split, self.rng = split, rng
        self.unseen = split == "unseen"
        self.dev = split == "dev"  # pools of forms/dev_words.py
        self.capitals = True  # whether the page's font prints every capital with its marks

    def person(self, sex: str | None = None, years: tuple[int, int] = (1930, 2005)) -> Person:
        rng = self.rng
        sex = sex or rng.choice(["male", "female"])
        male = sex == "male"
        if self.dev:
            sur, mid = dev.SURNAMES, dev.MIDDLE_M if male else dev.MIDDLE_F
            given = dev.GIVEN_M if male else dev.GIVEN_F
            prov, code, _, _, _ = rng.choice(dev.PROVINCES)
            ethnic = dev.ETHNIC
        elif self.unseen:
            sur, mid = UNSEEN_SURNAMES, UNSEEN_MIDDLE_M if male else UNSEEN_MIDDLE_F
            given = UNSEEN_GIVEN_M if male else UNSEEN_GIVEN_F
            prov, code, _, _, _ = rng.choice(UNSEEN_PROVINCES)
            ethnic = UNSEEN_ETHNIC
        else:
            sur, mid = mf.SURNAMES, mf.MIDDLE_M if male else mf.MIDDLE_F
            given = mf.GIVEN_M if male else mf.GIVEN_F
            prov, code = rng.choice(mf.PROVINCES)
            ethnic = mf.ETHNIC
        name = f"{rng.choice(sur)} {rng.choice(mid)} {rng.choice(given)}"
        y = rng.randint(*years)
        return Person(name, sex, (y, rng.randint(1, 12), rng.randint(1, 28)), rng.choice(ethnic), prov, code)

    def place(self, province: str | None = None) -> str:
        rng = self.rng
        if not self.unseen and not self.dev:
            return mf.place(rng, province)
        pool = dev.PROVINCES if self.dev else UNSEEN_PROVINCES
        prov, _, districts, communes, city = next((p for p in pool if p[0] == province), None) or rng.choice(pool)
        form = rng.choice(["xã", "xã", "thị trấn", "phường"])
        district = f"thành phố {city}" if form == "phường" else f"huyện {rng.choice(districts)}"
        p = f"{form} {rng.choice(communes)}, {district}, tỉnh {prov}"
        if form == "xã" and rng.random() < 0.4:
            p = f"{rng.choice(['xóm', 'thôn', 'đội'])} {rng.randint(1, 12)}, " + p
        return p

    def office(self) -> str:
        if self.dev:
            prov, _, districts, communes, _ = self.rng.choice(dev.PROVINCES)
            head = self.rng.choice(["UBND phường", "Ủy ban nhân dân xã"])
            return f"{head} {self.rng.choice(communes)}, huyện {self.rng.choice(districts)}, tỉnh {prov}"
        if not self.unseen:
            return mf.office(self.rng)
        prov, _, districts, communes, _ = self.rng.choice(UNSEEN_PROVINCES)
        head = self.rng.choice(["UBND xã", "Ủy ban nhân dân xã", "UBND thị trấn"])
        return f"{head} {self.rng.choice(communes)}, huyện {self.rng.choice(districts)}, tỉnh {prov}"

    def date_text(self, d: tuple[int, int, int], style: str | None = None) -> str:
        """A full date as printed; the unseen split also prints dots and "5 tháng 3 năm 1972"."""
        y, m, day = d
        styles = ["slash0", "slash", "dash"] + (["dot", "dot0", "spoken"] if self.unseen else [])
        style = style or self.rng.choice(styles)
        if style == "dot":
            return f"{day}.{m}.{y}"
        if style == "dot0":
            return f"{day:02d}.{m:02d}.{y}"
        if style == "spoken":
            return f"{day} tháng {m} năm {y}"
        return mf.show_date(d, self.rng, style)

    def date_words(self, d: tuple[int, int, int]) -> str:
        return mf.say_date(*d, self.rng)

    def ethnic(self) -> str:
        return self.rng.choice(dev.ETHNIC if self.dev else UNSEEN_ETHNIC if self.unseen else mf.ETHNIC)

    def pick(self, seen: list, unseen: list, dev: list | None = None):
        """One of the split's values (the dev split's own list when given, else the seen one)."""
        if self.dev:
            return self.rng.choice(dev or seen)
        return self.rng.choice(unseen if self.unseen else seen)

    def personal_id(self, p: Person) -> str:
        return mf.personal_id(mf.Person(p.name, p.sex, p.dob, p.ethnicity, p.province, p.code), self.rng)
