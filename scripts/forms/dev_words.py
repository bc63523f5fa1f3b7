"""The development split's own wordings, decorations, templates and value pools.

The *dev* split sits between the two others: its label wordings are neither the
field contract's (seen) nor the test's (unseen) — other synonyms (regional
role words such as "má", "ba"; "tạ thế" for a death; "Tên họ", "Tộc người"),
bracketed instructions printed after a label ("Quốc tịch (ghi rõ)") — and its
pages use templates of their own: dotted leaders in place of punctuation
("Họ và tên ........ Nguyễn Văn A"), labels in the left column of a ruled table,
two label:value pairs on every line, boxed cells with a small label in the corner and the value
below it, a ruled two-column table with no colon, a small caption over each value, a header row of labels
over a row of values. Its values come from pools of their own
(other family names, provinces, causes, objects …).

Whoever tunes the extractor may read this file and the dev split's errors: the
dev split is where a rule or a calibration is developed and checked before the
unseen split says whether it generalised. ``forms.disjoint`` checks that no dev
wording folds to an unseen one (it prints counts only) and that no dev value is
an unseen value. A dev wording that folds to a seen one is dropped by the grammar.
"""

from __future__ import annotations

# --- wordings ---------------------------------------------------------------------------------------
# The first entries of each list are the split's first wordings; the later ones widen it with what civil-status,
# veterans' and museum papers also print: regional role words (mạ, bầm, u, bọ), old formal words for a death
# (mệnh chung, thất lộc), words for a party of a marriage (phía, đương sự), attribute words the contract never
# uses (tên tuổi, danh xưng, quê nội, sắc dân, tộc danh), abbreviations (Số TT, GBT, CC, ĐKHV) and a few labels
# typed without their marks. Added at the end of each list, so the draws of the first entries stay as they were
# where they can. The museum cards' and the veterans' and martyrs' dossiers' lists then grew by about as many
# again, from what inventory cards and dossiers of people with merit print: Sino-Vietnamese and old army words
# (phiên chế, biên số, hài cốt, thoát ly), abbreviations with a dot or a slash (Đ/c, Q.hàm, T.lượng, KK, HV, TT),
# bracketed notes of what to write ("(tháng/năm)", "(hiến, mua, sưu tầm)") and labels without marks; those that
# folded equal to an unseen wording were dropped by halves, unread.
# The civil-status lists grew again with the people and facts of birth, marriage and death
# certificates in other words: Sino-Vietnamese and regional words for the parents (sinh mẫu, bu, thầy, tía),
# the 2015 law's "người yêu cầu", old words of the South (chữ lót, danh tánh, ngụ tại, sổ bộ, đăng bộ), old
# administrative words (bản quán, sinh quán), identity papers (CMND/CCCD), bracketed notes, and the order
# "attribute của role" ("Họ tên của má").

