"""What a measurement table's columns say: each column's parameter, unit and legal limit.

A table holds one parameter (named by its caption, its column headers
carrying the unit and maybe a limit), or one parameter per row ("Parámetro
| Unidad | Límite | ..."), whose columns say which is which.
"""

from __future__ import annotations

import re

import attrs

from botk_adapters.documents.cells import caption_parameter, is_campaign, read_limit, read_value, split_unit
from botk_adapters.documents.tables import TableStructure
from botk_core.domain import TableFact
from botk_core.text import STOP_WORDS, fold, same_name, stem, words

_PARAMETER_HEADER = re.compile(
    r"^(?:parametro|analito|elemento|compuesto|determinacion|ensayo)", re.IGNORECASE
)
_UNIT_HEADER = re.compile(r"^unidad", re.IGNORECASE)
_LIMIT_HEADER = re.compile(
    r"^(?:limite(?!s?\s+de\s+(?:deteccion|cuantificacion))|lmp|norma|valor maximo|maximo permitido)",
    re.IGNORECASE,
)


def column_base(base: TableFact, headers: list[str], parameter: str, unit: str, caption: str) -> TableFact:
    """The table's limit for a column of its parameter, or the limit the column's header states."""
    if not base.limit_text:
        stated = next((read_limit(h, unit) for h in headers if read_limit(h, unit).text), None)
        if stated is not None:
            text = stated.text if stated.unit or not unit else f"{stated.text} {unit}"
            return attrs.evolve(base, limit=stated.number, limit_text=text)
    return base if _names_in(parameter, caption) else attrs.evolve(base, limit=None, limit_text="")


def _names_in(parameter: str, caption: str) -> bool:
    """Whether a column's parameter is the one the caption is about (its limit is the column's).

    "Boro" is what "Tabla 1: Contenido de boro en el agua; máximo 2,4 mg/L" is
    about; "Cobre" is not what "Tabla 3: Zinc total (máximo 3 mg/L)" is.
    """
    if not caption_parameter(caption) or same_name(parameter, caption_parameter(caption)):
        return True
    named = {stem(w) for w in words(caption)}
    return bool(words(parameter)) and all(stem(w) in named for w in words(parameter) if w not in STOP_WORDS)


@attrs.frozen
class Roles:
    """Columns of a table that lists one parameter per row (with its unit and limit) instead of per table."""

    parameter: int | None = None
    unit: int | None = None
    limit: int | None = None

    @classmethod
    def of(cls, shape: TableStructure) -> Roles:
        def first(pattern: re.Pattern[str], columns: range) -> int | None:
            return next((c for c in columns if any(pattern.match(fold(p)) for p in shape.headers[c])), None)

        labels = range(shape.label_columns)
        parameter = first(_PARAMETER_HEADER, labels)
        if parameter is None:
            return cls()
        return cls(parameter, first(_UNIT_HEADER, labels), first(_LIMIT_HEADER, range(len(shape.headers))))

    def per_row(self, base: TableFact, row: list[str]) -> tuple[str, str, TableFact]:
        assert self.parameter is not None
        parameter, unit = split_unit(row[self.parameter])
        unit = row[self.unit] if self.unit is not None and row[self.unit] else unit
        stated = row[self.limit] if self.limit is not None else ""
        number = read_value(stated).number if stated else None
        limit_text = f"{stated} {unit}".strip() if stated else ""
        return parameter, unit, attrs.evolve(base, limit=number, limit_text=limit_text)


def column_parameter(parts: tuple[str, ...], caption: str) -> tuple[str, str]:
    """The column's parameter and unit: its innermost label that is not a campaign, else the caption's.

    The unit comes from the parameter's label ("SDT [mg/L]"), never from a
    campaign's ("2.ª campaña (nov 2022)").
    """
    labels = [p for p in parts if not is_campaign(p)]
    unit = next((split_unit(p)[1] for p in reversed(labels) if split_unit(p)[1]), "")
    named = [split_unit(p)[0] for p in labels]
    return (named[-1] if named else caption_parameter(caption)), unit
