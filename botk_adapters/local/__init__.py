"""The offline embedded default: keyword routing to tools, answers from their outputs."""

from botk_adapters.local.answers import Answer, Writer
from botk_adapters.local.gateway import LocalAssistantGateway
from botk_adapters.local.routing import Route

__all__ = ["Answer", "LocalAssistantGateway", "Route", "Writer"]
