"""News feeds (RSS and Atom): stored in the library, polled on their own schedule, each new entry read
through the library's own ingest path (same limits, same private-address guard, same duplicate checks).

A poll is one conditional GET (ETag / Last-Modified), so an unchanged feed costs a 304. A feed that fails
is retried later and later (exponential backoff, capped at a day) and its last error is kept for `feed list`.
Every interval is jittered by ±10 % so that feeds added together do not stay in step.

An entry is taken once: by its guid (or link) per feed, then by the library's URL, text and near-identical
text checks, which also catch one story syndicated by several outlets. Its page is fetched and extracted;
when that fails and the feed carries the full text (RSS content:encoded, Atom content), that text is used.
The entry's own title, date and author fill what the page does not say.
"""

from __future__ import annotations

import calendar
import hashlib
import logging
import random
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit
from xml.sax.saxutils import quoteattr

from .errors import ExtractError, FeedError, RejectedSource
from .extract import build_article, canonical_url, text_from_fragment
from .fetch import FetchLimits, fetch
from .models import Article, IngestResult, Outcome
from .schedules import Feed
from .sources import from_url

log = logging.getLogger(__name__)

DEFAULT_INTERVAL = 30 * 60
MIN_INTERVAL = 5 * 60          # politeness: nobody's feed is polled more often than this
MAX_INTERVAL = 7 * 24 * 3600
MAX_BACKOFF = 24 * 3600        # a failing feed is still tried once a day
JITTER = 0.1
MAX_ENTRY_ATTEMPTS = 3         # an entry whose page and text cannot be read is tried at three polls, then left
MAX_ENTRIES_PER_POLL = 200     # a feed listing more new entries than this gets the newest 200

_INTERVAL = re.compile(r"^\s*(?:every\s+)?(\d+)\s*(m|min|mins|minutes?|h|hours?|d|days?)?\s*$", re.IGNORECASE)


def parse_interval(text: str) -> int:
    """Seconds in "30m", "2h", "1d", "every 45 minutes" (a bare number is minutes); FeedError if not one."""
    match = _INTERVAL.match(text or "")
    if not match:
        raise FeedError(f"not an interval: {text!r} (try 30m, 2h or 1d)")
    unit = (match.group(2) or "m")[0].lower()
    seconds = int(match.group(1)) * {"m": 60, "h": 3600, "d": 86400}[unit]
    if not MIN_INTERVAL <= seconds <= MAX_INTERVAL:
        raise FeedError(f"the interval must be between {MIN_INTERVAL // 60} minutes and {MAX_INTERVAL // 86400} days")
    return seconds


def feed_url(text: str) -> str:
    """A feed address as given, checked to be an http(s) URL (its host is checked when it is fetched)."""
    url = (text or "").strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or len(url) > 2000 or any(c.isspace() for c in url):
        raise FeedError(f"not an http(s) feed URL: {url[:100]!r}")
    return url


def describe_interval(seconds: int) -> str:
    if seconds % 86400 == 0:
        return f"{seconds // 86400}d"
    if seconds % 3600 == 0:
        return f"{seconds // 3600}h"
    return f"{seconds // 60}m"


def next_poll(now: datetime, interval_s: int, failures: int = 0, rng: random.Random | None = None) -> datetime:
    """When to poll next: the interval, doubled for each failure in a row (at most a day, never less than the
    interval itself), then moved by up to ±10 %."""
    delay = interval_s if failures == 0 else max(interval_s, min(interval_s * 2**failures, MAX_BACKOFF))
    return now + timedelta(seconds=delay * (1 + (rng or random).uniform(-JITTER, JITTER)))


