"""What every mode measures: latencies, percentiles, the operations of queries/, refusals."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

QUERIES_DIR = Path(__file__).resolve().parent.parent / "queries"
REFUSAL_CODES = frozenset(
    {
        "BAD_REQUEST",
        "UNSUPPORTED_MEDIA_TYPE",
        "QUERY_TOO_COMPLEX",
        "QUERY_TOO_DEEP",
        "TOO_MANY_ALIASES",
        "TOO_MANY_TOKENS",
        "REQUEST_TOO_LARGE",
        "LIST_TOO_LONG",
        "INVALID_INPUT",
        "RATE_LIMITED",
        "OVERLOADED",
        "GRAPHQL_VALIDATION_FAILED",
        "GRAPHQL_PARSE_FAILED",
    }
)
"""Codes that mean "refused before the work was done" (the section 1-3 limits included)."""


@dataclass(frozen=True)
class Operation:
    """One operation of queries/: its document, variables and the answer it must give."""

    name: str
    query: str
    variables: dict[str, Any] | None
    expected: dict[str, Any]

    def payload(self) -> dict[str, Any]:
        return {"query": self.query, "variables": self.variables or {}}


def operations() -> list[Operation]:
    found = []
    for path in sorted(QUERIES_DIR.glob("*.graphql")):
        variables_path = path.with_name(f"{path.stem}.variables.json")
        expected_path = path.with_name(f"{path.stem}.expected.json")
        variables = (
            json.loads(variables_path.read_text("utf-8")) if variables_path.exists() else None
        )
        found.append(
            Operation(
                path.stem,
                path.read_text("utf-8"),
                variables,
                json.loads(expected_path.read_text("utf-8")),
            )
        )
    return found


def same_answer(body: dict[str, Any], expected: dict[str, Any]) -> bool:
    """`data` and `errors` as committed; `extensions` (cost, call reports) may vary per run."""
    return all(body.get(key) == expected.get(key) for key in ("data", "errors"))


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile; 0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


def error_codes(body: object) -> list[str]:
    if not isinstance(body, dict):
        return []
    return [
        str((error.get("extensions") or {}).get("code"))
        for error in body.get("errors") or []
        if isinstance(error, dict)
    ]


@dataclass
class Report:
    """One mode's outcome: figures (name -> value), a table, and whether it met its bar."""

    mode: str
    passed: bool = True
    figures: dict[str, object] = field(default_factory=dict)
    header: list[str] = field(default_factory=list)
    rows: list[list[object]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def markdown(self) -> str:
        lines = [f"## {self.mode}: {'PASS' if self.passed else 'FAIL'}", ""]
        lines += [f"- {name}: {value}" for name, value in self.figures.items()]
        if self.rows:
            lines += ["", "| " + " | ".join(self.header) + " |"]
            lines.append("|" + "---|" * len(self.header))
            lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in self.rows]
        if self.notes:
            lines += ["", *(f"> {note}" for note in self.notes)]
        return "\n".join(lines) + "\n"
