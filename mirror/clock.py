"""The mirror's clock: monotonic time plus an offset that tests move forward (scroll expiry)."""

from __future__ import annotations

import time


class MirrorClock:
    """Monotonic seconds, shiftable through the admin route `POST /_mirror/clock`."""

    def __init__(self) -> None:
        self.offset = 0.0

    def now(self) -> float:
        return time.monotonic() + self.offset

    def advance(self, seconds: float) -> None:
        self.offset += seconds
