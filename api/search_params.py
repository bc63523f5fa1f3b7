"""The query parameters of a record search, as data: read once per request, and described in OpenAPI from the
same table.

FastAPI validates each declared query parameter on its own (some twenty for a record search), which cost about
a tenth of the API's time per search; here the query string is read once into plain values. A value that is
not what the table says is refused with 422, as FastAPI refuses it, and the message names the parameter and
what it takes, never the value (it may be a date of birth or a name).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import HTTPException

from indexers.records_search import MAX_SIZE, SORTS

TRUE = frozenset({"1", "true", "t", "yes", "y", "on"})
FALSE = frozenset({"0", "false", "f", "no", "n", "off"})


class InvalidParameter(HTTPException):
    def __init__(self, message: str) -> None:
        super().__init__(422, message)


@dataclass(frozen=True)
class Param:
    """One query parameter: ``kind`` string, integer or boolean; ``many``: repeatable (a list, in order)."""

    name: str
    kind: str = "string"
    many: bool = False
    max_length: int | None = None
    minimum: int | None = None
    maximum: int | None = None
    default: Any = None
    description: str = ""

    def convert(self, text: str) -> Any:
        if self.kind == "integer":
            try:
                value = int(text.strip())
            except ValueError:
                raise InvalidParameter(f"{self.name}: a whole number{self._bounds()}") from None
            if (self.minimum is not None and value < self.minimum) or (self.maximum is not None and value > self.maximum):
                raise InvalidParameter(f"{self.name}: a whole number{self._bounds()}")
            return value
        if self.kind == "boolean":
            word = text.strip().lower()
            if word in TRUE or word in FALSE:
                return word in TRUE
            raise InvalidParameter(f"{self.name}: true or false")
        if self.max_length is not None and len(text) > self.max_length:
            raise InvalidParameter(f"{self.name}: at most {self.max_length} characters")
        return text

    def _bounds(self) -> str:
        if self.minimum is not None and self.maximum is not None:
            return f" from {self.minimum} to {self.maximum}"
        return ""

    def read(self, params) -> Any:
        """This parameter's value in ``params`` (a query string's multi-dict): the last one given, as FastAPI
        takes it, or every one given when repeatable. An empty number or yes/no is taken as not given (a form's
        empty field)."""
        values = params.getlist(self.name)
        if self.kind != "string":
            values = [v for v in values if v.strip()]
        if self.many:
            return [self.convert(v) for v in values]
        return self.convert(values[-1]) if values else self.default

    def openapi(self) -> dict:
        item: dict[str, Any] = {"type": self.kind}
        if self.max_length is not None:
            item["maxLength"] = self.max_length
        if self.minimum is not None:
            item["minimum"] = self.minimum
        if self.maximum is not None:
            item["maximum"] = self.maximum
        schema: dict[str, Any] = {"type": "array", "items": item} if self.many else dict(item)
        if self.default is not None:
            schema["default"] = self.default
        out = {"name": self.name, "in": "query", "required": False, "schema": schema}
        if self.description:
            out["description"] = self.description
        return out


RECORD_PARAMS: tuple[Param, ...] = (
    Param("q", max_length=500, description="free text over every value of a record"),
    Param("name", max_length=200, description="a person's name; diacritics, order, middle name, one typo, Telex/VNI "
          "keystrokes are forgiven; spellings as typed rank first"),
    Param("born", max_length=30, description="date of birth of the person named (or of any person of the roles "
          "asked for): 1972, 1970..1975, 1972-03, ..1975"),
    Param("born_from", max_length=10),
    Param("born_to", max_length=10),
    Param("died", max_length=30, description="date of death, as born"),
    Param("registered", max_length=30, description="registration date, as born"),
    Param("place", max_length=300, description="words of any place on the record"),
    Param("number", max_length=60, description="personal ID or a register/certificate number"),
    Param("type", many=True, description="record type (repeatable)"),
    Param("collection", many=True, description="collection (repeatable)"),
    Param("review", max_length=20, description="ok or needs_review"),
    Param("decade", kind="integer", many=True, description="decade of the record's main date, e.g. 1970"),
    Param("province", many=True, description="province named in a place (facet value)"),
    Param("role", many=True, description="whose name and birth date to search (repeatable): subject (default: the "
          "person a record is about, both spouses of a marriage), mother, father, declarant, wife, husband, "
          "relative, any"),
    Param("sort", max_length=20, default="relevance", description=f"one of {', '.join(SORTS)}"),
    Param("size", kind="integer", minimum=1, maximum=MAX_SIZE, default=20),
    Param("facets", kind="boolean", default=True, description="count facets on the first page"),
)
CURSOR = Param("cursor", max_length=4000, description="next_cursor of the previous page; the other parameters must "
               "be the same")


def read(params, table: tuple[Param, ...] = RECORD_PARAMS) -> dict[str, Any]:
    """Every parameter of ``table`` from a query string's multi-dict (``request.query_params``)."""
    return {p.name: p.read(params) for p in table}


def openapi(*tables: tuple[Param, ...] | Param) -> dict:
    """``openapi_extra`` for a route that reads these parameters itself."""
    params = [p for t in tables for p in (t if isinstance(t, tuple) else (t,))]
    return {"parameters": [p.openapi() for p in params]}
