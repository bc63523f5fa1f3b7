"""Synthetic archive scans with ground truth, for tests and the OCR benchmark.

``render_page`` draws a clean page of Vietnamese text (a form with labels and
dotted leaders, a register with ruled columns, or running prose) in a given
font and size at a given resolution; ``degrade`` makes it look like a real
scan at levels 0-3. Everything is driven by a ``random.Random`` seed, so the
same seed gives the same pixels.

The ground truth is the text a reader would type: one line per printed line,
leaders and rules left out, NFC.
"""

from __future__ import annotations

import io
import random
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_DIR = Path("/usr/share/fonts/truetype")
# Debian's Liberation fonts lack the precomposed Vietnamese letters (ơ, ư,
# ạ, ế, ...) and would print empty boxes, so they are not used.
FONTS: dict[str, list[str]] = {
    "serif": ["dejavu/DejaVuSerif.ttf", "freefont/FreeSerif.ttf"],
    "sans": ["dejavu/DejaVuSans.ttf", "freefont/FreeSans.ttf"],
    "mono": ["dejavu/DejaVuSansMono.ttf", "freefont/FreeMono.ttf"],
}
KINDS = ("form", "register", "prose")
A4_IN = (8.27, 11.69)

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
            "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Lưu", "Mai"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc", "Xuân", "Kim", "Thu", "Gia", "Đình"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hạnh", "Hiếu", "Hòa", "Hùng", "Hương", "Khánh", "Lan", "Linh",
         "Long", "Mai", "Nam", "Nga", "Nhung", "Phúc", "Phương", "Quang", "Sơn", "Tâm", "Thảo", "Thắng",
         "Thủy", "Tiến", "Trang", "Trung", "Tuấn", "Uyên", "Việt", "Yến", "Đạt", "Ánh", "Lộc", "Nghĩa"]
COMMUNES = ["Tân Phú", "Hòa Bình", "Phước Long", "Thạnh Lộc", "Yên Thế", "Đông Sơn", "Quỳnh Lưu", "Nghĩa Đàn",
            "Hưng Nguyên", "Cẩm Giàng", "Thuận Thành", "Bình Xuyên", "Kỳ Anh", "Đức Thọ", "Mỹ Hào", "Tiên Lữ"]
PROVINCES = ["Nghệ An", "Hà Tĩnh", "Thanh Hóa", "Quảng Bình", "Thái Bình", "Nam Định", "Hải Dương",
             "Bắc Ninh", "Vĩnh Phúc", "Hưng Yên", "Phú Thọ", "Quảng Ngãi", "Bình Định", "Đồng Tháp"]
JOBS = ["làm ruộng", "giáo viên", "thợ mộc", "buôn bán", "công nhân", "cán bộ xã", "thợ may", "y sĩ", "bộ đội"]
FORM_LABELS = ["Họ và tên", "Ngày, tháng, năm sinh", "Giới tính", "Dân tộc", "Quốc tịch", "Nơi sinh",
               "Quê quán", "Nơi thường trú", "Nghề nghiệp", "Họ và tên cha", "Họ và tên mẹ",
               "Người đi khai", "Quan hệ với người được khai", "Số", "Quyển số"]
REGISTER_HEAD = ["STT", "Họ và tên", "Ngày sinh", "Nơi sinh", "Ghi chú"]
PROSE_WORDS = (
    "ủy ban nhân dân xã đã tiếp nhận hồ sơ đăng ký khai sinh của công dân theo quy định pháp luật hiện hành "
    "cán bộ tư pháp hộ tịch kiểm tra giấy tờ đối chiếu thông tin và ghi vào sổ đăng ký trong thời hạn "
    "ba ngày làm việc người yêu cầu nộp bản sao giấy chứng nhận kết hôn của cha mẹ nếu có trường hợp "
    "không có giấy tờ chứng minh thì phải có văn bản cam đoan về việc sinh chịu trách nhiệm về nội dung "
    "bản chính được lưu tại lưu trữ lịch sử tỉnh các bản sao được cấp theo yêu cầu của cơ quan tổ chức "
    "việc cải chính thay đổi bổ sung thông tin hộ tịch được thực hiện tại nơi đã đăng ký trước đây "
    "năm nay mùa màng thu hoạch tốt nhân dân trong thôn phấn khởi tham gia xây dựng đường làng trường học "
    "trạm y tế được sửa chữa khang trang hơn các cụ già và trẻ em được chăm sóc sức khỏe định kỳ"
).split()


