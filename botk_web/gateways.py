"""Wiring of the model gateway named by ``BOTK_GATEWAY``."""

from __future__ import annotations

from collections.abc import Callable

from botk_adapters.local import LocalAssistantGateway
from botk_adapters.local.data_turns import RouteContext
from botk_adapters.openai import GATEWAYS, TOOLS_MODES, OpenAIConfig, current_vector_store_id, openai_gateway
from botk_adapters.openai.chat_gateway import ToolsMode
from botk_adapters.openai.vector_state import VectorStoreRecord
from botk_core.ports import AssistantGateway, DocumentStore
from botk_web.settings import Settings, SettingsError


def build_gateway(
    settings: Settings, documents: DocumentStore, stations: Callable[[], RouteContext] | None = None
) -> AssistantGateway:
    """The gateway named by ``BOTK_GATEWAY``; the offline one learns station names from ``stations``."""
    if settings.gateway == "local":
        return LocalAssistantGateway(stations=stations)
    if settings.gateway in GATEWAYS:
        return openai_gateway(settings.gateway, openai_config(settings), documents, _tools_mode(settings))
    raise SettingsError(f"BOTK_GATEWAY={settings.gateway!r} is unknown; use local, openai or openai-chat")


def openai_config(settings: Settings) -> OpenAIConfig:
    """The OpenAI client settings; OpenAI itself needs a key, a local server does not."""
    if not settings.openai_api_key and not (settings.gateway == "openai-chat" and settings.openai_base_url):
        raise SettingsError(f"BOTK_GATEWAY={settings.gateway} needs OPEN_AI_API_KEY (or OPENAI_API_KEY)")
    return OpenAIConfig(
        api_key=settings.openai_api_key or "sin-clave",
        model=settings.model,
        base_url=settings.openai_base_url,
        timeout=settings.openai_timeout,
        max_retries=settings.openai_max_retries,
    )


def _tools_mode(settings: Settings) -> ToolsMode:
    if settings.chat_tools not in TOOLS_MODES:
        raise SettingsError(f"BOTK_CHAT_TOOLS must be auto, tools or none, got {settings.chat_tools!r}")
    return settings.chat_tools


def vector_store_id(settings: Settings, state: VectorStoreRecord) -> str | None:
    # Only the Responses gateway searches an OpenAI vector store; the others search locally.
    if settings.gateway == "openai":
        return current_vector_store_id(state, settings.vector_store_id, settings.assistant_id)
    return settings.vector_store_id or "local"
