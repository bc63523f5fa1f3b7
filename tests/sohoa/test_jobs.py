"""Job states and their moves (sohoa/jobs.py), and how ingest.state.transition applies them."""

from __future__ import annotations

import logging

import pytest

from ingest.state import transition
from sohoa.jobs import DOC_TRANSITIONS, FINISHED, DocState, IllegalTransition, PageState, check_transition


def _walk(kind: str, states: list[str]) -> None:
    old = None
    for new in states:
        check_transition(kind, old, new)
        old = new


@pytest.mark.parametrize("path", [
    ["received", "rasterizing", "ocr", "extracting", "indexing", "indexed"],
    ["received", "rasterizing", "extracting", "indexing", "needs_review"],  # a small document, read inline
    ["received", "rasterizing", "ocr", "failed", "queued", "received", "rasterizing", "ocr"],  # failed, retried
    ["received", "rasterizing", "ocr", "extracting", "indexing", "extracting", "indexing", "indexed"],  # redelivered
    ["received", "rasterizing", "ocr", "extracting", "indexing", "indexed", "ocr"],  # a dead page requeued
    ["received", "rasterizing", "superseded"],
    ["duplicate"],
])
def test_the_pipelines_document_paths_are_allowed(path):
    _walk("document", path)


@pytest.mark.parametrize("path", [["queued", "ocr", "done"], ["ocr", "failed", "queued", "ocr", "done"],
                                  ["done", "ocr", "done"]])
def test_page_paths_are_allowed(path):
    _walk("page", path)


@pytest.mark.parametrize(("old", "new"), [("indexed", "rasterizing"), ("extracting", "ocr"), ("superseded", "indexed"),
                                          ("duplicate", "indexing"), (None, "indexed")])
def test_a_document_cannot_go_back_or_skip_into_a_result(old, new):
    with pytest.raises(IllegalTransition):
        check_transition("document", old, new)


def test_a_state_that_does_not_exist_is_refused_for_both_kinds():
    with pytest.raises(IllegalTransition, match="does not exist"):
        check_transition("document", "ocr", "indexd")
    with pytest.raises(IllegalTransition, match="does not exist"):
        check_transition("page", "ocr", "indexed")  # a document's state, not a page's


def test_every_state_has_its_moves_and_finished_states_are_states():
    assert set(DOC_TRANSITIONS) == {None, *DocState}
    assert FINISHED <= set(DocState)
    assert {PageState.DONE, PageState.FAILED} <= set(PageState)
    assert all(DocState.FAILED in moves for moves in DOC_TRANSITIONS.values())


def test_transition_refuses_an_unknown_state_and_logs_but_makes_an_unlisted_move(caplog):
    doc = {"kind": "document", "doc_hash": "ab" * 32, "state": "indexed", "history": []}
    with pytest.raises(IllegalTransition):
        transition(dict(doc), "indexd")
    with caplog.at_level(logging.WARNING, logger="ingest.state"):
        moved = transition(dict(doc), "rasterizing")
    assert moved["state"] == "rasterizing"
    assert "cannot move from indexed to rasterizing" in caplog.text
    assert isinstance(moved["state"], str) and type(moved["state"]) is str  # stored as a plain string
