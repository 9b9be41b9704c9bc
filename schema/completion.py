"""How the compiled path completes a value as graphql-core would: nullability, lists, the
built-in scalars' usual values passed as they are, everything else through the type's own
coercion (see `schema.compiled`). Anything graphql-core would report raises `Reexecute`, and
graphql-core executes the field again itself."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, TypeAlias

from graphql import (
    GraphQLBoolean,
    GraphQLEnumType,
    GraphQLFloat,
    GraphQLID,
    GraphQLInt,
    GraphQLNonNull,
    GraphQLOutputType,
    GraphQLScalarType,
    GraphQLString,
    Undefined,
)

Build: TypeAlias = Callable[[Any], Any]
"""A compiled read or completion: the source (or the value) in, the answer out. It raises on
anything unusual, and the field is then executed by graphql-core."""

INT_MIN, INT_MAX = -(2**31), 2**31 - 1


class Reexecute(Exception):
    """A compiled field met something only graphql-core reports exactly (a null in a non-null
    position, an iterable that is not a list, an object of another type)."""


def is_non_null_string(type_: GraphQLOutputType) -> bool:
    return isinstance(type_, GraphQLNonNull) and type_.of_type is GraphQLString


def nullable(build: Build) -> Build:
    return lambda value: None if value is None else build(value)


def non_null(inner: Build) -> Build:
    def complete(value: Any) -> Any:
        completed = inner(value)
        if completed is None:
            raise Reexecute
        return completed

    return complete


def list_of(inner: Build) -> Build:
    def complete(value: Any) -> Any:
        if value is None:
            return None
        if not isinstance(value, list | tuple):
            raise Reexecute
        return [inner(item) for item in value]

    return complete


def objects_of(build_all: Build) -> Build:
    """A list of non-null objects (`[GoAnnotation!]`), built by `build_all` from the list."""

    def complete(value: Any) -> Any:
        if value is None:
            return None
        # `None in value`: the C loop of `in`, where a generator took a third of this list's
        # build; items are dicts or plain objects, never equal to None unless they are None.
        if not isinstance(value, list | tuple) or None in value:
            raise Reexecute
        return build_all(value)

    return complete


def strings(value: Any) -> list[str] | None:
    """A list of non-null strings (`[String!]`), the commonest list of the schema."""
    if value is None:
        return None
    if not isinstance(value, list | tuple) or not STR_ONLY.issuperset(map(type, value)):
        raise Reexecute
    return list(value)


STR_ONLY = frozenset({str})
"""`strings`' check that every item is exactly a `str`, in C (a generator cost more than the
rest of the list's completion)."""


def leaf(type_: GraphQLScalarType | GraphQLEnumType) -> Build:
    """A scalar or enum, with the built-in scalars' usual values passed as they are (what their
    coercion answers for them) and everything else through the type's own coercion."""
    coerce = type_.coerce_output_value
    fast = FAST_LEAVES.get(type_.name) if type_ in BUILT_IN else None

    def complete(value: Any) -> Any:
        if value is None:
            return None
        if fast is not None and fast(value):
            return value
        coerced = coerce(value)
        if coerced is None or coerced is Undefined:
            raise Reexecute
        return coerced

    return complete


BUILT_IN = (GraphQLString, GraphQLID, GraphQLInt, GraphQLFloat, GraphQLBoolean)
FAST_LEAVES: dict[str, Callable[[Any], bool]] = {
    "String": lambda v: type(v) is str,
    "ID": lambda v: type(v) is str,
    "Int": lambda v: type(v) is int and INT_MIN <= v <= INT_MAX,
    "Float": lambda v: type(v) is float and math.isfinite(v),
    "Boolean": lambda v: type(v) is bool,
}
"""Values each built-in scalar's coercion returns unchanged."""
