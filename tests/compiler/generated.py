"""Queries generated from the committed SDL (hypothesis-graphql), made to ask for real data:
every list at most a few rows deep, lookups by codes that exist, radius searches around a real
postcode, and now and then a value that is not valid (a cursor, a code, a radius).

Generating takes about 20 ms a query, so the queries are kept in a file of the temporary folder,
named by what decides them (the SDL, the count, the versions of hypothesis and
hypothesis-graphql): ``python -m tests.compiler.generated COUNT…`` makes it, as the test session
does aside while it seeds (``tests/conftest.py``). A lock beside the file makes a reader wait for
a writer; without the file, ``generated`` makes it itself."""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import json
import os
import random
import sys
import tempfile
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

from graphql import (
    ArgumentNode,
    FieldNode,
    FloatValueNode,
    GraphQLSchema,
    IntValueNode,
    ListValueNode,
    NameNode,
    NullValueNode,
    ObjectFieldNode,
    StringValueNode,
    TypeInfo,
    TypeInfoVisitor,
    Visitor,
    build_schema,
    parse,
    print_ast,
    visit,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import queries

from onderwijsgraaf.settings import ROOT

SDL = ROOT / "schema" / "schema.graphql"
ROOTS = [
    "onderwijsbesturen",
    "onderwijsaanbieders",
    "onderwijslocaties",
    "aangebodenOpleidingen",
    "opleidingseenheden",
    "onderwijsaanbiedersgroepen",
    "samenwerkingsverbanden",
    "onderwijsbegeleidingsaanbieders",
    "onderwijsbestuur",
    "onderwijsaanbieder",
    "onderwijslocatie",
    "opleidingseenheid",
    "aangebodenOpleiding",
    "node",
    "tellingen",
]
# how many queries the differential test (on each database) and the hostile test generate
DIFFERENTIAL = int(os.environ.get("GENERATED_QUERIES", "2000"))
HOSTILE = int(os.environ.get("HOSTILE_QUERIES", "200"))
GEMEENTEN = ["0344", "0363", "0599", "0518", "9999"]
POSTCODES = ["3511AB", "1012", "9711", "6211", "0000"]


@cache
def schema() -> GraphQLSchema:
    return build_schema(SDL.read_text(encoding="utf-8"))


def corpus(count: int) -> Path:
    """The file that keeps ``generated(count)``."""
    key = hashlib.sha256(SDL.read_bytes())
    key.update(f"{count} {version('hypothesis')} {version('hypothesis-graphql')}".encode())
    return Path(tempfile.gettempdir()) / f"onderwijsgraaf-generated-{key.hexdigest()[:16]}.json"


@cache
def generated(count: int) -> list[str]:
    """``count`` queries of one root field each, the same every run (kept in ``corpus(count)``)."""
    path = corpus(count)
    with open(path.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # a writer aside finishes first
        if path.exists():
            kept: list[str] = json.loads(path.read_text(encoding="utf-8"))
            return kept
        made = _generate(count)
        partial = path.with_suffix(".partial")
        partial.write_text(json.dumps(made), encoding="utf-8")
        partial.replace(path)
        return made


def _generate(count: int) -> list[str]:
    found: list[str] = []
    dates = st.dates(dt.date(2019, 1, 1), dt.date(2027, 12, 31))
    strategy = queries(
        schema(),
        fields=ROOTS,
        custom_scalars={"Date": dates.map(lambda d: StringValueNode(value=d.isoformat()))},
    )

    @settings(
        max_examples=count,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def collect(query: str) -> None:
        for selection in parse(query).definitions[0].selection_set.selections:  # type: ignore[attr-defined]
            found.append("{ " + print_ast(selection) + " }")

    collect()
    return found[:count]


def tamed(query: str, codes: dict[str, list[str]]) -> str:
    """``query`` with small pages, real codes and realistic search values (chosen from a seed
    taken from the query itself, so the same query is always tamed the same way)."""
    rnd = random.Random(hashlib.sha256(query.encode()).digest())  # noqa: S311  # not for secrets
    document = parse(query)
    info = TypeInfo(schema())
    return print_ast(visit(document, TypeInfoVisitor(info, _Tamer(info, rnd, codes))))


class _Tamer(Visitor):
    def __init__(self, info: TypeInfo, rnd: random.Random, codes: dict[str, list[str]]) -> None:
        super().__init__()
        self.info = info
        self.rnd = rnd
        self.codes = codes

    def leave_field(self, node: FieldNode, *_: Any) -> FieldNode | None:
        definition = self.info.get_field_def()
        if definition is None:
            return None
        rnd = self.rnd
        if "code" in definition.args:
            return _with(node, "code", StringValueNode(value=self._code(node.name.value)))
        if "id" in definition.args and rnd.random() < 0.9:
            kind = rnd.choice(sorted(k for k in self.codes if self.codes[k]))
            node_id = f"{kind[0].upper()}{kind[1:]}:{self._code(kind)}"
            return _with(node, "id", StringValueNode(value=base64(node_id)))
        if "first" not in definition.args:
            return None
        node = _with(node, "first", IntValueNode(value=str(rnd.choice([0, 1, 2, 3, 3]))))
        if rnd.random() < 0.85:
            node = _with(node, "after", NullValueNode())
        if "orderBy" in definition.args and rnd.random() < 0.7:
            node = _with(node, "orderBy", NullValueNode())
        return node

    def leave_object_field(self, node: ObjectFieldNode, *_: Any) -> ObjectFieldNode | None:
        name, rnd = node.name.value, self.rnd
        if name == "gemeentecode":
            value: Any = ListValueNode(values=(StringValueNode(value=rnd.choice(GEMEENTEN)),))
        elif name == "postcode":
            value = StringValueNode(value=rnd.choice(POSTCODES))
        elif name == "straalKm":
            value = FloatValueNode(value=str(rnd.choice([0.5, 1.0, 2.5, 0.0])))
        elif name in ("lat", "lon"):
            value = FloatValueNode(value=str(52.09 if name == "lat" else 5.12))
        elif name in ("minLat", "maxLat", "minLon", "maxLon") and rnd.random() < 0.9:
            box = {"minLat": 52.05, "maxLat": 52.12, "minLon": 5.05, "maxLon": 5.16}
            value = FloatValueNode(value=str(box[name]))
        elif name in ("onderwijsbestuurCode", "onderwijsaanbiederCode"):
            kind = "onderwijsbestuur" if name.startswith("onderwijsb") else "onderwijsaanbieder"
            value = StringValueNode(value=self._code(kind))
        else:
            return None
        return ObjectFieldNode(name=node.name, value=value)

    def _code(self, field: str) -> str:
        known = self.codes.get(field, [])
        if not known or self.rnd.random() < 0.1:
            return "unknown"
        return self.rnd.choice(known)


def base64(text: str) -> str:
    import base64 as b64

    return b64.urlsafe_b64encode(text.encode()).decode()


def _with(node: FieldNode, name: str, value: Any) -> FieldNode:
    arguments = [a for a in node.arguments or () if a.name.value != name]
    arguments.append(ArgumentNode(name=NameNode(value=name), value=value))
    return FieldNode(
        alias=node.alias,
        name=node.name,
        arguments=tuple(arguments),
        directives=node.directives,
        selection_set=node.selection_set,
    )


if __name__ == "__main__":
    for count in sys.argv[1:]:
        generated(int(count))
