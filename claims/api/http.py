"""HTTP behaviour shared by every API operation: caching headers and the anonymous rate limit."""

from __future__ import annotations

from functools import wraps

from django.conf import settings
from django.http import HttpRequest
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag
from ninja.throttling import AnonRateThrottle


def cached(run):
    """Wrap an operation: a 200 gets ``Cache-Control: public, max-age=API_CACHE_SECONDS`` and an
    ``ETag`` (a hash of the body), and a request whose ``If-None-Match`` matches gets a 304 with
    no body. Error responses are not cached."""

    @wraps(run)
    def wrapper(request: HttpRequest, *args, **kwargs):
        response = run(request, *args, **kwargs)
        if response.status_code != 200 or response.streaming:
            return response
        patch_cache_control(response, public=True, max_age=settings.API_CACHE_SECONDS)
        set_response_etag(response)
        return get_conditional_response(request, etag=response["ETag"], response=response)

    return wrapper


class AnonymousRate(AnonRateThrottle):
    """ninja's per-IP throttle for anonymous clients, with its rate read from
    ``settings.API_ANON_RATE`` on every request (so a deployment or a test can change it)."""

    def __init__(self) -> None:
        self.rate = None

    def allow_request(self, request: HttpRequest) -> bool:
        self.rate = settings.API_ANON_RATE
        if not self.rate:
            return True
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)
