"""Who may call the HTTP service, what each role may do, and what a role may not read.

- **Tokens**: ``sohoa_<id>_<secret>``. The token store (``{prefix}-tokens``)
  keeps, per ``<id>``, the holder's name, role, collections, times, and a salted
  scrypt hash of ``<secret>``; the token itself is printed once, when created.
  Every request reads the token's document again (a real-time GET), so a
  revoked or expired token stops working on the next request.
- **Sessions**: the web pages log in by posting a token to ``/login``; the
  answer is an HTTP-only, SameSite=Lax cookie holding the token's ``<id>``, an
  expiry and a nonce, signed with HMAC-SHA256 under the session key
  (``SOHOA_SESSION_SECRET`` or ``SOHOA_API_SECRET_FILE``). It never holds the
  secret, and the token's document is checked on every request as for bearer
  calls. A state-changing form sent with the cookie must carry the session's
  CSRF value (``csrf`` field), derived from the nonce under the same key.
- **Roles**: ``ROLES`` maps each role to its permissions; ``ROUTE_PERMISSIONS``
  maps each route to the permission it needs. A route missing from that table
  is refused to everyone, so a new route is closed until someone decides.
- **Masking**: roles without ``full_fields`` see personal ID numbers as their
  last three digits and dates of birth as their year, everywhere a record or a
  piece of its text leaves the service (``mask_record``, ``mask_text``).
"""

from __future__ import annotations

import base64
import contextvars
import dataclasses
import hashlib
import hmac
import html
import logging
import re
import secrets
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, FastAPI, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool

from schemas.loader import load_schemas
from sohoa.config import Config
from sohoa.masking import mask_date, mask_id, mask_text  # noqa: F401 - the masking rules, re-exported

from . import audit_log, i18n
from .throttle import THROTTLE

log = logging.getLogger(__name__)
HERE = Path(__file__).resolve().parent
templates = i18n.install_templates(Jinja2Templates(directory=str(HERE / "templates")))

# --- roles (data in api/roles.py, re-exported here) ------------------------------------------

from .roles import (  # noqa: E402,F401
    ARBITRATE, AUDIT, FULL_FIELDS, OPERATE, REVIEW, ROLES, SEARCH, SUBMIT, TOKENS,
)

PUBLIC = "public"            # no credential at all
ANY = "authenticated"        # any valid credential, whatever the role

ROUTE_PERMISSIONS: dict[str, str] = {
    "/healthz": PUBLIC,
    "/login": PUBLIC,
    "/logout": ANY,
    "/openapi.json": ANY,
    "/docs": ANY,
    "/records/search": SEARCH,
    "/records/export": SEARCH,
    "/records/{record_id}": SEARCH,
    "/records/{record_id}/pages/{page}/image": SEARCH,
    "/pages/search": SEARCH,
    "/search": SEARCH,
    "/search/records/{record_id}": SEARCH,
    "/static/search/{name}": ANY,
    "/console": OPERATE,
    "/console/static/{name}": OPERATE,
    "/console/status.json": OPERATE,
    "/console/failures.json": OPERATE,
    "/console/retry": OPERATE,
    "/console/documents/{doc_hash}": OPERATE,
    "/metrics": OPERATE,
    "/review": REVIEW,
    "/review/static/{name}": REVIEW,
    "/review/queue": REVIEW,
    "/review/next": REVIEW,
    "/review/records/{record_id}": REVIEW,
    "/review/records/{record_id}/decisions": REVIEW,
    "/review/records/{record_id}/release": REVIEW,
    "/review/records/{record_id}/history": REVIEW,
    "/review/records/{record_id}/split": REVIEW,
    "/review/records/{record_id}/merge-next": REVIEW,
    "/review/arbitration": ARBITRATE,
    "/review/records/{record_id}/arbitrate": ARBITRATE,
    "/review/backlog": OPERATE,
    "/audit": AUDIT,
    "/audit/entries": AUDIT,
}


