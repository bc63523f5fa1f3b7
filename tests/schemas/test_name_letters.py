"""A person's name read back through OCR's slips at its letters and edges (issue 12, part BK): an "i" read as a
stem ("M1nh"), a family name behind a stroke or with its capital lost ("|tô Hòa Bình"), a quote mark glued to a
faint family name ("„Vi"). Made-up names, each written the general way the rule reads."""

from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.name_letters import family_name_read_low, name_with_stems_read, stems_read_as_i

BIRTH_TAIL = ["Ngày, tháng, năm sinh: 04/07/1992", "Giới tính: Nam", "Dân tộc: Kinh", "Quốc tịch: Việt Nam"]


def birth(*rows):
    rec = extract_records([page(["GIẤY KHAI SINH", *rows, *BIRTH_TAIL])], "khaisinh/")[0]
    return flatten_fields(rec), rec


def test_a_stem_read_for_i_makes_the_word_a_name_syllable():
    assert stems_read_as_i("M1nh", first=False) == "Minh"
    assert stems_read_as_i("L¡nh", first=False) == "Linh"
    assert stems_read_as_i("Hiề|n", first=False) is None  # ("Hiềin": no syllable)
    assert stems_read_as_i("Đ!nh", first=True) == "Đinh"  # a family name, as the first word
    assert stems_read_as_i("K1m", first=True) == "Kim"


def test_what_a_stem_does_not_make_a_syllable_is_left():
    assert stems_read_as_i("Minh!", first=False) is None  # the word is whole without it: a speck beside it
    assert stems_read_as_i("1960", first=False) is None
    assert stems_read_as_i("X1", first=False) is None  # "Xi" is no name syllable
    assert stems_read_as_i("1nh", first=False) is None  # a stem before the letters is no "i" inside a word
    assert stems_read_as_i("Minh", first=False) is None
    assert name_with_stems_read("Đinh Văn Minh") == ("Đinh Văn Minh", [])


def test_a_name_keeps_its_syllable_read_with_a_stem():
    got, rec = birth("Họ và tên: Đinh Văn M1nh")
    assert got["full_name"] == "Đinh Văn Minh"
    assert rec["fields"]["full_name"]["confidence"] < 0.9  # the letter was read back: a guess to confirm
    got, _ = birth("Họ và tên: K1m Thị Loan")
    assert got["full_name"] == "Kim Thị Loan"


def test_a_family_name_behind_a_stroke_or_in_lower_case_is_the_names():
    assert family_name_read_low("|tô", ["Hòa", "Bình"])
    assert family_name_read_low("kim", ["Phượng", "Loan"])
    assert family_name_read_low("„tô", ["Hòa", "Bình"])


def test_a_label_word_before_a_name_whose_family_name_is_written_is_no_family_name():
    assert not family_name_read_low("vị", ["Trần", "Văn", "An"])  # "Trần" is the family name as written
    assert not family_name_read_low("tô", ["Trần", "Văn", "An"])
    assert not family_name_read_low("mẹ", ["Hòa", "Bình"])  # no family name
    assert not family_name_read_low("Tô", ["Hòa", "Bình"])  # in Title case: the label's own rules read it
    assert not family_name_read_low("|tô", [])


def test_a_mother_keeps_her_family_name_behind_a_stroke():
    # family names that are also words of labels ("lý" of "lý lịch", "mai" of "ngày mai"), read in lower case
    got, _ = birth("Họ và tên: Lê Văn Nam", "Họ và tên mẹ: |lý Hòa Bình")
    assert got["mother.full_name"] == "Lý Hòa Bình"
    got, _ = birth("Họ và tên: Lê Văn Nam", "Họ và tên người mẹ |mai Phượng Loan")
    assert got["mother.full_name"] == "Mai Phượng Loan"


def test_a_faint_family_name_behind_a_quote_mark_is_no_speck():
    got, _ = birth("Họ và tên: Lê Văn Nam", "Họ và tên mẹ: „Tô@0.4 Hòa Bình")
    assert got["mother.full_name"] == "Tô Hòa Bình"
