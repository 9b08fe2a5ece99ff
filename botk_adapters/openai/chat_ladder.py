"""The request variants tried, in order, until an OpenAI-compatible server accepts one.

Servers differ in what they refuse: ``stream_options`` (Mistral, some vLLM),
tools (models without a tool template; llama.cpp without ``--jinja``), or a
prompt over a small context (llama.cpp's 4096 tokens by default). Each
fallback is one row of ``LADDER``, in the order they are tried: on a
refusal, the first row that answers it and can still change the request
gives the next attempt. What a refusal shows about the server is learned,
so later requests start where the last one ended instead of being refused again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
import openai

from botk_adapters.openai import chat_mapping as mapping
from botk_adapters.openai.chat_capabilities import ServerCapabilities
from botk_adapters.openai.errors import (
    is_context_overflow,
    is_stream_usage_refused,
    is_tools_unsupported,
    translate,
)
from botk_adapters.openai.window import TOO_LONG, shortened
from botk_core.domain import Citation, Passage
from botk_core.errors import BotkError, ContextTooLong, UpstreamError
from botk_core.model import ModelRequest

TOOLS_REFUSED = "The model server refuses tools for this model; set BOTK_CHAT_TOOLS=auto or none"

# The passages that ground a request made without tools, found for its question.
Ground = Callable[[ModelRequest], tuple[Passage, ...]]


@attrs.frozen
class Attempt:
    """One way of asking for a model step: with tools, or grounded on passages."""

    request: ModelRequest
    tools: bool
    stream_usage: bool
    passages: tuple[Passage, ...] = ()
    may_drop_tools: bool = False
    passages_cut: bool = False
    history_cut: bool = False

    def payload(self, model: str) -> dict[str, Any]:
        """The Chat Completions request body, always streamed."""
        params: dict[str, Any] = {"model": model, "stream": True}
        request = self.request
        if self.tools:
            params["messages"] = mapping.messages(request.instructions, request.items)
            if request.tools:
                params["tools"] = mapping.tools(request.tools)
        else:
            params["messages"] = mapping.grounded_messages(request, self.passages)
        if self.stream_usage:
            params["stream_options"] = {"include_usage": True}
        return params

    def citations(self) -> tuple[Citation, ...] | None:
        """A grounded answer cites its passages; with tools, the tools' sources are used."""
        return None if self.tools else tuple(p.citation() for p in self.passages)


@attrs.frozen
class Fallback:
    """One row of the ladder: the refusal it answers, the next attempt, what it teaches."""

    # What the row tells the operator, in the log, when it is taken.
    warning: str
    answers: Callable[[openai.OpenAIError], bool]
    # None when the row cannot change this attempt (already applied, or not allowed).
    retry: Callable[[Attempt, Ground], Attempt | None]
    learn: Callable[[ServerCapabilities], ServerCapabilities] = lambda known: known


def _without_stream_options(attempt: Attempt, ground: Ground) -> Attempt | None:
    # Such a server streams without token counts; the turn records no usage.
    return attrs.evolve(attempt, stream_usage=False) if attempt.stream_usage else None


def _without_tools(attempt: Attempt, ground: Ground) -> Attempt | None:
    if not (attempt.tools and attempt.may_drop_tools):
        return None
    return attrs.evolve(attempt, tools=False, passages=ground(attempt.request))


def _fewer_passages(attempt: Attempt, ground: Ground) -> Attempt | None:
    if not attempt.passages:
        return None
    return attrs.evolve(attempt, passages=attempt.passages[: len(attempt.passages) // 2], passages_cut=True)


def _shorter_history(attempt: Attempt, ground: Ground) -> Attempt | None:
    shorter = None if attempt.history_cut else shortened(attempt.request)
    return None if shorter is None else attrs.evolve(attempt, request=shorter, history_cut=True)


LADDER = (
    Fallback(
        "the server refuses stream_options; streamed turns record no usage",
        is_stream_usage_refused,
        _without_stream_options,
        ServerCapabilities.without_stream_usage,
    ),
    Fallback(
        "the model has no tool support on this server; answers are grounded on passages",
        is_tools_unsupported,
        _without_tools,
        ServerCapabilities.without_tools,
    ),
    Fallback(
        "the grounding passages overflow the model's context; sending fewer",
        is_context_overflow,
        _fewer_passages,
    ),
    Fallback(
        "the conversation overflows the model's context; sending a shorter history",
        is_context_overflow,
        _shorter_history,
    ),
)


def fall_back(attempt: Attempt, error: openai.OpenAIError, ground: Ground) -> tuple[Fallback, Attempt] | None:
    """The first row that answers ``error`` and can still change ``attempt``, with its attempt."""
    for row in LADDER:
        if row.answers(error):
            retry = row.retry(attempt, ground)
            if retry is not None:
                return row, retry
    return None


def refusal(error: openai.OpenAIError, attempt: Attempt) -> BotkError:
    """The error a client gets when no row is left to try."""
    if is_context_overflow(error):
        return ContextTooLong(TOO_LONG)
    if attempt.tools and is_tools_unsupported(error):
        return UpstreamError(TOOLS_REFUSED)
    return translate(error)


def learned_budget(attempt: Attempt) -> int | None:
    """The passage budget an accepted attempt shows, if its passages were cut.

    Only passages cut beside the whole history teach. Zero is learned only when
    the conversation could not be shorter: a long one that left no room for a
    passage says more about itself than about the server.
    """
    if not attempt.passages_cut or attempt.history_cut:
        return None
    if attempt.passages or shortened(attempt.request) is None:
        return len(attempt.passages)
    return 1
