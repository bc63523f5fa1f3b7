"""Token hashing, sessions, masking and the role and route tables, without a server."""

from __future__ import annotations

import os
import stat

import pytest

from api import auth
from api.app import create_app
from sohoa.config import Config


def test_hash_round_trip_and_wrong_secret():
    salt = b"0123456789abcdef"
    stored = auth.hash_secret("s3cret", salt)
    assert stored.startswith("scrypt$") and "s3cret" not in stored
    assert auth.check_secret("s3cret", salt.hex(), stored)
    assert not auth.check_secret("s3creT", salt.hex(), stored)
    assert not auth.check_secret("s3cret", "00" * 16, stored)
    assert not auth.check_secret("s3cret", salt.hex(), "garbage")


def test_tokens_are_random_and_parse_back():
    a, b = auth.new_token(), auth.new_token()
    assert a[2] != b[2] and len(a[1]) >= 40
    assert auth.split_token(a[2]) == (a[0], a[1])
    for bad in ("", "sohoa_xyz_abc", "other_0123456789abcdef_x", "sohoa_0123456789abcdef_"):
        with pytest.raises(auth.TokenError):
            auth.split_token(bad)


def test_session_cookie_is_signed_and_expires():
    key = b"k" * 32
    value, age = auth.make_session(key, "0123456789abcdef", 60)
    assert 0 < age <= 60
    tid, nonce = auth.read_session(key, value)
    assert tid == "0123456789abcdef"
    assert auth.read_session(b"x" * 32, value) is None
    forged = value.replace("0123456789abcdef", "fedcba9876543210", 1)
    assert auth.read_session(key, forged) is None
    expired, _ = auth.make_session(key, "0123456789abcdef", -1)
    assert auth.read_session(key, expired) is None
    assert auth.csrf_value(key, nonce) != auth.csrf_value(key, nonce + "x")


def test_secret_file_readable_by_others_is_refused(tmp_path):
    f = tmp_path / "key"
    f.write_text("a" * 40)
    os.chmod(f, 0o644)
    with pytest.raises(auth.SecretFileError, match="chmod 600"):
        auth.session_key(Config.from_env({"SOHOA_API_SECRET_FILE": str(f)}))
    os.chmod(f, stat.S_IRUSR | stat.S_IWUSR)
    assert auth.session_key(Config.from_env({"SOHOA_API_SECRET_FILE": str(f)})) == b"a" * 40
    with pytest.raises(auth.SecretFileError):
        create_app(Config.from_env({"SOHOA_SESSION_SECRET": "short"}))


def test_session_secret_is_masked_in_sohoa_config():
    from sohoa.config import describe
    rows = {r[0]: r[1] for r in describe({"SOHOA_SESSION_SECRET": "very-secret-value-123"})}
    assert rows["SOHOA_SESSION_SECRET"] == "****"


@pytest.mark.parametrize("value,masked", [("025188001010", "*********010"), ("123456789", "******789"),
                                          ("12", "**")])
def test_id_masking_keeps_the_last_three_digits(value, masked):
    assert auth.mask_id(value) == masked


@pytest.mark.parametrize("value,masked", [("1972-03-15", "1972"), ("1949-07", "1949"), ("1948", "1948"),
                                          ("15/03/1972", "1972"), ("mười lăm tháng ba", "****")])
def test_date_masking_keeps_the_year(value, masked):
    assert auth.mask_date(value) == masked


RECORD = {
    "id": "r1", "name": "Nguyễn Văn Đức", "date_of_birth": "1972-03-15", "ids": ["025172001234"],
    "fields": {"full_name": {"value": "Nguyễn Văn Đức", "raw": "Nguyễn Văn Đức", "confidence": 0.9, "page": 1},
               "date_of_birth": {"value": "1972-03-15", "raw": "15/03/1972", "confidence": 0.9, "page": 1},
               "personal_id": {"value": "025172001234", "raw": "025 172 001234", "confidence": 0.8, "page": 1},
               "wife": {"personal_id": {"value": "001199009876", "raw": "001199009876"}},
               "note": {"value": "CCCD 025172001234 cấp 2021", "raw": "x"}},
    "flat_fields": {"date_of_birth": "1972-03-15", "personal_id": "025172001234",
                    "wife.personal_id": "001199009876", "mother.birth_year": "1950"},
    "highlights": [{"field": "full_name", "html": "<mark>Nguyễn</mark> Văn Đức"},
                   {"field": "personal_id", "html": "<mark>025172001234</mark>"},
                   {"field": "note", "html": "CCCD <mark>025172001234</mark> cấp 2021"}],
}


def test_masking_hides_ids_and_birth_dates_everywhere():
    out = auth.mask_record(RECORD, full_fields=False)
    text = repr(out)
    for secret in ("025172001234", "001199009876", "1972-03-15", "15/03/1972", "025 172 001234", "03-15"):
        assert secret not in text, secret
    assert out["date_of_birth"] == "1972"
    assert out["fields"]["date_of_birth"] == {"value": "1972", "raw": "1972", "confidence": 0.9, "page": 1}
    assert out["fields"]["personal_id"]["value"] == "*********234"
    assert out["flat_fields"]["wife.personal_id"] == "*********876"
    assert out["flat_fields"]["mother.birth_year"] == "1950"
    assert out["ids"] == ["*********234"]
    assert [h["field"] for h in out["highlights"]] == ["full_name"]
    assert auth.mask_record(RECORD, full_fields=True) is RECORD
    assert RECORD["fields"]["personal_id"]["value"] == "025172001234"  # the source is not changed


def test_page_text_masking():
    text = "Ngày sinh: 15/03/1972, CCCD 025172001234, ngày 5 tháng 3 năm 1972, sinh 1972-03-15"
    out = auth.mask_text(text)
    assert "15/03" not in out and "025172001234" not in out and "*********234" in out
    assert "5 tháng 3" not in out and "1972-03-15" not in out and out.count("1972") == 3
    assert auth.mask_snippet("<em>Nguyễn</em> Văn Đức") == "<em>Nguyễn</em> Văn Đức"
    assert "15/03" not in auth.mask_snippet("<em>15</em>/03/1972 &amp; x")


def test_role_table():
    assert auth.role_allows("viewer", auth.SEARCH) and not auth.role_allows("viewer", auth.FULL_FIELDS)
    assert auth.role_allows("clerk", auth.FULL_FIELDS) and not auth.role_allows("clerk", auth.OPERATE)
    assert auth.role_allows("operator", auth.OPERATE) and not auth.role_allows("operator", auth.SEARCH)
    assert auth.role_allows("auditor", auth.AUDIT) and not auth.role_allows("auditor", auth.SEARCH)
    assert all(auth.role_allows("admin", p) for p in (auth.SEARCH, auth.FULL_FIELDS, auth.OPERATE, auth.AUDIT,
                                                      auth.TOKENS))
    assert not any(auth.role_allows(r, auth.TOKENS) for r in auth.ROLES if r != "admin")
    assert not auth.role_allows("nobody", auth.ANY) and auth.role_allows("nobody", auth.PUBLIC)


def test_every_route_has_a_permission_and_only_health_and_login_are_public():
    app = create_app(Config.from_env({"SOHOA_SESSION_SECRET": "x" * 32}))
    paths = {r.path for r in auth.all_routes(app.routes)}
    assert len(paths) > 15
    assert paths <= set(auth.ROUTE_PERMISSIONS), paths - set(auth.ROUTE_PERMISSIONS)
    assert {p for p, perm in auth.ROUTE_PERMISSIONS.items() if perm == auth.PUBLIC} == {"/healthz", "/login"}
