import pytest

from schemas.extract import REVIEW_THRESHOLD
from schemas.normalize import (cccd_parts, norm_date, norm_dating, norm_dimensions, norm_enum, norm_ethnicity,
                               norm_id, norm_name, norm_number, norm_percent, norm_sex, norm_text, norm_time,
                               norm_weight, parse_date, strip_leaders, words_to_number, ETHNICITY_NAMES)


@pytest.mark.parametrize("raw,iso", [
    ("05/3/1972", "1972-03-05"),
    ("5-3-1972", "1972-03-05"),
    ("15.03.1972", "1972-03-15"),
    ("ngày 05 tháng 3 năm 1972", "1972-03-05"),
    ("Ngay 05 thang 03 nam 1972", "1972-03-05"),
    ("mồng 5 tháng 3 năm 1950", "1950-03-05"),
    ("tháng 7/1949", "1949-07"),
    ("tháng 7 năm 1949", "1949-07"),
    ("7/1949", "1949-07"),
    ("năm 1948", "1948"),
    ("1948", "1948"),
    ("ngày mười lăm tháng ba năm một nghìn chín trăm bảy mươi hai", "1972-03-15"),
    ("ngày hai mươi mốt tháng mười hai năm một ngàn chín trăm bốn mươi tám", "1948-12-21"),
    ("ngày năm tháng năm năm hai nghìn linh năm", "2005-05-05"),
    ("ngày mồng một tháng Giêng năm hai nghìn lẻ một", "2001-01-01"),
    ("ngày ba mươi tháng Chạp năm một nghìn chín trăm tám mươi", "1980-12-30"),
    ("ngay muoi lam thang ba nam mot nghin chin tram bay muoi hai", "1972-03-15"),
    ("ngày hai mươi tư tháng tư năm hai nghìn không trăm mười", "2010-04-24"),
    ("O5/3/l972", "1972-03-05"),
    ("..... 12/05/1968 .......", "1968-05-12"),
    ("14 giờ 30 phút, ngày 05 tháng 3 năm 2020", "2020-03-05"),
])
def test_dates(raw, iso):
    assert norm_date(raw).value == iso


def test_ocr_repaired_date_has_lower_quality():
    assert norm_date("O5/3/l972").quality < norm_date("05/3/1972").quality


@pytest.mark.parametrize("raw", ["31/02/1972", "", "không rõ", "mồng 5 tháng 3"])
def test_impossible_or_missing_dates_fail(raw):
    n = norm_date(raw)
    assert n.value is None and n.quality == 0


def test_lunar_year_kept_raw_never_converted():
    n = norm_date("năm Mậu Thân")
    assert n.value is None
    assert "Mậu Thân" in n.notes[0]
    assert parse_date("năm Mậu Thân").lunar == "Mậu Thân"


def test_words_only_ignores_digits():
    assert parse_date("15/03/1972", words_only=True).iso is None
    assert parse_date("bằng chữ: ngày mười lăm tháng ba năm một nghìn chín trăm bảy mươi hai", words_only=True).iso == "1972-03-15"


@pytest.mark.parametrize("words,n", [
    ("muoi lam", 15), ("hai muoi mot", 21), ("mot nghin chin tram bay muoi hai", 1972),
    ("hai nghin linh nam", 2005), ("hai nghin le mot", 2001), ("mot ngan chin tram", 1900), ("muoi", 10),
    ("hai muoi tu", 24),
])
def test_words_to_number(words, n):
    assert words_to_number(words.split()) == n


def test_words_to_number_rejects_non_numbers():
    assert words_to_number(["hai", "ba"]) is None
    assert words_to_number(["xin", "chao"]) is None


@pytest.mark.parametrize("raw,name", [
    ("NGUYỄN  THỊ   HƯƠNG", "Nguyễn Thị Hương"),
    ("....... trần văn đức .....", "Trần Văn Đức"),
    ("Nguye\u0302\u0303n Văn A", "Nguyễn Văn A"),
    ("lò thị h'mon", "Lò Thị H'Mon"),
])
def test_names(raw, name):
    assert norm_name(raw).value == name


def test_name_with_digits_is_doubtful():
    assert norm_name("Nguyễn Văn 8ình").quality < 1


