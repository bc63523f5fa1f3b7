"""A register's book and the number of an entry in it, told apart by the shapes their values take.

A civil-status office opens its books of a kind year by year and numbers them within the year, so a book is
written as its order and its year ("02/2021", "Quyển số: 01/2020"); the registration number runs from one within
a book and is a bare count ("Số: 119"). When the record's number holds a value of the book's shape whose year is
the year the entry was registered, and its book holds a bare count or nothing, the two labels were read the
other way round (a book's label taken for the number's): the values belong to each other's field.

Pure functions over the values as read; nothing here names a form or a wording.
"""

from __future__ import annotations

import re

# a book's order within its year, a slash, the year: "02/2021", "1/1998"
_BOOK = re.compile(r"(\d{1,3})/(\d{4})")
# an entry's number: a bare count of digits
_COUNT = re.compile(r"\d{1,5}")


def book_year(value: object) -> int | None:
    """The year of a value written as a book is ("NN/YYYY"), or None."""
    m = _BOOK.fullmatch(value.strip()) if isinstance(value, str) else None
    return int(m.group(2)) if m else None


def read_other_way(number: object, book: object, registered: int | None) -> bool:
    """The number's value is a book's of the year the entry was registered (``registered``), and the book's
    is a bare count or missing (None): the number and the book were read into each other's field."""
    if registered is None or book_year(number) != registered:
        return False
    return book is None or isinstance(book, str) and _COUNT.fullmatch(book.strip()) is not None
