"""Helpers for testing goiar and rules built on it: report builders.

Example:
    >>> from goiar.testing import make_report
    >>> make_report({"requests.granted.total": 1}).requests.granted.total.value
    1
"""

from goiar.testing.builders import DEFAULT_ORGAN, default_sections, lawful_values, make_report

__all__ = ["DEFAULT_ORGAN", "default_sections", "lawful_values", "make_report"]
