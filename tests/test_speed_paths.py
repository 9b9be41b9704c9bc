"""The speed work's behaviour: cached documents answer like fresh ones (syntax errors included),
orjson decodes and encodes what the standard library did, HGNC's index is the default, and
`serve --workers` runs uvicorn's workers over the app factory with uvloop and httptools."""

from __future__ import annotations

import gc
import os
from typing import Any

import graphql
import orjson
import pytest

from backends.answers import decode_json
from genechem import cli
from genechem.graphql_http import GraphQLHTTPRouter
from genechem.settings import Settings
from schema import document_cache, schema
from schema.query_cost import ENCODED_ANSWER
from tests.conftest import MirrorServer
from tests.gateway import Gateway


def test_hgnc_index_is_the_default() -> None:
    assert Settings.model_fields["hgnc_index"].default is True


def test_a_repeated_document_is_parsed_once_and_answers_the_same(
    gateway: Gateway, monkeypatch: pytest.MonkeyPatch
) -> None:
    query = '{ gene(id: "1017") { symbol } parsed_once: __typename }'
    parsed: list[str] = []
    real = graphql.parse

    def counted(text: str, **options: Any) -> Any:
        parsed.append(text)
        return real(text, **options)

    monkeypatch.setattr(document_cache, "parse", counted)
    first = gateway.data(query)
    assert gateway.data(query) == first
    assert first["gene"] == {"symbol": "CDK2"}
    assert parsed == [query]


