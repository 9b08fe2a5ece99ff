"""AssistantGateway over Chat Completions, for OpenAI-compatible servers (Ollama, vLLM...)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any, Literal

import openai

from botk_adapters.openai import chat_mapping as mapping
from botk_adapters.openai.chat_stream import gateway_events, reply_from
from botk_adapters.openai.errors import is_stream_usage_refused, is_tools_unsupported, translate
from botk_adapters.openai.window import call_with_retry
from botk_core.domain import Passage
from botk_core.model import GatewayEvent, ModelReply, ModelRequest
from botk_core.ports import DocumentStore

log = logging.getLogger(__name__)

ToolsMode = Literal["auto", "tools", "none"]


class OpenAIChatGateway:
    """Chat Completions with the core's tools, or retrieval-augmented prompting without them.

    ``tools_mode="auto"`` sends tools until the server says the model has no
    tool support, then switches to grounding by passages for good.
    """

    name = "openai-chat"

    def __init__(
        self,
        client: openai.OpenAI,
        model: str,
        *,
        documents: DocumentStore | None = None,
        tools_mode: ToolsMode = "auto",
        passages: int = 4,
    ) -> None:
        self._client = client
        self.model = model
        self._documents = documents
        self._use_tools = tools_mode != "none"
        self._may_fall_back = tools_mode == "auto"
        self._passages = passages
        self._usage_in_stream = True

    @property
    def uses_tools(self) -> bool:
        return self._use_tools

    def complete(self, request: ModelRequest) -> ModelReply:
        try:
            return self._complete(request)
        except _ToolsUnsupported:
            return self._complete(request)

    def stream(self, request: ModelRequest) -> Iterator[GatewayEvent]:
        try:
            chunks, passages = self._open_stream(request)
        except _ToolsUnsupported:
            chunks, passages = self._open_stream(request)
        with chunks:
            try:
                yield from gateway_events(chunks, passages)
            except openai.OpenAIError as error:
                raise translate(error) from error

    def _complete(self, request: ModelRequest) -> ModelReply:
        passages = self._grounding(request)
        completion = call_with_retry(lambda r: self._create(r, passages, stream=False), request)
        return reply_from(completion, passages)

    def _open_stream(self, request: ModelRequest) -> tuple[Any, list[Passage]]:
        passages = self._grounding(request)
        return call_with_retry(lambda r: self._create(r, passages, stream=True), request), passages

    def _create(self, request: ModelRequest, passages: list[Passage], *, stream: bool) -> Any:
        try:
            return self._client.chat.completions.create(**self._params(request, passages, stream))
        except openai.OpenAIError as error:
            if stream and self._usage_in_stream and is_stream_usage_refused(error):
                # Such a server streams without token counts; asking again would fail again.
                log.warning("the model server refuses stream_options; streamed turns record no usage")
                self._usage_in_stream = False
                return self._create(request, passages, stream=stream)
            if not (self._may_fall_back and self._use_tools and is_tools_unsupported(error)):
                raise
        log.warning("model %s has no tool support here; grounding answers with passages", self.model)
        self._use_tools = False
        raise _ToolsUnsupported

    def _params(self, request: ModelRequest, passages: list[Passage], stream: bool) -> dict[str, Any]:
        params: dict[str, Any] = {"model": self.model}
        if self._use_tools:
            params["messages"] = mapping.messages(request.instructions, request.items)
            if request.tools:
                params["tools"] = mapping.tools(request.tools)
        else:
            params["messages"] = mapping.grounded_messages(request, passages)
        if stream:
            params["stream"] = True
            if self._usage_in_stream:
                params["stream_options"] = {"include_usage": True}
        return params

    def _grounding(self, request: ModelRequest) -> list[Passage]:
        if self._use_tools or self._documents is None:
            return []
        query = request.last_user_text()
        return self._documents.search(query, self._passages) if query else []


class _ToolsUnsupported(Exception):
    """The server refused tools; the caller retries once, now grounding by passages."""
