"""Review desk pieces that need no server: the queue request, crops and boxes on the page image."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from ocr.page_crops import PageGeometry, crop, source_box
from indexers.reviews import QUEUE_SORT, queue_search


def test_queue_is_doubt_first_then_oldest_without_others_leases_or_ones_own_pending_answers():
    req = queue_search(reviewer="lan", leased=["r1", "r2"], collections=["hotich"], record_types=["birth"],
                       reasons=["unreadable"])
    assert req["sort"] == QUEUE_SORT
    assert [list(s)[0] for s in req["sort"]] == ["confidence", "extracted_at", "record_id"]
    assert req["sort"][0]["confidence"]["order"] == "asc"
    filters = req["query"]["bool"]["filter"]
    assert {"terms": {"review_status": ["needs_review", "awaiting_second"]}} in filters
    assert {"terms": {"collection": ["hotich"]}} in filters
    assert {"terms": {"record_type": ["birth"]}} in filters
    assert {"terms": {"review_codes": ["unreadable"]}} in filters
    assert {"ids": {"values": ["r1", "r2"]}} in req["query"]["bool"]["must_not"]
    assert {"term": {"awaiting": "lan"}} in req["query"]["bool"]["must_not"]


def test_boxes_map_back_to_the_stored_page_image():
    # OCR saw the page at twice its size: a box there is half as big on the stored image
    g = PageGeometry(width=2000, height=1000, source_width=1000, source_height=500, rotation=0, skew=0.0, scale=2.0)
    assert source_box([200, 100, 400, 140], g) == [100, 50, 200, 70]
    assert source_box([200, 100, 400, 140], None) == [200, 100, 400, 140]
    assert source_box(None, g) is None


def test_a_crop_is_the_box_with_a_margin_as_jpeg():
    img = Image.new("L", (1000, 500), 255)
    data = crop(img, [100, 50, 300, 90], margin=10)
    out = Image.open(io.BytesIO(data))
    assert out.format == "JPEG" and out.size == (220, 60)
    wide = Image.open(io.BytesIO(crop(img, [0, 0, 1000, 100], margin=0, max_width=500)))
    assert wide.size == (500, 50)


def test_a_role_without_full_fields_gets_masked_values_and_no_crop_of_them():
    from api.auth import masked_fields
    from api.review_routes import review_body
    from indexers.records import derive
    from sohoa.config import Config

    def f(v):
        return {"value": v, "raw": v, "confidence": 0.4, "page": 1, "bbox": [1, 2, 3, 4]}
    rec = derive({"record_type": "birth", "collection": "hotich", "doc_hash": "ab" * 32, "ordinal": 0, "pages": [1],
                  "needs_review": True, "review_reasons": ["personal_id: low confidence 0.40"],
                  "fields": {"full_name": f("Nguyễn Văn Đức"), "date_of_birth": f("1972-03-15"),
                             "personal_id": f("027072001234")}})
    body = review_body(rec, None, config=Config.from_env({}), hidden=masked_fields())
    by_key = {x["key"]: x for x in body["fields"]}
    assert by_key["date_of_birth"]["value"] == "1972" and by_key["date_of_birth"]["masked"]
    assert by_key["personal_id"]["value"] == "*********234" and by_key["personal_id"]["raw"] == "*********234"
    assert by_key["full_name"]["value"] == "Nguyễn Văn Đức"
    assert "1972-03-15" not in str(body) and "027072001234" not in str(body)
    assert by_key["personal_id"]["reasons"] == ["low_confidence"]


def test_the_queue_filters_on_what_the_extractor_listed_and_a_stale_head_entry_is_checked_again():
    from indexers.reviews import queue_filters, still_waiting
    from schemas.review import ReviewError
    filters = queue_filters(listed=["unmapped", "missing"], fields=["date_of_birth"])
    assert {"exists": {"field": "unmapped_labels"}} in filters and {"exists": {"field": "missing"}} in filters
    either = next(f for f in filters if "bool" in f)["bool"]["should"]
    assert {"terms": {"doubtful": ["date_of_birth"]}} in either and {"terms": {"missing": ["date_of_birth"]}} in either
    with pytest.raises(ReviewError):
        queue_filters(listed=["nothing"])
    waiting = {"review_status": "awaiting_second", "awaiting": ["Lan"], "collection": "hotich", "record_type": "birth"}
    assert still_waiting(waiting, "Minh", {"collections": ["hotich"]})
    assert not still_waiting(waiting, "Lan", {})  # her own answers wait for someone else
    assert not still_waiting(waiting, "Minh", {"collections": ["baotang"]})
    assert not still_waiting({**waiting, "review_status": "verified"}, "Minh", {})


def test_a_page_the_prefetcher_is_loading_is_not_loaded_again_beside_it():
    import threading
    import time

    from ocr.page_crops import PageCache

    class SlowBucket:
        loads = 0

        def page_image_key(self, h, p):
            return f"{h}/{p}"

        def page_ocr_key(self, h, p):
            return f"{h}/{p}.json"

        def get_bytes(self, key):
            SlowBucket.loads += 1
            time.sleep(0.2)
            buf = io.BytesIO()
            Image.new("L", (40, 30), 255).save(buf, format="PNG")
            return buf.getvalue()

        def get_json(self, key):
            raise KeyError(key)

    cache, bucket, got = PageCache(), SlowBucket(), []
    threads = [threading.Thread(target=lambda: got.append(cache.get(bucket, "ab", 1))) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert SlowBucket.loads == 1 and [g[0].size for g in got] == [(40, 30)] * 3
