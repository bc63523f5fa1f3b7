"""Configuration from environment variables.

Every setting sohoa reads is declared once in ``SETTINGS`` with its default and
meaning; ``sohoa config`` prints this table with the effective values, secrets
masked. Nothing else in the code reads ``os.environ`` for sohoa settings, so the
table is the whole truth (a test checks docker-compose.yml against it).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

# A check reads a setting's raw value and returns what is wrong with it, or None.
Check = Callable[[str], "str | None"]


class ConfigError(ValueError):
    """One or more settings are invalid; ``problems`` has one line per setting."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("invalid settings:\n  " + "\n  ".join(problems))


def one_of(*choices: str) -> Check:
    return lambda v: None if v.strip().lower() in choices else f"expected one of {', '.join(choices)}"


def list_of(*choices: str, none: str | None = None) -> Check:
    """Comma-separated names from ``choices`` (or the single word ``none``)."""
    def check(value: str) -> str | None:
        names = [x.strip() for x in value.split(",") if x.strip()]
        if none and names == [none]:
            return None
        unknown = [n for n in names if n not in choices]
        if unknown:
            return f"unknown {', '.join(unknown)}; expected names from {', '.join(choices)}"
        return None
    return check


def step_list(*names: str, none: str | None = None) -> Check:
    """Comma-separated steps from ``names``, each with options after colons (``binarize:method=otsu``).

    Only the names are checked here; each step's options are validated by the
    package that runs the steps (``ocr/steps.py``) when a worker or command starts."""
    names_only = list_of(*names, none=none)
    return lambda value: names_only(",".join(part.split(":", 1)[0] for part in value.split(",")))


def integer(low: int | None = None, high: int | None = None) -> Check:
    return _number(int, "a whole number", low, high)


def number(low: float | None = None, high: float | None = None) -> Check:
    return _number(float, "a number", low, high)


def _number(kind: type[float] | type[int], what: str, low: float | None, high: float | None) -> Check:
    def check(value: str) -> str | None:
        try:
            n = kind(value.strip())
        except ValueError:
            return f"expected {what}"
        if n != n or (low is not None and n < low) or (high is not None and n > high):
            bounds = [f">= {low}" if low is not None else "", f"<= {high}" if high is not None else ""]
            return f"expected {what} {' and '.join(b for b in bounds if b)}"
        return None
    return check


TRUE_WORDS = ("1", "true", "yes", "on")
FALSE_WORDS = ("0", "false", "no", "off")
boolean: Check = one_of(*TRUE_WORDS, *FALSE_WORDS)


def url(*schemes: str, empty: bool = False) -> Check:
    def check(value: str) -> str | None:
        if not value and empty:
            return None
        try:
            parts = urlsplit(value)
            parts.port  # noqa: B018 - raises on a port that is not a number
        except ValueError:
            return "expected a URL"
        if parts.scheme not in schemes or not parts.hostname:
            return f"expected a {' or '.join(s + '://' for s in schemes)}host URL" + (" (or empty)" if empty else "")
        return None
    return check


def tesseract_languages(value: str) -> str | None:
    if re.fullmatch(r"[a-z_]+(\+[a-z_]+)*", value.strip()):
        return None
    return "expected Tesseract language codes joined by '+', e.g. vie or vie+eng"


def ocr_model(value: str) -> str | None:
    if value in ("fast", "best") or Path(value).is_dir():
        return None
    return "expected fast, best or an existing tessdata directory"


def non_empty(value: str) -> str | None:
    return None if value.strip() else "must not be empty"


def index_prefix(value: str) -> str | None:
    # Elasticsearch index names: lower case, none of \\/*?"<>|,# or spaces, not starting with -_+.
    if re.fullmatch(r"[a-z0-9][a-z0-9._-]*", value):
        return None
    return "expected lower-case letters, digits, '.', '_' or '-' (an Elasticsearch index name prefix)"


def bucket_name(value: str) -> str | None:
    if re.fullmatch(r"[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]", value):
        return None
    return "expected an S3 bucket name: 3-63 lower-case letters, digits, '.' or '-'"