ROLES = {
    "child": ["", "người con", "đứa con", "con trẻ", "người được đăng ký khai sinh", "đứa trẻ", "hài nhi",
              "trẻ sơ sinh", "người con được khai sinh"],
    "deceased": ["", "người tạ thế", "người đã tạ thế", "người mệnh chung", "người đã thất lộc", "người quá thế",
                 "người đã yên nghỉ", "người khuất núi", "người tử vong", "người được khai tử", "người quá vãng"],
    "martyr": ["", "chiến sĩ", "người liệt sĩ", "tử sĩ", "quân nhân", "người lính", "chiến sĩ đã hy sinh", "Đ/c",
               "người chiến sĩ", "người đã ngã xuống", "tử sĩ đồng chí", "người con đã hy sinh"],
    "invalid": ["", "người có công", "cựu chiến binh", "người bị thương tật", "quân nhân bị thương",
                "người hưởng trợ cấp", "người thương binh", "đồng chí thương binh", "người được hưởng chế độ",
                "người bị thương trong chiến đấu", "TB"],
    "mother": ["má", "mẫu thân", "mạ", "bầm", "u", "bà thân sinh", "mẹ sinh", "bu", "sinh mẫu", "từ mẫu",
               "người mẹ ruột", "bà mẹ đẻ", "mẹ ruột (mẹ đẻ)"],
    "father": ["ba", "phụ thân", "ông thân sinh", "ba ruột", "ba đẻ", "thầy", "tía", "sinh phụ", "người cha ruột"],
    "declarant_birth": ["người làm thủ tục khai sinh", "người đăng ký khai sinh", "người thay mặt gia đình",
                        "người được ủy quyền khai sinh", "người đứng tên khai", "người làm tờ khai",
                        "người yêu cầu đăng ký khai sinh", "người nộp tờ khai", "người khai báo", "người đứng ra khai",
                        "người đi đăng ký khai sinh", "người trình báo"],
    "declarant_death": ["người làm thủ tục khai tử", "người đăng ký khai tử", "người được ủy quyền khai tử",
                        "người làm tờ khai tử", "người thay mặt tang gia", "người yêu cầu đăng ký khai tử",
                        "người khai báo tử", "thân nhân đứng khai", "người nộp giấy báo tử"],
    "wife": ["bên vợ", "phía vợ", "đương sự nữ", "bên cô dâu", "phía nhà gái", "người nữ", "đằng gái",
             "đương sự bên nữ"],
    "husband": ["bên chồng", "phía chồng", "đương sự nam", "bên chú rể", "phía nhà trai", "người nam", "đằng trai",
                "đương sự bên nam"],
}

ATTRIBUTES = {
    "name": ["Tên họ", "Họ và tên (chữ in hoa)", "Danh tính", "Tên tuổi", "Danh xưng", "Họ tên đệm và tên",
             "Tên họ đầy đủ", "Ten tuoi", "Họ, chữ lót và tên", "Họ tên, chữ lót", "Tên khai sinh", "Tính danh",
             "Danh tánh", "Họ tên (viết hoa có dấu)", "Quý danh", "Ho ten khai sinh"],
    "dob": ["Ngày tháng sinh", "Ra đời ngày", "Sinh ngày tháng năm", "Ngày chào đời", "Ngày tháng năm ra đời",
            "Ngay sinh ra", "Được sinh ngày", "Ngày sinh (ngày/tháng/năm)", "Ngày tháng năm sinh (dương lịch)",
            "NTN sinh", "Ngày tháng năm chào đời", "Ra đời vào ngày", "Sinh ngay"],
    "birth_year": ["Năm ra đời", "Năm sinh (dương lịch)", "Năm chào đời", "Nam ra doi", "Được sinh năm",
                   "Năm sinh (4 chữ số)", "Năm ra đời (dương lịch)", "Tuổi/năm sinh", "Năm sinh ra"],
    "pob": ["Nơi ra đời", "Sinh ra tại", "Nơi sinh ra", "Nơi chào đời", "Chào đời tại", "Địa điểm sinh",
            "Được sinh tại", "Sinh quán", "Nơi sinh (ghi rõ xã, huyện, tỉnh)", "Nơi được sinh ra", "Địa điểm ra đời",
            "Sinh ở"],
    "hometown": ["Quê nhà", "Quê quán gốc", "Quê nội", "Gốc gác tại", "Quê quán (gốc)", "Que noi", "Bản quán", "Quê ở",
                 "Quê quán (theo cha)", "Xuất thân tại", "Quê cũ"],
    "residence": ["Nơi ở hiện tại", "Chỗ ở", "Địa chỉ liên lạc", "Đang cư trú tại", "Nơi sống", "Hiện sống tại",
                  "Địa chỉ nhà", "Nơi đang ở", "Dia chi lien lac", "HK thường trú", "Thường trú tại", "Cư ngụ tại",
                  "Ngụ tại", "Nơi đăng ký thường trú", "Trú tại", "Chỗ ở hiện tại", "Địa chỉ cư trú", "Hiện ngụ"],
    "ethnicity": ["Tộc người", "Dân tộc (ghi rõ)", "Sắc dân", "Tộc danh", "Dân tộc (khai rõ)", "Người dân tộc",
                  "Chủng tộc", "Là người dân tộc", "Dân tộc gốc", "Tộc người (ghi rõ)",
                  "Dân tộc (theo giấy khai sinh)"],
    "nationality": ["Quốc tịch (ghi rõ)", "Mang quốc tịch", "Quốc tịch hiện tại", "Quoc tich hien tai", "Dân nước",
                    "Có quốc tịch", "Quốc tịch gốc", "Quốc tịch (nếu có)", "Thuộc quốc tịch"],
    "sex": ["Giới tính (nam, nữ)", "Phái", "Giới tính (ghi nam hoặc nữ)", "Thuộc giới", "Nam hay là nữ", "Trai hay gái",
            "Giới (nam/nữ)", "Là nam hay nữ", "Phái (nam, nữ)"],
    "personal_id": ["Số định danh", "Mã số định danh cá nhân", "Mã công dân", "Số giấy tờ nhân thân", "Thẻ CC số",
                    "Mã số công dân", "CMND/CCCD số", "Số chứng minh nhân dân", "Giấy CMND số", "Số giấy tờ tùy thân",
                    "Số CMND/hộ chiếu"],
}

