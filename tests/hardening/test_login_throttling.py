"""Login throttling on both login pages: five wrong passwords for one username from one address
pause that pair; other users and other addresses are not affected."""

import pytest
from django.conf import settings
from django.test import Client, override_settings

from config.login_throttle import client_ip

pytestmark = pytest.mark.django_db

LOGIN_PAGES = {
    "site": ("/accounts/login/", {}),
    "admin": ("/admin/login/", {"next": "/admin/"}),
}


def attempt(client, page: str, username: str, password: str, ip: str = "203.0.113.7"):
    url, extra = LOGIN_PAGES[page]
    return client.post(url, {"username": username, "password": password, **extra}, REMOTE_ADDR=ip)


@pytest.fixture(autouse=True)
def fast_hashing(settings):
    # Each attempt hashes a password; the slow production hasher would make this file take 40 s.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def staff(user_factory):
    return user_factory("staffer", is_staff=True, is_superuser=True)


@pytest.mark.parametrize("page", ["site", "admin"])
def test_a_wrong_password_is_an_ordinary_form_error_below_the_limit(client, staff, page):
    response = attempt(client, page, "staffer", "wrong")
    assert response.status_code == 200
    assert "locked" not in response.content.decode().lower()


@pytest.mark.parametrize("page", ["site", "admin"])
def test_the_limit_locks_the_username_from_that_address_even_with_the_right_password(
    client, staff, page
):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, page, "staffer", "wrong")
    response = attempt(client, page, "staffer", "pw-for-tests-1")
    assert response.status_code == 429
    assert int(response["Retry-After"]) == settings.AXES_COOLOFF_TIME.total_seconds()
    html = response.content.decode()
    assert "Too many failed log-ins" in html and "15 minutes" in html
    assert "_auth_user_id" not in client.session


def test_the_lockout_holds_across_both_login_pages(client, staff):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "site", "staffer", "wrong")
    assert attempt(client, "admin", "staffer", "pw-for-tests-1").status_code == 429


def test_another_address_and_another_user_can_still_log_in(client, staff, curator):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "site", "staffer", "wrong")
    assert (
        attempt(Client(), "site", "staffer", "pw-for-tests-1", ip="198.51.100.2").status_code == 302
    )
    assert attempt(Client(), "site", "cora", "pw-for-tests-1").status_code == 302


def test_a_successful_login_clears_the_count(client, staff):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, "site", "staffer", "wrong")
    assert attempt(Client(), "site", "staffer", "pw-for-tests-1").status_code == 302
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, "site", "staffer", "wrong")
    assert attempt(Client(), "site", "staffer", "pw-for-tests-1").status_code == 302


def test_the_client_address_behind_a_trusted_proxy(rf):
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9")
    assert client_ip(request) == "10.0.0.1"
    with override_settings(TRUSTED_PROXY_COUNT=1):
        # The left entry is what the client claimed; the proxy's own entry is the right one.
        assert client_ip(request) == "203.0.113.9"
