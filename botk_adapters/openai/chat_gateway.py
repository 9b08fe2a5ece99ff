"""AssistantGateway over Chat Completions, for OpenAI-compatible servers (Ollama, vLLM...)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from functools import partial
from typing import Any

import openai

from botk_adapters.openai import chat_ladder as ladder
from botk_adapters.openai.chat_capabilities import CapabilityBook, ServerCapabilities, ServerKey, ToolsMode
from botk_adapters.openai.chat_stream import gateway_events
from botk_adapters.openai.client import ready_body
from botk_adapters.openai.errors import translate
from botk_core.domain import Passage
from botk_core.model import GatewayEvent, ModelRequest
from botk_core.ports import DocumentStore

__all__ = ["OpenAIChatGateway", "ToolsMode"]

log = logging.getLogger(__name__)


class OpenAIChatGateway:
    """Chat Completions with the core's tools, or retrieval-augmented prompting without them.

    Every step is one streamed request, walked down ``chat_ladder.LADDER`` as
    the server refuses. ``tools_mode="auto"`` sends tools until the server
    says the model has none, then grounds answers on passages; what a server
    refused is kept in ``capabilities`` (shareable by gateways of one process)
    and not asked again.
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
        capabilities: CapabilityBook | None = None,
    ) -> None:
        self._client = client
        self.model = model
        self._documents = documents
        self._mode = tools_mode
        self._passages = passages
        self._book = capabilities if capabilities is not None else CapabilityBook()
        self._key = ServerKey(str(client.base_url), model)

    @property
    def capabilities(self) -> ServerCapabilities:
        """What this gateway's server has shown it accepts so far."""
        return self._book.get(self._key)

    @property
    def uses_tools(self) -> bool:
        return self._sends_tools(self.capabilities)

    def stream(self, request: ModelRequest) -> Iterator[GatewayEvent]:
        chunks, attempt = self._open(request)
        with chunks:
            try:
                yield from gateway_events(chunks, attempt.citations())
            except openai.OpenAIError as error:
                raise translate(error) from error

    def _open(self, request: ModelRequest) -> tuple[Any, ladder.Attempt]:
        """The upstream stream of the first variant the server accepts, and that variant."""
        attempt = self._first_attempt(request)
        while True:
            try:
                chunks = self._client.chat.completions.create(
                    **ready_body(attempt.payload(self.model), messages=[])
                )
            except openai.OpenAIError as error:
                attempt = self._fall_back(attempt, error)
            else:
                budget = ladder.learned_budget(attempt)
                if budget is not None:
                    self._book.learn(self._key, partial(ServerCapabilities.fitting, passages=budget))
                return chunks, attempt

    def _first_attempt(self, request: ModelRequest) -> ladder.Attempt:
        """The richest request that what is known of the server allows."""
        known = self.capabilities
        tools = self._sends_tools(known)
        passages = () if tools else self._ground(request)
        return ladder.Attempt(
            request, tools, known.stream_usage, passages, may_drop_tools=self._mode == "auto"
        )

    def _sends_tools(self, known: ServerCapabilities) -> bool:
        return self._mode == "tools" or (self._mode == "auto" and known.tools)

    def _fall_back(self, attempt: ladder.Attempt, error: openai.OpenAIError) -> ladder.Attempt:
        found = ladder.fall_back(attempt, error, self._ground)
        if found is None:
            raise ladder.refusal(error, attempt) from error
        row, retry = found
        log.warning("model %s: %s", self.model, row.warning)
        self._book.learn(self._key, row.learn)
        return retry

    def _ground(self, request: ModelRequest) -> tuple[Passage, ...]:
        """The best passages for the question, as many as are known to fit."""
        budget = self.capabilities.passage_budget
        limit = self._passages if budget is None else min(budget, self._passages)
        query = request.last_user_text()
        if self._documents is None or not query or limit <= 0:
            return ()
        return tuple(self._documents.search(query, limit))
