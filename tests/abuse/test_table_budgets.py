"""Word tables whose merged cells claim huge spans: clamped to the grid, counted, refused past the budget."""

from __future__ import annotations

import io

import docx
import pytest
from flask.testing import FlaskClient

from botk_adapters.documents import FileBudget, default_reader
from botk_adapters.documents.tables import CellBudget
from botk_adapters.documents.word_tables import raw_table
from botk_core.errors import DocumentTooLarge
from tests.abuse import hostile_files as hostile


def _rows(data: bytes, budget: CellBudget) -> list[list[str]]:
    table = docx.Document(io.BytesIO(data)).tables[0]
    return raw_table(table, "", "", 1, budget).rows


@pytest.mark.parametrize("span", [1_000_000, "9" * 5000])
def test_a_span_past_the_grid_ends_at_the_grid(span: int | str) -> None:
    budget = CellBudget(max_table=10_000, max_document=20_000)
    rows = _rows(hostile.gridspan_docx(span, cells=10, rows=10), budget)
    # No grid declared: the widest row (10 cells) is the grid; each cell keeps at least one column.
    assert len(rows) == 10 and all(len(row) <= 20 for row in rows)
    assert budget.used == sum(len(row) for row in rows) <= 200


def test_a_table_past_its_cell_budget_is_refused_while_it_is_built() -> None:
    budget = CellBudget(max_table=1000, max_document=5000)
    with pytest.raises(DocumentTooLarge, match="más de 1000 celdas"):
        _rows(hostile.gridspan_docx(1_000_000, cells=50, rows=200, vmerge=True), budget)
    # Counting stops at the first row over the limit: at most one row (two grid widths) beyond it.
    assert budget.used <= 1000 + 2 * 50


def test_tables_within_their_budget_but_too_many_cells_together_are_refused() -> None:
    data = hostile.gridspan_docx(1, cells=10, rows=10, tables=3)  # three tables of 100 cells
    assert default_reader(FileBudget(max_table_cells=100, max_document_cells=300)).read("t.docx", data)
    with pytest.raises(DocumentTooLarge, match="Las tablas del documento tienen más de 250 celdas"):
        default_reader(FileBudget(max_table_cells=100, max_document_cells=250)).read("t.docx", data)


def test_a_gridspan_bomb_upload_is_a_413_and_stores_nothing(client: FlaskClient) -> None:
    before = client.get("/documents").get_json()["data"]
    bomb = hostile.gridspan_docx(1_000_000, cells=50, rows=400, vmerge=True)
    response = client.post(
        "/documents",
        data={"files": (io.BytesIO(bomb), "combinadas.docx")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 413
    body = response.get_json()
    assert body["code"] == "document_too_large"
    assert "combinadas.docx" in body["error"] and "celdas" in body["error"]
    assert client.get("/documents").get_json()["data"] == before
