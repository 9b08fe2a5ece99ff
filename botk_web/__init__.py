"""BOTK's web adapter: settings, composition root, Flask app and CLI."""

from botk_web.app import create_app
from botk_web.bootstrap import Services, bootstrap
from botk_web.settings import Settings

__all__ = ["Services", "Settings", "bootstrap", "create_app"]
