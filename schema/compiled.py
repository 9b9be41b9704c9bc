"""The compiled path: fields that only read the upstream document are built in one pass.

graphql-core executes every field the same way: it builds a resolve info, coerces arguments,
calls Strawberry's resolver wrapper (which builds an `Info` and converts the arguments again),
then completes the value by type, for every field of every object. A gene with its GO
annotations is thousands of such executions, and a 1000-gene answer spends 80% of its CPU there.
Most fields need none of it: they only read the document the loader already fetched
(`Gene.symbol`, `Gene.go`, `GoAnnotation.term`, `Edge.cursor`).

`CompiledExecutor` (Strawberry's `execution_context_class`) compiles, once per selection and per
request, each such *pure* field into one function that reads the value and completes it
(nullability, lists, scalar and enum coercion, sub-selections, `__typename`) in one pass. Fields
that fetch (links, connections) or need the resolve info (`id`) are left to graphql-core, and
the objects they return are compiled again below them. Aliases, fragments, `@skip`/`@include` and
merged fields need no handling here: the compiled functions run over graphql-core's own collected
field sets.

A field is pure when its Strawberry definition is a plain attribute, or a synchronous method of
the type that takes only `self` and arguments (no `info`, `root` or `parent`), with no field
extensions, and when the same holds for every field selected below it.

Exactness, errors included: a compiled field that meets anything unusual (a null where the schema
says non-null, a value its scalar refuses, a resolver that raises, an object of the wrong type)
is executed again by graphql-core itself, which then reports it exactly as it always does (the
error's message, path and locations, and nulls propagated to the nearest nullable parent). Pure
fields have no side effects, so running one twice is safe. tests/test_compiled.py holds the
compiled answers to the reference executor's on every operation in queries/, on generated
operations over real recorded documents, and on broken documents.

The generated builds are `schema.generated`, the completion of values `schema.completion`, and
which fields are pure `schema.pure_fields`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from operator import attrgetter
from typing import Any, cast

from graphql import (
    FragmentDefinitionNode,
    GraphQLEnumType,
    GraphQLField,
    GraphQLID,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLResolveInfo,
    GraphQLScalarType,
    GraphQLSchema,
    GraphQLString,
    OperationDefinitionNode,
    Undefined,
    get_nullable_type,
)
from graphql.execution.collect_fields import FieldDetailsList, GroupedFieldSet
from graphql.execution.values import get_argument_values
from graphql.pyutils import AwaitableOrValue, Path, gather_with_cancel
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.types.arguments import convert_arguments

from schema.completion import (
    Build,
    Reexecute,
    is_non_null_string,
    leaf,
    list_of,
    non_null,
    nullable,
    objects_of,
    strings,
)
from schema.document_cache import found_kept, kept, reads_variables
from schema.generated import CompiledField, Plan
from schema.pure_fields import DEFINITION, is_pure, node_id_reader
from schema.typed_go import passes_through
from schema.values import READS

ROOT_PLAN = "root plan"
"""Kept with an operation, with a root field's response key: the shared plan that built that
field's whole object (`root_plan`, for `schema.lookup_lane`)."""


def root_plan(operation: OperationDefinitionNode, schema: GraphQLSchema, key: str) -> Plan | None:
    """The plan that built the object of root field `key` of `operation` in one call (each
    object, for a root list of objects), when an execution of it did (no variables and no
    `@defer` below it, and every field pure)."""
    plan: Plan | None = found_kept(operation, schema, (ROOT_PLAN, key))
    return plan


