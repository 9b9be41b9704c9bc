"""The mirror as one ASGI app: the three services under their real-looking base paths, plus admin.

/mygene/v3/...   MyGene.info v3     (mirror.mygene)
/mychem/v1/...   MyChem.info v1     (mirror.mychem)
/hgnc/...        HGNC REST          (mirror.hgnc)
/_mirror/...     the mirror's own admin routes: request log, clock, fault injection
"""

from __future__ import annotations

from collections.abc import Sequence

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route

from mirror.clock import MirrorClock
from mirror.faults import FaultInjector, FaultMiddleware, FaultRule, fault_routes
from mirror.hgnc import create_hgnc_app
from mirror.mychem import create_mychem_app
from mirror.mygene import create_mygene_app
from mirror.requestlog import RequestLog, RequestLogMiddleware
from mirror.store import Dataset


class MirrorState:
    """What the admin routes and in-process tests reach: the log, the clock, the fault rules."""

    def __init__(self, faults: Sequence[FaultRule] = ()) -> None:
        self.log = RequestLog()
        self.clock = MirrorClock()
        self.faults = FaultInjector(list(faults))


def admin_routes(state: MirrorState) -> list[Route]:
    async def list_requests(request: Request) -> Response:
        if request.method == "DELETE":
            state.log.clear()
            return JSONResponse({"cleared": True})
        service = request.query_params.get("service")
        return JSONResponse([entry.to_json() for entry in state.log.select(service)])

    async def move_clock(request: Request) -> Response:
        body = await request.json()
        state.clock.advance(float(body.get("advance", 0)))
        return JSONResponse({"offset": state.clock.offset})

    return [
        Route("/requests", list_requests, methods=["GET", "DELETE"]),
        Route("/clock", move_clock, methods=["POST"]),
        *fault_routes(state.faults),
    ]


def create_mirror_app(dataset: Dataset, faults: Sequence[FaultRule] = ()) -> Starlette:
    """Build the mirror over `dataset`. `app.state.mirror` is the `MirrorState`."""
    state = MirrorState(faults)
    app = Starlette(
        routes=[
            Mount(
                "/mygene/v3",
                app=create_mygene_app(
                    dataset.genes, dataset.metadata.get("mygene", {}), state.clock
                ),
            ),
            Mount(
                "/mychem/v1",
                app=create_mychem_app(
                    dataset.chemicals, dataset.metadata.get("mychem", {}), state.clock
                ),
            ),
            Mount("/hgnc", app=create_hgnc_app(dataset.hgnc, dataset.metadata.get("hgnc", {}))),
            Mount("/_mirror", routes=admin_routes(state)),
        ]
    )
    # Faults sit inside the log, so an injected failure is still counted as a request served.
    app.add_middleware(FaultMiddleware, injector=state.faults)
    app.add_middleware(RequestLogMiddleware, log=state.log)
    app.state.mirror = state
    return app
