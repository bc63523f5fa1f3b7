"""The short fault drill: a mixed batch survives a killed worker and outages of every service."""

import json
import subprocess
import sys

from .conftest import ROOT


def test_quick_drill_loses_nothing_and_doubles_nothing():
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "chaos.py"), "--quick", "--json"],
                         capture_output=True, text=True, timeout=1500, cwd=ROOT)
    result = json.loads(out.stdout)
    assert result["lost"] == [], result
    assert result["indexed_twice"] == [], result
    assert result["unexpected"] == [], result
    # Every object dropped has an outcome: indexed, failed with a reason, or a duplicate.
    assert result["indexed"] + sum(result["failed"].values()) + result["duplicates"] == result["objects_in_bucket"]
    assert result["failed"].get("bad_input") == 4 and result["failed"].get("limit_exceeded") == 1
    assert result["failed"].get("bug") == 1  # the poison page, after its bounded retries
    assert result["superseded"] >= 1  # the rescan replaced its first version
    assert out.returncode == 0, out.stderr[-2000:]
