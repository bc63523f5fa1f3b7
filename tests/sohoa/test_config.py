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
