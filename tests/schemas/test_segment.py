"""One record per certificate: record boundaries from the form's title and the subject (schemas/segment.py)."""

from synth import page

from schemas.extract import extract_records, flatten_fields
from schemas.segment import PageStart, starts_new_record

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Khánh", "Lan", "Minh", "Nga"]


def person(k: int) -> str:
    return f"{FAMILY[k % 10]} Văn {GIVEN[(k * 3) % 10]}"


def birth(k: int, n: int, named: bool = True) -> object:
    rows = ["GIẤY KHAI SINH", f"Số: {k + 1}"]
    rows += [f"Họ và tên: {person(k)}"] if named else []
    rows += ["Ngày sinh: 02/09/2001", "Nơi đăng ký: Ủy ban nhân dân xã Tam Sơn"]
    return page(rows, number=n)


def death(k: int, n: int, named: bool = True) -> object:
    rows = ["TRÍCH LỤC KHAI TỬ", f"Số: {k + 1}"]
    rows += [f"Họ và tên: {person(k)}"] if named else []
    rows += ["Ngày chết: 05/03/2020", "Nơi chết: Bệnh viện đa khoa tỉnh Bắc Ninh"]
    return page(rows, number=n)


def marriage(k: int, n: int) -> object:
    return page(["GIẤY CHỨNG NHẬN KẾT HÔN", f"Số: {k + 1}",
                 [(100, "Thông tin người vợ"), (900, "Thông tin người chồng")],
                 [(100, f"Họ và tên: {person(k).replace('Văn', 'Thị')}"), (900, f"Họ và tên: {person(k + 1)}")],
                 "Nơi đăng ký: Ủy ban nhân dân xã Tam Sơn"], number=n)


def test_a_bound_register_of_single_certificates_gives_one_record_a_page():
    makers = [birth] * 8 + [death] * 8 + [marriage] * 4
    pages = [make(k, n) for n, (k, make) in enumerate(zip(range(20), makers), 1)]
    recs = extract_records(pages, "hotich/")
    assert len(recs) == 20
    assert [r["pages"] for r in recs] == [[n] for n in range(1, 21)]
    assert [r["record_type"] for r in recs] == ["birth"] * 8 + ["death"] * 8 + ["marriage"] * 4


def test_certificates_whose_names_were_not_read_are_still_separate():
    pages = [death(k, k + 1, named=False) for k in range(8)]
    recs = extract_records(pages, "hotich/")
    assert len(recs) == 8 and all(r["missing"] == ["full_name"] for r in recs)


def test_a_dossier_of_one_person_over_pages_stays_one_record():
    p1 = page(["GIẤY BÁO TỬ", "Họ và tên: Trần Văn Hùng", "Năm sinh: 1948", "Hy sinh ngày: 20/7/1968"], number=1)
    p2 = page(["BẰNG TỔ QUỐC GHI CÔNG", "Liệt sĩ: Trần Văn Hùng", "Số bằng: GC887K"], number=2)
    p3 = page(["Nơi an táng: Nghĩa trang liệt sĩ huyện Từ Sơn"], number=3)  # no title: continues the dossier
    recs = extract_records([p1, p2, p3], "nguoicocong/")
    assert len(recs) == 1 and recs[0]["pages"] == [1, 2, 3]
    v = flatten_fields(recs[0])
    assert v["certificate.number"] == "GC887K" and v["burial_place"].startswith("Nghĩa trang")


def test_another_person_under_another_title_is_another_record():
    p1 = page(["GIẤY BÁO TỬ", "Họ và tên: Trần Văn Hùng", "Năm sinh: 1948"], number=1)
    p2 = page(["BẰNG TỔ QUỐC GHI CÔNG", "Liệt sĩ: Phạm Quang Vinh", "Số bằng: GC887K"], number=2)
    assert len(extract_records([p1, p2], "nguoicocong/")) == 2


