"""How Vietnamese forms name a field: a grammar of label wordings, split into seen, dev and unseen.

A label about a person is a *role* (who: the mother, the deceased, the
declarant …) and an *attribute* (what: name, birth date, residence …) put in an
*order*: "Họ và tên mẹ" is attribute + role, "Mẹ, họ tên" role first, "Họ tên
của mẹ" with "của". A role of ``""`` is the record's own subject, named by the
attribute alone ("Họ và tên"). A label about no person (a registration number,
a museum object's material) is a *plain* phrase.

Every word list has a ``seen`` part — the wordings of the field contract
(`record-types.md`) and close variants, which the project's extractor is
entitled to know — and an ``unseen`` part: other synonyms, old spellings
(sanh, hi sinh, tỉ lệ), abbreviations (Ng. sinh, CCCD, QĐ, ĐK) and the orders
the contract never shows. A *seen* wording uses only seen words in the seen
order; an *unseen* wording has at least one unseen word or the unseen order,
and its folded form is none of the seen wordings'. ``forms.disjoint``
verifies that no unseen wording occurs in the extractor itself. The unseen
lists are the test: whoever changes the extractor should not read them.

A third split, *dev* (its words, templates and values in ``forms/dev_words.py``, which may be read), is
neither: wordings of its own, for developing and checking a rule or a calibration before the unseen split
judges it; ``forms.disjoint`` checks that no dev wording folds to an unseen one.

Surface decoration is split the same way: seen labels end with ":" in the
contract's case (or ALL CAPS); unseen labels may also end with "." or " -",
lose their diacritics, or carry no punctuation at all in a label/value grid.
"""

from __future__ import annotations

import random
import re
import unicodedata

from forms import dev_words

SPLITS = ("seen", "dev", "unseen")

# --- roles: who a label is about ------------------------------------------------------------------
# "" is the record's subject named by the attribute alone ("Họ và tên").

ROLES: dict[str, dict[str, list[str]]] = {
    "child": {"seen": ["", "người được khai sinh"], "unseen": ["trẻ", "trẻ em", "cháu bé"]},
    "deceased": {"seen": ["", "người chết"], "unseen": ["người từ trần", "người quá cố", "người mất", "người đã khuất"]},
    "martyr": {"seen": ["", "liệt sĩ"], "unseen": ["người hy sinh", "người hi sinh", "liệt sỹ"]},
    "invalid": {"seen": [""], "unseen": ["thương binh", "người bị thương", "thương bệnh binh"]},
    "mother": {"seen": ["mẹ", "người mẹ"], "unseen": ["mẹ đẻ", "thân mẫu", "mẹ ruột", "bà mẹ"]},
    "father": {"seen": ["cha", "người cha"], "unseen": ["bố", "bố đẻ", "thân phụ", "cha ruột", "ông bố"]},
    "declarant_birth": {"seen": ["người đi khai sinh"],
                        "unseen": ["người yêu cầu", "người đi đăng ký", "người đứng khai", "người khai"]},
    "declarant_death": {"seen": ["người đi khai tử"],
                        "unseen": ["người yêu cầu", "người đi báo tử", "người đứng khai", "người khai"]},
    "wife": {"seen": ["vợ", "người vợ"], "unseen": ["bên nữ", "chị", "cô dâu"]},
    "husband": {"seen": ["chồng", "người chồng"], "unseen": ["bên nam", "anh", "chú rể"]},
}

# --- attributes: what about the person ------------------------------------------------------------

