"""A note in brackets inside a label is the label's however long it is (schemas/matching.py): its words say how to
write the value and name nobody, so they neither cut the label short nor give its last words another person."""

from synth import page

from schemas.layout import build_rows
from schemas.loader import load_schemas
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
