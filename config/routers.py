"""Read replicas: readers' page views read from a replica, everything else uses the primary.

Used when ``DATABASE_REPLICA_URLS`` is set (config/settings.py). Only anonymous GET/HEAD requests
are let off the primary (by :class:`PinToPrimaryMiddleware`): writes, signed-in users (curators
read what they just wrote; replication lag must never hide it), management commands, migrations
and anything inside a transaction read from the primary.
"""

from __future__ import annotations

import random
from contextvars import ContextVar

from django.conf import settings
from django.db import connections

_pinned: ContextVar[bool] = ContextVar("pinned_to_primary", default=True)


def replicas() -> list[str]:
    return [alias for alias in settings.DATABASES if alias.startswith("replica")]


def in_transaction() -> bool:
    return connections["default"].in_atomic_block


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints):
        if _pinned.get() or in_transaction():
            return "default"
        choices = replicas()
        return random.choice(choices) if choices else "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # every alias holds the same data

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"


class PinToPrimaryMiddleware:
    """Pin writes and signed-in users' requests to the primary (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        pinned = request.method not in ("GET", "HEAD") or bool(
            getattr(request, "user", None) and request.user.is_authenticated
        )
        token = _pinned.set(pinned)
        try:
            return self.get_response(request)
        finally:
            _pinned.reset(token)