ATTRIBUTES: dict[str, dict[str, list[str]]] = {
    "name": {"seen": ["Họ, chữ đệm, tên", "Họ và tên", "Họ tên", "Họ, chữ đệm và tên", "Họ tên đầy đủ", "Tên đầy đủ"],
             "unseen": ["Họ và tên khai sinh", "Họ, tên đệm, tên", "H. tên"]},
    "dob": {"seen": ["Ngày, tháng, năm sinh", "Ngày tháng năm sinh", "Sinh ngày", "Ngày sinh", "NTNS"],
            "unseen": ["Sanh ngày", "Ngày sanh", "Đẻ ngày", "Ng. sinh", "Sinh vào ngày"]},
    "birth_year": {"seen": ["Năm sinh", "Sinh năm"], "unseen": ["Năm sanh", "Sinh vào năm", "N. sinh"]},
    "pob": {"seen": ["Nơi sinh", "Sinh tại"], "unseen": ["Nơi sanh", "Sanh tại", "Đẻ tại", "Chỗ sinh", "Nơi đẻ"]},
    "hometown": {"seen": ["Quê quán", "Nguyên quán", "Quê gốc", "Quê hương", "Nguyên quán gốc"], "unseen": ["Q. quán"]},
    "residence": {"seen": ["Nơi cư trú", "Nơi thường trú", "Trú quán", "Nơi ở", "Địa chỉ", "Chỗ ở hiện nay", "Địa chỉ thường trú", "HKTT", "Hộ khẩu thường trú"],
                  "unseen": ["Nơi cư ngụ", "Cư trú tại", "Hiện ở tại"]},
    "ethnicity": {"seen": ["Dân tộc", "Sắc tộc", "Thành phần dân tộc"], "unseen": ["D. tộc", "Thuộc dân tộc"]},
    "nationality": {"seen": ["Quốc tịch", "Quốc tịch hiện nay", "Công dân nước", "Q. tịch"], "unseen": ["Là công dân nước"]},
    "sex": {"seen": ["Giới tính", "Phái tính", "Nam/Nữ", "Giới"], "unseen": ["Là nam/nữ"]},
    "personal_id": {"seen": ["Số định danh cá nhân", "Số CCCD", "Mã định danh", "Số ĐDCN"],
                    "unseen": ["Số căn cước công dân", "Số CMND/CCCD", "Số thẻ căn cước"]},
}

# Orders of a role word and an attribute word. ``{a}`` the attribute, ``{r}`` the role (lower case),
# ``{R}`` the role with a capital.
ORDERS: dict[str, list[str]] = {
    "seen": ["{a} {r}"],
    "unseen": ["{a} của {r}", "{R}, {a}"],
}

# --- plain phrases: fields about no person --------------------------------------------------------