def describe_feed(feed: Feed) -> str:
    """One line for people: name, address, interval, and how its last poll went."""
    name = feed.title or "(untitled)"
    state = f"every {describe_interval(feed.interval_s)}"
    if feed.last_polled_at is None:
        state += ", not polled yet"
    elif feed.last_error:
        state += f", failing ({feed.failures} in a row): {feed.last_error}; next try {feed.next_poll_at[:16]}Z"
    else:
        state += f", last polled {feed.last_polled_at[:16]}Z"
    return f"{name} <{feed.url}> {state}"


# --- reading feeds -----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Entry:
    key: str                    # the guid, else the link, else a hash of title and text
    link: str | None
    title: str
    published: str | None       # ISO date-time, UTC
    author: str | None
    content: str | None         # the full text the feed carries (HTML), if any


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    title: str
    entries: tuple[Entry, ...]


def parse_feed(data: bytes, url: str) -> ParsedFeed:
    """An RSS or Atom document's title and entries; FeedError when the bytes are not a feed."""
    import feedparser

    head = data[:1024].lstrip().lower()
    if not head:
        raise FeedError("empty answer, not a feed")
    if head.startswith((b"<!doctype html", b"<html")):
        raise FeedError("an HTML page, not a feed (look on the page for its RSS or Atom link)")
    if b"\x00" in data[:1024] and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FeedError("binary data, not a feed")
    parsed = feedparser.parse(data, response_headers={"content-location": url})
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise FeedError("not an RSS or Atom feed" + (f" ({_short(problem)})" if problem else ""))
    if parsed.get("bozo"):
        log.info("feed %s is not well-formed, read leniently: %s", url, _short(parsed.get("bozo_exception")))
    entries = []
    for item in parsed.entries:
        link = (item.get("link") or "").strip() or None
        content = next((c.get("value") for c in item.get("content") or [] if (c.get("value") or "").strip()), None)
        key = (item.get("id") or "").strip() or link
        if not key:
            if not content:
                continue  # nothing to know it by and nothing to read: not an entry at all
            key = "sha256:" + hashlib.sha256(((item.get("title") or "") + content).encode()).hexdigest()
        stamp = item.get("published_parsed") or item.get("updated_parsed")
        published = (datetime.fromtimestamp(calendar.timegm(stamp), UTC).isoformat(timespec="seconds")
                     if stamp else None)
        entries.append(Entry(key=key[:2000], link=link, title=" ".join((item.get("title") or "").split()),
                             published=published, author=(item.get("author") or "").strip() or None,
                             content=content))
    title = " ".join((parsed.feed.get("title") or "").split())
    return ParsedFeed(title=title, entries=tuple(entries))


def _short(problem) -> str:
    return f"{type(problem).__name__}: {str(problem)[:80]}" if problem else ""


# --- OPML, the list format every feed reader imports and exports ---------------------------------------------


def read_opml(data: bytes) -> list[tuple[str, str]]:
    """(feed URL, title) of every outline with an xmlUrl, in order; FeedError when it is not OPML."""
    if b"<!ENTITY" in data[:4096].upper():
        raise FeedError("OPML with entity declarations is refused")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise FeedError(f"not an OPML file ({exc})") from None
    if root.tag.lower() != "opml":
        raise FeedError("not an OPML file (no <opml> root)")
    found = []
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or "").strip()
        if url:
            found.append((url, (outline.get("title") or outline.get("text") or "").strip()))
    return found


