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
from botk_web.settings import Settings

DEFAULT_MIN = 0.9
TurnPrinter = Callable[[TurnResult], None]
EXCERPT_CHARS = 220


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
    print(report(evaluation))
    if args.json:
        Path(args.json).write_text(json.dumps(as_json(evaluation), ensure_ascii=False, indent=1), "utf-8")
    passed = evaluation.totals.score >= args.min
    verdict = "Aprobado" if passed else "No aprobado"
    score = _percent(evaluation.totals.score)
    print(f"{verdict}: {score} de respuestas correctas (mínimo {_percent(args.min)}).")
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
        throwaway = attrs.evolve(
            settings, database_path=str(Path(scratch) / "eval.sqlite3"), reports_dir=str(Path(scratch) / "r")
        )
        return _run(case, throwaway, on_turn, folder)


def _run(
    case: EvalCase, settings: Settings, on_turn: TurnPrinter | None, folder: Path | None = None
) -> Evaluation:
    from botk_web.container import build_services

    services = build_services(settings)
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
    def show(result: TurnResult) -> None:
        print(turn_line(result), file=stream or sys.stdout, flush=True)

    return None if quiet else show


def turn_line(result: TurnResult) -> str:
    """«c001·2  hecho ✓  fuente ✓   4 ms  y en agosto?»."""
    score = result.score
    marks = {True: "✓", False: "✗"}
    if score is None:
        checks = "(no se evalúa)"
    elif score.not_found is not None:
        checks = f"no lo encontré {marks[score.not_found]}"
    else:
        parts = [f"hecho {marks[score.fact]}" if score.fact is not None else ""]
        parts += [f"fuente {marks[score.source]}" if score.source is not None else ""]
        checks = "  ".join(p for p in parts if p)
    took = f"{result.seconds * 1000:6.1f} ms".replace(".", ",")
    return f"{result.conversation}·{result.number}  {checks:<20} {took}  {result.turn.ask}"


def report(evaluation: Evaluation) -> str:
    """The totals and the failures, in Spanish."""
    t = evaluation.totals
    lines = [
        "",
        f"Turnos: {t.turns} (evaluados {t.scored})",
        f"Correctas: {t.right}/{t.scored} = {_percent(t.score)}",
        f"Hecho correcto: {_share(t.fact)} · fuente correcta: {_share(t.source)} · ambos: {_share(t.both)}",
        f"«No lo encontré» correcto: {_share(t.not_found)} · cifras inventadas: {t.invented}",
        f"Latencia por turno: p50 {t.p50_ms:.1f} ms · p95 {t.p95_ms:.1f} ms".replace(".", ","),
        f"Errores: {t.errors}",
    ]
    if evaluation.ingest_seconds is not None:
        took = f"{evaluation.ingest_seconds:.2f} s".replace(".", ",")
        lines.insert(1, f"Documentos: {evaluation.documents} (ingeridos en {took})")
    failed = failures(evaluation.results)
    count = sum(1 for r in evaluation.results if r.score is not None and not r.score.right)
    lines += [f"Fallas ({count}):" if failed else "Fallas: ninguna", *failed]
    return "\n".join(lines)


def failures(results: tuple[TurnResult, ...]) -> list[str]:
    """One entry per wrong turn: question, what was expected, and an excerpt of the answer."""
    found = []
    for r in results:
        if r.score is None or r.score.right:
            continue
        wanted = "«no lo encontré», sin cifras" if r.turn.not_found else _expected(r)
        answer = " ".join((r.error or r.answer).split())[:EXCERPT_CHARS]
        found.append(f"  {r.conversation}·{r.number} «{r.turn.ask}» — esperaba {wanted}")
        found.append(f"      respuesta: {answer}")
    return found


def _expected(result: TurnResult) -> str:
    turn = result.turn
    facts = " + ".join(turn.expect) or " o ".join("+".join(g) for g in turn.expect_any)
    source = f" de {' o '.join(turn.documents)}" if turn.documents else ""
    cited = ", ".join(sorted({c.document for c in result.citations})) or "nada"
    return f"{facts or 'la fuente'}{source} (citó: {cited})"


def as_json(evaluation: Evaluation) -> dict[str, object]:
    return {
        "totals": {**attrs.asdict(evaluation.totals), "score": evaluation.totals.score},
        "ingest_seconds": evaluation.ingest_seconds,
        "turns": [
            {
                "conversation": r.conversation,
                "turn": r.number,
                "ask": r.turn.ask,
                "answer": r.answer,
                "documents": [c.document for c in r.citations],
                "ms": round(r.seconds * 1000, 2),
                "score": attrs.asdict(r.score) if r.score else None,
                "error": r.error,
            }
            for r in evaluation.results
        ],
    }


def _share(pair: tuple[int, int]) -> str:
    right, total = pair
    return f"{right}/{total}" if total else "—"


def _percent(value: float) -> str:
    return f"{value * 100:.1f} %".replace(".", ",")
