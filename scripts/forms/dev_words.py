"""The development split's own wordings, decorations, templates and value pools.

The *dev* split sits between the two others: its label wordings are neither the
field contract's (seen) nor the test's (unseen) — other synonyms (regional
role words such as "má", "ba"; "tạ thế" for a death; "Tên họ", "Tộc người"),
bracketed instructions printed after a label ("Quốc tịch (ghi rõ)") — and its
pages use templates of their own: dotted leaders in place of punctuation
("Họ và tên ........ Nguyễn Văn A"), labels in the left column of a ruled table,
two label:value pairs on every line, boxed cells with a small label in the corner and the value
below it, a ruled two-column table with no colon. Its values come from pools of their own
(other family names, provinces, causes, objects …).

Whoever tunes the extractor may read this file and the dev split's errors: the
dev split is where a rule or a calibration is developed and checked before the
unseen split says whether it generalised. ``forms.disjoint`` checks that no dev
wording folds to an unseen one (it prints counts only) and that no dev value is
an unseen value. A dev wording that folds to a seen one is dropped by the grammar.
"""

from __future__ import annotations

# --- wordings ---------------------------------------------------------------------------------------

ROLES = {
    "child": ["", "người con"],
    "deceased": ["", "người tạ thế", "người đã tạ thế"],
    "martyr": ["", "chiến sĩ", "người liệt sĩ"],
    "invalid": ["", "người có công", "cựu chiến binh"],
    "mother": ["má", "mẫu thân"],
    "father": ["ba", "phụ thân"],
    "declarant_birth": ["người làm thủ tục khai sinh", "người đăng ký khai sinh"],
    "declarant_death": ["người làm thủ tục khai tử", "người đăng ký khai tử"],
    "wife": ["bên vợ"],
    "husband": ["bên chồng"],
}

ATTRIBUTES = {
    "name": ["Tên họ", "Họ và tên (chữ in hoa)", "Danh tính"],
    "dob": ["Ngày tháng sinh", "Ra đời ngày", "Sinh ngày tháng năm"],
    "birth_year": ["Năm ra đời", "Năm sinh (dương lịch)"],
    "pob": ["Nơi ra đời", "Sinh ra tại", "Nơi sinh ra"],
    "hometown": ["Quê nhà", "Quê quán gốc"],
    "residence": ["Nơi ở hiện tại", "Chỗ ở", "Địa chỉ liên lạc", "Đang cư trú tại"],
    "ethnicity": ["Tộc người", "Dân tộc (ghi rõ)"],
    "nationality": ["Quốc tịch (ghi rõ)", "Mang quốc tịch"],
    "sex": ["Giới tính (nam, nữ)", "Phái"],
    "personal_id": ["Số định danh", "Mã số định danh cá nhân"],
}

