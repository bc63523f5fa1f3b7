"""A note in brackets inside a label is the label's however long it is (schemas/matching.py): its words say how to
write the value and name nobody, so they neither cut the label short nor give its last words another person."""

from synth import page

from schemas.layout import build_rows
from schemas.loader import load_schemas
from schemas.extract import extract_records, flatten_fields
from schemas.matching import find_labels

SCHEMAS = load_schemas()


def labels(text, record_type):
    toks = build_rows(page([text]))[0].toks
    return [(m.spec.key, " ".join(t.text for t in toks[m.start:m.end]), m.label.relation)
            for m in find_labels(toks, SCHEMAS[record_type], None)]


def test_a_long_note_in_brackets_does_not_cut_the_label_it_sits_in():
    # the note's words fold like a person's ("có dấu", "cô dâu"): the label is the whole, the subject's name
    assert labels("Họ tên (ghi rõ bằng chữ in hoa có dấu) người liệt sĩ: Đinh Công Tráng", "martyr") == [
        ("full_name", "Họ tên (ghi rõ bằng chữ in hoa có dấu) người liệt sĩ:", None)]
    assert labels("Họ, chữ đệm, tên (chữ in hoa có dấu) người mẹ: Trần Thị Hoa", "birth") == [
        ("mother.full_name", "Họ, chữ đệm, tên (chữ in hoa có dấu) người mẹ:", None)]


def ruled_labels(text, record_type, section):
    toks = build_rows(page([text]))[0].toks
    return [m.spec.key for m in find_labels(toks, SCHEMAS[record_type], section)]


def test_a_label_word_inside_a_note_starts_no_label():
    # "số)" closes a note on how to write the year: it is no "Số" (the registration's number) before the rule
    assert "registration.number" not in ruled_labels("| Sinh năm (ghi đủ chữ số) | 1962", "birth", "mother")
    assert "registration.number" not in ruled_labels("| Năm sinh (đủ chữ số) | 1962", "birth", "mother")


def test_a_note_keeps_the_persons_block_open():
    # read as a number's label, the note closed the mother's block: her ethnic group and nationality became the child's
    p = page(["GIẤY KHAI SINH", "| Họ và tên | Trần Văn An", "Về người mẹ", "| Họ và tên | Lê Thị Hoa",
              "| Sinh năm (ghi đủ chữ số) | 1962", "| Dân tộc | Tày", "| Quốc tịch | Việt Nam"])
    fields = flatten_fields(extract_records([p], "hotich/")[0])
    assert fields["mother.birth_year"] == "1962"
    assert fields["mother.ethnicity"] == "Tày"
    assert fields["mother.nationality"] == "Việt Nam"
    assert "registration.number" not in fields and "ethnicity" not in fields


def test_a_note_opened_by_the_label_word_itself_is_still_read():
    # the rule is about words after a note's opening: a label that is its own bracketed note stays a label
    from schemas.bracket_notes import inside_open_note
    assert inside_open_note(["Năm", "sinh", "(đủ", "chữ", "số)", "|", "1962"]) == [
        False, False, False, True, True, False, False]
    assert inside_open_note(["(Số)", "12"]) == [False, False]
