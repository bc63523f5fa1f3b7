"""A person's name never opens in lower case: words in lower case after a name's label, most of them label words,
are the label going on ("Ho ten, | viet in hoa cua tre so sinh", a caption typed without marks, one of its words
read by OCR with a digit), and the name is looked for under the caption (issue 12; schemas/value_start.py
``name_label_run_on``)."""

from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.layout import build_rows
from schemas.value_start import name_label_run_on


def _birth(captions: list, values: list) -> dict:
    rows = ["GIẤY KHAI SINH", captions, values, "Nơi sinh: Bệnh viện huyện Kim Sơn, tỉnh Ninh Bình"]
    return flatten_fields(extract_records([page(rows, width=1800)], "hotich/")[0])


def _toks(text: str):
    return build_rows(page([text]))[0].toks


def test_a_name_caption_going_on_in_lower_case_takes_the_name_under_it():
    # "so" read "s0": the digit keeps the caption's words from reading as print, and they were taken for the name
    got = _birth([(100, "Ho ten, viet in hoa cua tre s0 sinh"), (1000, "Ngày sinh")],
                 [(100, "Trần Minh Khoa"), (1000, "12/03/2001")])
    assert got.get("full_name") == "Trần Minh Khoa"
    assert got.get("date_of_birth") == "2001-03-12"


def test_lower_case_label_words_are_counted_and_a_name_is_not():
    assert name_label_run_on(_toks("chữ đệm của người con"), ends_row=False) == 5
    assert name_label_run_on(_toks("Trần Minh Khoa"), ends_row=True) == 0
    assert name_label_run_on(_toks("con"), ends_row=True) == 0  # one word: too little to say
    assert name_label_run_on(_toks("xyz qwv Trần Minh"), ends_row=True) == 0  # words no label is made of
    # words the vocabulary lacks, in lower case to the row's end: no name is written so
    assert name_label_run_on(_toks("xyz qwv"), ends_row=True) == 2
    assert name_label_run_on(_toks("xyz qwv"), ends_row=False) == 0  # … but before a label, they may open it


def test_a_tie_whose_marks_are_no_kin_words_is_no_persons_word():
    from schemas.labels import bent_person_word

    assert bent_person_word("Bế")  # to carry; folds onto "bé", a child: OCR's slip of a mark on "Bố"
    assert not bent_person_word("Bố") and not bent_person_word("Con gái") and not bent_person_word("Cháu nội")
    assert not bent_person_word("Me")  # typed without marks: read folded, as a label is


def test_a_place_caption_going_on_in_lower_case_takes_the_place_under_it():
    from schemas.value_start import place_label_run_on

    # a caption typed without marks: "Noi sinh" is a place's label, "cua be gai" its run-on, the place below
    rows = ["GIẤY KHAI SINH", "Họ và tên: Trần Minh Khoa", [(100, "Noi sinh cua be gai"), (1000, "Ngày sinh")],
            [(100, "xã Yên Hóa, huyện Minh Hóa, tỉnh Quảng Bình"), (1000, "12/03/2001")]]
    got = flatten_fields(extract_records([page(rows, width=1800)], "hotich/")[0])
    assert got.get("place_of_birth") == "xã Yên Hóa, huyện Minh Hóa, tỉnh Quảng Bình"
    assert place_label_run_on(_toks("của đứa trẻ")) == 3
    assert place_label_run_on(_toks("thị trấn")) == 0  # an address cut at the line's end
    assert place_label_run_on(_toks("của Yên Hóa")) == 0  # a capital: a unit's name