PLAIN = {
    "reg_number": ["Số ghi sổ", "Số thứ tự trong sổ", "Vào sổ số", "Số TT", "So ghi so", "Số ghi vào sổ",
                   "Số hiệu đăng ký", "Số ghi trong sổ", "STT sổ"],
    "reg_book": ["Sổ số", "Tập số", "Sổ đăng ký số", "Thuộc quyển", "Sổ bộ số", "Thuộc sổ", "Tập sổ số"],
    "reg_date": ["Đăng ký ngày", "Ngày ghi sổ", "Làm thủ tục ngày", "Vào sổ ngày", "Ngày ghi vào sổ", "Đăng bộ ngày",
                 "Ngày vào sổ bộ", "Lập ngày", "Ngày lập", "Thời gian đăng ký"],
    "reg_office": ["Cơ quan đăng ký", "Đăng ký tại", "Cơ quan ghi sổ", "Ủy ban đăng ký", "Cơ quan đăng ký hộ tịch",
                   "Nơi vào sổ", "Nơi làm thủ tục", "Cơ quan cấp"],
    "dob_words": ["Viết bằng chữ", "Bằng chữ viết", "Ngày sinh ghi bằng chữ", "Viết thành chữ",
                  "Ngày tháng năm bằng chữ", "Chữ viết"],
    "relation_birth": ["Quan hệ với người được đăng ký khai sinh", "Quan hệ với người con", "Mối quan hệ với trẻ",
                       "Là gì của người được khai sinh", "Quan hệ với cháu bé", "Quan hệ gia đình",
                       "Mối liên hệ với người được khai sinh"],
    "relation_death": ["Quan hệ với người tạ thế", "Quan hệ với người được khai tử", "Mối quan hệ với người qua đời",
                       "Mối quan hệ với người mệnh chung", "Quan hệ với người đã khuất", "Là gì của người chết",
                       "Quan hệ với người tử vong", "Quan hệ thân nhân", "Quan hệ gia đình với người mất"],
    "death_when": ["Tạ thế lúc", "Chết lúc", "Mệnh chung lúc", "Thất lộc lúc", "Khuất núi lúc", "Tử vong lúc",
                   "Chết hồi", "Qua đời vào hồi", "Quá vãng lúc"],
    "death_hour": ["Giờ chết", "Giờ tạ thế", "Giờ qua đời", "Giờ thất lộc", "Giờ tử vong", "Giờ khuất núi",
                   "Giờ phút tử vong", "Hồi (giờ)"],
    "death_day": ["Ngày chết", "Ngày tạ thế", "Qua đời ngày", "Ngày mệnh chung", "Thất lộc ngày", "Ngày tử vong",
                  "Ngày khuất núi", "Ngày mất (dương lịch)", "Tử vong ngày", "Ngày quá vãng"],
    "death_place": ["Nơi tạ thế", "Chết tại", "Nơi mệnh chung", "Nơi thất lộc", "Tạ thế tại", "Nơi tử vong",
                    "Tử vong tại", "Nơi khuất núi", "Địa điểm chết", "Chỗ chết"],
    "death_cause": ["Nguyên nhân", "Lý do chết", "Vì sao chết", "Căn nguyên", "Bệnh gì", "Nguyên do", "Chết vì",
                    "Căn bệnh", "Nguyên nhân (bệnh, tai nạn)"],
    "death_notice": ["Số giấy báo tử", "Giấy báo tử", "Số GBT", "Theo giấy báo tử số", "Căn cứ giấy báo tử",
                     "Giấy báo tử (số, ngày cấp)"],
    "alias": ["Tên gọi khác", "Tên khác", "Tên tục", "Còn gọi là", "Biệt hiệu", "Tên lúc hoạt động"],
    "enlistment": ["Ngày nhập ngũ", "Đi bộ đội", "Ngày tòng quân", "Vào quân ngũ ngày", "Nhập ngũ tháng năm",
                   "Thời gian nhập ngũ", "Ngày vào bộ đội", "Nhập ngũ (tháng/năm)", "Tuyển quân ngày",
                   "Thoát ly đi bộ đội"],
    "rank": ["Quân hàm cấp bậc", "Bậc quân hàm", "Hàm cấp", "Quân hàm lúc hy sinh", "Cấp bậc, quân hàm", "Q.hàm",
             "Mang quân hàm", "Cấp bậc (quân hàm)"],
    "position": ["Giữ chức vụ", "Chức trách", "Làm nhiệm vụ", "Công việc đảm nhiệm", "Chức vụ, nhiệm vụ",
                 "Đảm nhiệm chức vụ", "Nhiệm vụ được giao"],
    "unit": ["Đơn vị chiến đấu", "Phiên hiệu đơn vị", "Biên chế tại", "Đơn vị lúc hy sinh",
             "Thuộc đơn vị (đại đội, tiểu đoàn)", "Phiên chế", "Thuộc biên chế", "Don vi chien dau"],
    "martyr_death": ["Hy sinh vào ngày", "Đã hy sinh ngày", "Hy sinh lúc", "Hy sinh tại trận ngày",
                     "Ngày tháng năm hy sinh", "Hy sinh (ngày, nơi)"],
    "burial": ["Mộ chôn tại", "An táng tại", "Nơi an nghỉ", "Mộ phần hiện ở", "Nơi quy tập", "Mộ an táng tại",
               "Hài cốt hiện an táng tại", "Phần mộ đặt tại", "Hài cốt quy tập về"],
    "martyr_cert": ["Bằng Tổ quốc ghi công số", "Số bằng Tổ quốc ghi công", "Số bằng ghi công", "Bằng ghi công số"],
    "decision": ["Theo quyết định số", "Quyết định", "Căn cứ quyết định số", "Quyết định công nhận số"],
    "invalid_cert": ["Giấy chứng nhận số", "Số thẻ thương binh", "Thẻ thương binh số", "Chứng nhận thương binh số"],
    "category": ["Diện", "Loại đối tượng", "Đối tượng chính sách", "Xếp diện"],
    "unit_injured": ["Thuộc đơn vị khi bị thương", "Đơn vị công tác khi bị thương", "Đơn vị chiến đấu khi bị thương"],
    "injury_date": ["Bị thương ngày", "Ngày tháng bị thương", "Thời gian bị thương", "Thời điểm bị thương"],
    "injury_place": ["Bị thương tại", "Địa bàn bị thương", "Nơi bị thương tích", "Trận bị thương tại"],
    "injury_rate": ["Tỷ lệ suy giảm", "Mức tổn thương cơ thể", "Tỷ lệ mất sức", "Tỷ lệ thương tổn",
                    "Tỷ lệ thương tật (%)", "Mất sức (%)"],
    "grade": ["Xếp hạng", "Hạng thương binh", "Thương binh hạng", "Xếp hạng thương tật", "Hạng TB"],
    "inventory": ["Số kiểm kê", "Mã số hiện vật", "Mã hiệu", "Số đăng ký kiểm kê", "Số ĐKHV", "Số KK", "Số hiệu KK",
                  "Số nhập kho", "Số đăng ký hiện vật (ĐKHV)", "Biên số", "Số ĐK tổng quát", "Số đăng ký tổng quát", "Số ĐKTQ", "Ký hiệu kiểm kê", "Mã số kiểm kê", "Số KKHV", "Ký mã hiệu"],
    "object_name": ["Tên gọi", "Tên vật phẩm", "Tên đồ vật", "Danh xưng hiện vật", "Tên HV", "Tên hiện vật (tên gọi chính)", "Tên mẫu vật", "Tên tài liệu hiện vật", "Tên gọi thông dụng"],
    "material": ["Chất liệu làm", "Nguyên liệu", "Chất liệu chế tạo", "Chế tác bằng", "Chất liệu cấu thành",
                 "Chế tạo từ", "Chất liệu chủ yếu", "Chất liệu (ghi rõ)", "Làm từ", "C.liệu", "Nguyên vật liệu", "Vật liệu chế tác", "Chất liệu (gốm, gỗ, kim loại...)"],
    "quantity": ["Số lượng hiện vật", "Số chiếc", "Số món", "Số lượng hiện có", "Số lượng cái", "SL", "Số lượng (cái)",
                 "Số hiện vật", "Gồm (chiếc)", "So luong hien vat", "Số lượng (hiện vật)", "Số lượng đơn vị", "SL (chiếc)"],
    "dimensions": ["Kích thước (cm)", "Số đo", "Kích thước (D x R x C)", "Cao x rộng", "Kích thước đo được", "KT (cm)",
                   "Cao, rộng, dài", "Dài x rộng x cao", "Quy cách (cm)", "Kich thuoc do duoc", "Kích thước (cao x rộng x dày)", "KT (D x R x C)", "Kích thước tổng thể", "Các số đo", "K.thước", "Số đo (cm)"],
    "weight": ["Khối lượng", "Trọng lượng (kg)", "Cân nặng (kg)", "Trọng lượng ước tính", "T.lượng", "TL (kg)",
               "Nặng (gam)", "Khối lượng (g)", "Cân được", "T.lượng (kg)", "Khối lượng tịnh", "Trọng lượng thực"],
    "dating": ["Thời đại", "Niên đại ước tính", "Thuộc thế kỷ", "Tuổi hiện vật", "Niên đại (thế kỷ)", "Niên đại (TK)",
               "Thời gian chế tác", "Nien dai uoc tinh", "Niên đại (thời kỳ)", "Thời kỳ lịch sử", "Năm sản xuất", "Thời điểm chế tác", "Triều đại"],
    "origin": ["Nguồn thu nhận", "Hình thức thu nhận", "Do đâu mà có", "Lai lịch hiện vật", "Gốc tích hiện vật",
               "Nguồn hiện vật", "Cách thức thu nhận", "Phương thức nhập", "Nguồn gốc (hiến, mua, sưu tầm)",
               "Nguon thu nhan", "Nguồn gốc xuất xứ", "Hình thức sưu tầm", "Phương thức thu nhận", "Nguồn nhập", "Thu nhận bằng hình thức"],
    "find_place": ["Địa điểm thu thập", "Nơi phát hiện", "Nơi thu thập được", "Địa điểm tìm thấy", "Nơi sưu tầm được",
                   "Địa điểm khai quật", "Thu được tại", "Nơi xuất lộ", "Đ.điểm phát hiện", "Tìm được ở", "Nơi sưu tập", "Địa điểm xuất lộ", "Nơi tìm được", "Nơi phát lộ", "Xuất lộ tại"],
    "donor": ["Người hiến", "Người bàn giao", "Người giao nộp", "Người bán", "Nhà sưu tầm", "Người/cơ quan hiến tặng",
              "Người cho", "Người chuyển giao", "Người hiến tặng (họ tên, địa chỉ)", "Người bàn giao hiện vật", "Người nhượng lại", "Họ tên người hiến", "Người cung cấp", "Chủ sở hữu trước"],
    "acquisition": ["Ngày nhập kho", "Ngày nhận về", "Ngày thu nhận", "Nhận vào ngày", "Thời gian nhập",
                    "Ngay nhap kho", "Ngày về bảo tàng", "Ngày đưa vào kho", "Ngày nhập sổ", "Nhập kho ngày", "Thời gian thu nhận"],
    "condition": ["Tình trạng", "Hiện trạng", "Tình trạng khi nhận", "Thực trạng hiện vật", "TT bảo quản",
                  "Tình trạng HV", "Hiện trạng bảo quản", "Tình trạng hiện tại", "Tình trạng khi kiểm kê", "Tình trạng vật chất", "Mức độ hư hỏng", "Hư hại"],
    "description": ["Đặc điểm", "Mô tả hiện vật", "Mô tả sơ bộ", "Đặc điểm nhận dạng", "Đặc điểm hình dáng",
                    "Mo ta so luoc", "Mô tả chi tiết hiện vật", "Miêu tả hiện vật", "Đặc điểm hiện vật", "Mô tả đặc điểm", "Mô tả (hình dáng, hoa văn)", "Nội dung mô tả"],
    "storage": ["Nơi cất giữ", "Kho bảo quản", "Vị trí lưu kho", "Cất tại kho", "Chỗ cất giữ", "Vị trí bảo quản",
                "Nơi lưu kho", "Kho số", "Vị trí (kho, giá, ngăn)", "Lưu giữ tại", "Vị trí trưng bày", "Kho lưu giữ", "Vị trí hiện tại", "Bảo quản tại", "Ký hiệu vị trí"],
}

