"""BOTK's web adapter: settings, composition root, Flask app and CLI."""

from botk_web.app import create_app
from botk_web.container import Services, build_services
from botk_web.settings import Settings

__all__ = ["Services", "Settings", "build_services", "create_app"]
