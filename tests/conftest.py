"""Shared test set-up: tests under tests/integration/ need the local stack and are marked so."""

from pathlib import Path

import pytest

INTEGRATION_DIR = Path(__file__).parent / "integration"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if INTEGRATION_DIR in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.integration)


@pytest.fixture
def record_types_dir(tmp_path, monkeypatch):
    """A deployment's folder of record types (``SOHOA_RECORD_TYPES_DIR``), empty, in force for one test."""
    from schemas.loader import reload_record_types
    folder = tmp_path / "record-types"
    folder.mkdir()
    monkeypatch.setenv("SOHOA_RECORD_TYPES_DIR", str(folder))
    reload_record_types()
    yield folder
    monkeypatch.delenv("SOHOA_RECORD_TYPES_DIR")
    reload_record_types()
