"""AssistantGateway over the OpenAI Responses API: one streamed ``responses.create`` per step."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import openai

from botk_adapters.openai import responses_mapping as mapping
from botk_adapters.openai.client import ready_body
from botk_adapters.openai.errors import translate
from botk_adapters.openai.window import call_with_retry
from botk_core.errors import UpstreamUnavailable
from botk_core.model import GatewayEvent, ModelRequest, ReplyDone, TextDelta

CUT = "The model provider closed the stream before the answer was complete"


class OpenAIResponsesGateway:
    """Speaks the Responses API. BOTK owns the history, so nothing is stored upstream."""

    name = "openai"

    def __init__(self, client: openai.OpenAI, model: str, *, store: bool = False) -> None:
        self._client = client
        self.model = model
        self._store = store

    def stream(self, request: ModelRequest) -> Iterator[GatewayEvent]:
        events = call_with_retry(
            lambda r: self._client.responses.create(**ready_body(self._params(r))), request
        )
        with events:
            try:
                yield from _gateway_events(events)
            except openai.OpenAIError as error:
                raise translate(error) from error

    def _create(self, request: ModelRequest) -> Any:
        return self._client.responses.create(**ready_body(self._params(request)))

    def _params(self, request: ModelRequest) -> dict[str, Any]:
        params: dict[str, Any] = {
            "model": self.model,
            "instructions": request.instructions,
            "input": mapping.input_items(request.items),
            "store": self._store,
            "stream": True,
        }
        tools = mapping.tools(request)
        if tools:
            params["tools"] = tools
        if request.vector_store_id:
            # The results carry the quoted text that file_citation annotations lack.
            params["include"] = ["file_search_call.results"]
        return params


def _gateway_events(events: Any) -> Iterator[GatewayEvent]:
    for event in events:
        if event.type == "response.output_text.delta":
            yield TextDelta(event.delta)
        elif event.type in ("response.completed", "response.incomplete"):
            # An incomplete answer (output token limit) is still worth keeping.
            yield ReplyDone(mapping.reply_from(event.response))
            return
        elif event.type in ("response.failed", "error"):
            raise UpstreamUnavailable(
                "El proveedor del modelo no pudo completar la respuesta; intenta de nuevo."
            )
    raise UpstreamUnavailable(CUT)
