"""The composition root: builds adapters and use cases from settings, once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from botk_adapters.documents import default_reader, load_synonyms
from botk_adapters.sensors import PeriodicImport
from botk_adapters.sqlite import Database, SqliteThreadRepository
from botk_adapters.sqlite.documents import SqliteFtsDocumentStore
from botk_core.ports import (
    AssistantGateway,
    DocumentStore,
    MeasurementRepository,
    ReportStore,
    ThreadRepository,
    WeatherProvider,
)
from botk_core.profile import AssistantCatalog, default_profile
from botk_core.tools import Tool, ToolRegistry, search_documents_tool
from botk_core.usecases import (
    GetHistory,
    ListAssistants,
    SendMessage,
    StartConversation,
    TurnRunner,
)
from botk_core.usecases.documents import AddDocuments, ListDocuments, RemoveDocument, SearchDocuments
from botk_core.usecases.ingest import IngestDocuments
from botk_core.usecases.usage import GetThreadUsage
from botk_web.data_tools import build_data_tools
from botk_web.gateways import build_gateway, vector_store_id
from botk_web.settings import Settings


@attrs.frozen
class DocumentUseCases:
    """The document use cases, on the app's DocumentStore."""

    ingest: IngestDocuments
    add: AddDocuments
    list: ListDocuments
    remove: RemoveDocument
    search: SearchDocuments


def build_document_use_cases(documents: DocumentStore) -> DocumentUseCases:
    reader = default_reader()
    return DocumentUseCases(
        IngestDocuments(documents, reader),
        AddDocuments(documents, reader),
        ListDocuments(documents),
        RemoveDocument(documents),
        SearchDocuments(documents),
    )


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
    document_use_cases: DocumentUseCases
    get_usage: GetThreadUsage
    readiness: Callable[[], dict[str, str]]
    measurements: MeasurementRepository
    weather: WeatherProvider
    reports: ReportStore
    storage: str = "sqlite"


def build_services(settings: Settings, **overrides: Any) -> Services:
    """Build every adapter and use case; ``overrides`` replace adapters by name.

    Accepted overrides: ``threads``, ``documents``, ``gateway``, ``tools``
    (an iterable of extra ``Tool``), ``clock``.
    """
    db = Database(settings.database_path)
    threads = overrides.get("threads") or SqliteThreadRepository(db)
    synonyms = load_synonyms(settings.documents_dir)  # built-in list + the folder's sinonimos.txt
    documents = overrides.get("documents") or SqliteFtsDocumentStore(db, synonyms)
    gateway = overrides.get("gateway") or build_gateway(settings, documents)
    data = build_data_tools(settings, db, overrides)
    tools = ToolRegistry([search_documents_tool(documents), *data.tools, *_extra_tools(overrides)])
    profile = default_profile(
        settings.assistant_id,
        tool_names=[spec.name for spec in tools.specs()],
        vector_store_id=vector_store_id(settings, db),
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
        document_use_cases=build_document_use_cases(documents),
        get_usage=GetThreadUsage(threads),
        readiness=lambda: {
            "database": "ok" if db.writable() else "not_writable",
            "gateway": "ok" if getattr(gateway, "name", "") else "not_configured",
        },
        storage="custom" if _all_given(overrides, "threads", "documents") else "sqlite",
        measurements=data.measurements,
        weather=data.weather,
        reports=data.reports,
    )


def _extra_tools(overrides: dict[str, Any]) -> list[Tool]:
    return list(overrides.get("tools") or [])


def _all_given(overrides: dict[str, Any], *names: str) -> bool:
    return all(overrides.get(name) is not None for name in names)


def start_sensor_refresh(services: Services) -> PeriodicImport | None:
    """Re-import ``SENSOR_DATA_URL`` every ``SENSOR_REFRESH_MINUTES`` while serving (0 = never)."""
    settings = services.settings
    if not (settings.sensor_data_url and settings.sensor_refresh_minutes):
        return None
    every = settings.sensor_refresh_minutes * 60
    job = PeriodicImport(settings.sensor_data_url, services.measurements, every)
    job.start()
    return job