# What a museum inventory card (phiếu hiện vật, lý lịch hiện vật, phiếu kiểm kê) prints beside the fields the seen
# and unseen cards print: the object's other names and its class, which the contract holds, and its technique and
# colour, which it does not (a card's lines that map to no field, read as such and kept out of their neighbours).
# Concepts of the dev split alone: the other splits print none of them.
MUSEUM_PLAIN = {
    "other_names": ["Tên gọi địa phương", "Tên gọi dân gian", "Còn có tên", "Tên khác (nếu có)", "Tên cũ",
                    "Tên gọi theo dân tộc"],
    "object_class": ["Nhóm hiện vật", "Thuộc nhóm", "Phân nhóm", "Loại hình", "Loại hình hiện vật", "Thuộc sưu tập"],
    "technique": ["Kỹ thuật chế tác", "Kỹ thuật", "Phương pháp chế tác", "Kỹ thuật tạo tác", "Cách thức chế tác"],
    "colour": ["Màu sắc", "Màu", "Màu men"],
}
# Section headings of a card that groups its fields, as the ministry's forms and old provincial cards do.
MUSEUM_SECTIONS = [["I. THÔNG TIN CHUNG", "II. ĐẶC ĐIỂM HIỆN VẬT", "III. NGUỒN GỐC", "IV. BẢO QUẢN"],
                   ["A. NHẬN DẠNG", "B. MÔ TẢ", "C. LAI LỊCH", "D. BẢO QUẢN"],
                   ["1. Định danh", "2. Đặc điểm", "3. Thu nhận", "4. Lưu giữ"]]

