"""Values written on the line under their labels: a bare number under a label near the page's top is no page
number (schemas/layout.py drop_furniture), a value that opens with the short label of the field that follows its
own holds none of its own (schemas/reader.py _split_followers), and commas specks put in a place or a unit are
dropped (schemas/stray_commas.py); a follower's label glued by a comma to the value before it is cut off
(schemas/comma_glue.py); an address under its label wraps from the page's margin when the next row
carries it on (schemas/value_rest.py continue_value)."""

from synth import page

from schemas.comma_glue import cut_glued_labels
from schemas.extract import extract_records, flatten_fields
from schemas.layout import Tok
from schemas.stray_commas import stray_commas


def test_a_bare_number_under_a_label_near_the_top_is_its_value():
    rows = ["GIẤY KHAI SINH", "Số:", "35", "Quyển số:", "01/2010", "Họ và tên:", "Phạm Minh Châu",
            "Ngày sinh:", "02/09/2001"] + [""] * 30
    flat = flatten_fields(extract_records([page(rows)], "hotich/")[0])
    assert flat.get("registration.number") == "35"
    assert flat.get("full_name") == "Phạm Minh Châu"


def test_a_bare_number_above_the_text_or_under_its_last_row_is_still_a_page_number():
    body = ["GIẤY KHAI SINH", "Họ và tên: Phạm Minh Châu", "Ngày sinh: 02/09/2001"]
    for rows in (["- 2 -"] + body + [""] * 30, body + [""] * 30 + ["2"]):
        rec = extract_records([page(rows)], "hotich/")[0]
        assert "2" not in str(flatten_fields(rec).get("registration.number", "")), rows
        assert not any("2" == u.get("value") for u in rec["unmapped"]), rows


def test_a_value_opening_with_the_following_fields_label_holds_none_of_its_own():
    rows = ["GIẤY CHỨNG NHẬN THƯƠNG BINH", "Họ và tên:", "Nguyễn Văn An", "Quyết định:",
            "ngày 03/04/1979 của Ủy ban nhân dân tỉnh Hà Bắc"]
    flat = flatten_fields(extract_records([page(rows)], "nguoicocong/")[0])
    assert flat.get("decision.date") == "1979-04-03"
    assert flat.get("decision.issuer") == "Ủy ban nhân dân tỉnh Hà Bắc"
    assert flat.get("decision.number") is None


def test_a_comma_after_the_level_word_that_opens_a_part_is_a_speck():
    fixed = stray_commas("xã, Tân Chi, huyện, Tiên Du, tỉnh Bắc Ninh")
    assert fixed.value == "xã Tân Chi, huyện Tiên Du, tỉnh Bắc Ninh" and len(fixed.changes) == 2
    assert stray_commas("Đại đội,6, Trung đoàn 9").value == "Đại đội 6, Trung đoàn 9"
    assert stray_commas("xóm, 7, xã Tân Chi").value == "xóm 7, xã Tân Chi"


def test_a_doubled_comma_keeps_one_and_a_comma_inside_a_known_name_goes():
    assert stray_commas("xã Tân Chi,,huyện Tiên Du").value == "xã Tân Chi, huyện Tiên Du"
    assert stray_commas("xã Tân Chi, ,huyện Tiên Du").value == "xã Tân Chi, huyện Tiên Du"
    assert stray_commas("huyện Tiên , Du, tỉnh Bắc Ninh").value == "huyện Tiên Du, tỉnh Bắc Ninh"


def test_commas_where_vietnamese_writes_them_stay():
    for text in ("xã Tân Chi, huyện Tiên Du, tỉnh Bắc Ninh", "Hợp tác xã, thôn 3",  # a level word ending a name
                 "xã, huyện Tiên Du",  # a level word with no name after it: words lost, not a speck
                 "Bệnh viện huyện, xã Tân Chi", "Mặt trận Tây Nguyên , Kon Tum"):  # not a name the gazetteer holds
        fixed = stray_commas(text)
        assert fixed.value == text and not fixed.changes, text


def test_a_followers_label_glued_by_a_comma_to_the_value_before_it_is_cut_off():
    rows = ["GIẤY CHỨNG NHẬN THƯƠNG BINH", "Họ và tên:", "Nguyễn Văn An", "Quyết định số:",
            "45/QĐ-UB,ngày 03/04/1979"]
    flat = flatten_fields(extract_records([page(rows)], "nguoicocong/")[0])
    assert flat.get("decision.number") == "45/QĐ-UB" and flat.get("decision.date") == "1979-04-03"


def test_a_comma_glued_before_any_other_word_is_left_as_read():
    toks = [Tok("Nguyễn,Văn", "", 0.9, (0, 0, 180, 30), 1), Tok("An", "", 0.9, (200, 0, 240, 30), 1)]
    assert [t.text for t in cut_glued_labels(toks, ["ngày", "của"])] == ["Nguyễn,Văn", "An"]
    cut = cut_glued_labels([Tok("12/QĐ,ngày", "", 0.9, (0, 0, 200, 30), 1)], ["ngày"])
    assert [t.text for t in cut] == ["12/QĐ,", "ngày"] and cut[0].bbox[2] == cut[1].bbox[0] and cut[1].unglued


def test_a_comma_glued_to_the_level_word_after_it_gets_its_space_back():
    fixed = stray_commas("xã Tân Chi,huyện Tiên Du, tỉnh Bắc Ninh")
    assert fixed.value == "xã Tân Chi, huyện Tiên Du, tỉnh Bắc Ninh" and fixed.changes


def test_an_address_under_its_label_wraps_from_the_page_margin():
    # the value written on the line under its label, from a little in or from the margin, and wrapped to the
    # margin, under the label: the next row carries the address on (a cut name's rest, or its higher units)
    for indent in (160, 100):
        rows = ["GIẤY KHAI SINH", "Họ và tên", [(indent, "Phạm Minh Châu")], "Nơi sinh",
                [(indent, "Bệnh viện đa khoa tỉnh Bắc Ninh, phường Suối Hoa, thành phố")], "Bắc Ninh, tỉnh Bắc Ninh",
                "Quê quán", [(indent, "xã Tân Chi, huyện Tiên Du,")], "tỉnh Bắc Ninh", "Dân tộc", [(indent, "Kinh")]]
        flat = flatten_fields(extract_records([page(rows)], "hotich/")[0])
        assert flat.get("place_of_birth") == "Bệnh viện đa khoa tỉnh Bắc Ninh, phường Suối Hoa, thành phố Bắc Ninh, " \
                                             "tỉnh Bắc Ninh", indent
        assert flat.get("hometown") == "xã Tân Chi, huyện Tiên Du, tỉnh Bắc Ninh" and flat.get("ethnicity") == "Kinh"


def test_an_address_under_its_label_does_not_take_label_words_at_the_margin():
    rows = ["GIẤY KHAI SINH", "Họ và tên", [(160, "Phạm Minh Châu")], "Quê quán", [(160, "xã Tân Chi, huyện Tiên Du,")],
            "Xxx yyy", [(160, "Kinh")]]
    rec = extract_records([page(rows)], "hotich/")[0]
    assert "Xxx" not in flatten_fields(rec).get("hometown", "")
    assert any(u["label"] == "Xxx yyy" for u in rec["unmapped"])
