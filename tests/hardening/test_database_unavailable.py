"""While the database is out of reach (PostgreSQL restarting, SQLite locked past the busy
timeout) pages answer 503 with Retry-After, not 500; real bugs stay 500s."""

import sqlite3

import psycopg
import pytest
from django.db import connection
from django.db import utils as db_utils
from django.test import Client

from config.errors import database_unavailable

pytestmark = pytest.mark.django_db


def driver_error(kind: str) -> Exception:
    """The error the database driver raises, wrapped as Django wraps it (a Django error of the
    same name, the driver's as its cause): either driver, whichever database runs the suite."""
    errors = {
        "refused": psycopg.OperationalError(
            'connection failed: connection to server at "127.0.0.1", port 5432 failed: '
            "Connection refused"
        ),
        "shutdown": psycopg.errors.AdminShutdown(
            "terminating connection due to administrator command"
        ),
        "locked": sqlite3.OperationalError("database is locked"),
        "closed": psycopg.InterfaceError("the connection is closed"),
        "syntax": psycopg.errors.SyntaxError("syntax error at or near"),
        "no table": sqlite3.OperationalError("no such table: nope"),
    }
    error = errors[kind]
    for cls in type(error).__mro__:
        wrapper = getattr(db_utils, cls.__name__, None)
        if wrapper is not None and issubclass(wrapper, db_utils.Error):
            try:
                raise wrapper(*error.args) from error
            except db_utils.Error as exc:
                return exc
    raise AssertionError(f"no Django error for {error!r}")


@pytest.fixture
def failing_database(monkeypatch):
    """Every new query fails as the driver would fail with the database gone."""

    def fail_with(kind: str):
        def ensure_connection():
            raise driver_error(kind)

        # Query on a connection that cannot be (re)established: cursor() calls this first.
        monkeypatch.setattr(connection, "ensure_connection", ensure_connection)

    return fail_with


@pytest.mark.parametrize("kind", ["refused", "shutdown", "locked", "closed"])
def test_a_page_answers_503_with_retry_after_while_the_database_is_unavailable(
    failing_database, kind
):
    client = Client(raise_request_exception=False)
    failing_database(kind)
    response = client.get("/sources/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "Briefly unavailable" in response.content.decode()


def test_a_logged_in_curator_gets_503_too(curator_client, failing_database):
    # The session and the user are loaded from the database before the view runs.
    curator_client.raise_request_exception = False
    failing_database("refused")
    response = curator_client.get("/curate/")
    assert response.status_code == 503


@pytest.mark.parametrize("kind", ["syntax", "no table"])
def test_a_database_error_that_is_a_bug_stays_a_500(failing_database, kind):
    client = Client(raise_request_exception=False)
    failing_database(kind)
    assert client.get("/sources/").status_code == 500


@pytest.mark.parametrize(
    "kind, unavailable",
    [("refused", True), ("shutdown", True), ("locked", True), ("closed", True)]
    + [("syntax", False), ("no table", False)],
)
def test_which_errors_mean_unavailable(kind, unavailable):
    assert database_unavailable(driver_error(kind)) is unavailable
    assert database_unavailable(ValueError("x")) is False


@pytest.mark.parametrize("kind", ["refused", "shutdown"])
def test_the_api_answers_503_with_retry_after_while_the_database_is_unavailable(
    failing_database, kind
):
    # django-ninja handles a view's exceptions itself, before the middleware sees them.
    client = Client(raise_request_exception=False)
    failing_database(kind)
    response = client.get("/api/claims")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "unavailable" in response.json()["detail"]


def test_an_api_database_error_that_is_a_bug_stays_a_500(failing_database):
    client = Client(raise_request_exception=False)
    failing_database("syntax")
    assert client.get("/api/claims").status_code == 500