# Orders a civil-status form also prints a person's label in, beside the contract's "attribute role": the
# attribute owned by the role ("Họ tên của má").
ORDERS = ["{a} của {r}"]
# The roles these orders are drawn for: the people of a birth, death or marriage certificate.
ORDER_ROLES = ("child", "deceased", "mother", "father", "declarant_birth", "declarant_death", "wife", "husband")

RELATIVES = {"cha": ["Ba", "Phụ thân", "Bọ"],
             "mẹ": ["Má", "Mẫu thân", "Mạ", "Mẹ ruột liệt sĩ", "Bầm", "Thân mẫu LS"]}

# Section headings: a dev template with any role word, or a seen template with a dev role word.
MARKERS = ["Về {r}", "Kê khai về {r}", "Phần khai về {r}", "Lý lịch {r}", "Mục kê khai {r}",
           "Chi tiết về {r}"]

# Punctuation after a label; the dotted and ruled templates print none (dots or a cell border instead).
PUNCTUATION = [":", " :", ":-"]
# Page templates: "dotted" (label, a run of dots, the value), "ruled" (labels in the left column of a ruled
# table, values in the right), "paired" (two label:value pairs on every line, each in its half of the page),
# "boxed" (rows of one to three ruled cells, a small label in a cell's corner and the value below it inside the
# cell), "label_table" (a ruled two-column table, label cell and value cell, no colon, long values wrapping).
LAYOUTS = ["inline", "dotted", "ruled", "paired", "boxed", "label_table"]
# Templates added after the first ones, drawn for their share of the documents from a stream of their own
# (``grammar.later_layout``), so a document that keeps its first template is drawn, and printed, as before:
# "caption" (each label printed small, or lighter, over its value, as on identity cards and today's registration
# forms; one to three fields side by side on a row, on some forms a thin rule under each value), "header_row"
# (ruled tables of two to four columns, as on register pages and summary sheets: the labels in a header row, each
# value in the cell under its label, a long label or value wrapping inside its cell, centred on some forms).
LATER_LAYOUTS = ["caption", "header_row"]
# A third wave, drawn the same way from a stream of its own for documents that kept a first template, taken from
# hand-filled and printed Vietnamese forms: "value_under" (a label on a line of its own, the value written on the
# line under it, from the margin or a little in, on some forms over a dotted writing line), "shaded" (a two-column
# sheet printed from an electronic record: no rules and no punctuation, each label in a light grey cell, left- or
# right-aligned, wrapping inside it, the value in the white cell beside it), "itemized" (each field an item of a
# list, its enumerator "1)", "(1)", "a)" or "1/" before its label).
THIRD_LAYOUTS = ["value_under", "shaded", "itemized"]
# The share of dev forms typed without diacritics on most of their labels, as on a machine without Vietnamese keys.
BARE_SHARE = 0.2

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
OBJECTS = ["Bình vôi", "Nồi đồng", "Tráp khảm xà cừ", "Chậu men nâu", "Tượng đá", "Bia đá", "Ống điếu", "Lọ hoa sứ",
           "Ấm tích", "Đèn dầu lạc", "Khánh đá", "Mõ gỗ", "Thống gốm", "Cối đá", "Chóe men nâu", "Ống bút tre"]
