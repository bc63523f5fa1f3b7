"""Closed vocabularies the normalisers map onto: ethnic groups, number words, eras.

Kept as plain data so a correction is a one-line change with no logic to touch.
"""

from __future__ import annotations

from sohoa.text import fold

# The 54 ethnic groups of Viet Nam (General Statistics Office list), in the
# spelling we index. Each entry: canonical name, then other spellings seen on
# papers (older hyphenated forms, exonyms, English-style spellings).
ETHNICITIES: list[tuple[str, tuple[str, ...]]] = [
    ("Kinh", ("Việt",)),
    ("Tày", ("Thổ Tày",)),
    ("Thái", ()),
    ("Hoa", ("Hán",)),
    ("Khmer", ("Khơ-me", "Khơ Me", "Khome")),
    ("Mường", ()),
    ("Nùng", ()),
    ("Mông", ("H'Mông", "HMông", "Hmong", "H'mong", "Mèo")),
    ("Dao", ()),
    ("Gia Rai", ("Gia-rai", "Jrai", "Giarai")),
    ("Ngái", ()),
    ("Ê Đê", ("Ê-đê", "Ede", "Êđê", "Rhade")),
    ("Ba Na", ("Ba-na", "Bahnar", "Bana")),
    ("Xơ Đăng", ("Xơ-đăng", "Sedang")),
    ("Sán Chay", ("Sán Chí", "Cao Lan")),
    ("Cơ Ho", ("Cơ-ho", "Koho")),
    ("Chăm", ("Chàm", "Cham")),
    ("Sán Dìu", ()),
    ("Hrê", ("H'rê",)),
    ("Mnông", ("M'nông",)),
    ("Ra Glai", ("Ra-glai", "Raglai")),
    ("Xtiêng", ("Xa Điêng", "Stieng")),
    ("Bru - Vân Kiều", ("Bru-Vân Kiều", "Vân Kiều", "Bru")),
    ("Thổ", ()),
    ("Giáy", ()),
    ("Cơ Tu", ("Cơ-tu", "Katu")),
    ("Gié Triêng", ("Giẻ Triêng", "Gié-Triêng")),
    ("Mạ", ()),
    ("Khơ Mú", ("Khơ-mú", "Khmu")),
    ("Co", ()),
    ("Tà Ôi", ("Tà-ôi", "Pa Cô")),
    ("Chơ Ro", ("Chơ-ro",)),
    ("Kháng", ()),
    ("Xinh Mun", ("Xinh-mun",)),
    ("Hà Nhì", ()),
    ("Chu Ru", ("Chu-ru",)),
    ("Lào", ()),
    ("La Chí", ()),
    ("La Ha", ()),
    ("Phù Lá", ()),
    ("La Hủ", ()),
    ("Lự", ()),
    ("Lô Lô", ()),
    ("Chứt", ()),
    ("Mảng", ()),
    ("Pà Thẻn", ()),
    ("Cơ Lao", ("Co Lao",)),
    ("Cống", ()),
    ("Bố Y", ()),
    ("Si La", ()),
    ("Pu Péo", ()),
    ("Brâu", ()),
    ("Ơ Đu", ()),
    ("Rơ Măm", ("Rơ-măm",)),
]

# Number words, month names, stems and branches: read with dates, so declared with the kernel's
# date reader (sohoa/dates.py).
from sohoa.dates import CAN, CHI, DIGIT_WORDS, HUNDRED_WORDS, MONTH_NAMES, TEN_WORDS, THOUSAND_WORDS, ZERO_TENS_WORDS  # noqa: E402,F401

# Dynasties and periods for museum dating, folded key -> (from, to).
ERAS = {
    "ly": (1009, 1225), "tran": (1225, 1400), "ho": (1400, 1407), "le so": (1428, 1527),
    "mac": (1527, 1677), "le trung hung": (1533, 1789), "le": (1428, 1789),
    "tay son": (1778, 1802), "nguyen": (1802, 1945),
}

