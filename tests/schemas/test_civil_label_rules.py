"""Labels of civil-status certificates in words no list holds, read by rules over what the words are: a bracketed
note asks nothing and names no one, a heading may take seven or eight words, a name is never in lower case, the
words of an act that names a person are label words, a person's word after an attribute names whose it is, and
a heading in capitals whose words fold to a name is still a heading (schemas/labels.py, matching.py,
label_edges.py, person_columns.py). Made-up examples of each rule."""

from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.label_edges import label_head, only_label_words
from schemas.labels import is_label_word, meaning, resolve
from schemas.layout import build_rows
from schemas.loader import load_schemas
from schemas.person_columns import heading_like

SCHEMAS = load_schemas()
BIRTH, MARRIAGE = SCHEMAS["birth"], SCHEMAS["marriage"]


def fields_of(rows, title="GIẤY CHỨNG NHẬN KẾT HÔN"):
    return flatten_fields(extract_records([page([title] + rows)], collection="hotich/")[0])


def test_a_bracketed_note_names_no_person():
    # "(theo mẹ)" says where the home town is copied from: the child's home town, not the mother's
    got = resolve("Quê quán (theo mẹ)", BIRTH)
    assert got is not None and [s.key for s in got.specs] == ["hometown"]
    # the note's words fold like a person's ("có dấu" like "cô dâu"): the label names only the husband
    assert meaning("Họ và tên (in hoa, có dấu) người chồng").roles == {"husband"}


def test_a_note_alone_is_still_read():
    # nothing outside the brackets names anything: the note's words are all there is to read
    assert meaning("(họ và tên)").attrs == {"name"}


def test_a_heading_of_seven_words_opens_its_persons_column():
    v = fields_of([
        [(100, "Phần kê khai về bên người vợ"), (900, "Phần kê khai về bên người chồng")],
        [(100, "Họ và tên: Trần Thị Lan"), (900, "Họ và tên: Nguyễn Văn Bình")],
        [(100, "Dân tộc: Tày"), (900, "Dân tộc: Kinh")],
        "Ngày đăng ký: 01/02/1995",
    ])
    assert v["wife.full_name"] == "Trần Thị Lan" and v["husband.full_name"] == "Nguyễn Văn Bình"
    assert v["wife.ethnicity"] == "Tày" and v["husband.ethnicity"] == "Kinh"


def test_words_all_in_lower_case_are_no_name():
    name = BIRTH.by_key["full_name"]
    assert only_label_words(name, ["(ghi", "đúng", "dấu)", "của", "bé", "nhỏ"])
    assert not only_label_words(name, ["nguyen", "van", "an"])  # a name typed without marks or capitals
    assert not only_label_words(name, ["Trần", "Thị", "Lan"])


def test_the_words_of_an_act_that_names_a_person_are_label_words():
    assert is_label_word("quyền") and is_label_word("thành")  # "người được ủy quyền", "bà sinh thành"


def test_a_long_label_naming_the_declarant_by_an_act_runs_on_to_its_row_end():
    v = flatten_fields(extract_records([page([
        "GIẤY KHAI SINH",
        "Họ và tên: Trần Văn An",
        "Họ và tên của người được ủy quyền đi khai",
        "Lê Thị Hoa",
        "Ngày đăng ký: 01/02/1995",
    ])], collection="hotich/")[0])
    assert v["full_name"] == "Trần Văn An" and v["declarant.full_name"] == "Lê Thị Hoa"


def test_a_persons_word_after_an_attribute_and_unknown_words_names_whose_it_is():
    v = fields_of([
        "Họ và tên vợ: Trần Thị Lan",
        "Ngày sinh xác thực vợ: 05/03/1972",
        "Họ và tên chồng: Nguyễn Văn Bình",
        "Ngày sinh xác thực chồng: 12/11/1970",
        "Ngày đăng ký: 01/02/1995",
    ])
    assert v["wife.date_of_birth"] == "1972-03-05" and v["husband.date_of_birth"] == "1970-11-12"
    assert v["husband.full_name"] == "Nguyễn Văn Bình"


def test_a_heading_in_capitals_whose_words_fold_to_a_name_is_still_a_heading():
    toks = build_rows(page(["PHẦN GHI VỀ NGƯỜI NAM"]))[0].toks  # like "Phan …" folded, every word a label word
    assert heading_like(toks)
    toks = build_rows(page(["PHAN THANH TÙNG"]))[0].toks  # a name, its words no label's
    assert not heading_like(toks)


def test_words_in_capitals_before_a_name_in_title_case_are_the_labels():
    name = BIRTH.by_key["full_name"]
    assert label_head(name, "CHỮ ĐỆM ZZZ CỦA BÉ Lê Văn An".split()) == 5
    assert label_head(name, "TRẦN Văn An".split()) == 0  # a family name written in capitals is the name's


def test_a_date_or_place_in_a_persons_block_in_words_naming_no_known_event_is_that_persons_own():
    # "xyz" may be the event in words the vocabulary lacks: the wife's one date, never the form's own
    got = resolve("Ngày tháng năm xyz", MARRIAGE, section="wife", heading="GIẤY CHỨNG NHẬN KẾT HÔN")
    assert got is not None and [s.key for s in got.specs] == ["wife.date_of_birth"] and got.score < 0.9
    got = resolve("Ngày tháng năm xyz", MARRIAGE, heading="GIẤY CHỨNG NHẬN KẾT HÔN")  # no person's block
    assert got is not None and [s.key for s in got.specs] == ["registration.date"]
    got = resolve("Nơi xyz", BIRTH, section="mother", heading="GIẤY KHAI SINH")  # a parent's one place
    assert got is not None and [s.key for s in got.specs] == ["mother.residence"]