def role_allows(role: str, permission: str) -> bool:
    if permission == PUBLIC:
        return True
    if role not in ROLES:
        return False
    return permission == ANY or permission in ROLES[role]


# --- tokens -----------------------------------------------------------------------------------

TOKEN_PREFIX = "sohoa"
SCRYPT = {"n": 2**14, "r": 8, "p": 1}


class TokenError(ValueError):
    pass


def hash_secret(secret: str, salt: bytes, n: int = SCRYPT["n"], r: int = SCRYPT["r"], p: int = SCRYPT["p"]) -> str:
    digest = hashlib.scrypt(secret.encode(), salt=salt, n=n, r=r, p=p, dklen=32)
    return f"scrypt${n}${r}${p}${digest.hex()}"


def hash_token_secret(secret: str, salt: bytes) -> str:
    """The stored form of a token's secret. The secret is 256 random bits, so a slow hash adds nothing against
    guessing it and would let anyone who knows a token ID make the server burn CPU on every request; one
    salted SHA-256 takes microseconds, the same for every caller."""
    return "sha256$" + hashlib.sha256(salt + secret.encode()).hexdigest()


def check_secret(secret: str, salt_hex: str, stored: str) -> bool:
    try:
        if stored.startswith("sha256$"):
            return hmac.compare_digest(hash_token_secret(secret, bytes.fromhex(salt_hex)), stored)
        kind, n, r, p, _ = stored.split("$")
        if kind != "scrypt":  # tokens made before sohoa used salted SHA-256
            return False
        return hmac.compare_digest(hash_secret(secret, bytes.fromhex(salt_hex), int(n), int(r), int(p)), stored)
    except (ValueError, TypeError):
        return False


def new_token() -> tuple[str, str, str]:
    """(token_id, secret, token as handed out)."""
    token_id = secrets.token_hex(8)
    secret = secrets.token_urlsafe(32)
    return token_id, secret, f"{TOKEN_PREFIX}_{token_id}_{secret}"


def split_token(token: str) -> tuple[str, str]:
    parts = (token or "").strip().split("_", 2)
    if len(parts) != 3 or parts[0] != TOKEN_PREFIX or not re.fullmatch(r"[0-9a-f]{16}", parts[1]) or not parts[2]:
        raise TokenError("not a sohoa token")
    return parts[1], parts[2]


def now() -> datetime:
    return datetime.now(timezone.utc)


def _iso(dt: datetime) -> str:
    return dt.isoformat(timespec="seconds")


def _parse(value: str | None) -> datetime | None:
    if not value:
        return None
    dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)


@lru_cache(maxsize=4)
def _es(es_url: str):
    from sohoa.elastic import make_client
    return make_client(Config.from_env({"SOHOA_ES_URL": es_url}))


def es_for(config: Config):
    return _es(config.es_url)


def tokens_index(es, config: Config) -> str:
    from indexers.client import ensure_index
    return ensure_index(es, config, "tokens")


def create_token(es, config: Config, name: str, role: str, collections: list[str] | tuple[str, ...] = (),
                 expires_days: float | None = None, created_by: str = "") -> tuple[str, dict]:
    """Store a new token; return (token, its stored document without the hash)."""
    if role not in ROLES:
        raise TokenError(f"unknown role {role!r}; one of {', '.join(ROLES)}")
    if not name or len(name) > 100:
        raise TokenError("a token needs a name (who holds it), at most 100 characters")
    token_id, secret, token = new_token()
    salt = secrets.token_bytes(16)
    t = now()
    doc = {"token_id": token_id, "name": name, "role": role, "collections": sorted({c.strip("/") for c in collections
                                                                                     if c.strip("/")}),
           "salt": salt.hex(), "hash": hash_token_secret(secret, salt), "created_at": _iso(t), "created_by": created_by,
           "last_used_at": None, "expires_at": _iso(t + timedelta(days=expires_days)) if expires_days else None,
           "revoked_at": None, "revoked_by": None}
    es.index(index=tokens_index(es, config), id=token_id, document=doc, op_type="create", refresh="wait_for")
    return token, public_token(doc)


