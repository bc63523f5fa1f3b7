"""How a large document's pages are cut into the ranges the workers share."""

from __future__ import annotations

from ingest.plans import page_ranges


def covered(ranges):
    return [n for first, last in ranges for n in range(first, last + 1)]


def test_every_page_once_in_order_and_no_range_too_long():
    for total in (4, 9, 40, 300, 1000):
        ranges = page_ranges(list(range(1, total + 1)), 8)
        assert covered(ranges) == list(range(1, total + 1))
        assert all(1 <= last - first + 1 <= 8 for first, last in ranges)


def test_ranges_shorten_towards_the_end():
    ranges = page_ranges(list(range(1, 301)), 8)
    sizes = [last - first + 1 for first, last in ranges]
    assert sizes[0] == 8
    assert sizes[-3:] == [1, 1, 1]  # the last pages are shared out one by one
    assert sizes == sorted(sizes, reverse=True)
    assert len(ranges) < 300 / 4  # far fewer messages than pages


def test_pages_left_to_do_are_grouped_by_runs():
    ranges = page_ranges([1, 2, 3, 7, 8, 20], 8)
    assert covered(ranges) == [1, 2, 3, 7, 8, 20]
    assert all(all(n in (1, 2, 3) for n in range(a, b + 1)) or all(n in (7, 8) for n in range(a, b + 1))
               or (a, b) == (20, 20) for a, b in ranges)
    assert page_ranges([], 8) == []
