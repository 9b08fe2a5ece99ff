"""Use cases: one small class each, ports in ``__init__``, one public method."""

from botk_core.usecases.conversation import (
    ConversationStarted,
    GetHistory,
    GetHistoryInput,
    ListAssistants,
    StartConversation,
    StartConversationInput,
)
from botk_core.usecases.send_message import SendMessage, SendMessageInput
from botk_core.usecases.turn import TurnOutcome, TurnRunner

__all__ = [
    "ConversationStarted",
    "GetHistory",
    "GetHistoryInput",
    "ListAssistants",
    "SendMessage",
    "SendMessageInput",
    "StartConversation",
    "StartConversationInput",
    "TurnOutcome",
    "TurnRunner",
]
