"""Load shedding: past the in-flight limit a GraphQL request is answered 503 OVERLOADED with
Retry-After at once, while admitted requests finish and health routes always answer."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import httpx

from app import create_app
from genechem.shedding import LoopLagMonitor, RequestGuard
from tests.conftest import MirrorServer
from tests.servers import serve

GENE = '{ gene(id: "1017") { symbol } }'


def test_requests_past_the_in_flight_limit_are_shed_and_health_still_answers(
    demo_mirror: MirrorServer,
) -> None:
    demo_mirror.set_faults([{"kind": "latency", "path": "^/mygene/", "latency_ms": 1500}])
    with serve(create_app(demo_mirror.settings(max_in_flight=2))) as url:

        def ask(_: int) -> httpx.Response:
            return httpx.post(f"{url}/graphql", json={"query": GENE}, timeout=30)

        with ThreadPoolExecutor(6) as pool:
            pending = pool.map(ask, range(6))
            health = httpx.get(f"{url}/healthz", timeout=5)
            answers = list(pending)
    assert health.status_code == 200
    shed = [a for a in answers if a.status_code == 503]
    served = [a for a in answers if a.status_code == 200]
    assert shed
    assert served
    assert len(served) + len(shed) == 6
    for answer in shed:
        assert answer.headers["retry-after"] == "1"
        [error] = answer.json()["errors"]
        assert error["extensions"]["code"] == "OVERLOADED"
    for answer in served:
        assert answer.json()["data"] == {"gene": {"symbol": "CDK2"}}


def test_a_lagging_event_loop_sheds_new_requests(demo_mirror: MirrorServer) -> None:
    settings = demo_mirror.settings(max_loop_lag=0.2)
    guard = RequestGuard(app=lambda *a: None, settings=settings, monitor=LoopLagMonitor())  # type: ignore[arg-type]
    guard.monitor.lag = 0.5
    assert guard.saturation() == "the gateway is busy (event loop 0.50 s behind)"
    guard.monitor.lag = 0.1
    assert guard.saturation() is None
