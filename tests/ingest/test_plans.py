"""The stages' decisions, without any service: what a page's reading produces and which state it
moves to, which pages a delivery reads, how a document's pages are counted, what the index step
writes for a document and where the document ends."""

from __future__ import annotations

import io

import pytest

from ingest import plans
from ingest.plans import Claim, IndexGate, PageAction
from ingest.stages import read_page_image
from ingest.state import transition
from ocr.pipeline import OcrOptions
from ocr.result import Line, PageText, Word
from sohoa.errors import BadInput
from sohoa.ids import page_id
from tests.ocr.conftest import page as rendered_page

NOW = "2026-12-05T02:00:00.000+00:00"
LATER = "2026-12-05T03:00:00.000+00:00"


def words(*items: tuple[str, float]) -> PageText:
    line = Line(words=[Word(t, c, (10 * i, 0, 10 * i + 9, 10)) for i, (t, c) in enumerate(items)], bbox=(0, 0, 99, 10))
    return PageText(page=1, width=100, height=20, lines=[line], seconds=0.5)


def document(**fields) -> dict:
    doc = plans.new_document(doc_hash="ab" * 32, bucket="inbox", key="hotich/a.pdf", etag="e1", size=10,
                             collection="hotich", now=NOW)
    doc.update(fields)
    return doc


# -- reading a page --------------------------------------------------------------


def test_a_page_image_in_gives_its_words_with_boxes_and_the_fields_of_its_done_record():
    image, truth = rendered_page("form", lines=4)
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    result = read_page_image(buf.getvalue(), 3, OcrOptions())
    assert result.page == 3 and result.words
    assert any(w.text in truth for w in result.words)
    assert all(0 <= w.bbox[0] < w.bbox[2] <= result.width for w in result.words)
    fields = plans.done_fields(result)
    assert fields == {"mean_confidence": round(result.mean_confidence, 4), "flags": result.flags,
                      "seconds": result.seconds}
    record = transition({"kind": "page", "state": "ocr", "history": []}, "done", **fields)
    assert record["state"] == "done" and record["finished_at"]


def test_a_born_digital_page_is_recorded_as_sure_as_text_gets():
    page = words(("Nguyễn", 0.0))
    page.engine = "pdftotext"
    assert plans.done_fields(page)["mean_confidence"] == 1.0


@pytest.mark.parametrize("record, started, action", [
    (None, True, PageAction.READ),
    (None, False, PageAction.SKIP),  # another delivery of the same range took it first
    ({"state": "queued", "attempts": 0}, True, PageAction.READ),
    ({"state": "queued", "attempts": 0}, False, PageAction.SKIP),
    ({"state": "done", "attempts": 1}, False, PageAction.SKIP),  # a redelivered message
    ({"state": "ocr", "attempts": 1}, False, PageAction.QUEUE),  # its worker died mid-page
    ({"state": "queued", "attempts": 2}, False, PageAction.QUEUE),
])
def test_which_pages_a_delivery_reads_here_and_which_go_to_the_ocr_queue(record, started, action):
    assert plans.page_action(record, started) is action


@pytest.mark.parametrize("record, settled", [
    (None, False),
    ({"state": "queued", "attempts": 0}, False),
    ({"state": "ocr", "attempts": 1}, False),  # in its retries: a later attempt may still read it
    ({"state": "done", "attempts": 1}, True),
    ({"state": "failed", "attempts": 3, "reason": "bug"}, True),  # failed for good: only a retry reopens it
])
def test_a_page_that_ended_is_not_read_again_by_a_second_message(record, settled):
    assert plans.is_settled(record) is settled


def test_a_page_taken_again_counts_one_more_attempt():
    assert plans.started_fields({"attempts": 2}, NOW) == {"attempts": 3, "started_at": NOW}
    assert plans.started_fields(None, NOW) == {"attempts": 1, "started_at": NOW}


# -- prepare -----------------------------------------------------------------------


def test_an_empty_file_is_refused_with_its_reason():
    with pytest.raises(BadInput, match="empty file"):
        plans.refuse_empty(0)
    plans.refuse_empty(1)


def test_what_an_existing_document_means_for_a_version_being_prepared():
    assert plans.claim(document(state="ocr"), "hotich/b.pdf") is Claim.DUPLICATE
    assert plans.claim(document(state="failed"), "hotich/b.pdf") is Claim.FAILED_DUPLICATE
    assert plans.claim(document(state="indexed"), "hotich/a.pdf") is Claim.FINISHED
    for state in ("failed", "superseded", "ocr", "received"):
        assert plans.claim(document(state=state), "hotich/a.pdf") is Claim.RESTART


def test_a_restart_forgets_failed_pages_and_keeps_done_ones():
    doc = document(state="failed", pages_done=[1, 2], pages_failed=[3], pages_count_failed=1, attempts=1)
    again = plans.restarted(doc, "hotich/c.pdf")
    assert again["state"] == "received" and again["attempts"] == 2
    assert again["pages_done"] == [1, 2] and again["pages_failed"] == [] and again["pages_count_failed"] == 0
    assert again["keys"] == ["hotich/a.pdf", "hotich/c.pdf"]
    assert plans.with_key(document(), "hotich/a.pdf") is None
    assert plans.with_key(document(), "hotich/b.pdf")["keys"] == ["hotich/a.pdf", "hotich/b.pdf"]


def test_a_register_is_cut_into_ranges_of_the_pages_not_yet_accounted():
    assert not plans.is_register(4, 4) and plans.is_register(5, 4)
    doc = document(pages_done=[1, 2], pages_failed=[5])
    todo = plans.pages_to_send(12, doc)
    assert todo == [3, 4, 6, 7, 8, 9, 10, 11, 12]
    ranges = plans.page_ranges(todo, 4)
    assert [n for a, b in ranges for n in range(a, b + 1)] == todo
    assert ranges[0] == (3, 4)  # a range never crosses a page already accounted for


