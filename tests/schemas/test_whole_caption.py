"""A caption read whole (issue 12, part BN): a cell's caption wrapped over two lines whose rest names another person
asks that person's field (``whole_caption.read_whole``); a caption ending in "của"/"với" with nothing after it is
never confident (``whole_caption.ends_cut``); an office's name under a name's label is another field's value
(``value_look.of_another_kind``). Made-up captions, names and places."""

from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.loader import load_schemas
from schemas.value_look import of_another_kind
from schemas.whole_caption import ends_cut


def death(caption: list[tuple[int, str]], wrapped: list[tuple[int, str]] | None = None) -> dict:
    lines = ["GIẤY CHỨNG TỬ", "Ngày sinh: 04/07/1940", "Ngày chết: 03/02/2020",
             [(100, "Nơi chết"), *caption, (1300, "Quan hệ")],
             *([wrapped] if wrapped else []),
             [(100, "Bệnh viện huyện Ý Yên"), (700, "Trần Thị Lan"), (1300, "Con gái")]]
    return extract_records([page(lines, width=1800)], "hotich/")[0]


def test_a_caption_wrapped_in_its_cell_whose_rest_names_the_declarant_asks_the_declarants_name():
    # "Họ tên" alone is the deceased's; the caption's rest, over two lines, names who declared the death
    rec = death([(700, "Họ tên thường gọi của người làm")], [(700, "giấy khai tử")])
    flat = flatten_fields(rec)
    assert flat.get("declarant.full_name") == "Trần Thị Lan"
    assert "full_name" not in flat


def test_a_caption_whose_rest_names_nobody_keeps_its_field():
    rec = death([(700, "Họ tên thường gọi")], [(700, "khi còn sống")])
    assert flatten_fields(rec).get("full_name") == "Trần Thị Lan"


def test_a_caption_ending_in_a_word_whose_object_is_cut_is_never_confident():
    rec = death([(700, "Họ tên thường gọi của")])
    name = rec["fields"]["full_name"]
    assert name["value"] == "Trần Thị Lan"
    assert name["confidence"] < 0.9
    assert any("object is missing" in n for n in name["notes"])


def test_ends_cut():
    assert ends_cut(["Quan", "hệ", "với"])
    assert ends_cut(["Họ", "tên", "của:"])
    assert not ends_cut(["Họ", "tên", "của", "mẹ"])
    assert not ends_cut([])


def test_an_office_under_a_names_label_is_of_another_kind():
    spec = load_schemas()["death"].by_key["full_name"]
    assert of_another_kind(spec, "Ủy ban nhân dân xã Tam Sơn, huyện Từ Sơn")
    assert of_another_kind(spec, "UBND phường Đông Ngàn")
    assert not of_another_kind(spec, "Trần Thị Lan")


def test_a_label_alone_on_its_row_ending_in_a_word_whose_object_is_cut_is_never_confident():
    # the label's row ends at "của" (of) and nobody after it; the name under it may be anyone's
    lines = ["GIẤY CHỨNG TỬ", "Ngày sinh: 04/07/1940", "Ngày chết: 03/02/2020", "Họ tên thường gọi của",
             "Trần Thị Lan", "Quan hệ: Con gái"]
    rec = extract_records([page(lines, width=1800)], "hotich/")[0]
    name = rec["fields"]["full_name"]
    assert name["value"] == "Trần Thị Lan"
    assert name["confidence"] < 0.9
