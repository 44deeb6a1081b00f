"""Opaque cursors for the API's listings.

A cursor is a signed token (``django.core.signing``): clients cannot read or forge it, and one
made for another listing or other filters is refused with a 400 instead of giving a wrong page.
Two kinds:

- *keyset* (mentions, sources, publishers): the last id of the page; the next page is
  ``id > last`` in id order, so rows added meanwhile never shift or repeat a page;
- *position* (claims): the claims browser orders claims by counts (sources, grade, relevance) that
  no index holds, so its cursor keeps a position in that order, which ends with the claim id to
  be stable (two claims never tie). A claim gaining a source between two requests may move.
"""

from __future__ import annotations

import hashlib

from django.core import signing
from ninja.errors import HttpError

SALT = "claims.api.cursor"


def fingerprint(listing: str, params: dict) -> str:
    """A short digest of the listing and the filters a cursor was made for."""
    canonical = repr(sorted((k, v) for k, v in params.items() if k not in {"cursor", "limit"}))
    return hashlib.blake2b(f"{listing}|{canonical}".encode(), digest_size=6).hexdigest()


def make_cursor(listing: str, params: dict, value: int) -> str:
    return signing.dumps({"f": fingerprint(listing, params), "v": value}, salt=SALT, compress=True)


def read_cursor(cursor: str | None, listing: str, params: dict) -> int | None:
    """The position or last id a cursor holds (None without a cursor); a 400 when it is not
    one this listing with these filters gave out."""
    if not cursor:
        return None
    try:
        data = signing.loads(cursor, salt=SALT)
    except signing.BadSignature:
        raise HttpError(
            400, "This cursor is not valid: use the next_cursor of a response."
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("v"), int) or data["v"] < 0:
        raise HttpError(400, "This cursor is not valid: use the next_cursor of a response.")
    if data.get("f") != fingerprint(listing, params):
        raise HttpError(
            400, "This cursor belongs to other filters: repeat the filters it was made with."
        )
    return data["v"]


def keyset_page(queryset, listing: str, params: dict, cursor: str | None, limit: int, out) -> dict:
    """A keyset listing's page: ``limit`` rows of ``queryset`` after the cursor's id, in id
    order, each through ``out``, and the cursor of the next page (None on the last). One query
    (the rows and one more, to know whether a next page exists)."""
    after = read_cursor(cursor, listing, params) or 0
    page = list(queryset.filter(pk__gt=after).order_by("pk")[: limit + 1])
    more = len(page) > limit
    page = page[:limit]
    return {
        "results": [out(row) for row in page],
        "next_cursor": make_cursor(listing, params, page[-1].pk) if more else None,
    }
