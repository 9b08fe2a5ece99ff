"""BOTK's core: domain types, ports, use cases and tools. Stdlib and attrs only."""

from botk_core.domain import (
    AssistantProfile,
    Citation,
    Message,
    MessagePage,
    Passage,
    Thread,
    ToolCall,
    ToolRun,
    ToolSpec,
    Usage,
)
from botk_core.errors import BotkError, InvalidInput, MissingFields, ThreadNotFound
from botk_core.model import ChatItem, ModelReply, ModelRequest, ReplyDone, TextDelta, ToolOutput
from botk_core.ports import AssistantGateway, DocumentStore, ThreadRepository, WeatherProvider
from botk_core.profile import DEFAULT_ASSISTANT_ID, AssistantCatalog, default_profile
from botk_core.usecases import (
    GetHistory,
    GetHistoryInput,
    ListAssistants,
    SendMessage,
    SendMessageInput,
    StartConversation,
    StartConversationInput,
    TurnRunner,
)

__all__ = [
    "DEFAULT_ASSISTANT_ID",
    "AssistantCatalog",
    "AssistantGateway",
    "AssistantProfile",
    "BotkError",
    "ChatItem",
    "Citation",
    "DocumentStore",
    "GetHistory",
    "GetHistoryInput",
    "InvalidInput",
    "ListAssistants",
    "Message",
    "MessagePage",
    "MissingFields",
    "ModelReply",
    "ModelRequest",
    "Passage",
    "ReplyDone",
    "SendMessage",
    "SendMessageInput",
    "StartConversation",
    "StartConversationInput",
    "TextDelta",
    "Thread",
    "ThreadNotFound",
    "ThreadRepository",
    "ToolCall",
    "ToolOutput",
    "ToolRun",
    "ToolSpec",
    "TurnRunner",
    "Usage",
    "WeatherProvider",
    "default_profile",
]
