"""Scalars shared by every domain."""

from strawberry.scalars import JSON

__all__ = ["JSON"]
