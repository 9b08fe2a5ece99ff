"""The composition root: every adapter, use case and decorator of BOTK, built from settings.

``bootstrap(settings, gateway=..., threads=...)`` takes one keyword per part that
may be replaced (a misspelt one is a ``TypeError``). Parts are built on first
use, so a command builds only what it needs: ``botk docs list`` opens the
database and the document store, never a model gateway or sensor data.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from functools import cached_property

from botk_adapters.documents import default_reader
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
from botk_core.usecases import GetHistory, ListAssistants, SendMessage, StartConversation, TurnRunner
from botk_core.usecases.parse_slots import ParseSlots
from botk_core.usecases.send_message import TurnLimits
from botk_core.usecases.threads import DeleteThread, PruneThreads
from botk_core.usecases.usage import GetThreadUsage
from botk_web.documents_wiring import DocumentUseCases, document_use_cases
from botk_web.gateways import vector_store_id
from botk_web.limits import file_budget, upload_budget
from botk_web.observability import ObservedSendMessage
from botk_web.parts import Parts
from botk_web.ratelimit import TokenBuckets
from botk_web.settings import Settings
from botk_web.wired_adapters import WiredAdapters


def bootstrap(
    settings: Settings,
    *,
    threads: ThreadRepository | None = None,
    documents: DocumentStore | None = None,
    gateway: AssistantGateway | None = None,
    measurements: MeasurementRepository | None = None,
    weather: WeatherProvider | None = None,
    reports: ReportStore | None = None,
    rate_limits: TokenBuckets | None = None,
    extra_tools: Sequence[Tool] = (),
    clock: Callable[[], float] = time.time,
) -> Services:
    """Every part of BOTK for ``settings``; each keyword replaces one adapter."""
    parts = Parts(
        threads, documents, gateway, measurements, weather, reports, rate_limits, tuple(extra_tools), clock
    )
    return Services(settings, parts)


class Services(WiredAdapters):
    """The wired use cases, each built once, on first use, on the adapters of ``WiredAdapters``."""

    @cached_property
    def tools(self) -> ToolRegistry:
        return ToolRegistry(
            [search_documents_tool(self.documents), *self.data.tools, *self.parts.extra_tools]
        )

    @cached_property
    def assistants(self) -> AssistantCatalog:
        profile = default_profile(
            self.settings.assistant_id,
            tool_names=[spec.name for spec in self.tools.specs()],
            vector_store_id=vector_store_id(self.settings, self.storage.vector_state),
        )
        return AssistantCatalog([profile])

    @cached_property
    def document_use_cases(self) -> DocumentUseCases:
        settings = self.settings
        return document_use_cases(
            self.documents,
            default_reader(file_budget(settings)),
            self.parts.clock,
            shared_folder=settings.documents_dir,
            slots=ParseSlots(settings.parse_slots, settings.parse_wait_seconds),
            upload_reader=default_reader(upload_budget(settings)),
        )

    @cached_property
    def start_conversation(self) -> StartConversation:
        return StartConversation(self.threads, self.assistants, self.parts.clock)

    @cached_property
    def send_message(self) -> ObservedSendMessage:
        settings = self.settings
        send = SendMessage(
            self.threads,
            self.assistants,
            TurnRunner(self.gateway, self.tools, max_rounds=settings.max_tool_rounds),
            attachments=self.document_use_cases.add,
            limits=TurnLimits(
                settings.history_window, settings.max_message_chars, settings.max_thread_messages
            ),
            clock=self.parts.clock,
        )
        return ObservedSendMessage(send, log_messages=settings.log_messages)

    @cached_property
    def get_history(self) -> GetHistory:
        return GetHistory(self.threads)

    @cached_property
    def list_assistants(self) -> ListAssistants:
        return ListAssistants(self.assistants)

    @cached_property
    def get_usage(self) -> GetThreadUsage:
        return GetThreadUsage(self.threads)

    @cached_property
    def delete_thread(self) -> DeleteThread:
        return DeleteThread(self.threads, self.reports)

    @cached_property
    def prune_threads(self) -> PruneThreads:
        return PruneThreads(self.threads, self.reports, self.parts.clock)

    def readiness(self) -> dict[str, str]:
        """What ``/ready`` checks: storage that takes writes and a configured gateway."""
        return {
            "database": "ok" if self.storage.writable() else "not_writable",
            "gateway": "ok" if getattr(self.gateway, "name", "") else "not_configured",
        }

    def serving(self) -> Services:
        """Build every part a server uses now, so that a bad setting stops the start, not a request."""
        _ = (
            self.send_message,
            self.start_conversation,
            self.get_history,
            self.document_use_cases,
            self.rate_limits,
        )
        self.threads.recover_turns()
        if self.parts.threads is None:
            self.storage.start_upkeep()
        return self
