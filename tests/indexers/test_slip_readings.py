import json

from indexers.records_search import (RecordQuery, build_query, slip_candidates, slip_count_body, slip_counts)
from indexers.slip_readings import FAR, MAX_READINGS, adjacent, channel, candidates, ranked

VOCABULARY = {"words": {"le": 900, "thi": 5000, "nga": 70, "ha": 80, "an": 40, "duy": 30, "duc": 400,
                        "tran": 800, "van": 9000, "toan": 60, "hoa": 50, "nguyen": 3000},
              "given": {"nga": 70, "ha": 80, "an": 40, "duc": 300, "toan": 60, "hoa": 50}}


def test_keys_touch_side_by_side_and_diagonally_on_the_keyboard():
    assert adjacent("h", "j") and adjacent("h", "n") and adjacent("h", "y") and adjacent("h", "b")
    assert adjacent("a", "q") and adjacent("a", "z") and adjacent("m", "k")
    assert not adjacent("h", "h") and not adjacent("c", "u") and not adjacent("a", "d") and not adjacent("q", "z")


def test_channel_weighs_each_kind_of_slip():
    assert channel("na", "nga") == 1.0           # a key dropped
    assert channel("duu", "duy") == 1.0          # a neighbouring key instead (y, u)
    assert channel("duu", "duc") == FAR          # a far key instead (c, u)
    assert channel("duc", "dcu") == 1.0          # two swapped
    assert channel("ngaa", "nga") == 1.0         # a key doubled
    assert channel("ngsa", "nga") == 1.0         # a key next to a neighbour added (s beside a)
    assert channel("ngpa", "nga") == FAR         # a far key added
    assert channel("abc", "xyz") == 0.0          # not one slip


def test_only_one_unknown_word_is_read_back_and_readings_keep_the_word_order():
    got = dict(candidates(["le", "thi", "na"], VOCABULARY))
    assert got[("le", "thi", "nga")] == 1.0 and got[("le", "thi", "ha")] == 1.0 and got[("le", "thi", "an")] == 1.0
    assert all(r[:2] == ("le", "thi") for r in got)
    assert candidates(["le", "thi", "ha"], VOCABULARY) == []            # every word known: taken as typed
    assert candidates(["lw", "thi", "na"], VOCABULARY) == []            # two unknown words: not one slip
    assert candidates(["le", "thi", "na"], None) == []                  # no counts: the fuzzy tiers alone
    assert candidates(["le", "thi", "na"], VOCABULARY, frozenset({"na"})) == []  # read as keystrokes instead


def test_readings_are_ranked_by_slip_and_people_filling_the_first_page():
    readings = [(("le", "duy", "an"), 1.0), (("le", "duc", "an"), FAR), (("le", "du", "an"), 1.0)]
    # Đức is the commoner, but 'u' for 'c' is a far key: Duy's six come first, then Đức's; nobody is Lê Du An
    assert ranked(readings, [6, 9, 0]) == ["le duy an", "le duc an"]
    # equally likely slips: the commoner first once it fills the page; below a page the order is by people
    assert ranked([(("le", "thi", "ha"), 1.0), (("le", "thi", "nga"), 1.0)], [52, 56]) == ["le thi nga", "le thi ha"]
    assert ranked([(("a",), 1.0), (("b",), 1.0)], [3, 7]) == ["b", "a"]
    assert len(ranked([((str(i),), 1.0) for i in range(10)], [5] * 10)) == MAX_READINGS == 3


