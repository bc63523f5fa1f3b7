"""Logging set-up shared by every command and worker.

Log lines describe files and stages (document hash, page number, key, reason),
never what is written on the page: names, dates and ID numbers stay out of
logs. ``SOHOA_LOG_FORMAT=json`` gives one JSON object per line for collectors.
"""

from __future__ import annotations

import json
import logging
import sys
import time

from .config import Config

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
        if record.exc_info:
            out["exc"] = self.formatException(record.exc_info)
        return json.dumps(out, ensure_ascii=False, default=str)


def setup_logging(config: Config | None = None) -> None:
    config = config or Config.from_env()
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
