"""Answers about a lab report's structure, from its tables' outlines: points, campaigns, parameters, codes.

Each list is the union over all the report's tables (a point or a campaign
that only some tables have says which), in the tables' order; campaigns in
time order. A document's part ends with its source: the tables it read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from botk_adapters.local.fact_places import natural_order
from botk_adapters.local.matching import phrase_variants, similar
from botk_adapters.local.outline_campaigns import write_campaigns
from botk_adapters.local.outline_labels import ROW_SEPARATOR, only, row_label, union
from botk_adapters.local.outline_questions import StructureAsk
from botk_adapters.local.phonetic import sounds_alike
from botk_adapters.local.reply import Answer
from botk_adapters.local.sources import citation, is_code, source_line
from botk_adapters.local.table_cells import is_outline
from botk_core.text import STOP_WORDS, words
from botk_core.tools.search import FoundPassage

__all__ = ["write_structure"]

_MAX_DOCUMENTS = 3
# A part of the answer: its text and the passages it read (the outlines, maybe a sentence of prose).
Written = tuple[str, list[FoundPassage]]


def write_structure(ask: StructureAsk, results: Sequence[FoundPassage]) -> Answer | None:
    """The answer from the outlines among ``results``; None when none is there or no point is named."""
    documents: dict[str, list[FoundPassage]] = {}
    for found in results:
        if is_outline(found.fact):
            documents.setdefault(found.document_id or found.document, []).append(found)
    parts = []
    for outlines in list(documents.values())[:_MAX_DOCUMENTS]:
        outlines.sort(key=lambda f: natural_order((f.fact.table,) if f.fact else ()))
        written = _WRITERS[ask.kind](ask, outlines, results)
        if written is not None:
            parts.append(_sourced(*written))
    if not parts:
        return None
    return Answer("\n\n".join(p.text for p in parts), tuple(c for p in parts for c in p.citations))


def _points(ask: StructureAsk, outlines: list[FoundPassage], results: Sequence[FoundPassage] = ()) -> Written:
    rows = union(outlines, lambda f: f.row)
    lines = [f"- {row_label(row)}{only(tables, outlines, ' (solo en {})')}" for row, tables in rows.items()]
    return "\n".join([f"El informe tiene {len(rows)} puntos de muestreo:", *lines]), outlines


def _parameters(ask: StructureAsk, outlines: list[FoundPassage], results: Sequence[FoundPassage]) -> Written:
    seen: dict[tuple[str, str], str] = {}
    for found in outlines:
        if found.fact:
            seen.setdefault((found.fact.parameter, found.fact.unit), found.fact.table)
    lines = [f"- {name}{f' ({unit})' if unit else ''}, {table}" for (name, unit), table in seen.items()]
    return "\n".join([f"El informe analizó {len(seen)} parámetros, uno por tabla:", *lines]), outlines


def _code(ask: StructureAsk, outlines: list[FoundPassage], results: Sequence[FoundPassage]) -> Written | None:
    rows = list(union(outlines, lambda f: f.row))
    wanted = tuple(w for w in ask.place if w not in STOP_WORDS)
    if not wanted:
        return _points(ask, outlines)
    scores = {row: _score(wanted, row) for row in rows}
    best = max(scores.values(), default=0.0)
    if best <= 0:
        return None
    named = [row for row in rows if scores[row] == best]
    if len(named) > 1:
        lines = [f"- {row_label(row)}" for row in named]
        head = f"Hay {len(named)} puntos de muestreo que calzan con «{' '.join(wanted)}»:"
        return "\n".join([head, *lines]), _having(named, outlines)
    labels = named[0].split(ROW_SEPARATOR)
    code = next((label for label in labels if is_code(label)), "")
    place = " ".join(label for label in labels if label != code)
    if not code:
        return f"El punto {place} no tiene un código en las tablas del informe.", _having(named, outlines)
    return f"El código del punto {place} es {code}.", _having(named, outlines)


_Writer = Callable[[StructureAsk, list[FoundPassage], Sequence[FoundPassage]], Written | None]
_WRITERS: dict[str, _Writer] = {
    "points": _points,
    "campaigns": write_campaigns,
    "parameters": _parameters,
    "code": _code,
}


def _having(rows: list[str], outlines: list[FoundPassage]) -> list[FoundPassage]:
    """The first outline that has each of ``rows``: where a point's code is read."""
    firsts = [next(o for o in outlines if o.fact and row in o.fact.row) for row in rows]
    return list({id(o): o for o in firsts}.values())


def _score(wanted: tuple[str, ...], row: str) -> float:
    have = words(row)
    return max(
        sum(1 for w in v if any(similar(w, h) or sounds_alike(w, h) for h in have)) / len(v)
        for v in phrase_variants(wanted)
    )


def _sourced(text: str, passages: list[FoundPassage]) -> Answer:
    """The part with its sources: the tables it read (first to last), then any passage of prose."""
    outlines = [p for p in passages if is_outline(p.fact)]
    tables = [o.fact.table for o in outlines if o.fact and o.fact.table]
    location = tables[0] if len(tables) == 1 else f"{tables[0]} a {tables[-1]} ({len(tables)} tablas)"
    lines = [source_line(outlines[0], location if tables else None)]
    lines += [source_line(p) for p in passages if not is_outline(p.fact)]
    cited = tuple(citation(p, p.location) for p in passages)
    return Answer("\n".join([text, *lines]), cited)