# -- counting pages ------------------------------------------------------------------


def test_pages_are_counted_once_and_a_page_once_done_stays_done():
    doc = document(state="ocr", pages_total=3)
    doc = plans.counted(doc, [1], [2], None, NOW)
    assert (doc["pages_done"], doc["pages_failed"], doc["pages_count_done"]) == ([1], [2], 1)
    assert plans.counted(dict(doc), [1], [], None, LATER) is None  # nothing new: no write
    doc = plans.counted(doc, [2], [1], None, LATER)
    assert (doc["pages_done"], doc["pages_failed"]) == ([1, 2], [])
    assert not plans.ready_to_index(doc)
    doc = plans.counted(doc, [], [3], None, LATER)
    assert plans.all_pages_accounted(doc) and plans.ready_to_index(doc)
    assert not plans.ready_to_index({**doc, "state": "indexed"})


def test_counting_can_move_the_document_to_a_state():
    doc = plans.counted(document(state="rasterizing"), [], [], "ocr", NOW)
    assert doc["state"] == "ocr" and doc["history"][-1]["state"] == "ocr"
    assert plans.counted(doc, [], [], "ocr", NOW) is None


# -- indexing ---------------------------------------------------------------------------


def test_what_the_index_step_writes_for_a_document():
    doc = document(state="extracting", pages_total=2, content_kind="pdf")
    pages = {1: words(("Họ", 0.9), ("tên", 0.8)), 2: words(("Ngày", 0.7))}
    pages[2].page = 2
    docs = plans.page_documents(doc, pages, {1: "img/1.png", 2: "img/2.png"}, {1: "ocr/1.json", 2: "ocr/2.json"})
    assert [i for i, _ in docs] == [page_id(doc["doc_hash"], 1), page_id(doc["doc_hash"], 2)]
    first = docs[0][1]
    assert first["text"] == "Họ tên" and first["page"] == 1 and first["image_key"] == "img/1.png"
    assert first["ocr_key"] == "ocr/1.json" and first["key"] == "hotich/a.pdf" and first["pages_total"] == 2


def test_where_a_document_ends_after_its_index_step():
    good = [words(("Họ", 0.9))]
    out = plans.document_outcome(good, [{"needs_review": False}], indexed=1, failed=[], page_failures=[])
    assert out == plans.Outcome("indexed", {"flags": [], "mean_confidence": 0.9, "records": 1,
                                            "records_needing_review": 0})
    doubtful = plans.document_outcome(good, [{"needs_review": True}], 1, [], [])
    assert doubtful.state == "needs_review" and doubtful.fields["records_needing_review"] == 1
    flagged = words(("Họ", 0.2))
    flagged.flags = ["low_confidence"]
    assert plans.document_outcome([flagged], [], 1, [], []).state == "needs_review"
    # a page of print the OCR read nothing of is looked at; an empty page (the back of a sheet) is not
    unread, blank = words(), words()
    unread.flags, blank.flags = ["unread"], ["blank"]
    assert plans.document_outcome([*good, unread], [{"needs_review": False}], 2, [], []).state == "needs_review"
    assert plans.document_outcome([*good, blank], [{"needs_review": False}], 2, [], []).state == "indexed"


def test_a_document_no_page_got_through_fails_for_its_pages_most_common_reason():
    failures = [{"page": 1, "reason": "timeout", "message": "page 1 took too long"},
                {"page": 2, "reason": "bad_input", "message": "corrupt frame"},
                {"page": 3, "reason": "bad_input", "message": "corrupt frame"}]
    out = plans.document_outcome([], [], indexed=0, failed=[1, 2, 3], page_failures=failures)
    assert out.state == "failed" and out.fields["reason"] == "bad_input"
    assert out.fields["message"] == "no page could be processed (3 failed); page 1: page 1 took too long"
    assert plans.document_outcome([], [], 0, [], []).fields["reason"] == "bug"
    assert plans.document_outcome([], [], 0, [4], [{}]).fields["reason"] == "bad_input"
    finished = plans.finished(document(state="indexing"), out)
    assert finished["state"] == "failed" and finished["reason"] == "bad_input"


def test_a_newer_version_of_the_key_supersedes_this_one_and_older_ones_lose_the_key():
    doc = document(state="indexing", received_at=NOW)
    newer = document(state="ocr", received_at=LATER, doc_hash="cd" * 32)
    older = document(state="indexed", received_at="2026-12-04T00:00:00.000+00:00", doc_hash="ef" * 32,
                     keys=["hotich/a.pdf", "hotich/copy.pdf"])
    assert plans.index_gate(doc, [older]) is IndexGate.INDEX
    assert plans.index_gate(doc, [older, newer]) is IndexGate.SUPERSEDED
    assert plans.index_gate(doc, [{**newer, "state": "duplicate"}]) is IndexGate.INDEX
    assert plans.index_gate({**doc, "state": "indexed"}, []) is IndexGate.SKIP
    assert plans.older_versions(doc, [older, newer]) == [older]
    kept = plans.without_key(dict(older), "hotich/a.pdf")
    assert kept["keys"] == ["hotich/copy.pdf"] and kept["state"] == "indexed"
    gone = plans.without_key({**older, "keys": ["hotich/a.pdf"]}, "hotich/a.pdf")
    assert gone["state"] == "superseded" and gone["keys"] == []
    assert plans.closed_old_version(document(state="ocr"), "hotich/a.pdf", "overwritten")["state"] == "superseded"
    assert plans.closed_old_version(document(state="indexed"), "hotich/a.pdf", "overwritten") is None
