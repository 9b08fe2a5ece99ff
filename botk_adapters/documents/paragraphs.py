"""Paragraph structure of documents whose headings are often plain paragraphs.

Real documents number their sections and questions in ``Normal`` paragraphs
(see ``headings``), write lists as short paragraphs under a lead-in ("Grupo B:
hortalizas. Alrededor de 4 L por m² al día") and colour codes as lines under
the component they belong to ("Rojo: error" under "Caja de protección: ...").
``paragraph_blocks`` turns such paragraphs into headings and passages that keep
that context.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from botk_adapters.documents.chunking import MAX_CHARS, Block
from botk_adapters.documents.colour_lines import colour_run, component_label, is_colour_line
from botk_adapters.documents.headings import Levels, Para, bold_heading, numbered_heading, split_heading
from botk_adapters.documents.signatures import signature_at

__all__ = ["Levels", "Para", "paragraph_blocks"]

_STEP = re.compile(r"^(?:\d{1,2}[.)]|[a-z][.)]|[-•·▪–])\s+\S")
_KEY_VALUE = re.compile(r"^([^:\n]{2,50}?):\s+\S")
_FIGURE = re.compile(r"^(?:figura|fig\.|imagen|foto|fotograf[íi]a|gr[áa]fico|esquema)\s*n?[°º]?\s*\d+", re.I)
_ITEM_MAX_CHARS = 200
_SHORT_ITEM_CHARS = 120


def paragraph_blocks(paragraphs: Sequence[Para], levels: Levels | None = None) -> Iterator[Block]:
    """Headings (styled or numbered), passages, lists with their lead-in, captions.

    ``levels`` carries the heading levels seen so far when a document's
    paragraphs come in several runs (between its tables). A colour line that
    a picture or a caption parted from its component still names it.
    """
    levels = levels or Levels()
    texts = [p.text for p in paragraphs]
    index = 0
    component: str | None = None
    while index < len(paragraphs):
        para = paragraphs[index]
        text = para.text.strip()
        end = index + 1
        if not text:
            pass
        elif (signed := signature_at(texts, index)) is not None:
            signers, end = signed
            yield Block("\n".join(signers), "unit")
        elif para.heading:
            yield from split_heading(text, levels.styled(text, para.heading))
            component = None
        elif para.caption or _FIGURE.match(text):
            yield Block(text, "unit")
        elif (head := numbered_heading(paragraphs, index)) is not None:
            yield from split_heading(text, levels.numbered(head), head)
            component = None
        elif bold_heading(para, text):
            yield Block(text, "heading", levels.unnumbered())
            component = None
        elif component and is_colour_line(text):
            end = index + colour_run([p.text for p in paragraphs[index:]])
            lines = [_item_line(component, p.text.strip()) for p in paragraphs[index:end] if p.text.strip()]
            yield Block("\n".join(lines), "unit")
        elif (items := _items_after(paragraphs, index)) > 0:
            yield from _group(text, [p.text.strip() for p in paragraphs[index + 1 : index + 1 + items]])
            end = index + 1 + items
            component = component_label(text) or component
        else:
            yield Block(f"- {text}" if para.listed else text)
            component = component_label(text) or component
        index = end


def _kind(paragraphs: Sequence[Para], index: int) -> str | None:
    """What kind of list item a paragraph could be: colour, key-value, plain; None if none."""
    if index >= len(paragraphs):
        return None
    para = paragraphs[index]
    text = para.text.strip()
    if not text or para.heading or para.caption or "\n" in text or len(text) > _ITEM_MAX_CHARS:
        return None
    if numbered_heading(paragraphs, index) is not None:
        return None
    key = _KEY_VALUE.match(text)
    if key and is_colour_line(text):
        return "colour"
    if para.listed or _STEP.match(text):
        return "plain"
    if key:
        return "kv"
    return "plain" if len(text) <= _SHORT_ITEM_CHARS and not text.endswith(".") else None


def _items_after(paragraphs: Sequence[Para], index: int) -> int:
    """How many list items follow the lead-in at ``index`` (0 when it is not a lead-in)."""
    lead = paragraphs[index]
    text = lead.text.strip()
    ends_with_colon = text.endswith(":")
    if lead.listed or "\n" in text or not (ends_with_colon or _KEY_VALUE.match(text)):
        return 0
    if is_colour_line(text):
        return 0  # "Verde parpadeando: ..." is a code of the component above, never a lead-in
    first = _kind(paragraphs, index + 1)
    if first is None or (first == "kv" and not ends_with_colon):
        return 0
    count = 1
    while _kind(paragraphs, index + 1 + count) == first:
        count += 1
    return count if count >= 2 else 0


def _group(lead: str, items: list[str]) -> Iterator[Block]:
    """One passage per list: the lead-in, then its items (colour lines name their component)."""
    label = lead.split(":", 1)[0].strip() if not lead.endswith(":") else lead.rstrip(":").strip()
    lines = [_item_line(label, item) for item in items]
    piece: list[str] = []
    for line in lines:
        if piece and len(lead) + sum(len(x) + 1 for x in piece) + len(line) > MAX_CHARS:
            yield Block("\n".join([lead, *piece]), "unit")
            piece = []
        piece.append(line)
    yield Block("\n".join([lead, *piece]), "unit")


def _item_line(label: str, item: str) -> str:
    if is_colour_line(item):
        return f"{label} — {item}"
    return item if _STEP.match(item) else f"- {item}"
