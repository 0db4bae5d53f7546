"""``herkomst { velden }``: the JSON list of (veld, bron) objects of one ``veld=bron,veld=bron``
column, in the order of the pairs, as ``schema.described`` builds it field by field.

The database splits the column into its pairs (PostgreSQL: ``unnest(string_to_array(…)) WITH
ORDINALITY``; SQLite: ``json_each`` over the pairs written as a JSON array, safe because the
seed writes only column names and source codes there, ``seed.herkomst``), names each column as
the API names it on the row's table (a ``CASE`` over ``graph.veldnamen``) and writes each pair
with the selection's members, in a correlated subquery of the row.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import ColumnElement, FromClause, Integer, case, func, select

from onderwijsgraaf.compiler import sqljson as j
from onderwijsgraaf.compiler.selection import Walk
from onderwijsgraaf.graph.model import FieldSources
from onderwijsgraaf.graph.veldnamen import veldnamen

Sql = ColumnElement[Any]


def velden(
    walk: Walk,
    field: FieldSources,
    row: FromClause,
    table: str | None,
    item: Callable[[FromClause], Sql],
) -> Sql:
    """The JSON array of ``field``'s pairs in ``row`` (of ``table``; None: unknown, every
    column keeps its name); ``item`` writes the JSON object of one pair from a row with the
    columns ``veld`` and ``bron``."""
    pairs, number, pair = _pairs(walk, row.c[field.column])
    at = (func.strpos if walk.dialect.postgres else func.instr)(pair, j.text("="), type_=Integer)
    column = case((at == 0, pair), else_=func.substr(pair, 1, at - 1))
    bron = case((at == 0, j.text("")), else_=func.substr(pair, at + 1))
    names = veldnamen(table) if table is not None else {}
    named = [(column == j.text(c), j.text(n)) for c, n in names.items() if c != n]
    veld = case(*named, else_=column) if named else column
    items = (
        select(number.label("nr"), veld.label("veld"), bron.label("bron"))
        .select_from(pairs)
        .where(column != j.text(""))
        .order_by(number)
        .correlate(row)
        .subquery()
    )
    joined = walk.dialect.join_ordered(item(items), [items.c.nr])
    return select(j.array(joined)).select_from(items).scalar_subquery()


def _pairs(walk: Walk, value: Sql) -> tuple[FromClause, Sql, Sql]:
    """The pairs of a comma-separated ``value`` as rows: (the rows, their number, the pair)."""
    if walk.dialect.postgres:
        split = func.unnest(func.string_to_array(value, j.text(",")))
        rows = split.table_valued("paar", with_ordinality="nr").render_derived()
        return rows, rows.c.nr, rows.c.paar
    array = j.concat(j.text('["'), func.replace(value, j.text(","), j.text('","')), j.text('"]'))
    rows = func.json_each(array).table_valued("key", "value")
    return rows, rows.c.key, rows.c.value
