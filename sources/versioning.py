"""Optimistic concurrency: every edit carries the version of the object it was made on.

Sources, claims and mentions have a ``version`` that ``save()`` bumps. A form or HTMX action
sends the version it showed; the write function calls ``check_version`` first, inside its
transaction: the row is locked (PostgreSQL; SQLite's IMMEDIATE transactions serialise writers
anyway) and a version other than the one sent means someone changed the object meanwhile, so
the edit is refused (``StaleEdit``) instead of silently overwriting theirs. A request without a
version (an old page, a script) is not checked.
"""

from __future__ import annotations

STALE_MESSAGE = (
    "Someone else changed this while you were looking at it, so your change was not saved. "
    "Here is how it stands now: make your change again if it still applies."
)


class StaleEdit(Exception):
    """The object changed since the version the edit was made on."""

    def __init__(self, obj, current_version: int | str | None):
        super().__init__(STALE_MESSAGE)
        self.obj = obj
        self.current_version = current_version


def parse_version(raw: str | None) -> int | None:
    """The version a form sent, or None when it sent none (or nothing readable)."""
    raw = (raw or "").strip()
    if raw.isascii() and raw.isdecimal() and len(raw) <= 9:
        return int(raw)
    return None


def check_version(obj, expected: int | None) -> None:
    """Refuse the edit unless ``obj`` is still at version ``expected`` (no check for None).

    Call it first inside the write's transaction: it locks the row until the commit, so two
    edits made on the same version cannot both pass. One query."""
    if expected is None:
        return
    current = (
        type(obj)
        ._default_manager.select_for_update()
        .filter(pk=obj.pk)
        .values_list("version", flat=True)
        .first()
    )
    if current != expected:
        raise StaleEdit(obj, current)
    obj.version = current


def bump_version(obj, save_kwargs: dict) -> None:
    """Called by ``save()``: an existing object moves to its next version (a new one is 1)."""
    if obj._state.adding:
        return
    obj.version = (obj.version or 0) + 1
    if save_kwargs.get("update_fields") is not None:
        save_kwargs["update_fields"] = {*save_kwargs["update_fields"], "version"}
