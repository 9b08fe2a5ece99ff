"""Documents as the index holds them: chunks, passages and table facts."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

import attrs

from botk_core.domain.conversation import Citation

# Sample documents are named with this mark, so that whoever reads a citation
# knows an invented figure for what it is.
SAMPLE_PREFIX = "EJEMPLO_"


def is_sample(name: str) -> bool:
    """Whether a document (by its file name, maybe in a folder) is one of BOTK's invented samples."""
    return name.replace("\\", "/").rsplit("/", 1)[-1].upper().startswith(SAMPLE_PREFIX)


def sample_warning(names: Iterable[str]) -> str | None:
    """A Spanish warning when sample documents sit beside real ones; None otherwise."""
    names = list(names)
    samples = [n for n in names if is_sample(n)]
    if not samples or len(samples) == len(names):
        return None
    return (
        f"Aviso: hay {len(samples)} documento(s) de EJEMPLO (inventados) junto a {len(names) - len(samples)} "
        "documento(s) reales. Quítelos para que el asistente no cite cifras inventadas: borre los archivos "
        f"{SAMPLE_PREFIX}* de la carpeta y vuelva a ejecutar «botk docs ingest»."
    )


@attrs.frozen
class DocumentInfo:
    """A document known to a DocumentStore."""

    id: str
    name: str
    content_hash: str
    chunk_count: int = 0
    added_at: float = 0.0
    # Where the document came from ("dir:<folder>", "upload"), so that a folder
    # ingest only removes what an earlier ingest of that folder added.
    source: str = ""
    # Bytes of the file as received: what uploads count against their total budget.
    size_bytes: int = 0

    @property
    def sample(self) -> bool:
        """Whether this is an invented sample document (its name carries the EJEMPLO_ mark)."""
        return is_sample(self.name)


# How a table cell reads: a number, "<x" below the detection limit, "-" not measured, or text;
# "outline" is no cell but a table's outline (see TableFact).
ValueKind = Literal["value", "below_detection", "not_measured", "text", "outline"]

# The text of every table outline: what a search for the tables' structure asks for.
TABLE_OUTLINE = "Índice de la tabla: parámetro, unidad, puntos de muestreo y campañas"


@attrs.frozen
class TableFact:
    """One data cell of a document's table, with everything needed to read it alone.

    ``row`` and ``column`` are the cell's labels, outermost first (row: code and
    sampling point; column: parameter with unit, then campaign). ``value`` is the
    cell's text as printed; ``number`` its value when it has one (for ``<0,005``,
    the detection limit). ``over_limit`` is True when the table marks the value
    (a trailing ``*``) or it exceeds ``limit``; None when it cannot be told.

    A table's outline (``kind`` "outline") is no cell: it names one parameter of
    a table with its unit and limit, ``row`` every row's labels (each joined by
    " · ", in the table's order) and ``column`` every campaign, so that "which
    points were sampled" is answered from the whole table, not from the cells a
    search returned.
    """

    table: str
    caption: str = ""
    parameter: str = ""
    unit: str = ""
    limit: float | None = None
    limit_text: str = ""
    row: tuple[str, ...] = ()
    column: tuple[str, ...] = ()
    value: str = ""
    kind: ValueKind = "value"
    number: float | None = None
    over_limit: bool | None = None
    note: str = ""
    # What the value's symbol or mark means, as the document says it ("s/m" -> "sin muestra";
    # "0,0101**" -> the note's "** Resultado referencial: ...").
    meaning: str = ""


@attrs.frozen
class Chunk:
    """A piece of a document to index, with where it came from."""

    text: str
    location: str = ""
    fact: TableFact | None = None


@attrs.frozen
class Passage:
    """A searchable piece of a document, as returned by a search.

    ``location`` says where in the document (section, page or table);
    ``score`` is relevance, higher is better, comparable within one search.
    """

    document_id: str
    document: str
    location: str
    text: str
    score: float = 0.0
    fact: TableFact | None = None

    @property
    def sample(self) -> bool:
        """Whether the passage comes from an invented sample document."""
        return is_sample(self.document)

    def citation(self, quote_chars: int = 300) -> Citation:
        return Citation(self.document, self.location, self.text[:quote_chars], self.document_id)
