"""The ``botk`` command: serve, chat, and the command groups of each area."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from botk_web.settings import Settings, SettingsError

# Each module exposes register(subparsers); its parser sets func(args, settings) -> int.
COMMAND_MODULES = ("serve", "chat", "docs", "sensors", "assistant")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="botk", description="BOTK: asistente de monitoreo de agua.")
    subparsers = parser.add_subparsers(dest="command", required=True)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"botk_web.cli.{name}")
        except ModuleNotFoundError as error:
            if error.name != f"botk_web.cli.{name}":
                raise
            continue
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
