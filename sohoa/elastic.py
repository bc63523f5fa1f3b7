"""The one place an Elasticsearch client is made: every process, command and test gets the same timeouts and retries."""

from __future__ import annotations

from elasticsearch import Elasticsearch

from .config import Config


def make_client(config: Config) -> Elasticsearch:
    """A client for ``SOHOA_ES_URL`` that retries what a busy or restarting cluster answers (429, 502-504)."""
    return Elasticsearch(
        config.es_url,
        request_timeout=30,
        retry_on_timeout=True,
        max_retries=3,
        retry_on_status=(429, 502, 503, 504),
    )
