from sohoa.config import Config, describe, mask_url
from sohoa.errors import BadInput, DependencyUnavailable, LimitExceeded, classify


def test_defaults_and_overrides():
    c = Config.from_env({"SOHOA_OCR_DPI": "200", "SOHOA_DERIVED_PREFIX": "_x"})
    assert c.ocr_dpi == 200
    assert c.derived_prefix == "_x/"
    assert c.index("pages") == "sohoa-pages"
    assert Config.from_env({}).bucket == "sohoa-inbox"


def test_derived_output_defaults_to_its_own_bucket():
    c = Config.from_env({"SOHOA_BUCKET": "kho"})
    assert c.derived_bucket == "kho-derived" and c.derived_prefix == ""
    assert Config.from_env({"SOHOA_DERIVED_BUCKET": "anh"}).derived_bucket == "anh"


def test_derived_output_in_the_inbox_needs_a_prefix():
    import pytest
    with pytest.raises(ValueError, match="SOHOA_DERIVED_PREFIX"):
        Config.from_env({"SOHOA_BUCKET": "kho", "SOHOA_DERIVED_BUCKET": "kho"})
    c = Config.from_env({"SOHOA_BUCKET": "kho", "SOHOA_DERIVED_BUCKET": "kho", "SOHOA_DERIVED_PREFIX": "_sohoa"})
    assert c.derived_prefix == "_sohoa/"


def test_collections_and_event_source():
    c = Config.from_env({"SOHOA_COLLECTIONS": "hotich, baotang/ ,", "SOHOA_INDEX_PREFIX": "t1",
                         "SOHOA_S3_ENDPOINT": "http://s3:9000"})
    assert c.collections == ("hotich/", "baotang/")
    assert c.events_source == "sqs:t1-events" and c.sqs_endpoint == "http://s3:9000"
    assert c.reconcile_interval == 3600.0


def test_secrets_are_masked_in_the_description():
    rows = {name: value for name, value, _, _ in describe({
        "SOHOA_ES_URL": "http://elastic:hunter2@es:9200", "SOHOA_S3_SECRET_KEY": "topsecret"})}
    assert "hunter2" not in rows["SOHOA_ES_URL"] and rows["SOHOA_ES_URL"].startswith("http://elastic:")
    assert rows["SOHOA_S3_SECRET_KEY"] == "****"
    assert "hunter2" not in str(rows)


def test_mask_url_leaves_plain_urls_alone():
    assert mask_url("redis://127.0.0.1:6379/0") == "redis://127.0.0.1:6379/0"
    assert mask_url("amqp://u:p@h/") == "amqp://u:****@h/"


def test_failure_classes_say_whether_a_retry_can_help():
    assert classify(BadInput("empty file")) == ("bad_input", "empty file")
    assert not BadInput("x").retryable and not LimitExceeded("x").retryable
    assert DependencyUnavailable("x").retryable
    assert classify(ValueError("boom"))[0] == "bug"


def test_a_lost_broker_connection_is_an_outage_whatever_client_raised_it():
    from dramatiq.errors import ConnectionClosed
    assert classify(ConnectionClosed(OSError("Connection refused")))[0] == "dependency_unavailable"
    assert classify(ConnectionRefusedError("refused"))[0] == "dependency_unavailable"


# ------------------------------------------------------------ validation at start

import pytest  # noqa: E402

from sohoa import cli  # noqa: E402
from sohoa.config import BINARIZE_METHODS, DENOISE_METHODS, OCR_STEPS, ConfigError, validate  # noqa: E402


def test_the_defaults_are_valid():
    assert validate({}) == []


@pytest.mark.parametrize("name, value, expected", [
    ("SOHOA_OCR_DENOISE", "despekle", "despeckle, median"),
    ("SOHOA_OCR_BINARIZE", "sauvolla", "sauvola"),
    ("SOHOA_LOG_FORMAT", "jsn", "text, json"),
    ("SOHOA_LOG_LEVEL", "verbose", "debug"),
    ("SOHOA_OCR_FORCE", "ture", "true"),
    ("SOHOA_OCR_STEPS", "deskew,sharpen", "sharpen"),
    ("SOHOA_OCR_DPI", "300dpi", "whole number"),
    ("SOHOA_OCR_DPI", "0", ">= 50"),
    ("SOHOA_OCR_MIN_CONFIDENCE", "60", "<= 1"),
    ("SOHOA_WORKER_PROCESSES", "0", ">= 1"),
    ("SOHOA_API_PORT", "80000", "<= 65535"),
    ("SOHOA_ES_URL", "127.0.0.1:9200", "http://"),
    ("SOHOA_BROKER_URL", "redis//127.0.0.1", "redis://"),
    ("SOHOA_S3_ENDPOINT", "ftp://s3", "http://"),
    ("SOHOA_INDEX_PREFIX", "Sohoa Prod", "index name"),
    ("SOHOA_BUCKET", "Inbox_1", "bucket name"),
    ("SOHOA_OCR_LANGUAGES", "vie eng", "joined by '+'"),
    ("SOHOA_OCR_MODEL", "/no/such/tessdata", "tessdata directory"),
])
def test_an_invalid_setting_is_named_with_what_was_expected(name, value, expected):
    problems = validate({name: value})
    assert len(problems) == 1
    assert problems[0].startswith(f"{name}=") and expected in problems[0]
    with pytest.raises(ConfigError) as err:
        Config.from_env({name: value})
    assert name in str(err.value)


def test_valid_variants_are_accepted(tmp_path):
    assert validate({
        "SOHOA_S3_ENDPOINT": "", "SOHOA_OCR_FORCE": "Yes", "SOHOA_LOG_LEVEL": "debug",
        "SOHOA_BROKER_URL": "amqp://guest:guest@127.0.0.1:5672/", "SOHOA_OCR_LANGUAGES": "vie+eng",
        "SOHOA_OCR_MODEL": str(tmp_path), "SOHOA_OCR_STEPS": "none", "SOHOA_ES_URL": "https://es.internal:9200",
    }) == []


def test_a_secret_setting_is_named_without_its_value():
    problems = validate({"SOHOA_ES_URL": "htp://elastic:hunter2@es:9200", "SOHOA_BROKER_URL": "hunter2"})
    assert len(problems) == 2
    assert "hunter2" not in " ".join(problems)


def test_every_problem_is_reported_at_once():
    assert len(validate({"SOHOA_OCR_DENOISE": "x", "SOHOA_OCR_DPI": "x", "SOHOA_LOG_FORMAT": "x"})) == 3


def test_the_enumerations_are_the_ones_the_ocr_code_knows():
    from ocr.pipeline import STEPS
    assert set(OCR_STEPS) == set(STEPS)
    # Each method name is one the preprocessing functions dispatch on.
    source = open("ocr/preprocess.py", encoding="utf-8").read()
    for method in (*DENOISE_METHODS, *(m for m in BINARIZE_METHODS if m != "none")):
        assert f'method == "{method}"' in source


def test_a_process_refuses_to_start_on_an_invalid_setting(monkeypatch, capsys):
    monkeypatch.setenv("SOHOA_OCR_DENOISE", "despekle")
    # Any command: the worker would otherwise exec dramatiq and fail on every page.
    assert cli.main(["worker"]) == 2
    err = capsys.readouterr().err
    assert "SOHOA_OCR_DENOISE='despekle'" in err and "despeckle, median" in err
    assert cli.main(["config"]) == 2  # still prints the table, then the problem
    assert "SOHOA_OCR_DENOISE" in capsys.readouterr().out
