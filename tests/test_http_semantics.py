"""GraphQL over HTTP as the spec (graphql.github.io/graphql-over-http) has it: media types by
Accept, status codes, request errors without `data`, CORS, gzip and HTTP caching of GET answers.

The graphql-http audit (tests/test_http_audit.py) checks the spec broadly; these tests pin down
genechem's own choices: the error codes of refused requests, the caching rules, the CORS policy.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import zstandard

from app import create_app
from genechem.http_spec import negotiate
from tests.conftest import MirrorServer
from tests.gateway import Gateway
from tests.servers import serve

JSON = "application/json"
GRAPHQL_RESPONSE = "application/graphql-response+json"
TYPENAME = "{ __typename }"
ALLOWED_ORIGIN = "https://app.example.org"
# Introspection answers tens of kilobytes without calling any service.
LARGE_QUERY = "{ __schema { types { name description fields { name description } } } }"

REQUEST_ERRORS: dict[str, tuple[dict[str, Any], str]] = {
    "parse": ({"query": "{"}, "GRAPHQL_PARSE_FAILED"),
    "validation": ({"query": "{ noSuchField }"}, "GRAPHQL_VALIDATION_FAILED"),
    "coercion": (
        {"query": "query($id: ID!) { gene(id: $id) { symbol } }", "variables": {"id": None}},
        "BAD_USER_INPUT",
    ),
    "unknown operation": (
        {"query": "query A { __typename }", "operationName": "B"},
        "GRAPHQL_VALIDATION_FAILED",
    ),
}


def post(
    gateway: Gateway, body: dict[str, Any], accept: str | None = None, **headers: str
) -> httpx.Response:
    if accept is not None:
        headers["accept"] = accept
    return httpx.post(f"{gateway.url}/graphql", json=body, headers=headers, timeout=30)


def get(gateway: Gateway, params: dict[str, str], **headers: str) -> httpx.Response:
    return httpx.get(f"{gateway.url}/graphql", params=params, headers=headers, timeout=30)


def media_type(answer: httpx.Response) -> str:
    return answer.headers["content-type"].split(";")[0].strip()


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, JSON),
        ("", JSON),
        ("*/*", JSON),
        ("application/*", JSON),
        (JSON, JSON),
        (GRAPHQL_RESPONSE, GRAPHQL_RESPONSE),
        (f"{GRAPHQL_RESPONSE}, {JSON};q=0.9", GRAPHQL_RESPONSE),
        (f"{JSON}, {GRAPHQL_RESPONSE};q=0.9", JSON),
        (f"{JSON};q=0.5, {GRAPHQL_RESPONSE}", GRAPHQL_RESPONSE),
        (f"{GRAPHQL_RESPONSE};q=0, */*", JSON),
        (f"text/html, {GRAPHQL_RESPONSE};q=0.8, */*;q=0.1", GRAPHQL_RESPONSE),
        ("text/html", None),
        (f"{JSON};q=0", None),
    ],
)
def test_negotiation_picks_the_clients_preferred_supported_type(
    accept: str | None, expected: str | None
) -> None:
    assert negotiate(accept) == expected


@pytest.mark.parametrize("accept", [GRAPHQL_RESPONSE, JSON, "*/*", None])
def test_query_answers_in_the_negotiated_media_type(gateway: Gateway, accept: str | None) -> None:
    answer = post(gateway, {"query": TYPENAME}, accept)
    assert answer.status_code == 200
    assert media_type(answer) == (accept if accept in {GRAPHQL_RESPONSE, JSON} else JSON)
    assert answer.headers["content-type"].endswith("charset=utf-8")
    assert answer.json()["data"] == {"__typename": "Query"}
    assert "errors" not in answer.json()


def test_no_supported_media_type_is_406(gateway: Gateway) -> None:
    answer = post(gateway, {"query": TYPENAME}, "text/html")
    assert answer.status_code == 406
    assert answer.json()["errors"][0]["extensions"] == {"code": "NOT_ACCEPTABLE"}


@pytest.mark.parametrize("case", REQUEST_ERRORS)
def test_request_error_is_400_without_data_for_graphql_response_json(
    gateway: Gateway, case: str
) -> None:
    body, code = REQUEST_ERRORS[case]
    answer = post(gateway, body, GRAPHQL_RESPONSE)
    assert answer.status_code == 400
    assert media_type(answer) == GRAPHQL_RESPONSE
    result = answer.json()
    assert "data" not in result
    assert [e["extensions"]["code"] for e in result["errors"]] == [code]
    assert answer.headers["cache-control"] == "no-store"


@pytest.mark.parametrize("case", REQUEST_ERRORS)
def test_request_error_is_200_without_data_for_json(gateway: Gateway, case: str) -> None:
    body, code = REQUEST_ERRORS[case]
    answer = post(gateway, body, JSON)
    assert answer.status_code == 200
    assert media_type(answer) == JSON
    result = answer.json()
    assert "data" not in result
    assert [e["extensions"]["code"] for e in result["errors"]] == [code]


def test_field_error_is_200_and_keeps_data_for_graphql_response_json(gateway: Gateway) -> None:
    answer = post(
        gateway, {"query": "{ searchGenes(first: 1001) { totalCount } }"}, GRAPHQL_RESPONSE
    )
    assert answer.status_code == 200
    result = answer.json()
    assert "data" in result  # executed: data is there, null where the error struck
    assert result["errors"][0]["extensions"] == {"code": "INVALID_INPUT"}
    assert result["errors"][0]["path"] == ["searchGenes"]


def test_mutation_over_get_is_405_and_names_post(gateway: Gateway) -> None:
    answer = get(gateway, {"query": "mutation { __typename }"}, accept=GRAPHQL_RESPONSE)
    assert answer.status_code == 405
    assert answer.headers["allow"] == "POST"
    assert answer.json()["errors"][0]["extensions"] == {"code": "METHOD_NOT_ALLOWED"}


@pytest.mark.parametrize(
    "content_type", [None, "text/plain", "application/graphql", f"{JSON}; charset=latin-1"]
)
def test_post_body_other_than_utf8_json_is_415(gateway: Gateway, content_type: str | None) -> None:
    headers = {"content-type": content_type} if content_type else {}
    answer = httpx.post(
        f"{gateway.url}/graphql", content=b'{"query": "{ __typename }"}', headers=headers
    )
    assert answer.status_code == 415
    assert answer.json()["errors"][0]["extensions"] == {"code": "UNSUPPORTED_MEDIA_TYPE"}


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b'{"query": "{ __typename }"',
        b'{"query": "\xff"}',
        b"[]",
        b"42",
        b'{"notquery": "{ __typename }"}',
        b'{"query": "{ __typename }", "operationName": 1}',
        b'{"query": 1}',
        b'{"query": "{ __typename }", "variables": []}',
        b'{"query": "{ __typename }", "extensions": "x"}',
    ],
    ids=[
        "empty",
        "invalid JSON",
        "not UTF-8",
        "batch",
        "not an object",
        "no query",
        "int name",
        "int query",
        "list variables",
        "text extensions",
    ],
)
def test_malformed_post_is_400_bad_request(gateway: Gateway, body: bytes) -> None:
    answer = httpx.post(
        f"{gateway.url}/graphql",
        content=body,
        headers={"content-type": JSON, "accept": GRAPHQL_RESPONSE},
    )
    assert answer.status_code == 400
    assert media_type(answer) == GRAPHQL_RESPONSE
    assert answer.json()["errors"][0]["extensions"] == {"code": "BAD_REQUEST"}


def test_malformed_get_is_400_bad_request(gateway: Gateway) -> None:
    no_query = get(gateway, {}, accept=JSON)
    bad_variables = get(gateway, {"query": TYPENAME, "variables": "{not json"})
    for answer in (no_query, bad_variables):
        assert answer.status_code == 400
        assert answer.json()["errors"][0]["extensions"] == {"code": "BAD_REQUEST"}


def test_empty_get_parameters_count_as_absent(gateway: Gateway) -> None:
    answer = get(gateway, {"query": TYPENAME, "operationName": "", "variables": ""})
    assert answer.status_code == 200
    assert answer.json()["data"] == {"__typename": "Query"}
    assert "errors" not in answer.json()


def test_get_answer_is_cacheable_and_revalidates_with_304(
    gateway: Gateway, demo_mirror: MirrorServer
) -> None:
    params = {
        "query": "query($id: ID!) { gene(id: $id) { symbol } }",
        "variables": '{"id": "1017"}',
    }
    first = get(gateway, params)
    assert first.status_code == 200
    assert first.json()["data"] == {"gene": {"symbol": "CDK2"}}
    assert "errors" not in first.json()
    assert first.headers["cache-control"] == "public, max-age=60"
    assert "Accept" in first.headers["vary"]
    etag = first.headers["etag"]

    again = get(gateway, params, **{"if-none-match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == etag
    assert again.headers["cache-control"] == "public, max-age=60"

    other = get(gateway, {**params, "variables": '{"id": "7157"}'}, **{"if-none-match": etag})
    assert other.status_code == 200
    assert other.headers["etag"] != etag


def test_an_answer_keeps_its_etag_when_its_cost_report_changes(demo_mirror: MirrorServer) -> None:
    """With the record cache on, the second execution of a GET makes no upstream call, so its
    `extensions.cost` differs from the first's: the data, and so the ETag, are the same, and
    the first answer's tag revalidates with 304."""
    params = {"query": '{ gene(id: "1017") { symbol name } }'}
    with serve(create_app(demo_mirror.settings(record_cache_ttl=60))) as url:
        first = httpx.get(f"{url}/graphql", params=params)
        second = httpx.get(f"{url}/graphql", params=params)
        again = httpx.get(
            f"{url}/graphql", params=params, headers={"if-none-match": first.headers["etag"]}
        )
        other = httpx.get(f"{url}/graphql", params={"query": '{ gene(id: "7157") { symbol } }'})
    costs = [answer.json()["extensions"]["cost"]["actual"]["total"] for answer in (first, second)]
    assert costs == [1, 0]
    assert first.json()["data"] == second.json()["data"]
    assert first.headers["etag"] == second.headers["etag"]
    assert (again.status_code, again.content) == (304, b"")
    assert other.headers["etag"] != first.headers["etag"]


