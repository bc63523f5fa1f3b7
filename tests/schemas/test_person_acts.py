"""A person named by what they do (issue 12, part M): "người" and a clause of declaring, requesting or acting for
someone names the declarant; after "được", declaring names the one registered, acting for someone still the
declarant. Made-up wordings, none of them a listed phrase."""

from schemas.labels import marker_section, meaning, resolve
from schemas.loader import load_schemas
from schemas.person_acts import acting_person

SCHEMAS = load_schemas()


def keys(label, record_type):
    r = resolve(label, SCHEMAS[record_type])
    return [s.key for s in r.specs] if r else None


def test_acting_for_someone_names_the_declarant():
    assert keys("Họ tên người đại diện dòng họ", "birth") == ["declarant.full_name"]
    assert keys("Tên người thay mặt anh em", "death") == ["declarant.full_name"]


def test_being_authorised_names_the_declarant_after_duoc():
    assert keys("Họ và tên người được ủy quyền đi làm thủ tục", "death") == ["declarant.full_name"]


def test_declaring_or_requesting_names_the_declarant():
    assert keys("Tên người đứng ra trình báo", "death") == ["declarant.full_name"]
    assert keys("Họ tên người đến nộp đơn xin", "birth") == ["declarant.full_name"]


def test_declared_after_duoc_is_the_one_registered_not_the_declarant():
    assert "declarant" not in meaning("Họ tên người được khai sinh").roles
    assert "declarant" not in meaning("Họ tên người được báo tử").roles


def test_what_is_asked_after_the_clause_is_not_swallowed():
    m = meaning("Người đại diện gia đình, ngày sinh")
    assert m.roles == {"declarant"} and {"birth", "date"} <= m.attrs


def test_a_clause_with_no_act_names_no_one():
    assert acting_person(["nguoi", "lam", "chung"], 0, lambda j: False) is None
    assert acting_person(["nguoi", "dai", "dien"], 0, lambda j: False) == (3, "declarant")


def test_a_word_of_begetting_after_an_honorific_names_the_parent_of_its_sex():
    assert keys("Dân tộc bà sinh thành", "birth") == ["mother.ethnicity"]
    assert keys("Nơi cư trú ông sinh thành", "birth") == ["father.residence"]


def test_a_heading_of_an_honorific_and_a_word_of_begetting_opens_that_parents_block():
    assert marker_section("Phần về bà sinh thành", SCHEMAS["birth"]) == "mother"


def test_a_word_of_begetting_after_a_parents_word_asks_no_birth():
    assert keys("Họ tên bà sinh thành", "birth") == ["mother.full_name"]
    assert "birth" not in meaning("Tên mẹ sinh thành").attrs


def test_an_honorific_without_a_word_of_begetting_names_no_parent():
    assert not meaning("Quê quán ông").roles & {"father", "mother"}
