import json

from synth import page

from schemas.extract import REVIEW_THRESHOLD, extract_records, flatten_fields, to_json


def one(pages, collection=None):
    recs = extract_records(pages if isinstance(pages, list) else [pages], collection)
    assert len(recs) == 1, [r["record_type"] for r in recs]
    return recs[0]


def values(rec):
    return flatten_fields(rec)


BIRTH = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "GIẤY KHAI SINH",
    "Số: 125 Quyển số: 02/2010",
    "Họ, chữ đệm, tên: ........ NGUYỄN THỊ HƯƠNG ..........",
    "Ngày, tháng, năm sinh: 15/03/1972 Ghi bằng chữ: ngày mười lăm tháng ba",
    "năm một nghìn chín trăm bảy mươi hai",
    "Giới tính: Nữ Dân tộc: Kinh Quốc tịch: Việt Nam",
    "Nơi sinh: Trạm y tế xã Đình Bảng, huyện Từ Sơn, tỉnh Bắc Ninh, nước Cộng hòa xã hội chủ nghĩa",
    "Việt Nam",
    "Họ, chữ đệm, tên người mẹ: Trần Thị Lan",
    "Năm sinh: 1950 Dân tộc: Kinh Quốc tịch: Việt Nam",
    "Nơi cư trú: xã Đình Bảng, huyện Từ Sơn",
    "Họ, chữ đệm, tên người cha: Nguyễn Văn Nam",
    "Năm sinh: 1948 Dân tộc: Tày Quốc tịch: Việt Nam",
    "Nơi cư trú:",
    "thôn Xuân Ổ, xã Võ Cường",
    "Nơi đăng ký: Ủy ban nhân dân xã Đình Bảng",
    "Ngày đăng ký: 20/03/1972",
]


def test_birth_certificate_fields_sections_leaders_wraps():
    rec = one(page(BIRTH), "hotich/2010/a.pdf")
    v = values(rec)
    assert rec["record_type"] == "birth" and rec["family"] == "civil_status" and rec["schema_version"] == 1
    assert v["full_name"] == "Nguyễn Thị Hương"  # dotted leaders dropped, title case
    assert v["date_of_birth"] == "1972-03-15"
    assert v["sex"] == "female" and v["ethnicity"] == "Kinh" and v["nationality"] == "Việt Nam"  # three labels, one line
    assert v["place_of_birth"].endswith("chủ nghĩa Việt Nam")  # wrapped onto the next line
    assert v["mother.full_name"] == "Trần Thị Lan" and v["mother.birth_year"] == "1950"
    assert v["father.ethnicity"] == "Tày" and v["mother.ethnicity"] == "Kinh"  # same label, section decides
    assert v["father.residence"] == "thôn Xuân Ổ, xã Võ Cường"  # value on the line below its label
    assert v["registration.number"] == "125" and v["registration.book"] == "02/2010"
    assert v["registration.date"] == "1972-03-20"
    assert "_date_of_birth_words" not in rec["fields"]
    assert not rec["needs_review"], rec["review_reasons"]
    f = rec["fields"]["full_name"]
    assert f["raw"] == "NGUYỄN THỊ HƯƠNG" and f["page"] == 1 and len(f["bbox"]) == 4
    assert 0 < f["confidence"] <= 1
    json.loads(to_json([rec]))


def test_output_is_nested_per_contract():
    rec = one(page(BIRTH), "hotich/")
    assert set(rec) == {"record_type", "family", "schema_version", "fields", "pages", "confidence", "needs_review",
                        "review_reasons", "missing", "unmapped", "doubtful"}
    assert rec["fields"]["mother"]["full_name"]["value"] == "Trần Thị Lan"
    assert rec["pages"] == [1]


def test_labels_without_diacritics_and_with_ocr_slips():
    rec = one(page([
        "GIAY KHAI SINH",
        "Ho, chu dem, ten: Le Van Tam",
        "Ngay, thang, nam s1nh: 05/3/1972",
        "Gioi tinh: Nam",
        "Dan toc: Muong",
        "Noi sinh: xa Tam Son, huyen Tu Son",
    ]))
    v = values(rec)
    assert v["full_name"] == "Le Van Tam"
    assert v["date_of_birth"] == "1972-03-05"
    assert v["sex"] == "male"
    assert v["ethnicity"] == "Mường"
    assert v["place_of_birth"] == "xa Tam Son, huyen Tu Son"


