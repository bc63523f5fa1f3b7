"""The real stack for integration tests: Elasticsearch, Redis, the S3 server, tesseract.

Each test session works in its own namespace (index prefix, which also names
its queues, and bucket), so it can run beside a developer's own data and
beside other test runs. The stack itself is
started by scripts/test (scripts/stack up); when it is not there the tests
fail with that instruction rather than skip, so CI can never pass without
having exercised the real servers.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import boto3
import pytest
import redis
from elasticsearch import Elasticsearch

from ingest.testing import read_stack_env, remove_namespace

ROOT = Path(__file__).resolve().parents[2]


def _stack_env() -> dict[str, str]:
    env = read_stack_env(ROOT / ".stack" / "env")
    for k, v in os.environ.items():
        if k.startswith("SOHOA_"):
            env[k] = v
    return env


@pytest.fixture(scope="session")
def stack_env() -> dict[str, str]:
    base = _stack_env()
    run = uuid.uuid4().hex[:8]
    broker = base.get("SOHOA_BROKER_URL", "redis://127.0.0.1:6379/0")
    env = {
        **os.environ,
        **base,
        "SOHOA_INDEX_PREFIX": f"test{run}",
        "SOHOA_BUCKET": f"sohoa-test-{run}",
        "SOHOA_BROKER_URL": broker,
        "SOHOA_LOG_LEVEL": "INFO",
    }
    es = Elasticsearch(env.get("SOHOA_ES_URL", "http://127.0.0.1:9200"))
    try:
        es.cluster.health(wait_for_status="yellow", timeout="30s")
        if broker.startswith("redis://"):
            redis.Redis.from_url(broker).ping()
        s3(env).list_buckets()
    except Exception as exc:  # noqa: BLE001 - any failure here means the same thing
        pytest.fail(f"the local stack is not reachable ({type(exc).__name__}: {exc}); start it with scripts/stack up")
    if shutil.which("tesseract") is None:
        pytest.fail("tesseract is not installed; run scripts/bootstrap")
    s3(env).create_bucket(Bucket=env["SOHOA_BUCKET"])
    yield env
    remove_namespace(env)


def s3(env: dict[str, str]):
    return boto3.client("s3", endpoint_url=env.get("SOHOA_S3_ENDPOINT", "http://127.0.0.1:9000"),
                        region_name=env.get("SOHOA_S3_REGION", "us-east-1"),
                        aws_access_key_id=env.get("SOHOA_S3_ACCESS_KEY", "sohoa"),
                        aws_secret_access_key=env.get("SOHOA_S3_SECRET_KEY", "sohoa-secret"))


def sohoa(env: dict[str, str], *args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    """Run the sohoa command as a user would, in the test namespace."""
    return subprocess.run([sys.executable, "-m", "sohoa.cli", *args], env=env, capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT)


@pytest.fixture(scope="session")
def worker(stack_env):
    """One pipeline worker process for the session, as 'sohoa worker' starts it."""
    from ingest.testing import worker_process
    log = ROOT / ".stack" / f"test-worker-{stack_env['SOHOA_INDEX_PREFIX']}.log" if (ROOT / ".stack").is_dir() else None
    with worker_process(stack_env, log) as proc:
        yield proc


@pytest.fixture(scope="session")
def es(stack_env) -> Elasticsearch:
    return Elasticsearch(stack_env["SOHOA_ES_URL"])


@pytest.fixture
def jobs(stack_env, es):
    """A jobs index of its own (fresh index prefix), removed afterwards: for tests that write worker or job
    records straight into it."""
    from indexers.client import ensure_indices
    from sohoa.config import Config
    prefix = f"jobs{uuid.uuid4().hex[:8]}"
    config = Config.from_env({**stack_env, "SOHOA_INDEX_PREFIX": prefix})
    ensure_indices(es, config)
    yield config.index("jobs")
    es.indices.delete(index=f"{prefix}-*", ignore_unavailable=True, allow_no_indices=True)


class Stack:
    """What a test does with the stack, as a user or operator would do it."""

    def __init__(self, env: dict[str, str]):
        self.env = env
        self.bucket = env["SOHOA_BUCKET"]
        self.prefix = env["SOHOA_INDEX_PREFIX"]
        from sohoa.config import Config
        self.derived_bucket = Config.from_env(env).derived_bucket
        self.s3 = s3(env)

    def put(self, key: str, data: bytes) -> None:
        self.s3.put_object(Bucket=self.bucket, Key=key, Body=data)

    def sohoa(self, *args: str, timeout: float = 600) -> subprocess.CompletedProcess:
        return sohoa(self.env, *args, timeout=timeout)

    def run_pipeline(self, timeout: float = 600) -> str:
        """List the bucket once and wait until everything listed is indexed or failed."""
        listed = self.sohoa("watch", "--once")
        assert listed.returncode == 0, listed.stderr
        waited = self.sohoa("wait", "--timeout", str(timeout), timeout=timeout + 30)
        assert waited.returncode == 0, waited.stderr
        return listed.stdout

    def search(self, *query: str) -> dict:
        out = self.sohoa("search", "--json", *query)
        assert out.returncode == 0, out.stderr
        return json.loads(out.stdout)


@pytest.fixture(scope="session")
def stack(stack_env) -> Stack:
    return Stack(stack_env)


@pytest.fixture(scope="session")
def pdf_maker():
    from ingest.testing import scanned_pdf
    return scanned_pdf
