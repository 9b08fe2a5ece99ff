"""The per-thread LaTeX report: /readTextFile and /compile, plus REST forms."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, request
from flask.typing import ResponseReturnValue

from botk_core.errors import MissingFields
from botk_core.ports import ReportStore
from botk_web.parsing import body_fields
from botk_web.routes import services

bp = Blueprint("reports", __name__)


def _reports(thread_id: str) -> ReportStore:
    """The report store, once the thread is known to exist (404 otherwise)."""
    found = services()
    found.threads.get(thread_id)
    return found.reports


def _pdf(thread_id: str) -> Response:
    pdf = _reports(thread_id).compile(thread_id)
    response = Response(pdf, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'inline; filename="informe-{thread_id}.pdf"'
    return response


@bp.get("/readTextFile")
def read_text_file() -> ResponseReturnValue:
    thread_id = (request.args.get("thread_id") or "").strip()
    if not thread_id:
        raise MissingFields("Falta thread_id.")
    return jsonify(response=_reports(thread_id).read(thread_id))


@bp.get("/threads/<thread_id>/report.tex")
def report_tex(thread_id: str) -> ResponseReturnValue:
    source = _reports(thread_id).read(thread_id)
    if not source:
        return jsonify(error="Esta conversación todavía no tiene informe.", code="report_not_found"), 404
    return Response(source, mimetype="application/x-tex", headers={"Cache-Control": "no-store"})


@bp.get("/threads/<thread_id>/report.pdf")
def report_pdf(thread_id: str) -> ResponseReturnValue:
    return _pdf(thread_id)


@bp.post("/compile")
def compile_report() -> ResponseReturnValue:
    thread_id = (body_fields(request, "thread_id")["thread_id"] or "").strip()
    if not thread_id:
        raise MissingFields("Falta thread_id.")
    return _pdf(thread_id)
