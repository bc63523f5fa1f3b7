"""The queue messages' layout (sohoa/messages.py), and that sending needs none of the worker's code."""

from __future__ import annotations

import subprocess
import sys

from sohoa.messages import PREPARE, PrepareMessage, prepare_args, queue_names
from sohoa.storage import ObjectRef

REF = ObjectRef(key="hotich/1972/so-1.pdf", etag="9b2cf535f27731c974343645a3985328", size=52_311)


def test_a_prepare_message_reads_back_as_it_was_written():
    parsed = PrepareMessage.parse(prepare_args(REF, "led-1"))
    assert parsed == PrepareMessage(REF, "led-1")
    assert "sohoa-inbox" not in prepare_args(REF, "led-1")  # the bucket is the configured inbox: not sent


def test_messages_queued_before_the_bucket_was_dropped_still_read():
    legacy = ("sohoa-inbox", REF.key, REF.etag, REF.size, "led-1")
    assert PrepareMessage.parse(legacy) == PrepareMessage(REF, "led-1")


def test_anything_else_is_not_a_prepare_message():
    assert PrepareMessage.parse(("ab" * 32, 3)) is None
    assert PrepareMessage.parse(()) is None


def test_queues_carry_the_deployments_prefix_in_stage_order():
    assert queue_names("sohoa") == ("sohoa-prepare", "sohoa-ocr", "sohoa-index")
    assert PREPARE == "prepare_document"  # the worker's actor of that name receives it


def _loaded_after(code: str, modules: tuple[str, ...], **env: str) -> list[str]:
    """Which of ``modules`` a fresh interpreter holds after running ``code``."""
    script = f"import sys\n{code}\nprint(','.join(m for m in {modules!r} if m in sys.modules))\n"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                         env={"PATH": "/usr/bin:/bin", **env})
    assert out.returncode == 0, out.stderr
    return [m for m in out.stdout.strip().split(",") if m]


def test_the_api_and_the_operators_commands_load_no_worker_code():
    # The console used to import ingest.actors: OpenCV, Tesseract and a broker declared from the
    # environment instead of the app's configuration.
    code = "import api.app, ingest.cli, ingest.control, sohoa.messages\napi.app.create_app()"
    assert _loaded_after(code, ("ingest.actors", "ingest.stages", "cv2", "pytesseract"),
                         SOHOA_SESSION_SECRET="s" * 40) == []


def test_the_commands_parser_loads_no_web_framework():
    # Every `sohoa` command builds the whole parser; the tokens command named the roles through api.auth,
    # which loaded FastAPI and pydantic into `sohoa watch`, `sohoa wait` and `sohoa status` alike.
    code = "from sohoa import cli\ncli.build_parser()"
    assert _loaded_after(code, ("fastapi", "starlette", "api.auth", "ingest.actors", "cv2")) == []
