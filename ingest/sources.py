"""Source files a worker keeps while it reads a register's pages, range after range.

A large document's pages reach the workers as page ranges (``ocr_pages``);
each range rasterizes its pages from the source file itself, so no page image
is made up front or read back from the bucket. A worker that reads several
ranges of one register downloads it once: the file stays on local disk, named
by its SHA-256, until newer ones push it out; the worker that prepared the
register keeps the copy it downloaded then, and each worker inspects a file
once (its kind and page count are the bytes', which the name vouches for),
not once a range. Nothing depends on the cache:
a worker on another machine, or after a restart, downloads the file again,
and a download whose bytes are not the document's is refused.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Callable, TypeVar

from sohoa.storage import Bucket, ObjectChanged, ObjectRef

T = TypeVar("T")


class SourceCache:
    """At most ``keep`` downloaded source files of this process, most recently used last."""

    def __init__(self, keep: int = 2):
        self.keep = keep
        self.dir: Path | None = None
        self.files: OrderedDict[str, Path] = OrderedDict()
        self.infos: dict[str, object] = {}  # what was read from a kept file, by its hash
        self.lock = threading.Lock()

    def path(self, bucket: Bucket, ref: ObjectRef, doc_hash: str, max_bytes: int) -> Path:
        """The local copy of document ``doc_hash``, downloaded from ``ref`` if not kept already.

        Raises ``ObjectChanged`` when the key no longer holds these bytes.
        """
        with self.lock:
            if doc_hash in self.files and self.files[doc_hash].exists():
                self.files.move_to_end(doc_hash)
                return self.files[doc_hash]
            if self.dir is None or not self.dir.exists():
                self.dir = Path(tempfile.mkdtemp(prefix="sohoa-sources-"))
            partial = self.dir / f"{doc_hash}.part"
            try:
                got = bucket.download(ref, partial, max_bytes)
            except BaseException:
                partial.unlink(missing_ok=True)
                raise
            if got != doc_hash:
                partial.unlink(missing_ok=True)
                raise ObjectChanged("the key holds other bytes than this document now; the new version is "
                                    "processed on its own", "superseded")
            return self._keep(doc_hash, partial)

    def adopt(self, doc_hash: str, downloaded: Path) -> None:
        """Keep ``downloaded``, a file whose SHA-256 the caller has just checked to be ``doc_hash`` (the
        prepare stage's own download), so this worker's ranges of it need no download of their own. The
        file is moved: the caller no longer has it."""
        with self.lock:
            if doc_hash in self.files and self.files[doc_hash].exists():
                return
            if self.dir is None or not self.dir.exists():
                self.dir = Path(tempfile.mkdtemp(prefix="sohoa-sources-"))
            partial = self.dir / f"{doc_hash}.part"
            shutil.move(str(downloaded), partial)
            self._keep(doc_hash, partial)

    def info(self, doc_hash: str, read: Callable[[], T]) -> T:
        """What ``read`` says about the kept file of ``doc_hash`` (its kind and pages), read once while kept."""
        with self.lock:
            if doc_hash in self.infos and doc_hash in self.files:
                return self.infos[doc_hash]  # type: ignore[return-value]
        value = read()
        with self.lock:
            if doc_hash in self.files:
                self.infos[doc_hash] = value
        return value

    def _keep(self, doc_hash: str, partial: Path) -> Path:
        """``partial`` renamed to the file of ``doc_hash``, the oldest files beyond ``keep`` removed (lock held)."""
        assert self.dir is not None
        path = self.dir / doc_hash
        os.replace(partial, path)
        self.files[doc_hash] = path
        self.files.move_to_end(doc_hash)
        while len(self.files) > self.keep:
            old_hash, old = self.files.popitem(last=False)
            self.infos.pop(old_hash, None)
            old.unlink(missing_ok=True)
        return path

    def clear(self) -> None:
        with self.lock:
            if self.dir is not None:
                shutil.rmtree(self.dir, ignore_errors=True)
            self.dir, self.files, self.infos = None, OrderedDict(), {}
