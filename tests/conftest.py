"""Shared fixtures. The test database is created once with the demo corpus loaded, so tests can
assert against the five curated articles; each test runs in a transaction rolled back after it."""

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0)


@pytest.fixture
def user_factory(django_user_model):
    def make(username: str, **extra):
        return django_user_model.objects.create_user(
            username=username, password="pw-for-tests-1", **extra
        )

    return make


@pytest.fixture
def reader(user_factory):
    """A logged-in user with no role."""
    return user_factory("reader")
