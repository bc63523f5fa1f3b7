"""docker-compose.yml and Dockerfile stay consistent with sohoa's configuration.

No Docker engine is needed: the files are only parsed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from sohoa.config import SETTINGS, env_names

ROOT = Path(__file__).resolve().parent.parent
APP_SERVICES = ("watcher", "worker", "api", "events")

# ${NAME:-default} or ${NAME-default} interpolation, as docker compose reads it.
INTERPOLATION = re.compile(r"^\$\{(?P<name>[A-Za-z_][A-Za-z0-9_]*)(:?-(?P<default>[^}]*))?\}$")


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def dockerfile() -> str:
    return (ROOT / "Dockerfile").read_text(encoding="utf-8")


def environment(service: dict) -> dict[str, str]:
    """A service's environment as a dict, whichever of the two compose forms it uses."""
    env = service.get("environment") or {}
    if isinstance(env, list):
        return dict(item.split("=", 1) if "=" in item else (item, "") for item in env)
    return {k: "" if v is None else str(v) for k, v in env.items()}


def built_here(service: dict) -> bool:
    build = service.get("build")
    context = build.get("context", ".") if isinstance(build, dict) else build
    return context in (".", "./")


def test_app_services_exist(compose):
    assert set(APP_SERVICES) <= set(compose["services"])


def test_every_service_built_from_this_repo_is_checked(compose):
    # A new app service must be added to APP_SERVICES so its environment is checked.
    built = {name for name, svc in compose["services"].items() if "build" in svc}
    assert built == set(APP_SERVICES)


@pytest.mark.parametrize("name", APP_SERVICES)
def test_app_environment_is_declared_in_config(compose, name):
    env = environment(compose["services"][name])
    assert env, f"{name} sets no environment"
    unknown = sorted(set(env) - env_names())
    assert not unknown, f"{name} sets variables sohoa/config.py does not declare: {unknown}"


@pytest.mark.parametrize("name", APP_SERVICES)
def test_interpolation_defaults_match_config(compose, name):
    # ${SOHOA_X:-default} on SOHOA_X must default to what sohoa itself would use.
    defaults = {s.env: s.default for s in SETTINGS}
    for key, value in environment(compose["services"][name]).items():
        m = INTERPOLATION.match(value)
        if m and m["name"] == key and m["default"] is not None:
            assert m["default"] == defaults[key], f"{name}: {key} defaults to {m['default']!r}"


@pytest.mark.parametrize("name", ["watcher", "worker"])
def test_watcher_and_worker_use_the_built_image(compose, name):
    svc = compose["services"][name]
    assert built_here(svc), f"{name} is not built from ./Dockerfile"
    assert svc["image"] == compose["services"]["worker"]["image"]
    assert svc["command"][0] == {"watcher": "watch", "worker": "worker"}[name]


def test_minio_sends_bucket_events_where_the_consumer_reads_them(compose):
    from urllib.parse import parse_qs, urlsplit
    minio = environment(compose["services"]["minio"])
    source = environment(compose["services"]["events"])["SOHOA_EVENTS_SOURCE"]
    parts = urlsplit(source)
    assert f"{parts.hostname}:{parts.port}" == minio["MINIO_NOTIFY_REDIS_ADDRESS_SOHOA"]
    assert parse_qs(parts.query)["key"] == [minio["MINIO_NOTIFY_REDIS_KEY_SOHOA"]]
    # The consumer reads MinIO's access format (a list), not the namespace format (a hash).
    assert minio["MINIO_NOTIFY_REDIS_FORMAT_SOHOA"] == "access"
    assert "arn:minio:sqs::SOHOA:redis" in " ".join(compose["services"]["minio-init"]["command"])
    assert compose["services"]["events"]["command"] == ["events"]


def test_worker_is_scalable(compose):
    worker = compose["services"]["worker"]
    assert worker["deploy"]["replicas"] >= 1
    # A fixed name or host port would make `--scale worker=N` fail.
    assert "container_name" not in worker
    assert "ports" not in worker


def test_api_is_opt_in(compose):
    assert compose["services"]["api"]["profiles"] == ["api"]
    for name in ("watcher", "worker"):
        assert "profiles" not in compose["services"][name]


def test_minio_credentials_match_the_apps(compose):
    minio = environment(compose["services"]["minio"])
    app = environment(compose["services"]["worker"])
    assert minio["MINIO_ROOT_USER"] == app["SOHOA_S3_ACCESS_KEY"]
    assert minio["MINIO_ROOT_PASSWORD"] == app["SOHOA_S3_SECRET_KEY"]


def test_redis_keeps_an_append_only_file(compose):
    command = compose["services"]["redis"]["command"]
    assert command[command.index("--appendonly") + 1] == "yes"


def test_backing_services_have_healthchecks(compose):
    for name in ("elasticsearch", "redis", "minio"):
        assert "test" in compose["services"][name]["healthcheck"], name


def test_dockerfile_base_image(dockerfile):
    assert re.search(r"^FROM python:3\.11-slim-bookworm\b", dockerfile, re.M)


def test_dockerfile_installs_tesseract_language_data(dockerfile):
    # Join continuation lines so one apt-get install spanning lines reads as one.
    text = dockerfile.replace("\\\n", " ")
    installs = [line for line in text.splitlines() if "apt-get install" in line]
    assert installs, "no apt-get install in the Dockerfile"
    packages = set(" ".join(installs).split())
    assert {"tesseract-ocr", "tesseract-ocr-vie", "tesseract-ocr-osd", "poppler-utils"} <= packages


def test_dockerfile_runs_sohoa_unprivileged(dockerfile):
    users = re.findall(r"^USER\s+(\S+)", dockerfile, re.M)
    assert users and users[-1] not in ("root", "0")
    assert re.search(r'^ENTRYPOINT\s+\["sohoa"\]', dockerfile, re.M)
