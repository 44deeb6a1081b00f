"""Shared fixtures. The test database is created once with the demo corpus loaded, so tests can
assert against the five curated articles; each test runs in a transaction rolled back after it."""

import pytest
from django.core.management import call_command
from django.db import connections

from claims.roles import CURATOR, EDITOR, ensure_groups


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        # A replica alias (DATABASE_REPLICA_URLS) mirrors the test database only once it is
        # created; a connection the migrations opened before that still points at the real one.
        for alias in connections:
            if alias != "default":
                connections[alias].close()
        call_command("load_demo", verbosity=0)


@pytest.fixture(autouse=True)
def _fresh_reader_cache(settings):
    """Each test starts with no rendered reader page kept (claims/caching.py): the database is
    rolled back between tests, so a version number comes round again with other content."""
    from django.core.cache import caches

    caches[settings.READER_CACHE].clear()


@pytest.fixture
def user_factory(django_user_model):
    def make(username: str, **extra):
        return django_user_model.objects.create_user(
            username=username, password="pw-for-tests-1", **extra
        )

    return make


@pytest.fixture
def reader(user_factory):
    """A logged-in user with no role (an outsider to curation)."""
    return user_factory("reader")


@pytest.fixture
def groups(db):
    return ensure_groups()


@pytest.fixture
def curator(user_factory, groups):
    user = user_factory("cora")
    user.groups.add(groups[CURATOR])
    return user


@pytest.fixture
def editor(user_factory, groups):
    user = user_factory("eddie")
    user.groups.add(groups[CURATOR], groups[EDITOR])
    return user


@pytest.fixture
def curator_client(client, curator):
    client.force_login(curator)
    return client


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