@dataclass
class PageSpec:
    kind: str
    family: str
    font: str
    size_pt: float
    dpi: int
    level: int
    rotation: int = 0  # degrees the page was turned clockwise when "fed" (0/90/180/270)
    skew: float = 0.0  # degrees counter-clockwise
    seed: int = 0
    effects: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


# --------------------------------------------------------------------------- content


def _name(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def _date(rng: random.Random) -> str:
    return f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(1930, 2005)}"


def _place(rng: random.Random) -> str:
    return f"xã {rng.choice(COMMUNES)}, tỉnh {rng.choice(PROVINCES)}"


def _form_value(label: str, rng: random.Random) -> str:
    if "tên" in label or "khai" in label:
        return _name(rng)
    if "sinh" == label.split()[-1] and "Ngày" in label:
        return _date(rng)
    if label == "Giới tính":
        return rng.choice(["Nam", "Nữ"])
    if label == "Dân tộc":
        return rng.choice(["Kinh", "Tày", "Mường", "Thái"])
    if label == "Quốc tịch":
        return "Việt Nam"
    if label == "Nghề nghiệp":
        return rng.choice(JOBS)
    if label == "Quan hệ với người được khai":
        return rng.choice(["cha", "mẹ", "ông nội", "bà ngoại"])
    if label in ("Số", "Quyển số"):
        return f"{rng.randint(1, 250)}/{rng.randint(1960, 2005)}"
    return _place(rng)


def _sentence(rng: random.Random, words: int) -> str:
    start = rng.randrange(len(PROSE_WORDS))
    out = [PROSE_WORDS[(start + i) % len(PROSE_WORDS)] if rng.random() < 0.8 else rng.choice(PROSE_WORDS)
           for i in range(words)]
    if rng.random() < 0.4:
        out.insert(rng.randrange(len(out)), _name(rng))
    if rng.random() < 0.3:
        out.insert(rng.randrange(len(out)), "ngày " + _date(rng))
    text = " ".join(out)
    return text[0].upper() + text[1:] + "."


# --------------------------------------------------------------------------- rendering


def load_font(font: str, size_pt: float, dpi: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_DIR / font), size=max(6, round(size_pt * dpi / 72)))


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> list[str]:
    lines, cur = [], ""
    for word in text.split():
        trial = f"{cur} {word}".strip()
        if draw.textlength(trial, font=font) <= width or not cur:
            cur = trial
        else:
            lines.append(cur)
            cur = word
    if cur:
        lines.append(cur)
    return lines


