"""What a field's selection asks for, fragments included."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from strawberry.types import Info
from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField


def asks_for(info: Info[Any, Any], name: str) -> bool:
    """Whether the current field's selection (at its first level, through fragments) holds a
    field ``name``. Directives are not evaluated: a field under ``@skip`` counts as asked."""
    return any(_asks_for(field.selections, name) for field in info.selected_fields)


def _asks_for(selections: Iterable[Any], name: str) -> bool:
    for selection in selections:
        if isinstance(selection, SelectedField) and selection.name == name:
            return True
        if isinstance(selection, FragmentSpread | InlineFragment) and _asks_for(
            selection.selections, name
        ):
            return True
    return False
