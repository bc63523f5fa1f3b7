"""A row of label words then its value, with no colon, in a wording nobody listed: when every word is one the
vocabulary knows and they name one field, they are that field's label, and the value is read as any labelled
value is, the place after its "tại" included (issue 12; schemas/reader.py ``_label_by_its_words``)."""

from synth import page

from schemas.extract import extract_records, flatten_fields


def _martyr(*rows: list) -> dict:
    page_rows = ["LÝ LỊCH LIỆT SĨ", [(100, "Họ và tên"), (900, "Đinh Văn Thụ")], [(100, "Năm sinh"), (900, "1944")],
                 *rows, [(100, "Quê quán"), (900, "xã Tân Lập, huyện Yên Sơn, tỉnh Tuyên Quang")]]
    return extract_records([page(page_rows, width=1800)], "nguoicocong/")[0]


def test_a_label_of_known_words_with_no_colon_reads_its_value_and_the_place_after_it():
    rec = _martyr([(100, "Ngày tháng năm hy sinh 21/5/1968 tại Khe Sanh, Quảng Trị")])
    got = flatten_fields(rec)
    assert got.get("date_of_death") == "1968-05-21"
    assert got.get("place_of_death") == "Khe Sanh, Quảng Trị"
    assert not rec["unmapped"]


def test_words_the_vocabulary_lacks_leave_the_row_to_the_record_wide_decoding():
    rec = _martyr([(100, "Xxyy ngày tháng năm 21/5/1968")])
    got = flatten_fields(rec)
    # not read as a label of its own: the decoding places it from its value and place, or lists it; never lost
    assert "1968-05-21" in got.values() or any(u["value"] == "21/5/1968" for u in rec["unmapped"])


def test_a_place_does_not_wrap_into_a_row_that_is_a_label_then_its_value():
    # the burial place's label opens with words the vocabulary lacks ("Thi hài"), then words it knows, then the
    # value: that row is another field's pair, not the rest of the place of death above it
    rec = _martyr([(100, "Ngày tháng năm hy sinh 21/5/1968 tại Khe Sanh, Quảng Trị")],
                  [(100, "Thi hài hiện an táng tại Nghĩa trang liệt sĩ Trường Sơn")])
    got = flatten_fields(rec)
    assert got.get("place_of_death") == "Khe Sanh, Quảng Trị"
    assert got.get("burial_place") == "Nghĩa trang liệt sĩ Trường Sơn"


def test_words_naming_only_a_person_are_no_label_read_by_its_words():
    # "bộ" folds onto "bố" (a father): words that name a person and ask nothing of him are no label of a relative's
    # name, and a date after them is no name
    rec = _martyr([(100, "Đi bộ 5/1961 Q.hàm Trung tá")])
    assert not any(k.startswith("relatives") for k in flatten_fields(rec))
