"""Veterans' and martyrs' dossiers (schemas/value_look.py): a military rank has a look of its own, and an address or
a date is no rank; a month and a year with no day is no document's date; a military unit wraps only inside its
chain of levels and numbers (schemas/value_rest.py)."""

from synth import page

from schemas.layout import build_rows
from schemas.loader import load_schemas
from schemas.reader import PageReader
from schemas.value_look import field_by_look, is_rank, of_another_kind, unit_goes_on

SCHEMAS = load_schemas()


def _spec(record_type, key):
    return next(f for f in SCHEMAS[record_type].fields if f.key == key)


def drafts(lines, record_type):
    """The fields each draft of one page holds as the page reader leaves them, before the record-wide decoding."""
    p = page(lines)
    reader = PageReader(SCHEMAS[record_type], [r for r in build_rows(p) if r.toks], "document", 1, p.width)
    return [{k: f.value for k, f in d.fields.items()} for d in reader.read()]


def test_a_rank_written_whole_is_the_rank_fields_look():
    assert is_rank("Thiếu úy") and is_rank("ĐẠI TÁ.") and is_rank("Binh nhat")
    assert not is_rank("Đại đội 4") and not is_rank("Thiếu úy 1968") and not is_rank("xã Thiếu Sơn")
    spec = field_by_look("Thiếu úy", SCHEMAS["martyr"])
    assert spec is not None and spec.key == "rank"
    assert field_by_look("Thiếu úy", SCHEMAS["birth"]) is None  # a type with no rank field


def test_an_address_or_a_date_is_no_rank():
    rank = _spec("martyr", "rank")
    assert of_another_kind(rank, "Lâm, tỉnh Ninh Bình")  # an address's wrapped rest under the rank's label
    assert of_another_kind(rank, "06/1972")
    assert not of_another_kind(rank, "Thiếu úy")
    assert not of_another_kind(rank, "Chuẩn úy quân y")  # a rank with more words is still the rank's
    assert not of_another_kind(rank, "Hạ sĩ, xã Yên Lâm")  # a rank's words in it: the field's, if run on


def test_a_rank_under_a_label_no_list_holds_is_the_rank():
    # "Lon" (the shoulder mark, a rank's slang) names no field; the value is a rank, so the rank's
    got = drafts(["GIẤY BÁO TỬ", [(100, "Họ và tên"), (650, "Đinh Công Tráng")],
                  [(100, "Lon xxx"), (650, "Thiếu úy")]], "martyr")
    assert got[0].get("rank") == "Thiếu úy"


def test_a_month_and_a_year_is_no_documents_date():
    notice_date = _spec("martyr", "death_notice.date")
    assert of_another_kind(notice_date, "8/1966") and of_another_kind(notice_date, "tháng 3 năm 1968")
    assert not of_another_kind(notice_date, "12/08/1966")
    assert not of_another_kind(_spec("martyr", "enlistment_date"), "8/1966")  # a life's event may be so written
    assert not of_another_kind(_spec("marriage", "husband.date_of_birth"), "8/1966")  # a person's date


def test_a_unit_does_not_take_a_labels_wrapped_rest_at_the_margin():
    # a table of labels and values: the label's last word wrapped to the line below, under the label, while the
    # unit ended on its own line: the word is no part of the unit
    lines = ["GIẤY CHỨNG NHẬN THƯƠNG BINH",
             [(100, "Họ và tên"), (900, "Đinh Công Tráng")],
             [(100, "Đơn vị công tác lúc bị"), (900, "Đại đội 3, Trung đoàn 12")],
             [(100, "thương")],
             [(100, "Ngày bị thương"), (900, "05/06/1968")]]
    got = drafts(lines, "war_invalid")
    assert got[0].get("unit_when_injured") == "Đại đội 3, Trung đoàn 12"


def test_a_unit_cut_inside_its_chain_goes_on_below():
    assert unit_goes_on(["đoàn", "82"]) and unit_goes_on(["Trung", "đoàn", "9"]) and unit_goes_on(["12"])
    assert not unit_goes_on(["thương"]) and not unit_goes_on(["Nghĩa", "trang"])


def test_a_unit_cut_after_a_level_word_takes_its_number_from_the_line_below():
    from schemas.value_look import unit_open
    assert unit_open("Đại đội") and unit_open("Đại đội 4, Trung đoàn") and not unit_open("Đại đội 4")
    # two columns of pairs: the unit's level word wrapped under it, its number at the margin below
    lines = ["GIẤY CHỨNG NHẬN THƯƠNG BINH",
             [(100, "Họ và tên: Đinh Công Tráng")],
             [(100, "Đơn vị khi bị thương: Tiểu"), (900, "Ngày bị thương: 05/06/1968")],
             [(496, "đoàn")],
             [(100, "4, Trung đoàn 12")]]
    got = drafts(lines, "war_invalid")
    assert got[0].get("unit_when_injured") == "Tiểu đoàn 4, Trung đoàn 12"
