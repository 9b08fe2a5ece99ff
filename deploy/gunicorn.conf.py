"""gunicorn settings for BOTK: threaded workers for I/O-bound chat turns.

Start with ``gunicorn -c deploy/gunicorn.conf.py`` (``make prod``). A chat
turn mostly waits on the model provider, so each worker runs many threads;
4 sync workers would hold only 4 chats at once. The turn lock
lives in SQLite and the rate limit in its own SQLite file, so both hold
across these workers; with ``BOTK_DATABASE_URL`` both live in PostgreSQL
and hold across instances too (each worker then keeps a pool of
``BOTK_DB_POOL_MAX`` connections, a quarter of its threads by default, plus
one for its turn locks).

Every value comes from ``Settings`` (environment or ``.env``): ``BOTK_HOST``
and ``PORT`` (where to listen), ``BOTK_WORKERS`` (processes, default 2),
``BOTK_THREADS`` (threads per worker, default 32), ``BOTK_WORKER_TIMEOUT``
(s, default 180), ``BOTK_GRACEFUL_TIMEOUT`` (s, default 120),
``BOTK_INSECURE=1`` to listen beyond loopback without ``API_HASH``,
``BOTK_REQUEST_READ_TIMEOUT`` (s a request has to arrive, default 10),
``BOTK_WORKER_CONNECTIONS`` (open connections per worker, default 1000),
``BOTK_MAX_REQUESTS`` (a worker is replaced after about this many requests,
default 5000, 0 never), ``BOTK_LOG_LEVEL`` and ``BOTK_MAX_URL_CHARS``.
Facing the internet, put nginx in front (deploy/nginx.conf).
"""

import signal

from botk_web import gunicorn_errors
from botk_web.exposure import exposure_refusal
from botk_web.gunicorn_worker import BotkThreadWorker
from botk_web.logging_config import logging_config
from botk_web.settings import Settings, SettingsError
from botk_web.storage import storage_refusal
from botk_web.worker_memory import retire_if_heavy

try:
    _settings = Settings.from_env()
except SettingsError as _error:
    # One line, no traceback: the variable's name says what to fix.
    raise SystemExit(f"Error de configuración: {_error}") from None
_refusal = exposure_refusal(_settings.host, _settings, _settings.insecure) or storage_refusal(_settings)
if _refusal:
    raise SystemExit(_refusal)
gunicorn_errors.install()

wsgi_app = "botk_web.wsgi:app"
bind = [
    f"[{_settings.host}]:{_settings.port}" if ":" in _settings.host else f"{_settings.host}:{_settings.port}"
]
# gthread whose event loop waits for each request's headers and small body: a
# client that sends them a byte at a time, or nothing, never holds a thread.
worker_class = "botk_web.gunicorn_worker.BotkThreadWorker"
BotkThreadWorker.read_timeout = float(_settings.request_read_timeout)
BotkThreadWorker.max_body = _settings.max_request_bytes
# Few processes (SQLite has one writer at a time anyway), many threads: a
# thread waiting on the model costs little. 2 x 32 = 64 turns at once.
workers = _settings.workers
threads = _settings.threads
# Idle and slow connections wait in the event loop, not in a thread: room for many.
worker_connections = max(_settings.worker_connections, _settings.threads + 1)
# A worker is replaced now and then (staggered), so memory a parser let grow is given back.
max_requests = _settings.max_requests
max_requests_jitter = _settings.max_requests // 10
# Longer than a turn may take (model + tools + waiting for the thread's lock).
timeout = _settings.worker_timeout
# On SIGTERM workers stop accepting and get this long to finish turns in flight.
graceful_timeout = _settings.graceful_timeout
keepalive = 5
# A longer URL gets BOTK's JSON 414 from the app; gunicorn refuses (also as JSON) only far beyond.
limit_request_line = min(_settings.max_url_chars + 1024, 8190)
# BOTK writes its own JSON access line per request (botk.access); every logger shares one JSON config.
accesslog = None
errorlog = "-"
loglevel = _settings.log_level.lower()
logconfig_dict = logging_config(_settings.log_level)
proc_name = "api-botk"


# PM2 stops its apps with SIGINT (to the whole process tree), which gunicorn
# takes as "quit now". Here SIGINT stops gracefully like SIGTERM, so a stop or
# restart lets turns in flight finish instead of cutting them.
def when_ready(server):  # type: ignore[no-untyped-def]
    server.handle_int = server.handle_term


def post_worker_init(worker):  # type: ignore[no-untyped-def]
    signal.signal(signal.SIGINT, worker.handle_exit)


# A worker that kept too much memory after a request finishes the ones in flight and is replaced.
def post_request(worker, req, environ, resp):  # type: ignore[no-untyped-def]
    retire_if_heavy(worker, _settings.worker_max_rss_mb)
