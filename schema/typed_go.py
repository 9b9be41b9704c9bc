"""Gene documents decoded for a selection, with their GO annotations as the answer's own objects.

A gene's GO annotations are most of a heavy answer: 100 genes hold ~8000 of them. Decoded as
dicts, each is made twice (the service's entry, then the answer's object with the selected
fields) and freed twice, and a filter, a generated loop and the encoder each walk it: two thirds
of what the gateway spends on such an answer (`python -m bench.floor`).

Where an operation's GO annotations select only `id`, `term` and `evidence` (any of them, in any
order, not aliased), which read the entry's keys of those names as they are, each aspect's
entries are decoded straight into a msgspec Struct of exactly those fields, in the selection's
order (`entry_type`): keys not selected are skipped in C, and the Struct is the answer's object,
written by msgspec as it is. The gene document around them stays a dict of the fields the
selection reads (`gene_decoder`), normalised as always.

The decode is strict where the schema is lenient, so its answers are the same: `id` a non-empty
string, `term` and `evidence` non-empty strings or absent or null. Any other value (an entry
that is not an object, an empty string, a number, a list) fails the decode of the whole answer,
which is then decoded as dicts and answered as always (`backends.answers.decode_json`).

The lookup lane (`schema.lookup_lane`) decodes `genes(ids:)` this way; a decoded entry also
reads as a gene2go entry (`get`, `[]`), and `plain` turns documents back into dicts for the full
path.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Annotated, Any, TypedDict

import msgspec
from graphql import FieldNode, GraphQLObjectType, GraphQLSchema, OperationDefinitionNode
from graphql.execution.collect_fields import (
    FieldDetailsList,
    FragmentDetails,
    GroupedFieldSet,
    collect_fields,
    collect_subfields,
)
from graphql.execution.values import VariableValues
from graphql.language import DocumentNode, FragmentDefinitionNode

from backends.answers import Typed
from backends.mygene import MyGeneClient
from backends.shapes import Doc, as_list, listify

GO_FIELDS = frozenset({"id", "term", "evidence"})
"""The `GoAnnotation` fields a decoded entry answers: each reads the entry's key of its name."""
ASPECTS = {"biologicalProcess": "BP", "molecularFunction": "MF", "cellularComponent": "CC"}
"""`GoAnnotations` fields and the keys of the `go` section they read."""
ENVELOPE = ("_id", "_version", "_score", "query", "notfound")
"""Keys of a batch answer's entry besides the fields asked for."""
Text = Annotated[str, msgspec.Meta(min_length=1)]


class GoEntry(msgspec.Struct, frozen=True, gc=False):
    """A GO annotation decoded for a selection (`entry_type`): the answer's object as it is,
    readable as the service's entry by `GoAnnotation`'s resolvers."""

    def get(self, key: str, default: Any = None) -> Any:
        return getattr(self, key) if key in self.__struct_fields__ else default

    def __getitem__(self, key: str) -> Any:
        if key not in self.__struct_fields__:
            raise KeyError(key)
        return getattr(self, key)


_ENTRY_TYPES: dict[tuple[str, ...], type[GoEntry]] = {}


def entry_type(names: tuple[str, ...]) -> type[GoEntry]:
    """The Struct of a GO annotation selecting `names` (of `GO_FIELDS`), fields in that order;
    one per process for each order (at most 15), so a list's type names its selection."""
    found = _ENTRY_TYPES.get(names)
    if found is None:
        fields = [(n, Text) if n == "id" else (n, Text | None, None) for n in names]
        made: Any = msgspec.defstruct(
            "GoEntry", fields, bases=(GoEntry,), kw_only=True, frozen=True, gc=False
        )
        found = _ENTRY_TYPES[names] = made
    return found


def passes_through(type_name: str, grouped_field_set: GroupedFieldSet) -> type[GoEntry] | None:
    """The entry type whose objects are already the answer for this field set of `type_name`:
    `GoAnnotation` selecting only `GO_FIELDS`, none aliased; None otherwise."""
    names = go_names(grouped_field_set) if type_name == "GoAnnotation" else None
    return None if names is None else entry_type(names)


