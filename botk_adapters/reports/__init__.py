"""The per-thread LaTeX report on the filesystem."""

from botk_adapters.reports.latex import escape_latex
from botk_adapters.reports.store import DEFAULT_TEMPLATE, FilesystemReportStore

__all__ = ["DEFAULT_TEMPLATE", "FilesystemReportStore", "escape_latex"]
