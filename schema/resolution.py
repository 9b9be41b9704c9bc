"""What a batch-resolved term matched: shared by `resolveGenes` and `resolveChemicals`."""

from __future__ import annotations

from enum import Enum
from typing import Any

import strawberry


@strawberry.enum(description="How many records an input term matched.")
class ResolutionStatus(Enum):
    FOUND = "FOUND"
    NOT_FOUND = "NOT_FOUND"
    AMBIGUOUS = "AMBIGUOUS"


def status_of(matches: list[Any]) -> ResolutionStatus:
    if not matches:
        return ResolutionStatus.NOT_FOUND
    return ResolutionStatus.FOUND if len(matches) == 1 else ResolutionStatus.AMBIGUOUS
