"""Checks across the codes of one page and the values of one record (schemas/checks.py)."""

from synth import page

from schemas.page_codes import code_shape_doubt, code_tail, shared_prefix, symbol_prefix
from schemas.extract import extract_records, flatten_fields


def test_words_after_a_code_that_are_no_part_of_it():
    assert code_tail("KL.3988 2 ỞƠC") == "KL.3988"
    assert code_tail("BTBN 1234/KL") is None  # a code of several words, whole
    assert code_tail("BTBN 1234/KL 56") is None  # digits after it may be its own
    assert code_tail("KL.3988") is None
    assert code_tail("Tượng đá") is None


def test_letters_one_off_the_code_the_page_shares():
    assert shared_prefix("RL", ["KL", "KL", "GV"]) == "KL"
    assert shared_prefix("RL", ["KL", "GV"]) is None  # one other row is no collection's code
    assert shared_prefix("GX", ["KL", "KL", "GV", "GV"]) == "GV"
    assert shared_prefix("EX", ["KL", "KL", "GV", "GV"]) is None  # two letters off every shared code
    assert shared_prefix("GV", ["GV", "GV", "GX", "GX"]) is None  # a code the page has is read as written
    assert shared_prefix("KX", ["KL", "KL", "KV", "KV"]) is None  # two codes one off: no single answer


def test_a_symbol_among_a_codes_letters_is_read_from_the_group_the_page_shows():
    assert symbol_prefix("@V.8309", ["KL", "GV"]) == ("@V", "GV")  # one other row is enough: the symbol is no letter
    assert symbol_prefix("@V.8309", ["KL"]) is None  # no group of the page fits: left for a person
    assert symbol_prefix("K@.8309", ["KL", "KU"]) is None  # two groups fit: no single answer
    assert symbol_prefix("KL.8309", ["KL", "GV"]) is None  # letters as written
    assert symbol_prefix("@.8309", ["G"]) is None  # a symbol alone: no letter of the group to agree with


def test_a_code_whose_shape_says_ocr_bent_it_is_doubtful():
    assert code_shape_doubt("BT,1234")[0] == "BT.1234"  # a comma where the dot goes
    assert code_shape_doubt("HN5310") == ("HN5310", code_shape_doubt("HN5310")[1])  # the separator lost: kept
    assert code_shape_doubt("8.2207") is not None  # a lookalike digit where the letter group goes
    assert code_shape_doubt("8.2207", alone=False) is None  # the page's other codes tell (check_codes)
    assert code_shape_doubt("HN.5310") is None
    assert code_shape_doubt("BTHN 5310/HV 12") is None
    assert code_shape_doubt("3.2207") is None  # no capital looks like a 3


def test_a_card_s_code_read_without_its_separator_is_not_confident():
    recs = extract_records([page(["PHIẾU HIỆN VẬT", "Số kiểm kê: HN5310", "Tên hiện vật: Bình gốm"])], "baotang/")
    code = recs[0]["fields"]["inventory_number"]
    assert code["value"] == "HN5310" and code["confidence"] < 0.9
    recs = extract_records([page(["PHIẾU HIỆN VẬT", "Số kiểm kê: HN,5310", "Tên hiện vật: Bình gốm"])], "baotang/")
    code = recs[0]["fields"]["inventory_number"]
    assert code["value"] == "HN.5310" and code["confidence"] < 0.9


def test_a_register_page_gives_its_codes_the_collection_s_letters():
    rows = ["SỔ ĐĂNG KÝ HIỆN VẬT",
            [(100, "STT"), (300, "Số đăng ký"), (700, "Tên hiện vật"), (1200, "Chất liệu"), (1700, "Niên đại")],
            [(100, "1"), (300, "KL.3988"), (700, "Bình gốm"), (1200, "Gốm"), (1700, "Thế kỷ XV")],
            [(100, "2"), (300, "RL.6363"), (700, "Chuông đồng"), (1200, "Đồng"), (1700, "Thế kỷ XVI")],
            [(100, "3"), (300, "KL.3885"), (700, "Ống điếu"), (1200, "Gỗ"), (1700, "Thế kỷ XVII")]]
    recs = extract_records([page(rows)], "baotang/")
    codes = [flatten_fields(r).get("inventory_number") for r in recs]
    assert codes == ["KL.3988", "KL.6363", "KL.3885"]
    fixed = recs[1]["fields"]["inventory_number"]
    assert fixed["raw"].startswith("RL") and any("read as 'KL'" in n for n in fixed["notes"])


