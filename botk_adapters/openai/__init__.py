"""Adapters for OpenAI: Responses and Chat Completions gateways, vector store sync."""

from botk_adapters.openai.chat_capabilities import CapabilityBook, ServerCapabilities, ToolsMode
from botk_adapters.openai.chat_gateway import OpenAIChatGateway
from botk_adapters.openai.client import OpenAIConfig, make_client
from botk_adapters.openai.errors import translate
from botk_adapters.openai.factory import GATEWAYS, TOOLS_MODES, openai_gateway
from botk_adapters.openai.responses_gateway import OpenAIResponsesGateway
from botk_adapters.openai.vector_state import VectorStoreState, current_vector_store_id
from botk_adapters.openai.vector_sync import SyncReport, VectorStoreSync

__all__ = [
    "GATEWAYS",
    "TOOLS_MODES",
    "CapabilityBook",
    "OpenAIChatGateway",
    "OpenAIConfig",
    "OpenAIResponsesGateway",
    "ServerCapabilities",
    "SyncReport",
    "ToolsMode",
    "VectorStoreState",
    "VectorStoreSync",
    "current_vector_store_id",
    "make_client",
    "openai_gateway",
    "translate",
]