@pytest.mark.parametrize("raw,sex", [("Nam", "male"), ("Nữ", "female"), ("nu", "female"), ("NỮ.", "female"),
                                     ("  : nam ....", "male")])
def test_sex(raw, sex):
    assert norm_sex(raw).value == sex


def test_sex_unknown():
    assert norm_sex("Kinh").value is None


@pytest.mark.parametrize("raw,eth", [
    ("Kinh", "Kinh"), ("kinh", "Kinh"), ("Tay", "Tày"), ("Muong", "Mường"), ("H'Mông", "Mông"), ("Mèo", "Mông"),
    ("Khơ-me", "Khmer"), ("Ede", "Ê Đê"), ("Ê-đê", "Ê Đê"), ("Muờng", "Mường"), ("Nủng", "Nùng"),
    ("San Diu", "Sán Dìu"), ("Bru-Vân Kiều", "Bru - Vân Kiều"), ("Xơđăng", "Xơ Đăng"), ("Mưòng", "Mường"),
])
def test_ethnicity(raw, eth):
    assert norm_ethnicity(raw).value == eth


def test_fifty_four_ethnicities():
    assert len(ETHNICITY_NAMES) == 54 == len(set(ETHNICITY_NAMES))


def test_ethnicity_ocr_slip_lower_quality_and_unknown_fails():
    assert norm_ethnicity("Mưòng").quality == 1.0  # folds exactly
    assert norm_ethnicity("Kimh").value == "Kinh" and norm_ethnicity("Kimh").quality < 1
    assert norm_ethnicity("Pháp").value is None


@pytest.mark.parametrize("raw,digits", [
    ("025188001010", "025188001010"), ("025 188 001 010", "025188001010"), ("O25188OO1O1O", "025188001010"),
    ("125678901", "125678901"),
])
def test_ids(raw, digits):
    assert norm_id(raw).value == digits


def test_id_wrong_length_is_doubtful():
    n = norm_id("12345678")
    assert n.quality < 0.5


def test_cccd_parts():
    assert cccd_parts("027188001010") == {"province": "027", "sex": "female", "birth_year": 1988}
    assert cccd_parts("001205012345") == {"province": "001", "sex": "male", "birth_year": 2005}
    assert cccd_parts("12345") is None


@pytest.mark.parametrize("raw,p", [("61%", 61), ("61 %", 61), ("Tỷ lệ 81 %", 81), ("sáu mươi mốt phần trăm", 61)])
def test_percent(raw, p):
    assert norm_percent(raw).value == p


@pytest.mark.parametrize("raw,t", [("14 giờ 30 phút", "14:30"), ("14:30", "14:30"), ("9h05", "09:05"),
                                   ("7 giờ", "07:00"), ("Lúc 22 giờ 15", "22:15")])
def test_time(raw, t):
    assert norm_time(raw).value == t


def test_time_rejects_nonsense():
    assert norm_time("25 giờ").value is None


@pytest.mark.parametrize("raw,dims", [
    ("Cao 35 cm, ĐK miệng 12 cm", {"height_cm": 35.0, "diameter_cm": 12.0}),
    ("Cao: 350mm; đường kính: 120mm", {"height_cm": 35.0, "diameter_cm": 12.0}),
    ("Dài 1,2 m; rộng 45 cm", {"length_cm": 120.0, "width_cm": 45.0}),
    ("D x R x C: 30 x 20 x 15 cm", {"length_cm": 30.0, "width_cm": 20.0, "height_cm": 15.0}),
    ("C 12,5cm - ĐK 8cm", {"height_cm": 12.5, "diameter_cm": 8.0}),
])
def test_dimensions(raw, dims):
    assert norm_dimensions(raw).value == dims


@pytest.mark.parametrize("raw,kg", [("1,2 kg", 1.2), ("350 g", 0.35), ("350gr", 0.35), ("2 tấn", 2000.0)])
def test_weight(raw, kg):
    assert norm_weight(raw).value == {"kg": kg}


def test_weight_without_unit_fails():
    assert norm_weight("350").value is None


def test_weight_with_a_letter_for_a_digit_is_doubtful():
    n = norm_weight("B5 kg")  # "8,5 kg" or "85 kg": the letter hides a digit or the separator
    assert n.value == {"kg": 5.0} and n.quality <= 0.5
    assert norm_weight("O0 g").value is None  # a weight of nothing is no weight
    assert norm_weight("2,5 kg").quality == 1.0


