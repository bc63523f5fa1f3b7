"""Configure S3 (or moto) to send the inbox's object creations to sohoa's SQS queue.

``sohoa events --setup`` creates the queue when missing, lets the bucket send to
it (the queue policy AWS requires; moto ignores it), and adds one notification
rule per collection prefix (one for the whole bucket when no collections are
configured), keeping any rules that are not sohoa's. MinIO is configured by
its own settings instead (docker-compose.yml: the Redis target).
"""

from __future__ import annotations

import json

from botocore.exceptions import BotoCoreError, ClientError

from sohoa.errors import DependencyUnavailable

from .event_sources import SqsSource
from sohoa.storage import Bucket

RULE_PREFIX = "sohoa-"


def queue_policy(queue_arn: str, bucket: str) -> str:
    return json.dumps({"Version": "2012-10-17", "Statement": [{
        "Sid": "sohoa-bucket-events", "Effect": "Allow", "Principal": {"Service": "s3.amazonaws.com"},
        "Action": "sqs:SendMessage", "Resource": queue_arn,
        "Condition": {"ArnLike": {"aws:SourceArn": f"arn:aws:s3:::{bucket}"}}}]})


def notification_rules(queue_arn: str, collections: tuple[str, ...]) -> list[dict]:
    """sohoa's rules: object creations, per collection prefix when collections are configured."""
    if not collections:
        return [{"Id": f"{RULE_PREFIX}all", "QueueArn": queue_arn, "Events": ["s3:ObjectCreated:*"]}]
    return [{"Id": f"{RULE_PREFIX}{c.strip('/')}", "QueueArn": queue_arn, "Events": ["s3:ObjectCreated:*"],
             "Filter": {"Key": {"FilterRules": [{"Name": "prefix", "Value": c}]}}} for c in collections]


def merged_configuration(current: dict, rules: list[dict]) -> dict:
    """The bucket's notification configuration with sohoa's rules replaced and everyone else's kept."""
    out = {k: v for k, v in current.items() if k in ("TopicConfigurations", "QueueConfigurations",
                                                     "LambdaFunctionConfigurations", "EventBridgeConfiguration")}
    others = [q for q in out.get("QueueConfigurations", []) if not str(q.get("Id", "")).startswith(RULE_PREFIX)]
    out["QueueConfigurations"] = others + rules
    return out


def setup_sqs(bucket: Bucket, source: SqsSource, collections: tuple[str, ...]) -> str:
    """Make the queue and the bucket's notification rules; return the queue's ARN."""
    sqs, s3 = source.client, bucket.client
    try:
        if source.queue.startswith(("http://", "https://")):
            url = source.queue
        else:
            url = sqs.create_queue(QueueName=source.queue, Attributes={
                "VisibilityTimeout": str(source.visibility), "MessageRetentionPeriod": str(14 * 24 * 3600)})["QueueUrl"]
        arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        sqs.set_queue_attributes(QueueUrl=url, Attributes={"Policy": queue_policy(arn, bucket.name)})
        current = s3.get_bucket_notification_configuration(Bucket=bucket.name)
        s3.put_bucket_notification_configuration(
            Bucket=bucket.name, NotificationConfiguration=merged_configuration(current, notification_rules(arn, collections)))
    except (BotoCoreError, ClientError) as exc:
        raise DependencyUnavailable(f"could not configure bucket events: {type(exc).__name__}: {str(exc)[:200]}") from exc
    source._url = url
    return arn
