"""Configuration from environment variables.

Every setting sohoa reads is declared once in ``SETTINGS`` with its default and
meaning; ``sohoa config`` prints this table with the effective values, secrets
masked. Nothing else in the code reads ``os.environ`` for sohoa settings, so the
table is the whole truth (a test checks docker-compose.yml against it).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Setting:
    env: str
    default: str
    help: str
    secret: bool = False


SETTINGS: tuple[Setting, ...] = (
    Setting("SOHOA_ES_URL", "http://127.0.0.1:9200", "Elasticsearch URL (credentials may be embedded)", secret=True),
    Setting("SOHOA_INDEX_PREFIX", "sohoa", "prefix of every index name (sohoa-pages, sohoa-jobs, ...)"),
    Setting("SOHOA_BROKER_URL", "redis://127.0.0.1:6379/0", "dramatiq broker: redis://... or amqp://...", secret=True),
    Setting("SOHOA_S3_ENDPOINT", "http://127.0.0.1:9000", "S3 endpoint URL; empty for AWS itself"),
    Setting("SOHOA_S3_REGION", "us-east-1", "S3 region"),
    Setting("SOHOA_S3_ACCESS_KEY", "sohoa", "S3 access key; empty to use boto3's default credential chain", secret=True),
    Setting("SOHOA_S3_SECRET_KEY", "sohoa-secret", "S3 secret key", secret=True),
    Setting("SOHOA_BUCKET", "sohoa-inbox", "bucket the clerks drop scans into"),
    Setting("SOHOA_DERIVED_PREFIX", "_sohoa/", "key prefix for page images and OCR results written back by the workers"),
    Setting("SOHOA_OCR_LANGUAGES", "vie", "Tesseract languages, '+'-joined (e.g. vie+eng)"),
    Setting("SOHOA_OCR_DPI", "300", "resolution PDF pages are rasterized at"),
    Setting("SOHOA_OCR_TIMEOUT", "180", "seconds one page may spend in Tesseract before it fails"),
    Setting("SOHOA_OCR_MODEL", "fast", "Vietnamese model: fast (Debian's), best (tessdata_best int, fetched by "
            "scripts/fetch_models) or a tessdata directory"),
    Setting("SOHOA_OCR_MODEL_DIR", "", "where the 'best' model is cached; empty for .stack/tessdata"),
    Setting("SOHOA_OCR_STEPS", "stamps,border,background,orient,deskew,scale,denoise,lines,leaders",
            "preprocessing steps, comma-separated (also: binarize; 'none' for bare Tesseract)"),
    Setting("SOHOA_OCR_BINARIZE", "none", "binarization when the binarize step is on: none, otsu, adaptive, sauvola"),
    Setting("SOHOA_OCR_DENOISE", "despeckle", "denoise method when the denoise step is on: despeckle or median"),
    Setting("SOHOA_OCR_OSD_CONFIDENCE", "2", "Tesseract OSD confidence needed before a page is turned"),
    Setting("SOHOA_OCR_MIN_CONFIDENCE", "0.6", "mean word confidence under which a page is flagged low_confidence"),
    Setting("SOHOA_OCR_FORCE", "false", "OCR PDF pages even when they already have a text layer"),
    Setting("SOHOA_MAX_OBJECT_BYTES", str(2 * 1024**3), "largest object accepted from the bucket"),
    Setting("SOHOA_MAX_PAGES", "2000", "most pages accepted in one document"),
    Setting("SOHOA_MAX_PIXELS", str(20000 * 20000), "most pixels accepted in one page image"),
    Setting("SOHOA_INLINE_PAGES", "3", "documents of at most this many pages are OCR'd and indexed whole by the "
            "worker that prepares them (no queue hops); larger ones are spread over all workers page by page"),
    Setting("SOHOA_WORKER_PROCESSES", "2", "worker processes started by 'sohoa worker'"),
    Setting("SOHOA_WORKER_THREADS", "1", "threads per worker process (OCR is CPU-bound: keep 1)"),
    Setting("SOHOA_MAX_RETRIES", "3", "retries of a failing stage before it is recorded as failed"),
    Setting("SOHOA_WATCH_INTERVAL", "30", "seconds between bucket listings in 'sohoa watch'"),
    Setting("SOHOA_STALL_SECONDS", "120", "unfinished work unchanged this long while every queue is idle is "
            "sent again by 'sohoa watch'"),
    Setting("SOHOA_API_HOST", "127.0.0.1", "address the HTTP service binds to"),
    Setting("SOHOA_API_PORT", "8000", "port of the HTTP service"),
    Setting("SOHOA_SESSION_SECRET", "", "key that signs web session cookies; empty: read SOHOA_API_SECRET_FILE, "
            "else a random key per process (sessions end on restart)", secret=True),
    Setting("SOHOA_API_SECRET_FILE", "", "file holding the session-signing key (must not be readable by group or "
            "others)"),
    Setting("SOHOA_SESSION_TTL", "28800", "seconds a web login lasts"),
    Setting("SOHOA_COOKIE_SECURE", "true", "send the session cookie over HTTPS only (false only for plain-HTTP "
            "development on loopback)"),
    Setting("SOHOA_LOG_LEVEL", "INFO", "log level"),
    Setting("SOHOA_LOG_FORMAT", "text", "log format: text or json"),
)


def _env(name: str, environ: dict[str, str] | None = None) -> str:
    environ = os.environ if environ is None else environ
    for s in SETTINGS:
        if s.env == name:
            return environ.get(name, s.default)
    raise KeyError(name)


@dataclass(frozen=True)
class Config:
    es_url: str
    index_prefix: str
    broker_url: str
    s3_endpoint: str | None
    s3_region: str
    s3_access_key: str | None
    s3_secret_key: str | None
    bucket: str
    derived_prefix: str
    ocr_languages: str
    ocr_dpi: int
    ocr_timeout: int
    ocr_model: str
    ocr_model_dir: str
    ocr_steps: tuple[str, ...]
    ocr_binarize: str
    ocr_denoise: str
    ocr_osd_confidence: float
    ocr_min_confidence: float
    ocr_force: bool
    max_object_bytes: int
    max_pages: int
    max_pixels: int
    inline_pages: int
    worker_processes: int
    worker_threads: int
    max_retries: int
    watch_interval: float
    stall_seconds: float
    api_host: str
    api_port: int
    log_level: str
    log_format: str
    session_secret: str = ""
    api_secret_file: str = ""
    session_ttl: int = 28800
    cookie_secure: bool = True

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "Config":
        e = lambda n: _env(n, environ)  # noqa: E731
        derived = e("SOHOA_DERIVED_PREFIX")
        if derived and not derived.endswith("/"):
            derived += "/"
        return cls(
            es_url=e("SOHOA_ES_URL"),
            index_prefix=e("SOHOA_INDEX_PREFIX"),
            broker_url=e("SOHOA_BROKER_URL"),
            s3_endpoint=e("SOHOA_S3_ENDPOINT") or None,
            s3_region=e("SOHOA_S3_REGION"),
            s3_access_key=e("SOHOA_S3_ACCESS_KEY") or None,
            s3_secret_key=e("SOHOA_S3_SECRET_KEY") or None,
            bucket=e("SOHOA_BUCKET"),
            derived_prefix=derived,
            ocr_languages=e("SOHOA_OCR_LANGUAGES"),
            ocr_dpi=int(e("SOHOA_OCR_DPI")),
            ocr_timeout=int(e("SOHOA_OCR_TIMEOUT")),
            ocr_model=e("SOHOA_OCR_MODEL"),
            ocr_model_dir=e("SOHOA_OCR_MODEL_DIR"),
            ocr_steps=tuple(x.strip() for x in e("SOHOA_OCR_STEPS").split(",") if x.strip() not in ("", "none")),
            ocr_binarize=e("SOHOA_OCR_BINARIZE"),
            ocr_denoise=e("SOHOA_OCR_DENOISE"),
            ocr_osd_confidence=float(e("SOHOA_OCR_OSD_CONFIDENCE")),
            ocr_min_confidence=float(e("SOHOA_OCR_MIN_CONFIDENCE")),
            ocr_force=e("SOHOA_OCR_FORCE").strip().lower() in ("1", "true", "yes", "on"),
            max_object_bytes=int(e("SOHOA_MAX_OBJECT_BYTES")),
            max_pages=int(e("SOHOA_MAX_PAGES")),
            max_pixels=int(e("SOHOA_MAX_PIXELS")),
            inline_pages=int(e("SOHOA_INLINE_PAGES")),
            worker_processes=int(e("SOHOA_WORKER_PROCESSES")),
            worker_threads=int(e("SOHOA_WORKER_THREADS")),
            max_retries=int(e("SOHOA_MAX_RETRIES")),
            watch_interval=float(e("SOHOA_WATCH_INTERVAL")),
            stall_seconds=float(e("SOHOA_STALL_SECONDS")),
            api_host=e("SOHOA_API_HOST"),
            api_port=int(e("SOHOA_API_PORT")),
            log_level=e("SOHOA_LOG_LEVEL").upper(),
            log_format=e("SOHOA_LOG_FORMAT"),
            session_secret=e("SOHOA_SESSION_SECRET"),
            api_secret_file=e("SOHOA_API_SECRET_FILE"),
            session_ttl=int(e("SOHOA_SESSION_TTL")),
            cookie_secure=e("SOHOA_COOKIE_SECURE").strip().lower() in ("1", "true", "yes", "on"),
        )

    def index(self, name: str) -> str:
        """Full name of one of sohoa's indices, e.g. ``index('pages')``."""
        return f"{self.index_prefix}-{name}"


def mask_url(url: str) -> str:
    """Hide the password in scheme://user:password@host URLs."""
    if "@" not in url or "://" not in url:
        return url
    scheme, rest = url.split("://", 1)
    creds, host = rest.rsplit("@", 1)
    user = creds.split(":", 1)[0]
    return f"{scheme}://{user}:****@{host}"


def describe(environ: dict[str, str] | None = None) -> list[tuple[str, str, str, str]]:
    """(variable, effective value with secrets masked, source, help) for each setting."""
    environ = os.environ if environ is None else environ
    rows = []
    for s in SETTINGS:
        value = environ.get(s.env, s.default)
        source = "env" if s.env in environ else "default"
        if s.secret and value:
            value = mask_url(value) if "://" in value else "****"
        rows.append((s.env, value, source, s.help))
    return rows


def repo_root() -> Path:
    return Path(__file__).resolve().parent.parent


def env_names() -> set[str]:
    return {s.env for s in SETTINGS}


__all__ = ["Config", "SETTINGS", "Setting", "describe", "env_names", "mask_url", "repo_root"]
