"""The blind set: documents and questions written by an evaluator who never saw the code."""

from __future__ import annotations

from pathlib import Path

from botk_web.cli.eval import evaluate, load_case
from botk_web.settings import Settings
from tests.fixtures.tarucani.generate import build

QUESTIONS = Path(__file__).resolve().parents[1] / "fixtures" / "tarucani" / "questions.json"


def test_blind_questions_are_answered_with_the_right_fact_and_source_and_no_invented_figure(
    tmp_path: Path,
) -> None:
    documents = tmp_path / "docs"
    build(documents)
    settings = Settings(database_path=str(tmp_path / "b.sqlite3"), reports_dir=str(tmp_path / "r"))
    run = evaluate(load_case(QUESTIONS), settings, documents)
    assert run.totals.scored >= 100
    assert run.totals.invented == 0
    assert run.totals.score >= 0.9, "\n".join(
        r.turn.ask for r in run.results if r.score and not r.score.right
    )
