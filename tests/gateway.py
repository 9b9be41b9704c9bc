"""A small GraphQL client for a gateway that a test runs (see tests.servers.serve)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx


@dataclass
class Gateway:
    url: str
    last_cost: dict[str, Any] | None = None
    """`extensions.cost` of the last answer `post` returned."""

    def post(
        self, query: str, variables: dict[str, Any] | None = None, *, report_calls: bool = False
    ) -> dict[str, Any]:
        headers = {"X-Genechem-Upstream-Calls": "1"} if report_calls else {}
        answer = httpx.post(
            f"{self.url}/graphql",
            json={"query": query, "variables": variables or {}},
            headers=headers,
            timeout=30,
        )
        body: dict[str, Any] = answer.json()
        return self.without_cost(body)

    def without_cost(self, body: dict[str, Any]) -> dict[str, Any]:
        """The body without `extensions.cost` (every executed answer has it; tests/test_cost.py
        checks it), which is kept in `last_cost`, so tests compare answers as they were."""
        extensions = body.get("extensions")
        self.last_cost = extensions.pop("cost", None) if isinstance(extensions, dict) else None
        if extensions == {}:
            del body["extensions"]
        return body

    def data(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        """The `data` of an answer that must have no errors."""
        body = self.post(query, variables)
        assert "errors" not in body, body["errors"]
        data: dict[str, Any] = body["data"]
        return data
