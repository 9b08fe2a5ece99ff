"""The revision of BOTK's document readers, part of every indexed file's identity."""

from __future__ import annotations

# Raised whenever the readers learn to index something new (a table's outline): a file
# indexed by an older revision no longer counts as unchanged, so the next ingest reads it again.
REVISION = "botk-reader-2"
