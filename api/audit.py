"""The record of processing: who searched, opened, exported, retried or changed a token, when and from where.

Entries go to ``{prefix}-audit`` (one document per action, written with
``op_type=create`` under a fresh ID so a retried write never doubles it). No
route writes to that index; the routes here only read it, for the auditor
role. If an entry cannot be written the action fails (503): personal data is
not served without its record.

Actions: ``search`` (records search API and search page; ``pages.search``
for page text), ``record.view`` (one record; its page-image links are listed
in the same entry), ``export``, ``retry``, ``login``, ``token.create``,
``token.revoke``, ``audit.read``.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from sohoa.config import Config

from . import auth
from .audit_log import MAX_ENTRIES, entry, parse_since, search_entries, write
from .disclosure import disclose

__all__ = ["entry", "parse_since", "record", "router", "search_entries"]


router = APIRouter(include_in_schema=False)


def record(action: str, *, principal: auth.Principal | None = None, meta: dict | None = None,
           config: Config | None = None, es=None, **what) -> None:
    """Append one entry; the caller and its address come from the request being served unless given."""
    principal = principal or auth.current()
    meta = meta if meta is not None else auth.request_meta()
    config = config or meta.get("config") or Config.from_env()
    es = es or auth.es_for(config)
    write(action, principal=principal, meta=meta, config=config, es=es, **what)


# --- the auditor's page -----------------------------------------------------------------------

def _read(request: Request, user, action, since, record_id, limit) -> list[dict]:
    config: Config = request.app.state.config
    try:
        entries = search_entries(auth.es_for(config), config, user=user or None, action=action or None,
                                 since=since or None, record_id=record_id or None, limit=limit)
    except ValueError as exc:
        raise HTTPException(400, str(exc)) from None
    record("audit.read", query={"user": user, "action": action, "since": since, "record_id": record_id},
           count=len(entries))
    # What others searched for (dates of birth, ID numbers) as the reader's role may see it, page and JSON alike.
    return entries if auth.full_fields() else disclose(entries)


Filter = Annotated[str | None, Query(max_length=200)]


@router.get("/audit/entries")
def audit_entries(request: Request, user: Filter = None, action: Filter = None, since: Filter = None,
                  record_id: Filter = None, limit: Annotated[int, Query(ge=1, le=MAX_ENTRIES)] = 100) -> dict:
    return {"entries": _read(request, user, action, since, record_id, limit)}


@router.get("/audit", response_class=HTMLResponse)
def audit_page(request: Request, user: Filter = None, action: Filter = None, since: Filter = None,
               record_id: Filter = None, limit: Annotated[int, Query(ge=1, le=MAX_ENTRIES)] = 100):
    entries = _read(request, user, action, since or "7d", record_id, limit)
    return auth.templates.TemplateResponse(request, "audit.html", {
        "entries": entries, "user": user or "", "action": action or "", "since": since or "7d",
        "record_id": record_id or "", "principal": request.state.principal})
