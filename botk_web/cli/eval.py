"""``botk eval PREGUNTAS.json``: ask an evaluation file's conversations and score every answer."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

import attrs

from botk_core.errors import BotkError
from botk_core.evaluation import EvalCase, RunEvaluation, Totals, TurnResult, parse_cases, totals
from botk_core.usecases.ingest import IngestDocumentsInput
from botk_web.bootstrap import bootstrap
from botk_web.settings import Settings

DEFAULT_MIN = 0.9
TurnPrinter = Callable[[TurnResult], None]


@attrs.frozen
class Evaluation:
    """A finished run: each turn's result, the totals, and the ingest of its documents (if any)."""

    results: tuple[TurnResult, ...]
    totals: Totals
    ingest_seconds: float | None = None
    documents: str | None = None


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("eval", help="Evalúa las respuestas con un archivo de preguntas.")
    parser.add_argument("file", help="Archivo JSON de conversaciones (formato en el README).")
    parser.add_argument(
        "--min", type=float, default=DEFAULT_MIN, help="Fracción mínima de respuestas correctas (0,9)."
    )
    parser.add_argument("--documents", default=None, help="Carpeta de documentos en vez de la del archivo.")
    parser.add_argument("--json", default=None, help="Escribe aquí cada resultado en JSON.")
    parser.add_argument("--quiet", action="store_true", help="Solo los totales y las fallas.")
    parser.set_defaults(func=run_eval)


def run_eval(args: argparse.Namespace, settings: Settings) -> int:
    path = Path(args.file)
    try:
        case = load_case(path)
        evaluation = evaluate(case, settings, _folder(case, path, args.documents), _printer(args.quiet))
    except (OSError, ValueError) as error:
        print(f"Error: no pude leer {path}: {error}", file=sys.stderr)
        return 2
    except BotkError as error:
        print(f"Error: {error.message}", file=sys.stderr)
        return 2
    from botk_web.cli.eval_report import as_json, percent, report

    print(report(evaluation))
    if args.json:
        Path(args.json).write_text(json.dumps(as_json(evaluation), ensure_ascii=False, indent=1), "utf-8")
    passed = evaluation.totals.score >= args.min
    verdict = "Aprobado" if passed else "No aprobado"
    score = percent(evaluation.totals.score)
    print(f"{verdict}: {score} de respuestas correctas (mínimo {percent(args.min)}).")
    return 0 if passed else 1


def load_case(path: Path) -> EvalCase:
    return parse_cases(json.loads(path.read_text(encoding="utf-8")))


def evaluate(
    case: EvalCase, settings: Settings, folder: Path | None, on_turn: TurnPrinter | None = None
) -> Evaluation:
    """Run ``case``; with a ``folder``, on a throwaway database holding only its documents."""
    if folder is None:
        return _run(case, settings, on_turn)
    if not folder.is_dir():
        raise BotkError(f"no existe la carpeta de documentos {folder}")
    with tempfile.TemporaryDirectory(prefix="botk-eval-") as scratch:
        # The folder is also where the store finds the organisation's sinonimos.txt.
        throwaway = attrs.evolve(
            settings,
            database_path=str(Path(scratch) / "eval.sqlite3"),
            reports_dir=str(Path(scratch) / "r"),
            documents_dir=str(folder),
        )
        return _run(case, throwaway, on_turn, folder)


def _run(
    case: EvalCase, settings: Settings, on_turn: TurnPrinter | None, folder: Path | None = None
) -> Evaluation:
    services = bootstrap(settings)
    seconds = None
    if folder is not None:
        began = time.perf_counter()
        services.document_use_cases.ingest.execute(IngestDocumentsInput(folder))
        seconds = time.perf_counter() - began
    runner = RunEvaluation(services.start_conversation, services.send_message)
    results = []
    for result in runner.execute(case):
        results.append(result)
        if on_turn is not None:
            on_turn(result)
    figures = totals([(r.score, r.seconds, r.error is not None) for r in results])
    return Evaluation(tuple(results), figures, seconds, str(folder) if folder else None)


def _folder(case: EvalCase, path: Path, override: str | None) -> Path | None:
    if override:
        return Path(override)
    return (path.parent / case.documents).resolve() if case.documents else None


def _printer(quiet: bool, stream: TextIO | None = None) -> TurnPrinter | None:
    from botk_web.cli.eval_report import turn_line

    def show(result: TurnResult) -> None:
        print(turn_line(result), file=stream or sys.stdout, flush=True)

    return None if quiet else show
