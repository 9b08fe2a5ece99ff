"""Evaluating answers: a file of conversations, each turn scored on its fact, source and honesty."""

from botk_core.evaluation.cases import EvalCase, EvalConversation, EvalTurn, parse_cases
from botk_core.evaluation.runner import RunEvaluation, TurnResult
from botk_core.evaluation.scoring import Totals, document_key, score_turn, totals

__all__ = [
    "EvalCase",
    "EvalConversation",
    "EvalTurn",
    "RunEvaluation",
    "Totals",
    "TurnResult",
    "document_key",
    "parse_cases",
    "score_turn",
    "totals",
]
