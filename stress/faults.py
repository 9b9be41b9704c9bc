"""Faults: every fault mode of the mirror (mirror/faults.py) on every service. With the fault on,
the answer keeps the other services' data (partial) and names the failing one in a typed error
(`extensions.source`, and the `extensions.code` that says what happened: EXPECTED); with it
cleared, the full answer comes back.

The operation asks each service for one record through its own root field, so one service's
failure must leave the other two roots answered.
"""

from __future__ import annotations

import time
from typing import Any

import httpx

from stress import servers
from stress.measure import Report, error_codes

SERVICES = {"mygene": "^/mygene/", "mychem": "^/mychem/", "hgnc": "^/hgnc/"}
ROOT_OF = {"mygene": "gene", "mychem": "chemical", "hgnc": "hgncRecord"}
QUERY = """query Faults {
  gene(id: "1017") { symbol }
  chemical(id: "DB00619") { name }
  hgncRecord(by: {symbol: "BRAF"}) { symbol }
}"""
READ_TIMEOUT = 1.0
FAULTS: dict[str, dict[str, Any]] = {
    "latency": {"kind": "latency", "latency_ms": int(READ_TIMEOUT * 1000 * 3)},
    "status 503": {"kind": "status", "status": 503},
    "status 500": {"kind": "status", "status": 500},
    "429": {"kind": "rate_limit", "retry_after": 0.1},
    "malformed body": {"kind": "malformed"},
    "dropped connection": {"kind": "drop"},
}
EXPECTED = {
    # Reached, but each attempt cut by GENECHEM_READ_TIMEOUT: slow, not down.
    "latency": "UPSTREAM_TIMEOUT",
    "status 503": "UPSTREAM_UNAVAILABLE",
    "status 500": "UPSTREAM_UNAVAILABLE",
    "429": "RATE_LIMITED",
    "malformed body": "UPSTREAM_MALFORMED",
    "dropped connection": "UPSTREAM_UNAVAILABLE",
}
"""The code each fault must give (genechem/errors.py: UPSTREAM_TIMEOUT when the service did not
answer in time, per attempt or by the request's deadline; UPSTREAM_UNAVAILABLE when it failed)."""
GATEWAY_ENV = {
    # Every request must reach the mirror: no HGNC index, no cached records or answers.
    "GENECHEM_HGNC_INDEX": "false",
    "GENECHEM_RECORD_CACHE_TTL": "0",
    "GENECHEM_RESPONSE_CACHE_TTL": "0",
    # Short waits so that a fault shows in seconds, not in the defaults' minute.
    "GENECHEM_READ_TIMEOUT": str(READ_TIMEOUT),
    "GENECHEM_RETRY_ATTEMPTS": "2",
    "GENECHEM_RETRY_WAIT_INITIAL": "0.05",
    "GENECHEM_RETRY_WAIT_MAX": "0.1",
    "GENECHEM_RETRY_TIMEOUT": "5",
}
RECOVERY_SECONDS = 30.0


def ask(client: httpx.Client) -> tuple[int, dict[str, Any]]:
    answer = client.post("/graphql", json={"query": QUERY})
    body: dict[str, Any] = answer.json()
    return answer.status_code, body


def check_fault(body: dict[str, Any], service: str, code: str) -> tuple[bool, bool, str]:
    """(partial data kept, an error at the service's root naming it with `code`, codes seen)."""
    data = body.get("data") or {}
    others = [root for s, root in ROOT_OF.items() if s != service]
    partial = all(data.get(root) for root in others) and data.get(ROOT_OF[service]) is None
    errors = body.get("errors") or []
    typed = any(
        (e.get("extensions") or {}).get("source") == service
        and (e.get("extensions") or {}).get("code") == code
        and e.get("path") == [ROOT_OF[service]]
        for e in errors
    )
    return partial, typed, ", ".join(sorted(set(error_codes(body))))


def recover(client: httpx.Client, expected: dict[str, Any]) -> float | None:
    """Seconds until the full answer is back (breakers may hold a service shut a while)."""
    started = time.monotonic()
    while time.monotonic() - started < RECOVERY_SECONDS:
        status, body = ask(client)
        if status == 200 and "errors" not in body and body.get("data") == expected:
            return time.monotonic() - started
        time.sleep(0.2)
    return None


def run() -> Report:
    report = Report("faults")
    report.header = ["service", "fault", "HTTP", "partial data", "typed error", "codes"]
    report.header += ["expected"]
    report.header += ["recovered after s"]
    with servers.mirror() as upstream, servers.gateway(upstream.url, GATEWAY_ENV) as gateway:
        admin = httpx.Client(base_url=upstream.url, timeout=10)
        client = httpx.Client(base_url=gateway.url, timeout=60)
        status, healthy = ask(client)
        if status != 200 or "errors" in healthy:
            raise RuntimeError(f"the fault query fails without faults: {healthy}")
        expected = healthy["data"]
        for service, path in SERVICES.items():
            for name, rule in FAULTS.items():
                admin.put("/_mirror/faults", json=[{**rule, "path": path}]).raise_for_status()
                status, body = ask(client)
                partial, typed, codes = check_fault(body, service, EXPECTED[name])
                admin.delete("/_mirror/faults").raise_for_status()
                recovered = recover(client, expected)
                ok = status == 200 and partial and typed and recovered is not None
                report.passed &= ok
                report.rows.append(
                    [
                        service,
                        name,
                        status,
                        "yes" if partial else "NO",
                        "yes" if typed else "NO",
                        codes,
                        EXPECTED[name],
                        "NO" if recovered is None else round(recovered, 2),
                    ]
                )
        client.close()
        admin.close()
    report.figures = {
        "cases": f"{len(SERVICES)} services x {len(FAULTS)} fault modes",
        "operation": "gene, chemical and hgncRecord roots, one per service",
        "gateway": ", ".join(f"{k}={v}" for k, v in servers.known_settings(GATEWAY_ENV).items()),
    }
    report.notes.append(
        "Typed error: an error at the failing root with extensions.source = that service and "
        "the expected code. Latency is 3x the read timeout: every attempt is cut, so the "
        "service was reached but too slow (UPSTREAM_TIMEOUT); the request's deadline "
        "(GENECHEM_REQUEST_DEADLINE) gives the same code when it passes first. Recovery: the "
        "full, error-free answer again after the "
        f"fault is cleared (polled up to {RECOVERY_SECONDS:.0f} s)."
    )
    return report
