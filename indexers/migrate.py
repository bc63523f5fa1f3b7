"""Move an index to the version its template describes, with search answering throughout.

The local Elasticsearch has no ``_reindex``, and our derived fields (the text
forms under ``search.*`` and ``text_norm``/``text_folded``) are not kept in
``_source`` anyway, so documents are copied here: read from the live index in
slices (``helpers.scan``), rebuilt from their stored base by the same Python
code that indexes them, and bulk-written (with retry and backoff on 429/5xx)
into the next version, under bulk-load settings (``bulk.load_settings``: refresh
off, translog synced in the background). Documents written to the old
version while the copy ran are copied again, the alias is swapped in one
``update_aliases`` call (remove + add: no moment without an index behind it),
and a last catch-up pass picks up anything written between the two. The old
version is kept for rollback unless asked otherwise.
"""

from __future__ import annotations

import logging
import time
from datetime import datetime, timedelta, timezone
from typing import Callable, Iterator

from elasticsearch import Elasticsearch, NotFoundError, helpers

from sohoa.config import Config

from .analysis import folded_text, norm_text
from .client import concrete_name, ensure_index, load_template
from .bulk import index_concurrently, load_settings
from sohoa.masking import mask_text

from .records import base_of, derive

log = logging.getLogger(__name__)


def _records(src: dict) -> dict:
    return derive(base_of(src))


def _pages(src: dict) -> dict:
    text = src.get("text") or ""
    public = mask_text(text)
    return {**src, "text_norm": norm_text(text), "text_folded": folded_text(text),
            "text_public_norm": norm_text(public), "text_public_folded": folded_text(public)}


# How to rebuild a document of each index from its _source; the others are copied as they are.
REBUILD: dict[str, Callable[[dict], dict]] = {"records": _records, "pages": _pages}
# The field that says when a document was last written, for the catch-up passes.
WRITTEN_AT = {"records": "extracted_at", "pages": "indexed_at", "jobs": "updated_at", "ledger": "updated_at"}


def alias_targets(es: Elasticsearch, alias: str) -> list[str]:
    try:
        return sorted(es.indices.get_alias(name=alias).keys())
    except NotFoundError:
        return []


def versions(es: Elasticsearch, config: Config, name: str) -> list[dict]:
    """Every concrete version of an index, whether the alias points at it, and its document count."""
    alias = config.index(name)
    live = set(alias_targets(es, alias))
    rows = es.cat.indices(index=f"{alias}-v*", format="json", h="index,docs.count", expand_wildcards="open")
    out = []
    for r in rows:
        suffix = r["index"].rsplit("-v", 1)[-1]
        if suffix.isdigit():
            out.append({"index": r["index"], "version": int(suffix), "live": r["index"] in live,
                        "documents": int(r.get("docs.count") or 0)})
    return sorted(out, key=lambda r: r["version"])


def _copy(es: Elasticsearch, source: str, target: str, rebuild: Callable[[dict], dict], query: dict,
          batch: int) -> int:
    def docs() -> Iterator[tuple[str, dict]]:
        for hit in helpers.scan(es, index=source, query={"query": query}, size=batch, scroll="5m",
                                preserve_order=False):
            yield hit["_id"], rebuild(hit["_source"])
    return index_concurrently(es, target, docs(), threads=2, chunk_size=batch)


CLOCK_MARGIN = timedelta(minutes=2)  # writers' clocks and timestamp precision differ from ours


def _since(name: str, ts: datetime) -> dict:
    field = WRITTEN_AT.get(name)
    start = (ts - CLOCK_MARGIN).isoformat(timespec="milliseconds")
    return {"range": {field: {"gte": start}}} if field else {"match_all": {}}


def migrate(es: Elasticsearch, config: Config, name: str = "records", *, batch: int = 1000,
            delete_old: bool = False) -> dict:
    """Bring ``{prefix}-{name}`` to the template's version; return what was done."""
    alias = config.index(name)
    template = load_template(name)
    target = concrete_name(config, name)
    current = alias_targets(es, alias)
    if not current:
        ensure_index(es, config, name)
        return {"name": name, "alias": alias, "action": "created", "index": target, "copied": 0}
    if current == [target]:
        return {"name": name, "alias": alias, "action": "current", "index": target, "copied": 0}
    if len(current) != 1:
        raise RuntimeError(f"{alias} points at {current}; expected one index")
    source = current[0]
    started = time.monotonic()
    settings = dict(template["settings"])
    if es.indices.exists(index=target):
        raise RuntimeError(f"{target} already exists but {alias} does not point at it; it may be a migration "
                           f"that stopped half way: delete it and run again")
    es.indices.create(index=target, settings={**settings, "refresh_interval": "-1"}, mappings=template["mappings"])
    rebuild = REBUILD.get(name, lambda src: src)
    mark = datetime.now(timezone.utc)
    try:
        with load_settings(es, target, settings):  # nobody searches the new version yet
            copied = _copy(es, source, target, rebuild, {"match_all": {}}, batch)
            # Writes that reached the old version while we copied.
            mark2 = datetime.now(timezone.utc)
            es.indices.refresh(index=source)
            caught_up = _copy(es, source, target, rebuild, _since(name, mark), batch)
        es.indices.update_aliases(actions=[
            {"remove": {"index": source, "alias": alias}},
            {"add": {"index": target, "alias": alias, "is_write_index": True}},
        ])
    except Exception:
        log.error("migration of %s to %s failed; the alias still points at %s", alias, target, source)
        raise
    # Writes that reached the old version between the catch-up and the swap.
    es.indices.refresh(index=source)
    caught_up += _copy(es, source, target, rebuild, _since(name, mark2), batch)
    es.indices.refresh(index=target)
    source_count = es.count(index=source)["count"]
    target_count = es.count(index=target)["count"]
    if delete_old:
        es.indices.delete(index=source)
    result = {"name": name, "alias": alias, "action": "migrated", "from": source, "index": target,
              "copied": copied, "caught_up": caught_up, "source_documents": source_count,
              "documents": target_count, "seconds": round(time.monotonic() - started, 1),
              "old_index": "deleted" if delete_old else "kept"}
    log.info("migrated %s: %s -> %s, %d documents", alias, source, target, copied)
    return result
