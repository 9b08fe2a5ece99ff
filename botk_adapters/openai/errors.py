"""Translate openai SDK errors into BOTK's error hierarchy."""

from __future__ import annotations

import openai

from botk_core.errors import (
    BotkError,
    UpstreamAuthError,
    UpstreamError,
    UpstreamRateLimited,
    UpstreamTimeout,
    UpstreamUnavailable,
)

AUTH_MESSAGE = "The model provider rejected the API key: check OPEN_AI_API_KEY (or OPENAI_API_KEY)"

# Words servers use when a prompt is over the model's context; OpenAI sends the
# code, llama.cpp the type, vLLM and others only a message.
_CONTEXT_CODES = {"context_length_exceeded", "string_above_max_length", "exceed_context_size_error"}
_CONTEXT_WORDS = (
    "context length",
    "context size",
    "context window",
    "maximum context",
    "too many tokens",
    "prompt is too long",
)
_NO_TOOLS_WORDS = (
    "does not support tools",
    "tool choice requires",
    "tools are not supported",
    "tool-call-parser",
    "tools param requires",
)


def translate(error: openai.OpenAIError) -> BotkError:
    """The BotkError that says what went wrong, without the library's text."""
    if isinstance(error, (openai.AuthenticationError, openai.PermissionDeniedError)):
        return UpstreamAuthError(AUTH_MESSAGE)
    if isinstance(error, openai.RateLimitError):
        return UpstreamRateLimited(
            "El proveedor del modelo está limitando las solicitudes de BOTK; intenta de nuevo más tarde.",
            _retry_after(error),
        )
    if isinstance(error, openai.APITimeoutError):
        return UpstreamTimeout("El proveedor del modelo no respondió a tiempo.")
    if isinstance(error, openai.APIConnectionError):
        return UpstreamUnavailable("No se pudo conectar con el proveedor del modelo.")
    if isinstance(error, openai.APIStatusError) and error.status_code >= 500:
        return UpstreamUnavailable(f"El proveedor del modelo falló (HTTP {error.status_code}).")
    if isinstance(error, openai.APIStatusError):
        return UpstreamError(f"El proveedor del modelo rechazó la solicitud (HTTP {error.status_code}).")
    return UpstreamError("El proveedor del modelo envió una respuesta que BOTK no pudo leer.")


def is_context_overflow(error: openai.OpenAIError) -> bool:
    """Whether the request failed because the prompt is over the context size."""
    if not isinstance(error, openai.APIStatusError) or error.status_code not in (400, 413, 422):
        return False
    codes = {getattr(error, "code", None), getattr(error, "type", None)}
    return bool(codes & _CONTEXT_CODES) or _mentions(error, _CONTEXT_WORDS)


def is_tools_unsupported(error: openai.OpenAIError) -> bool:
    """Whether an OpenAI-compatible server refused the request for having tools."""
    # llama.cpp started without --jinja answers 500 "tools param requires --jinja flag".
    return (
        isinstance(error, openai.APIStatusError)
        and error.status_code in (400, 422, 500)
        and _mentions(error, _NO_TOOLS_WORDS)
    )


def is_stream_usage_refused(error: openai.OpenAIError) -> bool:
    """Whether a server refused ``stream_options`` (Mistral's API, some vLLM versions)."""
    return (
        isinstance(error, openai.APIStatusError)
        and error.status_code in (400, 422)
        and _mentions(error, ("stream_options", "include_usage"))
    )


def _mentions(error: openai.APIStatusError, words: tuple[str, ...]) -> bool:
    text = str(getattr(error, "message", "") or error).lower()
    return any(word in text for word in words)


def _retry_after(error: openai.RateLimitError) -> int | None:
    value = error.response.headers.get("retry-after")
    try:
        return max(0, round(float(value))) if value is not None else None
    except ValueError:
        return None  # an HTTP date; the client's default back-off applies