MATERIALS = ["Xà cừ", "Đất nung", "Da", "Song mây", "Thiếc", "Mây tre", "Gốm sành", "Đá xanh", "Gỗ mít", "Đồng thau",
             "Sứ trắng", "Giấy dó"]
CONDITIONS = ["Còn tốt", "Nứt chân đế", "Bong lớp sơn", "Mất nắp, sứt quai", "Rạn men toàn thân", "Mối mọt ở chân đế",
              "Gỉ xanh, mất một quai", "Ố vàng, rách nhẹ ở mép", "Còn nguyên, lớp sơn bạc màu"]
PLACES_OF_DEATH = ["Bệnh viện huyện, tỉnh {p}", "Nhà riêng tại {place}"]
DEATH_RELATIONS = ["Con cả", "Con út", "Cháu ngoại", "Anh ruột"]
BIRTH_FATHER_RELATION = ["Ba", "Cha"]
NOTICE_ISSUERS = ["Bệnh viện huyện", "Trung tâm y tế xã"]
ISSUERS = ["Sở Lao động - Thương binh và Xã hội tỉnh Thanh Hóa", "Bộ Tư lệnh Quân khu 4"]
ALIASES = ["Út", "Bảy", "Tư Hùng", "Năm Lửa"]
CEMETERIES = ["Quốc gia Đường 9", "Hàm Rồng", "Nông Cống"]
MUSEUM = "BẢO TÀNG TỈNH THANH HÓA"
MUSEUM_CODE = "BTTH"