def public_token(doc: dict) -> dict:
    return {k: v for k, v in doc.items() if k not in ("salt", "hash")}


def list_tokens(es, config: Config, include_revoked: bool = False) -> list[dict]:
    index = tokens_index(es, config)
    es.indices.refresh(index=index)
    resp = es.search(index=index, size=1000, sort=[{"created_at": "asc"}], query={"match_all": {}})
    docs = [public_token(h["_source"]) for h in resp["hits"]["hits"]]
    return [d for d in docs if include_revoked or not d.get("revoked_at")]


def revoke_token(es, config: Config, token_id_or_name: str, revoked_by: str = "") -> list[dict]:
    """Revoke by token ID, or every live token of a holder's name; return what was revoked."""
    from elasticsearch import NotFoundError
    index = tokens_index(es, config)
    targets = []
    try:
        targets = [es.get(index=index, id=token_id_or_name)["_source"]]
    except NotFoundError:
        es.indices.refresh(index=index)
        targets = [h["_source"] for h in es.search(index=index, size=1000, query={"term": {
            "name": token_id_or_name}})["hits"]["hits"]]
    out = []
    for doc in targets:
        if doc.get("revoked_at"):
            continue
        es.update(index=index, id=doc["token_id"], doc={"revoked_at": _iso(now()), "revoked_by": revoked_by},
                  refresh="wait_for")
        out.append(public_token(doc))
    return out


@lru_cache(maxsize=1024)
def _verified(token_digest: str, stored_hash: str, salt_hex: str, secret: str) -> bool:
    # Remembers only that this secret matches this stored hash (which never
    # changes); whether the token is still valid is read afresh every time.
    return check_secret(secret, salt_hex, stored_hash)


def token_document(es, config: Config, token_id: str) -> dict | None:
    """The token's stored document if it is currently valid (not revoked, not expired)."""
    from elasticsearch import NotFoundError
    try:
        doc = es.get(index=config.index("tokens"), id=token_id)["_source"]
    except NotFoundError:
        return None
    if doc.get("revoked_at") or doc.get("role") not in ROLES:
        return None
    expires = _parse(doc.get("expires_at"))
    if expires is not None and expires <= now():
        return None
    return doc


_DUMMY_SALT = secrets.token_bytes(16)
_DUMMY_HASH = hash_token_secret(secrets.token_urlsafe(32), _DUMMY_SALT)


def verify_token(es, config: Config, token: str) -> dict | None:
    """The token's document when ``token`` is valid. An unknown, revoked or expired ID costs the same work as a
    wrong secret (one real-time GET, one salted hash compared in constant time), so timing does not tell
    whether an ID exists."""
    try:
        token_id, secret = split_token(token)
    except TokenError:
        return None
    doc = token_document(es, config, token_id)
    if doc is None:
        check_secret(secret, _DUMMY_SALT.hex(), _DUMMY_HASH)
        return None
    stored = doc.get("hash") or ""
    if stored.startswith("sha256$"):
        return doc if check_secret(secret, doc.get("salt") or "", stored) else None
    digest = hashlib.sha256(token.encode()).hexdigest()
    if not _verified(digest, stored, doc.get("salt") or "", secret):
        return None
    # A token hashed with scrypt (before sohoa used salted SHA-256) is rehashed on its first good use, so a
    # wrong secret for its ID stops costing a slow hash.
    try:
        es.update(index=config.index("tokens"), id=token_id,
                  doc={"hash": hash_token_secret(secret, bytes.fromhex(doc.get("salt") or ""))})
    except Exception:  # noqa: BLE001 - the next good use tries again
        log.warning("could not rehash token %s", token_id)
    return doc


LAST_USED_EVERY = 60.0


def touch(es, config: Config, doc: dict) -> None:
    """Record when a token was last used, at most once a minute per token."""
    last = _parse(doc.get("last_used_at"))
    t = now()
    if last is not None and (t - last).total_seconds() < LAST_USED_EVERY:
        return
    try:
        es.update(index=config.index("tokens"), id=doc["token_id"], doc={"last_used_at": _iso(t)})
    except Exception:  # noqa: BLE001 - bookkeeping must not fail the request
        log.warning("could not record the use of token %s", doc.get("token_id"))