def render_page(spec: PageSpec, rng: random.Random, lines_max: int = 22) -> tuple[Image.Image, str]:
    """A clean greyscale page and its ground-truth text."""
    w, h = (round(v * spec.dpi) for v in A4_IN)
    img = Image.new("L", (w, h), 255)
    draw = ImageDraw.Draw(img)
    font = load_font(spec.font, spec.size_pt, spec.dpi)
    bold = font
    margin = round(0.9 * spec.dpi)
    line_h = round(spec.size_pt * 1.6 * spec.dpi / 72)
    y = margin
    truth: list[str] = []

    def put(x: int, text: str, f=font) -> None:
        draw.text((x, y), text, font=f, fill=0)

    title = {"form": "TỜ KHAI ĐĂNG KÝ KHAI SINH", "register": "SỔ ĐĂNG KÝ KHAI SINH",
             "prose": "BIÊN BẢN HỌP THÔN"}[spec.kind]
    tw = draw.textlength(title, font=bold)
    put(round((w - tw) / 2), title, bold)
    truth.append(title)
    y += line_h * 2

    if spec.kind == "form":
        labels = rng.sample(FORM_LABELS, k=min(len(FORM_LABELS), lines_max - 4))
        right = w - margin
        for label in labels:
            value = _form_value(label, rng)
            text = f"{label}: {value}"
            put(margin, text)
            truth.append(text)
            x0 = margin + draw.textlength(text + " ", font=font)
            dot = draw.textlength(".", font=font)
            n = int((right - x0) / dot)
            if n > 3:
                put(round(x0), "." * n)
            y += line_h
    elif spec.kind == "register":
        cols = [0.07, 0.33, 0.17, 0.28, 0.15]
        xs = [margin]
        for c in cols:
            xs.append(xs[-1] + round(c * (w - 2 * margin)))
        row_h = round(line_h * 1.25)
        top = y - round(row_h * 0.25)
        rows = [REGISTER_HEAD]
        for i in range(lines_max - 4):
            rows.append([str(i + 1), _name(rng), _date(rng), rng.choice(COMMUNES), rng.choice(["", "", "con thứ hai", "đã cải chính", "trích lục"])])
        pad = round(0.04 * spec.dpi)
        for row in rows:
            cells = []
            for j, cell in enumerate(row):
                cell = cell if draw.textlength(cell, font=font) < xs[j + 1] - xs[j] - 2 * pad else cell.split()[-1]
                if cell:
                    put(xs[j] + pad, cell)
                    cells.append(cell)
            truth.append(" ".join(cells))
            y += row_h
        stroke = max(1, round(spec.dpi / 150))
        for k in range(len(rows) + 1):
            yy = top + k * row_h
            draw.line([(xs[0], yy), (xs[-1], yy)], fill=0, width=stroke)
        for x in xs:
            draw.line([(x, top), (x, top + len(rows) * row_h)], fill=0, width=stroke)
    else:
        width = w - 2 * margin
        while len(truth) < lines_max:
            para = _sentence(rng, rng.randint(25, 45)) + " " + _sentence(rng, rng.randint(10, 25))
            for ln in _wrap(draw, para, font, width):
                if len(truth) >= lines_max:
                    break
                put(margin, ln)
                truth.append(ln)
                y += line_h
            y += line_h // 2
    img.info["dpi"] = (spec.dpi, spec.dpi)
    return img, unicodedata.normalize("NFC", "\n".join(truth))


# --------------------------------------------------------------------------- degradation