# The values of a dev museum card (forms/dev_museum.py): the other names, classes, techniques and colours cards
# write; how an object came in (the donor named where one gave or sold it); where it is kept.
OTHER_NAMES = ["Lọ tỏi", "Bình tỳ bà", "Nậm rượu", "Ang", "Cóng", "Tĩn"]
OBJECT_CLASSES = ["Gốm sứ", "Kim khí", "Đồ gỗ", "Tài liệu giấy", "Hàng dệt", "Đồ đá"]
TECHNIQUES = ["Đúc khuôn hai mang", "Chạm nổi", "Nặn tay, nung", "Sơn mài", "Dệt thủ công", "Khắc vạch",
              "Vẽ lam dưới men", "Gò, chạm"]
COLOURS = ["Nâu đen", "Trắng ngà", "Xanh lục", "Đỏ son", "Vàng nhạt"]
ORIGINS = ["Hiến tặng", "Sưu tầm", "Mua", "Điều chuyển", "Khai quật", "Bàn giao", "Mua của nhân dân",
           "Sưu tầm tại thực địa", "Cơ quan bàn giao"]
DONOR_ORIGINS = ("Hiến tặng", "Sưu tầm", "Mua", "Mua của nhân dân", "Sưu tầm tại thực địa")
STORAGE = ["Kho {n}, giá {g}, ngăn {k}", "Kho gốm sứ, tủ {n}, ngăn {k}", "Kho KL, giá {g}, tầng {k}",
           "Phòng trưng bày {n}, tủ {g}", "Kho cơ sở, kệ {g}"]
# The pieces a card's description is written from: the shape, the decoration, the surface; each card's description
# is two or three of them, long enough to wrap over several lines.
DESCRIPTION_SHAPES = ["Dáng thon cao, miệng loe, cổ dài, vai xuôi, thân phình tròn, đế thấp",
                      "Hình hộp chữ nhật, nắp đậy khít, bốn góc bo tròn, chân quỳ",
                      "Thân hình trụ, hai quai hình tai mèo gắn ở vai, đáy bằng",
                      "Hình tròn dẹt, rìa mỏng, giữa có núm nhỏ nhô lên"]
DESCRIPTION_DECORS = ["thân trang trí hoa văn dây lá và cánh sen dạng băng",
                      "mặt trước chạm nổi đôi rồng chầu mặt nguyệt, xung quanh là mây cuộn",
                      "vai khắc vạch một băng sóng nước, thân vẽ cảnh sơn thủy",
                      "nắp khảm hình chim hạc đứng trên lưng rùa"]
DESCRIPTION_SURFACES = ["men phủ đều, chân đế để mộc", "lớp sơn then còn bóng, một số chỗ bong tróc",
                        "bề mặt có lớp gỉ xanh mỏng bám đều", "xương gốm dày, màu xám, thô ráp"]
