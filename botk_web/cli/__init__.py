"""The ``botk`` command: serve, chat, and the command groups of each area."""

from __future__ import annotations

import argparse
import sys

from botk_core.errors import BotkError
from botk_web.cli import assistant, chat, db, docs, sensors, serve, threads
from botk_web.cli import eval as eval_command
from botk_web.logging_config import configure_logging
from botk_web.settings import Settings, SettingsError

# Each module exposes register(subparsers); its parser sets func(args, settings) -> int.
COMMAND_MODULES = (serve, chat, docs, sensors, threads, assistant, eval_command, db)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="botk", description="BOTK: asistente de monitoreo de agua.")
    subparsers = parser.add_subparsers(dest="command", required=True)
    for module in COMMAND_MODULES:
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = Settings.from_env()
    except SettingsError as error:
        print(f"Error de configuración: {error}", file=sys.stderr)
        return 2
    configure_logging(settings.log_level)
    try:
        result: int = args.func(args, settings)
    except SettingsError as error:
        print(f"Error de configuración: {error}", file=sys.stderr)
        return 2
    except BotkError as error:
        # Storage or input problems found outside a command's own handling: one line, no traceback.
        print(f"Error: {error.message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return result
