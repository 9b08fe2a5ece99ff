"""``botk chat``: a conversation in the terminal, through the same use cases."""

from __future__ import annotations

import argparse
import sys

from botk_core.errors import BotkError
from botk_core.model import TextDelta
from botk_core.usecases import SendMessageInput, StartConversationInput
from botk_web.bootstrap import Services, bootstrap
from botk_web.settings import Settings

EXIT_WORDS = {"salir", "/salir", "exit", "quit"}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("chat", help="Conversa con el asistente en la terminal.")
    parser.add_argument("--thread", default=None, help="Continuar una conversación existente.")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    services = bootstrap(settings)
    thread_id = args.thread or services.start_conversation.execute(StartConversationInput()).thread.id
    print(f"Conversación {thread_id}. Escribe tu pregunta (o «salir»).", flush=True)
    while True:
        try:
            text = input("\ntú> ").strip()
        except EOFError:
            print()
            return 0
        if text.lower() in EXIT_WORDS:
            return 0
        if text:
            _answer(services, thread_id, text)


def _answer(services: Services, thread_id: str, text: str) -> None:
    print("botk> ", end="", flush=True)
    try:
        for event in services.send_message.stream(SendMessageInput(thread_id, text)):
            if isinstance(event, TextDelta):
                print(event.text, end="", flush=True)
        print(flush=True)
    except BotkError as error:
        print(f"\n[error] {error.message}", file=sys.stderr, flush=True)