def test_weight_whose_first_digit_was_read_as_a_letter_before_the_separator():
    # not the part after the separator alone (0.75 kg for 2.75 kg): the letter is the digit, and the weight doubtful
    n = norm_weight("l.750 g")
    assert n.value == {"kg": 1.75} and n.quality <= 0.5
    assert norm_weight("i,5 kg").value == {"kg": 1.5}
    assert norm_weight("3.400 g").quality == 1.0


@pytest.mark.parametrize("raw,rng", [
    ("Thế kỷ XVIII", (1701, 1800)), ("thế kỷ 18", (1701, 1800)), ("TK XIX", (1801, 1900)),
    ("Nửa đầu thế kỷ XX", (1901, 1950)), ("nửa sau thế kỷ XIX", (1851, 1900)), ("Cuối thế kỷ XIX", (1871, 1900)),
    ("Thế kỷ XV - XVI", (1401, 1600)), ("1880 - 1890", (1880, 1890)), ("năm 1945", (1945, 1945)),
    ("1945-54", (1945, 1954)), ("Thời Tây Sơn", (1778, 1802)), ("thế kỷ III TCN", (-300, -201)),
])
def test_dating(raw, rng):
    assert norm_dating(raw).value == {"year_from": rng[0], "year_to": rng[1]}


def test_dimensions_with_a_letter_read_for_a_digit():
    n = norm_dimensions("Cao 22 cm, ĐK miệng l0 cm")
    assert n.value == {"height_cm": 22.0, "diameter_cm": 10.0} and n.quality < 1


def test_dating_range_with_specks_or_without_its_dash():
    # a dash read with specks around it, or as a tilde: still the range
    assert norm_dating("1834. -. 1844").value == {"year_from": 1834, "year_to": 1844}
    assert norm_dating("1735 ~ 1745,").value == {"year_from": 1735, "year_to": 1745}
    # the dash lost: two years side by side are the range, but a person must look
    n = norm_dating("1760 1770")
    assert n.value == {"year_from": 1760, "year_to": 1770} and n.quality < 1
    # a year then a dash whose end was not read: never a clean single year
    n = norm_dating("1865 - 7.")
    assert n.value == {"year_from": 1865, "year_to": 1865} and n.quality < 1


def test_dating_unknown_kept_raw():
    assert norm_dating("Văn hóa Đông Sơn").value is None


def test_enum():
    values = {"war_invalid": ["thương binh"], "sick_soldier": ["bệnh binh"],
              "treated_as_war_invalid": ["hưởng chính sách như thương binh"]}
    assert norm_enum("Thương binh", values).value == "war_invalid"
    assert norm_enum("Người hưởng chính sách như thương binh", values).value == "treated_as_war_invalid"
    assert norm_enum("BENH BINH", values).value == "sick_soldier"
    assert norm_enum("Liệt sĩ", values).value is None


def test_text_and_number_strip_leaders():
    assert strip_leaders(".......: xã Đình Bảng, huyện Từ Sơn ......") == "xã Đình Bảng, huyện Từ Sơn"
    assert norm_text("…… xã  Đình Bảng ,").value == "xã Đình Bảng"
    assert norm_number("..: 02 / 1972 ....").value == "02/1972"
    assert norm_number("BTBN 1234/KL 56").value == "BTBN 1234/KL 56"


def test_a_number_that_ran_into_the_next_value_is_doubtful():
    from schemas.normalize import norm_number
    for raw in ("25 04/2014", "25 Q", "380 12"):
        assert norm_number(raw).quality <= 0.5, raw
    for raw in ("25", "12/2005", "BTBN 6008/6V 95", "LS 28430", "G.8115"):
        assert norm_number(raw).quality == 1.0, raw


