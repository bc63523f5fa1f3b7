"""The record-wide decoding of pairs no label rule placed (schemas/assign.py), alone and inside extraction.

Labels here are made of words no vocabulary holds ("Xxq vvk"), so only the evidence the decoding weighs — what
the value looks like, where the pair sits among the fields read, its section, the known words beside the
unknown ones, each field once — can place them."""

from synth import page

from schemas.assign import Pending, assign, looks_like_name, value_fits
from schemas.confidence import CONFIDENT, Calibration, StepMap, group_of
from schemas.extract import extract_records, flatten_fields
from schemas.loader import load_schemas
from schemas.value_start import value_start
from schemas.records import unmapped_labels

SCHEMAS = load_schemas()


def one(rows, collection=None):
    recs = extract_records([page(rows)], collection)
    assert len(recs) == 1
    return recs[0]


def placed(record_type, pairs, filled=()):
    schema = SCHEMAS[record_type]
    return {pairs[p.index].value: p.key for p in assign(schema, pairs, set(filled))}


# --- the decoding alone -----------------------------------------------------------------------------

def test_a_date_read_just_before_the_registration_office_is_the_registration_date():
    got = placed("death", [Pending("Xxq vvk", "16/11/2006", None, "declarant.relation", "registration.office")],
                 {"full_name", "date_of_death", "declarant.relation", "registration.office"})
    assert got == {"16/11/2006": "registration.date"}


def test_each_field_is_filled_once_and_the_order_of_the_form_decides_between_two_like_values():
    # two years after the mother's and the father's names: each parent's birth year, never both the same one
    pairs = [Pending("Xxq", "1958", None, "mother.full_name", "mother.ethnicity"),
             Pending("Xxq", "1955", None, "father.full_name", "father.ethnicity")]
    filled = {"full_name", "mother.full_name", "mother.ethnicity", "father.full_name", "father.ethnicity"}
    assert placed("birth", pairs, filled) == {"1958": "mother.birth_year", "1955": "father.birth_year"}


def test_a_filled_field_is_never_given_again():
    got = placed("death", [Pending("Xxq vvk", "16/11/2006", None, "declarant.relation", "registration.office")],
                 {"full_name", "date_of_death", "declarant.relation", "registration.office", "registration.date",
                  "death_notice.date", "date_of_birth"})
    assert "16/11/2006" not in got


def test_a_pair_two_fields_would_take_as_well_stays_unplaced():
    # a name after the child's with the mother's, the father's and the declarant's names all free: no guess
    pairs = [Pending("Xxq vvk", "Nguyễn Văn Bình", None, "full_name", None)]
    assert placed("birth", pairs, {"full_name"}) == {}


def test_the_value_must_have_the_look_of_the_field():
    schema = SCHEMAS["birth"]
    assert value_fits(schema.by_key["registration.book"], "Kinh") is None  # a number has digits
    assert value_fits(schema.by_key["mother.full_name"], "xã Tam Sơn, huyện Từ Sơn") is None
    assert value_fits(schema.by_key["nationality"], "Phần ghi") is None  # a nationality is a country
    assert value_fits(schema.by_key["declarant.relation"], "Mẹ") is not None
    assert value_fits(schema.by_key["declarant.relation"], "Đuối nước") is None
    martyr = SCHEMAS["martyr"]
    assert value_fits(martyr.by_key["position"], "Đại đội 8, Tiểu đoàn 24") is None  # a unit is a unit's
    assert value_fits(martyr.by_key["unit"], "Đại đội 8, Tiểu đoàn 24") is not None
    assert looks_like_name("Nguyễn Thị Lan") and not looks_like_name("Nguyễn") and not looks_like_name("Đuối nước")


def test_a_known_person_word_beside_unknown_words_keeps_the_value_with_that_person():
    pairs = [Pending("Xxq mẹ", "1958", None, "full_name", None)]
    assert placed("birth", pairs, {"full_name"}) == {"1958": "mother.birth_year"}


# --- where a value starts on a row with no colon ----------------------------------------------------

