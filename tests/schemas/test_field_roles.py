"""Field roles declared in the record types' files: checked when a type is loaded, and read from a folder a
setting names."""

from __future__ import annotations

import copy
import os
import subprocess
import sys
from pathlib import Path

import pytest

from new_record_type import DIPLOMA, write_type

from schemas.loader import SchemaError, load_schemas, reload_record_types

ROOT = Path(__file__).resolve().parents[2]


def _with_field(key: str, **changes) -> dict:
    data = copy.deepcopy(DIPLOMA)
    field = next(f for f in data["fields"] if f["key"] == key)
    field.update(changes)
    return data


def test_every_bundled_type_names_its_subject_and_where_its_birth_date_goes():
    types = load_schemas()
    for name, schema in types.items():
        roles = types.roles.of(name)
        assert roles.subject_names, f"{name} declares no subject_name"
        births = [f.key for f in schema.fields if f.role == "subject_birth"]
        assert list(roles.dates["date_of_birth"]) == births
    assert types.roles.of("marriage").subject_names == ("wife.full_name", "husband.full_name")
    assert types.roles.of("martyr").person("relatives[2].full_name") == "relative"


@pytest.mark.parametrize("key, changes, said", [
    ("born_on", {"role": "birthday"}, "field born_on: role 'birthday' not one of"),
    ("school", {"role": "subject_birth"}, "field school: a subject_birth field is of kind date"),
    ("school", {"date_index": "event_date"}, "field school: only a date feeds date_index"),
    ("graduated_on", {"date_index": "date_of_graduation"}, "field graduated_on: date_index 'date_of_graduation'"),
    ("graduated_on", {"date_index": "date_of_birth"}, "field graduated_on: date_of_birth is fed by the subject's"),
    # the birth date is then nobody's: the error names the field left without its person
    ("graduate_name", {"role": "person_name"}, "field born_on: a subject_birth needs a subject_name field"),
    ("school", {"person": "teacher"}, "field school: 'person' names whose name a name field holds"),
    ("school", {"year_only": True}, "field school: only a date can be year_only"),
])
def test_a_bad_declaration_is_refused_naming_the_file_and_the_field(tmp_path, key, changes, said):
    path = write_type(tmp_path, _with_field(key, **changes))
    with pytest.raises(SchemaError) as err:
        load_schemas(str(tmp_path))
    assert str(err.value).startswith(str(path)) and said in str(err.value)


def test_the_setting_adds_a_type_beside_the_bundled_ones(record_types_dir):
    write_type(record_types_dir)
    reload_record_types()
    types = load_schemas()
    assert "school_diploma" in types and "birth" in types
    assert types.roles.of("school_diploma").subject_names == ("graduate_name",)


def test_a_file_of_a_bundled_types_name_replaces_it(record_types_dir):
    birth = copy.deepcopy(DIPLOMA)
    birth["record_type"] = "birth"
    write_type(record_types_dir, birth)
    reload_record_types()
    assert [f.key for f in load_schemas()["birth"].fields][:2] == ["diploma_number", "graduate_name"]


def test_without_the_setting_only_the_bundled_types_load():
    assert "school_diploma" not in load_schemas() and load_schemas()["birth"].fields[2].key == "full_name"


def test_a_missing_folder_is_a_clear_error(record_types_dir, monkeypatch):
    monkeypatch.setenv("SOHOA_RECORD_TYPES_DIR", str(record_types_dir / "nowhere"))
    reload_record_types()
    with pytest.raises(SchemaError, match="no such folder of record types"):
        load_schemas()


@pytest.mark.parametrize("command", ["worker", "api"])
def test_the_services_refuse_to_start_on_a_bad_type_naming_file_and_field(tmp_path, command):
    path = write_type(tmp_path, _with_field("born_on", role="birthday"))
    env = {**os.environ, "SOHOA_RECORD_TYPES_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "sohoa.cli", command], env=env, capture_output=True, text=True,
                          timeout=120, cwd=ROOT)
    assert done.returncode == 2
    assert f"sohoa {command}: record types: {path}: field born_on: role 'birthday'" in done.stderr
