"""The national template as data: rows, columns, labels, heading variants and identities.

Nothing here parses or computes; callers (and other tools) can read these tables directly.
Sources: ``shared/docs/format-notes.md`` §2–§7.
"""

from goiar.template.appeals import APPEAL_COLUMN_LABELS, APPEAL_GROUP_LABELS
from goiar.template.headings import PART_HEADINGS, PartHeading
from goiar.template.identities import Identity, identities_for
from goiar.template.proactive import PROACTIVE_ITEMS, ProactiveField, ProactiveItem, proactive_items
from goiar.template.requests import REQUEST_COLUMN_LABELS, REQUEST_ROWS, RequestRowSpec, request_rows

__all__ = [
    "APPEAL_COLUMN_LABELS",
    "APPEAL_GROUP_LABELS",
    "PART_HEADINGS",
    "PROACTIVE_ITEMS",
    "REQUEST_COLUMN_LABELS",
    "REQUEST_ROWS",
    "Identity",
    "PartHeading",
    "ProactiveField",
    "ProactiveItem",
    "RequestRowSpec",
    "identities_for",
    "proactive_items",
    "request_rows",
]
