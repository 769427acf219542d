"""Hypothesis strategies: random lawful reports (every identity holds) and the formats to write them in.

Reports come from :func:`goiar.testing.lawful_values` driven by a Hypothesis-controlled
:class:`random.Random`, with invented organ names.  ``small=True`` keeps every random draw at most a
few per cell (township-sized figures: totals still reach two digits): the run-together reader splits
digit runs by enumeration, which is slow on long runs of multi-digit cells.
"""

from __future__ import annotations

import datetime as dt
import random

from hypothesis import strategies as st

from goiar import Report, Template
from goiar.model import Meta
from goiar.render import FORMATS
from goiar.testing import lawful_values, make_report

__all__ = ["ORGANS", "SmallRandom", "formats", "reports", "templates"]

ORGANS: tuple[str, ...] = (
    "青禾县云岭镇人民政府",
    "白石市河西区文化和旅游局",
    "临川县清水乡人民政府",
    "东岚市自然资源和规划局",
    "南溪县梧桐街道办事处",
    "北原市人民政府办公室",
)
"""Invented issuing bodies."""
YEARS: dict[Template, tuple[int, ...]] = {
    Template.V2019: (2019, 2020),
    Template.V2021: (2021, 2022, 2023, 2024),
}
"""Statistics years that fit each template version (no ``template.mixed`` warning)."""


class SmallRandom(random.Random):
    """A :class:`random.Random` whose ``randint(a, b)`` stays within ``a … a + 3``.

    :func:`~goiar.testing.lawful_values` draws every free cell with ``randint``; capping it gives small,
    still lawful figures (the sums are computed, not drawn).
    """

    def randint(self, a: int, b: int) -> int:
        return super().randint(a, min(b, a + 3))


def templates() -> st.SearchStrategy[Template]:
    """Either template version."""
    return st.sampled_from(list(Template))


def formats(*, exclude: tuple[str, ...] = ()) -> st.SearchStrategy[str]:
    """A format name of :data:`goiar.render.FORMATS` (html, tab, cell-lines, run-together)."""
    return st.sampled_from([name for name in FORMATS if name not in exclude])


@st.composite
def reports(draw: st.DrawFn, template: Template | None = None, *, small: bool = False) -> Report:
    """A complete lawful report: tables in ``template`` (drawn when None), invented organ, fitting year."""
    version = template if template is not None else draw(templates())
    rng: random.Random = draw(st.randoms(use_true_random=False))
    if small:
        rng = SmallRandom(rng.getrandbits(64))
    values = lawful_values(rng, version)
    year = draw(st.sampled_from(YEARS[version]))
    meta = Meta(
        organ=draw(st.sampled_from(ORGANS)),
        year=year,
        published=dt.date(year + 1, 1, draw(st.integers(min_value=5, max_value=28))),
        template=version,
    )
    return make_report(values, template=version, meta=meta)


def corpus_report(seed: int, template: Template, *, small: bool = False) -> Report:
    """The same kind of report as :func:`reports`, from a plain seed (for deterministic corpora)."""
    rng = SmallRandom(seed) if small else random.Random(seed)  # noqa: S311 - reproducible test data
    values = lawful_values(rng, template)
    year = YEARS[template][seed % len(YEARS[template])]
    meta = Meta(
        organ=ORGANS[seed % len(ORGANS)],
        year=year,
        published=dt.date(year + 1, 1, 5 + seed % 24),
        template=template,
    )
    return make_report(values, template=template, meta=meta)
