"""The chat page for phones: ``GET /`` and its static files, served by BOTK itself."""

from botk_web.page.views import bp

__all__ = ["bp"]
