from ingest.state import ledger_id, transition


def test_ledger_id_depends_on_key_and_etag():
    assert ledger_id("b", "k", "e1") == ledger_id("b", "k", "e1")
    assert ledger_id("b", "k", "e1") != ledger_id("b", "k", "e2")
    assert ledger_id("b", "k1", "e") != ledger_id("b", "k2", "e")


def test_transition_records_history_and_clears_old_failure():
    src = transition({"kind": "page"}, "failed", reason="timeout", message="took too long")
    assert src["state"] == "failed" and src["reason"] == "timeout"
    assert "finished_at" in src
    src = transition(src, "ocr")
    assert src["state"] == "ocr"
    assert "reason" not in src and "message" not in src
    assert [h["state"] for h in src["history"]] == ["failed", "ocr"]


def test_history_is_bounded():
    src = {}
    for i in range(200):
        src = transition(src, "ocr" if i % 2 else "queued")
    assert len(src["history"]) == 50
