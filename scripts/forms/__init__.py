"""Filled forms for the extraction benchmark, in two splits of wording.

``grammar``: how Vietnamese forms name a field (role words x attribute words x
order, punctuation, case, abbreviations), partitioned into a *seen* part (the
field contract's wordings and close variants) and an *unseen* part.
``values``: names, places and dates, from pools per split.
``documents``: certificates, register pages, bound registers and dossiers of
the six record types, built from a grammar split and a value pool.
``render``: page images, reusing ``make_forms``' painter and degradation.
``disjoint``: the check that no unseen wording occurs in the extractor.
"""
