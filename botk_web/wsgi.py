"""The WSGI entry point for gunicorn: ``botk_web.wsgi:app``.

The only module that builds an app at import time: a WSGI server needs an
object to import. Everything else calls ``create_app()``.
"""

from __future__ import annotations

from botk_web.app import create_app

app = create_app()
