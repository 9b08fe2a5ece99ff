"""Adapters: one module or sub-package per technology, each implementing a botk_core port."""

__all__: list[str] = []
