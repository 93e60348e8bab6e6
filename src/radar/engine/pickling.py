"""Pickle the engine's frozen dataclasses as a call: `cls(*field values)`.

Two reasons, one mechanism:
- speed: the workers send every assessment to the parent pickled, and Python's
  default for frozen slotted dataclasses walks `dataclasses.fields()` for each
  object and restores it field by field; a portfolio has tens of thousands of
  score points (1,000 bench alliances, pure engine, 2 workers, three runs each,
  alternating: 1.64-1.70 s wall / 3.18-3.27 s CPU with these reducers against
  1.77-1.79 s / 3.39-3.44 s without);
- the optional compiled engine (docs/performance.md, "Compiled engine"): mypyc turns
  these classes into native ones whose default unpickling assigns each field and
  so trips the frozen check.

The reducers are registered with `copyreg` rather than set on the classes, so the
classes stay plain dataclasses (mypyc compiles a class with any other decorator
as a slower, ordinary Python class). The values go through `__init__` on the way
back, so an unpickled object equals the original.
"""

from __future__ import annotations

import copyreg
import dataclasses
from collections.abc import Callable
from operator import attrgetter
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

Reducer = Callable[[Any], tuple[type, tuple[Any, ...]]]


def pickle_as_call(*classes: type[DataclassInstance]) -> None:
    """Register `classes` (dataclasses) to pickle as their class and field values."""
    for cls in classes:
        copyreg.pickle(cls, reducer(cls))


def reducer(cls: type[DataclassInstance]) -> Reducer:
    """`item -> (cls, field values in declaration order)`."""
    names = tuple(field.name for field in dataclasses.fields(cls))
    values: Callable[[Any], Any] = attrgetter(*names)
    if len(names) == 1:  # attrgetter returns the value itself, not a tuple of one
        one = values

        def values(item: Any) -> tuple[Any, ...]:
            return (one(item),)

    def reduce(item: Any) -> tuple[type, tuple[Any, ...]]:
        return cls, values(item)

    return reduce
