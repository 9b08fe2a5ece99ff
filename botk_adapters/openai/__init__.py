"""Adapters for OpenAI: Responses and Chat Completions gateways, vector store sync."""

from botk_adapters.openai.chat_gateway import OpenAIChatGateway
from botk_adapters.openai.client import OpenAIConfig, make_client
from botk_adapters.openai.errors import translate
from botk_adapters.openai.responses_gateway import OpenAIResponsesGateway

__all__ = [
    "OpenAIChatGateway",
    "OpenAIConfig",
    "OpenAIResponsesGateway",
    "make_client",
    "translate",
]