def test_readings_are_counted_in_one_request_and_searched_each_above_the_next():
    q = RecordQuery(name="le thi na", record_types=["birth"])
    readings = slip_candidates(q, VOCABULARY)
    body = slip_count_body(q, readings)
    filters = body["aggs"]["people"]["aggs"]["asked"]["aggs"]["readings"]["filters"]["filters"]
    assert len(filters) == len(readings)
    assert {"terms": {"record_type": ["birth"]}} in body["query"]["bool"]["filter"]  # the same records as the search
    resp = {"aggregations": {"people": {"asked": {"readings": {"buckets": {"0": {"doc_count": 4}}}}}}}
    assert slip_counts(resp, readings)[:2] == [4, 0]
    query = build_query(q, VOCABULARY, slips=["le thi nga", "le thi ha"])
    per_reading = query["bool"]["must"][0]["nested"]["query"]["dis_max"]["queries"]
    literal, nga, ha = per_reading
    steps = [[c["constant_score"]["boost"] for c in r["bool"]["should"]
              if c.get("constant_score", {}).get("filter") == {"match_all": {}}] for r in per_reading]
    # each reading read back: its three words' points (one constant: every person it matches holds them), then
    # its step; the literal reading, which may slip, scores its words one by one
    assert steps == [[], [3.0, 0.65], [3.0, 0.0]]
    def typo_tier(r: dict) -> list[dict]:
        # the clause a person must match: every word (a constant score), or either that or one word slipped
        required = r["bool"]["must"][0]["bool"]["must"][0]
        return required.get("bool", {}).get("should", [])[1:]

    assert '"search.people.full": "le thi nga"' in json.dumps(nga) and typo_tier(nga) == []
    assert typo_tier(literal)  # the name as typed still matches one slip off, below the readings


def test_a_word_that_reads_as_keystrokes_is_not_read_back_as_a_slip():
    assert slip_candidates(RecordQuery(name="le thi hoaf"), VOCABULARY) == []
    assert slip_candidates(RecordQuery(name="le thi hoaq"), VOCABULARY)


def test_a_word_typed_twice_counts_twice_within_a_tier():
    from indexers.records_search import name_word_clauses
    clauses = name_word_clauses("nguyen thuy thuy", typo=True, vocabulary=VOCABULARY)
    boosts = {c["constant_score"]["filter"]["term"]["search.people.words"]: c["constant_score"]["boost"]
              for c in clauses if "search.people.words" in json.dumps(c) and "constant_score" in c}
    assert boosts == {"nguyen": 1.0, "thuy": 2.0}  # three words, as many points as any three-word name
    # without a slip every person matched holds every word: the same three points, one constant
    strict = name_word_clauses("nguyen thuy thuy", typo=False, vocabulary=VOCABULARY)
    assert strict[0] == {"constant_score": {"filter": {"match_all": {}}, "boost": 3.0}}
    assert "search.people.words" not in json.dumps(strict)


def test_no_more_people_match_a_name_than_bear_its_rarest_word_in_any_reading():
    from indexers import name_vocabulary
    from indexers.records_search import people_bound
    vocabulary = {"words": {"nguyen": 5000, "van": 4000, "duc": 300, "hoa": 7, "le": 900, "thi": 5000, "nga": 56}}
    assert people_bound(RecordQuery(name="Nguyễn Văn Đức"), vocabulary) == 300
    assert people_bound(RecordQuery(name="nguyen van hoa"), vocabulary) == 7
    assert people_bound(RecordQuery(name="nguyen van hoaf"), vocabulary) == 0 + 7  # as typed: nobody; Telex: Hoà
    # the slips read back count too; a word the archive lacks, nobody
    assert people_bound(RecordQuery(name="le thi na"), vocabulary, slips=["le thi nga"]) == 56
    assert people_bound(RecordQuery(name="nguyen van xyz"), vocabulary) == 0
    assert people_bound(RecordQuery(name="nguyen"), None) is None and people_bound(RecordQuery(), vocabulary) is None
    # a list cut at MAX_WORDS leaves out words as rare as its last one, or rarer: at most that many
    full = {"words": {f"w{i}": 3 + i for i in range(name_vocabulary.MAX_WORDS)}}
    assert people_bound(RecordQuery(name="w9 unknown"), full) == 3
