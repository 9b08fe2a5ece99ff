"""The composition root: builds adapters and use cases from settings, once."""

from __future__ import annotations

from typing import Any

import attrs

from botk_adapters.local import LocalAssistantGateway
from botk_adapters.sqlite import Database, SqliteThreadRepository
from botk_adapters.sqlite.documents import SqliteFtsDocumentStore
from botk_core.ports import AssistantGateway, DocumentStore, ThreadRepository
from botk_core.profile import AssistantCatalog, default_profile
from botk_core.tools import Tool, ToolRegistry, search_documents_tool
from botk_core.usecases import (
    GetHistory,
    ListAssistants,
    SendMessage,
    StartConversation,
    TurnRunner,
)
from botk_web.settings import Settings, SettingsError


@attrs.define
class Services:
    """The wired use cases and the adapters behind them."""

    settings: Settings
    threads: ThreadRepository
    documents: DocumentStore
    gateway: AssistantGateway
    tools: ToolRegistry
    assistants: AssistantCatalog
    start_conversation: StartConversation
    send_message: SendMessage
    get_history: GetHistory
    list_assistants: ListAssistants
    storage: str = "sqlite"


def build_services(settings: Settings, **overrides: Any) -> Services:
    """Build every adapter and use case; ``overrides`` replace adapters by name.

    Accepted overrides: ``threads``, ``documents``, ``gateway``, ``tools``
    (an iterable of extra ``Tool``), ``clock``.
    """
    db = Database(settings.database_path)
    threads = overrides.get("threads") or SqliteThreadRepository(db)
    documents = overrides.get("documents") or SqliteFtsDocumentStore(db)
    gateway = overrides.get("gateway") or build_gateway(settings, documents)
    tools = ToolRegistry([search_documents_tool(documents), *_extra_tools(overrides)])
    profile = default_profile(
        settings.assistant_id,
        tool_names=[spec.name for spec in tools.specs()],
        vector_store_id=settings.vector_store_id or "local",
    )
    assistants = AssistantCatalog([profile])
    clock = overrides.get("clock")
    timing = {"clock": clock} if clock else {}
    runner = TurnRunner(gateway, tools, max_rounds=settings.max_tool_rounds)
    return Services(
        settings=settings,
        threads=threads,
        documents=documents,
        gateway=gateway,
        tools=tools,
        assistants=assistants,
        start_conversation=StartConversation(threads, assistants, **timing),
        send_message=SendMessage(
            threads,
            assistants,
            runner,
            history_window=settings.history_window,
            max_message_chars=settings.max_message_chars,
            **timing,
        ),
        get_history=GetHistory(threads),
        list_assistants=ListAssistants(assistants),
        storage="custom" if _all_given(overrides, "threads", "documents") else "sqlite",
    )


def build_gateway(settings: Settings, documents: DocumentStore) -> AssistantGateway:
    """The gateway named by ``BOTK_GATEWAY``."""
    if settings.gateway == "local":
        return LocalAssistantGateway()
    raise SettingsError(f"BOTK_GATEWAY={settings.gateway!r} is not supported; use one of: local")


def _extra_tools(overrides: dict[str, Any]) -> list[Tool]:
    return list(overrides.get("tools") or [])


def _all_given(overrides: dict[str, Any], *names: str) -> bool:
    return all(overrides.get(name) is not None for name in names)
