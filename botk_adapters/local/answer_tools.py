"""Answer writers for the data tools' outputs."""

from __future__ import annotations

from botk_adapters.local.answers import Writer

TOOL_WRITERS: dict[str, Writer] = {}
