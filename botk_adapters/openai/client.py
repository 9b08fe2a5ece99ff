"""Building the openai SDK client from BOTK's settings."""

from __future__ import annotations

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