def test_a_relative_whose_relation_word_is_not_understood_is_kept_with_its_name_by_its_row():
    from schemas.checks import relation_and_name
    assert relation_and_name("Phụ", "thân Vi Nhật Danh") == ("Phụ thân", "Vi Nhật Danh")
    assert relation_and_name("Dượng", "Lê Văn Tám") == ("Dượng", "Lê Văn Tám")
    assert relation_and_name("Số", "12 Lê Văn Tám") is None  # digits are no relation
    assert relation_and_name("Nơi ở", "xã Tam Sơn") is None  # no name
    rows = ["GIẤY BÁO TỬ", "Họ và tên: Trần Văn Hùng", "Quê quán: xã Tam Sơn, huyện Từ Sơn, tỉnh Bắc Ninh",
            "Thân nhân:", [(100, "Xừ: Lê Văn Tám"), (900, "Mẹ: Phạm Thị Lan")],
            "Thân :phụ Nguyễn Văn Bình"]
    rec = extract_records([page(rows)], "nguoicocong/")[0]
    v = flatten_fields(rec)
    assert v["full_name"] == "Trần Văn Hùng"
    # in the page's order; each name with the relation words of its own row, never another's
    assert [v[f"relatives[{i}].full_name"] for i in range(3)] == ["Lê Văn Tám", "Phạm Thị Lan", "Nguyễn Văn Bình"]
    assert v["relatives[1].relation"] == "mẹ" and v["relatives[2].relation"] == "cha"
    assert "relatives[0].relation" not in v  # "Xừ" says no relation: none is made up
    conf = flatten_fields(rec, "confidence")
    assert conf["relatives[0].full_name"] < 0.995 and conf["relatives[2].full_name"] < 0.995
    assert not [u for u in rec["unmapped"] if u["value"] and "Tám" in u["value"]]


def test_a_name_far_from_the_relatives_is_not_made_one():
    rows = ["GIẤY BÁO TỬ", "Xừ: Lê Văn Tám", "Quê quán: xã Tam Sơn, huyện Từ Sơn, tỉnh Bắc Ninh", "", "", "", "", "",
            "Thân nhân:", "Mẹ: Phạm Thị Lan"]
    v = flatten_fields(extract_records([page(rows)], "nguoicocong/")[0])
    assert [v.get(f"relatives[{i}].full_name") for i in range(2)] == ["Phạm Thị Lan", None]


def _birth(registered: str) -> dict:
    rows = ["GIẤY KHAI SINH", "Số: 45", "Họ và tên: Trần Văn Minh", "Ngày sinh: 14/09/1983", "Giới tính: Nam",
            "Họ tên mẹ: Lê Thị Hoa", f"Ngày đăng ký: {registered}", "Nơi đăng ký: Ủy ban nhân dân xã Tam Sơn"]
    return extract_records([page(rows)], "hotich/")[0]


def test_a_birth_registered_before_it_happened_trusts_neither_date():
    later = _birth("20/09/1983")
    assert not any("before" in r for r in later["review_reasons"])
    earlier = _birth("20/09/1963")  # a digit misread in one of the two dates: which one, the record cannot say
    confs = flatten_fields(earlier, "confidence")
    assert flatten_fields(earlier)["registration.date"] == "1963-09-20"
    assert confs["registration.date"] < 0.6 * flatten_fields(later, "confidence")["registration.date"]
    assert confs["date_of_birth"] < 0.6 * flatten_fields(later, "confidence")["date_of_birth"]
    assert any("registration.date" in r and "before" in r for r in earlier["review_reasons"])


def test_the_shape_most_of_a_pages_codes_share_vouches_for_them_and_doubts_a_code_of_another():
    from schemas.code_shapes import code_shape
    from schemas.page_codes import CODE_SHAPE_NOTE, weigh_code_shapes
    from schemas.fields import Found
    from schemas.loader import Label, load_schemas
    from schemas.value_evidence import AGREES, DISAGREES, VOUCHED_SCORE

    spec = load_schemas()["museum_object"].by_key["inventory_number"]
    word_for_word = Label("Ký hiệu", "kyhieu")

    def code(value, label=word_for_word):
        return Found(spec, [], label, 1.0, 1, raw=value, value=value, confidence=0.8, ocr=0.9)

    assert code_shape("HV.3021") == code_shape("KT.15") == "A.9"
    assert code_shape("BTTN 118/HV 07") == "A 9/A 9" and code_shape("HV3021") == "A9"
    # a made-up register page: four codes of one system, one whose dot OCR lost
    page_codes = [code("HV.3021"), code("HV.3022"), code("KT.15"), code("HV.3024"), code("HV3025")]
    weigh_code_shapes(page_codes)
    assert [f.evidence for f in page_codes] == [AGREES] * 4 + [DISAGREES]
    assert page_codes[-1].notes == [CODE_SHAPE_NOTE] and page_codes[-1].confidence < 0.8
    assert all(f.confidence == 0.8 for f in page_codes[:4])  # a label read word for word: the calibration weighs it
    # a label read from its meaning: the page's codes vouch for the code as printed
    by_meaning = Label("Mã hiện vật", "mahienvat", by_meaning=True)
    page_codes = [code("HV.3021", by_meaning), code("HV.3022", by_meaning), code("HV.3023", by_meaning)]
    weigh_code_shapes(page_codes)
    assert all(f.confidence == VOUCHED_SCORE for f in page_codes)
    # too few codes, or no shape that most of them share: nothing is said
    for values in (["HV.3021", "HV3022"], ["HV.3021", "HV3022", "HV 3023", "HV-3024"]):
        page_codes = [code(v) for v in values]
        weigh_code_shapes(page_codes)
        assert all(f.evidence == "" and not f.notes for f in page_codes)


