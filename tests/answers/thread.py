"""A chat on the offline gateway over a store, through the real SendMessage, in memory."""

from __future__ import annotations

from botk_adapters.local import LocalAssistantGateway
from botk_adapters.memory import InMemoryThreadRepository
from botk_core.domain import Message
from botk_core.ports import DocumentStore
from botk_core.profile import AssistantCatalog, default_profile
from botk_core.tools import ToolRegistry, search_documents_tool
from botk_core.usecases import (
    SendMessage,
    SendMessageInput,
    StartConversation,
    StartConversationInput,
    TurnRunner,
)


class Chat:
    """One thread: ``ask`` sends a turn and returns the stored answer."""

    def __init__(self, store: DocumentStore) -> None:
        threads = InMemoryThreadRepository()
        tools = ToolRegistry([search_documents_tool(store)])
        catalog = AssistantCatalog([default_profile(tool_names=[s.name for s in tools.specs()])])
        self.start = StartConversation(threads, catalog)
        self.send = SendMessage(threads, catalog, TurnRunner(LocalAssistantGateway(), tools))
        self.thread = self.start.execute(StartConversationInput()).thread.id

    def ask(self, text: str) -> Message:
        return self.send.execute(SendMessageInput(self.thread, text))
