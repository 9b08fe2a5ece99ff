"""LocalAssistantGateway: the offline, deterministic default that needs no model."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from botk_adapters.local.answer_tools import TOOL_WRITERS
from botk_adapters.local.answers import Answer, Writer, write_error, write_search_answer
from botk_adapters.local.route_tools import TOOL_ROUTES
from botk_adapters.local.routing import Route, pick_route, search_route
from botk_core.domain import ToolCall
from botk_core.ids import new_id
from botk_core.model import GatewayEvent, ModelReply, ModelRequest, ReplyDone, TextDelta
from botk_core.text import fold

GREETING = (
    "Hola, soy BOTK, el asistente del monitoreo de agua de Macaya. Puedo buscar en los "
    "documentos técnicos de la comunidad y citar la fuente. Pregúntame, por ejemplo: "
    "«¿qué significa la luz roja del sensor?»"
)
LOCAL_NOTE = "(Modo local sin modelo de lenguaje: respondo solo con lo que dicen las fuentes.)"
_GREETING_WORDS = re.compile(r"^(hola|buenas|buenos dias|buenas tardes|ayuda|help|gracias)\b")
_SENTENCE = re.compile(r"((?<=[.!?:»)])\s+|\n)")


class LocalAssistantGateway:
    """Routes the last user message by keywords to a tool, then answers from its output.

    It never invents content: every answer is built from tool outputs, quoted.
    """

    name = "local"
    model = "botk-local"

    def __init__(self, routes: list[Route] | None = None, writers: dict[str, Writer] | None = None) -> None:
        self._routes = routes if routes is not None else [*TOOL_ROUTES, search_route()]
        self._writers = {"search_documents": write_search_answer, **TOOL_WRITERS, **(writers or {})}

    def reply(self, request: ModelRequest) -> ModelReply:
        question = request.last_user_text()
        outputs = request.tool_outputs_since_user()
        if outputs:
            answers = [self._write(o.name, o.output, question) for o in outputs]
            text = "\n\n".join(a.text for a in answers) + "\n\n" + LOCAL_NOTE
            return ModelReply(text=text, citations=tuple(c for a in answers for c in a.citations))
        if _GREETING_WORDS.match(fold(question)) and len(question.split()) <= 4:
            return ModelReply(text=GREETING)
        chosen = pick_route(self._routes, question, {spec.name for spec in request.tools})
        if chosen is None:
            return ModelReply(text="No tengo herramientas disponibles para responder eso sin un modelo.")
        tool, arguments = chosen
        call = ToolCall(new_id("call"), tool, json.dumps(arguments, ensure_ascii=False))
        return ModelReply(tool_calls=(call,))

    def stream(self, request: ModelRequest) -> Iterator[GatewayEvent]:
        """The same reply, streamed sentence by sentence."""
        reply = self.reply(request)
        parts = [*_SENTENCE.split(reply.text), ""]
        # split() with a group alternates text and separator; rejoin each pair.
        for piece, separator in zip(parts[::2], parts[1::2], strict=False):
            if piece or separator:
                yield TextDelta(piece + separator)
        yield ReplyDone(reply)

    def _write(self, tool: str, raw_output: str, question: str) -> Answer:
        try:
            output = json.loads(raw_output)
        except json.JSONDecodeError:
            return Answer(f"La herramienta {tool} devolvió una respuesta que no pude leer.")
        if isinstance(output, dict) and "error" in output:
            return write_error(tool, output)
        writer = self._writers.get(tool)
        if writer is None:
            return Answer(f"Resultado de {tool}: {raw_output}")
        return writer(output, question)