def test_value_start_on_a_row_with_no_colon():
    from schemas.layout import build_rows
    def start(text):
        row = build_rows(page([text]))[0]
        k = value_start(row.toks)
        return None if k is None else " ".join(t.text for t in row.toks[k:])
    assert start("Xxq vvk so 06/1989") == "06/1989"
    assert start("Xxq quán thị trấn Tất Thắng, huyện Lâm Thao") == "thị trấn Tất Thắng, huyện Lâm Thao"
    assert start("Xxq vvk đội 12, xã Phương Xá") == "đội 12, xã Phương Xá"
    assert start("Xxq vvk Nguyễn Văn Bình") == "Nguyễn Văn Bình"
    assert start("Xxq vvk Đại đội 6, Tiểu đoàn 22") == "Đại đội 6, Tiểu đoàn 22"
    assert start("Ủy ban nhân dân xã Đức Lân") is None  # an office's name is a value whole
    assert start("xã Phổ Cường, huyện Đức Phổ") is None  # so is an address
    assert start("Xxq Vvk qqz") is None  # capitals that begin no name are label words


# --- inside extraction --------------------------------------------------------------------------------

def test_labels_the_vocabulary_lacks_are_placed_by_value_and_position_and_never_confident():
    rec = one(["TRÍCH LỤC KHAI TỬ", "Số: 95", "Họ và tên: Ninh Văn Sáng", "Ngày chết: 15/11/2006",
               "Nơi chết: Bệnh viện tỉnh Nam Định",
               "Họ tên người đi khai tử: Ninh Văn An", "Quan hệ với người chết: Con", "Xxq vvk: 16/11/2006",
               "Nơi đăng ký: UBND xã Nghĩa Lạc, huyện Nghĩa Hưng"])
    v = flatten_fields(rec)
    assert v["registration.date"] == "2006-11-16"
    assert "Xxq vvk" not in unmapped_labels(rec)
    assert flatten_fields(rec, "confidence")["registration.date"] < CONFIDENT  # placed without a label: review


def test_a_value_alone_on_the_row_below_a_label_of_unknown_words():
    rec = one(["TRÍCH LỤC KHAI TỬ", "Số: 95", "Họ và tên: Ninh Văn Sáng", "Ngày chết: 15/11/2006",
               "Nơi chết: Bệnh viện tỉnh Nam Định",
               "Họ tên người đi khai tử: Ninh Văn An", "Quan hệ với người chết: Con", "Xxq vvk -", "16/11/2006",
               "Nơi đăng ký: UBND xã Nghĩa Lạc, huyện Nghĩa Hưng"])
    assert flatten_fields(rec)["registration.date"] == "2006-11-16"


def test_a_row_opening_with_its_own_label_does_not_run_into_the_value_above():
    rec = one(["LÝ LỊCH LIỆT SĨ", "Họ và tên: Kiều Duy Luân", "Cấp bậc: Binh nhì", "X. qq: Lái xe",
               "Đơn vị: Đại đội 8, Tiểu đoàn 24"], "nguoicocong/")
    assert flatten_fields(rec)["rank"] == "Binh nhì"


def test_a_pair_the_decoding_cannot_place_stays_listed():
    rec = one(["GIẤY KHAI SINH", "Họ và tên: Phạm Minh Châu", "Xxq vvk: Nguyễn Văn Bình"])
    assert unmapped_labels(rec) == ["Xxq vvk"]


def test_a_row_of_unknown_label_words_and_a_value_no_field_takes_is_listed_not_dropped():
    # no label rule reads the row (no colon, no known word) and the decoding finds no field for the value:
    # the pair ends on the record as unmapped, with its value, so review sees it
    rec = one(["GIẤY KHAI SINH", "Họ và tên: Phạm Minh Châu", "Ngày sinh: 02/03/2001", "Xxq vvk 45 kg"])
    assert [(u["label"], u["value"]) for u in rec["unmapped"]] == [("Xxq vvk", "45 kg")]


