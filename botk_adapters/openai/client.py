"""Building the openai SDK client from BOTK's settings."""

from __future__ import annotations

from typing import Any

import attrs
import openai


@attrs.frozen
class OpenAIConfig:
    """What an OpenAI (or OpenAI-compatible) client needs."""

    api_key: str = attrs.field(repr=False)
    model: str = "gpt-4o"
    base_url: str | None = None
    timeout: float = 60.0
    max_retries: int = 2


def make_client(config: OpenAIConfig) -> openai.OpenAI:
    """An SDK client with explicit timeout and retries (never the SDK's 10 minutes)."""
    return openai.OpenAI(
        api_key=config.api_key,
        # Passing the URL explicitly keeps the SDK from reading the environment.
        base_url=config.base_url or "https://api.openai.com/v1",
        timeout=config.timeout,
        max_retries=config.max_retries,
    )


# Sent through the SDK's own parameters; everything else is BOTK's ready JSON.
_TYPED_PARAMS = ("model", "stream")


def ready_body(params: dict[str, Any], **required: Any) -> dict[str, Any]:
    """Keyword arguments for an SDK ``create`` whose JSON body BOTK has already built.

    Before sending, the SDK walks every parameter against its TypedDict unions
    (10-15 ms for a 40-message thread, more than the rest of a BOTK turn); BOTK's
    items are plain JSON already, so they go as ``extra_body``, which the SDK
    merges into the body as is. ``required`` fills parameters the SDK's
    signature insists on; the body's own values take precedence over them.
    """
    typed = {key: params[key] for key in _TYPED_PARAMS if key in params}
    body = {key: value for key, value in params.items() if key not in typed}
    return {**required, **typed, "extra_body": body}