def events_source(value: str) -> str | None:
    if not value or value.startswith("sqs:") and len(value) > 4:
        return None
    if value.startswith(("http://", "https://")):
        return url("http", "https")(value)
    if value.startswith(("redis://", "rediss://")):
        problem = url("redis", "rediss")(value)
        return problem or (None if "key=" in urlsplit(value).query else "a redis:// source needs ?key=LIST")
    return "expected sqs:NAME, an SQS queue URL or redis://HOST:PORT/DB?key=LIST"


# The names ocr/pipeline.py knows (a test keeps both lists equal).
OCR_STEPS = ("stamps", "border", "background", "orient", "deskew", "smooth", "scale", "denoise", "lines", "binarize", "leaders")
BINARIZE_METHODS = ("none", "otsu", "adaptive", "sauvola")
DENOISE_METHODS = ("despeckle", "median")
LOG_LEVELS = ("debug", "info", "warning", "error", "critical")


def folder(value: str) -> str | None:
    """An existing directory, or empty for none."""
    return None if not value.strip() or Path(value).is_dir() else "expected an existing directory (or empty)"


def review_rule(value: str) -> str | None:
    """Field kinds or field keys, comma-separated (``name,date,personal_id``; dotted keys allowed)."""
    bad = [x for x in (v.strip() for v in value.split(",")) if x and not re.fullmatch(r"[a-z_][a-z0-9_.\[\]]*", x)]
    return f"not field kinds or keys: {', '.join(bad)}" if bad else None


@dataclass(frozen=True)
class Setting:
    env: str
    default: str
    help: str
    secret: bool = False
    check: Check | None = None


