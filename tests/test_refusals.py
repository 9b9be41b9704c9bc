"""Malformed HTTP requests are refused with a 4xx GraphQL-shaped error, never a 500.

Each body here once reached a 500 or an INTERNAL_ERROR (or could, through Strawberry's own
parsing): a JSON scalar, bytes that are not UTF-8, JSON nested past the parser's recursion limit,
a number past Python's digit limit, an escaped lone surrogate that no UTF-8 encoder can send on.
"""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import MirrorServer
from tests.gateway import Gateway

JSON = "application/json"
TYPENAME = b'{"query": "{ __typename }"}'
SEARCH = b'{"query": "query($q: String) { searchGenes(query: $q) { totalCount } }", '


def post(gateway: Gateway, body: bytes, content_type: str | None = JSON) -> httpx.Response:
    headers = {"content-type": content_type} if content_type else {}
    return httpx.post(f"{gateway.url}/graphql", content=body, headers=headers, timeout=30)


def assert_refused(answer: httpx.Response, status: int, code: str, message: str) -> None:
    """A request error as the GraphQL-over-HTTP spec shapes it: the status, JSON, no `data`,
    one error with its code and a message that says what was wrong."""
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"].startswith(JSON)
    body = answer.json()
    assert "data" not in body
    [error] = body["errors"]
    assert error["extensions"]["code"] == code
    assert message in error["message"]


@pytest.mark.parametrize("body", [b'"x"', b"1", b"null", b"true", b"[]", b'[{"query": "{a}"}]'])
def test_a_json_body_that_is_not_an_object_is_a_400(gateway: Gateway, body: bytes) -> None:
    assert_refused(post(gateway, body), 400, "BAD_REQUEST", "must be a JSON object")


@pytest.mark.parametrize(
    "body",
    [b'\xff\xfe{"query": "{ __typename }"}', b'{"query": "{ gene(id: \\"\xe9\\") { symbol } }"}'],
    ids=["leading bytes", "latin-1 letter in a string"],
)
def test_a_body_that_is_not_utf8_is_a_400(gateway: Gateway, body: bytes) -> None:
    answer = post(gateway, body)
    assert answer.status_code == 400, answer.text
    assert answer.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


def test_json_nested_past_the_parsers_limit_is_a_400_not_a_500(gateway: Gateway) -> None:
    depth = 100_000
    body = b'{"query": "{ __typename }", "variables": {"a": ' + b"[" * depth + b"]" * depth + b"}}"
    assert_refused(post(gateway, body), 400, "BAD_REQUEST", "nests JSON too deeply")


def test_a_number_past_the_digit_limit_is_a_400_not_a_500(gateway: Gateway) -> None:
    body = SEARCH + b'"variables": {"q": ' + b"9" * 5000 + b"}}"
    assert_refused(post(gateway, body), 400, "BAD_REQUEST", "too many digits")


@pytest.mark.parametrize(
    "body",
    [
        SEARCH + b'"variables": {"q": "\\ud800"}}',
        b'{"query": "query($s: [String!]!) { checkSymbols(symbols: $s) { symbol } }", '
        b'"variables": {"s": ["TP53", "\\udc00x"]}}',
        b'{"query": "{ __typename }", "operationName": "\\ud800"}',
    ],
    ids=["search variable", "checkSymbols list item", "operationName"],
)
def test_an_escaped_lone_surrogate_is_a_400_before_any_upstream_call(
    gateway: Gateway, demo_mirror: MirrorServer, body: bytes
) -> None:
    """Once an INTERNAL_ERROR: httpx cannot encode the string into the upstream URL."""
    assert_refused(post(gateway, body), 400, "BAD_REQUEST", "not valid Unicode")
    assert demo_mirror.requests() == []


@pytest.mark.parametrize(
    ("content_type", "message"),
    [
        ("text/plain", "Unsupported Content-Type text/plain"),
        ("application/graphql", "Unsupported Content-Type application/graphql"),
        ("application/x-www-form-urlencoded", "Unsupported Content-Type"),
        ("multipart/form-data; boundary=x", "Unsupported Content-Type multipart/form-data"),
        ("application/json; charset=latin-1", "Unsupported charset latin-1"),
        (None, "POST requests need Content-Type: application/json"),
    ],
)
def test_an_unsupported_media_type_is_a_415(
    gateway: Gateway, content_type: str | None, message: str
) -> None:
    assert_refused(post(gateway, TYPENAME, content_type), 415, "UNSUPPORTED_MEDIA_TYPE", message)


@pytest.mark.parametrize("body", [b"", b"{", b'{"query": 1}', b'{"query": "{a}", "variables": 1}'])
def test_unparsable_or_mistyped_json_is_a_400(gateway: Gateway, body: bytes) -> None:
    answer = post(gateway, body)
    assert answer.status_code == 400, answer.text
    assert answer.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


def test_a_get_with_a_lone_surrogate_in_its_variables_is_a_400(gateway: Gateway) -> None:
    params = {"query": "query($q: String) { searchGenes(query: $q) { totalCount } }"}
    params["variables"] = '{"q": "\\ud800"}'
    answer = httpx.get(f"{gateway.url}/graphql", params=params, timeout=30)
    assert answer.status_code == 400, answer.text
    assert answer.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


def test_a_well_formed_request_still_answers(gateway: Gateway) -> None:
    answer = post(gateway, TYPENAME)
    assert answer.status_code == 200
    assert answer.json()["data"] == {"__typename": "Query"}
    assert "errors" not in answer.json()
