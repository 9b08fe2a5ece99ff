"""``botk db``: prepare a PostgreSQL database and move an SQLite deployment into it."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from botk_core.errors import BotkError
from botk_web.settings import Settings

_BAR_WIDTH = 30


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("db", help="Base de datos PostgreSQL: esquema y copia desde SQLite.")
    commands = parser.add_subparsers(dest="db_command", required=True)
    migrate = commands.add_parser("migrate", help="Crea o actualiza el esquema en BOTK_DATABASE_URL.")
    migrate.add_argument("--url", default=None, help="URL de PostgreSQL (por defecto BOTK_DATABASE_URL).")
    migrate.set_defaults(func=run_migrate)
    copy = commands.add_parser(
        "copy", help="Copia conversaciones, documentos y lecturas de un archivo SQLite a PostgreSQL."
    )
    copy.add_argument(
        "--from", dest="source", default=None, help="Archivo SQLite (por defecto BOTK_DATABASE)."
    )
    copy.add_argument(
        "--to", dest="target", default=None, help="URL de PostgreSQL (por defecto BOTK_DATABASE_URL)."
    )
    copy.set_defaults(func=run_copy)


def run_migrate(args: argparse.Namespace, settings: Settings) -> int:
    from botk_adapters.postgres import PostgresDatabase, public_location

    url = args.url or settings.database_url
    if not url:
        print("Error: define BOTK_DATABASE_URL (o usa --url postgresql://...).", file=sys.stderr)
        return 2
    try:
        version = PostgresDatabase(url).migrate()
    except BotkError as error:
        print(f"Error: {error.message} ({public_location(url)})", file=sys.stderr)
        return 1
    print(f"Esquema de BOTK al día en {public_location(url)} (versión {version}).")
    return 0


def run_copy(args: argparse.Namespace, settings: Settings) -> int:
    from botk_adapters.postgres import PostgresDatabase, public_location
    from botk_adapters.postgres.copy_sqlite import copy_sqlite

    source, url = args.source or settings.database_path, args.target or settings.database_url
    if not url:
        print("Error: indica el destino con --to postgresql://... o BOTK_DATABASE_URL.", file=sys.stderr)
        return 2
    print(f"Copiando {source} → {public_location(url)}", file=sys.stderr)
    database = PostgresDatabase(url)
    progress = _Progress(sys.stderr)
    try:
        counts = copy_sqlite(source, database, progress)
    except BotkError as error:
        progress.finish()
        print(f"Error: {error.message}", file=sys.stderr)
        return 1
    finally:
        database.close()
    progress.finish()
    width = max(len(c.what) for c in counts)
    print(f"{'':{width}}  {'SQLite':>9}  {'PostgreSQL':>10}")
    for count in counts:
        mark = "✓" if count.complete else "✗ faltan filas"
        print(f"{count.what:{width}}  {count.source:>9}  {count.target:>10}  {mark}")
    if all(c.complete for c in counts):
        print("Copia completa: todo lo del archivo SQLite está en PostgreSQL.")
        return 0
    print("La copia quedó incompleta; vuelve a ejecutar el comando (no duplica nada).", file=sys.stderr)
    return 1


class _Progress:
    """One progress bar per kind of row, drawn only on a terminal; elsewhere one line per kind."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._current = ""

    def __call__(self, what: str, done: int, total: int) -> None:
        if what != self._current:
            self.finish()
            self._current = what
        if self._stream.isatty():
            filled = _BAR_WIDTH * done // max(total, 1)
            bar = "█" * filled + "·" * (_BAR_WIDTH - filled)
            self._stream.write(f"\r[{bar}] {done}/{total} {what}")
            self._stream.flush()
        elif done >= total:
            self._stream.write(f"{what}: {done}/{total}\n")

    def finish(self) -> None:
        if self._current and self._stream.isatty():
            self._stream.write("\n")
        self._current = ""
