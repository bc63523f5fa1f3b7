"""Countries' names in Vietnamese, from CLDR: what a nationality's value is, whatever the country.

The names are CLDR's Vietnamese territory names as babel ships them (no download at run time), kept for real
countries only: a two-letter code where CLDR records a language people speak, which leaves out the continents
and regions (three digits), groupings (the European Union, the United Nations), uninhabited places (Antarctica)
and the pseudo and unknown regions. A name with another in parentheses ("Myanmar (Miến Điện)") is also read as
each of the two. CLDR's alternates, which babel's compiled data leaves out ("Mỹ" beside "Hoa Kỳ"), are data
copied from CLDR (``data/country_alternates.txt``). Việt Nam's own forms that CLDR does not give are the state's
full name, printed at the head of every record, and the name written as one word.

Names are NFC, and looked up folded (``sohoa.text.fold``: lower case, with or without diacritics), as the rest
of ``schemas`` folds.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from babel import Locale
from babel.core import get_global

from sohoa.text import fold, nfc

# Việt Nam's forms CLDR does not give: the state's full name and the name written as one word
_VIET_NAM_FORMS = ("Cộng hòa xã hội chủ nghĩa Việt Nam", "Vietnam")
_IN_PARENS = re.compile(r"^(.+?)\s*\((.+)\)$")


def _is_country(code: str, spoken: Mapping[str, Mapping[str, object]]) -> bool:
    """A two-letter territory where CLDR records a language people speak (``und``: none known)."""
    return len(code) == 2 and code.isalpha() and bool(set(spoken.get(code, {})) - {"und"})


def _forms(name: str) -> list[str]:
    """The name as written, and each of two names when one gives the other in parentheses."""
    m = _IN_PARENS.match(name)
    return [name, m.group(1), m.group(2)] if m else [name]


def _alternates() -> list[tuple[str, str]]:
    text = (Path(__file__).parent / "data" / "country_alternates.txt").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return [(code.strip(), name.strip()) for code, name in rows]


def _load() -> dict[str, str]:
    """Each form of a country's name as written (NFC) -> the country's main name (CLDR's)."""
    spoken = get_global("territory_languages")
    main = {code: nfc(name) for code, name in Locale("vi").territories.items()
            if _is_country(code, spoken)}
    named = [(code, form) for code, name in main.items() for form in _forms(name)]
    named += [(code, form) for code, name in _alternates() if code in main for form in _forms(name)]
    named += [("VN", form) for form in _VIET_NAM_FORMS]
    out: dict[str, str] = {}
    for code, form in named:
        out.setdefault(nfc(form), main[code])
    return out


# each form as written -> the country's main name: "Mỹ" -> "Hoa Kỳ", "Vietnam" -> "Việt Nam"
WRITTEN: dict[str, str] = _load()
# folded form -> the main name: "my" -> "Hoa Kỳ", "viet nam" -> "Việt Nam"
COUNTRIES: dict[str, str] = {fold(form): name for form, name in WRITTEN.items()}
COUNTRY_NAMES: frozenset[str] = frozenset(COUNTRIES)
_STOPS = " .,;:"


def country_of(text: str) -> str | None:
    """The main name of the country the text names whole (any case, with or without marks), else None."""
    return COUNTRIES.get(fold(text).strip(_STOPS))


def written_as_country(text: str) -> bool:
    """The text is one of the forms of a country's name exactly as written, capitals and marks."""
    return nfc(text).strip(_STOPS) in WRITTEN


def country_form(text: str) -> str | None:
    """The form of a country's name the text is, read with its own letters and marks but its capitals lost or
    added ("pháp" -> "Pháp", "hoa kỳ" -> "Hoa Kỳ"); None when no form has those letters and marks."""
    lowered = nfc(text).strip(_STOPS).lower()
    return _BY_LETTERS.get(lowered)


_BY_LETTERS: dict[str, str] = {form.lower(): form for form in WRITTEN}