# --- the session key and cookies --------------------------------------------------------------

class SecretFileError(RuntimeError):
    pass


_random_key = secrets.token_bytes(32)
_warned = threading.Event()


def session_key(config: Config) -> bytes:
    if config.session_secret:
        key = config.session_secret.encode()
    elif config.api_secret_file:
        path = Path(config.api_secret_file)
        try:
            mode = path.stat().st_mode
        except OSError as exc:
            raise SecretFileError(f"SOHOA_API_SECRET_FILE cannot be read ({exc.strerror})") from None
        if mode & 0o077:
            raise SecretFileError(f"SOHOA_API_SECRET_FILE {path} is readable or writable by group or others; "
                                  f"chmod 600 it")
        key = path.read_bytes().strip()
    else:
        if not _warned.is_set():
            _warned.set()
            log.warning("no SOHOA_SESSION_SECRET or SOHOA_API_SECRET_FILE: web logins last until this process ends")
        return _random_key
    if len(key) < 16:
        raise SecretFileError("the session key must be at least 16 bytes")
    return key


COOKIE = "sohoa_session"


def _sign(key: bytes, text: str) -> str:
    return base64.urlsafe_b64encode(hmac.new(key, text.encode(), hashlib.sha256).digest()).decode().rstrip("=")


def make_session(key: bytes, token_id: str, ttl: int, token_expires: datetime | None = None) -> tuple[str, int]:
    """(cookie value, max-age seconds)."""
    exp = int(time.time()) + ttl
    if token_expires is not None:
        exp = min(exp, int(token_expires.timestamp()))
    body = f"{token_id}.{exp}.{secrets.token_urlsafe(12)}"
    return f"{body}.{_sign(key, body)}", max(0, exp - int(time.time()))


def read_session(key: bytes, value: str | None) -> tuple[str, str] | None:
    """(token_id, nonce) of a genuine, unexpired session cookie."""
    if not value or len(value) > 200:
        return None
    body, _, sig = value.rpartition(".")
    parts = body.split(".")
    if len(parts) != 3 or not hmac.compare_digest(_sign(key, body), sig):
        return None
    token_id, exp, nonce = parts
    try:
        if int(exp) <= time.time():
            return None
    except ValueError:
        return None
    return token_id, nonce


def _session_id(nonce: str) -> str:
    return hashlib.sha256(("session." + nonce).encode()).hexdigest()


_sessions_ready: set[str] = set()


def sessions_index(es, config: Config) -> str:
    alias = config.index("sessions")
    if alias not in _sessions_ready:  # once per process: creating or updating an index is not per login
        from indexers.client import ensure_index
        ensure_index(es, config, "sessions")
        _sessions_ready.add(alias)
    return alias


SESSION_SWEEP_EVERY = 3600.0
_last_sweep = [0.0]


def sweep_sessions(es, config: Config) -> None:
    """Forget sessions that have expired (at most once an hour per process, in the background of the cluster)."""
    if time.monotonic() - _last_sweep[0] < SESSION_SWEEP_EVERY:
        return
    _last_sweep[0] = time.monotonic()
    try:
        es.delete_by_query(index=config.index("sessions"), query={"range": {"expires_at": {"lt": "now"}}},
                           conflicts="proceed", wait_for_completion=False)
    except Exception as exc:  # noqa: BLE001 - bookkeeping; expired sessions are refused anyway
        log.info("could not sweep expired sessions: %s", type(exc).__name__)


def start_session(es, config: Config, token_id: str, nonce: str, max_age: int) -> None:
    """Keep the session on the server too: a cookie is honoured only while its session is there and not ended."""
    t = now()
    # No refresh: sessions are only ever read by ID, with real-time GETs.
    es.index(index=sessions_index(es, config), id=_session_id(nonce),
             document={"token_id": token_id, "created_at": _iso(t), "expires_at": _iso(t + timedelta(seconds=max_age)),
                       "ended_at": None})
    sweep_sessions(es, config)


