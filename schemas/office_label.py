"""A label that names an office and nothing else ("Cơ quan …", "Ủy ban …", "Nơi làm thủ tục", "Cơ quan cấp"): on a
paper that asks for one office, the office is that one. A civil-status certificate or register page names a
single body, the one that registered the event and issued the paper; its field asks for the registration as well
as the office (``registration.office``), so a label that names only the body, or only that a body issued the paper
(``issuer``: "cấp", "ban hành", "ký"), fell short of it and was listed unplaced whenever the title did not name a
registration. Where a type asks for several offices (a death record also asks who issued the death notice), the
label does not say which, and stays unplaced. The reading is less sure than a label naming the registration."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from .loader import FieldSpec

if TYPE_CHECKING:
    from .labels import FieldMeaning

OFFICE_ATTRIBUTES = frozenset({"office", "issuer"})  # what a label naming a body alone asks
ONLY_OFFICE_SCORE = 0.6  # as sure as a label asking the type's only date in words that name no event


def the_only_office(meanings: Iterable[FieldMeaning]) -> FieldSpec | None:
    """The office that registered the paper, when it is the type's one field asking for a body (an office or an
    issuer among what it needs or may hold); None when the type asks for no such office, or for another body too."""
    bodies = list(dict.fromkeys(fm.spec for fm in meanings if (fm.needs | fm.may) & OFFICE_ATTRIBUTES))
    if len(bodies) != 1:
        return None
    registering = [fm for fm in meanings if fm.spec is bodies[0] and "registration" in fm.needs]
    return bodies[0] if registering else None
