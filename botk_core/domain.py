"""Domain value types: threads, messages, citations, tool calls, passages."""

from __future__ import annotations

from typing import Literal

import attrs

Role = Literal["user", "assistant"]
MessageStatus = Literal["completed", "pending", "failed"]


@attrs.frozen
class Usage:
    """Tokens a turn consumed at the model provider."""

    input_tokens: int = 0
    output_tokens: int = 0
    cached_tokens: int = 0

    @property
    def total_tokens(self) -> int:
        return self.input_tokens + self.output_tokens

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            self.input_tokens + other.input_tokens,
            self.output_tokens + other.output_tokens,
            self.cached_tokens + other.cached_tokens,
        )


@attrs.frozen
class Citation:
    """Where a piece of an answer comes from: document, location and quote."""

    document: str
    location: str = ""
    quote: str = ""
    document_id: str = ""


@attrs.frozen
class Passage:
    """A searchable piece of a document, as returned by a search.

    ``location`` says where in the document (section, page or table);
    ``score`` is relevance, higher is better, comparable within one search.
    """

    document_id: str
    document: str
    location: str
    text: str
    score: float = 0.0

    def citation(self, quote_chars: int = 300) -> Citation:
        return Citation(self.document, self.location, self.text[:quote_chars], self.document_id)


@attrs.frozen
class ToolCall:
    """The model asks for one tool run; ``arguments`` is the raw JSON text."""

    call_id: str
    name: str
    arguments: str


@attrs.frozen
class ToolRun:
    """One executed tool call and its JSON output, as kept on the message."""

    call_id: str
    name: str
    arguments: str
    output: str
    is_error: bool = False
    citations: tuple[Citation, ...] = ()


@attrs.frozen
class Thread:
    """A conversation owned by BOTK."""

    id: str
    assistant_id: str
    created_at: float


@attrs.frozen
class Message:
    """One stored message of a thread."""

    id: str
    thread_id: str
    role: Role
    content: str
    created_at: float
    status: MessageStatus = "completed"
    citations: tuple[Citation, ...] = ()
    tool_runs: tuple[ToolRun, ...] = ()
    usage: Usage | None = None
    client_message_id: str | None = None


@attrs.frozen
class MessagePage:
    """A page of messages plus whether more lie beyond it."""

    messages: tuple[Message, ...]
    has_more: bool


@attrs.frozen
class ToolSpec:
    """A tool as the model sees it: name, description and JSON schema."""

    name: str
    description: str
    parameters: dict[str, object] = attrs.field(factory=dict, hash=False)


@attrs.frozen
class AssistantProfile:
    """BOTK's replacement for an OpenAI assistant: our own configuration."""

    id: str
    name: str
    instructions: str
    tool_names: tuple[str, ...] = ()
    vector_store_id: str | None = None


@attrs.frozen
class DocumentInfo:
    """A document known to a DocumentStore."""

    id: str
    name: str
    content_hash: str
    chunk_count: int = 0
    added_at: float = 0.0
    # Where the document came from ("dir:<folder>", "upload"), so that a folder
    # ingest only removes what an earlier ingest of that folder added.
    source: str = ""


@attrs.frozen
class Chunk:
    """A piece of a document to index, with where it came from."""

    text: str
    location: str = ""


@attrs.frozen
class CurrentWeather:
    """Weather now at a place."""

    temp_c: float
    humidity: float
    condition: str
    is_day: bool


@attrs.frozen
class DailyForecast:
    """One day of forecast; ``daily_chance_of_rain`` is None when the provider did not know it."""

    date: str
    maxtemp_c: float
    mintemp_c: float
    avgtemp_c: float
    daily_chance_of_rain: float | None


@attrs.frozen
class WeatherReport:
    """Current weather and a daily forecast for a place."""

    location: str
    current: CurrentWeather
    forecast: tuple[DailyForecast, ...]


@attrs.frozen
class Reading:
    """One sensor reading of a station (the seed's record, §6).

    ``synthetic`` marks demonstration data that is not a real measurement.
    """

    id_dato: int
    estacion: str
    timestamp: float
    location: str = ""
    dispositivo: str = ""
    bateria: float | None = None
    humedad: float | None = None
    nivel: float | None = None
    temperatura: float | None = None
    synthetic: bool = False


@attrs.frozen
class Averages:
    """Means of the readings of a window; a mean is None when no value counted."""

    temperatura: float | None
    humedad: float | None
    nivel: float | None
    n: int
    first_timestamp: float | None = None
    last_timestamp: float | None = None
