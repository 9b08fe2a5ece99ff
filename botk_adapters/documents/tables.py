"""Tables as text: every row carries its column headers, group label and caption."""

from __future__ import annotations

import re

_HEADER_JOIN = " - "
_LABEL = re.compile(r"^((?:tabla|cuadro|table)\s*(?:n[°º.]?\s*)?\d+)", re.IGNORECASE)
_LABEL_MAX_CHARS = 60


def table_label(caption: str) -> str:
    """How a table is named in a location: "Tabla 3", or its caption shortened."""
    match = _LABEL.match(caption.strip())
    if match:
        return match.group(1)
    return caption if len(caption) <= _LABEL_MAX_CHARS else caption[:_LABEL_MAX_CHARS].rsplit(" ", 1)[0] + "…"


def column_headers(header_rows: list[list[str]]) -> list[str]:
    """One header per column, stacking multi-row headers (merged cells counted once)."""
    width = max((len(row) for row in header_rows), default=0)
    headers = []
    for column in range(width):
        parts: list[str] = []
        for row in header_rows:
            value = row[column].strip() if column < len(row) else ""
            if value and value not in parts:
                parts.append(value)
        headers.append(_HEADER_JOIN.join(parts))
    return headers


def render_row(headers: list[str], cells: list[str], caption: str = "") -> str:
    """A row as text: "Header: value; ..." after the caption; no headers -> "first: rest"."""
    values = [cell.strip() for cell in cells]
    if not any(headers):
        filled = [v for v in values if v]
        body = f"{filled[0]}: {'; '.join(filled[1:])}" if len(filled) > 1 else "".join(filled)
    else:
        pairs = []
        for index, value in enumerate(values):
            header = headers[index].strip() if index < len(headers) else ""
            if value:
                pairs.append(f"{header}: {value}" if header and header != value else value)
        body = "; ".join(pairs)
    return f"{caption}\n{body}" if caption and body else body


def render_table(grid: list[list[str]], header_count: int, caption: str = "") -> list[str]:
    """The body rows of ``grid`` as texts; a row filled by one merged cell labels the rows after it."""
    headers = column_headers(grid[:header_count])
    label = ""
    rows: list[str] = []
    for cells in grid[header_count:]:
        group = _group_label(cells)
        if group:
            label = group
            continue
        context = " › ".join(part for part in (caption, label) if part)
        text = render_row(headers, cells, context)
        if text:
            rows.append(text)
    return rows


def _group_label(cells: list[str]) -> str | None:
    """The text of a row that is one cell merged across the table (e.g. "Campaña 2022")."""
    filled = [c.strip() for c in cells if c.strip()]
    if len(cells) >= 3 and cells[0].strip() and len(set(filled)) == 1 and len(filled) in (1, len(cells)):
        return filled[0]
    return None
