"""A section heading whose enumerator letter OCR read as a symbol of its outline ("€." for "C."): still a heading,
so neither a label nor the end of the value above it. Made-up cards."""

from __future__ import annotations

import pytest

from schemas.extract import extract_records
from schemas.layout import Tok
from schemas.loader import label_key
from schemas.normalize import is_leader
from schemas.section_heading import is_section_heading

from synth import page


def _toks(text: str) -> list[Tok]:
    return [Tok(w, label_key(w), 0.95, (100 + 60 * k, 100, 150 + 60 * k, 136), 1, leader=is_leader(w))
            for k, w in enumerate(text.split())]


@pytest.mark.parametrize("text", ["€. NGUỒN GỐC", "©. BẢO QUẢN", "®) HÌNH DÁNG"])
def test_a_symbol_read_for_the_enumerators_letter_still_opens_a_heading(text):
    assert is_section_heading(_toks(text))


@pytest.mark.parametrize("text", ["-. NGUỒN GỐC", "•. BẢO QUẢN", "€. Nguồn gốc", "€. SỐ 12", "€. KHO:", "€ NGUỒN GỐC",
                                  "€€. NGUỒN GỐC"])
def test_a_dash_a_bullet_mixed_case_a_digit_a_colon_or_no_dot_make_no_heading(text):
    assert not is_section_heading(_toks(text))


def test_a_heading_with_a_misread_enumerator_does_not_end_the_description_above():
    """The heading lies under the description's last line: read as that line's rest, the section's name would end
    the description."""
    rows = ["PHIẾU HIỆN VẬT", "MÔ TẢ HIỆN VẬT : Chum thân tròn, vai có bốn núm, miệng loe, đáy bằng, thân có hoa văn;",
            "men nâu phủ đều khắp thân, dưới đáy có vết kê", [(400, "€. NGUỒN GỐC")], "XUẤT XỨ : Mua"]
    fields = extract_records([page(rows, width=1700)], collection="baotang/")[0]["fields"]
    assert fields["description"]["value"].endswith("dưới đáy có vết kê")
    assert fields["origin"]["value"] == "Mua"
