"""One value under two labels written as one ("Cấp bậc, chức vụ: Hạ sĩ, B trưởng", "Chức vụ, đơn vị: B trưởng,
Đại đội 3, Tiểu đoàn 8"): a label naming two attributes joined by a comma asks both, and its value gives each,
comma-separated. The first label, with nothing after it but the second, had no value, and the second took both.

Each part of the value goes to the field it has the look of: a rank from the ranks' closed list, a unit by its
level words or codes (``value_look``), and what is neither to the field that asks neither. Only when the looks
settle it: two fields asking neither share nothing unless there are exactly two parts, one each, in the label's
order.
"""

from __future__ import annotations

from .layout import Tok, text_of
from .loader import FieldSpec
from .value_look import is_military_unit, is_rank, is_rank_field, is_unit_field


def _look_of_field(spec: FieldSpec) -> str:
    return "rank" if is_rank_field(spec) else "unit" if is_unit_field(spec) else "other"


def _look_of_part(text: str) -> str:
    return "rank" if is_rank(text) else "unit" if is_military_unit(text) else "other"


def _parts(toks: list[Tok]) -> list[list[Tok]]:
    """The value cut at its commas, each part without the comma that ends it."""
    out: list[list[Tok]] = [[]]
    for t in toks:
        out[-1].append(t)
        if t.text.endswith(",") and t is not toks[-1]:
            out.append([])
    return [p for p in out if p]


def split_joint(first: FieldSpec, second: FieldSpec, toks: list[Tok]) -> tuple[list[Tok], list[Tok]] | None:
    """The words of ``toks`` for ``first`` and for ``second`` (two text fields a label joined by a comma names, in
    that order), or None when the parts' looks do not settle which is whose."""
    if first.kind != "text" or second.kind != "text" or first.is_list or second.is_list:
        return None
    looks = (_look_of_field(first), _look_of_field(second))
    parts = _parts(toks)
    if len(parts) < 2 or looks[0] == looks[1] and looks[0] != "other":
        return None
    if looks == ("other", "other"):
        return (parts[0], parts[1]) if len(parts) == 2 else None
    owners = []
    for part in parts:
        look = _look_of_part(text_of(part).rstrip(","))
        owner = looks.index(look) if look in looks else looks.index("other") if "other" in looks else None
        if owner is None:
            return None
        owners.append(owner)
    if len(set(owners)) < 2:
        return None
    mine = [[t for p, o in zip(parts, owners) if o == k for t in p] for k in (0, 1)]
    return mine[0], mine[1]
