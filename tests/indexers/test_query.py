import json

from indexers.pages import PageQuery, build_page_query, page_document
from sohoa.ids import page_id
from ocr.result import Line, PageText, Word


def test_query_requires_every_word_folded_and_boosts_exact_forms():
    q = build_page_query(PageQuery(text="Nguyễn Văn  Đức"))
    must = q["bool"]["must"][0]["match"]["text_folded"]
    assert must == {"query": "nguyen van duc", "operator": "and"}
    should = json.dumps(q["bool"]["should"], ensure_ascii=False)
    assert "nguyễn văn đức" in should


def test_user_text_never_becomes_query_string_syntax():
    q = build_page_query(PageQuery(text='name:"x" OR * AND (y'))
    assert "query_string" not in json.dumps(q)
    assert "simple_query_string" not in json.dumps(q)


def test_filters_are_structured_terms():
    q = build_page_query(PageQuery(text="duc", collection="hotich", needs_review=True))
    assert {"term": {"collection": "hotich"}} in q["bool"]["filter"]
    assert {"term": {"needs_review": True}} in q["bool"]["filter"]


def test_page_ids_are_stable_per_content_and_page():
    assert page_id("ab" * 32, 2) == page_id("ab" * 32, 2) != page_id("ab" * 32, 3)


def test_page_document_carries_all_three_text_forms():
    page = PageText(page=2, width=100, height=100, lines=[
        Line(words=[Word("Nguyễn", 0.9, (0, 0, 10, 10)), Word("Văn", 0.9, (11, 0, 20, 10)),
                    Word("Đức", 0.6, (21, 0, 30, 10))], bbox=(0, 0, 30, 10))])
    doc = page_document(page, doc={"doc_hash": "h", "key": "hotich/a.pdf", "collection": "hotich", "pages_total": 3},
                        image_key="i", ocr_key="o")
    assert doc["text"] == "Nguyễn Văn Đức"
    assert doc["text_norm"] == "nguyễn văn đức"
    assert doc["text_folded"] == "nguyen van duc"
    assert abs(doc["mean_confidence"] - 0.8) < 1e-6
    assert doc["page"] == 2 and doc["pages_total"] == 3


def test_a_role_that_sees_only_years_searches_and_sorts_by_years_only():
    from indexers.records_search import RecordQuery, build_search, year_only
    body = year_only(build_search(RecordQuery(q="1980-03-05 Nguyễn", sort="born")))
    text = str(body)
    assert "search.all_folded" not in text and "search.all_public_folded" in text
    assert body["sort"] == [{"birth_year": {"order": "asc", "missing": "_last"}}, {"record_id": "asc"}]
    desc = year_only(build_search(RecordQuery(name="x", sort="born_desc")))["sort"]
    assert desc == [{"birth_year": {"order": "desc", "missing": "_last"}}, {"record_id": "asc"}]
