"""Fetch a URL's bytes within limits: size, time, content type, and no private addresses unless allowed.

Redirects are followed by hand so that every hop's host is resolved and checked before it is contacted.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from functools import cache
from urllib.parse import urljoin, urlsplit

import httpx

from .errors import FetchError

ACCEPTED_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "text/markdown")
_USER_AGENT = "briefbot/0.1 (+https://github.com/briefbot; news briefing bot)"


@dataclass(frozen=True, slots=True)
class FetchLimits:
    max_bytes: int = 5 * 1024 * 1024
    timeout: float = 15.0
    max_redirects: int = 5
    allow_private: bool = False


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # the final URL, after redirects
    content: bytes
    content_type: str
    status: int = 200  # 304 when a conditional request found nothing changed (content is then empty)
    etag: str | None = None
    last_modified: str | None = None


def fetch(url: str, limits: FetchLimits = FetchLimits(), accept: tuple[str, ...] | None = ACCEPTED_TYPES,
          etag: str | None = None, last_modified: str | None = None) -> Fetched:
    """GET `url` and return its body, or raise FetchError with a reason fit to show a user. With `etag` or
    `last_modified` from an earlier answer the request is conditional, and an unchanged resource comes back
    as status 304 with no content. `accept=None` takes any content type."""
    current = url
    headers = {"User-Agent": _USER_AGENT}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    with httpx.Client(timeout=limits.timeout, follow_redirects=False, headers=headers,
                      verify=_tls_context()) as client:
        for _ in range(limits.max_redirects + 1):
            check_url(current, limits.allow_private)
            try:
                with client.stream("GET", current) as response:
                    if response.status_code == 304 and (etag or last_modified):
                        return Fetched(str(response.url), b"", "", 304, response.headers.get("etag") or etag,
                                       response.headers.get("last-modified") or last_modified)
                    if response.is_redirect:
                        location = response.headers.get("location")
                        if not location:
                            raise FetchError(f"HTTP {response.status_code} redirect without a location")
                        current = urljoin(current, location)
                        continue
                    if response.status_code >= 400:
                        raise FetchError(f"HTTP {response.status_code} {response.reason_phrase}".strip())
                    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
                    if accept is not None and content_type and not content_type.startswith(accept):
                        raise FetchError(f"not an article page (content type {content_type})")
                    declared = response.headers.get("content-length")
                    if declared and declared.isdigit() and int(declared) > limits.max_bytes:
                        raise FetchError(f"too large ({int(declared):,} bytes, limit {limits.max_bytes:,})")
                    body = bytearray()
                    for chunk in response.iter_bytes():
                        body.extend(chunk)
                        if len(body) > limits.max_bytes:
                            raise FetchError(f"too large (over the {limits.max_bytes:,}-byte limit)")
                    return Fetched(str(response.url), bytes(body), content_type, response.status_code,
                                   response.headers.get("etag"), response.headers.get("last-modified"))
            except httpx.TimeoutException:
                raise FetchError(f"timed out after {limits.timeout:g} s") from None
            except httpx.HTTPError as exc:
                raise FetchError(f"could not connect ({type(exc).__name__})") from None
    raise FetchError(f"too many redirects (more than {limits.max_redirects})")


@cache
def _tls_context():
    """One TLS context (certifi's CA bundle, as httpx's default) for every fetch: building it costs ~18 ms,
    more than a whole 304 answer from a nearby server. A context is safe to share between threads."""
    return httpx.create_ssl_context()


def check_url(url: str, allow_private: bool) -> None:
    """Refuse non-http(s) URLs and, unless allowed, hosts that resolve to a private address."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError("not an http(s) URL")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
    except (socket.gaierror, UnicodeError):
        raise FetchError(f"unknown host {parts.hostname}") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not address.is_global:
            raise FetchError(f"refused: {parts.hostname} is a private or local address")
