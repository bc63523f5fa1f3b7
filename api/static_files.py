"""The web pages' own static files (``api/static/``), served by one function for every page.

Each page serves only the files named after it (``search*``, ``review*``,
``console*``) from one flat directory: a name with a path separator or ``..``,
another page's file or a file that is not there is a plain 404, so a route can
never be walked out of the directory. Each page chooses its cache policy.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import HTTPException
from fastapi.responses import FileResponse

STATIC_DIR = Path(__file__).resolve().parent / "static"
MEDIA_TYPES = {".css": "text/css", ".js": "text/javascript"}


def static_file(name: str, prefix: str, cache_control: str, directory: Path = STATIC_DIR) -> FileResponse:
    """The file ``name`` from ``directory`` if it is one of the page ``prefix``'s own, else 404."""
    if not name.startswith(prefix) or "/" in name or "\\" in name or ".." in name or "\x00" in name:
        raise HTTPException(404, "not found")
    path = directory / name
    # Resolved: a symbolic link placed in the directory must not lead out of it either.
    if not path.is_file() or path.resolve().parent != directory.resolve():
        raise HTTPException(404, "not found")
    media = MEDIA_TYPES.get(path.suffix, "application/octet-stream")
    return FileResponse(path, media_type=media, headers={"Cache-Control": cache_control})
