"""A record type none of the bundled files declare (helpers, not tests): a school-leaving diploma, with its own
heading, field keys and labels, and the roles that make it searchable. The tests write it into a temporary
folder and point ``SOHOA_RECORD_TYPES_DIR`` at it, as a deployment adds a type."""

from __future__ import annotations

import json
from pathlib import Path

DIPLOMA = {
    "record_type": "school_diploma",
    "family": "education",
    "schema_version": 1,
    "title": "School-leaving diploma (Bằng tốt nghiệp trung học phổ thông)",
    "collections": ["vanbang/"],
    "unit": "document",
    "subject_roles": ["graduate"],
    "headings": [{"text": "BẰNG TỐT NGHIỆP TRUNG HỌC PHỔ THÔNG"}],
    "fields": [
        {"key": "diploma_number", "kind": "number", "role": "number", "labels": ["Số hiệu bằng", "Số hiệu"]},
        {"key": "graduate_name", "kind": "name", "role": "subject_name", "required": True,
         "labels": ["Cấp cho người học", "Người học"]},
        {"key": "born_on", "kind": "date", "role": "subject_birth", "required": True,
         "labels": ["Ngày tháng năm sinh người học", "Sinh ngày"]},
        {"key": "birthplace", "kind": "place", "role": "place", "labels": ["Nơi sinh người học"]},
        {"key": "school", "kind": "text", "labels": ["Học sinh trường"]},
        {"key": "guardian.name", "kind": "name", "role": "person_name", "labels": ["Phụ huynh"]},
        {"key": "graduated_on", "kind": "date", "date_index": "event_date", "labels": ["Ngày cấp bằng"]},
    ],
}


def diploma_lines(name: str, born: str, place: str, number: str) -> list[str]:
    """One diploma as printed: its heading, then "label: value" lines."""
    return ["BẰNG TỐT NGHIỆP TRUNG HỌC PHỔ THÔNG", f"Số hiệu bằng: {number}", f"Cấp cho người học: {name}",
            f"Sinh ngày: {born}", f"Nơi sinh người học: {place}", "Học sinh trường: THPT Từ Sơn",
            "Ngày cấp bằng: 20/06/2006"]


def write_type(folder: Path, data: dict | None = None) -> Path:
    data = data or DIPLOMA
    path = folder / f"{data['record_type']}.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path
