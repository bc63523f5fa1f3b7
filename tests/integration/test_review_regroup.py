"""Splitting and merging records on the review desk, against the real servers: the API re-indexes at once,
the result is searchable, audited, and made again by a later extraction of the same document."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "schemas"))

from review_fixtures import doc_hash, index_document_pages, review_desk  # noqa: E402

KEY = "hotich/regroup/dossier.pdf"
# A birth certificate on two pages; the second page repeats the heading, so the extractor starts a new
# record there: the record a reviewer merges back.
PAGES = [["GIẤY KHAI SINH", "Họ, chữ đệm, tên: Nguyễn Văn Tùng", "Ngày, tháng, năm sinh: 02/05/1968",
          "Giới tính: Nam"],
         ["GIẤY KHAI SINH", "Nơi sinh: xã Tam Sơn, huyện Từ Sơn, tỉnh Bắc Ninh",
          "Họ, chữ đệm, tên người mẹ: Vũ Thị Nga", "Mục xyz: Vũ Văn Hải"]]


@pytest.fixture(scope="module")
def desk(stack_env, es):
    people = [("Lan", "reviewer", ()), ("Minh", "reviewer", ()), ("Kiểm toán", "auditor", ())]
    with review_desk(es, stack_env, "-regroup", lambda es, env: index_document_pages(es, env, KEY, PAGES),
                     people) as d:
        yield d


def reextract(desk, es):
    """The document through the pipeline's index step again (ingest.stages.index_document)."""
    from ingest.stages import Context, index_document
    from ingest.state import doc_job_id, transition
    h = doc_hash(KEY)
    ctx = Context.from_config(desk["config"])
    ctx.state.create(ctx.state.jobs, doc_job_id(h), transition({
        "kind": "document", "doc_hash": h, "bucket": ctx.bucket.name, "key": KEY, "keys": [KEY], "etag": "x",
        "size": 1, "collection": "hotich", "attempts": 1, "pages_total": 2, "pages_done": [1, 2], "pages_failed": [],
        "pages_count_done": 2, "pages_count_failed": 0, "received_at": "2026-01-01T00:00:00+00:00",
        "started_at": "2026-01-01T00:00:00+00:00", "history": []}, "ocr"))
    assert index_document(ctx, h) >= 1
    es.indices.refresh(index=desk["config"].index("records"))


def stored(es, desk) -> dict[str, dict]:
    es.indices.refresh(index=desk["config"].index("records"))
    hits = es.search(index=desk["config"].index("records"), query={"term": {"doc_hash": doc_hash(KEY)}},
                     size=50)["hits"]["hits"]
    return {h["_id"]: h["_source"] for h in hits}


def test_what_the_extractor_could_not_place_is_listed_filtered_on_and_given_to_a_field(desk):
    lan = desk["c"]["Lan"]
    first, second = desk["ids"]
    for params in ({"listed": "unmapped"}, {"listed": "missing"}, {"field": "Mục xyz"}, {"field": "date_of_birth"},
                   {"reason": "unmapped"}):
        q = lan.get("/review/queue", params=params).json()
        assert [h["record_id"] for h in q["hits"]] == [second], params
    assert lan.get("/review/queue", params={"listed": "nothing"}).status_code == 400
    counts = lan.get("/review/queue").json()["counts"]
    assert counts["unmapped"] == {"Mục xyz": 1} and counts["missing"] == {"full_name": 1, "date_of_birth": 1}
    assert lan.post("/review/next", json={"listed": ["unmapped"]}).json()["id"] == second

    rec = lan.get(f"/review/records/{second}").json()
    assert [m["key"] for m in rec["missing"]] == ["full_name", "date_of_birth"]
    [pair] = rec["unmapped"]
    assert pair["label"] == "Mục xyz" and pair["value"] == "Vũ Văn Hải" and pair["page"] == 2
    assert pair["crop"].startswith("data:image/jpeg") and pair["box"][1] > 0
    # one step gives the pair to a field; a missing required field is added by typing it
    answers = [{"field": f["key"], "action": "accept"} for f in rec["fields"]]
    answers += [{"field": "father.full_name", "action": "assign", "unmapped": pair["index"]},
                {"field": "date_of_birth", "action": "add", "value": "02/05/1968"}]
    saved = lan.post(f"/review/records/{second}/decisions", json={"decisions": answers})
    assert saved.status_code == 200, saved.text
    detail = lan.get(f"/records/{second}").json()
    assert detail["fields"]["father"]["full_name"]["value"] == "Vũ Văn Hải"
    assert detail["fields"]["father"]["full_name"]["image_box"] == pair["box"]  # where the pair is on the page
    assert detail["fields"]["date_of_birth"]["value"] == "1968-05-02"
    again = lan.get(f"/review/records/{second}").json()
    assert again["unmapped"][0]["assigned_to"] == "father.full_name"
    assert [m["key"] for m in again["missing"] if m["added"]] == ["date_of_birth"]
    # the round says which field got what, never a value
    history = lan.get(f"/review/records/{second}/history").json()["rounds"]
    assert "Hải" not in str(history) and "1968" not in str(history)


