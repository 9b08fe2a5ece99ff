"""How much text the body of a Word document holds, counted as its XML streams out of the zip.

The count is taken before python-docx builds its tree (a few hundred megabytes
for 45 MB of XML), so an upload with far more text than may be indexed is
refused at a few megabytes. It counts the runs' ``w:t`` texts, each entity as
one character: what the reader indexes at least once (text boxes aside).
"""

from __future__ import annotations

import re

PART = "word/document.xml"
_RUN_TEXT = re.compile(rb"<w:t(?:\s[^>]*)?>([^<]*)</w:t>")
_OPEN = b"<w:t"
_CARRY_MAX = 1024 * 1024


class BodyText:
    """Bytes of run text in ``word/document.xml``, fed chunk by chunk."""

    def __init__(self) -> None:
        self.bytes = 0
        self._carry = b""

    def feed(self, chunk: bytes) -> int:
        """Count the complete runs so far; an element cut by the chunk's end waits for the next one."""
        data = self._carry + chunk
        cut = data.rfind(_OPEN)
        if cut < 0:
            cut = data.rfind(b"<")  # maybe the start of a run's text, cut short
        if cut < 0 or len(data) - cut > _CARRY_MAX:
            cut = len(data)
        self._carry = data[cut:]
        self.bytes += sum(map(_characters, _RUN_TEXT.findall(data, 0, cut)))
        return self.bytes


def _characters(text: bytes) -> int:
    """The bytes of ``text`` once its entities (``&lt;`` and ``&amp;``, one character each) are read."""
    return len(text) - 3 * text.count(b"&") - text.count(b"&amp;")