@pytest.mark.parametrize("raw,dims,why", [
    ("Dài 2,l m, cao 35 em", {"length_cm": 210.0, "height_cm": 35.0}, "a letter read for a digit"),
    ("Dài 1/2 m, cao 12cm", {"length_cm": 120.0, "height_cm": 12.0}, "a slash between a number's digits"),
    ("Dài 1,5 mự", {"length_cm": 150.0}, "a speck after the unit m"),
    ("Dài 1,2 my cao 60 cm", {"length_cm": 120.0, "height_cm": 60.0}, "a speck after the unit m"),
    ("Dài 80 cm, tộng 20 cm", {"length_cm": 80.0, "width_cm": 20.0}, "a measure word one letter off"),
    ("Cao 1200 mm; đường - ỷ kính 250 mm", {"height_cm": 120.0, "diameter_cm": 25.0}, "specks between"),
    ("Cao l,s m", {"height_cm": 150.0}, "a letter read for a digit"),
    ("Cao 40 cm, dni 2,5 m", {"height_cm": 40.0, "length_cm": 250.0}, "a measure word one letter off"),
    ("Cso 18 cm", {"height_cm": 18.0}, "a measure word one letter off"),
])
def test_dimensions_as_ocr_bent_them(raw, dims, why):
    n = norm_dimensions(raw)
    assert n.value == dims and n.quality < 1 and any(note.startswith(why) for note in n.notes)


def test_dimensions_straight_are_not_bent():
    # "mm" is a unit, not "m" and a speck; a fraction-free measure keeps its quality; "dày" is no "dài"
    n = norm_dimensions("Cao 120 mm, dài 1,5 m")
    assert n.value == {"height_cm": 12.0, "length_cm": 150.0} and n.quality == 1.0 and not n.notes
    assert "length_cm" not in norm_dimensions("Dày 2 cm, cao 12 mm").value
    assert "length_cm" not in norm_dimensions("Dầy 2 cm, cao 12 mm").value  # a word near "dày" is no "dài"
    assert norm_dimensions("Tai 18").value is None  # a short word one letter off, with no unit after its number


def test_dating_with_a_speck_inside_the_century_words():
    n = norm_dating("Nửa đầu thế to kỷ XVI")
    assert n.value == {"year_from": 1501, "year_to": 1550} and n.quality < 1
    assert norm_dating("Nửa đầu thế to kỷ").value is None  # the numeral lost: nothing to read


def test_percent_written_with_its_sign_comes_before_other_numbers():
    assert norm_percent("MỨC 2 TỔN THƯƠNG CƠ THỂ |81%").value == 81
    assert norm_percent("2 81").value == 2  # no sign: the first number, as before


def test_a_measure_word_glued_to_the_next():
    n = norm_dimensions("Cao 35cm, ĐKmiệng 10 cm")
    assert n.value == {"height_cm": 35.0, "diameter_cm": 10.0} and n.quality < 1


def test_dating_year_with_a_letter_read_for_a_digit():
    for raw in ("1777 - L787", "l777 - 1787"):
        n = norm_dating(raw)
        assert n.value == {"year_from": 1777, "year_to": 1787} and n.quality < 1, raw
    assert norm_dating("1777 - 1787").quality == 1.0
    assert norm_dating("Il 1940").value == {"year_from": 1940, "year_to": 1940}  # two letters: no year of them


def test_number_with_a_speck_before_it_or_a_section_sign_among_its_letters():
    from schemas.normalize import norm_number
    n = norm_number("h LS35966")
    assert n.value == "LS35966" and n.quality < 1
    n = norm_number("L§24366")
    assert n.value == "LS24366" and n.quality <= 0.5  # § is S or 8: a person looks
    assert norm_number("BTTH 3381/G 58").value == "BTTH 3381/G 58"  # a capital starts a code's part
    assert norm_number("§4/GBT").value == "84/GBT"  # where a number starts, § is an 8 (as before)


def test_a_code_with_a_section_sign_still_ends_where_the_next_value_begins():
    from schemas.normalize import norm_number
    # the § read as S before the number's end is looked for: the next value's words are not kept with it
    n = norm_number("K§40712 58/QĐ ngày")
    assert n.value == "KS40712" and n.quality <= 0.5


@pytest.mark.parametrize("raw,fixed", [("o6/2020", "06/2020"), ("o1/2ooo", "01/2000"), ("z67", "267"),
                                       ("o4", "04"), ("2l1", "211")])
def test_lower_case_look_alikes_among_digits_are_digits(raw, fixed):
    # codes are written in capitals, so lower-case letters mixed only with digits were digits on the page
    n = norm_number(raw)
    assert n.value == fixed and n.quality < 1