def session_live(es, config: Config, token_id: str, nonce: str) -> bool:
    from elasticsearch import NotFoundError
    try:
        doc = es.get(index=config.index("sessions"), id=_session_id(nonce))["_source"]
    except NotFoundError:
        return False
    return doc.get("token_id") == token_id and not doc.get("ended_at")


def end_session(es, config: Config, nonce: str) -> None:
    """Logout: the session ends on the server, whatever the browser does with its cookie."""
    es.update(index=config.index("sessions"), id=_session_id(nonce), doc={"ended_at": _iso(now())})


def csrf_value(key: bytes, nonce: str) -> str:
    return _sign(key, "csrf." + nonce)


# --- masking ----------------------------------------------------------------------------------

def masked_leaves() -> Mapping[str, str]:
    """Last key parts whose values a role without ``full_fields`` sees masked, and how: ``date`` (a date of
    birth, to its year) or ``id`` (an ID number, to its last three digits). Read from the record types' field
    roles (``schemas/roles.py``), so a new type's birth date field is masked without naming it here."""
    return load_schemas().roles.masked_leaves


def masked_fields() -> tuple[str, ...]:
    return tuple(masked_leaves())


@lru_cache(maxsize=4096)
def _leaf(key: str) -> str:
    # Called for every key of every value masked: the keys of records are few and repeat.
    return re.sub(r"\[\d+\]", "", str(key)).rsplit(".", 1)[-1]


def _mask_value(kind: str, value: Any) -> Any:
    if value is None or value == "":
        return value
    if isinstance(value, (int, float)):
        value = str(value)
    if not isinstance(value, str):
        return value
    return mask_id(value) if kind == "id" else mask_date(value)


_PARTS_KEPT = ("confidence", "page", "bbox", "image_box", "review", "verified", "added")


def _collect(obj: Any, out: set[str], kinds: Mapping[str, str], kind: str | None = None) -> None:
    if isinstance(obj, dict):
        for k, v in obj.items():
            leaf = _leaf(k)
            if leaf in kinds:
                _collect(v, out, kinds, kinds[leaf])
            elif k == "ids":
                _collect(v, out, kinds, "id")
            elif not (kind and k in _PARTS_KEPT):
                _collect(v, out, kinds, kind)
    elif isinstance(obj, list):
        for v in obj:
            _collect(v, out, kinds, kind)
    elif kind and isinstance(obj, (str, int)) and not isinstance(obj, bool):
        s = str(obj).strip()
        if s and _mask_value(kind, s) != s:
            out.add(s)


def sensitive_values(record: dict, kinds: Mapping[str, str] | None = None) -> set[str]:
    """Every value of a record that masking hides (IDs, dates of birth more precise than a year)."""
    out: set[str] = set()
    _collect(record, out, masked_leaves() if kinds is None else kinds)
    return out


def _mask_walk(obj: Any, kinds: Mapping[str, str], kind: str | None = None) -> Any:
    if isinstance(obj, dict):
        out = {}
        for k, v in obj.items():
            leaf = _leaf(k)
            if leaf in kinds:
                out[k] = _mask_walk(v, kinds, kinds[leaf])
            elif k == "ids":
                out[k] = _mask_walk(v, kinds, "id")
            elif kind and k in ("value", "raw"):
                out[k] = _mask_value(kind, v)
            elif kind and k in _PARTS_KEPT:
                out[k] = v
            else:
                out[k] = _mask_walk(v, kinds, kind)
        return out
    if isinstance(obj, list):
        return [_mask_walk(v, kinds, kind) for v in obj]
    if kind:
        return _mask_value(kind, obj)
    return obj


def _plain(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]*>", "", fragment))