def test_a_page_of_bare_numbers_says_nothing_of_the_shape_of_a_code():
    from schemas.page_codes import weigh_code_shapes
    from schemas.fields import Found
    from schemas.loader import Label, load_schemas

    spec = load_schemas()["museum_object"].by_key["inventory_number"]
    page_codes = [Found(spec, [], Label("Ký hiệu", "kyhieu"), 1.0, 1, raw=v, value=v, confidence=0.8, ocr=0.9)
                  for v in ("305", "306", "307", "4.308")]
    weigh_code_shapes(page_codes)
    assert all(f.evidence == "" and not f.notes and f.confidence == 0.8 for f in page_codes)


def test_a_first_letter_whose_capital_has_its_shape_is_raised_where_the_pages_values_start_with_capitals():
    from schemas.page_capitals import first_capital

    capitals = ["Nhà hộ sinh khu vực", "Bệnh viện tỉnh", "UBND xã Tân Lập"]
    assert first_capital("sốt rét ác tính", capitals) == "Sốt rét ác tính"
    assert first_capital("ông nội", capitals) == "Ông nội"  # a tone on the letter: its capital keeps it
    assert first_capital("ở nhờ nhà bạn", capitals) == "Ở nhờ nhà bạn"
    assert first_capital("vợ", capitals[:2]) == "Vợ"
    assert first_capital("sốt rét ác tính", ["Bệnh viện tỉnh"]) == "Sốt rét ác tính"
    # a page that writes its values in lower case, or says nothing of it, keeps the value as read
    assert first_capital("sốt rét ác tính", capitals + ["nhà riêng"]) is None
    assert first_capital("sốt rét ác tính", []) is None
    # an address opens with its level word in lower case on any page: no sign of the page's hand either way
    assert first_capital("sốt rét ác tính", ["thôn Đông, xã Tân Lập", "Bệnh viện tỉnh"]) == "Sốt rét ác tính"
    assert first_capital("sốt rét ác tính", ["thị trấn Yên Lạc", "phường 3, quận 5"]) is None
    # capitals of the same shape as their lower case say nothing of the page's hand
    assert first_capital("sốt rét ác tính", ["Con trai", "Xã Tân Lập"]) is None
    # a letter whose capital OCR tells apart, or a value that starts with a capital, is as read
    assert first_capital("bà ngoại", capitals) is None
    assert first_capital("Sốt rét", capitals) is None
    assert first_capital("1 con", capitals) is None


def test_only_a_text_value_kept_as_written_is_raised_and_never_more_confident():
    from schemas.page_capitals import PAGE_CAPITAL_NOTE, capitals_from_page
    from schemas.fields import Found
    from schemas.loader import Label, load_schemas

    by_key = load_schemas()["death"].by_key

    def found(key, raw, value=None):
        return Found(by_key[key], [], Label("x", "x"), 1.0, 1, raw=raw, value=raw if value is None else value,
                     confidence=0.9, ocr=0.9)

    cause, relation = found("cause_of_death", "sốt xuất huyết"), found("declarant.relation", "con út")
    place = found("place_of_death", "số 4 đường Lê Lợi")  # a place is as written: "số" may open an address
    issuer, office = found("death_notice.issuer", "Trạm y tế xã"), found("registration.office", "Ủy ban nhân dân xã")
    capitals_from_page([cause, relation, place, issuer, office])
    assert (cause.value, relation.value, place.value) == ("Sốt xuất huyết", "Con út", "số 4 đường Lê Lợi")
    assert cause.raw == "sốt xuất huyết" and cause.notes == [PAGE_CAPITAL_NOTE] and cause.confidence < 0.9
    assert place.confidence == 0.9 and not place.notes
    # a value a normaliser rewrote says nothing of how the page writes, and is not raised
    rewritten = found("cause_of_death", "Sốt", value="sốt")
    capitals_from_page([rewritten, issuer, office])
    assert rewritten.value == "sốt" and not rewritten.notes
    # a page whose own values start in lower case is left as read
    lower = found("cause_of_death", "sốt xuất huyết")
    capitals_from_page([lower, issuer, office, found("place_of_death", "trạm y tế xã")])
    assert lower.value == "sốt xuất huyết" and lower.confidence == 0.9
