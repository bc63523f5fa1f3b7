"""Moving derived output an older deployment wrote into the inbox (``_sohoa/...``) to the derived bucket.

Each object is copied server-side (no bytes through this machine) to the same
path under SOHOA_DERIVED_PREFIX in SOHOA_DERIVED_BUCKET; with ``delete`` the
original is removed only once its copy exists. Running it again copies
nothing twice that is already in place with the same ETag, so an interrupted
migration is simply run again. Workers keep working meanwhile: anything they
write goes to the new place already, and page keys are computed from the
configuration (``Bucket.page_image_key``), not stored with the bucket name.
"""

from __future__ import annotations

from dataclasses import dataclass

from botocore.exceptions import BotoCoreError, ClientError

from sohoa.storage import Bucket, _unavailable


@dataclass
class MigrateReport:
    listed: int = 0
    copied: int = 0
    already_there: int = 0
    deleted: int = 0

    def __str__(self) -> str:
        return (f"{self.listed} derived objects found, {self.copied} copied, {self.already_there} already in place, "
                f"{self.deleted} originals deleted")


def target_key(key: str, from_prefix: str, to_prefix: str) -> str:
    return to_prefix + key[len(from_prefix):]


def migrate_derived(bucket: Bucket, from_prefix: str, delete: bool = False) -> MigrateReport:
    if not from_prefix.endswith("/"):
        from_prefix += "/"
    if bucket.derived_bucket == bucket.name and bucket.derived_prefix == from_prefix:
        raise ValueError("the derived output is configured to stay where it is: set SOHOA_DERIVED_BUCKET first")
    report = MigrateReport()
    bucket._ensure_derived_bucket()
    c = bucket.client
    for page in bucket.list_pages(from_prefix):
        for obj in page.get("Contents", []):
            report.listed += 1
            key, etag = obj["Key"], obj["ETag"]
            dest = target_key(key, from_prefix, bucket.derived_prefix)
            try:
                try:
                    there = c.head_object(Bucket=bucket.derived_bucket, Key=dest)["ETag"] == etag
                except ClientError as exc:
                    if exc.response.get("Error", {}).get("Code", "") not in ("404", "NoSuchKey", "NotFound"):
                        raise
                    there = False
                if there:
                    report.already_there += 1
                else:
                    c.copy_object(Bucket=bucket.derived_bucket, Key=dest,
                                  CopySource={"Bucket": bucket.name, "Key": key})
                    report.copied += 1
                if delete:
                    c.delete_object(Bucket=bucket.name, Key=key)
                    report.deleted += 1
            except (BotoCoreError, ClientError) as exc:
                raise _unavailable(exc) from exc
    return report
