"""HTTP caching of reader pages: a knowledge-base version as validator, safe for CDNs.

Every curation write that changes what readers see bumps ``KnowledgeBaseVersion`` (through
``claims.readmodel``). Reader pages derive their ``ETag`` and ``Last-Modified`` from it, so a
browser or CDN revalidates with one cheap query and gets ``304 Not Modified`` until the next
publishing write. HTMX requests get the results fragment instead of the page: they carry their
own ETag and the response says ``Vary: HX-Request, HX-History-Restore-Request`` so no cache
hands one for the other.

The server keeps rendered reader pages too (Django's cache, ``READER_CACHE`` alias), keyed by
the knowledge-base version, the URL and page-or-fragment: a page asked for again before the next
publishing write is served without touching the read model, and a write needs no invalidation
(the new version makes new keys; the old entries age out).

Signed-in users (curators see history and curation links) get ``private, no-cache`` pages with
no validator: nothing personal is ever stored by a shared cache or by the server's.
"""

from __future__ import annotations

import hashlib
from functools import wraps

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import caches
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date

from claims.models import KnowledgeBaseVersion

VARY = ["HX-Request", "HX-History-Restore-Request"]


def reader_page(view):
    """Decorate a GET reader view: conditional GET on the knowledge-base version, then
    ``Cache-Control: public, max-age=READER_MAX_AGE, s-maxage=READER_SHARED_MAX_AGE``."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.user.is_authenticated:
            response = view(request, *args, **kwargs)
            patch_cache_control(response, private=True, no_cache=True)
            patch_vary_headers(response, VARY)
            return response
        current = KnowledgeBaseVersion.objects.order_by("pk").first()
        version = current.version if current else 0
        # htmx asks for the whole page again when it restores history (the views answer it so).
        htmx = getattr(request, "htmx", None)
        fragment = "fragment" if htmx and not htmx.history_restore_request else "page"
        etag = f'"kb{version}-{fragment}"'
        last_modified = int(current.changed_at.timestamp()) if current else None
        response = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if response is None:
            cache = caches[settings.READER_CACHE]
            path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
            # changed_at too: a database reloaded from scratch counts its versions from 1 again.
            key = f"reader:{version}:{last_modified}:{fragment}:{path}"
            response = cache.get(key)
            if response is None:
                response = view(request, *args, **kwargs)
                if response.status_code == 200:
                    response.headers["ETag"] = etag
                    if last_modified is not None:
                        response.headers["Last-Modified"] = http_date(last_modified)
                    # A page that showed this visitor's messages (say, left from before they
                    # logged out) is theirs alone: never kept for the others.
                    if not response.streaming and not get_messages(request).used:
                        cache.set(key, response, settings.READER_CACHE_SECONDS)
        else:
            response.headers["ETag"] = etag
        if response.status_code in (200, 304):
            patch_cache_control(
                response,
                public=True,
                max_age=settings.READER_MAX_AGE,
                s_maxage=settings.READER_SHARED_MAX_AGE,
            )
        patch_vary_headers(response, VARY)
        return response

    return wrapped