def test_a_selection_without_variables_derives_its_upstream_fields_once(
    gateway: Gateway, demo_mirror: MirrorServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fields a selection reads are kept with its document (`kept_fields`) and asked of
    the service the same every time, also when the operation's root reads a variable; a
    selection that reads one (`@include(if: $name)`) derives them per request."""
    from resolvers import projection
    from resolvers.projection import upstream_fields

    derived: list[int] = []

    def counted(*args: Any, **kwargs: Any) -> frozenset[str]:
        derived.append(1)
        return upstream_fields(*args, **kwargs)

    monkeypatch.setattr(projection, "upstream_fields", counted)
    literal = '{ gene(id: "1017") { symbol kept_once: name } }'
    with_variable = "query($id: ID!) { gene(id: $id) { symbol name } }"
    reading = (
        "query($id: ID!, $name: Boolean!) { gene(id: $id) { symbol name @include(if: $name) } }"
    )
    answers = [gateway.data(literal) for _ in range(3)]
    assert answers == [{"gene": {"symbol": "CDK2", "kept_once": "cyclin dependent kinase 2"}}] * 3
    assert len(derived) == 1
    for id_ in ("1017", "1956"):
        gateway.data(with_variable, {"id": id_})
    assert len(derived) == 2
    for name in (True, False):
        gateway.data(reading, {"id": "1017", "name": name})
    assert len(derived) == 4
    asked = [r["params"]["fields"] for r in demo_mirror.annotations("mygene")]
    assert asked == [["name,symbol"]] * 6 + [["symbol"]]


@pytest.mark.parametrize("attempt", [1, 2])
def test_a_syntax_error_stays_parse_failed_when_repeated(gateway: Gateway, attempt: int) -> None:
    body = gateway.post("{ gene(id: ")
    assert [e["extensions"]["code"] for e in body["errors"]] == ["GRAPHQL_PARSE_FAILED"]


async def test_several_unnamed_operations_still_fail_with_cached_validation() -> None:
    document = "query A { __typename } query B { __typename }"
    for _ in range(2):
        result = await schema.execute(document)
        assert result.errors
        assert "operation name" in result.errors[0].message


def test_decode_json_reads_what_orjson_refuses() -> None:
    assert decode_json(b'{"a": [1, "\xc3\xa9"]}') == {"a": [1, "é"]}
    value = decode_json(b'{"score": NaN}')
    assert value["score"] != value["score"]
    with pytest.raises(ValueError, match=r"."):
        decode_json(b'{"cut": ')


def test_answers_are_utf8_json_and_lone_surrogates_still_encode() -> None:
    router: Any = GraphQLHTTPRouter.__new__(GraphQLHTTPRouter)
    assert router.encode_json({"name": "α-synuclein"}) == '{"name":"α-synuclein"}'.encode()
    assert router.encode_json({"bad": "\ud800"}) == '{"bad":"\\ud800"}'


def test_serve_uses_uvloop_httptools_and_the_factory_for_workers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[tuple[Any, dict[str, Any]]] = []
    monkeypatch.setattr("genechem.cli.uvicorn.run", lambda app, **kw: calls.append((app, kw)))
    monkeypatch.delenv("GENECHEM_SOURCE", raising=False)
    cli.serve("127.0.0.1", 8123, "mirror", 3)
    [(app, options)] = calls
    assert app == "genechem.cli:served_app"  # create_app with the memory reclaim
    assert (
        options | {"factory": True, "workers": 3, "loop": "uvloop", "http": "httptools"} == options
    )

    assert os.environ["GENECHEM_SOURCE"] == "mirror"


@pytest.mark.parametrize(("argv", "seconds"), [([], 5.0), (["--keep-alive", "75"], 75.0)])
def test_the_mirror_keeps_idle_connections_as_long_as_asked(
    monkeypatch: pytest.MonkeyPatch, argv: list[str], seconds: float
) -> None:
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr("genechem.cli.uvicorn.run", lambda app, **kw: calls.append(kw))
    assert cli.main(["mirror", "--port", "9123", *argv]) == 0
    [options] = calls
    assert options["timeout_keep_alive"] == seconds
    assert options["loop"] == "uvloop"


@pytest.mark.parametrize(("value", "seconds"), [(None, 5.0), ("75", 75.0)])
def test_the_gateway_keeps_idle_connections_as_long_as_set(
    monkeypatch: pytest.MonkeyPatch, value: str | None, seconds: float
) -> None:
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr("genechem.cli.uvicorn.run", lambda app, **kw: calls.append(kw))
    if value is None:
        monkeypatch.delenv("GENECHEM_KEEP_ALIVE", raising=False)
    else:
        monkeypatch.setenv("GENECHEM_KEEP_ALIVE", value)
    monkeypatch.delenv("GENECHEM_SOURCE", raising=False)
    thresholds = gc.get_threshold()  # one worker builds the app, which tunes the collector
    try:
        for workers in (1, 2):
            cli.serve("127.0.0.1", 8123, "mirror", workers)
    finally:
        gc.set_threshold(*thresholds)
    assert [options["timeout_keep_alive"] for options in calls] == [seconds, seconds]


def test_decode_json_keeps_integers_past_64_bits() -> None:
    """orjson reads them as floats (digits lost); the services' documents keep them as given."""
    long = 123456789012345678901234567890
    assert decode_json(b'{"pubmed": [123456789012345678901234567890, 2]}') == {"pubmed": [long, 2]}
    assert decode_json(b'{"n": 18446744073709551616}')["n"] == 2**64


async def test_an_answer_is_written_once_the_bound_s_bytes_reused_for_that_data_only() -> None:
    """The answer's bound writes its JSON (`ENCODED_ANSWER`); the response puts those bytes in
    place of its `data` (here recognisable stand-in bytes), once, and only for that very data:
    equal data of another request is written as usual."""
    result = await schema.execute("{ __typename genes: __schema { queryType { name } } }")
    written = ENCODED_ANSWER.get()
    assert written is not None
    assert written[0] is result.data
    assert written[1] == orjson.dumps(result.data)
    router: Any = GraphQLHTTPRouter.__new__(GraphQLHTTPRouter)
    data = {"gene": {"symbol": "CDK2"}}
    token = ENCODED_ANSWER.set((data, b'{"gene":{"symbol":"WRITTEN"}}'))
    try:
        answer = router.encode_json({"data": data, "extensions": {"cost": 1}})
        assert answer == b'{"data":{"gene":{"symbol":"WRITTEN"}},"extensions":{"cost":1}}'
        assert ENCODED_ANSWER.get() is None  # forgotten once used
        ENCODED_ANSWER.set((data, b"{}"))
        equal = {"gene": {"symbol": "CDK2"}}
        assert router.encode_json({"data": equal}) == b'{"data":{"gene":{"symbol":"CDK2"}}}'
    finally:
        ENCODED_ANSWER.reset(token)
