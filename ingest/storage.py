"""The buckets moved to the kernel (sohoa/storage.py), shared by every layer; this name stays for older imports."""

from sohoa.storage import CHUNK, Bucket, ObjectChanged, ObjectRef, _unavailable

__all__ = ["CHUNK", "Bucket", "ObjectChanged", "ObjectRef", "_unavailable"]
