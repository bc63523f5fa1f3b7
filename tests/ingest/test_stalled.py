from ingest.stalled import queues_quiet, resend_stalled


def _status(waiting=0, delayed=0, in_progress=0, busy=0, idle=False):
    return {"idle": idle, "queues": {"p-ocr": {"waiting": waiting, "delayed": delayed, "in_progress": in_progress,
                                               "dead": 3}},
            "workers": [{"worker": "w1", "busy": busy}]}


def test_quiet_only_when_nothing_waits_is_delayed_taken_or_busy():
    assert queues_quiet(_status())
    assert not queues_quiet(_status(waiting=1))
    assert not queues_quiet(_status(delayed=1))
    assert not queues_quiet(_status(in_progress=1))
    assert not queues_quiet(_status(busy=1))
    # Dead letters are not in flight: they do not keep the pipeline busy.
    assert queues_quiet(_status()) and _status()["queues"]["p-ocr"]["dead"] == 3


def test_nothing_is_resent_while_work_is_in_flight_or_all_is_done():
    class Boom:
        def __getattr__(self, name):
            raise AssertionError("the state store must not be read")
    assert not resend_stalled(Boom(), _status(waiting=2), 0)
    assert not resend_stalled(Boom(), _status(idle=True), 0)


def test_a_message_is_put_back_only_when_two_sweeps_in_a_row_find_it_unheld():
    from ingest.recovery import orphans_to_put_back
    # First sweep: "b" is unheld (it may be between its fetch and its hand-over): noted, not put back.
    put_back, unheld = orphans_to_put_back({"a", "b"}, held={"a"}, unheld_before=set())
    assert put_back == set() and unheld == {"b"}
    # Second sweep: still unheld, put back; "c", new, waits for the next sweep.
    put_back, unheld = orphans_to_put_back({"a", "b", "c"}, held={"a"}, unheld_before=unheld)
    assert put_back == {"b"} and unheld == {"c"}
    # A message held again (or acknowledged) in between is left alone.
    assert orphans_to_put_back({"c"}, held={"c"}, unheld_before={"c"}) == (set(), set())