def test_date_in_words_agreeing_raises_confidence_disagreeing_sends_to_review():
    agree = one(page(BIRTH))
    lines = list(BIRTH)
    lines[4] = "Ngày, tháng, năm sinh: 15/08/1972 Ghi bằng chữ: ngày mười lăm tháng ba"
    disagree = one(page(lines))
    a, d = agree["fields"]["date_of_birth"], disagree["fields"]["date_of_birth"]
    assert a["confidence"] > 0.95 > d["confidence"]
    assert d["confidence"] < REVIEW_THRESHOLD
    assert disagree["needs_review"]
    assert any("in words" in r for r in disagree["review_reasons"])


def test_date_taken_from_words_when_digits_unreadable():
    lines = list(BIRTH)
    lines[4] = "Ngày, tháng, năm sinh: ..... Ghi bằng chữ: ngày hai mươi mốt tháng Chạp năm một nghìn chín trăm năm mươi"
    lines[5] = ""
    rec = one(page(lines))
    assert values(rec)["date_of_birth"] == "1950-12-21"


MARRIAGE = [
    "GIẤY CHỨNG NHẬN KẾT HÔN",
    [(100, "Thông tin người vợ"), (900, "Thông tin người chồng")],
    [(100, "Họ, chữ đệm, tên: Lê Thị Mai"), (900, "Họ, chữ đệm, tên: Phạm Văn Hùng")],
    [(100, "Ngày, tháng, năm sinh: 02/09/1990"), (900, "Ngày, tháng, năm sinh: 11/11/1988")],
    [(100, "Dân tộc: Kinh"), (900, "Dân tộc: Nùng")],
    [(100, "Quốc tịch: Việt Nam"), (900, "Quốc tịch: Việt Nam")],
    [(100, "Nơi cư trú: thôn Đông, xã Tam Sơn,"), (900, "Nơi cư trú: phường Suối Hoa, thành phố")],
    [(100, "thị xã Từ Sơn"), (900, "Bắc Ninh")],
    [(100, "Số định danh cá nhân: 027190001234"), (900, "Số định danh cá nhân: 027088004321")],
    "Nơi đăng ký: Ủy ban nhân dân xã Tam Sơn",
    "Ngày đăng ký: 14/02/2015",
]


def test_marriage_two_columns_read_separately():
    rec = one(page(MARRIAGE), "hotich/")
    v = values(rec)
    assert rec["record_type"] == "marriage"
    assert v["wife.full_name"] == "Lê Thị Mai" and v["husband.full_name"] == "Phạm Văn Hùng"
    assert v["wife.date_of_birth"] == "1990-09-02" and v["husband.date_of_birth"] == "1988-11-11"
    assert v["wife.ethnicity"] == "Kinh" and v["husband.ethnicity"] == "Nùng"
    assert v["wife.residence"] == "thôn Đông, xã Tam Sơn, thị xã Từ Sơn"
    assert v["husband.residence"] == "phường Suối Hoa, thành phố Bắc Ninh"
    assert v["wife.personal_id"] == "027190001234"
    assert v["registration.date"] == "2015-02-14"
    assert not rec["needs_review"], rec["review_reasons"]


def test_personal_id_cross_check():
    good = one(page(MARRIAGE))["fields"]["wife"]["personal_id"]
    lines = list(MARRIAGE)
    # century-sex digit 0 = male born 19xx, but she is the wife; year 88 disagrees with 1990
    lines[8] = [(100, "Số định danh cá nhân: 027088001234"), (900, "Số định danh cá nhân: 027088004321")]
    rec = one(page(lines))
    bad = rec["fields"]["wife"]["personal_id"]
    assert good["confidence"] > REVIEW_THRESHOLD > bad["confidence"]
    assert rec["needs_review"]
    reasons = " ".join(rec["review_reasons"])
    assert "wife.personal_id" in reasons and "sex" in reasons and "birth year" in reasons
    assert "1990" not in reasons and "027088" not in reasons  # reasons name the field and why, never a value


def test_death_shared_label_time_and_date_and_inline_labels():
    rec = one(page([
        "TRÍCH LỤC KHAI TỬ",
        "Họ, chữ đệm, tên: Hoàng Văn Lộc",
        "Giới tính: Nam Dân tộc: Kinh Quốc tịch: Việt Nam",
        "Đã chết vào lúc: 14 giờ 30 phút, ngày 05 tháng 3 năm 2020",
        "Nơi chết: Bệnh viện đa khoa tỉnh Bắc Ninh",
        "Nguyên nhân chết: Bệnh già",
        "Giấy báo tử số: 15/GBT do Bệnh viện đa khoa tỉnh cấp ngày 06/3/2020",
    ]), "hotich/")
    v = values(rec)
    assert v["time_of_death"] == "14:30" and v["date_of_death"] == "2020-03-05"
    assert v["death_notice.number"] == "15/GBT"
    assert v["death_notice.issuer"] == "Bệnh viện đa khoa tỉnh"
    assert v["death_notice.date"] == "2020-03-06"
    assert v["cause_of_death"] == "Bệnh già"


