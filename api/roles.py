"""The roles and their permissions, as data.

Kept apart from ``api.auth`` (which loads the web framework) so that every ``sohoa`` command can name the
roles in its help without loading FastAPI: the operator's commands and a script's ``sohoa watch`` and
``sohoa wait`` start in a fraction of the time.
"""

from __future__ import annotations

SEARCH = "search"            # search records and pages, open records and their page images, export
FULL_FIELDS = "full_fields"  # personal ID numbers and full dates of birth unmasked
SUBMIT = "submit"            # hand in scans (no HTTP route yet; the bucket's own credentials today)
OPERATE = "operate"          # console, status, failures, retry/requeue, metrics: no record contents
AUDIT = "audit"              # read the audit log
TOKENS = "tokens"            # create, list and revoke tokens
REVIEW = "review"            # take doubtful records from the review queue and answer them, field by field
ARBITRATE = "arbitrate"      # settle fields two reviewers answered differently

ROLES: dict[str, frozenset[str]] = {
    "viewer": frozenset({SEARCH}),
    "clerk": frozenset({SEARCH, FULL_FIELDS, SUBMIT}),
    "operator": frozenset({OPERATE}),
    "auditor": frozenset({AUDIT}),
    # A reviewer reads the page to correct what was read from it, dates and ID numbers included, and searches
    # to check that a corrected record is found.
    "reviewer": frozenset({SEARCH, FULL_FIELDS, REVIEW}),
    # A volunteer reviews names, places and what the extractor could not place, as many archives let trusted
    # volunteers index: without the right to personal data, they see what a viewer sees (dates of birth as their
    # year, ID numbers as their last digits, page images and crops with both painted black) and may not answer
    # those fields.
    "volunteer": frozenset({SEARCH, REVIEW}),
    # The archive's administrator is one trusted person in a small office: admin
    # holds every permission (and every action of theirs is audited like anyone's).
    "admin": frozenset({SEARCH, FULL_FIELDS, SUBMIT, OPERATE, AUDIT, TOKENS, REVIEW, ARBITRATE}),
}
