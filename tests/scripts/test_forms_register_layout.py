"""The dev bound register is printed in any dev page template, the other documents in the template drawn for them."""

from __future__ import annotations

import random

from forms.render import DEV_PAGE_LAYOUTS, register_layout


def test_only_the_dev_register_is_redrawn():
    rng = random.Random(0)
    assert register_layout("inline", "seen", "bound_register", rng) == "inline"
    assert register_layout("numbered", "unseen", "bound_register", rng) == "numbered"
    assert register_layout("shaded", "dev", "birth", rng) == "shaded"
    assert rng.random() == random.Random(0).random()  # the stream is left untouched when nothing is redrawn


def test_the_dev_register_reaches_every_dev_template():
    drawn = {register_layout("shaded", "dev", "bound_register", random.Random(s)) for s in range(200)}
    assert drawn == set(DEV_PAGE_LAYOUTS)


def test_the_draw_is_deterministic_in_its_stream():
    a = register_layout("shaded", "dev", "bound_register", random.Random("7:dev:register_layout"))
    b = register_layout("shaded", "dev", "bound_register", random.Random("7:dev:register_layout"))
    assert a == b
