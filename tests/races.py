"""Helpers for the tests that race two requests on PostgreSQL (tests/curation/test_merge_races.py,
tests/hardening/test_uniqueness_races.py): threads with their own connections, a barrier."""

import contextlib
import threading

from django.db import connections
from django.test import Client


def run_together(*jobs):
    """Run each job in its own thread (own database connection); return results or errors."""
    results: list = [None] * len(jobs)

    def run(i, job):
        try:
            results[i] = job()
        except Exception as exc:  # the point of the tests: none expected
            results[i] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


def meet_before(monkeypatch, owner, name, parties=2):
    """Make every call of ``owner.name`` wait until ``parties`` threads have called it, so they
    go on together. A broken barrier (one thread did not come) just lets the other go on."""
    original = getattr(owner, name)
    barrier = threading.Barrier(parties, timeout=5)

    def together(*args, **kwargs):
        with contextlib.suppress(threading.BrokenBarrierError):
            barrier.wait()
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, together)


def client_for(user) -> Client:
    """A test client signed in as ``user`` that answers server errors as responses."""
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client