def _scrub(obj: Any, values: list[str]) -> Any:
    if isinstance(obj, dict):
        return {k: _scrub(v, values) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_scrub(v, values) for v in obj]
    if isinstance(obj, str):
        for v in values:
            if v in obj:
                obj = obj.replace(v, "*" * len(v))
        return obj
    return obj


def mask_record(body: dict, full_fields: bool) -> dict:
    """A record (summary or detail) as a role without ``full_fields`` may see it."""
    if full_fields:
        return body
    kinds = masked_leaves()
    values = sorted(sensitive_values(body, kinds), key=len, reverse=True)
    out = _mask_walk(body, kinds)
    # "label: value" pairs that named no field: of unknown kind, so their values are masked as free text is
    # (any date finer than a year, any ID-length number), wherever the record lists them.
    for key in ("unmapped",):
        if isinstance(out.get(key), list):
            out[key] = [{**u, "value": mask_text(str(u["value"]))} if isinstance(u, dict) and u.get("value")
                        else u for u in out[key]]
    if "highlights" in out:
        out["highlights"] = [h for h in out["highlights"] or []
                             if _leaf(h.get("field", "")) not in kinds and h.get("field") != "ids"
                             and not any(v in _plain(h.get("html", "")) for v in values)]
    # A value hidden in its own field must not show up anywhere else either, nor any other date of birth or
    # ID number quoted in text (review reasons: "page 2 says …, page 1 says …").
    from .disclosure import disclose
    return disclose(_scrub(out, values) if values else out)


def mask_snippet(snippet: str | None) -> str | None:
    """A highlighted snippet stays as it is unless it holds something to mask; then it becomes masked plain
    (escaped) text without its marks, since marks may split a value."""
    if not snippet:
        return snippet
    plain = _plain(snippet)
    masked = mask_text(plain)
    return snippet if masked == plain else html.escape(masked)


# --- who is calling ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Principal:
    token_id: str
    name: str
    role: str
    collections: tuple[str, ...] = ()
    via: str = "bearer"
    nonce: str = ""

    @property
    def permissions(self) -> frozenset[str]:
        return ROLES.get(self.role, frozenset())

    def can(self, permission: str) -> bool:
        return role_allows(self.role, permission)

    def sees_collection(self, collection: str | None) -> bool:
        return not self.collections or (collection or "") in self.collections


_principal: contextvars.ContextVar[Principal | None] = contextvars.ContextVar("sohoa_principal", default=None)
_request_meta: contextvars.ContextVar[dict | None] = contextvars.ContextVar("sohoa_request", default=None)


def current() -> Principal | None:
    return _principal.get()


def request_meta() -> dict:
    return _request_meta.get() or {}


def full_fields() -> bool:
    p = current()
    return p is not None and p.can(FULL_FIELDS)


class LoginRequired(HTTPException):
    def __init__(self) -> None:
        super().__init__(401, "authentication required: send 'Authorization: Bearer <token>' or log in at /login",
                         headers={"WWW-Authenticate": 'Bearer realm="sohoa"'})


def _principal_from(doc: dict, via: str, nonce: str = "") -> Principal:
    return Principal(token_id=doc["token_id"], name=doc.get("name") or "", role=doc["role"],
                     collections=tuple(doc.get("collections") or ()), via=via, nonce=nonce)


def identify(request: Request, config: Config) -> Principal | None:
    """The caller, from a bearer token or a session cookie; None when neither is valid."""
    es = es_for(config)
    header = request.headers.get("authorization") or ""
    if header:
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer":
            return None
        doc = verify_token(es, config, token)
        if doc is None:
            return None
        touch(es, config, doc)
        return _principal_from(doc, "bearer")
    session = read_session(session_key(config), request.cookies.get(COOKIE))
    if session is None:
        return None
    doc = token_document(es, config, session[0])
    if doc is None or not session_live(es, config, session[0], session[1]):
        return None
    touch(es, config, doc)
    return _principal_from(doc, "cookie", session[1])


class TooManyFailures(HTTPException):
    def __init__(self, seconds: float) -> None:
        wait = max(1, int(seconds + 0.999))
        super().__init__(429, f"too many failed sign-ins from this address; try again in {wait} s",
                         headers={"Retry-After": str(wait)})


