"""``botk serve``: run the HTTP service."""

from __future__ import annotations

import argparse
import sys

from botk_web.exposure import exposure_refusal
from botk_web.settings import Settings


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("serve", help="Sirve la API HTTP.")
    parser.add_argument("--host", default=None, help="Dirección (por defecto 127.0.0.1).")
    parser.add_argument("--port", type=int, default=None, help="Puerto (por defecto PORT o 5001).")
    parser.add_argument(
        "--insecure",
        action="store_true",
        help="Permite escuchar fuera de 127.0.0.1 sin API_HASH (cualquiera podrá usar la API).",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from werkzeug.serving import run_simple

    from botk_web.app import create_app
    from botk_web.dev_server import QuietJsonRequestHandler

    host = args.host or settings.host
    port = args.port or settings.port
    refusal = exposure_refusal(host, settings, args.insecure)
    if refusal:
        print(refusal, file=sys.stderr)
        return 2
    app = create_app(settings)
    print(f"BOTK escuchando en http://{host}:{port} (asistente: {settings.gateway})", flush=True)
    run_simple(host, port, app, threaded=True, use_reloader=False, request_handler=QuietJsonRequestHandler)
    return 0
