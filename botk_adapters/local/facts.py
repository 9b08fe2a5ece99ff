"""Choosing the table cells that answer a question: parameter, then place, then campaign."""

from __future__ import annotations

from typing import Literal

import attrs

from botk_adapters.local.fact_campaigns import in_campaign
from botk_adapters.local.fact_places import named_place, named_rows, natural_order
from botk_adapters.local.fact_upkeep import device_words, upkeep_asked
from botk_adapters.local.matching import similar
from botk_adapters.local.question import Question
from botk_adapters.local.table_cells import Cell, cells_of, column_label, is_cell
from botk_adapters.local.vocabulary import PARAMETER_NAMES, WEAK_WORDS
from botk_core.text import STOP_WORDS, stem, words

__all__ = ["Cell", "Selection", "Shape", "cells_of", "is_cell", "named_place", "parameter_cells", "select"]

Shape = Literal["cell", "row", "column", "table", "limit", "no_parameter", "no_place", "no_campaign"]


@attrs.frozen
class Selection:
    """The cells of one table that answer, and the shape of the answer."""

    shape: Shape
    cells: tuple[Cell, ...] = ()


def parameter_cells(question: Question, cells: list[Cell]) -> list[Cell]:
    """The cells of the question's parameter; an unlisted parameter is matched by its words."""
    if question.parameter:
        names = [n for n, canonical in PARAMETER_NAMES.items() if canonical == question.parameter]
        return [c for c in cells if any(_names(c, name) for name in names)]
    if upkeep_asked(question.text):
        return []  # "¿cada cuánto se calibra el sensor de cloro?" asks the manual, not a table
    device = device_words(question.text)
    asked = [w for w in question.content_words() if w not in WEAK_WORDS and len(w) >= 4 and w not in device]
    return [c for c in cells if asked and any(similar(w, p) for w in asked for p in _parameter_words(c))]


def select(question: Question, cells: list[Cell]) -> list[Selection]:
    """One selection per matching table (several when "cloro" names two tables)."""
    matching = parameter_cells(question, cells)
    if not matching:
        return [Selection("no_parameter")] if question.tabular else []
    tables: dict[tuple[str, str], list[Cell]] = {}
    for cell in matching:
        tables.setdefault(cell.table_key, []).append(cell)
    return [_select_in_table(question, group) for group in list(tables.values())[:3]]


def _select_in_table(question: Question, cells: list[Cell]) -> Selection:
    place = named_place(question, cells)
    if question.intent == "limit" and not (place or question.campaign or question.other_place):
        return Selection("limit", (cells[0],))
    rows = named_rows(question, place, cells)
    if not rows:
        return Selection("no_place")
    chosen = [c for c in cells if c.row_key in rows]
    if question.campaign:
        chosen = in_campaign(question.campaign, chosen)
        if not chosen:
            return Selection("no_campaign")
    several_rows = len({c.row_key for c in chosen}) > 1
    several_campaigns = len({column_label(c) for c in chosen}) > 1
    shape: Shape = "table" if several_rows and several_campaigns else "column" if several_rows else "row"
    if not several_rows and not several_campaigns:
        shape = "cell"
    return Selection(shape, tuple(_ordered(chosen)))


def _ordered(cells: list[Cell]) -> list[Cell]:
    """Cells in reading order: by row code, then by campaign; duplicates (merged cells) once."""
    unique = {(c.row_key, column_label(c)): c for c in reversed(cells)}
    return sorted(
        unique.values(), key=lambda c: (natural_order(c.fact.row), c.campaign.order if c.campaign else (0, 0))
    )


def _names(cell: Cell, name: str) -> bool:
    # Exact words (or plurals): "nitrato" and "nitrito" are one letter apart and different things.
    have = {stem(w) for w in _parameter_words(cell)}
    return all(stem(w) in have for w in name.split())


def _parameter_words(cell: Cell) -> list[str]:
    text = cell.fact.parameter or cell.fact.caption
    return [w for w in words(text) if w not in STOP_WORDS]
