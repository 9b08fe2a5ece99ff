"""LocalDocumentFolder: a directory of documents on disk, for ingest and vector-store sync."""

from __future__ import annotations

from pathlib import Path

from botk_core.errors import InvalidInput, UnreadableDocument
from botk_core.synonyms import SYNONYMS_FILE


def is_ignored(relative: Path) -> bool:
    """Hidden files, Office lock files, the folder's README and synonyms files are not documents."""
    if any(part.startswith((".", "~$", "__")) for part in relative.parts):
        return True
    return relative.name.upper().startswith("README") or relative.name.lower() == SYNONYMS_FILE


def folder_files(directory: str | Path) -> list[str]:
    """Every file of ``directory`` but hidden ones, README and synonyms included; none if it is missing.

    Uploads must not pass for any of them, documents or not.
    """
    root = Path(directory)
    if not root.is_dir():
        return []
    relative = (p.relative_to(root) for p in root.rglob("*") if p.is_file())
    return sorted(r.as_posix() for r in relative if not any(part.startswith(".") for part in r.parts))


class LocalDocumentFolder:
    """The documents under ``directory`` (recursively), named by their relative POSIX paths."""

    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory)
        if not self.directory.is_dir():
            raise InvalidInput(f"La carpeta '{self.directory.name or self.directory}' no existe.")
        self.source = f"dir:{self.directory.resolve()}"

    def names(self) -> list[str]:
        return [path.relative_to(self.directory).as_posix() for path in self.paths()]

    def paths(self) -> list[Path]:
        """The document files, sorted; what ``is_ignored`` names is left out."""
        found = (p for p in self.directory.rglob("*") if p.is_file())
        return sorted(p for p in found if not is_ignored(p.relative_to(self.directory)))

    def read(self, name: str) -> bytes:
        try:
            return (self.directory / name).read_bytes()
        except OSError as error:
            raise UnreadableDocument("No se pudo abrir el archivo.") from error
