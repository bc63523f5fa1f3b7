"""Where bucket events wait: an SQS queue (AWS, moto) or a Redis list (MinIO's Redis target).

Both hand out messages that stay owned by the consumer until it acknowledges
them, so a consumer killed between reading and acknowledging loses nothing:

- SQS: a received message is only hidden for SOHOA_EVENTS_VISIBILITY seconds;
  unless deleted (acknowledged) by then, it is delivered again.
- Redis: a message is moved atomically (LMOVE) from the list MinIO pushes to
  onto ``<list>:processing``, and removed from there on acknowledgement; a
  consumer starting up first moves whatever a killed predecessor left there
  back onto the list. Run one consumer per Redis list.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit, urlunsplit

import boto3
from botocore.config import Config as BotoConfig
from botocore.exceptions import BotoCoreError, ClientError

from sohoa.config import Config
from sohoa.errors import DependencyUnavailable

SQS_MAX = 10  # messages per ReceiveMessage / DeleteMessageBatch, an SQS limit
BATCH = 100  # messages recorded together (one ledger multi-get, one bulk create)


@dataclass(frozen=True)
class Message:
    id: str
    body: str
    receipt: str  # what acknowledging needs: the SQS receipt handle, or the Redis list element itself


def sqs_client(config: Config):
    return boto3.client("sqs", endpoint_url=config.sqs_endpoint, region_name=config.s3_region,
                        aws_access_key_id=config.s3_access_key, aws_secret_access_key=config.s3_secret_key,
                        config=BotoConfig(retries={"max_attempts": 5, "mode": "standard"}, connect_timeout=5,
                                          read_timeout=40))


class SqsSource:
    kind = "sqs"
    # Receive calls in flight at once: one SQS call returns at most 10 messages and takes a round trip,
    # so several keep up with thousands of uploads a second.
    receivers = 4

    def __init__(self, client, queue: str, visibility: int):
        self.client = client
        self.queue = queue
        self.visibility = visibility
        self._url: str | None = queue if queue.startswith(("http://", "https://")) else None

    @property
    def url(self) -> str:
        if self._url is None:
            try:
                self._url = self.client.get_queue_url(QueueName=self.queue)["QueueUrl"]
            except (BotoCoreError, ClientError) as exc:
                raise DependencyUnavailable(f"event queue unavailable ({type(exc).__name__}); "
                                            "'sohoa events --setup' creates it") from exc
        return self._url

    def receive(self, wait: float, limit: int = BATCH) -> list[Message]:
        """Up to ``limit`` messages: a long poll of up to ``wait`` seconds for the first, then whatever is ready."""
        out: list[Message] = []
        try:
            while len(out) < limit:
                resp = self.client.receive_message(QueueUrl=self.url, MaxNumberOfMessages=SQS_MAX,
                                                   VisibilityTimeout=self.visibility,
                                                   WaitTimeSeconds=0 if out else max(0, min(20, int(wait))))
                got = resp.get("Messages", [])
                out += [Message(m["MessageId"], m["Body"], m["ReceiptHandle"]) for m in got]
                if len(got) < SQS_MAX:
                    break
        except (BotoCoreError, ClientError) as exc:
            if out:  # what was received stays ours until the visibility timeout: hand it over
                return out
            raise DependencyUnavailable(f"event queue unreachable: {type(exc).__name__}") from exc
        return out

    def ack(self, messages: list[Message]) -> None:
        try:
            for i in range(0, len(messages), SQS_MAX):
                chunk = messages[i:i + SQS_MAX]
                self.client.delete_message_batch(QueueUrl=self.url, Entries=[
                    {"Id": str(n), "ReceiptHandle": m.receipt} for n, m in enumerate(chunk)])
        except (BotoCoreError, ClientError) as exc:
            # Unacknowledged messages come back; the ledger makes their second handling a no-op.
            raise DependencyUnavailable(f"event queue unreachable: {type(exc).__name__}") from exc

    def release(self, messages: list[Message], after: float | None = None) -> None:
        """Not handled: they come back by themselves when their visibility timeout ends, or ``after`` seconds."""
        if after is None:
            return
        try:
            for i in range(0, len(messages), SQS_MAX):
                self.client.change_message_visibility_batch(QueueUrl=self.url, Entries=[
                    {"Id": str(n), "ReceiptHandle": m.receipt, "VisibilityTimeout": int(after)}
                    for n, m in enumerate(messages[i:i + SQS_MAX])])
        except (BotoCoreError, ClientError):
            pass  # they come back at the end of the visibility timeout anyway

    def depth(self) -> int | None:
        try:
            attrs = self.client.get_queue_attributes(QueueUrl=self.url, AttributeNames=[
                "ApproximateNumberOfMessages"])["Attributes"]
            return int(attrs.get("ApproximateNumberOfMessages", 0))
        except (BotoCoreError, ClientError, DependencyUnavailable):
            return None


class RedisListSource:
    kind = "redis"
    receivers = 1  # one receiver takes hundreds of messages per round trip
    receive_limit = 250  # messages per receive: one blocking LMOVE, then the rest pipelined

    def __init__(self, client, key: str):
        self.client = client
        self.key = key
        self.processing = f"{key}:processing"

    def recover(self) -> int:
        """Put back what a killed consumer had taken but not acknowledged; return how many."""
        n = 0
        while self.client.lmove(self.processing, self.key, "RIGHT", "LEFT") is not None:
            n += 1
        return n

    def receive(self, wait: float, limit: int = BATCH) -> list[Message]:
        import redis
        out: list[Message] = []
        try:
            first = self.client.blmove(self.key, self.processing, max(0.1, wait), "LEFT", "RIGHT")
            if first is None:
                return out
            out.append(first)
            if limit > 1:
                # Each LMOVE is atomic on its own; pipelined, the rest of the batch costs one round trip.
                pipe = self.client.pipeline(transaction=False)
                for _ in range(limit - 1):
                    pipe.lmove(self.key, self.processing, "LEFT", "RIGHT")
                out += [item for item in pipe.execute() if item is not None]
        except redis.RedisError as exc:
            if not out:
                raise DependencyUnavailable(f"event list unreachable: {type(exc).__name__}") from exc
        return [Message(id=str(i), body=b.decode("utf-8", "replace") if isinstance(b, bytes) else b, receipt=b)
                for i, b in enumerate(out)]

    def ack(self, messages: list[Message]) -> None:
        pipe = self.client.pipeline(transaction=False)
        for m in messages:
            pipe.lrem(self.processing, 1, m.receipt)
        pipe.execute()

    def release(self, messages: list[Message], after: float | None = None) -> None:
        """Back on the list: at its head after a failure (order kept), at its tail when asked to wait (``after``)."""
        pipe = self.client.pipeline(transaction=True)
        for m in (messages if after else reversed(messages)):
            pipe.lrem(self.processing, 1, m.receipt)
            (pipe.rpush if after else pipe.lpush)(self.key, m.receipt)
        pipe.execute()

    def depth(self) -> int | None:
        try:
            return int(self.client.llen(self.key))
        except Exception:  # noqa: BLE001 - the depth is informative only
            return None


def redis_target(url: str) -> tuple[str, str]:
    """(connection URL, list key) from redis://HOST:PORT/DB?key=LIST."""
    parts = urlsplit(url)
    key = (parse_qs(parts.query).get("key") or [""])[0]
    if not key:
        raise ValueError("SOHOA_EVENTS_SOURCE: a redis:// source needs ?key=LIST (MinIO's MINIO_NOTIFY_REDIS_KEY)")
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", "")), key


def describe_source(source: str) -> str:
    """The source without credentials, for logs and status."""
    if source.startswith(("redis://", "rediss://")):
        parts = urlsplit(source)
        host = parts.hostname or ""
        return f"{parts.scheme}://{host}{':' + str(parts.port) if parts.port else ''}{parts.path}?{parts.query}"
    return source


def open_source(config: Config):
    source = config.events_source
    if source.startswith(("redis://", "rediss://")):
        import redis
        url, key = redis_target(source)
        return RedisListSource(redis.Redis.from_url(url), key)
    if source.startswith("sqs:"):
        return SqsSource(sqs_client(config), source.removeprefix("sqs:"), config.events_visibility)
    if source.startswith(("http://", "https://")):
        return SqsSource(sqs_client(config), source, config.events_visibility)
    raise ValueError("SOHOA_EVENTS_SOURCE must be sqs:NAME, an SQS queue URL or redis://HOST:PORT/DB?key=LIST")
