import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def no_rate_limit(settings):
    """The anonymous rate limit is off unless a test sets it (tests/api/test_http.py does)."""
    settings.API_ANON_RATE = None
    cache.clear()
