"""Masking follows the field roles of a record type the code has never seen (a deployment's own file)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "schemas"))

from new_record_type import write_type  # noqa: E402

from api import auth, page_images  # noqa: E402
from api.disclosure import disclose  # noqa: E402
from schemas.loader import reload_record_types  # noqa: E402


def _diploma() -> dict:
    return {"record_type": "school_diploma", "date_of_birth": "1988-07-14", "event_date": "2006-06-20",
            "fields": {"graduate_name": {"value": "Quách Thị Diệu Linh", "raw": "Quách Thị Diệu Linh", "page": 1,
                                         "bbox": [60, 5, 90, 20]},
                       "born_on": {"value": "1988-07-14", "raw": "l4/O7/1988", "page": 1, "bbox": [5, 5, 50, 20]},
                       "graduated_on": {"value": "2006-06-20", "raw": "20/06/2006", "page": 1,
                                        "bbox": [5, 30, 50, 45]}}}


def test_a_new_types_birth_date_is_masked_and_painted_and_its_event_date_is_not(record_types_dir):
    write_type(record_types_dir)
    reload_record_types()
    out = auth.mask_record(_diploma(), False)
    assert out["date_of_birth"] == "1988" and out["fields"]["born_on"] == {**_diploma()["fields"]["born_on"],
                                                                          "value": "1988", "raw": "1988"}
    assert out["fields"]["graduated_on"]["value"] == "2006-06-20" and out["event_date"] == "2006-06-20"
    # the birth date's box is painted even where its text did not read as a date
    assert page_images.field_boxes(_diploma(), 1) == [(5, 5, 50, 20)]
    assert "born_on" in auth.masked_fields()


def test_without_its_declaration_the_same_field_is_still_masked_as_text():
    """The response boundary masks any date finer than a year in a field it knows nothing of: a type whose
    file is missing leaks nothing, it only loses the box painted over its text."""
    out = disclose(_diploma())
    assert out["fields"]["born_on"]["value"] == "1988" and out["fields"]["graduated_on"]["value"] == "2006"
    assert page_images.field_boxes(_diploma(), 1) == []