def throttled(source: str) -> None:
    """Refuse (429) a source that must still wait after its failed sign-ins (api/throttle.py)."""
    wait = THROTTLE.wait(source)
    if wait > 0:
        raise TooManyFailures(wait)


def all_routes(routes) -> list:
    """Every route of an app (``app.routes``), including those of included routers."""
    out = []
    for r in routes:
        inner = getattr(r, "original_router", None)
        if inner is not None:
            out.extend(all_routes(inner.routes))
        elif getattr(r, "path", None):
            out.append(r)
    return out


def route_permission(request: Request) -> str:
    route = request.scope.get("route")
    return ROUTE_PERMISSIONS.get(getattr(route, "path", None), "deny")


def client_address(request: Request) -> str:
    return request.client.host if request.client else ""


async def authenticate(request: Request) -> Principal:
    """The dependency on every route but the public ones: a valid credential whose role allows the route."""
    config: Config = request.app.state.config
    permission = route_permission(request)
    if permission == PUBLIC:
        return None  # type: ignore[return-value]
    source = client_address(request)
    presented = bool(request.headers.get("authorization") or request.cookies.get(COOKIE))
    if presented:
        throttled(source)
    try:
        principal = await run_in_threadpool(identify, request, config)
    except SecretFileError:
        raise
    except Exception as exc:  # noqa: BLE001 - the token store is unreachable: refuse, do not open up
        log.warning("token store unavailable: %s", type(exc).__name__)
        raise HTTPException(503, "authentication is unavailable") from None
    if principal is None:
        if presented:
            THROTTLE.failed(source)
        raise LoginRequired()
    if not principal.can(permission):
        raise HTTPException(403, f"the {principal.role} role may not use this route")
    key = session_key(config)
    if principal.via == "cookie" and request.method not in ("GET", "HEAD", "OPTIONS"):
        form = await request.form()
        sent = form.get("csrf") or request.headers.get("x-csrf-token") or ""
        if not hmac.compare_digest(str(sent), csrf_value(key, principal.nonce)):
            raise HTTPException(403, "missing or wrong CSRF value; reload the page")
    request.state.principal = principal
    request.state.csrf = csrf_value(key, principal.nonce) if principal.via == "cookie" else ""
    _principal.set(principal)
    _request_meta.set({"client": client_address(request), "method": request.method, "path": request.url.path,
                       "config": config})
    return principal


# --- restricting searches to a role's collections ---------------------------------------------

def restrict_query(rq):
    """The record query limited to the caller's collections, dates of birth coarsened to years for roles that
    may not see them; None when the caller asked only for collections outside theirs."""
    p = current()
    if p is None:
        raise LoginRequired()
    changes: dict[str, Any] = {}
    if p.collections:
        asked = [c for c in rq.collections if c in p.collections] if rq.collections else list(p.collections)
        if not asked:
            return None
        changes["collections"] = asked
    if not p.can(FULL_FIELDS):
        # A viewer narrowing 'born' day by day would learn the date masking hides.
        changes["born_from"] = rq.born_from[:4] if rq.born_from else rq.born_from
        changes["born_to"] = rq.born_to[:4] if rq.born_to else rq.born_to
    return dataclasses.replace(rq, **changes) if changes else rq


def page_collection(asked: str | None) -> str | None:
    """The collection a page search may run in for the caller."""
    p = current()
    if p is None:
        raise LoginRequired()
    if not p.collections:
        return asked
    if asked:
        if asked not in p.collections:
            raise HTTPException(403, "that collection is outside this token's collections")
        return asked
    if len(p.collections) == 1:
        return p.collections[0]
    raise HTTPException(400, f"name one collection: {', '.join(p.collections)}")


def check_record_access(source: dict) -> None:
    p = current()
    if p is None:
        raise LoginRequired()
    if not p.sees_collection(source.get("collection")):
        raise HTTPException(404, "no such record")


# --- the login page, API docs, and wiring -----------------------------------------------------

