"""The buckets: the inbox scans come from, and the derived bucket page images and OCR results go to.

Everything goes through boto3 with an endpoint URL, so the same code talks to
the local S3 server, MinIO or AWS. Derived output lives in its own bucket
(``<inbox>-derived`` by default, SOHOA_DERIVED_BUCKET) so no listing and no
bucket event of the inbox ever sees it; a deployment that keeps it in the
inbox under a prefix (the older ``_sohoa/`` layout) still never has it taken
for a scan, and ``sohoa derived migrate`` moves it out.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import boto3
from botocore.config import Config as BotoConfig
from botocore.exceptions import BotoCoreError, ClientError, EndpointConnectionError

from sohoa.config import Config
from sohoa.errors import BadInput, DependencyUnavailable, LimitExceeded

CHUNK = 1024 * 1024

# A listing page or an OCR result as boto3 and json give them.
Json = dict[str, Any]


class ObjectChanged(BadInput):
    """The listed version of an object is gone before it could be read.

    ``outcome`` is ``deleted`` (a failure with its reason: the clerk removed it)
    or ``superseded`` (overwritten: the new version has its own listing and is
    processed on its own, so the old one is not a failure).
    """

    def __init__(self, message: str, outcome: str):
        super().__init__(message)
        self.outcome = outcome


@dataclass(frozen=True)
class ObjectRef:
    key: str
    etag: str
    size: int

    @property
    def collection(self) -> str:
        """The first path segment: clerks drop each collection under its own prefix."""
        return self.key.split("/", 1)[0] if "/" in self.key else ""


class Bucket:
    def __init__(self, config: Config, client: Any = None):
        self.config = config
        self.name = config.bucket
        self.derived_bucket = config.derived_bucket
        self.derived_prefix = config.derived_prefix
        self._derived_ready = False
        self.client = client or boto3.client(
            "s3",
            endpoint_url=config.s3_endpoint,
            region_name=config.s3_region,
            aws_access_key_id=config.s3_access_key,
            aws_secret_access_key=config.s3_secret_key,
            config=BotoConfig(retries={"max_attempts": 5, "mode": "standard"}, connect_timeout=5, read_timeout=60),
        )

    # -- listing ---------------------------------------------------------
    def is_scan_key(self, key: str) -> bool:
        """Whether a key of the inbox can be a clerk's upload: not sohoa's own output, not a folder placeholder."""
        if self.derived_bucket == self.name and self.derived_prefix and key.startswith(self.derived_prefix):
            return False
        return bool(key) and not key.endswith("/")  # "folder" placeholders some clients create

    def list_pages(self, prefix: str = "", delimiter: str = "") -> Iterator[Json]:
        """The raw ListObjectsV2 pages (one request each) under ``prefix``."""
        paginator = self.client.get_paginator("list_objects_v2")
        kwargs = {"Bucket": self.name, "Prefix": prefix, **({"Delimiter": delimiter} if delimiter else {})}
        try:
            yield from paginator.paginate(**kwargs)
        except (BotoCoreError, ClientError) as exc:
            raise _unavailable(exc) from exc

    def scans_in(self, page: Json) -> list[ObjectRef]:
        return [ObjectRef(key=obj["Key"], etag=obj["ETag"].strip('"'), size=obj["Size"])
                for obj in page.get("Contents", []) if self.is_scan_key(obj["Key"])]

    def list_scans(self, prefix: str = "") -> Iterator[ObjectRef]:
        """Every object that is a clerk's upload (not sohoa's own output), page by page."""
        for page in self.list_pages(prefix):
            yield from self.scans_in(page)

    # -- reading ---------------------------------------------------------
    def download(self, ref: ObjectRef, dest: Path, max_bytes: int) -> str:
        """Download exactly the listed version of an object; return its SHA-256.

        ``IfMatch`` on the ETag means an object overwritten after it was listed
        is not silently processed under the old listing: the new version is
        listed (and processed) on its own.
        """
        if ref.size > max_bytes:
            raise LimitExceeded(f"object is {ref.size} bytes, over the limit of {max_bytes}")
        try:
            resp = self.client.get_object(Bucket=self.name, Key=ref.key, IfMatch=f'"{ref.etag}"')
        except ClientError as exc:
            code = exc.response.get("Error", {}).get("Code", "")
            if code in ("NoSuchKey", "404"):
                raise ObjectChanged("object was deleted before it could be downloaded", "deleted") from exc
            if code in ("PreconditionFailed", "412"):
                raise ObjectChanged("object was overwritten after it was listed; the new version is processed "
                                    "on its own", "superseded") from exc
            raise _unavailable(exc) from exc
        except BotoCoreError as exc:
            raise _unavailable(exc) from exc
        digest = hashlib.sha256()
        written = 0
        with open(dest, "wb") as fh:
            for chunk in resp["Body"].iter_chunks(CHUNK):
                written += len(chunk)
                if written > max_bytes:
                    raise LimitExceeded(f"object is over the limit of {max_bytes} bytes")
                digest.update(chunk)
                fh.write(chunk)
        return digest.hexdigest()

    # -- derived output (page images, OCR results): always the derived bucket
    def get_bytes(self, key: str) -> bytes:
        """A derived object (a key from ``page_image_key`` or ``page_ocr_key``)."""
        try:
            data: bytes = self.client.get_object(Bucket=self.derived_bucket, Key=key)["Body"].read()
            return data
        except (BotoCoreError, ClientError) as exc:
            raise _unavailable(exc) from exc

    def find_bytes(self, key: str) -> bytes | None:
        """A derived object, or None when there is none under ``key`` (one that may not have been written)."""
        try:
            data: bytes = self.client.get_object(Bucket=self.derived_bucket, Key=key)["Body"].read()
            return data
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code", "") in ("NoSuchKey", "404", "NotFound", "NoSuchBucket"):
                return None
            raise _unavailable(exc) from exc
        except BotoCoreError as exc:
            raise _unavailable(exc) from exc

    def get_json(self, key: str) -> Json:
        obj: Json = json.loads(self.get_bytes(key))
        return obj

    def put_bytes(self, key: str, data: bytes, content_type: str) -> None:
        """Write a derived object; the derived bucket is created on first use."""
        self._ensure_derived_bucket()
        try:
            self.client.put_object(Bucket=self.derived_bucket, Key=key, Body=data, ContentType=content_type)
        except (BotoCoreError, ClientError) as exc:
            raise _unavailable(exc) from exc

    def _ensure_derived_bucket(self) -> None:
        if self._derived_ready:
            return
        try:
            self.client.head_bucket(Bucket=self.derived_bucket)
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code", "") not in ("404", "NoSuchBucket", "NotFound"):
                raise _unavailable(exc) from exc
            try:
                self.client.create_bucket(Bucket=self.derived_bucket)
            except ClientError as create_exc:  # another worker made it meanwhile
                if create_exc.response.get("Error", {}).get("Code", "") not in ("BucketAlreadyOwnedByYou",
                                                                                  "BucketAlreadyExists"):
                    raise _unavailable(create_exc) from create_exc
        except BotoCoreError as exc:
            raise _unavailable(exc) from exc
        self._derived_ready = True

    def put_json(self, key: str, obj: Json) -> None:
        self.put_bytes(key, json.dumps(obj, ensure_ascii=False).encode("utf-8"), "application/json")

    # -- writing to the inbox (sohoa submit) --------------------------------
    def upload_file(self, path: Path, key: str) -> None:
        try:
            self.client.upload_file(str(path), self.name, key)
        except (BotoCoreError, ClientError) as exc:
            raise _unavailable(exc) from exc

    def ensure_bucket(self) -> None:
        try:
            self.client.head_bucket(Bucket=self.name)
        except ClientError:
            self.client.create_bucket(Bucket=self.name)

    # -- derived keys ----------------------------------------------------
    def page_image_key(self, doc_hash: str, page: int) -> str:
        """The page as a lossless PNG, for an OCR worker to read (a page handed to the OCR queue)."""
        return f"{self.derived_prefix}pages/{doc_hash}/{page:05d}.png"

    def page_view_key(self, doc_hash: str, page: int) -> str:
        """The page image people look at (search page, review desk): a JPEG, quick to write and to read."""
        return f"{self.derived_prefix}pages/{doc_hash}/{page:05d}.jpg"

    def page_view(self, doc_hash: str, page: int) -> bytes | None:
        """The page image to show: its JPEG, else its PNG (pages handed to the OCR queue, and pages of
        documents read before the JPEG was written); None when there is neither."""
        return self.find_bytes(self.page_view_key(doc_hash, page)) \
            or self.find_bytes(self.page_image_key(doc_hash, page))

    def page_ocr_key(self, doc_hash: str, page: int) -> str:
        return f"{self.derived_prefix}ocr/{doc_hash}/{page:05d}.json"

    def page_reading_key(self, doc_hash: str, page: int) -> str:
        """The records read from a page on its own by the worker that OCR'd it (schemas.extract.page_readings)."""
        return f"{self.derived_prefix}readings/{doc_hash}/{page:05d}.json"


def _unavailable(exc: Exception) -> DependencyUnavailable:
    if isinstance(exc, EndpointConnectionError):
        return DependencyUnavailable(f"S3 endpoint unreachable: {exc}")
    return DependencyUnavailable(f"S3 error: {type(exc).__name__}: {str(exc)[:200]}")
