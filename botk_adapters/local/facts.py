"""Choosing the table cells that answer a question: parameter, then place, then campaign."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import attrs

from botk_adapters.local.dates import Campaign, find_campaign
from botk_adapters.local.limits import with_caption_limit
from botk_adapters.local.matching import phrase_variants, similar
from botk_adapters.local.ordinals import names_number
from botk_adapters.local.question import Question
from botk_adapters.local.sources import is_code
from botk_adapters.local.vocabulary import PARAMETER_NAMES, WEAK_WORDS
from botk_core.domain import TableFact
from botk_core.phrasing import month_and_year
from botk_core.text import STOP_WORDS, fold, stem, words
from botk_core.tools.search import FoundPassage

Shape = Literal["cell", "row", "column", "table", "limit", "no_parameter", "no_place", "no_campaign"]


@attrs.frozen
class Cell:
    """A search result that is a table cell, with its campaign and place read from its labels."""

    found: FoundPassage
    fact: TableFact
    campaign: Campaign | None
    place: str

    @property
    def table_key(self) -> tuple[str, str]:
        return (self.found.document_id or self.found.document, self.fact.table or self.fact.caption)

    @property
    def row_key(self) -> tuple[str, ...]:
        return self.fact.row


@attrs.frozen
class Selection:
    """The cells of one table that answer, and the shape of the answer."""

    shape: Shape
    cells: tuple[Cell, ...] = ()


def cells_of(results: Sequence[FoundPassage]) -> list[Cell]:
    """The results that are table cells with a parameter (key/value rows are prose-like)."""
    found = []
    for result in results:
        if result.fact is None or not is_cell(result.fact):
            continue
        fact = with_caption_limit(result.fact)
        names = [label for label in fact.row if label and not is_code(label)]
        place = max(names, key=len) if names else " ".join(fact.row)
        found.append(Cell(attrs.evolve(result, fact=fact), fact, _campaign(fact), place))
    return found


def is_cell(fact: TableFact) -> bool:
    """A measurement of a parameter; other table cells (a key/value row, a parts list) read as prose."""
    return bool(fact.parameter or fact.unit or fact.limit is not None)


def _campaign(fact: TableFact) -> Campaign | None:
    """The campaign a cell's column labels name (the innermost label first)."""
    for label in reversed(fact.column):
        dated = month_and_year(label)  # the index reads campaign labels the same way
        if dated:
            return Campaign(dated[1], dated[0])
        campaign = find_campaign(" ".join(words(label)), labels=True)
        if campaign:
            return campaign
    return None


def parameter_cells(question: Question, cells: list[Cell]) -> list[Cell]:
    """The cells of the question's parameter; an unlisted parameter is matched by its words."""
    if question.parameter:
        names = [n for n, canonical in PARAMETER_NAMES.items() if canonical == question.parameter]
        return [c for c in cells if any(_names(c, name) for name in names)]
    asked = [w for w in question.content_words() if w not in WEAK_WORDS and len(w) >= 4]
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
    rows = _rows(question, place, cells)
    if not rows:
        return Selection("no_place")
    chosen = [c for c in cells if c.row_key in rows]
    if question.campaign:
        chosen = _in_campaign(question.campaign, chosen)
        if not chosen:
            return Selection("no_campaign")
    several_rows = len({c.row_key for c in chosen}) > 1
    several_campaigns = len({_column(c) for c in chosen}) > 1
    shape: Shape = "table" if several_rows and several_campaigns else "column" if several_rows else "row"
    if not several_rows and not several_campaigns:
        shape = "cell"
    return Selection(shape, tuple(_ordered(chosen)))


def named_place(question: Question, cells: list[Cell]) -> tuple[str, ...]:
    """The question's place words that can name a row of these cells.

    Bare words ("análisis de hierro plaza") count only when a row label knows
    them, unless an article names an unknown one ("tenía la escuela"); an
    "en X" phrase is a place unless the table's caption holds all its words
    ("en el agua", "en la tabla"), so an unknown place still says so.
    """
    wanted = tuple(w for w in question.place if w not in STOP_WORDS)
    known = tuple(w for w in wanted if any(_place_score((w,), c) > 0 for c in cells))
    if question.place_bare:
        unknown_noun = any(w not in known for w in question.place_nouns)
        return wanted if unknown_noun else known
    if known:
        return wanted
    caption = {stem(w) for c in cells[:1] for w in words(f"{c.fact.caption} {c.fact.table}")}
    return () if all(stem(w) in caption for w in wanted) else wanted


