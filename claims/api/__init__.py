"""The read-only JSON API under /api/ (django-ninja). ``api`` is wired in config/urls.py."""

from claims.api.main import api

__all__ = ["api"]
