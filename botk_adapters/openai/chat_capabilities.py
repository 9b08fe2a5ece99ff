"""What an OpenAI-compatible server accepts, learned from its refusals and shared by every thread."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Literal

import attrs

# auto: tools until the server refuses them; tools: always (a refusal is an error); none: never.
ToolsMode = Literal["auto", "tools", "none"]


@attrs.frozen
class ServerCapabilities:
    """What one server, with one model, has shown it accepts. Unknown means yes."""

    tools: bool = True
    stream_usage: bool = True
    # Grounding passages known to fit the model's context; None until one overflowed.
    passage_budget: int | None = None

    def without_tools(self) -> ServerCapabilities:
        return attrs.evolve(self, tools=False)

    def without_stream_usage(self) -> ServerCapabilities:
        return attrs.evolve(self, stream_usage=False)

    def fitting(self, passages: int) -> ServerCapabilities:
        """The budget lowered to ``passages``, a number that fitted; a budget is never raised."""
        known = self.passage_budget if self.passage_budget is not None else passages
        return attrs.evolve(self, passage_budget=min(known, passages))


@attrs.frozen
class ServerKey:
    """A server and model: what is learned about one does not hold for another."""

    base_url: str
    model: str


class CapabilityBook:
    """The capabilities learned per server, safe to share between request threads.

    Values are frozen; a change swaps one for another under the lock, so a
    reader never sees half an update and two learners never lose one another's.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._known: dict[ServerKey, ServerCapabilities] = {}

    def get(self, key: ServerKey) -> ServerCapabilities:
        with self._lock:
            return self._known.get(key, _UNKNOWN)

    def learn(
        self, key: ServerKey, change: Callable[[ServerCapabilities], ServerCapabilities]
    ) -> ServerCapabilities:
        """Apply ``change`` to what is known about ``key`` and keep the result."""
        with self._lock:
            learned = change(self._known.get(key, _UNKNOWN))
            self._known[key] = learned
            return learned


_UNKNOWN = ServerCapabilities()