def test_rule():
    birth_a = PageStart("birth", "GIẤY KHAI SINH", "nguyen van an")
    assert starts_new_record(None, birth_a)
    assert starts_new_record(birth_a, PageStart("birth", "GIẤY KHAI SINH", None))  # the title again
    assert starts_new_record(birth_a, PageStart("death", "TRÍCH LỤC KHAI TỬ", None))
    assert not starts_new_record(birth_a, PageStart("birth", None, None))  # no title: a continuation
    assert starts_new_record(birth_a, PageStart("birth", None, "tran thi lan"))  # someone else
    martyr = PageStart("martyr", "GIẤY BÁO TỬ", "tran van hung")
    assert not starts_new_record(martyr, PageStart("martyr", "BẰNG TỔ QUỐC GHI CÔNG", "tran van hung"))
    assert starts_new_record(martyr, PageStart("martyr", "BẰNG TỔ QUỐC GHI CÔNG", "pham quang vinh"))


def test_two_titles_of_one_type_with_their_own_registration_are_two_certificates():
    # the subject's name lost on both: the registration numbers tell the certificates apart
    first = page(["GIẤY KHAI SINH", "Số: 12", "Ngày sinh: 02/09/2001"], number=1)
    second = page(["TRÍCH LỤC KHAI SINH", "Số: 13", "Ngày sinh: 02/09/2001"], number=2)
    assert len(extract_records([first, second], "hotich/")) == 2


def test_pages_whose_names_and_dates_all_differ_are_two_people():
    first = page(["GIẤY KHAI SINH", "Ngày sinh: 02/09/2001", "Họ và tên mẹ: Trần Thị Lan",
                  "Họ và tên cha: Lê Văn Nam"], number=1)
    other = page(["TRÍCH LỤC KHAI SINH", "Ngày sinh: 15/03/1999", "Họ và tên mẹ: Phạm Thị Hoa",
                  "Họ và tên cha: Đỗ Văn Bình"], number=2)
    same = page(["TRÍCH LỤC KHAI SINH", "Ngày sinh: 02/09/2001", "Họ và tên mẹ: Trần Thị Lan"], number=2)
    assert len(extract_records([first, other], "hotich/")) == 2
    assert len(extract_records([first, same], "hotich/")) == 1
    assert not starts_new_record(PageStart("birth", "GIẤY KHAI SINH", None), PageStart("birth", "TRÍCH LỤC KHAI SINH", None))


def test_one_name_read_cut_short_or_with_a_stray_word_is_one_person():
    from schemas.segment import one_name, same_person
    assert one_name("Nông Phước", "Nông Phước Thông Nam")  # cut short on one page, a stray word on the other
    assert one_name("Từ Chí Toại", "Chữ In Hoa Từ Chí Toại")  # label words left before the name
    assert not one_name("Trần Văn Hùng", "Phạm Quang Vinh")
    assert not one_name("Nguyễn Văn An", "Nguyễn Văn Thường")  # a family and a middle name shared: two people
    assert not one_name("Văn", "Nguyễn Văn Bình")  # one word is no run of a name
    assert same_person("Người", "Nông Phước Uy")  # one word is no full name: no evidence against


def test_a_dossier_whose_name_was_misread_stays_one_record_when_the_rest_agrees():
    from schemas.segment import facts_disagree, values_agree
    assert values_agree("thi tran xuan", "thi tran xuan lap") and not values_agree("thi tran xu", "thi tran xuan")
    notice = PageStart("martyr", "GIẤY BÁO TỬ", "ong nam",
                       facts=frozenset({("full_name", "ong nam"), ("hometown", "thi tran xuan"),
                                        ("residence", "huyen nga son, tinh thanh hoa")}))
    honour = PageStart("martyr", "BẰNG TỔ QUỐC GHI CÔNG", "ong tan",
                       facts=frozenset({("full_name", "ong tan"), ("hometown", "thi tran xuan lap"),
                                        ("residence", "huyen nga son, tinh")}))
    assert not starts_new_record(notice, honour)
    moved = PageStart("martyr", "BẰNG TỔ QUỐC GHI CÔNG", "ong tan",
                      facts=frozenset({("full_name", "ong tan"), ("hometown", "xa tam son")}))
    assert starts_new_record(notice, moved)  # another home town: another man of the same family
    other_family = PageStart("martyr", "BẰNG TỔ QUỐC GHI CÔNG", "le tan",
                             facts=frozenset({("full_name", "le tan"), ("hometown", "thi tran xuan lap")}))
    assert starts_new_record(notice, other_family)
    assert not facts_disagree(notice.facts, honour.facts)


