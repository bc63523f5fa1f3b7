from sohoa.ids import chunks


def test_chunks_keep_order_and_the_last_partial_chunk():
    assert list(chunks(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(chunks(iter([]), 3)) == []
