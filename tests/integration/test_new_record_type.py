"""A record type added as one data file, through the real stack: a deployment's folder of record types
(``SOHOA_RECORD_TYPES_DIR``) holding a type no bundled file declares, a generated scan of that type taken from
the bucket by a worker process, and ``sohoa api`` finding the record by its subject's name and birth year,
with the birth date shown as its year to a role that may not see it."""

from __future__ import annotations

import sys
from pathlib import Path

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "schemas"))

from new_record_type import diploma_lines, write_type  # noqa: E402

from ingest.testing import api_server, remove_namespace, scanned_pdf, worker_process  # noqa: E402

from .conftest import ROOT, Stack, s3  # noqa: E402

GRADUATE = ("Quách Thị Diệu Linh", "14/07/1988", "xã Phù Chẩn, huyện Từ Sơn, tỉnh Bắc Ninh", "THPT 0042817")
OTHER = ("Quách Văn Diệu", "03/02/1991", "xã Tương Giang, huyện Từ Sơn, tỉnh Bắc Ninh", "THPT 0051233")


@pytest.fixture(scope="module")
def env(stack_env, tmp_path_factory):
    """A namespace of its own, and the deployment's folder with the new type in it."""
    folder = tmp_path_factory.mktemp("record-types")
    write_type(folder)
    env = {**stack_env, "SOHOA_INDEX_PREFIX": stack_env["SOHOA_INDEX_PREFIX"] + "-newtype",
           "SOHOA_BUCKET": stack_env["SOHOA_BUCKET"] + "-newtype", "SOHOA_RECORD_TYPES_DIR": str(folder)}
    s3(env).create_bucket(Bucket=env["SOHOA_BUCKET"])
    yield env
    remove_namespace(env)


@pytest.fixture(scope="module")
def site(env):
    stack = Stack(env)
    stack.put("vanbang/2006/bang-tot-nghiep-1.pdf", scanned_pdf([diploma_lines(*GRADUATE)]))
    stack.put("vanbang/2009/bang-tot-nghiep-2.pdf", scanned_pdf([diploma_lines(*OTHER)]))
    log = ROOT / ".stack" / f"test-worker-{env['SOHOA_INDEX_PREFIX']}.log" if (ROOT / ".stack").is_dir() else None
    with worker_process(env, log):
        stack.run_pipeline()
    from elasticsearch import Elasticsearch

    from api.auth import create_token
    from sohoa.config import Config
    es = Elasticsearch(env["SOHOA_ES_URL"])
    config = Config.from_env(env)
    tokens = {role: create_token(es, config, f"newtype-{role}", role)[0] for role in ("clerk", "viewer")}
    with api_server(env) as base:
        yield base, tokens


def search(site, role: str, **params) -> dict:
    base, tokens = site
    r = httpx.get(base + "/records/search", params={"collection": "vanbang", **params},
                  headers={"Authorization": f"Bearer {tokens[role]}"}, timeout=30)
    assert r.status_code == 200, r.text
    return r.json()


def test_the_new_type_is_found_by_its_subjects_name(site):
    hits = search(site, "clerk", name="quach thi dieu linh")["hits"]
    assert [(h["record_type"], h["name"]) for h in hits] == [("school_diploma", "Quách Thị Diệu Linh")]
    assert hits[0]["date_of_birth"] == "1988-07-14"
    assert hits[0]["person"]["role"] == "subject"


def test_the_new_type_is_found_by_its_subjects_birth_year(site):
    assert [h["name"] for h in search(site, "clerk", born="1988")["hits"]] == ["Quách Thị Diệu Linh"]
    assert [h["name"] for h in search(site, "clerk", born="1991")["hits"]] == ["Quách Văn Diệu"]
    assert [h["name"] for h in search(site, "clerk", name="quach dieu linh", born="1988")["hits"]] == [
        "Quách Thị Diệu Linh"]
    assert search(site, "clerk", name="quach thi dieu linh", born="1989")["hits"] == []


def test_a_viewer_finds_it_by_the_year_and_sees_the_birth_date_as_its_year(site):
    answer = search(site, "viewer", name="quach thi dieu linh", born="1988")
    [hit] = answer["hits"]
    assert hit["name"] == "Quách Thị Diệu Linh" and hit["date_of_birth"] == "1988"
    base, tokens = site
    record = httpx.get(f"{base}/records/{hit['id']}", headers={"Authorization": f"Bearer {tokens['viewer']}"},
                       timeout=30)
    assert record.status_code == 200, record.text
    fields = record.json()["fields"]
    assert fields["born_on"]["value"] == "1988" and fields["graduate_name"]["value"] == "Quách Thị Diệu Linh"
    for text in (str(answer), record.text):
        assert "1988-07-14" not in text and "14/07/1988" not in text
    # the diploma's own date is not a birth date: the type feeds it to event_date, which anyone may read
    assert fields["graduated_on"]["value"] == "2006-06-20"
    clerk = httpx.get(f"{base}/records/{hit['id']}", headers={"Authorization": f"Bearer {tokens['clerk']}"},
                      timeout=30).json()
    assert clerk["fields"]["born_on"]["value"] == "1988-07-14"


def test_the_search_page_offers_the_new_type_by_its_title_and_shows_the_viewer_the_year(site):
    base, tokens = site
    page = httpx.get(f"{base}/search", params={"name": "quach thi dieu linh", "born": "1988"},
                     headers={"Authorization": f"Bearer {tokens['viewer']}"}, timeout=30)
    assert page.status_code == 200
    assert '<option value="school_diploma"' in page.text and "School-leaving diploma" in page.text
    assert "Quách Thị Diệu Linh" in page.text
    assert "14/07/1988" not in page.text and "1988-07-14" not in page.text
