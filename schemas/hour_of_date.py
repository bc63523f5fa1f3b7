"""The hour written inside a date's value ("9 giờ 50 phút, ngày 14 tháng 10 năm 1986"): the time of the same event.

A form may ask when a death happened in one label no list holds ("Xxx hồi:", "Yyy vào hồi:"); read by its meaning,
such a label names the event and no hour, so it is read as the event's date alone and the hour written before the
day was dropped. Vietnamese writes an hour with its own words: a number, then "giờ", then, when given, a number and
"phút". Those words say a time is written, whatever the label: the hour is the time field of the date's event,
when the record type asks one (``labels.moment_companions`` read the other way).
"""

from __future__ import annotations

from .labels import moment_companions
from .loader import FieldSpec, Schema

from sohoa.text import fold

_HOUR_WORD, _MINUTE_WORD = "gio", "phut"
# punctuation and a table's rule OCR glues to a number ("|8 giờ", "(7 giờ")
_AROUND = ",.;:|[]()"


def _number(word: str) -> bool:
    return word.isdigit() and len(word) <= 2


def hour_span(words: list[str]) -> tuple[int, int] | None:
    """The start and end of the first hour written with its words in ``words`` (``[3, "giờ", 05, "phút"]``, or a
    number and "giờ" alone), or None when no number is followed by "giờ"."""
    folded = [fold(w).strip(_AROUND) for w in words]
    for i in range(len(folded) - 1):
        if _number(folded[i]) and folded[i + 1] == _HOUR_WORD:
            end = i + 2
            if end < len(folded) and _number(folded[end]):
                end += 1
                if end < len(folded) and folded[end] == _MINUTE_WORD:
                    end += 1
            return i, end
    return None


def in_hour(words: list[str], start: int, end: int) -> bool:
    """Whether ``words[start:end]`` lie inside an hour written with its words ("phút" of "1 giờ 30 phút": the
    hour's end, never a label of its own)."""
    k = 0
    while (span := hour_span(words[k:])) is not None:
        if span[0] + k <= start and end <= span[1] + k:
            return True
        k += span[1]
    return False


def time_of_date(date_spec: FieldSpec, schema: Schema) -> FieldSpec | None:
    """The record type's one time field of the event ``date_spec`` dates (``date_of_death`` -> ``time_of_death``),
    or None when it asks none or several."""
    times = [f for f in schema.fields if f.kind == "time" and date_spec in moment_companions(f, schema)]
    return times[0] if len(times) == 1 else None
