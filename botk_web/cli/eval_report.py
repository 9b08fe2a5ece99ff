"""What ``botk eval`` prints and writes: a line per turn, the totals, the failures, JSON."""

from __future__ import annotations

import attrs

from botk_core.evaluation import TurnResult
from botk_web.cli.eval import Evaluation

EXCERPT_CHARS = 220


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
        f"Correctas: {t.right}/{t.scored} = {percent(t.score)}",
        f"Hecho correcto: {_share(t.fact)} · fuente correcta: {_share(t.source)} · ambos: {_share(t.both)}",
        f"«No lo encontré» correcto: {_share(t.not_found)} · cifras inventadas: {t.invented}",
        f"Latencia por turno: p50 {t.p50_ms:.1f} ms · p95 {t.p95_ms:.1f} ms".replace(".", ","),
        f"Errores: {t.errors}",
    ]
    tags = by_tag(evaluation.results)
    if tags:
        lines.append(
            "Por etiqueta: " + " · ".join(f"{tag} {right}/{total}" for tag, (right, total) in tags.items())
        )
    if evaluation.ingest_seconds is not None:
        took = f"{evaluation.ingest_seconds:.2f} s".replace(".", ",")
        lines.insert(1, f"Documentos: {evaluation.documents} (ingeridos en {took})")
    failed = failures(evaluation.results)
    count = sum(1 for r in evaluation.results if r.score is not None and not r.score.right)
    lines += [f"Fallas ({count}):" if failed else "Fallas: ninguna", *failed]
    return "\n".join(lines)


def by_tag(results: tuple[TurnResult, ...]) -> dict[str, tuple[int, int]]:
    """Right and scored turns per conversation tag, in order of first appearance."""
    counts: dict[str, list[int]] = {}
    for result in results:
        if result.score is None:
            continue
        for tag in result.tags:
            pair = counts.setdefault(tag, [0, 0])
            pair[0] += int(result.score.right)
            pair[1] += 1
    return {tag: (right, total) for tag, (right, total) in counts.items()}


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


def percent(value: float) -> str:
    return f"{value * 100:.1f} %".replace(".", ",")
