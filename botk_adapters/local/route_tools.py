"""Routes for the data tools (weather, sensors, diagnosis, report); tried before search."""

from __future__ import annotations

from botk_adapters.local.routing import Route

TOOL_ROUTES: list[Route] = []
