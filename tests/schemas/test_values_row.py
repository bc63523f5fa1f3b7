"""Two values under one label both listed (schemas/records.py unmapped_entries)."""

from schemas.records import unmapped_entries


def test_two_values_under_one_label_are_two_entries():
    # a label nobody knows read over two values: keeping one entry per label would drop the second value
    entries = unmapped_entries([{"label": "Xxq vvk", "value": "Hoa sen", "page": 1, "bbox": None},
                                {"label": "Xxq vvk", "value": "Mây trắng", "page": 1, "bbox": None},
                                {"label": "Xxq vvk", "value": "Hoa sen", "page": 1, "bbox": None}])
    assert [(e["label"], e["value"]) for e in entries] == [("Xxq vvk", "Hoa sen"), ("Xxq vvk", "Mây trắng")]