def test_unknown_label_words_alone_then_their_value_below_are_listed_as_one_pair():
    rec = one(["GIẤY KHAI SINH", "Họ và tên: Phạm Minh Châu", "Xxq vvk", "Hoa sen đỏ thắm"])
    assert [(u["label"], u["value"]) for u in rec["unmapped"]] == [("Xxq vvk", "Hoa sen đỏ thắm")]


def test_a_long_label_ended_by_its_colon_alone_then_its_value_below_is_listed_as_one_pair():
    # label words alone ended by their colon may be as many as in a label the matcher reads so ended (twelve):
    # the value below is theirs, listed, never dropped because the label is longer than an unended one
    rec = one(["GIẤY KHAI SINH", "Họ và tên: Phạm Minh Châu", "Xxq vvk ttr ppl (mmn qqr) của bbz (zzk ww):",
               "Hoa sen đỏ thắm"])
    assert [(u["label"], u["value"]) for u in rec["unmapped"]] == [
        ("Xxq vvk ttr ppl (mmn qqr) của bbz (zzk ww):", "Hoa sen đỏ thắm")]


def test_a_placed_field_is_calibrated_only_by_a_map_of_its_own_reading():
    group = group_of("date", True, "assigned", "", "strange")
    flat = StepMap((0.0,), (0.999,), 1000)
    by_kind = Calibration({"date:clean": flat, "date": flat, "all": flat}, 0.99)
    assert by_kind.for_group(group, 0.97) < CONFIDENT  # the maps of its kind do not vouch for it
    own = Calibration({"how:assigned:-:strange": flat}, 0.99)
    assert own.for_group(group, 0.97) >= CONFIDENT


def test_a_value_running_on_into_the_labels_that_follow_its_field_is_cut_there():
    # a number whose label was read from its meaning keeps "ngày" and "của" (labels that only follow the
    # decision's number and date) inside its value; they cut it into the fields they label
    from schemas.layout import build_rows
    from schemas.reader import PageReader
    schema = SCHEMAS["war_invalid"]
    toks = build_rows(page(["7612/QĐ-LĐTBXH ngày 07/12/1975 của Bộ Quốc phòng"]))[0].toks
    head, parts = PageReader(schema, [], "document", 1, 1700)._split_followers(schema.by_key["decision.number"], toks)
    assert [t.text for t in head] == ["7612/QĐ-LĐTBXH"]
    assert [(spec.key, " ".join(t.text for t in ts)) for spec, _, ts in parts] == [
        ("decision.date", "07/12/1975"), ("decision.issuer", "Bộ Quốc phòng")]
    # a field no label follows is left whole
    head, parts = PageReader(schema, [], "document", 1, 1700)._split_followers(schema.by_key["full_name"], toks)
    assert len(head) == len(toks) and parts == []



def test_a_value_printed_under_its_label_with_a_line_of_space_between():
    rec = one(["TRÍCH LỤC KHAI TỬ", "Họ và tên: Lê Văn Tám", "Nơi chết -", "", "Bệnh viện tỉnh Bắc Ninh",
               "Nguyên nhân chết -", "", "Đột quỵ"])
    v = flatten_fields(rec)
    assert v["place_of_death"] == "Bệnh viện tỉnh Bắc Ninh" and v["cause_of_death"] == "Đột quỵ"
    # a wrapped value does not reach that far: two lines apart, the second is no continuation
    rec = one(["TRÍCH LỤC KHAI TỬ", "Họ và tên: Lê Văn Tám", "Nơi chết: Bệnh viện tỉnh", "", "Bắc Ninh"])
    assert flatten_fields(rec)["place_of_death"] == "Bệnh viện tỉnh"



def test_the_rest_of_a_label_read_in_part_stays_out_of_the_value():
    from schemas.layout import build_rows
    from schemas.value_start import label_run_on

    def value(text):
        return " ".join(t.text for t in label_run_on(build_rows(page([text]))[0].toks))
    assert value("tai - phường Quỳnh Đôi, thành phố Vinh") == "phường Quỳnh Đôi, thành phố Vinh"
    assert value("voi nguol tu tran - Con gái") == "Con gái"
    assert value("Sở Lao động - Thương binh và Xã hội") == "Sở Lao động - Thương binh và Xã hội"  # its own dash
    assert value("đội 5 - xã Tất Thắng") == "đội 5 - xã Tất Thắng"  # digits: a value