def write_opml(feeds: Iterable[Feed], title: str = "briefbot feeds") -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<opml version="2.0">',
             f"  <head><title>{_escape(title)}</title></head>", "  <body>"]
    for feed in feeds:
        name = feed.title or feed.url
        lines.append(f'    <outline type="rss" text={quoteattr(name)} title={quoteattr(name)} '
                     f"xmlUrl={quoteattr(feed.url)}/>")
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# --- polling -------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class PollReport:
    """What one poll of one feed did."""

    feed: Feed
    status: str                        # "new" (entries taken), "unchanged" (304 or nothing new), "failed"
    error: str | None = None
    results: list[IngestResult] = field(default_factory=list)

    @property
    def added(self) -> int:
        return sum(r.outcome is Outcome.ADDED for r in self.results)

    def describe(self) -> str:
        name = self.feed.title or self.feed.url
        if self.status == "failed":
            return f"{name}: failed ({self.error}); retried later"
        if not self.results:
            return f"{name}: nothing new"
        counts = {o: sum(r.outcome is o for r in self.results) for o in Outcome}
        parts = [f"{counts[Outcome.ADDED]} added"]
        if counts[Outcome.DUPLICATE]:
            parts.append(f"{counts[Outcome.DUPLICATE]} already known")
        if counts[Outcome.REJECTED]:
            parts.append(f"{counts[Outcome.REJECTED]} unreadable")
        return f"{name}: " + ", ".join(parts)


