"""A relative named before the subject's role word ("Vợ liệt sĩ", "Cha đẻ liệt sĩ"): the head of a Vietnamese
noun phrase comes first, so the label asks for that relative, and the subject's role word after it only says
whose relative (schemas/matching.py, ``_extend_left``). Read as the subject's own label, the relative's name
would open a second martyr."""

from synth import page

from schemas.extract import extract_records, flatten_fields

MARTYR = ["LÝ LỊCH LIỆT SĨ", "Họ và tên: Phạm Văn Tư", "Năm sinh: 1940",
          "Quê quán: xã Đông Sơn, huyện Thủy Nguyên, tỉnh Hải Phòng"]


def read(label: str) -> list[dict]:
    relatives = ["Thân nhân:", [(100, "Cha"), (700, "Đỗ Minh Khải")], [(100, label), (700, "Lê Thị Nhung")]]
    return [flatten_fields(r) for r in extract_records([page(MARTYR, 1), page(relatives, 2)], "nguoicocong/")]


def test_a_relative_of_the_martyr_is_no_second_martyr():
    records = read("Vợ liệt sĩ")
    assert len(records) == 1
    assert records[0]["full_name"] == "Phạm Văn Tư"
    assert records[0]["relatives[1].full_name"] == "Lê Thị Nhung"
    assert records[0]["relatives[1].relation"] == "vợ"


def test_the_subjects_own_label_is_still_the_subject():
    records = read("Liệt sĩ")  # the role word alone names the martyr: another dossier's subject
    assert any(r.get("full_name") == "Lê Thị Nhung" for r in records)
