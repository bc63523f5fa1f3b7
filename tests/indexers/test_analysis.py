import unicodedata

import pytest

from indexers.analysis import folded_text, norm_text, unify_tone_marks


@pytest.mark.parametrize("old,new", [
    ("hòa", "hoà"), ("Hòa Bình", "Hoà Bình"), ("thủy", "thuỷ"), ("khỏe", "khoẻ"), ("họa", "hoạ"), ("lũy", "luỹ"),
])
def test_old_and_new_tone_placement_meet(old, new):
    assert unify_tone_marks(old) == unify_tone_marks(new) == new


@pytest.mark.parametrize("word", ["quý", "quỳ", "hoàn", "thuyền", "khoảng", "hoa", "gìn", "giữ"])
def test_words_whose_tone_placement_does_not_vary_are_untouched(word):
    assert unify_tone_marks(word) == word


def test_norm_text_is_nfc_lower_case_whatever_the_input_form():
    decomposed = unicodedata.normalize("NFD", "Nguyễn Văn Đức")
    assert norm_text(decomposed) == "nguyễn văn đức"
    assert unicodedata.is_normalized("NFC", norm_text(decomposed))


def test_folding_maps_d_with_stroke_and_strips_every_mark():
    assert folded_text("ĐẶNG Thị Thuỷ") == "dang thi thuy"
    assert folded_text("Đức") == folded_text("Duc") == "duc"
    assert folded_text("thủy") == folded_text("thuỷ")


def test_the_quick_check_skips_only_texts_the_word_pass_would_leave_alone():
    import itertools
    from indexers.analysis import _WORD, _unify_word
    from sohoa.text import nfc
    vowels = "aăâeêioôơuưyAOUY"
    tones = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
    letters = [nfc(v + t) for v in vowels for t in tones]
    words = ["".join(p) for p in itertools.product(["", "q", "h", "th", "kh"], letters, letters, ["", "n", "c"])]
    for w in words:
        assert unify_tone_marks(w) == _WORD.sub(_unify_word, nfc(w)), w


def test_invisible_characters_never_split_or_hide_a_word():
    from indexers.analysis import strip_invisible
    typed = "Ng\u200buyễn\u00ad V\u200dăn\ufeff Đ\u2060ức\u200e"
    assert strip_invisible(typed) == "Nguyễn Văn Đức"
    assert norm_text(typed) == "nguyễn văn đức" and folded_text(typed) == "nguyen van duc"


def test_mark_forms_hold_every_subset_of_a_words_marks():
    from indexers.analysis import mark_forms
    forms = mark_forms("đức")
    assert forms[0] == "đức" and len(forms) == 8
    assert {"dức", "đuc", "duc", "đưc", "dúc"} <= set(forms)
    assert "dục" not in forms and "đục" not in forms  # a mark typed must be on the word
    assert mark_forms("lan") == ("lan",)
    assert set(mark_forms("hoà")) == {"hoà", "hoa"}
    assert all(unicodedata.is_normalized("NFC", f) for f in mark_forms("đường")) and len(mark_forms("đường")) == 16