def test_a_dossier_read_over_degraded_pages_gives_one_record():
    p1 = page(["GIẤY BÁO TỬ", "Họ và tên: Trần Văn", "Quê quán: xã Tam Sơn, huyện Từ Sơn, tỉnh Bắc Ninh"], number=1)
    p2 = page(["BẰNG TỔ QUỐC GHI CÔNG", "Liệt sĩ: Trần Văn Hùng Nam", "Quê quán: xã Tam Sơn, huyện Từ Sơn"],
              number=2)
    recs = extract_records([p1, p2], "nguoicocong/")
    assert len(recs) == 1 and recs[0]["pages"] == [1, 2]


def test_a_fragment_of_a_register_entry_is_joined_to_the_entry_before_it():
    from schemas.fields import Draft, Found
    from schemas.loader import Label, load_schemas
    from schemas.segment import rejoin_entries

    schema = load_schemas()["birth"]

    def draft(**values):
        d = Draft("birth", schema, [1], layout="entry")
        for key, value in values.items():
            key = key.replace("__", ".")
            raw, value = value if isinstance(value, tuple) else (value, value)
            spec = schema.by_key[key]
            d.fields[key] = Found(spec, [], Label(key, key), 1.0, 1, raw=raw, value=value, confidence=0.9)
        return d

    first = draft(registration__number="84", full_name="Trình Hoài Kỳ", date_of_birth="1994-08-15")
    rest = draft(date_of_birth=("xã Nga Điền,", None), mother__full_name="Trình Hoài Phấn")  # a place read as a date
    nxt = draft(registration__number="97", full_name="Từ Trúc Gấm", date_of_birth="1974-11-17")
    out = rejoin_entries([first, rest, nxt])
    assert out == [first, nxt]
    assert first.fields["mother.full_name"].value == "Trình Hoài Phấn"
    assert first.fields["date_of_birth"].value == "1994-08-15"
    assert [u["value"] for u in first.unmapped] == ["xã Nga Điền,"]  # the fragment's reading is kept, listed
    # an entry of its own (a name, or a number) is never joined; nor one that repeats a field read before it
    named = draft(full_name="Đàm Trúc Quyên")
    repeats = draft(date_of_birth="2005-08-14", mother__full_name="Bạch Lệ Thu Huệ")
    assert rejoin_entries([first, named]) == [first, named]
    assert rejoin_entries([first, repeats]) == [first, repeats]


def test_a_dossier_keeps_the_whole_place_one_page_read_cut_short():
    p1 = page(["GIẤY BÁO TỬ", "Họ và tên: Trần Văn Hùng", "Quê quán: xã Tam Sơn, huyện Từ Sơn"], number=1)
    p2 = page(["BẰNG TỔ QUỐC GHI CÔNG", "Liệt sĩ: Trần Văn Hùng", "Quê quán: xã Tam Sơn, huyện Từ Sơn, tỉnh Bắc Ninh"],
              number=2)
    for pages in ([p1, p2], [p2, p1]):
        rec = extract_records(pages, "nguoicocong/")[0]
        assert flatten_fields(rec)["hometown"] == "xã Tam Sơn, huyện Từ Sơn, tỉnh Bắc Ninh"
        assert not any(r.startswith("hometown") for r in rec["review_reasons"])
    other = page(["BẰNG TỔ QUỐC GHI CÔNG", "Liệt sĩ: Trần Văn Hùng", "Quê quán: xã Tam Sơn, huyện Quế Võ"], number=2)
    rec = extract_records([p1, other], "nguoicocong/")[0]
    assert any(r.startswith("hometown") for r in rec["review_reasons"])  # two places: a person looks


