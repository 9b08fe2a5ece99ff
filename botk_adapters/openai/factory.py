"""Choosing and building an OpenAI gateway from plain configuration values."""

from __future__ import annotations

from botk_adapters.openai.chat_capabilities import CapabilityBook, ToolsMode
from botk_adapters.openai.chat_gateway import OpenAIChatGateway
from botk_adapters.openai.client import OpenAIConfig, make_client
from botk_adapters.openai.responses_gateway import OpenAIResponsesGateway
from botk_core.ports import AssistantGateway, DocumentStore

GATEWAYS = ("openai", "openai-chat")
TOOLS_MODES: tuple[ToolsMode, ...] = ("auto", "tools", "none")


def openai_gateway(
    kind: str,
    config: OpenAIConfig,
    documents: DocumentStore | None = None,
    tools_mode: ToolsMode = "auto",
    capabilities: CapabilityBook | None = None,
) -> AssistantGateway:
    """``openai``: the Responses API; ``openai-chat``: Chat Completions on any compatible server.

    ``capabilities`` lets several chat gateways share what servers refused.
    """
    client = make_client(config)
    if kind == "openai-chat":
        return OpenAIChatGateway(
            client, config.model, documents=documents, tools_mode=tools_mode, capabilities=capabilities
        )
    if kind == "openai":
        return OpenAIResponsesGateway(client, config.model)
    raise ValueError(f"unknown OpenAI gateway {kind!r}")