class Feeds:
    """The library's feeds: add, list, remove, import and export them, and poll those that are due."""

    def __init__(self, library, limits: FetchLimits | None = None, workers: int = 4,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC), rng: random.Random | None = None):
        self.library = library
        self.store = library.store
        self.limits = limits or library.limits.fetch  # the feed document's own limits (size, time)
        self.workers = workers
        self.clock = clock
        self.rng = rng or random.Random()

    def add(self, url: str, interval_s: int = DEFAULT_INTERVAL, check: bool = True) -> tuple[Feed, bool, int]:
        """Add a feed (or change its interval), due for a poll at once. `check` reads it first, so that a
        URL that is no feed is refused now rather than failing later. (feed, whether new, entries it lists)"""
        url = feed_url(url)
        title, entries = "", 0
        if check:
            parsed = parse_feed(self._fetch(url).content, url)
            title, entries = parsed.title, len(parsed.entries)
        feed, created = self.store.add_feed(url, title, interval_s, _iso(self.clock()))
        return feed, created, entries

    def list(self) -> list[Feed]:
        return self.store.feeds()

    def remove(self, url: str) -> bool:
        """Stop polling a feed. The articles it brought stay in the library."""
        return self.store.remove_feed(url.strip())

    def import_opml(self, data: bytes, interval_s: int = DEFAULT_INTERVAL) -> list[tuple[str, str]]:
        """Add every feed an OPML file lists (not read now: the first poll reports any that fail).
        Returns (url, "added" | "already there" | the reason it was refused)."""
        outcome = []
        for url, title in read_opml(data):
            try:
                feed, created = self.store.add_feed(feed_url(url), title, interval_s, _iso(self.clock()))
                outcome.append((feed.url, "added" if created else "already there"))
            except FeedError as exc:
                outcome.append((url, str(exc)))
        return outcome

    def export_opml(self) -> str:
        return write_opml(self.list())

    def poll_due(self, everything: bool = False) -> list[PollReport]:
        """Poll every feed that is due (or all of them), a few at a time; one feed's failure stops no other."""
        due = self.store.feeds() if everything else self.store.feeds(due_by=_iso(self.clock()))
        if not due:
            return []
        with ThreadPoolExecutor(max_workers=min(self.workers, len(due)), thread_name_prefix="feed") as pool:
            return list(pool.map(self.poll, due))

    def poll(self, feed: Feed) -> PollReport:
        """Poll one feed. Whatever goes wrong is recorded on this feed (its error, its backoff); it never
        reaches the caller, so one feed cannot stop the others."""
        try:
            fetched = self._fetch(feed.url, feed.etag, feed.last_modified)
            if fetched.status == 304:
                self._done(feed, etag=fetched.etag, last_modified=fetched.last_modified)
                return PollReport(feed, "unchanged")
            parsed = parse_feed(fetched.content, feed.url)
            results = self._take(feed, parsed)
        except FeedError as exc:
            return self._failed(feed, str(exc))
        except Exception as exc:  # a bug or a broken library file: logged with its traceback, the feed backs off
            log.exception("polling the feed %s failed", feed.url)
            return self._failed(feed, f"internal error ({type(exc).__name__}); see the log")
        self._done(feed, etag=fetched.etag, last_modified=fetched.last_modified, title=parsed.title)
        return PollReport(feed, "new" if results else "unchanged", results=results)

    def _failed(self, feed: Feed, reason: str) -> PollReport:
        failures = feed.failures + 1
        when = next_poll(self.clock(), feed.interval_s, failures, self.rng)
        self.store.feed_polled(feed.id, next_poll_at=_iso(when), failures=failures, error=reason)
        log.warning("feed %s failed (%d in a row): %s; next try %s", feed.url, failures, reason, _iso(when))
        return PollReport(feed, "failed", error=reason)

    def _done(self, feed: Feed, **validators) -> None:
        when = next_poll(self.clock(), feed.interval_s, 0, self.rng)
        self.store.feed_polled(feed.id, next_poll_at=_iso(when), failures=0, error=None, **validators)

    def _fetch(self, url: str, etag: str | None = None, last_modified: str | None = None):
        try:
            return fetch(url, self.limits, accept=None, etag=etag, last_modified=last_modified)
        except RejectedSource as exc:
            raise FeedError(exc.reason) from None

    def _take(self, feed: Feed, parsed: ParsedFeed) -> list[IngestResult]:
        """Read and ingest the entries not taken before; record each, so the next poll skips it."""
        keys = [e.key for e in parsed.entries]
        done = self.store.entries_done(feed.id, keys, MAX_ENTRY_ATTEMPTS)
        fresh = [e for e in parsed.entries if e.key not in done][:MAX_ENTRIES_PER_POLL]
        if not fresh:
            return []
        results: list[IngestResult] = []
        items = []
        for entry in fresh:
            known = self.store.find_by_url(canonical_url(entry.link)) if entry.link else None
            if known is not None:  # the link is stored already: no need to fetch it again
                self.store.entry_seen(feed.id, entry.key, known.id)
                results.append(IngestResult(entry.link, Outcome.DUPLICATE, reason="same URL", article_id=known.id,
                                            title=known.title, duplicate_of=known))
                continue
            items.append((entry, self._article(entry, feed, parsed.title)))
        for (entry, _), result in zip(items, self.library.ingest_items(
                (entry.link or f"{feed.url}#{entry.key}", item) for entry, item in items), strict=True):
            article_id = result.article_id
            if article_id is None and result.duplicate_of is not None:
                article_id = result.duplicate_of.id
            if article_id is None and result.outcome is Outcome.DUPLICATE:
                article_id = self._stored_id(entry)
            self.store.entry_seen(feed.id, entry.key, article_id)
            results.append(result)
        return results

    def _stored_id(self, entry: Entry) -> int | None:
        """The id of an entry that duplicated another entry of the same poll, known only once that was stored."""
        found = self.store.find_by_url(canonical_url(entry.link)) if entry.link else None
        return found.id if found else None

    def _article(self, entry: Entry, feed: Feed, feed_title: str) -> Article | RejectedSource:
        article: Article | None = None
        problem: RejectedSource | None = None
        if entry.link:
            try:
                article = from_url(entry.link, self.library.limits)
            except RejectedSource as exc:
                problem = exc
        if article is None and entry.content:
            try:
                article = build_article(url=entry.link or f"{feed.url}#{entry.key}", title=entry.title,
                                        text=text_from_fragment(entry.content), source=feed_title or feed.title,
                                        published=entry.published, author=entry.author)
            except ExtractError as exc:
                problem = problem or exc
            else:
                if problem is not None:
                    log.info("entry %s: page unreadable (%s); the feed's full text is used", entry.link, problem)
        if article is None:
            return problem or RejectedSource("the entry has neither a link nor its text")
        return replace(article, title=article.title or entry.title, published=article.published or entry.published,
                       author=article.author or entry.author, source=article.source or feed_title or feed.title)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")
