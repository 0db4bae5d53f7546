"""Generated queries as a hostile client would send them: any page size and nesting the SDL
allows (hypothesis-graphql over the committed SDL, untamed), with strings, lists and cursors
swapped for hostile ones. No answer is a 5xx or INTERNAL, none takes longer than the deadline,
and the compiled answer is the field-by-field one (``Api.post``), on SQLite and PostgreSQL."""

from __future__ import annotations

import base64
import hashlib
import random
import time
from typing import Any

from graphql import (
    ArgumentNode,
    ListValueNode,
    ObjectFieldNode,
    StringValueNode,
    Visitor,
    parse,
    print_ast,
    visit,
)

from onderwijsgraaf.settings import Settings
from tests.compiler.generated import HOSTILE, generated
from tests.conftest import Api

COUNT = HOSTILE
DEADLINE = Settings.request_deadline


def _cursor(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


HOSTILE_STRINGS = [
    "\u0000",
    "Utrecht\u0000",
    "\u0007bel",
    "a " * 996,
    "a" * 5_000,
    "%",
    "_",
    "\\",
    "' OR 1=1 --",
    "\u202e\u0645\u0631\u062d\u0628\u0627",
    "\U0001f3eb school",
    "’s-Gravenhage",
    "",
    " ",
]
HOSTILE_CURSORS = [
    _cursor(b'["onderwijsaanbieder.onderwijslocaties",[]]'),
    _cursor(b'["onderwijsaanbieder",[1e999]]'),
    _cursor(b'["onderwijsaanbieder",[NaN]]'),
    _cursor(b'["onderwijsaanbieder",[1000000000000000000000000000000]]'),
    _cursor(b'["onderwijsaanbieder",["a","b","c","d","e"]]'),
    _cursor(b'["onderwijsaanbieder",[null]]'),
    _cursor(b'["onderwijsaanbieder",[["x"]]]'),
    _cursor(b'["onderwijsaanbieder",{"a":1}]'),
    _cursor(b'"onderwijsaanbieder"'),
    _cursor(b"\xff\xfe"),
    "!!!",
    "",
]


def hostile(query: str) -> str:
    """``query`` with some of its strings, lists and cursors made hostile (chosen from a seed
    taken from the query, so the same query is always made hostile the same way)."""
    rnd = random.Random(hashlib.sha256(query.encode()).digest())  # noqa: S311  # not for secrets
    return print_ast(visit(parse(query), _Hostile(rnd)))


class _Hostile(Visitor):
    def __init__(self, rnd: random.Random) -> None:
        super().__init__()
        self.rnd = rnd

    def leave_argument(self, node: ArgumentNode, *_: Any) -> ArgumentNode | None:
        if node.name.value == "after" and self.rnd.random() < 0.7:
            value = StringValueNode(value=self.rnd.choice(HOSTILE_CURSORS))
            return ArgumentNode(name=node.name, value=value)
        value = self._value(node.value)
        return None if value is None else ArgumentNode(name=node.name, value=value)

    def leave_object_field(self, node: ObjectFieldNode, *_: Any) -> ObjectFieldNode | None:
        value = self._value(node.value)
        return None if value is None else ObjectFieldNode(name=node.name, value=value)

    def _value(self, value: Any) -> Any:
        rnd = self.rnd
        if isinstance(value, StringValueNode) and rnd.random() < 0.5:
            return StringValueNode(value=rnd.choice(HOSTILE_STRINGS))
        if isinstance(value, ListValueNode) and value.values and rnd.random() < 0.2:
            return ListValueNode(values=tuple(value.values) * 150)
        return None


async def test_no_hostile_query_is_answered_with_a_fault_or_late(api: Api) -> None:
    slowest = 0.0
    for query in generated(COUNT):
        hostile_query = hostile(query)
        started = time.perf_counter()
        body = await api.post(hostile_query)  # 200, and compiled = field by field
        slowest = max(slowest, time.perf_counter() - started)
        codes = [error.get("extensions", {}).get("code") for error in body.get("errors", [])]
        assert "INTERNAL" not in codes, (hostile_query, body)
        assert None not in codes, (hostile_query, body)
    # both ways of answering together took less than one request may
    assert slowest < DEADLINE