PLAIN = {
    "reg_number": ["Số ghi sổ", "Số thứ tự trong sổ"],
    "reg_book": ["Sổ số", "Tập số"],
    "reg_date": ["Đăng ký ngày", "Ngày ghi sổ"],
    "reg_office": ["Cơ quan đăng ký", "Đăng ký tại"],
    "dob_words": ["Viết bằng chữ", "Bằng chữ viết"],
    "relation_birth": ["Quan hệ với người được đăng ký khai sinh", "Quan hệ với người con"],
    "relation_death": ["Quan hệ với người tạ thế", "Quan hệ với người được khai tử"],
    "death_when": ["Tạ thế lúc", "Chết lúc"],
    "death_hour": ["Giờ chết", "Giờ tạ thế"],
    "death_day": ["Ngày chết", "Ngày tạ thế"],
    "death_place": ["Nơi tạ thế", "Chết tại"],
    "death_cause": ["Nguyên nhân", "Lý do chết"],
    "death_notice": ["Số giấy báo tử", "Giấy báo tử"],
    "alias": ["Tên gọi khác", "Tên khác"],
    "enlistment": ["Ngày nhập ngũ", "Đi bộ đội"],
    "rank": ["Quân hàm cấp bậc", "Bậc quân hàm"],
    "position": ["Giữ chức vụ", "Chức trách"],
    "unit": ["Đơn vị chiến đấu", "Phiên hiệu đơn vị"],
    "martyr_death": ["Hy sinh vào ngày", "Đã hy sinh ngày"],
    "burial": ["Mộ chôn tại", "An táng tại"],
    "martyr_cert": ["Bằng Tổ quốc ghi công số", "Số bằng Tổ quốc ghi công"],
    "decision": ["Theo quyết định số", "Quyết định"],
    "invalid_cert": ["Giấy chứng nhận số", "Số thẻ thương binh"],
    "category": ["Diện", "Loại đối tượng"],
    "unit_injured": ["Thuộc đơn vị khi bị thương", "Đơn vị công tác khi bị thương"],
    "injury_date": ["Bị thương ngày", "Ngày tháng bị thương"],
    "injury_place": ["Bị thương tại", "Địa bàn bị thương"],
    "injury_rate": ["Tỷ lệ suy giảm", "Mức tổn thương cơ thể"],
    "grade": ["Xếp hạng", "Hạng thương binh"],
    "inventory": ["Số kiểm kê", "Mã số hiện vật"],
    "object_name": ["Tên gọi", "Tên vật phẩm"],
    "material": ["Chất liệu làm", "Nguyên liệu"],
    "quantity": ["Số lượng hiện vật", "Số chiếc"],
    "dimensions": ["Kích thước (cm)", "Số đo"],
    "weight": ["Khối lượng", "Trọng lượng (kg)"],
    "dating": ["Thời đại", "Niên đại ước tính"],
    "origin": ["Nguồn thu nhận", "Hình thức thu nhận"],
    "find_place": ["Địa điểm thu thập", "Nơi phát hiện"],
    "donor": ["Người hiến", "Người bàn giao"],
    "acquisition": ["Ngày nhập kho", "Ngày nhận về"],
    "condition": ["Tình trạng", "Hiện trạng"],
    "description": ["Đặc điểm", "Mô tả hiện vật"],
    "storage": ["Nơi cất giữ", "Kho bảo quản"],
}

RELATIVES = {"cha": ["Ba", "Phụ thân"], "mẹ": ["Má", "Mẫu thân"]}

# Section headings: a dev template with any role word, or a seen template with a dev role word.
MARKERS = ["Về {r}", "Kê khai về {r}"]

# Punctuation after a label; the dotted and ruled templates print none (dots or a cell border instead).
PUNCTUATION = [":", " :", ":-"]
# Page templates: "dotted" (label, a run of dots, the value), "ruled" (labels in the left column of a ruled
# table, values in the right), "paired" (two label:value pairs on every line, each in its half of the page),
# "boxed" (rows of one to three ruled cells, a small label in a cell's corner and the value below it inside the
# cell), "label_table" (a ruled two-column table, label cell and value cell, no colon, long values wrapping).
LAYOUTS = ["inline", "dotted", "ruled", "paired", "boxed", "label_table"]

# --- values -----------------------------------------------------------------------------------------

SURNAMES = ["Trương", "Phùng", "Lại", "Hứa", "Bạch", "La", "Khương", "Vi", "Nông", "Lò", "Ông", "Kha", "Từ",
            "Trình", "Đàm", "Ứng", "Yên"]
MIDDLE_M = ["Phước", "Nhật", "Hoài", "Tự", "Chí", "Tấn"]
MIDDLE_F = ["Hoài", "Quế", "Tường", "Trúc", "Lệ Thu"]
GIVEN_M = ["Lượng", "Cảnh", "Danh", "Hào", "Hưng", "Kỳ", "Mẫn", "Nguyên", "Phát", "Quân", "Lợi", "Thông", "Trí",
           "Toại", "Uy", "Tín", "Khởi"]