def _rows(question: Question, wanted: tuple[str, ...], cells: list[Cell]) -> set[tuple[str, ...]]:
    """The rows the question names (all rows when it names none)."""
    every = {c.row_key for c in cells}
    if question.point and not wanted:
        ordered = sorted(every, key=_natural)
        return {ordered[question.point - 1]} if question.point <= len(ordered) else set()
    if question.other_place:
        return _other_rows(question.excluded, cells, question.other_kind) if question.excluded else every
    if not wanted:
        return every
    scores = {c.row_key: _place_score(wanted, c) for c in cells}
    best = max(scores.values())
    return {row for row, score in scores.items() if score == best} if best > 0 else set()


def _other_rows(excluded: tuple[str, ...], cells: list[Cell], kind: str = "") -> set[tuple[str, ...]]:
    """The rows not named before: of the kind asked ("el otro estanque"), or of its locality."""
    scores = {c.row_key: _place_score(excluded, c) for c in cells}
    best = max(scores.values(), default=0.0)
    named = {c.row_key: c.place for c in cells if best > 0 and scores[c.row_key] == best}
    others = {c.row_key: c.place for c in cells if c.row_key not in named}
    of_kind = {c.row_key for c in cells if c.row_key in others and kind and _place_score((kind,), c) > 0}
    if of_kind:
        return of_kind
    localities = {words(place)[0] for place in named.values() if words(place)}
    same = {row for row, place in others.items() if words(place)[:1] and words(place)[0] in localities}
    return same if len(same) == 1 else set(others)


def _place_score(wanted: tuple[str, ...], cell: Cell) -> float:
    have = [w for label in cell.fact.row for w in words(label)]
    return max(
        sum(1 for w in v if any(similar(w, h) for h in have)) / len(v) for v in phrase_variants(wanted)
    )


def _in_campaign(campaign: Campaign, cells: list[Cell]) -> list[Cell]:
    dated = [c for c in cells if c.campaign]
    if campaign.nth:
        of_year = [c for c in dated if c.campaign and campaign.matches(c.campaign)]
        # A column the document numbers itself ("2.ª campaña (nov 2022)") is that one; else they are counted.
        labelled = [c for c in of_year if names_number("campana", campaign.nth, fold(_column(c)))]
        if labelled:
            return labelled
        orders = sorted({c.campaign.order for c in of_year if c.campaign})
        if campaign.nth > len(orders):
            return []
        return [c for c in dated if c.campaign and c.campaign.order == orders[campaign.nth - 1]]
    if campaign.latest or campaign.earliest:
        if not dated:
            return []
        pick = max if campaign.latest else min
        target = pick(c.campaign.order for c in dated if c.campaign)
        return [c for c in dated if c.campaign and c.campaign.order == target]
    found = [c for c in dated if c.campaign and campaign.matches(c.campaign)]
    if found or not (campaign.year_assumed and campaign.month):
        return found
    # "¿y en agosto?" after a question about 2021: the August campaign the table has, nearest first.
    same_month = [c for c in dated if c.campaign and c.campaign.month == campaign.month]
    if not same_month:
        return []
    wanted = campaign.year or 0
    years = {c.campaign.year or 0 for c in same_month if c.campaign}
    year = min(years, key=lambda y: (abs(y - wanted), -y))
    return [c for c in same_month if c.campaign and (c.campaign.year or 0) == year]


def _column(cell: Cell) -> str:
    return cell.fact.column[-1] if cell.fact.column else ""


def _ordered(cells: list[Cell]) -> list[Cell]:
    """Cells in reading order: by row code, then by campaign; duplicates (merged cells) once."""
    unique = {(c.row_key, _column(c)): c for c in reversed(cells)}
    return sorted(
        unique.values(), key=lambda c: (_natural(c.fact.row), c.campaign.order if c.campaign else (0, 0))
    )


def _natural(row: tuple[str, ...]) -> tuple[object, ...]:
    key: list[object] = []
    for label in row:
        digits = "".join(ch for ch in label if ch.isdigit())
        key += [int(digits) if digits else 0, label]
    return tuple(key)


def _names(cell: Cell, name: str) -> bool:
    # Exact words (or plurals): "nitrato" and "nitrito" are one letter apart and different things.
    have = {stem(w) for w in _parameter_words(cell)}
    return all(stem(w) in have for w in name.split())


def _parameter_words(cell: Cell) -> list[str]:
    text = cell.fact.parameter or cell.fact.caption
    return [w for w in words(text) if w not in STOP_WORDS]
