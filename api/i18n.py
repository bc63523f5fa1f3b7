"""The web pages in the reader's language: Vietnamese by default, English available.

Every word a page shows comes from a catalogue per language (``api/locales/vi.json``,
``api/locales/en.json``: flat keys, ``{name}`` placeholders), never from the
templates or the routes. The language is, in order: ``?lang=vi|en`` (which
also sets a cookie, so the choice sticks), the ``sohoa_lang`` cookie, the
first language of the browser's ``Accept-Language`` when it is one of ours,
else Vietnamese.

Values the extraction normalised (``sex: male``) are shown as people write
them (``Giới tính: Nam``, ``Sex: Male``) through the ``value.*`` keys; the
JSON API keeps the normal forms.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.templating import Jinja2Templates
from jinja2 import pass_context

LANGUAGES = ("vi", "en")
DEFAULT = "vi"
COOKIE = "sohoa_lang"
COOKIE_SECONDS = 365 * 24 * 3600
CATALOGUES = Path(__file__).resolve().parent / "locales"


@lru_cache(maxsize=None)
def catalogue(lang: str) -> dict[str, str]:
    return json.loads((CATALOGUES / f"{lang}.json").read_text(encoding="utf-8"))


def translate(lang: str, key: str, /, **params) -> str:
    """The text of ``key`` in ``lang`` (Vietnamese when that catalogue lacks it; the key itself as a last resort)."""
    text = catalogue(lang).get(key)
    if text is None:
        text = catalogue(DEFAULT).get(key, key)
    return text.format(**params) if params else text


def shown_value(lang: str, field: str, value) -> str:
    """A field's normal form as people write it: ``("vi", "mother.sex", "male")`` -> ``Nam``.

    Looked up by the field's last key (``sex``, ``category``, ...) under ``value.``; other values as they are."""
    if not isinstance(value, str):
        return "" if value is None else str(value)
    name = field.rsplit(".", 1)[-1].split("[", 1)[0]
    key = f"value.{name}.{value}"
    text = catalogue(lang).get(key) or catalogue(DEFAULT).get(key)
    return text if text is not None else value


def accept_language(header: str | None) -> str | None:
    """The first language of an ``Accept-Language`` header, by quality, if it is one of ours."""
    best, best_q = None, -1.0
    for part in (header or "").split(","):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        if tag and q > best_q:
            best, best_q = tag.split("-", 1)[0].strip().lower(), q
    return best if best in LANGUAGES else None


def choose_language(query_lang: str | None, cookie: str | None, header: str | None) -> str:
    for candidate in (query_lang, cookie):
        if candidate in LANGUAGES:
            return candidate
    return accept_language(header) or DEFAULT


def request_language(request: Request) -> str:
    lang = getattr(request.state, "lang", None)
    if lang is None:
        lang = request.state.lang = choose_language(request.query_params.get("lang"), request.cookies.get(COOKIE),
                                                    request.headers.get("accept-language"))
    return lang


def _language(context) -> str:
    return request_language(context["request"])


@pass_context
def _t(context, key: str, /, **params) -> str:
    return translate(_language(context), key, **params)


@pass_context
def _value(context, field: str, value) -> str:
    return shown_value(_language(context), field, value)


@pass_context
def _lang(context) -> str:
    return _language(context)


@pass_context
def _switch(context) -> list[dict]:
    """Links to this page in the other languages (same path and parameters)."""
    request = context["request"]
    current = _language(context)
    kept = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"]
    return [{"lang": code, "name": translate(code, "lang.name"),
             "url": request.url.path + "?" + urlencode([*kept, ("lang", code)])}
            for code in LANGUAGES if code != current]


def install_templates(templates: Jinja2Templates) -> Jinja2Templates:
    """Give a template folder ``t(key, **params)``, ``shown(field, normal_form)``, ``lang()`` and
    ``other_languages()``."""
    templates.env.globals.update(t=_t, shown=_value, lang=_lang, other_languages=_switch)
    return templates


def install(app: FastAPI) -> None:
    """Remember a language chosen with ``?lang=`` in a cookie."""
    app.add_middleware(RememberLanguage)


class RememberLanguage:
    """Pure ASGI: a ``Set-Cookie`` for the language chosen with ``?lang=`` when the cookie says otherwise. (As an
    ``@app.middleware("http")`` function it cost every request, JSON ones included, a task and a body stream.)"""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or b"lang=" not in scope.get("query_string", b""):
            return await self.app(scope, receive, send)
        from starlette.requests import Request
        from starlette.responses import Response
        request = Request(scope)
        chosen = request.query_params.get("lang")
        if chosen not in LANGUAGES or request.cookies.get(COOKIE) == chosen:
            return await self.app(scope, receive, send)
        cookie = Response()
        cookie.set_cookie(COOKIE, chosen, max_age=COOKIE_SECONDS, samesite="lax", path="/")
        extra = [(k, v) for k, v in cookie.raw_headers if k == b"set-cookie"]

        async def send_with_cookie(message):
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_cookie)