GIVEN_F = ["Chi", "Nhi", "Phấn", "Quyên", "Trâm", "Tú", "Vy", "Xoan", "Thoa", "Gấm", "Huệ", "Nguyệt"]
# (province, its 3-digit code, districts, communes/wards, its city)
PROVINCES = [
    ("Thanh Hóa", "038", ["Hoằng Hóa", "Hậu Lộc", "Nga Sơn", "Thọ Xuân"], ["Hoằng Đạo", "Đa Lộc", "Nga Điền", "Xuân Lập"], "Thanh Hóa"),
    ("Hà Tĩnh", "042", ["Can Lộc", "Đức Thọ", "Kỳ Anh", "Thạch Hà"], ["Thiên Lộc", "Tùng Ảnh", "Kỳ Phong", "Thạch Kênh"], "Hà Tĩnh"),
    ("Tuyên Quang", "008", ["Sơn Dương", "Yên Sơn", "Chiêm Hóa", "Hàm Yên"], ["Tân Trào", "Mỹ Bằng", "Vinh Quang", "Thái Sơn"], "Tuyên Quang"),
    ("Bến Tre", "083", ["Mỏ Cày Nam", "Ba Tri", "Giồng Trôm", "Chợ Lách"], ["An Thạnh", "Tân Xuân", "Lương Hòa", "Vĩnh Thành"], "Bến Tre"),
    ("Quảng Bình", "044", ["Lệ Thủy", "Bố Trạch", "Quảng Trạch", "Minh Hóa"], ["Sen Thủy", "Hoàn Trạch", "Quảng Hợp", "Yên Hóa"], "Đồng Hới"),
]
ETHNIC = ["Kinh"] * 6 + ["Mông", "Thổ", "Xơ Đăng", "Cơ Tu", "Ra Glai", "Mnông", "Hrê"]  # the names the contract stores
FRONTS = ["Khe Sanh", "Mặt trận Đường 14", "Hạ Lào", "Mặt trận Vị Xuyên, Hà Giang", "Bầu Bàng, Bình Dương"]
CAUSES = ["Viêm phổi nặng", "Suy thận mãn", "Tai biến mạch máu não", "Sốt xuất huyết", "Ngã cao"]
RANKS = ["Thiếu tá", "Trung tá", "Thượng tá", "Đại tá"]
POSITIONS = ["Tiểu đội phó", "Y sĩ", "Thông tin viên", "Công binh", "Đại đội phó"]
OBJECTS = ["Bình vôi", "Nồi đồng", "Tráp khảm xà cừ", "Chậu men nâu", "Tượng đá", "Bia đá", "Ống điếu", "Lọ hoa sứ"]
MATERIALS = ["Xà cừ", "Đất nung", "Da", "Song mây", "Thiếc", "Mây tre"]
CONDITIONS = ["Còn tốt", "Nứt chân đế", "Bong lớp sơn", "Mất nắp, sứt quai"]
PLACES_OF_DEATH = ["Bệnh viện huyện, tỉnh {p}", "Nhà riêng tại {place}"]
DEATH_RELATIONS = ["Con cả", "Con út", "Cháu ngoại", "Anh ruột"]
BIRTH_FATHER_RELATION = ["Ba", "Cha"]
NOTICE_ISSUERS = ["Bệnh viện huyện", "Trung tâm y tế xã"]
ISSUERS = ["Sở Lao động - Thương binh và Xã hội tỉnh Thanh Hóa", "Bộ Tư lệnh Quân khu 4"]
ALIASES = ["Út", "Bảy", "Tư Hùng", "Năm Lửa"]
CEMETERIES = ["Quốc gia Đường 9", "Hàm Rồng", "Nông Cống"]
MUSEUM = "BẢO TÀNG TỈNH THANH HÓA"
MUSEUM_CODE = "BTTH"
