"""A page of findings: keyset paging over the findings of one bestuur, already read and in
order (``Bevinding.sleutel``); the cursor holds the key of the last finding shown."""

from __future__ import annotations

from collections.abc import Sequence

from loaders.paging import Page, PageRequest, check_cursor
from resolvers.controle.regel import Bevinding

KIND = "Bevinding"


def pagina(
    bevindingen: Sequence[Bevinding], first: int | None, after: str | None
) -> Page[Bevinding]:
    """The page of ``first`` findings after cursor ``after``, with the total of all of them.
    BadUserInput for a bad ``first`` or a cursor of another list."""
    request = PageRequest.parse(KIND, first, after)
    rows = list(bevindingen)
    if request.after is not None:
        check_cursor(request.after, (str, str, str, str))
        rows = [b for b in rows if b.sleutel > tuple(request.after)]
    return Page.of(request, rows[: request.first + 1], len(bevindingen), lambda b: b.sleutel)