def test_the_rest_of_a_label_ending_its_row_leaves_the_value_to_the_row_below():
    from schemas.layout import build_rows
    from schemas.value_start import rest_of_label

    def rest(text):
        return rest_of_label(build_rows(page([text]))[0].toks)
    assert rest("cua nguoi duoc khai sinh -") and rest("xxq yyy:")
    assert not rest("Việt Nam -") and not rest("cua nguoi") and not rest("thôn 6 -")


# --- a value that plainly is not its field's, whoever named the field --------------------------------------

def test_a_value_that_plainly_is_not_its_fields_kind_is_implausible():
    from schemas.assign import implausible
    death, martyr = SCHEMAS["death"], SCHEMAS["martyr"]
    relation = death.by_key["declarant.relation"]
    assert implausible(relation, "Với") and not implausible(relation, "Con trai")
    unit = next(f for f in martyr.fields if f.key.rsplit(".", 1)[-1] == "unit")
    assert implausible(unit, "Bảy") and not implausible(unit, "Đại đội 3, Tiểu đoàn 8")
    number = death.by_key["registration.number"]
    assert implausible(number, "không rõ") and not implausible(number, "47")
    name = death.by_key["full_name"]
    assert implausible(name, "Trần 1962") and not implausible(name, "Trần Thị Mơ")


def test_a_bare_province_and_a_time_are_plausible_where_a_label_named_the_field():
    # looser than value_fits, which wants a kind's exact look before a pair with no label is placed
    from schemas.assign import implausible
    death = SCHEMAS["death"]
    assert not implausible(death.by_key["place_of_death"], "Kon Tum")
    assert not implausible(death.by_key["time_of_death"], "07:45")


def test_a_note_that_holds_a_date_is_no_date_fields_value():
    # a remark with a date inside it is listed as unmapped, never placed as a date nobody labelled
    birth = SCHEMAS["birth"]
    assert value_fits(birth.by_key["registration.date"], "Đã sửa đổi ngày 03/04/1995") is None
    assert value_fits(birth.by_key["registration.date"], "ngày 3 tháng 4 năm 1995") is not None
    got = placed("birth", [Pending("Xxq vvk", "Được cấp lại ngày 21/06/2001", None, "place_of_birth", None)],
                 {"full_name", "date_of_birth", "place_of_birth"})
    assert got == {}


def test_a_value_in_its_fields_own_word_list_is_no_label_even_when_labels_use_its_words():
    from schemas.assign import implausible, words_of_its_list
    museum = load_schemas()["museum_object"]
    material, name = museum.by_key["material"], museum.by_key["name"]
    # materials whose words labels of other fields also use (a rank, a colour): still what the field holds
    assert words_of_its_list(material, "Tre") and not implausible(material, "Tre")
    assert not implausible(material, "Nhôm")
    # the field's own label read as its value, or another field's label outside its list: still no value
    assert implausible(material, "Chất liệu") and implausible(name, "Tên hiện vật")
    assert not words_of_its_list(name, "Tên hiện vật")


def test_a_date_in_digits_is_never_placed_as_a_date_written_out_in_words():
    # the birth date is read and so is the registration's: a third date in digits after a label nobody listed
    # would only feed the check of the date in digits and be dropped with it; it stays listed
    filled = {"full_name", "date_of_birth", "registration.date", "sex"}
    for previous in ("date_of_birth", "registration.office"):
        got = placed("birth", [Pending("Xxq vvk", "03/09/1987", None, previous, None)], filled)
        assert got == {}
    words = "ngày ba tháng chín năm một nghìn chín trăm tám mươi bảy"
    assert placed("birth", [Pending("Xxq vvk", words, None, "date_of_birth", "sex")], {"full_name", "date_of_birth"}) \
        == {words: "_date_of_birth_words"}
