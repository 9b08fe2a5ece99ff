"""One logging configuration for ``botk serve``, gunicorn and the CLI: JSON lines on stderr.

Every line is one JSON object with ``time``, ``level``, ``logger``, ``request_id``
(the current request's, else null) and either ``message`` or, for the access
log, the request's fields; a traceback travels inside the line as ``exc_info``.
"""

from __future__ import annotations

import contextvars
import json
import logging
import logging.config
import threading
from datetime import UTC, datetime
from typing import Any

# Set at the start of each request; read by the filter for every line logged while it runs.
current_request_id: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "botk_request_id", default=None
)

FORMATTER = "botk_web.logging_config.JsonFormatter"
FILTER = "botk_web.logging_config.RequestIdFilter"


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` to every record: the one of the request being served, if any."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "request_id", None) is None:
            record.request_id = current_request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    """A record as one line of JSON; ``extra={"fields": {...}}`` adds top-level fields."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", None),
        }
        fields = getattr(record, "fields", None)
        if isinstance(fields, dict):
            line.update(fields)
        else:
            line["message"] = record.getMessage()
        if record.exc_info:
            line["exc_info"] = self.formatException(record.exc_info)
        if record.stack_info:
            line["stack_info"] = self.formatStack(record.stack_info)
        return json.dumps(line, ensure_ascii=False, default=str)


def logging_config(level: str = "INFO") -> dict[str, Any]:
    """The ``dictConfig`` for every entry point; gunicorn's own loggers included."""
    handler = {"class": "logging.StreamHandler", "formatter": "json", "filters": ["request_id"]}
    quiet = {"level": "WARNING", "handlers": ["stderr"], "propagate": False}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": FORMATTER}},
        "filters": {"request_id": {"()": FILTER}},
        "handlers": {"stderr": {**handler, "stream": "ext://sys.stderr"}},
        "root": {"level": level, "handlers": ["stderr"]},
        "loggers": {
            # One line per request comes from botk.access; these would repeat it (with query strings).
            "werkzeug": quiet,
            "gunicorn.access": quiet,
            "gunicorn.error": {"level": level, "handlers": ["stderr"], "propagate": False},
            "botk.access": {"level": level, "handlers": ["stderr"], "propagate": False},
            # A feed's malformed response head: BOTK reports the failed download itself, in one line.
            "urllib3.connection": {"level": "ERROR", "handlers": ["stderr"], "propagate": False},
        },
    }


def configure_logging(level: str = "INFO") -> None:
    """Install the configuration (idempotent); warnings and uncaught thread errors become JSON lines too."""
    logging.config.dictConfig(logging_config(level))
    logging.captureWarnings(True)
    threading.excepthook = _log_thread_error


def _log_thread_error(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is SystemExit:
        return
    name = args.thread.name if args.thread else "?"
    exc_info = (args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback)
    logging.getLogger("botk").critical("uncaught error in thread %s", name, exc_info=exc_info)


def ensure_logging(level: str = "INFO") -> None:
    """Configure logging unless the host program already did (its root logger has handlers)."""
    if not logging.getLogger().handlers:
        configure_logging(level)
