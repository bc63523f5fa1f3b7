"""A value of a row's left column cut short by the label of the column beside it, its rest on the line below
(schemas/reader.py ``_column_rest``; schemas/gazetteer.py ``cut_level_word``, ``names_bare_local_level``)."""

from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.gazetteer import cut_level_word, names_bare_local_level
from schemas.value_start import LEVEL_FOLDS


def test_a_level_word_cut_by_the_line_is_one_word_again():
    assert cut_level_word(["Tiểu"], ["đoàn", "3,", "Trung", "đoàn", "88"], LEVEL_FOLDS)
    assert cut_level_word(["xã", "An", "Lạc,", "thị"], ["trấn", "Yên", "Thế"], LEVEL_FOLDS)
    assert cut_level_word(["Tổ", "dân"], ["phố", "4"], LEVEL_FOLDS)


def test_words_that_make_no_level_word_are_no_cut():
    assert not cut_level_word(["Tiểu"], ["học", "Kim", "Đồng"], LEVEL_FOLDS)
    assert not cut_level_word(["Lê", "Văn", "Đại,"], ["đội", "5"], LEVEL_FOLDS)  # a stop ends the word
    assert not cut_level_word([], ["đội", "5"], LEVEL_FOLDS)


def test_a_bare_commune_level_word_is_named_by_the_line_below():
    assert names_bare_local_level("phường", ["Hòa", "An,", "thành", "phố"])
    assert names_bare_local_level("xã Tân Lập, thôn", ["12,", "xã", "Tân", "Lập"])
    assert not names_bare_local_level("phường", ["của", "huyện"])  # no name opens the line
    assert not names_bare_local_level("phường Hòa An", ["Bình", "Định"])  # the ward has its name


def _read(rows):
    return flatten_fields(extract_records([page(["GIẤY CHỨNG NHẬN THƯƠNG BINH", "Họ và tên: Lê Văn Tám", *rows])],
                                          "nguoicocong")[0])


def test_an_address_cut_after_its_level_word_goes_on_below_in_its_column():
    v = _read([[(100, "Nơi cư trú: phường"), (900, "Ngày sinh: 05/03/1950")],
               [(100, "Hòa An, thành phố Cao Bằng, tỉnh Cao")],
               [(100, "Bằng")]])
    assert v["residence"] == "phường Hòa An, thành phố Cao Bằng, tỉnh Cao Bằng"
    assert v["date_of_birth"] == "1950-03-05"


def test_a_unit_cut_inside_its_level_word_goes_on_below_in_its_column():
    v = _read([[(100, "Đơn vị khi bị thương: Tiểu"), (900, "Ngày sinh: 05/03/1950")],
               [(100, "đoàn 3, Trung đoàn 88")]])
    assert v["unit_when_injured"] == "Tiểu đoàn 3, Trung đoàn 88"


def test_a_line_below_that_does_not_carry_on_the_value_is_left_alone():
    v = _read([[(100, "Đơn vị khi bị thương: Đại đội 5"), (900, "Ngày sinh: 05/03/1950")],
               [(100, "Nơi cư trú: xã Hòa An, huyện Hòa An, tỉnh Cao Bằng")]])
    assert v["unit_when_injured"] == "Đại đội 5"
    assert v["residence"] == "xã Hòa An, huyện Hòa An, tỉnh Cao Bằng"


def test_an_office_named_by_its_commune_is_no_bare_address():
    assert not names_bare_local_level("Trạm y tế xã", ["Hòa", "An"])
    assert not names_bare_local_level("thôn", ["05/03/1950"])  # a date opens the line, not a hamlet's number
