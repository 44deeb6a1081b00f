"""Login throttling with django-axes: who a failed login counts against, and the lockout page.

Both login pages (``/accounts/login/`` and the admin's) authenticate through Django's
``authenticate``, which axes watches; after ``AXES_FAILURE_LIMIT`` wrong passwords for one
username from one address, that pair is refused until ``AXES_COOLOFF_TIME`` has passed (or an
administrator runs ``manage.py axes_reset_username NAME``). Locking the pair, not the address
alone, keeps one user's typos from locking out everyone behind the same proxy or office NAT.
"""

from __future__ import annotations

import math

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def client_ip(request: HttpRequest) -> str:
    """The client's address. Behind ``TRUSTED_PROXY_COUNT`` reverse proxies (each appending to
    X-Forwarded-For) it is the entry the outermost trusted proxy added; entries further left
    are whatever the client sent and cannot be trusted."""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def lockout_response(request: HttpRequest, original_response=None, credentials=None):
    """The lockout page: 429 with Retry-After, saying what happened and what to do."""
    cool_off = settings.AXES_COOLOFF_TIME
    minutes = math.ceil(cool_off.total_seconds() / 60)
    ctx = {"minutes": minutes, "failure_limit": settings.AXES_FAILURE_LIMIT}
    response: HttpResponse = render(request, "registration/locked_out.html", ctx, status=429)
    response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response
