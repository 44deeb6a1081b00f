"""Error pages, and 503 instead of 500 while the database is out of reach.

Django's own 400/403/404 views are decorated with ``requires_csrf_token``, which runs the CSRF
check and so parses a POST body: a multipart POST without a boundary to an unknown URL made the
404 page itself fail (a 500). These views never touch ``request.POST`` or the body; the pages
they render take the CSRF token from the cookie (``{{ csrf_token }}``), as every page does.
"""

from __future__ import annotations

import logging
import sqlite3
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import loader

logger = logging.getLogger(__name__)

# Seconds a client is asked to wait before retrying while the database is unavailable: a
# PostgreSQL restart or a SQLite writer holding the lock past the busy timeout is short.
RETRY_AFTER_SECONDS = 5

# PostgreSQL SQLSTATE codes that mean "the server is not there (now)", not "your query is wrong".
_UNAVAILABLE_SQLSTATES = {
    "57P01",  # admin_shutdown: the server is restarting
    "57P02",  # crash_shutdown
    "57P03",  # cannot_connect_now: starting up or shutting down
    "53300",  # too_many_connections
}
_SQLITE_UNAVAILABLE = ("database is locked", "database table is locked", "unable to open database")


def database_unavailable(exc: BaseException | None) -> bool:
    """Whether ``exc`` says the database cannot be reached (or is locked) for now.

    A connection error (``InterfaceError``), a PostgreSQL error with no SQLSTATE (the driver
    could not connect or lost the connection) or with a connection-class SQLSTATE (08xxx) or a
    shutdown code, or SQLite's lock and open errors. Other database errors (a bad query, a
    constraint) are bugs and stay 500s.
    """
    if isinstance(exc, InterfaceError):
        return True
    if not isinstance(exc, OperationalError):
        return False
    cause = exc.__cause__
    if isinstance(cause, sqlite3.OperationalError):
        return str(cause).startswith(_SQLITE_UNAVAILABLE)
    if cause is not None and type(cause).__module__.startswith("psycopg"):
        sqlstate = getattr(cause, "sqlstate", None)
        return sqlstate is None or sqlstate.startswith("08") or sqlstate in _UNAVAILABLE_SQLSTATES
    return False


def unavailable_response() -> HttpResponse:
    """The 503 page: static, rendered without a request context (which would query)."""
    body = loader.render_to_string("503.html")
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class DatabaseUnavailableMiddleware:
    """Answer 503 with Retry-After, not 500, when a view fails because the database is down or
    locked. Exceptions raised outside views (a session saved after the view) reach
    ``server_error`` below, which answers the same way."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception):
        if database_unavailable(exception):
            logger.warning("Database unavailable (%s): %s", request.path, exception)
            return unavailable_response()
        return None


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "400.html", status=400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # Called while the exception is being handled, so sys.exc_info() holds it.
    if database_unavailable(sys.exc_info()[1]):
        return unavailable_response()
    return HttpResponse(loader.render_to_string("500.html"), status=500)