def test_cache_max_age_is_a_setting(demo_mirror: MirrorServer) -> None:
    with serve(create_app(demo_mirror.settings(http_cache_max_age=5))) as url:
        answer = httpx.get(f"{url}/graphql", params={"query": TYPENAME})
    assert answer.headers["cache-control"] == "public, max-age=5"


def test_post_and_answers_with_errors_are_not_stored(gateway: Gateway) -> None:
    posted = post(gateway, {"query": TYPENAME})
    field_error = get(gateway, {"query": "{ searchGenes(first: 1001) { totalCount } }"})
    request_error = get(gateway, {"query": "{ noSuchField }"})
    report = get(gateway, {"query": TYPENAME}, **{"x-genechem-upstream-calls": "1"})
    assert report.json()["extensions"]["upstream"]["calls"] == 0
    for answer in (posted, field_error, request_error, report):
        assert answer.status_code == 200
        assert answer.headers["cache-control"] == "no-store"
        assert "etag" not in answer.headers


@pytest.fixture
def cors_gateway(demo_mirror: MirrorServer) -> Iterator[Gateway]:
    """The gateway with one allowed cross-origin page."""
    with serve(create_app(demo_mirror.settings(cors_origins=[ALLOWED_ORIGIN]))) as url:
        yield Gateway(url)


