"""The FastAPI application.

Routes live in one module per audience (search, console, ...), each exposing a
``router``; ``create_app`` includes those listed in ``ROUTER_MODULES`` so a
new area of the service is one new module and one line here.
"""

from __future__ import annotations

import importlib

from fastapi import Depends, FastAPI

from api import auth, i18n
from api.disclosure import DisclosureMiddleware

from sohoa import __version__
from sohoa.config import Config

ROUTER_MODULES: tuple[str, ...] = ("api.search_routes", "api.console_routes", "api.audit", "api.review_routes")


def create_app(config: Config | None = None) -> FastAPI:
    config = config or Config.from_env()
    app = FastAPI(title="sohoa", version=__version__,
                  description="Search the digitized archive; watch and steer its ingestion.",
                  openapi_url=None, docs_url=None, redoc_url=None)  # served by auth.install, behind a credential
    app.state.config = config
    auth.install(app)
    i18n.install(app)  # pages in the reader's language (?lang=, cookie, Accept-Language)
    # What leaves the service, as the caller's role may see it, with the security headers (api/disclosure.py);
    # added last, so it wraps everything else.
    app.add_middleware(DisclosureMiddleware, full_fields_permission=auth.FULL_FIELDS)

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> dict:
        return {"status": "ok"}

    for name in ROUTER_MODULES:
        # Every route needs a credential whose role allows it (api/auth.py ROUTE_PERMISSIONS).
        app.include_router(importlib.import_module(name).router, dependencies=[Depends(auth.authenticate)])
    return app
