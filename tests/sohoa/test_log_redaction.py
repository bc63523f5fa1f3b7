"""Every log record of the process is redacted when it is made, whichever logger makes it."""

from __future__ import annotations

import logging

import pytest

from sohoa.logs import install_redaction, key_tag, redact


class Message:  # what dramatiq passes to its own log lines; printing it shows the message's arguments
    actor_name = "prepare_document"
    message_id = "6f1c"

    def __str__(self) -> str:
        return "prepare_document('1f2e', 'hotich/Nguyen-Van-Duc-1972.pdf', 3)"


@pytest.fixture
def captured():
    install_redaction()
    records: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(self.format(record))

    handler = Keep()
    handler.setFormatter(logging.Formatter("%(name)s %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    old = root.level
    root.setLevel(logging.INFO)
    yield records
    root.removeHandler(handler)
    root.setLevel(old)


def test_dramatiq_failure_line_names_the_actor_and_id_only(captured):
    logging.getLogger("dramatiq.worker.WorkerThread").error(
        "Failed to process message %s with unhandled exception.", Message())
    assert captured == ["dramatiq.worker.WorkerThread Failed to process message prepare_document(id=6f1c) with "
                        "unhandled exception."]


def test_keys_dates_and_ids_leave_no_trace_in_messages_or_tracebacks(captured):
    try:
        raise ValueError("cannot read 'baotang/Trống đồng Nguyễn Văn A.jpg' born 05/03/1980, id 046 183 007 777")
    except ValueError:
        logging.getLogger("botocore").exception("upload of %s failed", "hotich/Le Thi B 1980.03.05.pdf")
    text = "\n".join(captured)
    for secret in ("Trống đồng", "Nguyễn Văn A", "05/03/1980", "046 183 007 777", "Le Thi B", "1980.03.05"):
        assert secret not in text
    assert key_tag("hotich/Le Thi B 1980.03.05.pdf") in text and "Traceback" in text


def test_derived_keys_hashes_and_counts_stay_readable():
    line = "document 1f2e3d4c5b6a: 3 pages indexed, page image _sohoa/pages/1f2e/00002.png"
    assert redact(line) == line


def test_request_paths_lose_their_query_strings(captured):
    logging.getLogger("uvicorn.access").info('%s - "%s %s HTTP/%s" %d', "127.0.0.1:5000", "GET",
                                             "/records/search?name=pham+minh+tuan", "1.1", 200)
    assert captured == ['uvicorn.access 127.0.0.1:5000 - "GET /records/search HTTP/1.1" 200']
