"""Veterans' and martyrs' dossiers (issue 12, part T): a value with the look of another kind of field is never
taken by a field whose kind it is not (schemas/value_look.py, of_another_kind), and a value stops where a label
naming another field starts (schemas/reader.py, labels_another_field)."""

from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.layout import build_rows
from schemas.loader import load_schemas
from schemas.value_rest import labels_another_field
from schemas.value_look import of_another_kind

SCHEMAS = load_schemas()


def spec(record_type, key):
    return SCHEMAS[record_type].by_key[key]


def toks(text: str, x: int = 100):
    return build_rows(page([[(x, text)]]))[0].toks


def test_a_date_or_a_unit_is_no_place():
    place = spec("war_invalid", "injury_place")
    assert of_another_kind(place, "14/07/1966")
    assert of_another_kind(place, "ngày 3 tháng 5 năm 1970")
    assert of_another_kind(place, "Tiểu đoàn 3, Trung đoàn 12")
    assert of_another_kind(place, "người")  # a label's rest: no word written as a name's, no number


def test_places_that_name_no_unit_are_still_places():
    place = spec("martyr", "place_of_death")
    for value in ("Cao điểm 1015", "Sông Bé", "Mặt trận Tây Ninh", "xã Hòa Bình, huyện Chợ Mới, tỉnh An Giang",
                  "ngày ấy ở Bến Cát"):
        assert not of_another_kind(place, value), value


def test_a_heading_or_a_labels_rest_is_no_unit():
    unit = spec("war_invalid", "unit_when_injured")
    assert of_another_kind(unit, "TÁC CHIẾN")
    assert of_another_kind(unit, "lúc: bị thương")
    for value in ("Tiểu đoàn 5, Trung đoàn 48", "C3, D8, E2", "Bộ đội Trường Sơn", "TIỂU ĐOÀN 5"):
        assert not of_another_kind(unit, value), value


def test_only_place_and_unit_fields_refuse_another_kind():
    assert not of_another_kind(spec("war_invalid", "injury_date"), "14/07/1966")
    assert not of_another_kind(spec("martyr", "rank"), "TRUNG ÚY")


def test_a_unit_under_a_labels_first_words_goes_to_the_unit_field():
    # "ĐƠN VỊ | TÁC CHIẾN | KHI BỊ THƯƠNG | Tiểu đoàn 5, …": a label cut in three, the heading's words under the unit
    rows = ["GIẤY CHỨNG NHẬN THƯƠNG BINH", [(100, "Họ và tên"), (700, "Lò Văn Thắm")],
            [(100, "Ngày sinh"), (700, "08/04/1947")],
            [(100, "ĐƠN VỊ"), (400, "TÁC CHIẾN"), (700, "KHI BỊ THƯƠNG"), (1100, "Tiểu đoàn 5, Trung đoàn 48")],
            [(100, "Ngày bị thương"), (700, "02/09/1968")],
            [(100, "Bị thương tại"), (700, "Cồn Tiên")]]
    rec = extract_records([page(rows)], "thuongbinh/")[0]
    got = flatten_fields(rec)
    assert got["unit_when_injured"] == "Tiểu đoàn 5, Trung đoàn 48"
    assert got["injury_place"] == "Cồn Tiên"
    assert any(u["value"] == "TÁC CHIẾN" for u in rec["unmapped"])  # listed, never dropped silently


def test_a_birth_date_under_a_label_read_as_the_injury_place_is_not_the_place():
    rows = ["GIẤY CHỨNG NHẬN THƯƠNG BINH", "Họ và tên", "Lò Văn Thắm",
            "Ngày, tháng, năm sinh người bị thương tật", "08/04/1947",
            "Quê quán", "xã Mường Phăng, huyện Điện Biên, tỉnh Lai Châu",
            "Bị thương ngày", "02/09/1968", "Vùng bị thương", "Cồn Tiên"]
    rec = extract_records([page(rows)], "thuongbinh/")[0]
    assert flatten_fields(rec)["injury_place"] == "Cồn Tiên"
    # "bị thương tật" (the injury) is no loose "Bị thương tại": the label is read for its meaning, the invalid's
    # date of birth (matching._another_phrase); before, the date was listed unmapped
    assert flatten_fields(rec)["date_of_birth"] == "1947-04-08"


def test_a_row_opening_with_another_fields_label_is_no_wrapped_rest():
    schema = SCHEMAS["martyr"]
    place = spec("martyr", "place_of_death")
    assert labels_another_field(toks("Mặt trận Đường 9", 400), toks("Nơi an nghỉ hiện nay , Nghĩa trang Đồi Thông"),
                                place, schema)
    # a value that goes on (a word in lower case, a comma) and a row of value words are its rest
    assert not labels_another_field(toks("Sở Lao động - Thương binh và", 400), toks("Xã hội tỉnh Bắc Ninh"),
                                    None, schema)
    assert not labels_another_field(toks("Mặt trận", 400), toks("Tây Nguyên"), place, schema)
    # a label of the value's own field is no other field's
    assert not labels_another_field(toks("Mặt trận Đường 9", 400), toks("Nơi hy sinh khác"), place, schema)


