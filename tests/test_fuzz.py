"""Schemathesis-generated operations (GraphQL mode, from schema.graphql) never get an HTTP 500 or
an INTERNAL_ERROR: the CI-sized share of `python -m stress fuzz` (10,000 there), seeded so that a
failure reproduces, and bounded in time so that a slow machine runs fewer rather than hangs."""

from __future__ import annotations

from stress.fuzz import fuzz
from tests.gateway import Gateway

OPERATIONS = 200
SEED = 8
BUDGET_SECONDS = 120.0


def test_generated_operations_get_no_500_and_no_internal_error(gateway: Gateway) -> None:
    result = fuzz(gateway.url, OPERATIONS, SEED, BUDGET_SECONDS)
    assert result.sent >= 50, "too few operations ran within the time budget"
    assert result.server_errors == []
    assert result.internal_errors == []
    assert result.transport_errors == []
    assert set(result.statuses) <= {200, 400}, result.statuses
