"""Writing Spanish answers from tool outputs, for the offline gateway."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs

from botk_adapters.local.text import best_excerpt, keywords
from botk_core.domain import Citation


@attrs.frozen
class Answer:
    """A piece of the final answer and the sources it quotes."""

    text: str
    citations: tuple[Citation, ...] = ()


# A writer gets the tool's parsed output and the user's question.
Writer = Callable[[Mapping[str, Any], str], Answer]

NOTHING_FOUND = (
    "No encontré información sobre eso en los documentos disponibles. "
    "Prueba con otras palabras, o agrega el documento que corresponda a la carpeta de documentos."
)
MAX_QUOTES = 3


def write_search_answer(output: Mapping[str, Any], question: str) -> Answer:
    """Quote the best passages with their document and section."""
    results = [r for r in output.get("results", []) if _relevant(r, question)]
    if not results:
        return Answer(NOTHING_FOUND)
    lines = ["Esto es lo que dicen los documentos:"]
    citations = []
    for result in results[:MAX_QUOTES]:
        quote = best_excerpt(result["text"], question)
        place = f", {result['location']}" if result.get("location") else ""
        lines.append(f"- «{quote}» (Fuente: {result['document']}{place})")
        citations.append(
            Citation(result["document"], result.get("location", ""), quote, result.get("document_id", ""))
        )
    return Answer("\n".join(lines), tuple(citations))


def write_error(tool: str, output: Mapping[str, Any]) -> Answer:
    return Answer(f"No pude completar la consulta ({tool}): {output['error']}")


def _relevant(result: Mapping[str, Any], question: str) -> bool:
    """A passage is relevant when it shares a meaningful word (by stem) with the question."""
    wanted = {w[:5] for w in keywords(question)}
    have = {w[:5] for w in keywords(result.get("text", "") + " " + result.get("location", ""))}
    return not wanted or bool(wanted & have)
