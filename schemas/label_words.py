"""The label vocabulary as data: ``schemas/data/label_words.json``, read once.

The words labels are made of (persons, attributes, short morphemes), the acts that name a person by what
they do, and the parent words by sex all live in that one file, so a new wording is one data edit. The
modules that read parts of it (``labels.py``, ``person_acts.py``) share this loader rather than each
opening the file.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

WORDS_FILE = Path(__file__).with_name("data") / "label_words.json"


@lru_cache(maxsize=1)
def label_words() -> dict[str, Any]:
    """The parsed file; shared by every caller, so callers only read it."""
    data: dict[str, Any] = json.loads(WORDS_FILE.read_text(encoding="utf-8"))
    return data
