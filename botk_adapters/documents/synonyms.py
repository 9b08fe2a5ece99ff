"""An organisation's own synonyms, from ``sinonimos.txt`` in its documents folder."""

from __future__ import annotations

import logging
from pathlib import Path

from botk_core.synonyms import SYNONYMS_FILE, Synonyms

log = logging.getLogger(__name__)

# Far more than any real list; a bigger file is cut, not read whole into memory.
MAX_FILE_BYTES = 256 * 1024


def load_synonyms(folder: str | Path | None) -> Synonyms:
    """BOTK's built-in synonyms plus the folder's ``sinonimos.txt`` (if there is one)."""
    builtin = Synonyms.builtin()
    if folder is None:
        return builtin
    path = Path(folder) / SYNONYMS_FILE
    try:
        with path.open("rb") as file:
            data = file.read(MAX_FILE_BYTES)
    except FileNotFoundError:
        return builtin
    except OSError as error:
        log.warning("could not read %s: %s", path, error)
        return builtin
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    return builtin.merged(Synonyms.parse(text))
