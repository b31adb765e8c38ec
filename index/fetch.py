"""Fetch a URL's bytes within limits: size, time, content type, and no private addresses unless allowed.

Redirects are followed by hand so that every hop's host is resolved and checked before it is contacted.
The connection itself goes to an address that was checked (`_VettedBackend`): a host is resolved once for
the connection, so a DNS answer that changes between a check and the connection (rebinding) cannot reach a
private address.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from functools import cache
from urllib.parse import urljoin, urlsplit

import httpcore
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
                      transport=_transport(limits.allow_private)) as client:
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


def _transport(allow_private: bool) -> httpx.HTTPTransport:
    transport = httpx.HTTPTransport(verify=_tls_context())
    if not allow_private:
        # httpx takes no network backend of its own; its transport keeps httpcore's pool as `_pool`
        # (httpx is pinned, and tests/index/test_ingest.py fails if this stops taking effect).
        transport._pool = httpcore.ConnectionPool(ssl_context=_tls_context(), network_backend=_VettedBackend())
    return transport


class _VettedBackend(httpcore.SyncBackend):
    """httpcore's plain sockets, connected only to addresses checked to be public: the host is resolved here,
    once, and the connection made to that address (TLS still verifies the host name)."""

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        last: Exception | None = None
        for address in public_addresses(host, port):
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc  # the next address of the host, as a plain connection would
        raise last or httpcore.ConnectError(f"no address for {host}")


def public_addresses(host: str, port: int) -> list[str]:
    """The addresses `host` resolves to, or FetchError when it is unknown or any of them is not public."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise FetchError(f"unknown host {host}") from None
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    if not all(is_public(address) for address in addresses):
        raise FetchError(f"refused: {host} is a private or local address")
    return addresses


def is_public(address: str) -> bool:
    return ipaddress.ip_address(address.split("%")[0]).is_global


def check_url(url: str, allow_private: bool) -> None:
    """Refuse non-http(s) URLs and, unless allowed, hosts that resolve to a private address (before anything
    is sent; the connection checks the address it uses again)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError("not an http(s) URL")
    if not allow_private:
        public_addresses(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
