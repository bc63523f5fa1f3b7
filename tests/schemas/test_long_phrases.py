"""A phrase of the label vocabulary is read whole however many syllables it has: the reading looks for phrases as
long as the longest the vocabulary holds, so a long phrase is not read in pieces whose last syllable folds onto
another concept's word (issue 12, part BM; schemas/labels.py ``MAX_PHRASE``)."""

from schemas.labels import MAX_PHRASE, lexicon, meaning


def test_no_phrase_of_the_vocabulary_is_longer_than_the_reading_looks():
    assert max(len(k) for k in lexicon().phrases) <= MAX_PHRASE


def test_each_long_phrase_reads_as_what_its_entry_says():
    lex = lexicon()
    long_phrases = [k for k in lex.written if len(k) > 5]
    assert long_phrases  # (the test asks something only while such phrases exist)
    for words in long_phrases:
        said = meaning(" ".join(words))
        tags = lex.written[words]
        attrs = {t[5:] for t in tags if t.startswith("attr:")}
        assert attrs <= said.attrs and not said.unknown, (words, said)
