"""sohoa's indices, over the client the kernel makes (sohoa/elastic.py).

Index definitions live as data in ``templates/*.json`` (settings, mappings and a
version number). Every index is reached through an alias named
``{prefix}-{name}`` pointing at a concrete ``{prefix}-{name}-v{version}``, so a
mapping change can build the next version beside the live one and swap the
alias without a moment where search is empty.

The minimal Elasticsearch distribution we run locally has no analysis-common
module (no ``asciifolding``), no painless and no reindex: sohoa therefore
folds and normalises Vietnamese text in Python (``indexers/analysis.py``),
keeps every state change a read-modify-write with optimistic concurrency,
and copies documents itself when migrating. The same code runs unchanged on a
full Elasticsearch or Elastic Cloud.
"""

from __future__ import annotations

import json
import logging
from functools import lru_cache
from importlib import resources

from elasticsearch import ApiError, Elasticsearch, NotFoundError
from elastic_transport import TransportError

from sohoa.config import Config
from sohoa.elastic import make_client  # noqa: F401 - the kernel makes clients; older imports find it here
from sohoa.errors import DependencyUnavailable

log = logging.getLogger(__name__)

INDEX_NAMES = ("pages", "records", "jobs", "ledger", "tokens", "sessions", "audit", "reviews", "leases")


@lru_cache(maxsize=None)
def load_template(name: str) -> dict:
    text = resources.files("indexers").joinpath("templates", f"{name}.json").read_text(encoding="utf-8")
    return json.loads(text)


def concrete_name(config: Config, name: str, version: int | None = None) -> str:
    version = load_template(name)["version"] if version is None else version
    return f"{config.index(name)}-v{version}"


def ensure_index(es: Elasticsearch, config: Config, name: str) -> str:
    """Create the current version of an index and its alias when missing; return the alias."""
    alias = config.index(name)
    template = load_template(name)
    target = concrete_name(config, name)
    try:
        if es.indices.exists_alias(name=alias):
            # New fields of the current template reach a live index without a
            # migration; a changed field type is refused by Elasticsearch and
            # needs 'sohoa index migrate'.
            try:
                es.indices.put_mapping(index=alias, properties=template["mappings"]["properties"])
            except ApiError as exc:
                log.warning("index %s differs from its template beyond new fields (%s); run 'sohoa index migrate %s'",
                            alias, getattr(exc, "error", exc), name)
            return alias
        if es.indices.exists(index=alias):
            # exists() is also true for an alias: another process starting at
            # the same moment may have added it since the check above.
            if es.indices.exists_alias(name=alias):
                return alias
            raise RuntimeError(f"{alias} exists as a concrete index, not an alias; remove it or choose another "
                               "SOHOA_INDEX_PREFIX")
        if not es.indices.exists(index=target):
            es.indices.create(index=target, settings=template["settings"], mappings=template["mappings"])
            log.info("created index %s", target)
        es.indices.update_aliases(actions=[{"add": {"index": target, "alias": alias, "is_write_index": True}}])
    except ApiError as exc:
        # Two workers starting at once may both try to create: the loser sees
        # resource_already_exists and carries on.
        if getattr(exc, "error", "") != "resource_already_exists_exception":
            raise
    except TransportError as exc:
        raise DependencyUnavailable(f"Elasticsearch unreachable: {exc}") from exc
    return alias


def ensure_indices(es: Elasticsearch, config: Config) -> None:
    for name in INDEX_NAMES:
        ensure_index(es, config, name)


def alias_status(es: Elasticsearch, config: Config) -> list[dict]:
    """For each index: alias, the concrete index it points at, document count."""
    out = []
    for name in INDEX_NAMES:
        alias = config.index(name)
        try:
            targets = list(es.indices.get_alias(name=alias).keys())
        except NotFoundError:
            targets = []
        count = es.count(index=alias)["count"] if targets else 0
        out.append({"name": name, "alias": alias, "indices": targets, "current_version": load_template(name)["version"],
                    "documents": count})
    return out