def preflight(gateway: Gateway, origin: str) -> httpx.Response:
    return httpx.options(
        f"{gateway.url}/graphql",
        headers={
            "origin": origin,
            "access-control-request-method": "POST",
            "access-control-request-headers": "content-type, x-genechem-upstream-calls",
        },
    )


def test_cors_preflight_from_an_allowed_origin_succeeds(cors_gateway: Gateway) -> None:
    answer = preflight(cors_gateway, ALLOWED_ORIGIN)
    assert answer.status_code == 200
    assert answer.headers["access-control-allow-origin"] == ALLOWED_ORIGIN
    assert "POST" in answer.headers["access-control-allow-methods"]
    allowed_headers = answer.headers["access-control-allow-headers"].lower()
    assert "x-genechem-upstream-calls" in allowed_headers

    simple = post(cors_gateway, {"query": TYPENAME}, origin=ALLOWED_ORIGIN)
    assert simple.headers["access-control-allow-origin"] == ALLOWED_ORIGIN
    assert "etag" in simple.headers["access-control-expose-headers"].lower()


def test_cors_preflight_from_another_origin_is_refused(cors_gateway: Gateway) -> None:
    answer = preflight(cors_gateway, "https://elsewhere.example.com")
    assert answer.status_code == 400
    assert "access-control-allow-origin" not in answer.headers
    simple = post(cors_gateway, {"query": TYPENAME}, origin="https://elsewhere.example.com")
    assert "access-control-allow-origin" not in simple.headers


