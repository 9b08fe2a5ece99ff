"""«¿Qué puntos pasaron la norma?»: only the cells over the limit, or «Ninguno» with the highest value.

A cell is over its limit by the table's mark (``*``) or, where the table
marks nothing, by comparing its value with the limit the caption gives.
"""

from __future__ import annotations

from botk_adapters.local.facts import Cell
from botk_adapters.local.question import Question
from botk_adapters.local.wording import campaign_phrase, is_over, limit_text, parameter_phrase, short_reading


def over_only(
    question: Question, cells: list[Cell], head: str, what: str
) -> tuple[list[Cell], str, list[str]]:
    """The cells to list, the head line and any closing line, for a row («campañas») or a column.

    «¿En qué puntos se pasó ...?» lists those over and says how many of all;
    when none is over, it says «Ninguno» and gives the highest value.
    """
    over = [c for c in cells if is_over(c.fact)]
    if question.intent != "over" or not (over or listing_none(question, cells)):
        return cells, head, []
    first = cells[0]
    limit = limit_text(first.fact)
    bound = f"el límite de {limit}" if limit else "el límite permitido"
    scope = campaign_phrase(first) if what != "campañas" else f"en {first.place or ' '.join(first.fact.row)}"
    name = parameter_phrase(first.fact)
    if over:
        return over, f"Sí: {name} {scope} superó {bound} en {len(over)} de {len(cells)} {what}:", []
    compared = len([c for c in cells if is_over(c.fact) is not None])
    none = f"ninguna de las {compared}" if what == "campañas" else f"ninguno de los {compared}"
    return [], f"Ninguno: {name} {scope} no superó {bound} en {none} {what} con medición.", highest(cells)


def listing_none(question: Question, cells: list[Cell]) -> bool:
    """Whether a «¿qué puntos ...?» over-limit question has its answer «ninguno» (some cell compared)."""
    comparable = [c for c in cells if is_over(c.fact) is not None]
    return question.which and bool(comparable) and not any(is_over(c.fact) for c in comparable)


def highest(cells: list[Cell]) -> list[str]:
    """«El valor más alto fue ...», for a list where nothing is over the limit."""
    measured = [c for c in cells if c.fact.number is not None and c.fact.kind == "value"]
    top = max(measured, key=lambda c: c.fact.number or 0.0, default=None)
    return [f"El valor más alto fue {short_reading(top.fact)} ({where_when(top)})."] if top else []


def where_when(cell: Cell) -> str:
    """«CH-03 Chusmiza Pozo, agosto de 2023»: a cell's row and campaign for a list line."""
    return f"{' '.join(distinct(cell.fact.row))}, {campaign_label(cell)}"


def campaign_label(cell: Cell) -> str:
    return cell.campaign.describe() if cell.campaign else (cell.fact.column[-1] if cell.fact.column else "")


def distinct(labels: tuple[str, ...]) -> list[str]:
    return list(dict.fromkeys(label for label in labels if label))