def test_letters_that_are_not_look_alikes_or_capitals_stay():
    assert norm_number("12a").value == "12a"  # a house number's letter
    assert norm_number("LS 28430").value == "LS 28430" and norm_number("G.8115").value == "G.8115"
    assert norm_number("lao").value == "lao"  # no digit: nothing says it was a number


def test_a_mark_standing_alone_between_a_names_words_is_a_speck():
    from schemas.normalize import norm_name
    n = norm_name("Khương - Phước Toại")
    assert n.value == "Khương Phước Toại" and n.quality < 1 and n.notes
    assert norm_name("Y-Moan Niê").value == "Y-Moan Niê"  # a hyphen inside a word is the name's
    assert norm_name("Nguyễn Văn An").notes == []


@pytest.mark.parametrize("raw, want", [
    ("136-n.mẽ tTï", "136"), ("01 cất", "01"), ("280 Quyêủ", "280"), ("433/QĐ ngày", "433/QĐ"),
    ("12/2003/QĐ-UBND ngày", "12/2003/QĐ-UBND"),
])
def test_words_no_number_is_written_with_after_a_number_are_dropped(raw, want):
    from schemas.normalize import norm_number
    n = norm_number(raw)
    assert n.value == want and n.quality <= 0.5 and "words after the number dropped" in n.notes


@pytest.mark.parametrize("raw", ["5634/QĐ-LĐTBXH", "BTBN 1234/KL 56", "HN/88206", "01/1964", "12a", "25 04/2014"])
def test_numbers_of_digits_capitals_and_separators_keep_their_words(raw):
    from schemas.normalize import norm_number
    assert norm_number(raw).value == raw


def test_specks_read_as_punctuation_in_a_place_are_dropped_with_a_note():
    from schemas.normalize import norm_text
    n = norm_text("phường Tùng Ảnh,. thành phố Hà Tĩnh, 'tỉnh Hà Tĩnh")
    assert n.value == "phường Tùng Ảnh, thành phố Hà Tĩnh, tỉnh Hà Tĩnh" and n.notes
    assert norm_text("dân tộc H'Mông").value == "dân tộc H'Mông"
    assert norm_text("gọi là 'Tám' ở nhà").value == "gọi là 'Tám' ở nhà"  # quoted whole: the writer's


def test_a_speck_between_a_number_and_its_unit_leaves_the_unit_with_its_number():
    # without its own unit "40" would take the metre of the length before it: 4000 cm
    n = norm_dimensions("Dài 2,4 m, rộng 40 ~cm")
    assert n.value == {"length_cm": 240.0, "width_cm": 40.0}
    assert n.quality < 1.0
    assert norm_dimensions("Cao 12.5 cm").value == {"height_cm": 12.5}


@pytest.mark.parametrize("raw, year", [("I962", "1962"), ("Năm sinh: l97O", "1970"), ("(khoảng) 18I4", "1814")])
def test_year_with_letters_read_as_digits_is_repaired_and_doubtful(raw, year):
    n = norm_date(raw)
    assert n.value == year
    assert n.quality < REVIEW_THRESHOLD and n.notes


@pytest.mark.parametrize("raw", ["IIII", "OSlO", "B52I", "Iô 7"])
def test_letters_alone_or_out_of_range_are_no_year(raw):
    assert norm_date(raw).value is None


@pytest.mark.parametrize("raw, p", [("739%", 73), ("Tỷ lệ: 260%", 26)])
def test_percent_sign_ring_read_as_last_digit_is_dropped_and_doubtful(raw, p):
    n = norm_percent(raw)
    assert n.value == p
    assert n.quality < REVIEW_THRESHOLD and n.notes


@pytest.mark.parametrize("raw", ["735%", "260 %", "1000%"])
def test_other_numbers_over_a_hundred_are_no_percentage(raw):
    assert norm_percent(raw).value is None


def test_a_percentage_whose_sign_was_read_as_a_five_is_its_two_digits_in_doubt():
    got = norm_percent("Tỷ lệ 415")
    assert got.value == 41 and got.quality < 1
    assert norm_percent("45").value == 45  # a number of a percentage's size is as read
    assert norm_percent("4155").value is None  # no percentage is four digits
