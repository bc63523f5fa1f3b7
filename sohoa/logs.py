"""Logging set-up shared by every command and worker.

Log lines describe files and stages (document hash, page number, reason),
never what is written on the page: names, dates and ID numbers stay out of
logs. ``SOHOA_LOG_FORMAT=json`` gives one JSON object per line for collectors.

Our own lines are written that way; other libraries' are not (dramatiq's
"Failed to process message prepare_document('…', 'hotich/Nguyen-Van-Duc.pdf')"
quotes a message's arguments, and an object key carries a person's name). So
every log record of the process, whoever makes it, is redacted when it is made
(``install_redaction``, a log-record factory, so no logger or handler added
later can bypass it): a queue message is named by its actor and ID only, a
request path loses its query string, an
object key becomes ``key#<8 hex of its SHA-256>`` (the same key always gives
the same tag, so lines can still be followed), and a date finer than a year or
an ID number in any written form is starred out, in the message and in the
traceback.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import sys
import time
from typing import Any

from .config import Config
# The extractor reads dates and ID numbers with the same readers (schemas/normalize.py imports them).
from .id_numbers import sensitive_spans

_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        out = {
            "ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        # Structured context passed as logger.info("...", extra={...}).
        out.update({k: v for k, v in vars(record).items() if k not in _STANDARD})
        if record.exc_text or record.exc_info:
            out["exc"] = record.exc_text or (self.formatException(record.exc_info) if record.exc_info else "")
        return json.dumps(out, ensure_ascii=False, default=str)


# An object key: a path of at least two parts ending in a file name with an extension ("hotich/a b.pdf").
_KEY = re.compile(r"(?<![\w/.:-])(?:[\w.\-]+/)+[\w.\- ,()]*?\w\.[A-Za-z0-9]{2,5}(?![\w/]|\.\w)")
# What we derive ourselves (page images, OCR results) is named by content hash and page number only.
_DERIVED = "_sohoa/"


def key_tag(key: str) -> str:
    """How a log line names an object key: a short hash, never the key (which may carry a name)."""
    return "key#" + hashlib.sha256(key.encode("utf-8", "replace")).hexdigest()[:8]


def redact(text: str) -> str:
    """``text`` without object keys, dates finer than a year or ID numbers (see the module doc)."""
    if not text:
        return text
    text = _KEY.sub(lambda m: m.group(0) if m.group(0).startswith(_DERIVED) else key_tag(m.group(0)), text)
    spans = sensitive_spans(text)
    for f in reversed(spans):
        text = text[:f.start] + ("****" if f.kind == "date" else "*" * 6) + text[f.end:]
    return text


def _safe_arg(arg: object) -> object:
    # A dramatiq message prints as actor(args...): name it by actor and ID only.
    if type(arg).__name__ in ("Message", "MessageProxy") and hasattr(arg, "message_id"):
        return f"{getattr(arg, 'actor_name', 'message')}(id={arg.message_id})"
    # A request path's query string carries what people searched for (names, numbers): the path is enough.
    if isinstance(arg, str) and arg.startswith("/") and "?" in arg:
        return arg.split("?", 1)[0]
    return arg


_base_factory = logging.getLogRecordFactory()


def _redacting_factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
    record = _base_factory(*args, **kwargs)
    try:
        if isinstance(record.args, tuple):
            record.args = tuple(_safe_arg(a) for a in record.args)
        message = record.getMessage()
        clean = redact(message)
        if clean != message:
            record.msg, record.args = clean, ()
        if record.exc_info and record.exc_info[0] is not None:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
    except Exception:  # noqa: BLE001 - a line that cannot be made safe is replaced, never written as is
        record.msg, record.args, record.exc_info, record.exc_text = "(log line withheld: could not redact)", (), \
            None, None
    return record


def install_redaction() -> None:
    """Redact every log record this process makes, from any logger (idempotent)."""
    if logging.getLogRecordFactory() is not _redacting_factory:
        logging.setLogRecordFactory(_redacting_factory)


def setup_logging(config: Config | None = None) -> None:
    config = config or Config.from_env()
    install_redaction()
    handler = logging.StreamHandler(sys.stderr)
    if config.log_format == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(config.log_level)
    # Client libraries log request URLs and bodies at INFO/DEBUG; bodies can
    # carry page text, so keep them at WARNING.
    for noisy in ("elastic_transport", "elasticsearch", "botocore", "boto3", "urllib3", "s3transfer", "PIL", "pika"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
