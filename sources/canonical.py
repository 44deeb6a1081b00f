"""Canonical forms that decide when two articles are the same: their URL and their text.

Pure functions, no database: ``Source`` stores its URL in canonical form and its content hash
over the canonical text, so a URL differing only by trivia (host case, a default port, a
trailing slash, tracking parameters, a fragment) or a text differing only by white space finds
the source already stored instead of making a second one.
"""

from __future__ import annotations

import hashlib
from urllib.parse import unquote_plus, urlsplit, urlunsplit

DEFAULT_PORTS = {"http": 80, "https": 443}

# Query parameters that say where a visitor came from, never which page it is.
TRACKING_PARAMETERS = frozenset(
    {
        "fbclid",
        "gclid",
        "gclsrc",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "twclid",
        "ttclid",
        "li_fat_id",
        "igshid",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
        "_hsenc",
        "_hsmi",
        "mkt_tok",
        "oly_anon_id",
        "oly_enc_id",
        "vero_id",
        "rb_clickid",
        "s_cid",
        "ref_src",
    }
)
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_")


def is_tracking_parameter(name: str) -> bool:
    name = name.lower()
    return name in TRACKING_PARAMETERS or name.startswith(TRACKING_PREFIXES)


def canonical_url(url: str) -> str:
    """The form in which a source's URL is stored and compared.

    Scheme and host lower-case, the default port dropped, no trailing slash (except the bare
    root ``/``), tracking parameters (utm_*, fbclid, gclid, ...) and the fragment removed; the
    other query parameters keep their order. Path case, ``http`` vs ``https`` and ``www.`` are
    kept: sites may serve different pages under them. Returns "" for an empty URL and the
    stripped input when it cannot be parsed as a URL with a host.
    """
    url = (url or "").strip()
    if not url:
        return ""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    host = (parts.hostname or "").rstrip(".")
    if not parts.scheme or not host:
        return url
    scheme = parts.scheme.lower()
    if ":" in host:  # an IPv6 address keeps its brackets
        host = f"[{host}]"
    netloc = host
    if port is not None and port != DEFAULT_PORTS.get(scheme):
        netloc = f"{host}:{port}"
    if parts.username is not None:
        userinfo = parts.username + (f":{parts.password}" if parts.password is not None else "")
        netloc = f"{userinfo}@{netloc}"
    path = parts.path or "/"
    if len(path) > 1:
        path = path.rstrip("/") or "/"
    # Parameters are kept as written (their encoding too); only tracking ones are left out.
    query = "&".join(
        pair
        for pair in parts.query.split("&")
        if pair and not is_tracking_parameter(unquote_plus(pair.split("=", 1)[0]))
    )
    return urlunsplit((scheme, netloc, path, query, ""))


def text_fingerprint(text: str) -> str:
    """The text with every run of white space made one space and none at either end: two texts
    with the same fingerprint differ only in line breaks, indentation or doubled spaces."""
    return " ".join(text.split())


def content_hash(text: str) -> str:
    """SHA-256 of the text's fingerprint: the same words in the same order hash the same."""
    return hashlib.sha256(text_fingerprint(text).encode("utf-8")).hexdigest()
