"""Fuzz every URL pattern as every role with hostile values: no response may be a 5xx.

The URL patterns come from walking the resolver (the site's and the admin's), so a new page is
fuzzed without anyone listing it. Path parameters get real ids and slugs of the demo corpus
(so views run past their lookups) or hostile ones; query and form parameters are the names of
every form and filter field of the apps, with hostile values: unicode digits like "²", huge
integers, NUL bytes, long strings, markup, bad slugs; bodies are also sent as multipart without
a boundary or as JSON. Each request runs in a savepoint rolled back afterwards, so one
example's writes do not steer the next.

Bounded for CI: ``FUZZ_EXAMPLES`` examples per URL pattern for the site's pages (default 8),
fewer for the admin's, derandomised so a run is repeatable; ``FUZZ_RANDOM=1`` explores new
inputs. The totals are printed at the end of the module (run with ``-s`` to see them).
"""

from __future__ import annotations

import os
import re
import sys
from collections import Counter
from dataclasses import dataclass
from urllib.parse import quote

import django_filters
import pytest
from django import forms
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern, RoutePattern
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.models import Claim, Mention
from claims.roles import CURATOR, EDITOR, ensure_groups
from sources.models import RubricItem, Source

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "8"))
ADMIN_EXAMPLES = max(2, EXAMPLES // 3)
DERANDOMIZE = os.environ.get("FUZZ_RANDOM", "") != "1"

pytestmark = pytest.mark.django_db

TOTALS: Counter = Counter()
SERVER_ERRORS: list[str] = []


# --- What to fuzz ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    template: str  # the pattern, e.g. "curate/sources/<id:pk>/"
    pattern: URLPattern

    @property
    def is_admin(self) -> bool:
        return self.template.startswith("admin/")


def walk(patterns, prefix: str = ""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from walk(entry.url_patterns, prefix + str(entry.pattern))
        else:
            yield Route(prefix + str(entry.pattern), entry)


ROUTES = list(walk(get_resolver().url_patterns))


def form_field_names() -> set[str]:
    """Every field of every form and filter set of the apps (their modules are imported by
    the URL configuration walked above)."""

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    names: set[str] = set()
    for cls in subclasses(forms.BaseForm):
        if cls.__module__.startswith(("claims", "sources")):
            names.update(getattr(cls, "base_fields", {}))
    for cls in subclasses(django_filters.FilterSet):
        if cls.__module__.startswith(("claims", "sources")):
            names.update(cls.base_filters)
    for item in RubricItem:  # the rubric form's fields are made per item
        names.update({item.value, f"{item.value}_note"})
    # Parameters read straight from request.GET, the login form and the admin's.
    names.update({"page", "sort", "show", "link", "s", "next", "username", "password", "action"})
    names.update({"o", "p", "e", "q", "all", "_popup", "_changelist_filters", "_save"})
    return names


PARAMETER_NAMES = sorted(form_field_names())

HOSTILE = [
    "²",
    "١٢٣",
    "٣",
    "-1",
    "0",
    "1.5",
    "1e309",
    "NaN",
    str(2**63),
    "9" * 30,
    "\x00",
    "a\x00b",
    "x" * 5000,
    "<script>alert(1)</script>",
    "' OR '1'='1",
    "%",
    "%00",
    "../../etc/passwd",
    " ",
    "",
    "🙂",
    "true",
    "null",
    "[]",
    "a,b,,c",
    "-",
    "a" * 301,
]
BAD_SLUGS = ["a" * 300, "-", "--x--", "_", "a_b", "UPPER", "x" * 121]


def real_values():
    """Ids and slugs that exist in the demo corpus, so views get past their lookups."""
    source = Source.objects.order_by("pk").first()
    mention = Mention.objects.order_by("pk").first()
    claim = Claim.objects.order_by("pk").first()
    return {
        "ids": [str(source.pk), str(mention.pk), str(claim.pk), "1"],
        "slugs": [claim.slug, "depression", "psilocybin", Claim.objects.last().slug],
        "values": [
            claim.slug,
            "depression",
            "psilocybin",
            "benefit",
            "established",
            "low",
            "news",
            "publish",
            "yes",
            str(source.pk),
        ],
    }


def hostile_text():
    return st.one_of(
        st.sampled_from(HOSTILE),
        st.text(max_size=40),
        st.integers(min_value=-(2**70), max_value=2**70).map(str),
    )


@st.composite
def path_for(draw, route: Route, real: dict) -> str:
    """A path matching ``route`` (or meant to: hostile values may fall through to a 404)."""
    template = route.template
    if isinstance(route.pattern.pattern, RegexPattern):
        if "history/([^/]+)" in template:
            first, second = (
                draw(st.sampled_from(real["ids"] + ["abc", "²", "9" * 25])) for _ in range(2)
            )
            return "/" + template.split("^")[0] + f"{quote(first)}/history/{quote(second)}/"
        if "(?P<app_label>" in template:
            return "/admin/" + draw(st.sampled_from(["auth", "axes", "sources", "claims"])) + "/"
        return "/admin/" + quote(draw(hostile_text()), safe="/")
    assert isinstance(route.pattern.pattern, RoutePattern)

    def value(match: re.Match) -> str:
        converter = match.group(1) or "str"
        if converter == "id":
            raw = draw(st.sampled_from(real["ids"] + ["9" * 18, "0"]))
        elif converter == "slug":
            raw = draw(
                st.one_of(
                    st.sampled_from(real["slugs"] + BAD_SLUGS),
                    st.from_regex(r"[-a-zA-Z0-9_]{1,60}", fullmatch=True),
                )
            )
        else:  # str and path: the admin's object ids
            raw = draw(st.one_of(st.sampled_from(real["ids"]), hostile_text()))
            raw = raw or "x"
        return quote(raw, safe="")

    return "/" + re.sub(r"<(?:(\w+):)?\w+>", value, template)


@st.composite
def parameters(draw, real: dict) -> dict[str, list[str]]:
    names = draw(st.lists(st.sampled_from(PARAMETER_NAMES), max_size=6, unique=True))
    values = st.one_of(hostile_text(), st.sampled_from(real["values"]))
    return {name: draw(st.lists(values, min_size=1, max_size=3)) for name in names}


# --- Who asks ------------------------------------------------------------------------------

ROLES = ["anonymous", "reader", "curator", "editor", "admin"]


@pytest.fixture
def sessions(client):
    """A logged-in session cookie per role (made once per test, outside the savepoints)."""
    groups = ensure_groups()
    users = {
        "reader": get_user_model().objects.create_user("fuzz-reader"),
        "curator": get_user_model().objects.create_user("fuzz-curator"),
        "editor": get_user_model().objects.create_user("fuzz-editor"),
        "admin": get_user_model().objects.create_superuser("fuzz-admin", "a@example.org", None),
    }
    users["curator"].groups.add(groups[CURATOR])
    users["editor"].groups.add(groups[CURATOR], groups[EDITOR])
    cookies = {"anonymous": None}
    for role, user in users.items():
        login = Client()
        login.force_login(user)
        cookies[role] = login.cookies[django_settings.SESSION_COOKIE_NAME].value
    return cookies


def request(client: Client, method: str, path: str, params, body: str, htmx: bool):
    headers = {"HX-Request": "true"} if htmx else {}
    if method == "GET":
        return client.get(path, params, headers=headers)
    if body == "form":
        return client.post(path, params, headers=headers)
    if body == "multipart-no-boundary":
        return client.generic(
            method, path, b"--x\r\njunk", content_type="multipart/form-data", headers=headers
        )
    if body == "json":
        return client.generic(
            method, path, b'{"a": [1, 2', content_type="application/json", headers=headers
        )
    return client.generic(method, path, b"\x00\xff" * 10, headers=headers)  # raw bytes


def fuzz(route: Route, sessions, data) -> None:
    real = real_values()
    path = data.draw(path_for(route, real), label="path")
    role = data.draw(st.sampled_from(ROLES), label="role")
    method = data.draw(st.sampled_from(["GET", "GET", "POST", "PUT", "DELETE"]), label="method")
    params = data.draw(parameters(real), label="params")
    body = data.draw(
        st.sampled_from(["form", "form", "multipart-no-boundary", "json", "raw"]), label="body"
    )
    htmx = data.draw(st.booleans(), label="htmx")

    client = Client(raise_request_exception=False, enforce_csrf_checks=False)
    if sessions[role]:
        client.cookies[django_settings.SESSION_COOKIE_NAME] = sessions[role]
    with transaction.atomic():
        response = request(client, method, path, params, body, htmx)
        transaction.set_rollback(True)
    TOTALS["requests"] += 1
    TOTALS[f"{response.status_code // 100}xx"] += 1
    if response.status_code >= 500:
        SERVER_ERRORS.append(f"{response.status_code} {method} {path} as {role}")
    assert response.status_code < 500, (method, path, role, params, body, htmx)


def fuzz_settings(examples: int):
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=DERANDOMIZE,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


SITE_ROUTES = [r for r in ROUTES if not r.is_admin]
ADMIN_ROUTES = [r for r in ROUTES if r.is_admin]


@pytest.mark.parametrize("route", SITE_ROUTES, ids=[r.template or "home" for r in SITE_ROUTES])
@fuzz_settings(EXAMPLES)
@given(data=st.data())
def test_site_pages_never_answer_5xx(route, sessions, data):
    fuzz(route, sessions, data)


@pytest.mark.parametrize("route", ADMIN_ROUTES, ids=[r.template for r in ADMIN_ROUTES])
@fuzz_settings(ADMIN_EXAMPLES)
@given(data=st.data())
def test_admin_pages_never_answer_5xx(route, sessions, data):
    fuzz(route, sessions, data)


def test_every_url_pattern_is_fuzzed():
    # The walk found the site's pages and the admin's; nothing was filtered out by accident.
    assert len(SITE_ROUTES) >= 25 and len(ADMIN_ROUTES) >= 50
    assert {r.template for r in SITE_ROUTES} >= {"sources/", "curate/add/", "claims/"}


@pytest.fixture(scope="module", autouse=True)
def report():
    yield
    if TOTALS["requests"]:
        counts = ", ".join(f"{k} {v}" for k, v in sorted(TOTALS.items()) if k != "requests")
        sys.stdout.write(
            f"\nfuzz: {TOTALS['requests']} requests over {len(ROUTES)} URL patterns "
            f"({counts}); 5xx: {len(SERVER_ERRORS)}\n"
        )
        for line in SERVER_ERRORS[:20]:
            sys.stdout.write(f"  {line}\n")