PLAIN: dict[str, dict[str, list[str]]] = {
    "reg_number": {"seen": ["Số", "Số thứ tự"], "unseen": ["Số vào sổ", "Số trích lục"]},
    "reg_book": {"seen": ["Quyển số", "Quyển", "Q. số"], "unseen": ["Quyển sổ số"]},
    "reg_date": {"seen": ["Ngày đăng ký"], "unseen": ["Ngày ĐK", "Đăng ký vào ngày", "Ngày vào sổ", "Ngày làm thủ tục"]},
    "reg_office": {"seen": ["Nơi đăng ký"], "unseen": ["Nơi ĐK", "Đơn vị đăng ký", "Cơ quan thực hiện", "UBND nơi đăng ký"]},
    "dob_words": {"seen": ["Ghi bằng chữ", "Bằng chữ"], "unseen": ["Viết bằng lời", "Ghi rõ bằng chữ", "Đọc là"]},
    "relation_birth": {"seen": ["Quan hệ với người được khai sinh"],
                       "unseen": ["Quan hệ với trẻ", "Là gì của trẻ", "Mối quan hệ với con"]},
    "relation_death": {"seen": ["Quan hệ với người đã chết"],
                       "unseen": ["Là gì của người mất", "Quan hệ với người từ trần", "Mối quan hệ với người quá cố"]},
    "death_when": {"seen": ["Đã chết vào lúc", "Chết vào lúc", "Từ trần lúc"], "unseen": ["Mất vào lúc", "Qua đời lúc"]},
    "death_hour": {"seen": [], "unseen": ["Giờ mất", "Mất lúc", "Giờ từ trần"]},
    "death_day": {"seen": [], "unseen": ["Ngày mất", "Mất ngày", "Ngày từ trần", "Ngày qua đời"]},
    "death_place": {"seen": ["Nơi chết"], "unseen": ["Nơi mất", "Nơi từ trần", "Mất tại", "Qua đời tại"]},
    "death_cause": {"seen": ["Nguyên nhân chết", "Nguyên nhân tử vong"], "unseen": ["Lý do tử vong", "Bệnh/lý do mất"]},
    "death_notice": {"seen": ["Giấy báo tử số"], "unseen": ["GBT số", "Giấy BT số", "Theo giấy báo tử"]},
    "alias": {"seen": ["Bí danh", "Tên thường gọi"], "unseen": ["B. danh", "Tên gọi ở đơn vị"]},
    "enlistment": {"seen": ["Nhập ngũ", "Vào bộ đội", "Tòng quân"], "unseen": ["Ngày vào quân đội", "Nhập ngũ tháng"]},
    "rank": {"seen": ["Cấp bậc", "Quân hàm"], "unseen": ["Cấp bậc lúc hy sinh", "C. bậc"]},
    "position": {"seen": ["Chức vụ", "Chức danh", "Chức vụ lúc hy sinh"], "unseen": ["C. vụ"]},
    "unit": {"seen": ["Đơn vị", "Thuộc đơn vị", "Đơn vị công tác"], "unseen": ["Đ. vị"]},
    "martyr_death": {"seen": ["Hy sinh ngày"], "unseen": ["Hi sinh ngày", "Từ trần ngày", "Ngày hi sinh", "Ngày mất"]},
    "burial": {"seen": ["Nơi an táng", "Phần mộ tại", "Nơi chôn cất"], "unseen": ["Mộ táng tại"]},
    "martyr_cert": {"seen": ["Số bằng"], "unseen": ["Bằng TQGC số", "Số Bằng TQGC", "Số hiệu Bằng"]},
    "decision": {"seen": ["Quyết định số"], "unseen": ["QĐ số", "Căn cứ QĐ số", "Số QĐ"]},
    "invalid_cert": {"seen": ["Số giấy chứng nhận"], "unseen": ["Giấy CN số", "Số GCN", "GCN số"]},
    "category": {"seen": ["Đối tượng", "Thuộc diện", "Diện chính sách", "Đối tượng hưởng"], "unseen": ["Thuộc đối tượng", "Diện hưởng chế độ"]},
    "unit_injured": {"seen": ["Đơn vị khi bị thương"], "unseen": ["Đơn vị lúc bị thương", "Đ. vị khi bị thương", "Bị thương khi ở đơn vị"]},
    "injury_date": {"seen": ["Ngày bị thương"], "unseen": ["Bị thương vào ngày", "Ngày, tháng, năm bị thương", "Ngày BT"]},
    "injury_place": {"seen": ["Nơi bị thương"], "unseen": ["Bị thương ở", "Địa điểm bị thương", "Nơi BT"]},
    "injury_rate": {"seen": ["Tỷ lệ tổn thương cơ thể", "Tỷ lệ mất sức lao động", "Tỉ lệ thương tật", "Tỉ lệ mất sức lao động", "TLTTCT"],
                    "unseen": ["Mức suy giảm khả năng lao động"]},
    "grade": {"seen": ["Hạng", "Hạng thương tật"], "unseen": ["Được xếp hạng", "Thương tật hạng"]},
    "inventory": {"seen": ["Số đăng ký", "Ký hiệu", "Mã hiện vật", "Số hiệu hiện vật"], "unseen": ["Số hiệu kho"]},
    "object_name": {"seen": ["Tên hiện vật"], "unseen": ["Tên di vật", "Tên cổ vật", "Tên gọi hiện vật"]},
    "material": {"seen": ["Chất liệu", "Vật liệu", "Làm bằng", "Chất liệu chính"], "unseen": ["Chất liệu cấu tạo", "Được làm từ", "Làm từ chất liệu"]},
    "quantity": {"seen": ["Số lượng", "Tổng số", "Số lượng (chiếc)", "Số cái"], "unseen": ["Gồm có"]},
    "dimensions": {"seen": ["Kích thước", "KT", "Kích cỡ", "Khuôn khổ"], "unseen": ["Các chiều", "Đo được"]},
    "weight": {"seen": ["Trọng lượng", "Nặng", "Cân nặng"], "unseen": ["K. lượng"]},
    "dating": {"seen": ["Niên đại", "Thời kỳ"], "unseen": ["Niên đại ước định", "Thuộc thời kỳ"]},
    "origin": {"seen": ["Nguồn gốc", "Xuất xứ"], "unseen": ["Cách thu nhận", "Nguồn gốc thu nhận"]},
    "find_place": {"seen": ["Địa điểm phát hiện", "Địa điểm sưu tầm", "Nơi tìm thấy"], "unseen": ["Nơi thu thập", "Địa điểm tìm được"]},
    "donor": {"seen": ["Người hiến tặng", "Người sưu tầm", "Người trao tặng", "Người tặng"], "unseen": ["Tên người hiến"]},
    "acquisition": {"seen": ["Ngày nhập"], "unseen": ["Ngày vào kho", "Ngày tiếp nhận", "Tiếp nhận ngày"]},
    "condition": {"seen": ["Tình trạng bảo quản", "Tình trạng hiện nay", "Tình trạng hiện vật", "Trạng thái"], "unseen": ["Thực trạng bảo quản", "Tình trạng lúc nhập", "Mức độ nguyên vẹn"]},
    "description": {"seen": ["Mô tả", "Miêu tả", "Mô tả chi tiết"], "unseen": ["Nét đặc trưng"]},
    "storage": {"seen": ["Nơi bảo quản", "Nơi lưu giữ"], "unseen": ["Chỗ để trong kho", "Vị trí trong kho"]},
}

