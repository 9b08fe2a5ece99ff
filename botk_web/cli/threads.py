"""``botk threads prune``: delete the conversations nobody has used for a while."""

from __future__ import annotations

import argparse
import re

from botk_web.bootstrap import bootstrap
from botk_web.settings import Settings

_AGE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(d|dias|días|days)?\s*$", re.IGNORECASE)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("threads", help="Conversaciones: borrar las antiguas.")
    commands = parser.add_subparsers(dest="threads_command", required=True)
    prune = commands.add_parser(
        "prune", help="Borra las conversaciones sin mensajes en un tiempo (con su informe)."
    )
    prune.add_argument(
        "--older-than", required=True, type=days, metavar="DÍAS", help="Antigüedad, p. ej. 90d o 90."
    )
    prune.set_defaults(func=run_prune)


def days(text: str) -> float:
    """``"90d"`` or ``"90"`` -> 90.0; anything else is an argparse error in Spanish."""
    match = _AGE.match(text)
    if not match or float(match.group(1)) <= 0:
        raise argparse.ArgumentTypeError(f"«{text}» no es una antigüedad válida; usa por ejemplo 90d")
    return float(match.group(1))


def run_prune(args: argparse.Namespace, settings: Settings) -> int:
    count = bootstrap(settings).prune_threads.execute(args.older_than)
    print(f"Conversaciones borradas: {count} (sin mensajes en {args.older_than:g} días).")
    return 0