SETTINGS: tuple[Setting, ...] = (
    Setting("SOHOA_ES_URL", "http://127.0.0.1:9200", "Elasticsearch URL (credentials may be embedded)", secret=True,
            check=url("http", "https")),
    Setting("SOHOA_INDEX_PREFIX", "sohoa", "prefix of every index name (sohoa-pages, sohoa-jobs, ...)",
            check=index_prefix),
    Setting("SOHOA_BROKER_URL", "redis://127.0.0.1:6379/0", "dramatiq broker: redis://... or amqp://...", secret=True,
            check=url("redis", "rediss", "amqp", "amqps")),
    Setting("SOHOA_S3_ENDPOINT", "http://127.0.0.1:9000", "S3 endpoint URL; empty for AWS itself",
            check=url("http", "https", empty=True)),
    Setting("SOHOA_S3_REGION", "us-east-1", "S3 region", check=non_empty),
    Setting("SOHOA_S3_ACCESS_KEY", "sohoa", "S3 access key; empty to use boto3's default credential chain", secret=True),
    Setting("SOHOA_S3_SECRET_KEY", "sohoa-secret", "S3 secret key", secret=True),
    Setting("SOHOA_BUCKET", "sohoa-inbox", "bucket the clerks drop scans into", check=bucket_name),
    Setting("SOHOA_DERIVED_BUCKET", "", "bucket the workers write page images and OCR results to; empty: "
            "'<SOHOA_BUCKET>-derived' (kept out of the inbox, so no listing or bucket event ever sees them)",
            check=lambda v: None if not v else bucket_name(v)),
    Setting("SOHOA_DERIVED_PREFIX", "", "key prefix of page images and OCR results in the derived bucket (required "
            "when it is the inbox itself, e.g. '_sohoa/' as older deployments had it)"),
    Setting("SOHOA_COLLECTIONS", "", "comma-separated collection prefixes the reconciliation lists (e.g. "
            "hotich,nguoicocong,baotang); empty: every top-level prefix of the inbox except the derived one"),
    Setting("SOHOA_EVENTS_SOURCE", "", "where bucket events arrive: sqs:NAME (or an SQS queue URL) for S3 / moto / "
            "EventBridge, redis://HOST:PORT/DB?key=LIST for MinIO's Redis target (access format); empty: "
            "sqs:<SOHOA_INDEX_PREFIX>-events", check=events_source),
    Setting("SOHOA_SQS_ENDPOINT", "", "SQS endpoint URL; empty: SOHOA_S3_ENDPOINT (moto serves both), or AWS "
            "itself when that is empty too", check=url("http", "https", empty=True)),
    Setting("SOHOA_EVENTS_VISIBILITY", "60", "seconds an event taken by 'sohoa events' stays hidden from other "
            "consumers; one not acknowledged by then (consumer killed) is delivered again", check=integer(1, 43200)),
    Setting("SOHOA_OCR_LANGUAGES", "vie", "Tesseract languages, '+'-joined (e.g. vie+eng)", check=tesseract_languages),
    Setting("SOHOA_OCR_DPI", "300", "resolution PDF pages are rasterized at", check=integer(50, 1200)),
    Setting("SOHOA_OCR_TIMEOUT", "180", "seconds one page may spend in Tesseract before it fails", check=integer(1)),
    Setting("SOHOA_OCR_MODEL", "fast", "Vietnamese model: fast (Debian's), best (tessdata_best int, fetched by "
            "scripts/fetch_models) or a tessdata directory", check=ocr_model),
    Setting("SOHOA_OCR_MODEL_DIR", "", "where the 'best' model is cached; empty for .stack/tessdata"),
    Setting("SOHOA_OCR_STEPS", "stamps,border,background,orient,deskew,smooth,scale,denoise,lines,leaders",
            "preprocessing steps, comma-separated, each with options after colons (binarize:method=sauvola:k=0.3; "
            "also: binarize; 'none' for bare Tesseract; docs/ocr.md)",
            check=step_list(*OCR_STEPS, none="none")),
    Setting("SOHOA_OCR_BINARIZE", "none", "binarization when the binarize step is on: none, otsu, adaptive, sauvola",
            check=one_of(*BINARIZE_METHODS)),
    Setting("SOHOA_OCR_DENOISE", "despeckle", "denoise method when the denoise step is on: despeckle or median",
            check=one_of(*DENOISE_METHODS)),
    Setting("SOHOA_OCR_OSD_CONFIDENCE", "2", "Tesseract OSD confidence needed before a page is turned",
            check=number(0)),
    Setting("SOHOA_OCR_MIN_CONFIDENCE", "0.6", "mean word confidence under which a page is flagged low_confidence",
            check=number(0, 1)),
    Setting("SOHOA_OCR_ENGINE", "tesseract", "what reads a page: tesseract (OCR), or textlayer (a born-digital PDF's "
            "own text only; no OCR, pages without text come out empty and flagged)",
            check=one_of("tesseract", "textlayer")),
    Setting("SOHOA_OCR_RECOVER", "true", "read ink no recognised word covers once more, as single lines: short lone "
            "values (a sex, a year) full-page OCR drops (ocr/recover.py)", check=boolean),
    Setting("SOHOA_OCR_FORCE", "false", "OCR PDF pages even when they already have a text layer", check=boolean),
    Setting("SOHOA_MAX_OBJECT_BYTES", str(2 * 1024**3), "largest object accepted from the bucket", check=integer(1)),
    Setting("SOHOA_MAX_PAGES", "2000", "most pages accepted in one document", check=integer(1)),
    Setting("SOHOA_MAX_PIXELS", str(20000 * 20000), "most pixels accepted in one page image", check=integer(1)),
    Setting("SOHOA_INLINE_PAGES", "3", "documents of at most this many pages are OCR'd and indexed whole by the "
            "worker that prepares them (no queue hops); larger ones are spread over all workers page by page",
            check=integer(0)),
    Setting("SOHOA_RANGE_PAGES", "8", "a larger document's pages go to the workers in ranges of at most this many "
            "(shorter towards its end), each rasterized and read by the worker that takes it", check=integer(1)),
    Setting("SOHOA_WORKER_PROCESSES", "2", "worker processes started by 'sohoa worker'", check=integer(1)),
    Setting("SOHOA_WORKER_THREADS", "1", "threads per worker process (OCR is CPU-bound: keep 1)", check=integer(1)),
    Setting("SOHOA_MAX_RETRIES", "3", "retries of a failing stage before it is recorded as failed", check=integer(0)),
    Setting("SOHOA_WATCH_INTERVAL", "30", "seconds between checks for stalled work in 'sohoa watch'", check=number(0.1)),
    Setting("SOHOA_RECONCILE_INTERVAL", "3600", "seconds between reconciliations in 'sohoa watch' (a full listing "
            "of the collection prefixes that catches whatever a bucket event missed)", check=number(1)),
    Setting("SOHOA_STALL_SECONDS", "120", "unfinished work unchanged this long while every queue is idle is "
            "sent again by 'sohoa watch'", check=number(1)),
    Setting("SOHOA_API_HOST", "127.0.0.1", "address the HTTP service binds to", check=non_empty),
    Setting("SOHOA_API_PORT", "8000", "port of the HTTP service", check=integer(1, 65535)),
    Setting("SOHOA_SESSION_SECRET", "", "key that signs web session cookies; empty: read SOHOA_API_SECRET_FILE, "
            "else a random key per process (sessions end on restart)", secret=True),
    Setting("SOHOA_API_SECRET_FILE", "", "file holding the session-signing key (must not be readable by group or "
            "others)"),
    Setting("SOHOA_SESSION_TTL", "28800", "seconds a web login lasts", check=integer(60)),
    Setting("SOHOA_AUTH_FREE_FAILURES", "5", "failed sign-ins a source address may make before it must wait "
            "(1 s, then doubling up to 5 min)", check=integer(1)),
    Setting("SOHOA_COOKIE_SECURE", "true", "send the session cookie over HTTPS only (false only for plain-HTTP "
            "development on loopback)", check=boolean),
    Setting("SOHOA_REVIEW_TWO_PERSON", "name,date", "fields a second reviewer must confirm once one reviewer changed "
            "them: field kinds (name, date, id, ...) or field keys (personal_id), comma-separated; empty for none",
            check=review_rule),
    Setting("SOHOA_REVIEW_LEASE_SECONDS", "600", "how long a reviewer holds a record before another may take it",
            check=integer(10)),
    Setting("SOHOA_RECORD_TYPES_DIR", "", "a folder of record type files (*.json, docs/extraction.md) read beside "
            "the bundled schemas/types: a type of a new name is added, one of a bundled name replaces it",
            check=folder),
    Setting("SOHOA_LOG_LEVEL", "INFO", "log level", check=one_of(*LOG_LEVELS)),
    Setting("SOHOA_LOG_FORMAT", "text", "log format: text or json", check=one_of("text", "json")),
)