# Section markers opening a block about one person ("Thông tin người mẹ" above attribute-only labels),
# for the roles whose blocks the documents print under a heading.
MARKER_ROLES = ("mother", "father", "wife", "husband")
MARKERS: dict[str, list[str]] = {"seen": ["Thông tin {r}", "{R}"], "unseen": ["Mục {r}", "Phần {r}", "Phần ghi về {r}"]}

# How a relative of a martyr is labelled, by the relation the contract stores.
RELATIVES: dict[str, dict[str, list[str]]] = {
    "cha": {"seen": ["Cha", "Bố đẻ", "Thân phụ", "Cha đẻ"], "unseen": ["Ông thân sinh", "Tên cha liệt sĩ"]},
    "mẹ": {"seen": ["Mẹ", "Mẹ đẻ", "Bà mẹ", "Mẹ ruột"], "unseen": ["Bà thân sinh", "Tên mẹ liệt sĩ", "Mẹ sinh thành"]},
}

# Surface decoration. Punctuation ends the label; the grid template prints none (a gap instead).
PUNCTUATION = {"seen": [":"], "unseen": [":", ".", " -"]}
LAYOUTS = {"seen": ["inline"], "unseen": ["inline", "inline", "numbered", "grid", "below"]}

# The dev split (forms/dev_words.py): words of its own beside the two others', for whoever tunes the extractor.
for _table, _dev in ((ROLES, dev_words.ROLES), (ATTRIBUTES, dev_words.ATTRIBUTES), (PLAIN, dev_words.PLAIN),
                     (RELATIVES, dev_words.RELATIVES)):
    for _concept, _entry in _table.items():
        _entry["dev"] = list(_dev.get(_concept, []))
# The fields only dev museum cards print (other names, class; technique and colour, which map to no field): no seen
# or unseen wording, so the other splits' documents and their checks are as they were.
for _concept, _words in dev_words.MUSEUM_PLAIN.items():
    PLAIN[_concept] = {"seen": [], "unseen": [], "dev": list(_words)}
MARKERS["dev"] = list(dev_words.MARKERS)
PUNCTUATION["dev"] = list(dev_words.PUNCTUATION)
LAYOUTS["dev"] = list(dev_words.LAYOUTS)
# templates that print no punctuation after a label (a gap, a run of dots or a cell border instead)
UNPUNCTUATED = ("grid", "dotted", "ruled", "boxed", "label_table", "caption", "header_row", "shaded")
LATER_LAYOUTS = {"dev": list(dev_words.LATER_LAYOUTS)}
THIRD_LAYOUTS = {"dev": list(dev_words.THIRD_LAYOUTS)}


def later_layout(layout: str, split: str, rng: random.Random) -> str:
    """The document's template, or one of the split's later templates for their share of the documents. ``rng``
    is a stream of the document's own, apart from the one its words and values are drawn from: a document that
    keeps ``layout`` is drawn as it was before the later templates came."""
    later = LATER_LAYOUTS.get(split, [])
    if later and rng.random() < len(later) / (len(LAYOUTS[split]) + len(later)):
        return rng.choice(later)
    return layout


