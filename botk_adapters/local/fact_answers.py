"""Answers from table cells: one sentence for a cell, a short list for a row or a column."""

from __future__ import annotations

from botk_adapters.local.fact_over import (
    campaign_label,
    distinct,
    highest,
    listing_none,
    over_only,
    where_when,
)
from botk_adapters.local.facts import Cell, Selection
from botk_adapters.local.intents import yes_no
from botk_adapters.local.question import Question
from botk_adapters.local.reply import Answer
from botk_adapters.local.sources import citation, fact_location, source_line
from botk_adapters.local.wording import (
    campaign_phrase,
    comparison,
    is_over,
    limit_text,
    mark_note,
    parameter_phrase,
    reading,
    short_reading,
)

MAX_LIST = 15


def write_selection(question: Question, selection: Selection) -> Answer:
    """The answer for one table's selection (a not-found shape is handled by the caller)."""
    writers = {"cell": _cell, "row": _row, "column": _column, "table": _table, "limit": _limit}
    return writers[selection.shape](question, list(selection.cells))


def _cell(question: Question, cells: list[Cell]) -> Answer:
    cell = cells[0]
    fact = cell.fact
    where = f" en {cell.place}" if cell.place else ""
    sentence = f"{campaign_phrase(cell)} {parameter_phrase(fact)}{where} {reading(fact)}{comparison(fact)}."
    sentence = sentence.strip()
    sentence = sentence[:1].upper() + sentence[1:]
    if yes_no(question.intent):
        sentence = f"{_verdict(question, [cell])}: {sentence[:1].lower()}{sentence[1:]}"
    note = mark_note(fact)
    sentence = f"{sentence}\n{note}" if note else sentence
    location = fact_location(fact)
    return Answer(f"{sentence}\n{source_line(cell.found, location)}", (citation(cell.found, location),))


def _row(question: Question, cells: list[Cell]) -> Answer:
    first = cells[0]
    limit = limit_text(first.fact)
    head = (
        f"{_capital(parameter_phrase(first.fact))} en {first.place or ' '.join(first.fact.row)}, por campaña"
    )
    head += f" (límite {limit}):" if limit else ":"
    shown, head, closing = over_only(question, cells, head, "campañas")
    lines = [f"- {campaign_label(c)}: {short_reading(c.fact)}" for c in shown[:MAX_LIST]]
    location = fact_location(first.fact, "row")
    return _listed(question, shown or cells, head, [*lines, *closing], location)


def _column(question: Question, cells: list[Cell]) -> Answer:
    first = cells[0]
    limit = limit_text(first.fact)
    head = f"{_capital(parameter_phrase(first.fact))} {campaign_phrase(first)}, por punto de muestreo"
    head += f" (límite {limit}):" if limit else ":"
    shown, head, closing = over_only(question, cells, head, "puntos de muestreo")
    lines = [f"- {' '.join(distinct(c.fact.row))}: {short_reading(c.fact)}" for c in shown[:MAX_LIST]]
    location = fact_location(first.fact, "column")
    return _listed(question, shown or cells, head, [*lines, *closing], location)


def _table(question: Question, cells: list[Cell]) -> Answer:
    """Many rows and campaigns: the cells over the limit (or that none is), and the highest value."""
    first = cells[0]
    limit = limit_text(first.fact)
    over = [c for c in cells if is_over(c.fact)]
    name = parameter_phrase(first.fact)
    if over:
        bound = f"el límite de {limit}" if limit else "el límite permitido (la tabla lo marca)"
        head = f"{_capital(name)} superó {bound} en {len(over)} de {len(cells)} mediciones:"
        lines = [f"- {where_when(c)}: {short_reading(c.fact)}" for c in over[:MAX_LIST]]
    elif not any(is_over(c.fact) is not None for c in cells):
        table = name.split(" ", 1)[1] + (f" ({first.fact.table})" if first.fact.table else "")
        head = f"La tabla de {table} no indica un límite permitido: no puedo decir si algún valor lo supera."
        return _listed(question, cells, head, highest(cells), fact_location(first.fact, ""), verdict=False)
    else:
        compared = len([c for c in cells if is_over(c.fact) is not None])
        head = f"Ninguna de las {compared} mediciones de {name.split(' ', 1)[1]} supera el límite de {limit}."
        head = f"Ninguno: {head[:1].lower()}{head[1:]}" if listing_none(question, cells) else head
        lines = highest(cells)
    location = fact_location(first.fact, "")
    return _listed(question, cells, head, lines, location)


def _limit(question: Question, cells: list[Cell]) -> Answer:
    fact = cells[0].fact
    limit = limit_text(fact)
    name = parameter_phrase(fact)
    if not limit:
        # Nothing in the documents answers: said as every such answer is, with no figure and no source.
        return Answer(
            f"No lo encontré: la tabla de {name.split(' ', 1)[1]} no indica un límite permitido.", found=False
        )
    else:
        table = fact.table or "tabla del informe"
        text = f"El límite máximo permitido para {name} es {limit}, según la {table}."
    location = fact_location(fact, "")
    return Answer(f"{text}\n{source_line(cells[0].found, location)}", (citation(cells[0].found, location),))


def _listed(
    question: Question, cells: list[Cell], head: str, lines: list[str], location: str, verdict: bool = True
) -> Answer:
    # «¿Dónde salió alto ...?» is answered by the list itself; «¿salió alto ...?» by «Sí» or «No» first.
    verdict = verdict and yes_no(question.intent) and not question.which
    if verdict and not head.startswith(("Sí:", "Ninguno:")):
        head = f"{_verdict(question, cells)}. {head}"
    more = [f"(y {len(cells) - MAX_LIST} más en la tabla)"] if len(cells) > MAX_LIST else []
    text = "\n".join([head, *lines, *more, source_line(cells[0].found, location)])
    if len({c.row_key for c in cells}) == 1:
        return Answer(text, (citation(cells[0].found, location, "\n".join(c.found.text for c in cells)),))
    # Several rows: each listed cell is cited with its own table, row and column.
    return Answer(text, tuple(citation(c.found, fact_location(c.fact)) for c in cells[:MAX_LIST]))


def _verdict(question: Question, cells: list[Cell]) -> str:
    """«Sí» or «No» to «¿está sobre la norma?» (any over) or «¿cumple?» (none over)."""
    states = [is_over(c.fact) for c in cells]
    if all(state is None for state in states):
        if all(c.fact.kind == "not_measured" for c in cells):
            return "No lo puedo comparar: no se midió"
        if not any(limit_text(c.fact) for c in cells):
            return "No lo puedo comparar: la tabla no indica un límite"
        return "No lo puedo comparar"
    over = any(states)
    return "Sí" if over == (question.intent == "over") else "No"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
