"""What leaves the service, as the caller's role may see it.

Masking is a property of the response, not of some fields: for a caller without the right to personal data
(``auth.FULL_FIELDS``) every JSON, JSON-lines, CSV and plain-text body — error messages included — passes
through ``DisclosureMiddleware`` on its way out, and every string in it has each date finer than a year shown
as its year and each ID number as its last three digits, in any written form (``sohoa.masking``). Records are
masked field by field first (``auth.mask_record``, which ends in ``disclose``), and the HTML pages are
rendered from those disclosed values; this layer is what makes a forgotten field, a review reason quoting a
value, an error echoing a query or a new route safe as well.

Images are not text: ``api/page_images.py`` serves them redacted. Other bodies that are not JSON or text are
refused to such callers rather than passed through unseen (``BINARY_OK`` lists the few known to be safe).

Every response also gets ``Cache-Control: no-store`` (unless it set its own), a Content-Security-Policy,
``X-Frame-Options: DENY``, ``X-Content-Type-Options: nosniff`` and ``Referrer-Policy: no-referrer``.
"""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from typing import Any

from schemas.loader import load_schemas
from sohoa.masking import mask_text

# Values that are opaque to people and that masking would break: sealed cursors, links, CSRF values, and the
# service's own identifiers (content hashes and what is built from them).
OPAQUE_KEYS = frozenset({"next_cursor", "cursor", "url", "csrf", "id", "record_id", "record_ids", "doc_hash",
                         "token_id", "target", "image_key", "ocr_key",
                         # review crops: images cut from the page as the role sees it (api/review_routes.py)
                         "crop"})
# Fragments of HTML inside JSON (highlights, snippets): masked as text, then re-escaped without their marks.
HTML_KEYS = frozenset({"html", "snippet"})
TEXT_TYPES = ("application/json", "application/x-ndjson", "text/plain", "text/csv")
# HTML pages are rendered from values already disclosed (records through auth.mask_record, which ends in
# ``disclose``; error messages through ``disclose``): masking the finished page again would also star out the
# dates anyone may read (deaths, registrations), which the page no longer labels by field. Style sheets carry no
# text about people; page images (JPEG, or PNG for pages stored before) are served redacted by their own route.
BINARY_OK = ("text/html", "text/css", "image/png", "image/jpeg")
# Set by a route whose whole answer went through ``disclose`` already (the search answer: each hit by
# ``auth.mask_record``, the rest by ``disclosed_json``): reading and masking it again would change nothing, at the
# cost of decoding and encoding every answer. Taken off before the response leaves.
DISCLOSED_HEADER = b"x-sohoa-disclosed"
# Counters and timings only: masking would break their numbers.
UNMASKED_PATHS = frozenset({"/metrics"})

CSP = ("default-src 'none'; img-src 'self'; style-src 'self' 'unsafe-inline'; form-action 'self'; "
       "base-uri 'none'; frame-ancestors 'none'")
# The API explorer (/docs) loads Swagger UI from its CDN and runs its script.
DOCS_CSP = ("default-src 'none'; img-src 'self' data: https://fastapi.tiangolo.com; "
            "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; script-src 'unsafe-inline' "
            "https://cdn.jsdelivr.net; connect-src 'self'; frame-ancestors 'none'")
# The review desk (/review) is a page with a script of its own that fetches records and shows each field's
# crop inline (data: images); nothing else changes.
REVIEW_CSP = ("default-src 'none'; img-src 'self' data:; script-src 'self'; connect-src 'self'; "
              "style-src 'self' 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = (("x-frame-options", "DENY"), ("x-content-type-options", "nosniff"),
                    ("referrer-policy", "no-referrer"))


def _fragment(fragment: str) -> str:
    plain = html.unescape(re.sub(r"<[^>]*>", "", fragment))
    masked = mask_text(plain)
    return fragment if masked == plain else html.escape(masked)


# Fields whose dates anyone who may open the record may read in full: the service's own times, and the record
# fields that feed a typed date other than the date of birth (deaths, registrations, events), as the record
# types declare them (``schemas/roles.py``); their values are ISO dates or times, not text that could quote a
# date of birth.
SYSTEM_TIME_FIELDS = frozenset({"time", "ts", "at"})
_PARTS = frozenset({"value", "raw", "confidence", "page", "bbox"})
_ISO = re.compile(r"\d{4}(-\d\d(-\d\d([T ]\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?)?)?)?")