router = APIRouter(include_in_schema=False)


def _safe_next(target: str | None) -> str:
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/search"
    return target


def login_page(request: Request, status: int = 200, error: str | None = None, next_: str | None = None):
    nxt = _safe_next(next_ if next_ is not None else
                     (request.url.path + (f"?{request.url.query}" if request.url.query else "")))
    return templates.TemplateResponse(request, "login.html", {"next": nxt, "error": error}, status_code=status,
                                      headers={"Cache-Control": "no-store"})


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str | None = None):  # noqa: A002
    return login_page(request, next_=next or "/search")


@router.post("/login")
def login(request: Request, token: str = Form(..., max_length=300), next: str = Form("/search")):  # noqa: A002
    config: Config = request.app.state.config
    es = es_for(config)
    source = client_address(request)
    wait = THROTTLE.wait(source)
    if wait > 0:
        resp = login_page(request, 429, "login.throttled", next)  # a catalogue key (api/i18n)
        resp.headers["Retry-After"] = str(max(1, int(wait + 0.999)))
        return resp
    doc = verify_token(es, config, token)
    if doc is None:
        THROTTLE.failed(source)
        log.info("failed web login from %s", source)
        return login_page(request, 401, "login.invalid", next)  # a catalogue key (api/i18n)
    value, max_age = make_session(session_key(config), doc["token_id"], config.session_ttl,
                                  _parse(doc.get("expires_at")))
    start_session(es, config, doc["token_id"], read_session(session_key(config), value)[1], max_age)
    principal = _principal_from(doc, "cookie")
    audit_log.write("login", principal=principal, meta={"client": client_address(request), "method": "POST",
                                                        "path": "/login"}, config=config, es=es)
    touch(es, config, doc)
    resp = RedirectResponse(_safe_next(next), status_code=303)
    resp.set_cookie(COOKIE, value, max_age=max_age, httponly=True, secure=config.cookie_secure, samesite="lax",
                    path="/")
    return resp


@router.post("/logout", dependencies=[Depends(authenticate)])
def logout(request: Request):
    principal: Principal = request.state.principal
    if principal.via == "cookie":
        config: Config = request.app.state.config
        end_session(es_for(config), config, principal.nonce)
    resp = RedirectResponse("/login", status_code=303)
    resp.delete_cookie(COOKIE, path="/", httponly=True, secure=request.app.state.config.cookie_secure,
                       samesite="lax")
    return resp


class _NoQueryStrings(logging.Filter):
    """Access-log lines name the path only: query strings carry the names and numbers people searched for."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str) and "?" in args[2]:
            record.args = (*args[:2], quote(args[2].split("?", 1)[0], safe="/:{}"), *args[3:])
        return True


def install(app: FastAPI) -> None:
    """Login and logout, the API description behind a credential, and 401 answers a browser can act on.

    Create the app with ``openapi_url=None, docs_url=None, redoc_url=None``: the description is served here,
    to authenticated callers only. Fails at start when the session key is unusable.
    """
    session_key(app.state.config)
    from .throttle import configure
    configure(app.state.config.auth_free_failures)
    access = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, _NoQueryStrings) for f in access.filters):
        access.addFilter(_NoQueryStrings())
    app.include_router(router)

    @app.get("/openapi.json", include_in_schema=False, dependencies=[Depends(authenticate)])
    def openapi() -> JSONResponse:
        return JSONResponse(app.openapi())

    @app.get("/docs", include_in_schema=False, dependencies=[Depends(authenticate)])
    def docs() -> HTMLResponse:
        from fastapi.openapi.docs import get_swagger_ui_html
        return get_swagger_ui_html(openapi_url="/openapi.json", title="sohoa API")

    @app.exception_handler(LoginRequired)
    async def login_required(request: Request, exc: LoginRequired):
        if "text/html" in request.headers.get("accept", "") and request.method == "GET":
            return login_page(request, 401)
        return JSONResponse({"detail": exc.detail}, status_code=401, headers=exc.headers)
