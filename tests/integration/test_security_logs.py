"""A full run (scan -> worker -> index -> API searches) leaves no name, birth date or ID number in the logs."""

from __future__ import annotations

import httpx
from elasticsearch import Elasticsearch

from api import auth
from ingest.testing import api_server
from sohoa.config import Config

from .conftest import ROOT

NAME = "Vương Thị Hạnh"
PID = "026179005432"
BORN = "14/08/1979"
FATHER = "Vương Văn Toàn"
KEYED = "Vuong-Van-Toan-1952"


def test_worker_and_api_logs_hold_no_personal_data(stack, worker, pdf_maker, tmp_path):
    lines = ["GIẤY KHAI SINH", "Số: 31 Quyển số: 02/1980", f"Họ, chữ đệm, tên: {NAME}",
             f"Ngày, tháng, năm sinh: {BORN}", f"Số định danh cá nhân: {PID}",
             "Nơi sinh: xã Đình Bảng, huyện Từ Sơn, tỉnh Bắc Ninh", f"Họ, chữ đệm, tên người cha: {FATHER}"]
    stack.put("nhatky/logs/k.pdf", pdf_maker([lines]))
    # An object key carries a person's name; this one fails, so every failure line would name it.
    stack.put(f"nhatky/logs/{KEYED}.pdf", b"%PDF-1.4 not really a pdf")
    stack.run_pipeline(timeout=300)
    config = Config.from_env(stack.env)
    token, _ = auth.create_token(Elasticsearch(stack.env["SOHOA_ES_URL"]), config, "logs-clerk", "clerk")
    api_log = tmp_path / "api.log"
    with api_server({**stack.env, "SOHOA_LOG_LEVEL": "DEBUG"}, api_log) as base:
        h = {"Authorization": f"Bearer {token}"}
        found = httpx.get(base + "/records/search", params={"name": "vuong thi hanh", "collection": "nhatky"},
                          headers=h, timeout=30).json()
        assert found["total"] >= 1, "the scan did not come through the pipeline"
        rid = found["hits"][0]["id"]
        for params in ({"number": PID}, {"q": NAME}, {"born": "1979-08-14"}):
            assert httpx.get(base + "/records/search", params=params, headers=h, timeout=30).status_code == 200
        assert PID in httpx.get(base + f"/records/{rid}", headers=h, timeout=30).text  # the data is really there
        httpx.get(base + "/pages/search", params={"q": NAME}, headers=h, timeout=30)
        httpx.get(base + "/search", params={"name": NAME}, headers=h, timeout=30)
        httpx.get(base + "/records/export", params={"name": NAME}, headers=h, timeout=30)
    worker_log = ROOT / ".stack" / f"test-worker-{stack.prefix}.log"
    logs = {"api": api_log.read_text(encoding="utf-8", errors="replace")}
    if worker_log.exists():
        logs["worker"] = worker_log.read_text(encoding="utf-8", errors="replace")
    assert "GET /records/search" in logs["api"] and logs.get("worker", "x")
    secrets = [NAME, "Vuong Thi Hanh", "vuong thi hanh", "vuong+thi+hanh", FATHER, PID, BORN, "1979-08-14",
               token.split("_", 2)[2], KEYED]
    for where, text in logs.items():
        for value in secrets:
            assert value not in text, f"{value!r} is in the {where} log"
