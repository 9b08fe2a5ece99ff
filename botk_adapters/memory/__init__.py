"""In-memory adapters for every port, for tests (BOTK's and library users')."""

from botk_adapters.memory.threads import InMemoryThreadRepository

__all__ = ["InMemoryThreadRepository"]
