"""Domain value types, immutable: conversations, documents, sensor readings and weather."""

from botk_core.domain.conversation import (
    AssistantProfile,
    Citation,
    Message,
    MessagePage,
    MessageStatus,
    Role,
    Thread,
    ToolCall,
    ToolRun,
    ToolSpec,
    Usage,
)
from botk_core.domain.documents import Chunk, DocumentInfo, Passage, TableFact, ValueKind
from botk_core.domain.sensors import CLEAN, MEASURED, MISSING, Averages, Bucket, Flag, Flags, LeftOut, Reading
from botk_core.domain.turns import AcceptedTurn, is_reserved_key, reply_key
from botk_core.domain.weather import CurrentWeather, DailyForecast, WeatherReport

__all__ = [
    "CLEAN",
    "MEASURED",
    "MISSING",
    "AcceptedTurn",
    "AssistantProfile",
    "Averages",
    "Bucket",
    "Chunk",
    "Citation",
    "CurrentWeather",
    "DailyForecast",
    "DocumentInfo",
    "Flag",
    "Flags",
    "LeftOut",
    "Message",
    "MessagePage",
    "MessageStatus",
    "Passage",
    "Reading",
    "Role",
    "TableFact",
    "Thread",
    "ToolCall",
    "ToolRun",
    "ToolSpec",
    "Usage",
    "ValueKind",
    "WeatherReport",
    "is_reserved_key",
    "reply_key",
]
