#!/usr/bin/env python3
"""Render the bundled sample scans in samples/ (committed together with this script).

The samples are small, synthetic and fictional: every name, date and number on
them is invented. They exercise each input kind the archive receives:

- hotich/so-dang-ky-khai-sinh-1972.pdf   3-page civil-status register (PDF)
- nguoicocong/ho-so-liet-si-0457.tiff    2-page martyr dossier (multi-page TIFF)
- baotang/phieu-hien-vat-BTBN-1234.jpg   museum object card (JPEG, 200 dpi)
- hotich/giay-chung-tu-0088.png          death certificate extract (PNG)

Usage: scripts/make_samples.py [--out samples]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_DIR = Path("/usr/share/fonts/truetype")
SERIF = FONT_DIR / "dejavu" / "DejaVuSerif.ttf"
SERIF_BOLD = FONT_DIR / "dejavu" / "DejaVuSerif-Bold.ttf"

# A4 at 300 dpi would make the repository heavy; A5 keeps samples small while
# text stays at a realistic size for its resolution.
A5_300 = (1748, 2480)


def font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), size)


def render_page(lines: list[tuple[str, str]], size=A5_300, dpi=300, seed=0) -> Image.Image:
    """Lines are (style, text); style is 'title', 'head' or 'body'."""
    scale = dpi / 300
    img = Image.new("L", size, 250)
    draw = ImageDraw.Draw(img)
    styles = {"title": font(SERIF_BOLD, int(44 * scale)), "head": font(SERIF, int(34 * scale)),
              "body": font(SERIF, int(34 * scale))}
    y = int(140 * scale)
    for style, text in lines:
        f = styles.get(style, styles["body"])
        if style == "title":
            w = draw.textlength(text, font=f)
            draw.text(((size[0] - w) / 2, y), text, font=f, fill=15)
        elif text:
            draw.text((int(120 * scale), y), text, font=f, fill=20)
        y += int((78 if style == "title" else 62) * scale)
    # A little paper texture and blur, so the samples look scanned, not typeset.
    rng = np.random.default_rng(seed)
    speckle = (rng.random((size[1], size[0])) < 0.002) * 120
    img = Image.fromarray(np.clip(np.asarray(img, dtype=np.int16) - speckle, 0, 255).astype(np.uint8))
    img = img.filter(ImageFilter.GaussianBlur(0.6))
    img.info["dpi"] = (dpi, dpi)
    return img


def register_pages() -> list[Image.Image]:
    entries = [
        ("Nguyễn Thị Hương", "12/01/1972", "Nữ", "Nguyễn Văn Bình", "Trần Thị Lan", "27"),
        ("Nguyễn Văn Đức", "15/03/1972", "Nam", "Nguyễn Văn Thắng", "Lê Thị Hoà", "58"),
        ("Phạm Quý Thủy", "02/07/1972", "Nữ", "Phạm Văn Khoẻ", "Đỗ Thị Mai", "91"),
    ]
    pages = []
    for i, (name, dob, sex, father, mother, number) in enumerate(entries, 1):
        pages.append(render_page([
            ("head", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            ("head", "Độc lập - Tự do - Hạnh phúc"),
            ("", ""),
            ("title", "SỔ ĐĂNG KÝ KHAI SINH"),
            ("body", f"Số: {number}   Quyển số: 01/1972"),
            ("body", f"Họ, chữ đệm, tên: {name}"),
            ("body", f"Ngày, tháng, năm sinh: {dob}"),
            ("body", f"Giới tính: {sex}   Dân tộc: Kinh"),
            ("body", "Nơi sinh: xã Đình Bảng, huyện Từ Sơn,"),
            ("body", "tỉnh Hà Bắc"),
            ("body", f"Họ, chữ đệm, tên người cha: {father}"),
            ("body", f"Họ, chữ đệm, tên người mẹ: {mother}"),
            ("body", "Nơi đăng ký: Ủy ban nhân dân xã Đình Bảng"),
            ("body", f"Trang {i}/3"),
        ], seed=i))
    return pages


def martyr_pages() -> list[Image.Image]:
    return [
        render_page([
            ("title", "GIẤY BÁO TỬ"),
            ("body", "Số: 457/GBT"),
            ("body", "Họ và tên: Trần Văn Hùng"),
            ("body", "Bí danh: Hùng Sơn"),
            ("body", "Năm sinh: 1948"),
            ("body", "Nguyên quán: xã Tam Sơn, huyện Từ Sơn"),
            ("body", "Nhập ngũ: tháng 2/1966"),
            ("body", "Đơn vị: Đại đội 3, Tiểu đoàn 8"),
            ("body", "Hy sinh ngày 20 tháng 7 năm 1968"),
        ], seed=11),
        render_page([
            ("title", "BẰNG TỔ QUỐC GHI CÔNG"),
            ("body", "Liệt sĩ Trần Văn Hùng"),
            ("body", "Số bằng: GC887K"),
            ("body", "Quyết định số 125/QĐ ngày 10/10/1970"),
            ("body", "Nơi an táng: Nghĩa trang liệt sĩ huyện Từ Sơn"),
        ], seed=12),
    ]


def museum_card() -> Image.Image:
    return render_page([
        ("title", "PHIẾU HIỆN VẬT"),
        ("body", "Số đăng ký: BTBN 1234/KL 56"),
        ("body", "Tên hiện vật: Trống đồng Đông Sơn"),
        ("body", "Chất liệu: đồng"),
        ("body", "Kích thước: cao 45 cm, đường kính 62 cm"),
        ("body", "Niên đại: thế kỷ III trước Công nguyên"),
        ("body", "Nguồn gốc: hiến tặng"),
        ("body", "Người hiến tặng: Hoàng Minh Tuấn"),
    ], size=(1165, 1654), dpi=200, seed=21)


def death_extract() -> Image.Image:
    return render_page([
        ("title", "TRÍCH LỤC KHAI TỬ"),
        ("body", "Số: 88   Quyển số: 02/2019"),
        ("body", "Họ, chữ đệm, tên: Võ Thị Ngọc Ánh"),
        ("body", "Ngày, tháng, năm sinh: 05/09/1931"),
        ("body", "Đã chết vào lúc 14 giờ 30 phút,"),
        ("body", "ngày 03 tháng 4 năm 2019"),
        ("body", "Nơi chết: tại nhà riêng, thôn Đông, xã Phù Chẩn"),
    ], seed=31)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "samples")
    args = ap.parse_args()
    out: Path = args.out
    for sub in ("hotich", "nguoicocong", "baotang"):
        (out / sub).mkdir(parents=True, exist_ok=True)

    pages = [p.convert("1", dither=Image.Dither.NONE) for p in register_pages()]
    pages[0].save(out / "hotich" / "so-dang-ky-khai-sinh-1972.pdf", save_all=True, append_images=pages[1:],
                  resolution=300)
    frames = martyr_pages()
    frames[0].save(out / "nguoicocong" / "ho-so-liet-si-0457.tiff", save_all=True, append_images=frames[1:],
                   compression="tiff_deflate", dpi=(300, 300))
    museum_card().convert("RGB").save(out / "baotang" / "phieu-hien-vat-BTBN-1234.jpg", quality=80, dpi=(200, 200))
    death_extract().convert("1", dither=Image.Dither.NONE).save(out / "hotich" / "giay-chung-tu-0088.png",
                                                                optimize=True, dpi=(300, 300))
    for p in sorted(out.rglob("*.*")):
        print(f"{p.relative_to(out)}  {p.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main()
