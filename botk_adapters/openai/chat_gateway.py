"""AssistantGateway over Chat Completions, for OpenAI-compatible servers (Ollama, vLLM...)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from functools import partial
from typing import Any, Literal

import openai

from botk_adapters.openai import chat_mapping as mapping
from botk_adapters.openai.chat_stream import gateway_events, reply_from
from botk_adapters.openai.errors import is_stream_usage_refused, is_tools_unsupported, translate
from botk_adapters.openai.window import call_with_retry
from botk_core.domain import Passage
from botk_core.errors import ContextTooLong
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
            return reply_from(*self._call(request, stream=False))
        except _ToolsUnsupported:
            return reply_from(*self._call(request, stream=False))

    def stream(self, request: ModelRequest) -> Iterator[GatewayEvent]:
        try:
            chunks, passages = self._call(request, stream=True)
        except _ToolsUnsupported:
            chunks, passages = self._call(request, stream=True)
        with chunks:
            try:
                yield from gateway_events(chunks, passages)
            except openai.OpenAIError as error:
                raise translate(error) from error

    def _call(self, request: ModelRequest, *, stream: bool) -> tuple[Any, list[Passage]]:
        """The upstream answer and the passages it is grounded on, fewer if they overflow the context."""
        passages = self._grounding(request)
        while True:
            try:
                create = partial(self._create, passages=passages, stream=stream)
                return call_with_retry(create, request), passages
            except ContextTooLong:
                # Local models often have small contexts (llama.cpp: 4096 tokens by default).
                if not passages:
                    raise
                passages = passages[: len(passages) // 2]
                log.warning("grounding passages overflow the model's context; trying %d", len(passages))

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
