"""The ``botk`` command: serve, chat, and the command groups of each area."""

from __future__ import annotations

import argparse
import logging
import sys

from botk_web.cli import assistant, chat, docs, sensors, serve
from botk_web.cli import eval as eval_command
from botk_web.settings import Settings, SettingsError

# Each module exposes register(subparsers); its parser sets func(args, settings) -> int.
COMMAND_MODULES = (serve, chat, docs, sensors, assistant, eval_command)


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
    logging.basicConfig(level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        result: int = args.func(args, settings)
    except SettingsError as error:
        print(f"Error de configuración: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return result