# Family names: the first word of almost every Vietnamese full name is one of these. A first word
# outside the list is more often an OCR slip on the diacritics ("Đỉnh" for "Đinh", "Hô" for "Hồ")
# than a rare name, so it lowers the confidence instead of being accepted silently.
SURNAMES = set("""
Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đinh Trịnh Lương Mai Trương Lâm
Phùng Tạ Cao Quách Hà Đoàn Vương Thái Tô Tăng La Lã Lưu Kiều Châu Chu Chử Triệu Nghiêm Văn Hứa Từ Tống Thân
Khúc Khổng Kim Lục Mạc Mạnh Ninh Nông Quan Tôn Thạch Tiêu Trình Ung Vi Viên Âu Bạch Bế Bồ Cù Cung Diệp
Doãn Đàm Đồng Giang Giáp Hàn Hầu Khuất Khương Lạc Lò Lỗ Lộc Ma Mã Mẫn Nhữ Phí Phó Phương Sầm Sơn Tào
Thiều Thịnh Tiết Trác Trang Ứng Vòng Xa Hạ Công Chung Chế Đường Lều Lư Ông Quản Vưu Tòng Lường Kha Âu
Đàng Cấn Lại Thiệu Trà Tiền Hồng Lăng Mẫn Phù Quang Lang Cầm Cà Hoa Nghị Thượng Ngũ Tưởng Văn Vàng Giàng
Sùng Thào Hầu Lầu Mùa Chảo Bàn Triệu Đèo Lữ Dư Hán Khổng Diêm Đậu Đoàn Hề Lỗ Mạch Nhan Phó Sái Trầm
""".split())
# The same folded (no marks, lower case), for telling a family name however OCR or a typist wrote its marks.
SURNAME_FOLDS = frozenset(fold(s) for s in SURNAMES)

# Words that recur in places and units on every kind of paper: administrative levels, the
# provinces (today's, and the older ones registers still name), military units, offices.
# An OCR word that cannot be Vietnamese and is one letter away from one of these (compared
# without diacritics) is read as that word: "tỉnh Băé Ninh" -> "tỉnh Bắc Ninh".
COMMON_WORDS = set("""
tỉnh huyện xã thôn xóm ấp bản làng phường thị trấn thành phố quận khu phố tổ dân khối
Bắc Nam Đông Tây Trung Thượng Hạ Đoài Ninh Giang Sơn Hà Nội Hải Phòng Dương Hưng Yên Thái Bình
Phú Thọ Vĩnh Phúc Lạng Cao Tuyên Quang Lào Cai Điện Biên Lai Châu Hòa Hoà Thanh Hóa Hoá Nghệ An
Tĩnh Quảng Trị Thừa Thiên Huế Đà Nẵng Ngãi Định Khánh Kon Tum Gia Lai Đắk Lắk Nông Lâm Đồng
Thuận Phước Hồ Chí Minh Long Tiền Bến Tre Trà Vinh Sóc Trăng Bạc Liêu Cà Mau Kiên Cần Thơ Hậu
Tháp Nẵng Vũng Tàu Rịa Xuyên Lộc Mỹ Tho Biên Hòa Kạn Cạn Bến
Đại đội Tiểu đoàn Trung đoàn Sư Quân Binh chủng Trường Sơn Nghĩa trang liệt sĩ mặt trận
Ủy Uỷ ban nhân dân Bộ Sở Lao động Thương binh Xã hội Bệnh viện đa khoa Trạm y tế Công an
nước Cộng hòa Việt chủ nghĩa
""".split())

# Provinces, today's and those registers of 1976-1996 name, and the districts of Bắc Ninh and
# Bắc Giang (the archive's province): the name after "tỉnh"/"huyện" in a place is one of these,
# so a name that differs from one only in its marks is an OCR slip on the marks ("Hà Bác").
PROVINCES = """An Giang|Bà Rịa - Vũng Tàu|Bạc Liêu|Bắc Giang|Bắc Kạn|Bắc Ninh|Bến Tre|Bình Dương|Bình Định|Bình Phước|
Bình Thuận|Cà Mau|Cao Bằng|Cần Thơ|Đà Nẵng|Đắk Lắk|Đắk Nông|Điện Biên|Đồng Nai|Đồng Tháp|Gia Lai|Hà Giang|Hà Nam|
Hà Nội|Hà Tĩnh|Hải Dương|Hải Phòng|Hậu Giang|Hòa Bình|Hưng Yên|Khánh Hòa|Kiên Giang|Kon Tum|Lai Châu|Lạng Sơn|
Lào Cai|Lâm Đồng|Long An|Nam Định|Nghệ An|Ninh Bình|Ninh Thuận|Phú Thọ|Phú Yên|Quảng Bình|Quảng Nam|Quảng Ngãi|
Quảng Ninh|Quảng Trị|Sóc Trăng|Sơn La|Tây Ninh|Thái Bình|Thái Nguyên|Thanh Hóa|Thừa Thiên Huế|Tiền Giang|Trà Vinh|
Tuyên Quang|Vĩnh Long|Vĩnh Phúc|Yên Bái|Hà Bắc|Hà Tây|Hà Sơn Bình|Hải Hưng|Hà Nam Ninh|Vĩnh Phú|Bắc Thái|Cao Lạng|
Hoàng Liên Sơn|Hà Tuyên|Nghệ Tĩnh|Bình Trị Thiên|Nghĩa Bình|Phú Khánh|Thuận Hải|Minh Hải|Cửu Long|Sông Bé|Đồng Nai""".replace(
    "\n", "").split("|")