def test_cors_allows_no_other_origin_by_default(gateway: Gateway) -> None:
    answer = preflight(gateway, ALLOWED_ORIGIN)
    assert answer.status_code == 400
    assert "access-control-allow-origin" not in answer.headers


@pytest.mark.parametrize(
    ("accepted", "coding"),
    [("gzip", "gzip"), ("gzip, deflate, zstd", "zstd"), ("zstd;q=0, gzip", "gzip")],
)
def test_large_answer_is_compressed_as_the_client_accepts_it(
    gateway: Gateway, accepted: str, coding: str
) -> None:
    url = f"{gateway.url}/graphql"
    body = {"query": LARGE_QUERY}
    with httpx.stream("POST", url, json=body, headers={"accept-encoding": accepted}) as answer:
        raw = b"".join(answer.iter_raw())
        assert answer.headers["content-encoding"] == coding
        assert "Accept-Encoding" in answer.headers["vary"]
    plain = httpx.post(url, json=body, headers={"accept-encoding": "identity"})
    assert "content-encoding" not in plain.headers
    decompress = gzip.decompress if coding == "gzip" else zstandard.ZstdDecompressor().decompress
    assert decompress(raw) == plain.content
    assert len(raw) < len(plain.content) / 3
    assert plain.json()["data"]["__schema"]["types"]


def test_small_answer_is_not_gzipped(gateway: Gateway) -> None:
    answer = post(gateway, {"query": TYPENAME}, **{"accept-encoding": "gzip"})
    assert "content-encoding" not in answer.headers


def test_a_long_numeric_id_variable_reaches_the_service_digit_for_digit(
    gateway: Gateway, demo_mirror: MirrorServer
) -> None:
    """JSON numbers past 64 bits are read exactly (orjson would read a float, and the ID
    would become `1.2345678901234568e+29`, refused)."""
    long = 123456789012345678901234567890
    query = "query($id: ID!) { gene(id: $id) { geneId } }"
    demo_mirror.clear()
    answer = post(gateway, {"query": query, "variables": {"id": long}}).json()
    codes = [e["extensions"]["code"] for e in answer.get("errors", [])]
    assert "BAD_USER_INPUT" not in codes
    asked = [[*r["params"].get("ids", []), r["path"]] for r in demo_mirror.requests("mygene")]
    assert any(str(long) in value for values in asked for value in values), asked