class CompiledExecutor(StrawberryGraphQLCoreExecutionContext):
    """Strawberry's executor with pure fields compiled (see the module docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._plans: dict[tuple[str, int], Plan] = {}
        self._item_builds: dict[
            tuple[GraphQLOutputType, int], tuple[FieldDetailsList, Build | None]
        ] = {}
        strawberry_schema = self.schema._strawberry_schema  # type: ignore[attr-defined]
        self._config = strawberry_schema.config
        self._scalars = strawberry_schema.schema_converter.scalar_registry
        manager = self.middleware_manager
        self.has_middleware = bool(manager and manager.middlewares)
        """Resolver middleware wraps every field: then graphql-core executes them all."""

    def build_response(self, data: dict[str, Any] | None) -> Any:
        """The answer, with the references that make this executor a cycle dropped: its
        `async_helpers` hold its own bound methods, so it, the request's context and everything
        they reach would wait for Python's cycle collector rather than go when the request
        ends (the garbage then piles up between full collections)."""
        response = super().build_response(data)
        self.async_helpers = None  # type: ignore[assignment]  # execution is over
        self._plans.clear()
        self._item_builds.clear()
        return response

    def execute_fields(
        self,
        parent_type: GraphQLObjectType,
        source_value: Any,
        path: Path | None,
        grouped_field_set: GroupedFieldSet,
        position_context: Any | None,
    ) -> AwaitableOrValue[dict[str, Any]]:
        """The object from its compiled fields, the other fields executed by graphql-core; the
        whole object by graphql-core when a compiled field meets anything unusual."""
        plan = self.plan(parent_type, grouped_field_set)
        if plan.build is not None:
            try:
                built = plan.build(source_value)
            except Exception:  # graphql-core runs the object again and reports it exactly
                pass
            else:
                if path is not None and path.prev is None and plan.shared:
                    kept(self.operation, self.schema, (ROOT_PLAN, path.key), lambda: plan)
                return built  # type: ignore[no-any-return]
        elif any(field is not None for _, field in plan.fields):
            return self.execute_mixed(parent_type, source_value, path, plan, position_context)
        return super().execute_fields(
            parent_type, source_value, path, grouped_field_set, position_context
        )

    def complete_iterable_value(  # noqa: PLR0917 (graphql-core's signature)
        self,
        item_type: GraphQLOutputType,
        field_details_list: FieldDetailsList,
        info: GraphQLResolveInfo[Any],
        path: Path,
        items: Iterable[Any],
        position_context: Any | None,
    ) -> AwaitableOrValue[list[Any]]:
        """A list a resolver returned (`genes(ids:)`'s genes), built whole in one call when its
        items are pure (`list_completer`), as the compiled fields below an object build theirs;
        graphql-core completes it item by item otherwise (`@stream`, a resolver's own list
        type) or when the build meets anything unusual, and then reports it exactly."""
        if type(items) is list and self.get_stream_usage(field_details_list, path) is None:
            build = self.items_build(item_type, field_details_list)
            if build is not None:
                try:
                    built = build(items)
                except Exception:  # graphql-core completes the list again and reports it
                    pass
                else:
                    if path.prev is None:
                        self.keep_items_plan(item_type, field_details_list, path.key)
                    return built  # type: ignore[no-any-return]
        return super().complete_iterable_value(
            item_type, field_details_list, info, path, items, position_context
        )

    def items_build(
        self, item_type: GraphQLOutputType, field_details_list: FieldDetailsList
    ) -> Build | None:
        """The build of a whole list of `item_type` for these field nodes, made once per
        request (graphql-core completes a field's list once per parent object); None when its
        items are not all pure."""
        key = (item_type, id(field_details_list))
        found = self._item_builds.get(key)
        if found is None:
            # Kept with its list, as graphql-core keeps its subfields: the id stays its own.
            found = self._item_builds[key] = (
                field_details_list,
                self.list_completer(item_type, field_details_list),
            )
        return found[1]

    def keep_items_plan(
        self, item_type: GraphQLOutputType, field_details_list: FieldDetailsList, key: str | int
    ) -> None:
        """Keeps the plan that built each object of root list `key` (`genes(ids:)`'s genes)
        with the operation, when it is shared (`root_plan`)."""
        named = get_nullable_type(item_type)
        if isinstance(named, GraphQLObjectType):
            plan = self.subfields_plan(named, field_details_list)
            if plan is not None and plan.build is not None and plan.shared:
                kept(self.operation, self.schema, (ROOT_PLAN, key), lambda: plan)

    def execute_mixed(
        self,
        parent_type: GraphQLObjectType,
        source: Any,
        path: Path | None,
        plan: Plan,
        position_context: Any | None,
    ) -> AwaitableOrValue[dict[str, Any]]:
        """graphql-core's `execute_fields`, with each compiled field built in one call (and
        executed by graphql-core when it meets anything unusual)."""
        results: dict[str, Any] = {}
        awaitable_fields: list[str] = []
        grouped = plan.grouped_field_set
        try:
            for name, field in plan.fields:
                if field is not None:
                    try:
                        results[name] = field(source)
                        continue
                    except Exception:  # graphql-core runs the field again, below
                        pass
                result = self.execute_field(
                    parent_type,
                    source,
                    grouped[name],
                    Path(path, name, parent_type.name),
                    position_context,
                )
                if result is not Undefined:
                    results[name] = result
                    if self.is_awaitable(result):
                        awaitable_fields.append(name)
        except Exception:
            if awaitable_fields:
                self.settle_in_background([results[name] for name in awaitable_fields])
            raise
        if not awaitable_fields:
            return results

        async def gathered() -> dict[str, Any]:
            values = await gather_with_cancel(*(results[name] for name in awaitable_fields))
            results.update(zip(awaitable_fields, values, strict=True))
            return results

        return gathered()

    def plan(self, parent_type: GraphQLObjectType, grouped_field_set: GroupedFieldSet) -> Plan:
        """The plan of a collected field set, made once per request (graphql-core collects each
        selection once per request, so the same set comes back for every object of a list),
        and once per document when it reads nothing of the request (`shareable`)."""
        key = (parent_type.name, id(grouped_field_set))
        plan = self._plans.get(key)
        if plan is None:
            shared = self.shareable(grouped_field_set)

            def make() -> Plan:
                fields = [
                    (name, self.compile_field(parent_type, details))
                    for name, details in grouped_field_set.items()
                ]
                # holds the nodes its key names
                return Plan(grouped_field_set, fields, shared=shared)

            if shared:
                nodes = map(field_nodes, grouped_field_set.items())
                shared_key = ("plan", parent_type.name, self.has_middleware, *nodes)
                plan = kept(self.operation, self.schema, shared_key, make)
            else:
                plan = make()
            self._plans[key] = plan
        return plan

    def shareable(self, grouped_field_set: GroupedFieldSet) -> bool:
        """Whether the plan of a field set can be kept with the operation's document
        (`schema.document_cache.kept`): it reads nothing of the request: no variable in its
        nodes or the fragments they spread (`gene(id: $id) { symbol }` shares `{ symbol }`'s),
        no fragment arguments and no `@defer`. A plan holds no request state: arguments without
        variables are constants, and the readers and completers close over no executor (a
        repeated single gene then builds no plan: ~3% of its CPU)."""
        details = [detail for details in grouped_field_set.values() for detail in details]
        if any(
            d.defer_usage is not None or d.fragment_variable_values is not None for d in details
        ):
            return False
        nodes = [detail.node for detail in details]
        return not reads_variables(self.operation, nodes, self.fragment_definition)

    def fragment_definition(self, name: str) -> FragmentDefinitionNode | None:
        """The document's fragment of that name (`schema.document_cache.reads_variables`)."""
        fragment = self.fragments.get(name)
        return None if fragment is None else fragment.definition

    def compile_field(
        self, parent_type: GraphQLObjectType, details: FieldDetailsList
    ) -> CompiledField | None:
        """The compiled field; `None` when it is not pure (or its arguments are for graphql-core
        to refuse)."""
        name = details[0].node.name.value
        if name == "__typename":
            type_name = parent_type.name
            return CompiledField(read=lambda _: type_name, complete=str, constant=type_name)
        field_def = parent_type.fields.get(name)
        if field_def is None or self.has_middleware:
            return None
        read = node_id_reader(parent_type, field_def) or self.reader(field_def, details)
        complete = self.completer(field_def.type, details) if read is not None else None
        if read is None or complete is None:
            return None
        strawberry_field = field_def.extensions[DEFINITION]
        plain = strawberry_field.base_resolver is None
        named = get_nullable_type(field_def.type)
        reads = strawberry_field.metadata.get(READS)
        return CompiledField(
            read=read,
            complete=complete,
            attribute=strawberry_field.python_name if plain else None,
            text=named is GraphQLString or named is GraphQLID,
            reads=reads if named is GraphQLString else None,
        )

    def reader(self, field_def: GraphQLField, details: FieldDetailsList) -> Build | None:
        """The source's value for a pure field: the attribute, or the method called with the
        field's arguments (coerced once per request, as Strawberry coerces them)."""
        field = field_def.extensions.get(DEFINITION)
        if not is_pure(field):
            return None
        resolver = field.base_resolver
        if resolver is None:
            return attrgetter(field.python_name)
        method = cast("Callable[..., Any]", resolver.wrapped_func)  # a function: `is_pure`
        first = details[0]
        if not (field_def.args or first.node.arguments):
            return method
        try:
            arguments = get_argument_values(
                field_def,
                first.node,
                self.variable_values,
                first.fragment_variable_values,
                self.hide_suggestions,
            )
            kwargs = convert_arguments(
                arguments, field.arguments, scalar_registry=self._scalars, config=self._config
            )
        except Exception:  # graphql-core refuses the arguments, exactly, when it runs the field
            return None
        return lambda source: method(source, **kwargs)

    def completer(self, type_: GraphQLOutputType, details: FieldDetailsList) -> Build | None:
        """The value completed for `type_` as graphql-core completes it; `None` for abstract
        types and for objects with a field that is not pure."""
        if isinstance(type_, GraphQLNonNull):
            inner = type_.of_type
            if isinstance(inner, GraphQLList) and is_non_null_string(inner.of_type):
                return non_null(strings)
            completed = self.completer(inner, details)
            return None if completed is None else non_null(completed)
        if isinstance(type_, GraphQLList):
            return self.list_completer(type_.of_type, details)
        if isinstance(type_, GraphQLScalarType | GraphQLEnumType):
            return leaf(type_)
        if isinstance(type_, GraphQLObjectType):
            build = self.object_build(type_, details)
            return None if build is None else nullable(build)
        return None

    def list_completer(self, item: GraphQLOutputType, details: FieldDetailsList) -> Build | None:
        """A list, with the commonest lists (`[String!]`, `[GoAnnotation!]`) completed whole."""
        if is_non_null_string(item):
            return strings
        if isinstance(item, GraphQLNonNull) and isinstance(item.of_type, GraphQLObjectType):
            return self.objects_build(item.of_type, details)
        completed = self.completer(item, details)
        return None if completed is None else list_of(completed)

    def objects_build(self, type_: GraphQLObjectType, details: FieldDetailsList) -> Build | None:
        """A list of non-null objects (`[GoAnnotation!]`): the plan's generated loop, or the
        object's build per item where the schema checks each value's type (`is_type_of`)."""
        if type_.is_type_of is not None:
            build = self.object_build(type_, details)
            return None if build is None else objects_of(lambda items: [build(i) for i in items])
        plan = self.subfields_plan(type_, details)
        build_list = None if plan is None else plan.build_list()
        if plan is None or build_list is None:
            return None
        typed = passes_through(type_.name, plan.grouped_field_set)
        return objects_of(build_list if typed is None else typed_or(typed, build_list))

    def object_build(self, type_: GraphQLObjectType, details: FieldDetailsList) -> Build | None:
        """The generated build of an object with every selected field compiled (no `@defer`
        below it), checking the value's type where the schema asks (`is_type_of`)."""
        plan = self.subfields_plan(type_, details)
        build = None if plan is None else plan.build
        if build is None or type_.is_type_of is None:
            return build
        is_type_of = type_.is_type_of
        checked: Build = build

        def build_checked(value: Any) -> Any:
            # Strawberry's is_type_of reads the value only, never the resolve info
            if not is_type_of(value, None):  # type: ignore[arg-type]
                raise Reexecute
            return checked(value)

        return build_checked

    def subfields_plan(self, type_: GraphQLObjectType, details: FieldDetailsList) -> Plan | None:
        """The plan of the fields selected below `details` on `type_`; None when a `@defer`
        is among them (graphql-core executes those)."""
        grouped_field_set, defer_usages, _ = self.collect_subfields(type_, details)
        if defer_usages:
            return None
        return self.plan(type_, grouped_field_set)


def typed_or(typed: type, build_list: Build) -> Build:
    """A list that is already its answer when its items are of `typed` (`schema.typed_go`: a
    decode makes a whole list of one type), else built by `build_list`."""

    def build(items: list[Any]) -> Any:
        return items if items and type(items[0]) is typed else build_list(items)

    return build


def field_nodes(item: tuple[str, FieldDetailsList]) -> tuple[str, tuple[int, ...]]:
    """A collected field's response name and the identities of its nodes (the key of a plan
    kept with its document)."""
    name, details = item
    return name, tuple(id(detail.node) for detail in details)