def _stamp(size: int, rng: random.Random, colour: tuple[int, int, int]) -> Image.Image:
    """A round seal as an RGBA image."""
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    width = max(3, size // 40)
    d.ellipse([width, width, size - width, size - width], outline=colour + (255,), width=width)
    d.ellipse([size * 0.17, size * 0.17, size * 0.83, size * 0.83], outline=colour + (255,), width=max(2, width // 2))
    font = ImageFont.truetype(str(FONT_DIR / "dejavu/DejaVuSans-Bold.ttf"), size=max(8, size // 9))
    d.text((size / 2, size / 2), "ỦY BAN\nNHÂN DÂN", font=font, fill=colour + (255,), anchor="mm", align="center")
    d.text((size / 2, size * 0.1), "★", font=font, fill=colour + (255,), anchor="mm")
    return img.rotate(rng.uniform(-30, 30), resample=Image.BICUBIC)


LEVELS = {
    # skew range (deg), rotation probability, noise sigma, blur sigma, lighting, jpeg quality, stamp, bleed, speckle, border
    0: dict(skew=0.0, rot=0.0, noise=0, blur=0.0, light=0.0, jpeg=0, stamp=0.0, bleed=0.0, speckle=0, border=0.0),
    1: dict(skew=1.5, rot=0.35, noise=5, blur=0.4, light=0.12, jpeg=85, stamp=0.0, bleed=0.0, speckle=0, border=0.0),
    2: dict(skew=4.0, rot=0.35, noise=9, blur=0.6, light=0.25, jpeg=70, stamp=0.6, bleed=0.06, speckle=150, border=0.3),
    3: dict(skew=8.0, rot=0.5, noise=14, blur=0.8, light=0.4, jpeg=55, stamp=1.0, bleed=0.1, speckle=400, border=0.6),
}


def degrade(page: Image.Image, spec: PageSpec, rng: random.Random, back: Image.Image | None = None,
            bake_jpeg: bool = True) -> Image.Image:
    """Make a clean page look scanned at ``spec.level``; fills ``spec`` with what was done.

    Returns an RGB image; JPEG artefacts are baked in unless ``bake_jpeg`` is
    false (for a caller that saves the page as JPEG at ``jpeg_quality(level)``).
    """
    p = LEVELS[spec.level]
    dpi = spec.dpi
    w, h = page.size
    rgb = page.convert("RGB")
    arr = np.asarray(rgb, dtype=np.float32) / 255.0
    if p["bleed"] and back is not None:
        mirror = back.convert("L").transpose(Image.FLIP_LEFT_RIGHT).filter(ImageFilter.GaussianBlur(dpi / 150))
        ink = 1.0 - np.asarray(mirror.resize((w, h)), dtype=np.float32) / 255.0
        arr *= (1.0 - p["bleed"] * ink)[..., None]
        spec.effects.append("bleed")
    if p["stamp"] and rng.random() < p["stamp"]:
        colour = (200, 30, 40) if rng.random() < 0.7 else (40, 60, 190)
        st = _stamp(round(1.6 * dpi), rng, colour)
        x = rng.randint(round(w * 0.35), w - st.width - round(0.3 * dpi))
        y = rng.randint(round(h * 0.15), round(h * 0.5))
        layer = Image.new("RGBA", (w, h), (0, 0, 0, 0))
        layer.paste(st, (x, y), st)
        la = np.asarray(layer, dtype=np.float32) / 255.0
        alpha = la[..., 3:] * 0.85
        # Multiply blend: the stamp ink tints the paper but cannot lighten text.
        arr = arr * (1 - alpha) + arr * la[..., :3] * alpha
        spec.effects.append("stamp")
    if p["light"]:
        # Computed at 1/8 size and enlarged: the light varies slowly.
        sh, sw = max(2, h // 8), max(2, w // 8)
        yy, xx = np.mgrid[0:sh, 0:sw].astype(np.float32)
        cx, cy = rng.uniform(0, sw), rng.uniform(0, sh)
        dist = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2)
        small = (1.0 - p["light"] * dist / max(float(dist.max()), 1e-6)).astype(np.float32)
        shade = np.asarray(Image.fromarray(small, mode="F").resize((w, h), Image.BILINEAR), dtype=np.float32)
        paper = np.array([1.0, 0.96, 0.84], dtype=np.float32)  # yellowed
        arr = arr * shade[..., None] * paper
        spec.effects += ["uneven_light", "yellow"]
    img = Image.fromarray(np.clip(arr * 255, 0, 255).astype(np.uint8))
    if p["border"] and rng.random() < p["border"]:
        d = ImageDraw.Draw(img)
        bw = round(rng.uniform(0.05, 0.15) * dpi)
        d.rectangle([0, 0, bw, h], fill=(25, 25, 25))
        if rng.random() < 0.5:
            d.rectangle([0, h - bw, w, h], fill=(25, 25, 25))
        spec.effects.append("border")
    if p["skew"]:
        spec.skew = round(rng.uniform(0.3, p["skew"]) * rng.choice([-1, 1]), 2)
        img = img.rotate(spec.skew, resample=Image.BICUBIC, expand=True, fillcolor=(250, 248, 240))
    if p["rot"] and rng.random() < p["rot"]:
        spec.rotation = rng.choice([90, 180, 270])
        # Turning the page clockwise by R when feeding it; PIL rotates counter-clockwise.
        img = img.rotate(-spec.rotation, expand=True)
    if p["blur"]:
        img = img.filter(ImageFilter.GaussianBlur(p["blur"] * dpi / 300))
        spec.effects.append("blur")
    if p["noise"] or p["speckle"]:
        a = np.asarray(img, dtype=np.float32)
        if p["noise"]:
            a += np.random.default_rng(rng.randrange(2**32)).normal(0, p["noise"], a.shape[:2])[..., None]
            spec.effects.append("noise")
        if p["speckle"]:
            nrng = np.random.default_rng(rng.randrange(2**32))
            n = p["speckle"]
            ys, xs = nrng.integers(0, a.shape[0], n), nrng.integers(0, a.shape[1], n)
            for dy in range(2):
                for dx in range(2):
                    a[np.clip(ys + dy, 0, a.shape[0] - 1), np.clip(xs + dx, 0, a.shape[1] - 1)] = 30
            spec.effects.append("speckle")
        img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    if p["jpeg"] and bake_jpeg:
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=p["jpeg"])
        img = Image.open(io.BytesIO(buf.getvalue())).convert("RGB")
        spec.effects.append(f"jpeg{p['jpeg']}")
    img.info["dpi"] = (dpi, dpi)
    return img


def make_spec(index: int, level: int, rng: random.Random, dpi: int | None = None) -> PageSpec:
    """The ``index``-th page of a set: kinds, families and sizes cycle, so any
    handful of pages covers all of them."""
    kind = KINDS[index % len(KINDS)]
    family = list(FONTS)[(index // len(KINDS)) % len(FONTS)]
    font = FONTS[family][rng.randrange(len(FONTS[family]))]
    size = rng.choice([10, 11, 12, 13]) if family != "mono" else rng.choice([10, 11, 12])
    return PageSpec(kind=kind, family=family, font=font, size_pt=size,
                    dpi=dpi or (300 if index % 2 == 0 or level == 0 else 200), level=level)


def jpeg_quality(level: int) -> int:
    return LEVELS[level]["jpeg"]


def make_scan(index: int, level: int, seed: int, dpi: int | None = None,
              bake_jpeg: bool = True) -> tuple[Image.Image, str, PageSpec]:
    """(degraded page, ground truth, what was done) for one page, reproducibly."""
    rng = random.Random(f"{seed}:{level}:{index}")
    spec = make_spec(index, level, rng, dpi)
    spec.seed = seed
    page, truth = render_page(spec, rng)
    back = None
    if LEVELS[level]["bleed"]:
        back_spec = PageSpec(kind="prose", family=spec.family, font=spec.font, size_pt=spec.size_pt,
                             dpi=spec.dpi, level=0)
        back, _ = render_page(back_spec, random.Random(f"back:{seed}:{index}"))
    return degrade(page, spec, rng, back, bake_jpeg=bake_jpeg), truth, spec


def write_scan(out_dir: Path, index: int, level: int, seed: int, dpi: int | None = None) -> dict:
    """Write one page as a scanner would (PNG when clean, JPEG from level 1) with
    its ground truth beside it; returns the manifest entry."""
    img, truth, spec = make_scan(index, level, seed, dpi, bake_jpeg=False)
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = f"L{level}-{index:03d}-{spec.kind}-{spec.family}-{spec.dpi}"
    q = jpeg_quality(level)
    path = out_dir / (stem + (".jpg" if q else ".png"))
    if q:
        img.save(path, "JPEG", quality=q, dpi=(spec.dpi, spec.dpi))
    else:
        img.save(path, dpi=(spec.dpi, spec.dpi))
    (out_dir / (stem + ".gt.txt")).write_text(truth + "\n", encoding="utf-8")
    return {"image": path.name, "truth": stem + ".gt.txt", "index": index, **spec.to_dict()}


TYPED_LABELS = ["Họ và tên", "Bí danh", "Năm sinh", "Nguyên quán", "Trú quán", "Nhập ngũ", "Đơn vị", "Cấp bậc",
                "Chức vụ", "Hy sinh ngày", "Nơi hy sinh", "An táng tại", "Họ tên cha", "Họ tên mẹ"]


def typewritten_page(seed: int, level: int = 3, tab: int = 4, dpi: int = 300) -> tuple[Image.Image, str]:
    """A typewritten single-column dossier page: monospaced, each value typed at
    the same tab stop after its label (so the values share a straight left
    edge), degraded at ``level``; with its ground truth, one line per typed line."""
    rng = random.Random(f"typed:{seed}")
    spec = PageSpec(kind="typed", family="mono", font=FONTS["mono"][0], size_pt=12, dpi=dpi, level=level, seed=seed)
    w, h = (round(v * dpi) for v in A4_IN)
    img = Image.new("L", (w, h), 255)
    draw = ImageDraw.Draw(img)
    font = load_font(spec.font, spec.size_pt, dpi)
    width = max(len(label) for label in TYPED_LABELS) + 1
    truth = []
    y = round(dpi)
    for label in TYPED_LABELS:
        value = rng.choice([_name(rng), _date(rng), _place(rng)])
        line = f"{label + ':':<{width}}" + " " * tab + value
        draw.text((round(0.9 * dpi), y), line, font=font, fill=0)
        truth.append(" ".join(line.split()))
        y += round(spec.size_pt * 2 * dpi / 72)
    return degrade(img, spec, rng), "\n".join(truth)
