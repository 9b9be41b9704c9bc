"""The per-request context: the process's backends and this request's loaders."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import strawberry
from strawberry.fastapi import BaseContext

from backends.calls import CarriedCalls
from backends.sources import Backends
from resolvers.loaders import release_when_done
from resolvers.paging import Pager

CALLS_HEADER = "x-genechem-upstream-calls"
"""Send this request header (any non-empty value) to get `extensions.upstream` in the response:
the upstream calls made per source and their total time."""

LoaderT = TypeVar("LoaderT")


class Context(BaseContext):
    """Created for every GraphQL request by `app.get_context`; loaders live as long as it does."""

    def __init__(self, backends: Backends, pager: Pager, *, report_calls: bool = False) -> None:
        super().__init__()
        self.backends = backends
        self.pager = pager
        self.report_calls = report_calls
        self.carried_calls: CarriedCalls | None = None
        """The lookup lane's load, when the lane handed this request to the full path."""
        self._loaders: dict[type[Any], Any] = {}
        release_when_done(self._loaders)

    def loader(self, cls: type[LoaderT], factory: Callable[[Backends], LoaderT]) -> LoaderT:
        """This request's instance of loader `cls`, made by `factory` on first use."""
        if cls not in self._loaders:
            self._loaders[cls] = factory(self.backends)
        instance: LoaderT = self._loaders[cls]
        return instance


Info = strawberry.Info[Context, None]
