"""The words that join a date, or what was done, to the place where it happened.

Vietnamese puts "tại" or "ở" before a place ("22/10/1956 tại Mặt trận …", "hy sinh ở bệnh viện …", "Tên thường
dùng ở …"): such a word says that a place follows. Grammar words of the language, not a form's wording; read by the
label reader, the value splitter and the phrase readers alike, so they live apart from all of them.
"""

from __future__ import annotations

# words that join a date to the place it happened at ("22/10/1956 tại Mặt trận …", "… ở bệnh viện"); lower case,
# NFC, as its readers compare a word once normalised
PLACE_AFTER_DATE = frozenset({"tại", "ở"})
