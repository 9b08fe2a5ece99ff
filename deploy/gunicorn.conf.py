"""gunicorn settings for BOTK: threaded workers for I/O-bound chat turns.

Start with ``gunicorn -c deploy/gunicorn.conf.py`` (``make prod``). A chat
turn mostly waits on the model provider, so each worker runs many threads;
the seed's 4 sync workers could hold only 4 chats at once. The turn lock and
the rate limit live in SQLite, so they hold across these workers.

Environment (or ``.env``): ``BOTK_HOST`` and ``PORT`` (where to listen),
``BOTK_WORKERS`` (processes, default 2), ``BOTK_THREADS`` (threads per
worker, default 16), ``BOTK_WORKER_TIMEOUT`` (s, default 180),
``BOTK_GRACEFUL_TIMEOUT`` (s, default 120), ``BOTK_INSECURE=1`` to listen
beyond loopback without ``API_HASH``.
"""

import os
import signal

from botk_web.exposure import exposure_refusal
from botk_web.settings import Settings

_settings = Settings.from_env()
_refusal = exposure_refusal(_settings.host, _settings, os.environ.get("BOTK_INSECURE") == "1")
if _refusal:
    raise SystemExit(_refusal)

wsgi_app = "botk_web.wsgi:app"
bind = [
    f"[{_settings.host}]:{_settings.port}" if ":" in _settings.host else f"{_settings.host}:{_settings.port}"
]
worker_class = "gthread"
# Few processes (SQLite has one writer at a time anyway), many threads: a
# thread waiting on the model costs little. 2 x 32 = 64 turns at once.
workers = int(os.environ.get("BOTK_WORKERS", "2"))
threads = int(os.environ.get("BOTK_THREADS", "32"))
# Longer than a turn may take (model + tools + waiting for the thread's lock).
timeout = int(os.environ.get("BOTK_WORKER_TIMEOUT", "180"))
# On SIGTERM workers stop accepting and get this long to finish turns in flight.
graceful_timeout = int(os.environ.get("BOTK_GRACEFUL_TIMEOUT", "120"))
keepalive = 5
# BOTK writes its own JSON access line per request (botk.access) to stderr.
accesslog = None
errorlog = "-"
loglevel = _settings.log_level.lower()
proc_name = "api-botk"


# PM2 stops its apps with SIGINT (to the whole process tree), which gunicorn
# takes as "quit now". Here SIGINT stops gracefully like SIGTERM, so a stop or
# restart lets turns in flight finish instead of cutting them.
def when_ready(server):  # type: ignore[no-untyped-def]
    server.handle_int = server.handle_term


def post_worker_init(worker):  # type: ignore[no-untyped-def]
    signal.signal(signal.SIGINT, worker.handle_exit)
