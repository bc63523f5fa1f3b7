"""Indices and aliases are created safely when several processes start at once."""

from __future__ import annotations

import uuid

from elasticsearch import Elasticsearch

from indexers.client import concrete_name, ensure_index
from sohoa.config import Config


class _OtherProcessInBetween:
    """The real client, except that right after its first alias check another
    process (here: a second real client) creates the index and its alias."""

    def __init__(self, es: Elasticsearch, other: Elasticsearch, config: Config, name: str):
        self._es, self._other, self._config, self._name = es, other, config, name
        self._checked = False

    def __getattr__(self, attr):
        return getattr(self._es, attr)

    @property
    def indices(self):
        outer = self

        class Indices:
            def __getattr__(self, attr):
                return getattr(outer._es.indices, attr)

            def exists_alias(self, **kw):
                answer = outer._es.indices.exists_alias(**kw)
                if not outer._checked:
                    outer._checked = True
                    ensure_index(outer._other, outer._config, outer._name)
                return answer

        return Indices()


def test_a_process_starting_while_another_creates_the_alias_takes_it_as_made(stack_env):
    # Workers, the watcher and the API each ensure the indices when they start; a
    # process that checks between another's 'create index' and 'add alias' must
    # take the alias as made, not as a concrete index in the way.
    es = Elasticsearch(stack_env["SOHOA_ES_URL"])
    prefix = f"testrace{uuid.uuid4().hex[:8]}"
    config = Config.from_env({**stack_env, "SOHOA_INDEX_PREFIX": prefix})
    try:
        racing = _OtherProcessInBetween(es, Elasticsearch(stack_env["SOHOA_ES_URL"]), config, "jobs")
        assert ensure_index(racing, config, "jobs") == f"{prefix}-jobs"
        assert list(es.indices.get_alias(name=f"{prefix}-jobs")) == [concrete_name(config, "jobs")]
    finally:
        es.indices.delete(index=f"{prefix}-*", ignore_unavailable=True, allow_no_indices=True)
