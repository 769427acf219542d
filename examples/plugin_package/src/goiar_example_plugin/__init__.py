"""A worked example of a goiar plug-in: a Markdown-table reader and one extra rule."""

from goiar_example_plugin.reader import MarkdownTableReader
from goiar_example_plugin.rules import granted_exceeds_received

__all__ = ["MarkdownTableReader", "granted_exceeds_received"]
