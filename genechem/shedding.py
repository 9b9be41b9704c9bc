"""The guard every GraphQL request passes: load shedding, its budget, and its client's presence.

`RequestGuard` is a pure ASGI middleware, outermost, for paths under `/graphql`:

1. Load shedding. When the process already runs `max_in_flight` requests, or its event loop lags
   more than `max_loop_lag` (measured by `LoopLagMonitor`, a small periodic task), the request is
   answered at once: 503, `Retry-After`, a GraphQL-shaped error with code OVERLOADED. Queueing it
   would only slow every request already admitted. Health routes are never shed.
2. The request's budget (`genechem.deadline.RequestBudget`): its deadline and its client, in
   the context every task of the request inherits.
3. Disconnects. uvicorn does not cancel a plain HTTP handler when its client goes away; the
   guard listens for `http.disconnect` once the request body is read, and then cancels the
   handler and every upstream call it has in flight, so abandoned work stops.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
from typing import Any

import orjson
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from genechem.deadline import RequestBudget, request_scope
from genechem.errors import OVERLOADED
from genechem.settings import Settings

log = logging.getLogger("genechem.shedding")

GUARDED_PREFIX = "/graphql"
LAG_SAMPLE_SECONDS = 0.1
LAG_SMOOTHING = 0.2
"""Weight of a new sample in the lag's moving average."""
SHED_RETRY_AFTER = 1
WATCH_AFTER = 0.25
"""Seconds after its body is read that a request's disconnect watch starts (a task reading the
server's `receive`): a task per request was ~2% of a single gene's CPU, and a request answered
within this time has little left to cancel."""


class LoopLagMonitor:
    """How late the event loop runs a timer: sampled every LAG_SAMPLE_SECONDS by a small task,
    as a moving average. A loop kept busy on CPU (huge answers serialised, large bodies parsed)
    shows as lag."""

    def __init__(self, interval: float = LAG_SAMPLE_SECONDS) -> None:
        self.interval = interval
        self.lag = 0.0
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._sample())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _sample(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            started = loop.time()
            await asyncio.sleep(self.interval)
            sample = max(0.0, loop.time() - started - self.interval)
            # Smoothed over about a second: one slow moment (a large answer, a garbage
            # collection) is no saturation; lag that stays is.
            self.lag += LAG_SMOOTHING * (sample - self.lag)


def overloaded_body(message: str) -> bytes:
    return orjson.dumps({"errors": [{"message": message, "extensions": {"code": OVERLOADED}}]})


class RequestGuard:
    """See the module docstring."""

    def __init__(self, app: ASGIApp, settings: Settings, monitor: LoopLagMonitor) -> None:
        self.app = app
        self.settings = settings
        self.monitor = monitor
        self.in_flight = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(GUARDED_PREFIX):
            await self.app(scope, receive, send)
            return
        if self.settings.max_loop_lag > 0:
            self.monitor.start()
        reason = self.saturation()
        if reason is not None:
            await self.shed(reason, send)
            return
        client = scope.get("client")
        budget = RequestBudget.starting_now(
            self.settings.request_deadline, client[0] if client else "-"
        )
        self.in_flight += 1
        try:
            with request_scope(budget):
                await self.run_watched(scope, receive, send, budget)
        finally:
            self.in_flight -= 1

    def saturation(self) -> str | None:
        """Why the process takes no more work now, or None."""
        s = self.settings
        if s.max_in_flight and self.in_flight >= s.max_in_flight:
            return f"the gateway is running its limit of {s.max_in_flight} requests"
        if s.max_loop_lag and self.monitor.lag > s.max_loop_lag:
            return f"the gateway is busy (event loop {self.monitor.lag:.2f} s behind)"
        return None

    async def shed(self, reason: str, send: Send) -> None:
        log.warning("shedding a request: %s", reason)
        body = overloaded_body(f"Overloaded: {reason}; try again in {SHED_RETRY_AFTER} s.")
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
            (b"retry-after", str(math.ceil(SHED_RETRY_AFTER)).encode()),
            (b"cache-control", b"no-store"),
        ]
        await send({"type": "http.response.start", "status": 503, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    async def run_watched(
        self, scope: Scope, receive: Receive, send: Send, budget: RequestBudget
    ) -> None:
        """Run the app; cancel it and its upstream calls when the client disconnects first.
        The app runs in the request's own task (no task of its own per request): the watch
        cancels that task, and the cancellation it caused ends here."""
        watch = _DisconnectWatch(receive, send, budget)
        watch.handler = asyncio.current_task()
        if scope.get("method") in {"GET", "HEAD"}:
            watch.start()  # no body to wait for; the app's own read gets an empty one
        try:
            await self.app(scope, watch.receive, watch.send)
        except asyncio.CancelledError:
            current = asyncio.current_task()
            # Another cancellation than the watch's (the server shutting down) goes on.
            if not watch.gone or current is None or current.uncancel() > 0:
                raise
            log.info("client disconnected; its request was cancelled")
        finally:
            await watch.stop()


class _DisconnectWatch:
    """Stands between the app and the server's `receive`: passes the body through, then owns
    `receive` to learn of a disconnect. The watch starts `WATCH_AFTER` seconds after the body
    is read: a request answered sooner (most) costs no task of its own, and a disconnect is
    then learnt at most that late."""

    def __init__(self, receive: Receive, send: Send, budget: RequestBudget) -> None:
        self._receive = receive
        self._send = send
        self._budget = budget
        self.handler: asyncio.Task[Any] | None = None
        self.gone = False
        self._body_read = False
        self._responded = False
        self._disconnected = asyncio.Event()
        self._owned = False
        """Whether `receive` is this watch's (the body was read): the app reads no more."""
        self._timer: asyncio.TimerHandle | None = None
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        if not self._owned:
            self._owned = True
            self._timer = asyncio.get_running_loop().call_later(WATCH_AFTER, self._watch_now)

    def _watch_now(self) -> None:
        self._timer = None
        if not self._responded:
            self._task = asyncio.create_task(self._watch())

    async def stop(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if self._task is not None and not self._task.done():
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def receive(self) -> Message:
        if not self._owned:
            message = await self._receive()
            if message["type"] == "http.request" and not message.get("more_body", False):
                self._body_read = True
                self.start()
            return message
        if not self._body_read:
            self._body_read = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await self._disconnected.wait()
        return {"type": "http.disconnect"}

    async def send(self, message: Message) -> None:
        if message["type"] == "http.response.body" and not message.get("more_body", False):
            self._responded = True
        await self._send(message)

    async def _watch(self) -> None:
        while True:
            message = await self._receive()
            if message["type"] != "http.disconnect":
                continue
            if not self._responded:
                self.gone = True
                self._budget.abandon()
                if self.handler is not None:
                    self.handler.cancel()
            self._disconnected.set()
            return
