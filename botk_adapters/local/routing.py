"""Keyword routing of a user's request to a tool call, for the offline gateway."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs

from botk_core.text import fold

# A matcher gets the folded text and the original text; it returns the tool's
# arguments when the request is for that tool, else None.
Matcher = Callable[[str, str], Mapping[str, Any] | None]


@attrs.frozen
class Route:
    """Send requests that ``matcher`` accepts to the tool ``tool``."""

    tool: str
    matcher: Matcher


def search_route() -> Route:
    """The fallback: any request becomes a document search."""
    return Route("search_documents", lambda folded, original: {"query": original.strip()[:500]})


def pick_route(routes: list[Route], text: str, available: set[str]) -> tuple[str, Mapping[str, Any]] | None:
    """The first route whose tool is offered and whose matcher accepts ``text``."""
    folded = fold(text)
    for route in routes:
        if route.tool not in available:
            continue
        arguments = route.matcher(folded, text)
        if arguments is not None:
            return route.tool, arguments
    return None