def test_merge_then_split_then_a_re_extraction_makes_the_same_records(desk, es):
    lan, minh, auditor = desk["c"]["Lan"], desk["c"]["Minh"], desk["c"]["Kiểm toán"]
    first, second = desk["ids"]
    assert len(desk["ids"]) == 2

    # Minh holds the first record: Lan may not merge it
    assert minh.get(f"/review/records/{first}").status_code == 200
    assert minh.post(f"/review/records/{first}/split", json={"page": 1}).status_code == 400  # nothing above
    merged = lan.post(f"/review/records/{first}/merge-next")
    assert merged.status_code == 409
    assert minh.post(f"/review/records/{first}/release").json() == {"released": True}

    merged = lan.post(f"/review/records/{first}/merge-next")
    assert merged.status_code == 200, merged.text
    assert merged.json()["merged"] == second and merged.json()["pages"] == [1, 2]
    # re-indexed at once: the second record is gone, the first holds both pages' fields and is found by them
    assert lan.get(f"/records/{second}").status_code == 404
    rec = lan.get(f"/review/records/{first}").json()
    keys = [f["key"] for f in rec["fields"]]
    assert {"full_name", "date_of_birth", "place_of_birth", "mother.full_name"} <= set(keys)
    found = lan.get("/records/search", params={"name": "Nguyễn Văn Tùng", "place": "Tam Sơn"}).json()["hits"]
    assert [h["id"] for h in found] == [first]

    # split again at the second page: a record of its own, named after the split, searchable
    split = lan.post(f"/review/records/{first}/split", json={"field": "place_of_birth"})
    assert split.status_code == 200, split.text
    new = split.json()["new"]
    assert split.json()["id"] == first and new == f"{doc_hash(KEY)}:r0000s2"
    parts = stored(es, desk)
    assert set(parts) == {first, new}
    assert "mother" in parts[new]["fields"] and "mother" not in parts[first]["fields"]
    assert parts[new]["missing"] == ["full_name", "date_of_birth"]
    found = lan.get("/records/search", params={"q": "Vũ Thị Nga"}).json()["hits"]
    assert new in [h["id"] for h in found]

    # Lan answers the split-off record (the mother's name corrected); then the document is extracted again
    part = lan.get(f"/review/records/{new}").json()
    answers = [{"field": f["key"], "action": "accept"} for f in part["fields"]]
    for a in answers:
        if a["field"] == "mother.full_name":
            a.update(action="edit", value="Vũ Thị Ngà")
    assert lan.post(f"/review/records/{new}/decisions", json={"decisions": answers}).status_code == 200
    reextract(desk, es)
    again = stored(es, desk)
    assert set(again) == {first, new}  # merged and split as people left them, not as the extractor cuts
    assert again[new]["fields"]["mother"]["full_name"]["value"] == "Vũ Thị Ngà"
    assert again[new]["fields"]["mother"]["full_name"]["review"]["status"] == "pending"  # names: two people
    assert again[first]["fields"]["full_name"]["value"] == "Nguyễn Văn Tùng"
    assert "place_of_birth" not in again[first]["fields"]

    entries = auditor.get("/audit/entries", params={"record_id": first}).json()["entries"]
    actions = {e["action"] for e in entries}
    assert {"review.merge", "review.split"} <= actions
    # what people did to the record, never what it says (searches audit their own query, so are left out)
    assert all("Tùng" not in str(e) and "Nga" not in str(e) for e in entries if e["action"].startswith("review."))