def test_collection_decides_ambiguous_heading():
    lines = ["GIẤY BÁO TỬ", "Họ và tên: Nguyễn Văn Bình", "Nguyên quán: xã Tân Chi, huyện Tiên Du"]
    assert one(page(lines), "nguoicocong/")["record_type"] == "martyr"
    assert one(page(["GIẤY BÁO TỬ", "Họ và tên: Nguyễn Văn Bình", "Ngày chết: 05/3/2020"]), "hotich/")["record_type"] == "death"


MARTYR_1 = ["GIẤY BÁO TỬ", "Đồng chí: Nguyễn Văn Bình", "Nguyên quán: xã Tân Chi, huyện Tiên Du, tỉnh Hà Bắc",
            "Nhập ngũ: 2/1965 Cấp bậc: Thượng sĩ Chức vụ: Tiểu đội trưởng",
            "Đơn vị: Đại đội 3, Tiểu đoàn 8, Trung đoàn 64",
            "Hy sinh ngày 12/5/1968 tại mặt trận phía Nam"]
MARTYR_2 = ["BẰNG TỔ QUỐC GHI CÔNG", "Liệt sĩ: Nguyễn Văn Bình", "Nguyên quán: xã Tân Chi, huyện Tiên Du, tỉnh Hà Bắc",
            "Đã hy sinh ngày 12/5/1968", "Số bằng: GC 887K Quyết định số: 125/QĐ ngày 20/7/1970"]
MARTYR_3 = ["Thân nhân:", "Cha: Nguyễn Văn Cả", "Mẹ: Đỗ Thị Dần", "Họ tên vợ: Lê Thị Én"]


def test_martyr_dossier_over_pages_is_one_record():
    rec = one([page(MARTYR_1, number=1), page(MARTYR_2, number=2), page(MARTYR_3, number=3)], "nguoicocong/")
    v = values(rec)
    assert rec["pages"] == [1, 2, 3]
    assert v["full_name"] == "Nguyễn Văn Bình" and v["enlistment_date"] == "1965-02"
    assert v["place_of_death"] == "mặt trận phía Nam"  # "tại" only counts after the date of death
    assert v["certificate.number"] == "GC 887K" and v["certificate.decision_number"] == "125/QĐ"
    assert v["certificate.decision_date"] == "1970-07-20"
    rel = {(r["relation"]["value"], r["full_name"]["value"]) for r in rec["fields"]["relatives"]}
    assert rel == {("cha", "Nguyễn Văn Cả"), ("mẹ", "Đỗ Thị Dần"), ("vợ", "Lê Thị Én")}
    assert rec["fields"]["full_name"]["page"] in (1, 2)
    assert not rec["needs_review"], rec["review_reasons"]


def test_two_people_in_one_file_stay_two_records():
    other = list(MARTYR_2)
    other[1] = "Liệt sĩ: Trần Quang Khải"
    recs = extract_records([page(MARTYR_1, number=1), page(other, number=2)], "nguoicocong/")
    assert [r["pages"] for r in recs] == [[1], [2]]


def test_conflicting_pages_of_one_dossier_go_to_review():
    p2 = list(MARTYR_2)
    p2[3] = "Đã hy sinh ngày 12/6/1968"
    rec = one([page(MARTYR_1, number=1), page(p2, number=2)], "nguoicocong/")
    assert rec["needs_review"] and any("date_of_death" in r for r in rec["review_reasons"])


def test_civil_register_page_one_record_per_entry():
    recs = extract_records([page([
        "SỔ ĐĂNG KÝ KHAI SINH",
        "Số: 12 Họ và tên: Đào Văn An Ngày sinh: 01/02/1985 Giới tính: Nam",
        "Nơi sinh: xã Phù Chẩn",
        "Số: 13 Họ và tên: Đào Thị Bình Ngày sinh: 03/04/1985 Giới tính: Nữ",
        "Nơi sinh: xã Đồng Nguyên",
        "Số: 14 Họ và tên: Ngô Văn Cường Ngày sinh: 05/06/1985 Giới tính: Nam",
        "Nơi sinh: xã Tân Hồng",
    ])], "hotich/")
    assert [values(r)["full_name"] for r in recs] == ["Đào Văn An", "Đào Thị Bình", "Ngô Văn Cường"]
    assert [values(r)["registration.number"] for r in recs] == ["12", "13", "14"]
    assert values(recs[1])["place_of_birth"] == "xã Đồng Nguyên" and values(recs[1])["sex"] == "female"


