"""The committed SDL is the schema the code builds, and everything in it is described."""

from __future__ import annotations

from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
)

from onderwijsgraaf.cli import SDL_FILE, sdl
from schema.query import build_schema


def test_committed_sdl_matches_the_code() -> None:
    assert SDL_FILE.read_text(encoding="utf-8") == sdl(), "run: python -m onderwijsgraaf schema"


def test_every_type_field_argument_and_enum_value_has_a_description() -> None:
    schema = build_schema()._schema
    missing = []
    for name, graphql_type in schema.type_map.items():
        if name.startswith("__") or name in {"String", "Int", "Float", "Boolean", "ID", "Date"}:
            continue
        if not graphql_type.description:
            missing.append(name)
        if isinstance(
            graphql_type, GraphQLObjectType | GraphQLInterfaceType | GraphQLInputObjectType
        ):
            for field_name, field in graphql_type.fields.items():
                if not field.description:
                    missing.append(f"{name}.{field_name}")
                for arg_name, arg in getattr(field, "args", {}).items():
                    if not arg.description:
                        missing.append(f"{name}.{field_name}({arg_name})")
        if isinstance(graphql_type, GraphQLEnumType):
            missing.extend(
                f"{name}.{v}" for v, value in graphql_type.values.items() if not value.description
            )
    assert missing == []


def test_the_sdl_names_the_sources() -> None:
    text = SDL_FILE.read_text(encoding="utf-8")
    for attribution in ("Bron: DUO", "Bron: CBS", "GeoNames"):
        assert attribution in text