def test_the_place_of_death_stops_where_the_burial_places_label_starts():
    rows = ["GIẤY BÁO TỬ", "Họ và tên Trịnh Văn Khải",
            "Nguyên quán xã Hòa Bình, huyện Chợ Mới, tỉnh An Giang",
            "Hy sinh ngày 03/02/1968 tại Mặt trận Đường 9",
            "Nơi an nghỉ hiện nay , Nghĩa trang liệt sĩ Đồi Thông"]
    got = flatten_fields(extract_records([page(rows)], "lietsi/")[0])
    assert got["place_of_death"] == "Mặt trận Đường 9"


def test_a_names_last_syllable_that_is_also_a_label_word_stays_the_names():
    # "Lượng" is a label word ("số lượng"), and the last syllable of many names: before "Má:" it asks nothing the
    # mother's name asks, so it is the father's name's, and "Má:" alone is the label
    rows = ["GIẤY BÁO TỬ", "Họ và tên: Nguyễn Văn An Năm sinh: 1950", "Thân nhân:",
            "Ba: Hồ Văn Lượng Má: Trần Thị Bé"]
    got = flatten_fields(extract_records([page(rows)], "lietsi/")[0])
    assert got["relatives[0].full_name"] == "Hồ Văn Lượng"
    assert got["relatives[1].relation"] == "mẹ"
    # a label's first word that asks what its field holds stays the label's, even when names use it ("Năm sinh")
    assert got["full_name"] == "Nguyễn Văn An" and got["date_of_birth"] == "1950"


def test_two_syllables_glued_by_ocr_are_cut_where_only_one_cut_reads():
    from schemas.normalize import glued_syllables

    assert glued_syllables("Tiểuđội") == "Tiểu đội"
    assert glued_syllables("Bácsĩ") == "Bác sĩ"
    assert glued_syllables("Ytá") is None  # "Y tá" or "Yt á": two cuts read, none is chosen
    assert glued_syllables("Tiểu") is None  # a syllable already
    assert glued_syllables("rs1ĩ") is None  # not letters
    assert glued_syllables("UBNDxã") is None  # an abbreviation glued to a word


def test_a_short_text_glued_by_ocr_is_read_as_two_words_with_doubt():
    rows = ["GIẤY BÁO TỬ", [(100, "Họ và tên"), (700, "Trịnh Văn Khải")],
            [(100, "Chức vụ"), (700, "Bácsĩ")]]
    rec = extract_records([page(rows)], "lietsi/")[0]
    assert flatten_fields(rec)["position"] == "Bác sĩ"
    assert any("glued" in n for n in rec["fields"]["position"]["notes"])


def test_a_section_sign_where_a_percentage_starts_is_a_doubtful_eight():
    from schemas.normalize import norm_percent

    n = norm_percent("§3%")
    assert n.value == 83 and n.quality < 1 and n.notes
    assert norm_percent("§45%").value == 45  # 845 is no percentage: the sign is a speck before it
    rows = ["GIẤY CHỨNG NHẬN THƯƠNG BINH", "Họ và tên: Lò Văn Thắm", "Tỷ lệ thương tổn: §3%"]
    rec = extract_records([page(rows)], "thuongbinh/")[0]
    assert flatten_fields(rec)["injury_rate"] == 83
    assert rec["fields"]["injury_rate"]["confidence"] < 0.9


def test_a_short_family_name_read_faintly_opens_the_name():
    from schemas.fields import opens_name

    rows = ["GIẤY BÁO TỬ", [(100, "Họ và tên"), (700, "Trịnh Văn Khải")], "Thân nhân:", "Thân phụ",
            "Lò@0.45 Thanh Bình"]
    got = flatten_fields(extract_records([page(rows)], "lietsi/")[0])
    assert got["relatives[0].full_name"] == "Lò Thanh Bình"
    # a speck before a whole name is still a speck: the name is one without it
    assert not opens_name(build_rows(page([[(100, "Lò Trịnh Văn Khải")]]))[0].toks, "name")


def test_a_pair_in_the_relatives_block_is_never_the_martyrs_own_field():
    from schemas.assign import Pending, assign

    schema = SCHEMAS["martyr"]
    # the same unlabelled name: the martyr's outside the block, nobody's single field inside it
    assert [p.key for p in assign(schema, [Pending("Xxx yyy", "Đinh Thị Hạnh")], set())] == ["full_name"]
    assert assign(schema, [Pending("Xxx yyy", "Đinh Thị Hạnh", "relatives")], set()) == []
    assert assign(schema, [Pending("Xxx yyy", "xã Hòa Bình, huyện Chợ Mới, tỉnh An Giang", "relatives")], set()) == []
