from sohoa.config import Config, describe, mask_url
from sohoa.errors import BadInput, DependencyUnavailable, LimitExceeded, classify


def test_defaults_and_overrides():
    c = Config.from_env({"SOHOA_OCR_DPI": "200", "SOHOA_DERIVED_PREFIX": "_x"})
    assert c.ocr_dpi == 200
    assert c.derived_prefix == "_x/"
    assert c.index("pages") == "sohoa-pages"
    assert Config.from_env({}).bucket == "sohoa-inbox"


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
