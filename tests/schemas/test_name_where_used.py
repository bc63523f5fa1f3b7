"""A name asked with the place it is used ("Tên gọi ở xóm", "Tên tại quê nhà") is the alias, and the words after
the place word ask nothing: a unit or a place named there is no field of its own (schemas/name_where_used.py;
issue 12, part CT). Made-up wordings and values."""

from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.labels import meaning, resolve
from schemas.loader import load_schemas
from schemas.name_where_used import name_used_at

MARTYR = load_schemas()["martyr"]


def test_a_name_then_a_place_word_with_words_after_it_asks_the_alias():
    assert name_used_at({"name"}, set(), "ở", 2)
    assert name_used_at({"name"}, set(), "tại", 1)
    assert name_used_at({"alias"}, set(), "ở", 1)
    assert not name_used_at({"name"}, set(), "ở", 0)  # the place word ends the label: nothing said where
    assert not name_used_at({"name"}, {"father"}, "ở", 2)  # a person's name, whoever they are
    assert not name_used_at({"name", "date"}, set(), "ở", 2)
    assert not name_used_at({"place"}, set(), "ở", 2)  # "Nơi ở …": no name asked
    assert not name_used_at({"name"}, set(), "trong", 2)
    assert not name_used_at({"name"}, set(), "tài", 2)  # "Tên tài …": folds like "tại", another word


def test_labels_naming_where_a_name_is_used_resolve_to_the_alias():
    for label in ("Tên gọi ở xóm", "Tên tại quê nhà", "Tên thường dùng ở chiến khu"):
        assert meaning(label).attrs == {"alias"}, label
        assert [s.key for s in resolve(label, MARTYR).specs] == ["alias"], label


def test_labels_that_name_no_alias_read_as_before():
    assert [s.key for s in resolve("Họ và tên", MARTYR).specs] == ["full_name"]
    assert [s.key for s in resolve("Nơi ở", MARTYR).specs] == ["residence"]
    assert [s.key for s in resolve("Hy sinh tại", MARTYR).specs] == ["place_of_death"]


def test_the_alias_row_leaves_the_unit_to_the_units_own_label():
    rows = ["GIẤY BÁO TỬ", "Họ và tên: Đoàn Văn Lực", "Tên gọi ở chiến khu: Sáu", "Sinh năm: 1950",
            "Đơn vị: Tiểu đoàn 4, Trung đoàn 9", "Hy sinh ngày: 09/05/1971"]
    got = flatten_fields(extract_records([page(rows)], "lietsi/")[0])
    assert got["alias"] == "Sáu"
    assert got["unit"] == "Tiểu đoàn 4, Trung đoàn 9"