_DEFAULTS = {s.env: s.default for s in SETTINGS}


def _env(name: str, environ: Mapping[str, str] | None = None) -> str:
    env: Mapping[str, str] = os.environ if environ is None else environ
    return env.get(name, _DEFAULTS[name])


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
    ocr_engine: str
    ocr_recover: bool
    max_object_bytes: int
    max_pages: int
    max_pixels: int
    inline_pages: int
    range_pages: int
    worker_processes: int
    worker_threads: int
    max_retries: int
    watch_interval: float
    stall_seconds: float
    api_host: str
    api_port: int
    log_level: str
    log_format: str
    derived_bucket: str = ""
    collections: tuple[str, ...] = ()
    events_source: str = ""
    sqs_endpoint: str | None = None
    events_visibility: int = 60
    reconcile_interval: float = 3600.0
    session_secret: str = ""
    api_secret_file: str = ""
    session_ttl: int = 28800
    auth_free_failures: int = 5
    cookie_secure: bool = True
    review_two_person: tuple[str, ...] = ("name", "date")
    review_lease_seconds: int = 600
    record_types_dir: str = ""

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> "Config":
        """The settings in ``environ`` (the process's by default); ``ConfigError``
        naming every invalid setting, so a process refuses to start rather than
        failing on each message it handles."""
        problems = validate(environ)
        if problems:
            raise ConfigError(problems)
        def e(name: str) -> str:
            return _env(name, environ)

        derived = e("SOHOA_DERIVED_PREFIX")
        if derived and not derived.endswith("/"):
            derived += "/"
        bucket = e("SOHOA_BUCKET")
        derived_bucket = e("SOHOA_DERIVED_BUCKET") or f"{bucket}-derived"
        if derived_bucket == bucket and not derived:
            # Page images written among the scans would be taken for new scans.
            raise ConfigError(["SOHOA_DERIVED_BUCKET is the inbox itself: set SOHOA_DERIVED_PREFIX (e.g. _sohoa/) too"])
        index_prefix = e("SOHOA_INDEX_PREFIX")
        s3_endpoint = e("SOHOA_S3_ENDPOINT") or None
        return cls(
            es_url=e("SOHOA_ES_URL"),
            index_prefix=index_prefix,
            broker_url=e("SOHOA_BROKER_URL"),
            s3_endpoint=s3_endpoint,
            s3_region=e("SOHOA_S3_REGION"),
            s3_access_key=e("SOHOA_S3_ACCESS_KEY") or None,
            s3_secret_key=e("SOHOA_S3_SECRET_KEY") or None,
            bucket=bucket,
            derived_prefix=derived,
            derived_bucket=derived_bucket,
            collections=tuple(c.strip().strip("/") + "/" for c in e("SOHOA_COLLECTIONS").split(",") if c.strip()),
            events_source=e("SOHOA_EVENTS_SOURCE") or f"sqs:{index_prefix}-events",
            sqs_endpoint=e("SOHOA_SQS_ENDPOINT") or s3_endpoint,
            events_visibility=int(e("SOHOA_EVENTS_VISIBILITY")),
            reconcile_interval=float(e("SOHOA_RECONCILE_INTERVAL")),
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
            ocr_force=e("SOHOA_OCR_FORCE").strip().lower() in TRUE_WORDS,
            ocr_engine=e("SOHOA_OCR_ENGINE").strip().lower(),
            ocr_recover=e("SOHOA_OCR_RECOVER").strip().lower() in TRUE_WORDS,
            max_object_bytes=int(e("SOHOA_MAX_OBJECT_BYTES")),
            max_pages=int(e("SOHOA_MAX_PAGES")),
            max_pixels=int(e("SOHOA_MAX_PIXELS")),
            inline_pages=int(e("SOHOA_INLINE_PAGES")),
            range_pages=int(e("SOHOA_RANGE_PAGES")),
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
            auth_free_failures=int(e("SOHOA_AUTH_FREE_FAILURES")),
            cookie_secure=e("SOHOA_COOKIE_SECURE").strip().lower() in TRUE_WORDS,
            review_two_person=tuple(x.strip() for x in e("SOHOA_REVIEW_TWO_PERSON").split(",") if x.strip()),
            review_lease_seconds=int(e("SOHOA_REVIEW_LEASE_SECONDS")),
            record_types_dir=e("SOHOA_RECORD_TYPES_DIR").strip(),
        )

    def index(self, name: str) -> str:
        """Full name of one of sohoa's indices, e.g. ``index('pages')``."""
        return f"{self.index_prefix}-{name}"