DISTRICTS = """Bắc Ninh|Từ Sơn|Tiên Du|Quế Võ|Yên Phong|Thuận Thành|Gia Bình|Lương Tài|Bắc Giang|Việt Yên|Hiệp Hòa|
Lạng Giang|Yên Dũng|Tân Yên|Lục Nam|Lục Ngạn|Sơn Động|Yên Thế|Tiên Sơn|Gia Lương|Quế Võ""".replace("\n", "").split("|")
# Fixed phrases of places, units and offices; a run of words equal to one but for the marks, or
# (for long phrases) one letter, is that phrase.
PHRASES = ["Ủy ban nhân dân", "Nghĩa trang liệt sĩ", "Lao động - Thương binh và Xã hội", "Thương binh và Xã hội",
           "Đại đội", "Tiểu đoàn", "Trung đoàn", "Sư đoàn", "Trung đội", "Tiểu đội", "Bệnh viện đa khoa",
           "Trạm y tế", "mặt trận", "biên giới", "thị trấn", "thị xã", "thành phố"]
# Causes of death as death registers word them: a cause read with other marks ("Đột quy") is one of these.
CAUSES_OF_DEATH = ["đột quỵ", "tai biến mạch máu não", "nhồi máu cơ tim", "suy tim", "ung thư", "tuổi già",
                   "già yếu", "bệnh già", "tai nạn giao thông", "tai nạn lao động", "đuối nước", "viêm phổi",
                   "xơ gan", "suy thận", "tiểu đường", "cao huyết áp", "lao phổi", "sốt xuất huyết",
                   "suy hô hấp", "ốm đau", "bệnh hiểm nghèo"]
PHRASES += CAUSES_OF_DEATH
# Military ranks as dossiers write them ("Binh nhât" is "Binh nhất", not "Binh nhân").
RANKS = ["Binh nhì", "Binh nhất", "Hạ sĩ", "Trung sĩ", "Thượng sĩ", "Chuẩn úy", "Thiếu úy", "Trung úy", "Thượng úy",
         "Đại úy", "Thiếu tá", "Trung tá", "Thượng tá", "Đại tá", "Thiếu tướng", "Trung tướng"]
PHRASES += RANKS
COMMON_WORDS |= {w for r in RANKS for w in r.split(" ")}
ADMIN_LEVELS = {"tỉnh": PROVINCES, "huyện": DISTRICTS, "thị xã": DISTRICTS, "thành phố": PROVINCES + DISTRICTS}


def _word_list(name: str) -> frozenset[str]:
    """Words of a data file under schemas/data/ (``#`` starts a comment), lower case, NFC."""
    import unicodedata
    from pathlib import Path

    text = (Path(__file__).parent / "data" / name).read_text(encoding="utf-8")
    return frozenset(unicodedata.normalize("NFC", w).lower() for line in text.splitlines()
                     if not line.lstrip().startswith("#") for w in line.split())


# Syllables common in personal names and in the proper part of place names (schemas/data/).
NAME_SYLLABLES = _word_list("name_syllables.txt")

# Museum cataloguing words (schemas/data/): what objects are made of, and the words of object names,
# descriptions, conditions, origins and datings. A field names the lists it is written in
# ("vocabulary" in schemas/types/*.json).
VOCABULARIES = ("museum_materials", "museum_words", "museum_phrases", "museum_acquisition_phrases")


def vocabulary(names: tuple[str, ...]) -> frozenset[str]:
    """The words of the named lists under schemas/data/ (``museum_words`` -> museum_words.txt)."""
    if names not in _VOCABULARY_CACHE:
        _VOCABULARY_CACHE[names] = frozenset().union(*(_word_list(f"{n}.txt") for n in names))
    return _VOCABULARY_CACHE[names]


_VOCABULARY_CACHE: dict[tuple[str, ...], frozenset[str]] = {}


def vocabulary_phrases(names: tuple[str, ...]) -> list[str]:
    """The set phrases among the named lists (``*_phrases``: one phrase a line), lower case, NFC."""
    import unicodedata
    from pathlib import Path

    out: list[str] = []
    for name in names:
        if name.endswith("_phrases"):
            text = (Path(__file__).parent / "data" / f"{name}.txt").read_text(encoding="utf-8")
            out += [unicodedata.normalize("NFC", " ".join(line.split())).lower() for line in text.splitlines()
                    if line.strip() and not line.lstrip().startswith("#")]
    return out
