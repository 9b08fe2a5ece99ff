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
from botk_core.domain.documents import (
    SAMPLE_PREFIX,
    Chunk,
    DocumentInfo,
    Passage,
    TableFact,
    ValueKind,
    is_sample,
    sample_warning,
)
from botk_core.domain.sensors import Averages, Reading
from botk_core.domain.weather import CurrentWeather, DailyForecast, WeatherReport

__all__ = [
    "SAMPLE_PREFIX",
    "AssistantProfile",
    "Averages",
    "Chunk",
    "Citation",
    "CurrentWeather",
    "DailyForecast",
    "DocumentInfo",
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
    "is_sample",
    "sample_warning",
]