def go_names(grouped_field_set: GroupedFieldSet) -> tuple[str, ...] | None:
    """The response names of a `GoAnnotation` field set a decoded entry answers, or None."""
    names = tuple(grouped_field_set)
    for name, details in grouped_field_set.items():
        if name not in GO_FIELDS or any(d.node.name.value != name for d in details):
            return None
    return names or None


def gene_decoder(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    *,
    variables: VariableValues,
    field: FieldNode,
    fields: frozenset[str],
) -> Typed | None:
    """The decoder of MyGene.info's batch answer for `field` (a root field of `Gene`s) asking
    for `fields`, its GO annotations as `GoEntry`s; None when the selection reads no GO
    annotations, or reads them (or the document) otherwise."""
    if not fields or any("*" in f for f in fields):
        return None
    fragments = {
        d.name.value: FragmentDetails(d)
        for d in document.definitions
        if isinstance(d, FragmentDefinitionNode)
    }

    def below(type_name: str, details: FieldDetailsList) -> GroupedFieldSet | None:
        type_ = schema.get_type(type_name)
        assert isinstance(type_, GraphQLObjectType)
        collected = collect_subfields(schema, fragments, variables, operation, type_, details)
        return None if collected.new_defer_usages else collected.grouped_field_set

    query = schema.query_type
    assert query is not None
    roots = collect_fields(schema, fragments, variables, query, operation).grouped_field_set
    response_key = field.alias.value if field.alias else field.name.value
    genes = below("Gene", roots[response_key])
    if genes is None or any(d[0].node.name.value == "raw" for d in genes.values()):
        return None
    aspects: dict[str, tuple[str, ...]] = {}
    for details in genes.values():
        if details[0].node.name.value != "go":
            continue
        sections = below("GoAnnotations", details)
        if sections is None:
            return None
        for aspect in sections.values():
            key = ASPECTS.get(aspect[0].node.name.value)
            if key is None:
                continue  # `__typename`: the section's, not its entries'
            entries = below("GoAnnotation", aspect)
            names = None if entries is None else go_names(entries)
            if names is None or aspects.setdefault(key, names) != names:
                return None
    return decoder_for(fields, tuple(sorted(aspects.items()))) if aspects else None


@lru_cache(maxsize=64)
def decoder_for(fields: frozenset[str], aspects: tuple[tuple[str, tuple[str, ...]], ...]) -> Typed:
    """A batch answer's decoder: entries holding the top-level keys of `fields` and the
    envelope, `go` with each aspect's entries of its `entry_type`."""
    section = {key: _one_or_many(entry_type(names)) for key, names in aspects}
    keys: dict[str, Any] = dict.fromkeys(ENVELOPE, Any)
    keys |= {path.split(".")[0]: Any for path in fields}
    keys["go"] = _typed_dict("GoSection", section)
    entries: Any = list[_typed_dict("GeneDocument", keys)]  # type: ignore[misc]
    return msgspec.json.Decoder(entries)


def _one_or_many(entry: Any) -> Any:
    """An aspect's value: its entries, one entry, or null."""
    return list[entry] | entry | None


def _typed_dict(name: str, keys: Mapping[str, Any]) -> Any:
    """A TypedDict of `keys`, none required: msgspec decodes it as a dict of those keys alone."""
    make: Any = TypedDict
    return make(name, dict(keys), total=False)


def plain(doc: Doc) -> Doc:
    """A document of a typed call as the full path reads documents: dicts (its decoded GO
    entries as the service's), normalised (`backends.shapes.listify`)."""
    go = doc.get("go")
    if type(go) is dict and any(isinstance(e, GoEntry) for v in go.values() for e in as_list(v)):
        doc = msgspec.to_builtins(doc)
    return listify(doc, MyGeneClient.list_paths)
