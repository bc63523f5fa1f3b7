"""The operator console works with the configuration its app was built with, not the process environment."""

from __future__ import annotations

import uuid

import pytest
from starlette.requests import Request

from api import console_routes
from api.app import create_app
from ingest.testing import remove_namespace
from sohoa.config import Config

pytestmark = pytest.mark.integration


def test_the_console_queues_and_reads_in_the_apps_namespace(stack_env, monkeypatch):
    run = uuid.uuid4().hex[:6]
    # A namespace of its own (indices and buckets): removed afterwards, leaving the session's alone.
    own = {**stack_env, "SOHOA_INDEX_PREFIX": f"{stack_env['SOHOA_INDEX_PREFIX']}con{run}",
           "SOHOA_BUCKET": f"{stack_env['SOHOA_BUCKET']}-con{run}", "SOHOA_SESSION_SECRET": "s" * 40}
    # The process environment names another deployment: the console used to follow it.
    monkeypatch.setenv("SOHOA_INDEX_PREFIX", "someoneelse")
    monkeypatch.setenv("SOHOA_BROKER_URL", "redis://127.0.0.1:1/0")
    app = create_app(Config.from_env(own))
    request = Request({"type": "http", "app": app, "method": "GET", "path": "/console", "headers": []})
    try:
        control = console_routes.control(request)
        assert control is console_routes.control(request)  # one per app
        assert control.config.index_prefix == own["SOHOA_INDEX_PREFIX"]
        assert control.queues == tuple(f"{own['SOHOA_INDEX_PREFIX']}-{s}" for s in ("prepare", "ocr", "index"))
        assert control.es.indices.exists(index=control.config.index("jobs"))  # made in the app's namespace
        # Queue depths come from the app's broker: the one in the environment does not even listen.
        status = console_routes._status(control)
        assert set(status["queues"]) == set(control.queues)
    finally:
        remove_namespace(own)
