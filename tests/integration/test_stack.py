"""scripts/stack: two stacks, each with its own state folder and ports, run side
by side; `up` prints nothing on stdout but the export lines its callers evaluate.

Elasticsearch is left out here (the CI's fresh-machine run of scripts/demo
starts one beside the developer's); RabbitMQ is the service whose fixed node
name used to stop a second stack."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pika
import pytest
import redis

from ingest.testing import free_port

ROOT = Path(__file__).resolve().parents[2]
SERVICES = ("redis", "s3", "rabbitmq")


def _stack(state: Path, *args: str) -> subprocess.CompletedProcess:
    ports = dict(line.split("=", 1) for line in state.joinpath("ports").read_text().split())
    env = {**os.environ, "SOHOA_STACK_DIR": str(state), **ports}
    return subprocess.run([str(ROOT / "scripts" / "stack"), *args], env=env, capture_output=True, text=True,
                          timeout=180)


@pytest.fixture
def two_stacks():
    states = []
    for _ in range(2):
        # World-traversable, so RabbitMQ's own user reaches it when tests run as root.
        state = Path(tempfile.mkdtemp(prefix="sohoa-stack-test-"))
        state.chmod(0o755)
        ports = {"SOHOA_REDIS_PORT": free_port(), "SOHOA_S3_PORT": free_port(),
                 "SOHOA_RABBITMQ_PORT": free_port(), "SOHOA_RABBITMQ_DIST_PORT": free_port()}
        state.joinpath("ports").write_text("\n".join(f"{k}={v}" for k, v in ports.items()))
        states.append((state, ports))
    try:
        yield states
    finally:
        for state, _ in states:
            _stack(state, "down", *SERVICES)
            shutil.rmtree(state, ignore_errors=True)


def test_two_stacks_run_side_by_side_and_up_prints_only_exports(two_stacks):
    if not Path("/usr/lib/rabbitmq/bin/rabbitmq-server").exists():
        pytest.fail("rabbitmq-server is not installed; run scripts/bootstrap")
    for state, ports in two_stacks:
        up = _stack(state, "up", *SERVICES)
        assert up.returncode == 0, up.stderr[-3000:]
        lines = up.stdout.splitlines()
        assert lines and all(line.startswith("export SOHOA_") for line in lines), up.stdout
        assert f"export SOHOA_BROKER_URL=redis://127.0.0.1:{ports['SOHOA_REDIS_PORT']}/0" in lines
    # Both stacks answer at once, each on its own ports.
    for state, ports in two_stacks:
        assert redis.Redis(port=ports["SOHOA_REDIS_PORT"]).ping()
        connection = pika.BlockingConnection(pika.ConnectionParameters(
            "127.0.0.1", ports["SOHOA_RABBITMQ_PORT"], credentials=pika.PlainCredentials("guest", "guest")))
        assert connection.is_open
        connection.close()
        status = _stack(state, "status").stdout
        assert status.count("answering") == len(SERVICES), status


def test_bootstrap_reports_on_stderr_only():
    # scripts/demo and scripts/test run it; their stdout is for what their own callers read.
    run = subprocess.run([str(ROOT / "scripts" / "bootstrap")], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout == "" and "bootstrap: done" in run.stderr
