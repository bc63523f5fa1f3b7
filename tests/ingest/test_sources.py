"""A worker's kept source files (ingest/sources.py): the prepare stage's download kept, a file inspected once."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from ingest.sources import SourceCache
from sohoa.storage import ObjectChanged, ObjectRef

DATA = b"II*\x00 a register's bytes"
HASH = hashlib.sha256(DATA).hexdigest()
REF = ObjectRef(key="hotich/so.tif", etag="e1", size=len(DATA))


class CountingBucket:
    """Writes ``data`` where a download goes and counts the downloads."""

    def __init__(self, data: bytes = DATA):
        self.data, self.downloads = data, 0

    def download(self, ref: ObjectRef, path: Path, max_bytes: int) -> str:
        self.downloads += 1
        path.write_bytes(self.data)
        return hashlib.sha256(self.data).hexdigest()


def test_the_prepared_download_is_kept_and_no_range_downloads_it_again(tmp_path):
    downloaded = tmp_path / "source"
    downloaded.write_bytes(DATA)
    cache, bucket = SourceCache(keep=2), CountingBucket()
    cache.adopt(HASH, downloaded)
    assert not downloaded.exists()  # moved, not copied
    path = cache.path(bucket, REF, HASH, 10_000)
    assert path.read_bytes() == DATA and bucket.downloads == 0
    cache.clear()
    assert cache.path(bucket, REF, HASH, 10_000).read_bytes() == DATA and bucket.downloads == 1


def test_other_bytes_under_the_key_are_refused_as_before(tmp_path):
    with pytest.raises(ObjectChanged):
        SourceCache().path(CountingBucket(b"newer bytes"), REF, HASH, 10_000)


def test_a_file_is_inspected_once_while_kept_and_again_once_pushed_out(tmp_path):
    cache, bucket = SourceCache(keep=1), CountingBucket()
    cache.path(bucket, REF, HASH, 10_000)
    reads = []

    def inspect():
        reads.append(1)
        return ("tiff", 300)

    assert cache.info(HASH, inspect) == ("tiff", 300)
    assert cache.info(HASH, inspect) == ("tiff", 300)
    assert len(reads) == 1
    other = b"another register"
    cache.path(CountingBucket(other), ObjectRef(key="k2", etag="e2", size=len(other)),
               hashlib.sha256(other).hexdigest(), 10_000)  # pushes the first file out (keep=1)
    cache.path(bucket, REF, HASH, 10_000)
    assert cache.info(HASH, inspect) == ("tiff", 300)
    assert len(reads) == 2


def test_a_failed_inspection_is_not_kept(tmp_path):
    cache = SourceCache()
    cache.path(CountingBucket(), REF, HASH, 10_000)

    def broken():
        raise ValueError("damaged")

    with pytest.raises(ValueError):
        cache.info(HASH, broken)
    assert cache.info(HASH, lambda: "read") == "read"
