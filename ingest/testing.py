"""Inputs for tests, benchmarks and fault drills.

Good scans with known (fictional) names, and one maker for every kind of bad
input the archive must survive: each returns the bytes a clerk might drop in
the bucket. Kept in the package so the test suite and scripts/chaos.py use
the very same inputs.
"""

from __future__ import annotations

import contextlib
import io
import random
import socket
import struct
import subprocess
import sys
import time
import zipfile
import zlib
from pathlib import Path
from typing import Iterator, Mapping

from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
ROOT = Path(__file__).resolve().parents[1]


INCH = 72.0


def read_stack_env(path: Path) -> dict[str, str]:
    """The variables ``scripts/stack up`` wrote to its ``env`` file (``export NAME=value`` lines), for
    tests and benchmarks that talk to that stack; an absent file gives none."""
    env: dict[str, str] = {}
    if not path.exists():
        return env
    for line in path.read_text().splitlines():
        line = line.strip().removeprefix("export ").strip()
        if "=" in line and not line.startswith("#"):
            k, v = line.split("=", 1)
            env[k] = v.strip().strip('"').strip("'")
    return env


def text_pdf(lines: list[str], page_size=(6 * INCH, 4 * INCH)) -> bytes:
    """A born-digital PDF with a real (Vietnamese) text layer and no image."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas
    if "DejaVuSerif" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSerif", FONT))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=page_size)
    c.setFont("DejaVuSerif", 14)
    for i, line in enumerate(lines):
        c.drawString(0.5 * INCH, page_size[1] - (0.7 + 0.35 * i) * INCH, line)
    c.showPage()
    c.save()
    return buf.getvalue()


BIRTH_CERTIFICATE = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "GIẤY KHAI SINH",
    "Họ, chữ đệm, tên: {name}", "Ngày, tháng, năm sinh: 15/03/1972", "Giới tính: Nam    Dân tộc: Kinh",
    "Quốc tịch: Việt Nam", "Nơi sinh: xã Đình Bảng, huyện Từ Sơn, tỉnh Bắc Ninh",
    "Họ, chữ đệm, tên người mẹ: Trần Thị Lan", "Họ, chữ đệm, tên người cha: Nguyễn Văn Bình",
]


def born_digital_certificate(name: str) -> bytes:
    """A birth certificate as an office writes it today: an A4 PDF with a text layer, no image."""
    from reportlab.lib.pagesizes import A4
    return text_pdf([line.format(name=name) for line in BIRTH_CERTIFICATE], page_size=A4)


def mixed_pdf(*documents: bytes) -> bytes:
    """The pages of ``documents`` (PDFs) one after the other, e.g. a scan then a born-digital page."""
    from pypdf import PdfReader, PdfWriter
    writer = PdfWriter()
    for data in documents:
        for page in PdfReader(io.BytesIO(data)).pages:
            writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def encrypted_pdf(data: bytes) -> bytes:
    from pypdf import PdfWriter
    writer = PdfWriter(clone_from=io.BytesIO(data))
    writer.encrypt(user_password="mat-khau", owner_password="chu-so-huu")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def zero_page_pdf() -> bytes:
    from pypdf import PdfWriter
    out = io.BytesIO()
    PdfWriter().write(out)
    return out.getvalue()


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims a huge image: what a decompression bomb looks like before decoding."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


def tiff_with_corrupt_middle_frame() -> bytes:
    frames = []
    for n in (1, 2, 3):
        img = Image.new("L", (1200, 500), 255)
        ImageDraw.Draw(img).text((60, 200), f"Trang số {n}: hồ sơ liệt sĩ Cao Văn Lầu{n}",
                                 font=ImageFont.truetype(FONT, 40), fill=0)
        frames.append(img)
    buf = io.BytesIO()
    frames[0].save(buf, format="TIFF", save_all=True, append_images=frames[1:], compression="tiff_deflate",
                   dpi=(300, 300))
    data = bytearray(buf.getvalue())
    # Overwrite the compressed strip of frame 2 with garbage; frames 1 and 3 stay intact.
    with Image.open(io.BytesIO(bytes(data))) as tif:
        tif.seek(1)
        offset, length = tif.tag_v2[273][0], tif.tag_v2[279][0]
    data[offset:offset + length] = bytes((i * 37) % 251 for i in range(length))
    return bytes(data)


def docx_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return buf.getvalue()


def zip_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("scan-001.txt", "not a scan")
    return buf.getvalue()


def scanned_pdf(pages: list[list[str]], dpi: int = 300) -> bytes:
    """A scanned-looking PDF: one image page per list of lines."""
    images = []
    for lines in pages:
        img = Image.new("L", (1748, 1240), 255)
        draw = ImageDraw.Draw(img)
        font = ImageFont.truetype(FONT, 36)
        for i, text in enumerate(lines):
            draw.text((120, 120 + i * 70), text, font=font, fill=0)
        images.append(img.convert("1"))
    buf = io.BytesIO()
    images[0].save(buf, format="PDF", save_all=True, append_images=images[1:], resolution=dpi)
    return buf.getvalue()


def scanned_jpeg(text: str, dpi: int = 200) -> bytes:
    """A one-line card photographed or scanned to JPEG."""
    img = Image.new("RGB", (1200, 400), "white")
    ImageDraw.Draw(img).text((60, 150), text, font=ImageFont.truetype(FONT, 48), fill="black")
    buf = io.BytesIO()
    img.save(buf, format="JPEG", dpi=(dpi, dpi))
    return buf.getvalue()


def stop_process(proc: subprocess.Popen, timeout: float = 30) -> None:
    """Ask a service process to stop; kill it if it has not within ``timeout`` seconds."""
    proc.terminate()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()


@contextlib.contextmanager
def worker_process(env: dict, log_path=None, processes: int = 1, threads: int = 2) -> Iterator[subprocess.Popen]:
    """``sohoa worker`` running in its own process with ``env``, stopped (then killed) on leaving."""
    log = open(log_path, "a") if log_path else subprocess.DEVNULL
    proc = subprocess.Popen([sys.executable, "-m", "sohoa.cli", "worker", "--processes", str(processes),
                             "--threads", str(threads)], env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    try:
        time.sleep(1)
        if proc.poll() is not None:
            raise RuntimeError(f"the worker exited at start (code {proc.returncode})")
        yield proc
    finally:
        stop_process(proc)
        if not isinstance(log, int):
            log.close()


# The kernel hands every outgoing connection's local end, and every bind to port 0, a port from
# this range. A port picked there can be taken by some connection between the pick and the server's
# own bind; a test stack's RabbitMQ once failed to start because its distribution port had become the
# local end of another node's connection to epmd. So test servers get ports outside it.
EPHEMERAL_RANGE_FILE = Path("/proc/sys/net/ipv4/ip_local_port_range")
LOWEST_PICKED_PORT = 10000  # clear of the usual fixed service ports (5672, 6379, 9000, 9200, 9300)
_handed_out: set[int] = set()


def ephemeral_port_range(path: Path = EPHEMERAL_RANGE_FILE) -> tuple[int, int]:
    """The kernel's range for automatically assigned ports (Linux's default when it cannot be read)."""
    try:
        low, high = (int(n) for n in path.read_text().split())
    except (OSError, ValueError):
        return 32768, 60999
    return low, high


def ports_outside(ephemeral: tuple[int, int]) -> list[range]:
    """The port ranges a test server may be given: above LOWEST_PICKED_PORT, outside ``ephemeral``."""
    low, high = ephemeral
    return [r for r in (range(LOWEST_PICKED_PORT, low), range(max(high + 1, LOWEST_PICKED_PORT), 65536)) if r]


def _binds(port: int) -> bool:
    # No SO_REUSEADDR: a port held by any socket at all, even one closing, counts as taken.
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_port() -> int:
    """A loopback TCP port nothing holds now, outside the kernel's ephemeral range, and never handed
    out before by this process (two servers of one test never get the same port)."""
    ranges = ports_outside(ephemeral_port_range())
    rng = random.SystemRandom()
    for _ in range(200 if ranges else 0):
        port = rng.choice(rng.choice(ranges))
        if port not in _handed_out and _binds(port):
            _handed_out.add(port)
            return port
    # The ephemeral range covers every port: only the kernel can pick.
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def api_process(env: dict, log_path=None, workers: int = 1, port: int | None = None,
                root: Path | str | None = None) -> Iterator[tuple[subprocess.Popen, str]]:
    """``sohoa api`` in a subprocess on a loopback port (a free one unless given), once it answers; yields
    (process, base URL).

    With ``log_path`` everything the service prints goes to that file (the
    tests that read the service's logs use it). ``root``: run the code of another checkout (a plain copy of an
    earlier commit, for benchmarks side by side) instead of this one."""
    import httpx
    port = port or free_port()
    out = open(log_path, "w") if log_path else None
    if root is not None:
        env = {**env, "PYTHONPATH": str(root)}
    proc = subprocess.Popen([sys.executable, "-m", "sohoa.cli", "api", "--host", "127.0.0.1", "--port", str(port),
                             "--workers", str(workers)], env=env, cwd=root or ROOT, stdout=out or subprocess.DEVNULL,
                            stderr=subprocess.STDOUT if out else subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                said = open(log_path).read() if log_path else (proc.stderr.read().decode() if proc.stderr else "")
                raise RuntimeError(f"sohoa api exited: {said[-2000:]}")
            try:
                if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("sohoa api did not start in 30 s")
            time.sleep(0.2)
        yield proc, base
    finally:
        stop_process(proc, timeout=10)
        if out:
            out.close()


@contextlib.contextmanager
def api_server(env: dict, log_path=None, workers: int = 1) -> Iterator[str]:
    """``api_process`` when only the base URL matters."""
    with api_process(env, log_path, workers) as (_, base):
        yield base


def remove_namespace(env: Mapping[str, str]) -> None:
    """Remove everything a test run, benchmark or drill made in its namespace: its indices (``SOHOA_INDEX_PREFIX-*``),
    its inbox and derived buckets with every object version in them, and its event queues."""
    from sohoa.elastic import make_client
    from sohoa.config import Config

    from .event_sources import sqs_client
    from sohoa.storage import Bucket
    config = Config.from_env(env)
    es = make_client(config)
    es.indices.delete(index=f"{config.index_prefix}-*", ignore_unavailable=True, allow_no_indices=True)
    s3 = Bucket(config).client
    for name in dict.fromkeys((config.bucket, config.derived_bucket)):
        try:
            empty_bucket(s3, name)
            s3.delete_bucket(Bucket=name)
        except s3.exceptions.NoSuchBucket:
            pass
    sqs = sqs_client(config)
    for url in sqs.list_queues(QueueNamePrefix=config.index_prefix).get("QueueUrls", []):
        sqs.delete_queue(QueueUrl=url)


def empty_bucket(s3, name: str) -> int:
    """Delete every object in bucket ``name``, old versions and delete markers included; how many were deleted."""
    deleted = 0
    for page in s3.get_paginator("list_object_versions").paginate(Bucket=name):
        targets = [{"Key": v["Key"], "VersionId": v["VersionId"]}
                   for v in page.get("Versions", []) + page.get("DeleteMarkers", [])]
        # delete_objects takes at most 1000 keys; a listing page holds at most 1000.
        if targets:
            s3.delete_objects(Bucket=name, Delete={"Objects": targets, "Quiet": True})
            deleted += len(targets)
    return deleted
