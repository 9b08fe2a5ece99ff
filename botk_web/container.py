"""The composition root: builds adapters and use cases from settings, once."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import attrs

from botk_adapters.documents import default_reader
from botk_adapters.local import LocalAssistantGateway
from botk_adapters.openai import GATEWAYS, TOOLS_MODES, OpenAIConfig, current_vector_store_id, openai_gateway
from botk_adapters.openai.chat_gateway import ToolsMode
from botk_adapters.reports import FilesystemReportStore
from botk_adapters.sensors import PeriodicImport, synthetic_readings
from botk_adapters.sqlite import Database, SqliteThreadRepository
from botk_adapters.sqlite.documents import SqliteFtsDocumentStore
from botk_adapters.sqlite.measurements import SqliteMeasurementRepository
from botk_adapters.sqlite.rate_limits import database_writable
from botk_adapters.weather import parse_places, weather_provider
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
from botk_core.tools.diagnosis import diagnostico_tool
from botk_core.tools.measurements import promedio_estacional_tool, promedio_tool
from botk_core.tools.report import modify_document_tool
from botk_core.tools.weather import clima_tool
from botk_core.usecases import (
    GetHistory,
    ListAssistants,
    SendMessage,
    StartConversation,
    TurnRunner,
)
from botk_core.usecases.documents import AddDocuments, ListDocuments, RemoveDocument, SearchDocuments
from botk_core.usecases.import_measurements import load_synthetic_if_empty
from botk_core.usecases.ingest import IngestDocuments
from botk_core.usecases.usage import GetThreadUsage
from botk_web.settings import Settings, SettingsError


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
    storage: str = "sqlite"
    measurements: MeasurementRepository | None = None
    weather: WeatherProvider | None = None
    reports: ReportStore | None = None


def build_services(settings: Settings, **overrides: Any) -> Services:
    """Build every adapter and use case; ``overrides`` replace adapters by name.

    Accepted overrides: ``threads``, ``documents``, ``gateway``, ``tools``
    (an iterable of extra ``Tool``), ``clock``.
    """
    db = Database(settings.database_path)
    threads = overrides.get("threads") or SqliteThreadRepository(db)
    documents = overrides.get("documents") or SqliteFtsDocumentStore(db)
    gateway = overrides.get("gateway") or build_gateway(settings, documents)
    data = build_data_tools(settings, db, overrides)
    tools = ToolRegistry([search_documents_tool(documents), *data.tools, *_extra_tools(overrides)])
    profile = default_profile(
        settings.assistant_id,
        tool_names=[spec.name for spec in tools.specs()],
        vector_store_id=_vector_store_id(settings, db),
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
            "database": "ok" if database_writable(db) else "not_writable",
            "gateway": "ok" if getattr(gateway, "name", "") else "not_configured",
        },
        storage="custom" if _all_given(overrides, "threads", "documents") else "sqlite",
        measurements=data.measurements,
        weather=data.weather,
        reports=data.reports,
    )


@attrs.frozen
class DataTools:
    """The sensor, weather and report adapters and the tools built on them."""

    measurements: MeasurementRepository
    weather: WeatherProvider
    reports: ReportStore
    tools: tuple[Tool, ...]


def build_data_tools(settings: Settings, db: Database, overrides: dict[str, Any]) -> DataTools:
    """Overrides ``measurements``, ``weather``, ``reports`` replace the adapters.

    The default SQLite store gets synthetic demonstration readings while it has none.
    """
    measurements = overrides.get("measurements") or SqliteMeasurementRepository(db)
    clock = overrides.get("clock") or time.time
    if "measurements" not in overrides and settings.synthetic_data:
        load_synthetic_if_empty(measurements, lambda: synthetic_readings(clock()))
    weather = overrides.get("weather") or weather_provider(
        settings.weatherapi_key, parse_places(settings.weather_places)
    )
    reports = overrides.get("reports") or FilesystemReportStore(
        settings.reports_dir, settings.latex_template_path
    )
    tools = (
        promedio_tool(measurements, clock),
        promedio_estacional_tool(measurements),
        clima_tool(weather),
        diagnostico_tool(measurements, weather, clock),
        modify_document_tool(reports),
    )
    return DataTools(measurements, weather, reports, tools)


def build_gateway(settings: Settings, documents: DocumentStore) -> AssistantGateway:
    """The gateway named by ``BOTK_GATEWAY``."""
    if settings.gateway == "local":
        return LocalAssistantGateway()
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


def _vector_store_id(settings: Settings, db: Database) -> str | None:
    # Only the Responses gateway searches an OpenAI vector store; the others search locally.
    if settings.gateway == "openai":
        return current_vector_store_id(db, settings.vector_store_id, settings.assistant_id)
    return settings.vector_store_id or "local"


def _extra_tools(overrides: dict[str, Any]) -> list[Tool]:
    return list(overrides.get("tools") or [])


def _all_given(overrides: dict[str, Any], *names: str) -> bool:
    return all(overrides.get(name) is not None for name in names)


def start_sensor_refresh(services: Services) -> PeriodicImport | None:
    """Re-import ``SENSOR_DATA_URL`` every ``SENSOR_REFRESH_MINUTES`` while serving (0 = never)."""
    settings = services.settings
    if not (settings.sensor_data_url and settings.sensor_refresh_minutes and services.measurements):
        return None
    every = settings.sensor_refresh_minutes * 60
    job = PeriodicImport(settings.sensor_data_url, services.measurements, every)
    job.start()
    return job
