"""ScriptedAssistantGateway: a fake model that replays replies, for tests."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from botk_core.errors import UpstreamError
from botk_core.model import GatewayEvent, ModelReply, ModelRequest, ReplyDone, TextDelta

Script = ModelReply | Exception | Callable[[ModelRequest], ModelReply]


class ScriptedAssistantGateway:
    """Answers each step with the next scripted reply and records the requests.

    A script item may be a ``ModelReply``, an exception to raise, or a function
    of the request. When the script runs out it raises ``UpstreamError``.
    """

    name = "scripted"
    model = "scripted"

    def __init__(self, script: Iterable[Script] = ()) -> None:
        self._script = list(script)
        self.requests: list[ModelRequest] = []

    def add(self, *items: Script) -> None:
        self._script.extend(items)

    def reply(self, request: ModelRequest) -> ModelReply:
        self.requests.append(request)
        if not self._script:
            raise UpstreamError("The scripted gateway has no more replies")
        item = self._script.pop(0)
        if isinstance(item, Exception):
            raise item
        return item(request) if callable(item) else item

    def stream(self, request: ModelRequest) -> Iterator[GatewayEvent]:
        reply = self.reply(request)
        for word in re.findall(r"\s*\S+\s*", reply.text):
            yield TextDelta(word)
        yield ReplyDone(reply)
