"""Writing Spanish answers from tool outputs, for the offline gateway."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs

from botk_adapters.local.text import best_excerpt
from botk_core.domain import Citation
from botk_core.text import keywords


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
PARTIAL_COVERAGE = 0.5
CLOSEST_ONLY = "No encontré una respuesta directa a tu pregunta. Lo más cercano que dicen los documentos es:"


def write_search_answer(output: Mapping[str, Any], question: str) -> Answer:
    """Quote the best passages with their document and section.

    Passages covering more than half of the question's words answer it; when
    the best ones cover exactly half, they are offered as the closest thing
    found, said plainly; below that, nothing is quoted.
    """
    scored = [(coverage(r, question), r) for r in output.get("results", [])]
    best = max((c for c, _ in scored), default=0.0)
    if best < PARTIAL_COVERAGE:
        return Answer(NOTHING_FOUND)
    header = "Esto es lo que dicen los documentos:" if best > PARTIAL_COVERAGE else CLOSEST_ONLY
    lines, citations = [header], []
    for _, result in [(c, r) for c, r in scored if c >= PARTIAL_COVERAGE][:MAX_QUOTES]:
        quote = best_excerpt(result["text"], question)
        place = f", {result['location']}" if result.get("location") else ""
        lines.append(f"- «{quote}» (Fuente: {result['document']}{place})")
        citations.append(
            Citation(result["document"], result.get("location", ""), quote, result.get("document_id", ""))
        )
    return Answer("\n".join(lines), tuple(citations))


def write_error(tool: str, output: Mapping[str, Any]) -> Answer:
    """The tool's error as the user reads it, never with the tool's name.

    A message that is already a sentence (capitalised) is said as it is.
    """
    message = str(output["error"]).strip()
    if message[:1].isupper():
        return Answer(message)
    return Answer(f"No pude completar la consulta: {message}")


def coverage(result: Mapping[str, Any], question: str) -> float:
    """The share of the question's words (by stem) that a passage or its heading contains.

    One shared word is not enough: "¿qué vacunas necesitan las llamas?" shares
    "necesitan" with a passage on irrigation, and quoting it would mislead.
    """
    wanted = {w[:5] for w in keywords(question)}
    if not wanted:
        return 1.0
    have = {w[:5] for w in keywords(result.get("text", "") + " " + result.get("location", ""))}
    return len(wanted & have) / len(wanted)
