"""Which fields the compiled path (`schema.compiled`) builds itself: the pure ones, which only
read their object, and the global `id` of a node type whose `resolve_id` reads only its document.
"""

from __future__ import annotations

from collections.abc import Callable
from types import FunctionType
from typing import Any, TypeGuard

from graphql import GraphQLField, GraphQLObjectType
from strawberry import relay
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types.field import StrawberryField

from schema.completion import Build

DEFINITION = GraphQLCoreConverter.DEFINITION_BACKREF
"""The key of a graphql-core field's or type's Strawberry definition in its `extensions`."""


def is_pure(field: Any) -> TypeGuard[StrawberryField]:
    """A Strawberry field that only reads its object: a plain attribute read with `getattr`, or
    a synchronous function of its source (`self`, or `root` as its first parameter) and
    arguments (no `info`, no `parent`), with no field extensions."""
    if not isinstance(field, StrawberryField) or field.extensions or field.is_async:
        return False
    resolver = field.base_resolver
    if resolver is None:
        return field.default_resolver is getattr
    source = resolver.self_parameter or resolver.root_parameter
    parameters = list(resolver.signature.parameters.values())
    return (
        isinstance(resolver.wrapped_func, FunctionType)
        and source is not None
        and parameters[0] is source
        and not (resolver.self_parameter and resolver.root_parameter)
        and resolver.info_parameter is None
        and resolver.parent_parameter is None
    )


def node_id_reader(parent_type: GraphQLObjectType, field_def: GraphQLField) -> Build | None:
    """The global id of a node type whose `resolve_id` reads only its document
    (`schema.values.document_id`), as Strawberry's `Node.id` field builds it (the type's own
    name, since the type keeps `Node`'s `resolve_typename`); None for any other field."""
    field = field_def.extensions.get(DEFINITION)
    definition = parent_type.extensions.get(DEFINITION)
    origin = getattr(definition, "origin", None)
    if (
        not isinstance(field, StrawberryField)
        or field.python_name != "_id"
        or not (isinstance(origin, type) and issubclass(origin, relay.Node))
        or not getattr(origin.resolve_id, "reads_document", False)
        or origin.resolve_typename.__func__ is not relay.Node.resolve_typename.__func__  # type: ignore[attr-defined]
    ):
        return None
    resolve_id: Callable[..., Any] = origin.resolve_id
    type_name = parent_type.name
    return lambda source: relay.GlobalID(type_name, str(resolve_id(source, info=None)))
