from indexers.snippets import query_terms, snippet

TEXT = ("SỔ ĐĂNG KÝ KHAI SINH. Số: 58. Họ, chữ đệm, tên: Nguyễn Văn Đức. Ngày sinh: 15/03/1972. "
        "Nơi sinh: xã Đình Bảng. Cha: Nguyễn Văn Thắng. Mẹ: Lê Thị Hoà.")


def test_unaccented_query_marks_the_accented_words():
    s = snippet(TEXT, "nguyen van duc")
    assert "<em>Nguyễn</em> <em>Văn</em> <em>Đức</em>" in s


def test_snippet_keeps_original_diacritics_and_old_style_tone_marks_match():
    s = snippet(TEXT, "Hòa")
    assert "<em>Hoà</em>" in s


def test_no_match_gives_none():
    assert snippet(TEXT, "Trần") is None
    assert snippet("", "Đức") is None


def test_window_prefers_the_place_with_most_query_words():
    text = "Đức " + "x " * 300 + "Nguyễn Văn Đức"
    s = snippet(text, "nguyen van duc", width=60)
    assert "<em>Nguyễn</em> <em>Văn</em> <em>Đức</em>" in s
    assert s.startswith("…")


def test_html_escape_keeps_marks_but_escapes_text():
    s = snippet("<script> Đức", "duc", escape=True)
    assert "&lt;script&gt;" in s and "<em>Đức</em>" in s


def test_query_terms_are_folded_words():
    assert query_terms("Nguyễn  Văn-Đức!") == {"nguyen", "van", "duc"}
