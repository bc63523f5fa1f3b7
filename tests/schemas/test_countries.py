"""Every country is a nationality's value, not Việt Nam alone: CLDR's Vietnamese names (schemas/countries.py) are
read as one closed value, looked up with or without marks, and a value that runs on past a country's name stops
after it. The examples are made up: countries a spouse or a parent may hold, and labels no list holds."""

import pytest
from synth import page

from schemas.closed_tail import closed_and_tail, runs_past
from schemas.countries import COUNTRY_NAMES, country_form, country_of, written_as_country
from schemas.extract import extract_records, flatten_fields
from schemas.labels import value_kind
from schemas.layout import Tok
from schemas.loader import load_schemas


def _toks(text):
    return [Tok(w, w.lower(), 0.95, (i * 60, 0, i * 60 + 50, 30), 1) for i, w in enumerate(text.split())]


@pytest.mark.parametrize("text, country", [
    ("Thụy Điển", "Thụy Điển"),
    ("thuy dien", "Thụy Điển"),  # typed without marks
    ("NHẬT BẢN", "Nhật Bản"),
    ("Mỹ", "Hoa Kỳ"),  # CLDR's short form beside its main name
    ("Bờ Biển Ngà", "Côte d’Ivoire"),  # CLDR's variant
    ("Miến Điện", "Myanmar (Miến Điện)"),  # the name CLDR gives in parentheses
    ("Cộng hòa xã hội chủ nghĩa Việt Nam", "Việt Nam"),
])
def test_a_countrys_name_in_any_of_its_forms_names_the_country(text, country):
    assert country_of(text) == country


@pytest.mark.parametrize("text", ["Châu Âu", "Đông Nam Á", "Liên hợp quốc", "Liên Minh Châu Âu", "Nam Cực",
                                  "Vùng không xác định", "Ruritania"])
def test_continents_regions_groupings_and_empty_lands_are_no_country(text):
    assert country_of(text) is None


def test_the_names_are_cldrs_for_every_country_not_a_hand_list():
    assert len({country_of(n) for n in COUNTRY_NAMES}) > 240


@pytest.mark.parametrize("value, kind", [("Ba Lan", "nationality"), ("Hàn Quốc", "nationality"),
                                         ("Lào", "ethnicity")])  # (one of the 54 groups as much as a country)
def test_a_foreign_country_alone_says_it_is_a_nationality(value, kind):
    assert value_kind(value) == kind


@pytest.mark.parametrize("key, text, kept", [
    ("wife.nationality", "Hàn Quốc Nơi làm việc Công ty Xyz", "Hàn Quốc"),
    ("father.nationality", "Cộng hòa Séc Số định danh 0123", "Cộng hòa Séc"),
    ("nationality", "Ba Lan Ghi chú khác", "Ba Lan"),
])
def test_a_value_running_past_a_foreign_countrys_name_stops_after_the_name(key, text, kept):
    value, rest = closed_and_tail("text", key, _toks(text))
    assert " ".join(t.text for t in value) == kept
    assert " ".join(t.text for t in value + rest) == text
    assert runs_past("text", key, text)


def test_label_words_before_a_foreign_countrys_name_are_the_labels():
    from schemas.label_edges import label_head
    spec = load_schemas()["birth"].by_key["nationality"]
    words = "HIỆN NAY Thụy Sĩ".split()
    assert words[label_head(spec, words):] == ["Thụy", "Sĩ"]


def test_a_foreign_countrys_name_is_no_label_where_a_nationality_is_asked():
    from schemas.label_edges import reads_as_label
    spec = load_schemas()["marriage"].by_key["wife.nationality"]
    assert not reads_as_label(spec, ["Mông", "Cổ"])  # its words stand in labels, yet it is a country
    assert not reads_as_label(spec, ["nhật", "bản"])  # in lower case too: the capitals are restored after


def test_label_words_asking_a_place_where_a_nationality_stands_are_a_label_even_half_unread():
    from schemas.label_edges import reads_as_label
    spec = load_schemas()["birth"].by_key["mother.nationality"]
    assert reads_as_label(spec, ["Chỗ", "sống"])  # "sống" reads no sense alone; no country is written so


def test_a_foreign_countrys_capitals_are_restored_and_its_name_vouched_for():
    from schemas.value_evidence import AGREES, UNVOUCHED, evidence
    assert country_form("ba lan") == "Ba Lan" and country_form("hoa kỳ") == "Hoa Kỳ"
    assert written_as_country("Thái Lan") and not written_as_country("thái lan")
    assert evidence("text", "wife.nationality", "Thái Lan", "Thái Lan", 1.0) == AGREES
    assert evidence("text", "wife.nationality", "Ruritania", "Ruritania", 1.0) == UNVOUCHED


def test_a_spouses_foreign_nationality_is_one_closed_value_and_the_pair_run_into_it_is_its_own():
    rows = ["GIẤY CHỨNG NHẬN KẾT HÔN", "Họ và tên chồng: Trần Văn Bảo", "Quốc tịch: Việt Nam",
            "Họ và tên vợ: Kim Min Ji", "Quốc tịch: Hàn Quốc Nơi công tác xyz Công ty Abc"]
    rec = extract_records([page(rows)], "hotich/")[0]
    got = flatten_fields(rec)
    assert got["wife.nationality"] == "Hàn Quốc"
    assert got["husband.nationality"] == "Việt Nam"
    listed = [u for u in rec["unmapped"] if "Nơi công tác" in u["label"] + " " + u["value"]]
    assert listed  # the rest is listed for review, not dropped


def test_a_nationality_typed_in_lower_case_is_written_as_the_country_is():
    rows = ["GIẤY KHAI SINH", "Họ và tên: Lê Thị Mai", "Ngày sinh: 02/03/2001", "Quốc tịch: thái lan"]
    assert flatten_fields(extract_records([page(rows)], "hotich/")[0])["nationality"] == "Thái Lan"