def test_museum_register_table_one_record_per_row_with_wrapped_cell():
    recs = extract_records([page([
        "SỔ ĐĂNG KÝ HIỆN VẬT",
        [(60, "STT"), (160, "Số ĐK"), (420, "Tên hiện vật"), (800, "Chất liệu"), (1000, "Kích thước"), (1300, "Niên đại")],
        [(60, "1"), (160, "BTBN 1234"), (420, "Bình gốm men lam"), (800, "Gốm"), (1000, "Cao 35 cm"), (1300, "Thế kỷ XVIII")],
        [(60, "2"), (160, "BTBN 1235"), (420, "Đỉnh đồng ba chân"), (800, "Đồng"), (1000, "Cao 42cm;"), (1300, "Thế kỷ XIX")],
        [(1000, "ĐK 30 cm")],
        [(60, "3"), (160, "BTBN 1236"), (420, "Sắc phong"), (800, "Giấy"), (1000, "Dài 60 cm"), (1300, "1880")],
    ])], "baotang/")
    assert [values(r)["inventory_number"] for r in recs] == ["BTBN 1234", "BTBN 1235", "BTBN 1236"]
    assert values(recs[1])["dimensions"] == {"height_cm": 42.0, "diameter_cm": 30.0}
    assert values(recs[0])["dating"] == {"year_from": 1701, "year_to": 1800}
    assert values(recs[2])["name"] == "Sắc phong"
    assert all(r["record_type"] == "museum_object" and r["family"] == "museum" for r in recs)


def test_museum_card_and_war_invalid():
    rec = one(page(["PHIẾU HIỆN VẬT", "Số đăng ký: BTBN 1234/KL 56", "Tên hiện vật: Bình gốm men lam",
                    "Chất liệu: Gốm sứ", "Kích thước: Cao 350 mm, đường kính miệng 12 cm", "Trọng lượng: 1,2 kg",
                    "Niên đại: Nửa đầu thế kỷ XIX", "Nguồn gốc: Hiến tặng"]))
    v = values(rec)
    assert v["inventory_number"] == "BTBN 1234/KL 56"
    assert v["dimensions"] == {"height_cm": 35.0, "diameter_cm": 12.0} and v["weight"] == {"kg": 1.2}
    assert v["dating"] == {"year_from": 1801, "year_to": 1850}
    rec = one(page(["GIẤY CHỨNG NHẬN THƯƠNG BINH", "Họ và tên: Vũ Đình Hòa", "Năm sinh: 1950",
                    "Đối tượng: Thương binh", "Tỷ lệ tổn thương cơ thể: 61%", "Hạng: 2/4",
                    "Ngày bị thương: 20/10/1972 tại Quảng Trị"]))
    v = values(rec)
    assert v["category"] == "war_invalid" and v["injury_rate"] == 61 and v["grade"] == "2/4"
    assert v["injury_place"] == "Quảng Trị" and v["injury_date"] == "1972-10-20"


def test_low_ocr_confidence_goes_to_review_and_required_missing_too():
    rec = one(page(["GIẤY KHAI SINH", "Họ và tên: Ng@0.3 Văn@0.4 Hạ@0.3", "Ngày sinh: 05/3/1972"]))
    assert rec["needs_review"]
    assert any(r.startswith("full_name: not confident") for r in rec["review_reasons"])
    rec = one(page(["GIẤY KHAI SINH", "Giới tính: Nam"]))
    assert "full_name: required field missing" in rec["review_reasons"]
    assert "date_of_birth: required field missing" in rec["review_reasons"]


def test_unreadable_value_goes_to_review_with_reason():
    rec = one(page(["GIẤY KHAI SINH", "Họ và tên: Lê Văn Tám", "Ngày sinh: 31/02/1972", "Dân tộc: Pháp"]))
    reasons = " ".join(rec["review_reasons"])
    assert rec["fields"]["date_of_birth"]["value"] is None and "date_of_birth" in reasons
    assert "ethnicity" in reasons


def test_unclassified_page_and_collection_fallback():
    rec = one(page(["Một trang viết tay không có tiêu đề", "nội dung không đọc được"]))
    assert rec["record_type"] == "unclassified" and rec["needs_review"]
    rec = one(page(["Số đăng ký: BTBN 99", "Tên hiện vật: Trống đồng"]), "baotang/kho2/")
    assert rec["record_type"] == "museum_object" and values(rec)["name"] == "Trống đồng"
    assert rec["needs_review"]  # type only from the collection


def test_no_pages_no_records():
    assert extract_records([]) == []
