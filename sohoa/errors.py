"""Why a document or page failed, in classes an operator can act on.

Each stage raises one of these instead of a bare exception so that the failure
is recorded with a reason class (what kind of problem) and a message (what
exactly), and so the queue knows whether retrying can help:

- ``bad_input`` and ``limit_exceeded`` are properties of the file: retrying
  the same bytes gives the same answer, so they fail at once.
- ``timeout`` is a page that took too long; retried a bounded number of times.
- ``dependency_unavailable`` (Elasticsearch, S3, the broker down) is transient:
  retried with backoff until the service is back.
- anything else is a ``bug``: retried a bounded number of times, then recorded.

Messages never contain personal data (names, ID numbers, dates from the page):
they describe the file, not its contents.
"""

from __future__ import annotations


class SohoaError(Exception):
    reason = "bug"
    retryable = True

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class BadInput(SohoaError):
    reason = "bad_input"
    retryable = False


class LimitExceeded(SohoaError):
    reason = "limit_exceeded"
    retryable = False


class StageTimeout(SohoaError):
    reason = "timeout"
    retryable = True


class DependencyUnavailable(SohoaError):
    reason = "dependency_unavailable"
    retryable = True


REASONS = ("bad_input", "limit_exceeded", "timeout", "dependency_unavailable", "bug")


TRANSIENT = {"ConnectionError", "ConnectionTimeout", "EndpointConnectionError", "ConnectTimeoutError",
             "ReadTimeoutError", "TransportError", "ApiError", "BrokerConnectionError"}


def classify(exc: BaseException) -> tuple[str, str]:
    """(reason class, message) for any exception raised by a stage."""
    if isinstance(exc, SohoaError):
        return exc.reason, exc.message
    # Connection problems of the clients we use are transient by nature; a client's own kinds of them
    # (dramatiq's ConnectionClosed, Python's ConnectionRefusedError) are known by the class they derive from.
    name = type(exc).__name__
    module = type(exc).__module__ or ""
    lineage = {c.__name__ for c in type(exc).__mro__}
    if lineage & TRANSIENT or module.startswith(("elastic_transport", "redis")):
        return "dependency_unavailable", f"{name}: {str(exc)[:300]}"
    return "bug", f"{name}: {str(exc)[:300]}"
