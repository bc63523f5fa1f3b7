"""Label words OCR glued into one word are cut back apart before labels are looked for (schemas/glued_words.py);
a field read through such a cut stays doubtful unless its value vouches for it."""

from synth import page

from ocr.result import Word
from schemas.extract import extract_records, flatten_fields
from schemas.glued_words import unglue_word, unglued


def test_label_words_glued_by_ocr_are_cut_where_only_one_cut_reads():
    assert unglued("Quêquán:") == ("Quê", "quán:")  # the colon stays on the last word
    assert unglued("TÊNGỌI") == ("TÊN", "GỌI")
    assert unglued("nơithườngtrú") == ("nơi", "thường", "trú")
    # a word that may be one syllable, a name, a number: left as read
    for word in ("Nguyễn", "Thường", "Khuyến", "1968", "xã", "Hoàng"):
        assert unglued(word) is None, word
    # glued words that are no label words are not cut (a name glued to a name), nor is a run of vowels
    assert unglued("MỹLinh") is None
    assert unglued("XuânHòa") is None  # "Xu" + "ân" would cut the vowels of one syllable


def test_a_glued_word_s_box_is_shared_between_its_words():
    left, right = unglue_word(Word("Nơisinh:", 0.9, (100, 10, 180, 40)))
    assert (left.text, right.text) == ("Nơi", "sinh:")
    assert left.bbox[0] == 100 and right.bbox[2] == 180 and left.bbox[2] == right.bbox[0]
    assert [w.text for w in unglue_word(Word("Hoàng", 0.9, (0, 0, 50, 20)))] == ["Hoàng"]


def test_a_person_glued_to_the_word_before_is_still_whose_field_it_is():
    rows = ["GIẤY KHAI SINH", "Số: 17", "Họ và tên: Đỗ Minh Khang", "Ngày sinh: 02/05/1979", "Giới tính: Nam",
            "Tuổi sinh của ngườimẹ: 1958"]
    fields = flatten_fields(extract_records([page(rows)], "hotich/")[0])
    assert fields.get("mother.birth_year") == "1958"


def test_a_field_read_from_glued_label_words_is_doubtful_unless_its_value_vouches_for_it():
    def birth_year(value: str) -> tuple:
        rows = ["GIẤY KHAI SINH", "Số: 17", "Họ và tên: Đỗ Minh Khang", "Ngày sinh: 02/05/1979", "Giới tính: Nam",
                f"Tuổi sinh của ngườimẹ: {value}"]
        rec = extract_records([page(rows)], "hotich/")[0]
        return flatten_fields(rec).get("mother.birth_year"), rec["fields"]["mother"]["birth_year"]
    value, field = birth_year("1958")
    assert value == "1958" and not any("glued" in n for n in field.get("notes", []))  # a year: the look agrees
    value, field = birth_year("l958")  # a letter read for a digit, repaired: the value does not vouch for the label
    assert any("glued" in n for n in field.get("notes", [])), field
