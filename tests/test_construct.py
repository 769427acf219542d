"""The slot-writing constructors build exactly what the attrs constructors build, or fall back to them."""

from __future__ import annotations

import pickle
from decimal import Decimal

import attrs
import pytest

from goiar.model import construct
from goiar.model.figure import CellState, Figure, Obtained, Source

SOURCES = [
    (None, None, None, None, None, None),
    (12, 340, None, None, None, None),
    (3, 40, 1, 2, 5, None),
    (None, None, 0, 7, 6, "/html/body[1]/table[2]/tr[8]/td[7]"),
]


def assert_same(made: object, expected: object) -> None:
    assert type(made) is type(expected)
    assert made == expected
    assert hash(made) == hash(expected)
    assert repr(made) == repr(expected)
    assert pickle.loads(pickle.dumps(made)) == expected  # noqa: S301 - our own bytes
    assert attrs.asdict(made) == attrs.asdict(expected)  # type: ignore[arg-type]


@pytest.mark.parametrize("fields", SOURCES)
def test_source_is_the_constructors_source(fields: tuple[int | None, ...]) -> None:
    made = construct.source(*fields)  # type: ignore[arg-type]
    assert_same(made, Source(**dict(zip(construct.SOURCE_FIELDS, fields, strict=True))))  # type: ignore[arg-type]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        made.line = 4  # type: ignore[misc]


@pytest.mark.parametrize(
    "fields",
    [
        (4, CellState.NUMBER, "4", Source(line=2, offset=9), Obtained.READ, None, None),
        (Decimal("1.5"), CellState.NUMBER, "1.5万元", None, Obtained.READ, None, "万元"),
        (0, CellState.BLANK, None, None, Obtained.INFERRED, "T3-B requests.total", None),
        (None, CellState.MISSING, None, None, Obtained.READ, None, None),
    ],
)
def test_figure_is_the_constructors_figure(fields: tuple[object, ...]) -> None:
    made = construct.figure(*fields)  # type: ignore[arg-type]
    assert_same(made, Figure(**dict(zip(construct.FIGURE_FIELDS, fields, strict=True))))  # type: ignore[arg-type]


def test_the_shortcut_is_taken_for_the_model_as_it_is() -> None:
    # if this fails the model changed: the fallback keeps goiar right, but slower (check construct.fits)
    assert construct.fits(Source, construct.SOURCE_FIELDS)
    assert construct.fits(Figure, construct.FIGURE_FIELDS)
    assert construct.source is not construct._source_by_constructor
    assert construct.figure is not construct._figure_by_constructor


def test_classes_that_do_more_than_store_are_not_shortcut() -> None:
    @attrs.frozen
    class Checked:
        line: int = attrs.field(validator=attrs.validators.instance_of(int))

    @attrs.frozen
    class Hooked:
        line: int

        def __attrs_post_init__(self) -> None:
            pass

    @attrs.frozen
    class Converted:
        line: int = attrs.field(converter=int)

    @attrs.frozen(slots=False)
    class Dicted:
        line: int

    for cls in (Checked, Hooked, Converted, Dicted):
        assert not construct.fits(cls, ("line",))
    assert not construct.fits(Source, ("line", "offset"))
    assert not construct.fits(dict, ("line",))


def test_a_model_that_no_longer_fits_falls_back_to_the_constructors(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(construct, "fits", lambda cls, names: False)
    assert construct._source_maker() is construct._source_by_constructor
    assert construct._figure_maker() is construct._figure_by_constructor
    assert_same(construct._source_by_constructor(*SOURCES[2]), construct.source(*SOURCES[2]))
    figure = (4, CellState.NUMBER, "4", None, Obtained.READ, None, None)
    assert_same(construct._figure_by_constructor(*figure), construct.figure(*figure))