@lru_cache(maxsize=4096)
def _leaf(key: str | None) -> str:
    return re.sub(r"\[\d+\]", "", key or "").rsplit(".", 1)[-1]


def _visible(field: str | None, value: str, dates: frozenset[str]) -> bool:
    leaf = _leaf(field)
    return (leaf in dates or leaf in SYSTEM_TIME_FIELDS or leaf.endswith("_at")) and bool(_ISO.fullmatch(value.strip()))


def disclose(obj: Any, key: str | None = None, field: str | None = None) -> Any:
    """``obj`` (any JSON value) with every string masked for a role without the right to personal data.

    ``field`` is the record field a value belongs to (``fields.date_of_death.value`` belongs to
    ``date_of_death``): an ISO date of a visible date field (``_visible``) is not a date of birth and stays."""
    return _disclose(obj, key, field, load_schemas().roles.visible_date_leaves)


def _disclose(obj: Any, key: str | None, field: str | None, dates: frozenset[str]) -> Any:
    if isinstance(obj, dict):
        return {k: _disclose(v, k, field if k in _PARTS else k, dates) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_disclose(v, key, field, dates) for v in obj]
    if isinstance(obj, str):
        if key in OPAQUE_KEYS or _visible(field, obj, dates):
            return obj
        return _fragment(obj) if key in HTML_KEYS else mask_text(obj)
    return obj


def disclosed_json(content: dict, done: tuple[str, ...] = ()):
    """A JSON answer for a role without the right to personal data: every value but those under the keys in
    ``done`` (disclosed already, such as a search answer's hits) disclosed here, and marked so the middleware
    does not read it again."""
    from .json_response import FastJSONResponse
    body = {k: (v if k in done else disclose(v, k)) for k, v in content.items()}
    return FastJSONResponse(body, headers={DISCLOSED_HEADER.decode(): "1"})


def disclose_body(body: bytes, content_type: str) -> bytes:
    text = body.decode("utf-8", errors="replace")
    if content_type.startswith("application/json"):
        try:
            return json.dumps(disclose(json.loads(text)), ensure_ascii=False).encode()
        except ValueError:
            return mask_text(text).encode()
    if content_type.startswith("application/x-ndjson"):
        return "".join(json.dumps(disclose(json.loads(line)), ensure_ascii=False) + "\n"
                       for line in text.splitlines() if line.strip()).encode()
    return mask_text(text).encode()


def _principal(scope) -> Any:
    state = scope.get("state") or {}
    return state.get("principal")


class DisclosureMiddleware:
    """Pure ASGI: security headers on every response; masked bodies for callers without ``full_fields``."""

    def __init__(self, app, full_fields_permission: str) -> None:
        self.app = app
        self.permission = full_fields_permission

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        start: dict = {}
        chunks: list[bytes] = []

        async def send_out(message):
            if message["type"] == "http.response.start":
                start.update(message)
                return
            if message["type"] != "http.response.body":
                return await send(message)
            chunks.append(message.get("body", b""))
            if message.get("more_body"):
                return
            await self._finish(scope, start, b"".join(chunks), send)

        await self.app(scope, receive, send_out)

    async def _finish(self, scope, start: dict, body: bytes, send) -> None:
        disclosed = any(k.lower() == DISCLOSED_HEADER for k, _ in start.get("headers", []))
        headers = [(k, v) for k, v in start.get("headers", []) if k.lower() not in (b"content-length", DISCLOSED_HEADER)]
        names = {k.lower() for k, _ in headers}
        content_type = next((v.decode("latin-1") for k, v in headers if k.lower() == b"content-type"), "")
        principal = _principal(scope)
        status = start.get("status", 200)
        path = scope.get("path", "")
        if principal is not None and not principal.can(self.permission) and body and path not in UNMASKED_PATHS:
            if disclosed and content_type.startswith("application/json"):
                pass
            elif content_type.startswith(TEXT_TYPES):
                body = disclose_body(body, content_type)
            elif not content_type.startswith(BINARY_OK):
                status, body, headers = 403, b'{"detail":"not available to this role"}', \
                    [(b"content-type", b"application/json")]
                names = {b"content-type"}
        if b"cache-control" not in names:
            headers.append((b"cache-control", b"no-store"))
        csp = DOCS_CSP if path == "/docs" else REVIEW_CSP if path == "/review" else CSP
        headers.append((b"content-security-policy", csp.encode()))
        for k, v in SECURITY_HEADERS:
            headers.append((k.encode(), v.encode()))
        headers.append((b"content-length", str(len(body)).encode()))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})
