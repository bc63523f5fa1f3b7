"""The record search's query parameters, read once from the query string (api/search_params.py)."""

from __future__ import annotations

import pytest
from starlette.datastructures import QueryParams

from api import search_params
from api.search_params import RECORD_PARAMS, InvalidParameter, read


def test_defaults_when_nothing_is_given():
    p = read(QueryParams(""))
    assert p["size"] == 20 and p["facets"] is True and p["sort"] == "relevance"
    assert p["name"] is None and p["type"] == [] and p["decade"] == []


def test_repeatable_parameters_keep_every_value_in_order_and_others_the_last():
    p = read(QueryParams("type=birth&type=death&decade=1970&decade=1980&name=le&name=nguyen+van+duc&size=5"))
    assert p["type"] == ["birth", "death"] and p["decade"] == [1970, 1980]
    assert p["name"] == "nguyen van duc" and p["size"] == 5


@pytest.mark.parametrize("text,value", [("false", False), ("0", False), ("No", False), ("true", True), ("1", True),
                                        ("on", True)])
def test_yes_or_no_as_forms_and_scripts_write_it(text, value):
    assert read(QueryParams(f"facets={text}"))["facets"] is value


def test_an_empty_number_or_yes_no_is_not_given():
    p = read(QueryParams("size=&facets=&decade=&review="))
    assert p["size"] == 20 and p["facets"] is True and p["decade"] == [] and p["review"] == ""


@pytest.mark.parametrize("query", ["size=1000", "size=0", "size=ten", "decade=197x", "facets=maybe",
                                   "name=" + "a" * 201, "q=" + "b" * 501])
def test_a_value_out_of_bounds_is_refused_without_repeating_it(query):
    with pytest.raises(InvalidParameter) as exc:
        read(QueryParams(query))
    assert exc.value.status_code == 422
    name, value = query.split("=", 1)
    assert exc.value.detail.startswith(name + ":")
    assert len(value) < 4 or value not in exc.value.detail  # short numbers may happen to be in the bounds


def test_openapi_describes_every_parameter_read():
    described = search_params.openapi(RECORD_PARAMS, search_params.CURSOR)["parameters"]
    assert [d["name"] for d in described] == [p.name for p in RECORD_PARAMS] + ["cursor"]
    size = next(d for d in described if d["name"] == "size")["schema"]
    assert size == {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}
    assert next(d for d in described if d["name"] == "type")["schema"] == {"type": "array",
                                                                          "items": {"type": "string"}}