def test_degraded_dossier_pages_agree_on_what_they_state():
    from schemas.segment import full_name, values_agree
    # the words of one reading a run of the other's: words lost at its start, stray words around it
    assert values_agree("son, huyen son duong, tinh", "xa thai son, huyen son duong, tinh tuyen quang")
    assert values_agree("phung phuoc loi", "chu in hoa chien si phung phuoc loi")
    assert values_agree("1944", "1944-05-02") and not values_agree("1944", "1945-05-02")  # the year of the date
    assert not values_agree("huyen", "xa tam son, huyen tu son")  # one word is no run
    # label words read as a name are no person's name: no evidence either way
    assert not full_name("Đầy đủ người") and not full_name("Người") and full_name("Lại Chí Toại")
    notice = PageStart("martyr", "LÝ LỊCH LIỆT SĨ", "khuong hoai ky",
                       facts=frozenset({("full_name", "khuong hoai ky"), ("date_of_birth", "1940")}))
    honour = PageStart("martyr", "BẰNG TỔ QUỐC GHI CÔNG", "chu in hoa",  # label words read as the name
                       facts=frozenset({("full_name", "chu in hoa"), ("alias", "khuong hoai ky")}))
    assert not starts_new_record(notice, honour)  # his name, read under another key of the other page
    other = PageStart("martyr", "BẰNG TỔ QUỐC GHI CÔNG", "chu van an",
                      facts=frozenset({("full_name", "chu van an"), ("alias", "tu hung")}))
    assert starts_new_record(notice, other)


def test_a_place_that_names_no_place_states_nothing():
    p1 = page(["GIẤY BÁO TỬ", "Quê quán: xã Tam Sơn, huyện Từ Sơn, tỉnh Bắc Ninh",
               "Trú quán: xã Đình Bảng, huyện Từ Sơn, tỉnh Bắc Ninh"], number=1)
    p2 = page(["BẰNG TỔ QUỐC GHI CÔNG", "Liệt sĩ: Trần Văn Hùng", "Quê quán: gốc người",
               "Trú quán: Tam Sơn, huyện Từ Sơn, tỉnh"], number=2)
    assert len(extract_records([p1, p2], "nguoicocong/")) == 1


def test_a_dossier_whose_first_title_was_lost_is_read_under_the_next_page_s_title():
    p1 = page(["Họ và tên: Trần Văn Hùng", "Năm sinh: 1948", "Hy sinh ngày: 20/7/1968"], number=1)  # no title read
    p2 = page(["BẰNG TỔ QUỐC GHI CÔNG", "Liệt sĩ: Trần Văn Hùng", "Số bằng: GC887K"], number=2)
    recs = extract_records([p1, p2], "nguoicocong/")
    assert len(recs) == 1 and recs[0]["record_type"] == "martyr" and recs[0]["pages"] == [1, 2]
    assert flatten_fields(recs[0])["date_of_birth"] == "1948"
    # a register's page (records a page, not a dossier) lends its title to nothing before it
    reg = page(["SỔ ĐĂNG KÝ KHAI SINH", "Số: 12", "Họ và tên: Lê Văn An"], number=2)
    assert extract_records([page(["Ghi chú: sổ lập năm 1990"], number=1), reg], "hotich/")[0]["record_type"] \
        == "unclassified"


def test_a_field_two_pages_of_a_dossier_read_differently_is_never_confident(monkeypatch):
    """Whatever a map would make of its score (here: every field calibrated sure), one of two pages' readings
    is wrong, and the maps, fitted field by field, cannot know which."""
    import schemas.records
    monkeypatch.setattr(schemas.records, "calibrate", lambda *a, **k: 0.999)
    p1 = page(["GIẤY BÁO TỬ", "Họ và tên: Trần Văn Hùng", "Nơi hy sinh: xã Tam Sơn, huyện Từ Sơn, tỉnh Bắc Ninh"],
              number=1)
    p2 = page(["BẰNG TỔ QUỐC GHI CÔNG", "Liệt sĩ: Trần Văn Hùng",
               "Nơi hy sinh: xã Đình Bảng, huyện Từ Sơn, tỉnh Bắc Ninh"], number=2)
    rec = extract_records([p1, p2], "nguoicocong/")[0]
    assert rec["pages"] == [1, 2]
    assert rec["fields"]["place_of_death"]["confidence"] < 0.995 <= rec["fields"]["full_name"]["confidence"]
    assert "place_of_death" in rec["doubtful"] and rec["needs_review"]
    # the same place on both pages is as sure as the maps make it
    p2_same = page(["BẰNG TỔ QUỐC GHI CÔNG", "Liệt sĩ: Trần Văn Hùng",
                    "Nơi hy sinh: xã Tam Sơn, huyện Từ Sơn, tỉnh Bắc Ninh"], number=2)
    assert extract_records([p1, p2_same], "nguoicocong/")[0]["fields"]["place_of_death"]["confidence"] >= 0.995
