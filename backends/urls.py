"""The URLs the clients send: a service's path and query, parsed and encoded once for the
commonest calls, and user values as path segments that cannot reshape the path."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import quote

import httpx

from genechem.cache import memo_short

CACHED_URL_LENGTH = 512
"""Paths with their query up to this long are kept parsed (`service_url`), and queries up to
this long kept encoded (`encoded_query`); a longer one, such as a long search, is worked out
each time rather than kept: 256 of them could be megabytes."""


@memo_short(256, lambda base_url, path: len(path) <= CACHED_URL_LENGTH)
def service_url(base_url: str, path: str) -> httpx.URL:
    """`path` (with its query string, `query_suffix`) under `base_url`, parsed once: httpx
    parses a relative URL, then its merge with the base, then the URL again with its params
    merged in (a third of a single-gene call's CPU); the commonest calls repeat one path. The
    same URL as the merges' (base URLs never end with a slash here, paths start with one)."""
    return httpx.URL(base_url + path)


def query_suffix(query: Mapping[str, str]) -> str:
    """`?` and `query` encoded as httpx encodes `params` (nothing for no query): parsed with the
    path in one go by `service_url`, into the URL httpx's params merge makes (tested on the
    wire, tests/test_transport.py). Encoded once for the commonest queries (`fields=...`):
    httpx parses and prints its QueryParams for ~1% of a single gene's CPU."""
    if not query:
        return ""
    return encoded_query(tuple(query.items()))


@memo_short(256, lambda items: sum(len(k) + len(v) for k, v in items) <= CACHED_URL_LENGTH)
def encoded_query(items: tuple[tuple[str, str], ...]) -> str:
    return "?" + str(httpx.QueryParams(items))


def path_segment(value: str) -> str:
    """`value` as one URL path segment that no character of it can reshape.

    Everything but unreserved characters and `:` is percent-encoded (`/`, `?`, `#`, `%`, `+`,
    spaces, quotes, control characters), so a user's value never ends the segment or starts a
    query string; and a segment of only dots is encoded whole (`%2E%2E`), because `.` and `..`
    segments are removed by URL normalisation (httpx sends `/fetch/symbol/..` as `/fetch`).
    The services decode each segment back to the value.
    """
    if value and set(value) == {"."}:
        return "%2E" * len(value)
    return quote(value, safe=":")


def query_value(value: str | int | float | bool) -> str:
    """A query parameter's value as the services read it (`true`/`false` for booleans)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
