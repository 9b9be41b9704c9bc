"""What a batch-resolved term matched: shared by `resolveGenes` and `resolveChemicals`."""

from __future__ import annotations

from enum import Enum

import strawberry

from resolvers.loaders import MATCH_CAP, Resolution

TRUNCATED_DOC = (
    f"True when the term reached the services' cap of {MATCH_CAP} matches per term: `matches` "
    f"holds the first {MATCH_CAP} and the term may match more records (narrow it, or its "
    "`scopes`). False when `matches` is every record the term matched."
)
REASON_DOC = (
    "Why the term is INVALID: it was not sent to the service (an empty or whitespace-only term "
    "matches nothing). Null for every other status."
)
TERMS_DOC = (
    "Input terms; any number (sent upstream 1000 per call, each distinct term once). A blank "
    "term (empty or only whitespace) is never sent: its result is INVALID with a `reason`, and "
    "the other terms still answer."
)


@strawberry.enum(description="How many records an input term matched.")
class ResolutionStatus(Enum):
    FOUND = strawberry.enum_value("FOUND", description="Exactly one record.")
    NOT_FOUND = strawberry.enum_value("NOT_FOUND", description="No record.")
    AMBIGUOUS = strawberry.enum_value("AMBIGUOUS", description="Several records.")
    INVALID = strawberry.enum_value(
        "INVALID", description="The term cannot be looked up; see `reason`. Nothing was sent."
    )


def status_of(resolution: Resolution) -> ResolutionStatus:
    """The status a resolution reports: INVALID for a term never sent, else by match count."""
    if resolution.reason is not None:
        return ResolutionStatus.INVALID
    if not resolution.matches:
        return ResolutionStatus.NOT_FOUND
    if len(resolution.matches) == 1:
        return ResolutionStatus.FOUND
    return ResolutionStatus.AMBIGUOUS
