"""SQLite with two workers: two read-then-write transactions at once both succeed.

With SQLite's default (deferred) transactions both read, then the second to write fails with
"database is locked" at once: the busy timeout cannot help a reader that must upgrade its lock
while another writer waits for it. IMMEDIATE transactions take the write lock at BEGIN, so the
second waits its turn. Runs on a file database (WAL needs one) with the project's options,
whatever database the suite uses.
"""

import threading

import pytest
from django.conf import settings
from django.db import connections
from django.db.backends.sqlite3.base import DatabaseWrapper

pytestmark = pytest.mark.django_db


def sqlite_wrapper(path, options) -> DatabaseWrapper:
    configured = connections.configure_settings(
        {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(path), "OPTIONS": options}}
    )
    return DatabaseWrapper(configured["default"], alias=f"sqlite-check-{threading.get_ident()}")


def read_then_write(path, options, before_begin, after_read, errors):
    db = sqlite_wrapper(path, options)
    try:
        before_begin()
        db.ensure_connection()
        db._start_transaction_under_autocommit()  # what transaction.atomic() does on SQLite
        with db.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM visit")
            seen = cursor.fetchone()[0]
            after_read()
            cursor.execute("INSERT INTO visit (seen) VALUES (%s)", [seen])
        db.commit()
    except Exception as exc:  # recorded for the assertion: the point is that none happen
        errors.append(exc)
    finally:
        db.close()


def test_two_writers_queue_for_the_lock_instead_of_failing(tmp_path):
    path = tmp_path / "two-workers.sqlite3"
    options = settings.SQLITE_OPTIONS
    setup = sqlite_wrapper(path, options)
    with setup.cursor() as cursor:
        cursor.execute("CREATE TABLE visit (id INTEGER PRIMARY KEY, seen INTEGER)")
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
    setup.close()

    first_has_read, second_begins = threading.Event(), threading.Event()
    errors: list[Exception] = []
    first = threading.Thread(
        target=read_then_write,
        args=(path, options, lambda: None, lambda: (first_has_read.set(), second_begins.wait(5))),
        kwargs={"errors": errors},
    )
    second = threading.Thread(
        target=read_then_write,
        args=(path, options, lambda: (first_has_read.wait(5), second_begins.set()), lambda: None),
        kwargs={"errors": errors},
    )
    first.start(), second.start()
    first.join(30), second.join(30)

    assert errors == []
    check = sqlite_wrapper(path, options)
    with check.cursor() as cursor:
        cursor.execute("SELECT seen FROM visit ORDER BY id")
        # The second writer read after the first committed: no lost update either.
        assert [row[0] for row in cursor.fetchall()] == [0, 1]
    check.close()