def bare_labels(split: str, rng: random.Random) -> bool:
    """Whether a dev form prints its labels without diacritics (typed on a machine without Vietnamese keys), for
    the dev split's share of its forms; ``rng`` is a stream of the document's own, so the other documents are drawn
    as before. (The unseen split draws its own share in ``Labeler``.)"""
    return split == "dev" and rng.random() < dev_words.BARE_SHARE


def third_layout(layout: str, split: str, rng: random.Random) -> str:
    """A document that kept one of the split's first templates, or one of its third wave's for their share of those
    documents. ``rng`` is a stream of the document's own, as for ``later_layout``: the documents that keep their
    template, and the ones that took a later one, are drawn as before the third wave came."""
    third = THIRD_LAYOUTS.get(split, [])
    if third and layout in LAYOUTS[split] and rng.random() < len(third) / (len(LAYOUTS[split]) + len(third)):
        return rng.choice(third)
    return layout


def fold(text: str) -> str:
    """NFC, lower case, no diacritics (đ -> d), letters and digits separated by single spaces."""
    text = unicodedata.normalize("NFD", unicodedata.normalize("NFC", text).lower().replace("đ", "d"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.findall(r"[a-z0-9]+", text))


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _lower_words(text: str) -> str:
    """Lower case, but abbreviations in capitals ("CCCD", "NTNS") kept."""
    return " ".join(w if len(w) > 1 and w.isupper() and "/" not in w else w.lower() for w in text.split(" "))


# An attribute that starts with a verb ("Sinh ngày", "Đẻ tại") takes its role before it ("Mẹ, sinh năm"),
# never after ("Sinh năm của mẹ" is not Vietnamese).
VERB_HEADS = ("sinh", "sanh", "de")


def _first_word(text: str) -> str:
    words = fold(text).split()
    return words[0] if words else ""


def takes_role_after(attribute: str) -> bool:
    return _first_word(attribute) not in VERB_HEADS


def compose(attribute: str, role: str, order: str) -> str:
    if not role:
        return attribute
    return order.format(a=attribute if order.startswith("{a}") else _lower_words(attribute), r=role, R=_cap(role))


# Wordings in an unseen order that current forms print often enough to count as close variants of the contract.
SEEN_VARIANTS: dict[tuple[str, str], list[str]] = {
    ("mother", "birth_year"): ["Năm sinh của mẹ"],
    ("father", "birth_year"): ["Năm sinh của cha"],
}


def person_wordings(role: str, attribute: str, split: str) -> list[str]:
    """Every wording of (role, attribute) in ``split``: seen uses only seen words in the seen order."""
    roles, attrs = ROLES[role], ATTRIBUTES[attribute]
    if split == "seen":
        return [compose(a, r, o) for a in attrs["seen"] for r in roles["seen"] for o in ORDERS["seen"]
                if not r or takes_role_after(a)] + SEEN_VARIANTS.get((role, attribute), [])
    seen = {fold(w) for w in person_wordings(role, attribute, "seen")}
    out = []
    if split == "dev":  # dev words in the seen order or a dev order: at least one of the role or the attribute dev's
        orders = ORDERS["seen"][:1] + (dev_words.ORDERS if role in dev_words.ORDER_ROLES else [])
        for a in attrs["seen"] + attrs["dev"]:
            for r in roles["seen"] + roles["dev"]:
                for o in orders if r else orders[:1]:
                    if (a not in attrs["dev"] and r not in roles["dev"]) or (r and not takes_role_after(a)):
                        continue
                    w = compose(a, r, o)
                    if fold(w) not in seen and w not in out:
                        out.append(w)
        return out
    for a in attrs["seen"] + attrs["unseen"]:
        for r in roles["seen"] + roles["unseen"]:
            for o in ORDERS["seen"] + ORDERS["unseen"]:
                if not r and o != ORDERS["seen"][0]:
                    continue
                if r and o.startswith("{a}") and not takes_role_after(a):
                    continue
                w = compose(a, r, o)
                if fold(w) not in seen and w not in out:
                    out.append(w)
    return out


def plain_wordings(concept: str, split: str) -> list[str]:
    if split == "dev":  # a dev wording that folds to a seen one would be a seen wording
        seen = {fold(w) for w in PLAIN[concept]["seen"]}
        return [w for w in PLAIN[concept]["dev"] if fold(w) not in seen]
    return list(PLAIN[concept][split])


def marker_wordings(role: str, split: str) -> list[str]:
    """Section headings for a role: seen templates with seen role words; unseen: an unseen template with any
    role word, or "Thông tin" with an unseen role word (a bare unseen role word is no heading: it is a label);
    dev likewise with the dev templates and role words."""
    if split == "seen":  # the contract's headings name the role in full: "Thông tin người mẹ", "Người vợ"
        pairs = [(t, r) for t in MARKERS["seen"] for r in ROLES[role]["seen"] if r.startswith("người")]
    elif split == "dev":  # a dev template with any role word, or a seen template with a dev role word
        pairs = [(t, r) for t in MARKERS["dev"] for r in ROLES[role]["seen"] + ROLES[role]["dev"]]
        pairs += [(t, r) for t in MARKERS["seen"] if "{r}" in t for r in ROLES[role]["dev"]]
    else:
        pairs = [(t, r) for t in MARKERS["unseen"] for r in ROLES[role]["seen"] + ROLES[role]["unseen"]]
        pairs += [(t, r) for t in MARKERS["seen"] if "{r}" in t for r in ROLES[role]["unseen"]]
        pairs += [(t, r) for t in MARKERS["seen"] if "{r}" in t for r in ROLES[role]["seen"] if r and not r.startswith("người")]
    out = []
    for t, r in pairs:
        w = _cap(t.format(r=r, R=_cap(r)))
        if r and w not in out:
            out.append(w)
    return out


def relative_wordings(relation: str, split: str) -> list[str]:
    return list(RELATIVES[relation][split])


def all_wordings(split: str) -> dict[str, list[str]]:
    """Every wording of the split by concept (the thing the unit tests and the overlap check walk)."""
    out: dict[str, list[str]] = {}
    for role in ROLES:
        for attr in ATTRIBUTES:
            out[f"{role}.{attr}"] = person_wordings(role, attr, split)
        if role in MARKER_ROLES:
            out[f"marker.{role}"] = marker_wordings(role, split)
    for concept in PLAIN:
        out[concept] = plain_wordings(concept, split)
    for rel in RELATIVES:
        out[f"relative.{rel}"] = relative_wordings(rel, split)
    return out


def strip_marks(text: str) -> str:
    """The label as typed without diacritics (đ kept as d), case kept."""
    nfd = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", "".join(c for c in nfd if not unicodedata.combining(c)))


class Labeler:
    """Draws label wordings and their decoration for one document of one split."""

    def __init__(self, split: str, rng: random.Random):
        if split not in SPLITS:
            raise ValueError(f"unknown split {split!r}")
        self.split, self.rng = split, rng
        self.layout = rng.choice(LAYOUTS[split])
        self.caps = rng.random() < 0.15
        # Unseen documents lose their diacritics on some labels, as on a typewriter without Vietnamese keys.
        self.bare = split == "unseen" and rng.random() < 0.25
        self.punct = rng.choice(PUNCTUATION[split])

    def _dress(self, wording: str) -> str:
        text = strip_marks(wording) if self.bare and self.rng.random() < 0.6 else wording
        text = text.upper() if self.caps else text
        return text if self.layout in UNPUNCTUATED else text + self.punct

    def person(self, role: str, attribute: str) -> str:
        """A label for the role's attribute. The record's own subject is mostly named by the attribute alone
        ("Họ và tên"), as forms do; the role word ("… người được khai sinh") is the exception."""
        bare = ATTRIBUTES[attribute][self.split]
        if "" in ROLES[role]["seen"] and bare and self.rng.random() < (0.75 if self.split == "seen" else 0.5):
            return self._dress(self.rng.choice(bare))
        named = [w for w in person_wordings(role, attribute, self.split) if w not in bare]
        return self._dress(self.rng.choice(named or bare))

    def plain(self, concept: str) -> str:
        return self._dress(self.rng.choice(plain_wordings(concept, self.split) or PLAIN[concept]["seen"]))

    def relative(self, relation: str) -> str:
        return self._dress(self.rng.choice(relative_wordings(relation, self.split)))

    def marker(self, role: str) -> str:
        text = self.rng.choice(marker_wordings(role, self.split))
        return text.upper() if self.caps else text

    def has(self, concept: str) -> bool:
        return bool(plain_wordings(concept, self.split))
