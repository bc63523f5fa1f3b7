"""JSON answers encoded with orjson: the same bytes as Starlette's ``JSONResponse`` (UTF-8, no spaces), in a
fraction of the time for a search answer of up to 100 records."""

from __future__ import annotations

from typing import Any

import orjson
from fastapi.responses import JSONResponse


class FastJSONResponse(JSONResponse):
    def render(self, content: Any) -> bytes:
        return orjson.dumps(content, option=orjson.OPT_NON_STR_KEYS)