def setting(name: str, environ: Mapping[str, str] | None = None) -> str:
    """One setting's raw value, for code that reads a setting where no ``Config`` is passed (the record types,
    read by the extractor, the indexer and the API alike)."""
    return _env(name, environ)


def validate(environ: Mapping[str, str] | None = None) -> list[str]:
    """One line per invalid setting: its name, the value (unless secret) and what was expected."""
    env: Mapping[str, str] = os.environ if environ is None else environ
    problems = []
    for s in SETTINGS:
        value = env.get(s.env, s.default)
        wrong = s.check(value) if s.check else None
        if wrong:
            if s.secret:
                shown = repr(mask_url(value)) if "://" in value else "(value hidden)"
            else:
                shown = repr(value)
            problems.append(f"{s.env}={shown}: {wrong}")
    return problems


def mask_url(url: str) -> str:
    """Hide the password in scheme://user:password@host URLs."""
    if "@" not in url or "://" not in url:
        return url
    scheme, rest = url.split("://", 1)
    creds, host = rest.rsplit("@", 1)
    user = creds.split(":", 1)[0]
    return f"{scheme}://{user}:****@{host}"


def describe(environ: Mapping[str, str] | None = None) -> list[tuple[str, str, str, str]]:
    """(variable, effective value with secrets masked, source, help) for each setting."""
    env: Mapping[str, str] = os.environ if environ is None else environ
    rows = []
    for s in SETTINGS:
        value = env.get(s.env, s.default)
        source = "env" if s.env in env else "default"
        if s.secret and value:
            value = mask_url(value) if "://" in value else "****"
        rows.append((s.env, value, source, s.help))
    return rows


def repo_root() -> Path:
    return Path(__file__).resolve().parent.parent


def env_names() -> set[str]:
    return {s.env for s in SETTINGS}


__all__ = ["Config", "ConfigError", "SETTINGS", "Setting", "describe", "env_names", "mask_url", "repo_root", "validate"]
