"""The evaluation file, read into typed conversations (format: README, «Evaluar las respuestas»).

```
{"description": "...", "documents": "carpeta relativa al archivo (opcional)",
 "conversations": [{"id": "c001", "tags": [...], "turns": [
     {"ask": "...", "expect": ["0,0140"], "expect_any": [["a", "b"], ["c"]],
      "document": "informe" | "documents": ["a", "b"], "not_found": true}]}]}
```
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from botk_core.errors import InvalidInput


@attrs.frozen
class EvalTurn:
    """One question and what its answer must hold; a turn that says nothing is asked, not scored."""

    ask: str
    expect: tuple[str, ...] = ()
    expect_any: tuple[tuple[str, ...], ...] = ()
    documents: tuple[str, ...] = ()
    not_found: bool = False

    @property
    def scored(self) -> bool:
        return bool(self.expect or self.expect_any or self.documents or self.not_found)


@attrs.frozen
class EvalConversation:
    """Turns asked in order in one fresh thread."""

    id: str
    turns: tuple[EvalTurn, ...]
    tags: tuple[str, ...] = ()


@attrs.frozen
class EvalCase:
    """A whole evaluation file."""

    conversations: tuple[EvalConversation, ...]
    description: str = ""
    documents: str | None = None


def parse_cases(data: object) -> EvalCase:
    """Read the JSON of an evaluation file; a malformed one raises InvalidInput naming the place."""
    if not isinstance(data, Mapping) or not isinstance(data.get("conversations"), list):
        raise InvalidInput("el archivo debe ser un objeto JSON con una lista «conversations»")
    conversations = tuple(_conversation(c, n) for n, c in enumerate(data["conversations"], start=1))
    documents = data.get("documents")
    if documents is not None and not isinstance(documents, str):
        raise InvalidInput("«documents» debe ser el nombre de una carpeta")
    return EvalCase(conversations, str(data.get("description") or ""), documents)


def _conversation(data: Any, number: int) -> EvalConversation:
    if not isinstance(data, Mapping) or not isinstance(data.get("turns"), list) or not data["turns"]:
        raise InvalidInput(f"conversación {number}: debe tener una lista «turns» con al menos un turno")
    name = str(data.get("id") or f"c{number:03d}")
    turns = tuple(_turn(t, f"{name}, turno {i}") for i, t in enumerate(data["turns"], start=1))
    return EvalConversation(name, turns, tuple(str(tag) for tag in data.get("tags") or ()))


def _turn(data: Any, where: str) -> EvalTurn:
    if not isinstance(data, Mapping) or not isinstance(data.get("ask"), str) or not data["ask"].strip():
        raise InvalidInput(f"{where}: falta «ask» (la pregunta)")
    documents = data.get("documents") or ([data["document"]] if data.get("document") else [])
    return EvalTurn(
        ask=data["ask"],
        expect=_strings(data.get("expect"), f"{where}: «expect»"),
        expect_any=tuple(_strings(group, f"{where}: «expect_any»") for group in data.get("expect_any") or ()),
        documents=_strings(documents, f"{where}: «documents»"),
        not_found=bool(data.get("not_found")),
    )


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InvalidInput(f"{where} debe ser una lista de textos")
    return tuple(value)
