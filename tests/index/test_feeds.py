"""News feeds against a local web server: RSS and Atom built from corpus articles and corpus HTML pages."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from index import FeedError, FetchLimits, Library, Outcome, SourceLimits
from index.extract import article_from_html
from index.feeds import Feeds, next_poll, parse_feed, parse_interval, read_opml
from tests.fakes.feeds import atom, entry, page, rss
from tests.fakes.web import WebServer

RSS = "application/rss+xml"


class Clock:
    def __init__(self):
        self.now = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)

    def __call__(self):
        return self.now


@pytest.fixture
def site():
    with WebServer() as server:
        yield server


@pytest.fixture
def lib(tmp_path, embedder):
    limits = SourceLimits(fetch=FetchLimits(allow_private=True, timeout=1.0, max_bytes=2 * 1024 * 1024))
    with Library(tmp_path / "data", embedder, limits) as library:
        yield library


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def feeds(lib, clock):
    return Feeds(lib, clock=clock, rng=random.Random(7))


def serve_articles(site: WebServer, articles: list[dict], prefix: str = "/a/") -> list[dict]:
    """Each article as a page on the site; returns feed entries for them."""
    entries = []
    for i, article in enumerate(articles):
        site.routes[f"{prefix}{i}"] = (200, "text/html; charset=utf-8", page(article))
        entries.append(entry(site.url, f"{prefix}{i}", article, published="Wed, 20 Nov 2019 10:00:00 GMT",
                             author="Desk Writer"))
    return entries


def stored_count(lib: Library) -> int:
    return lib.stats()["articles"]


def test_a_poll_takes_the_new_entries_once_and_a_second_poll_costs_a_304(site, lib, feeds, clock, corpus_articles):
    entries = serve_articles(site, corpus_articles[:6])
    site.routes["/feed.rss"] = (200, RSS, rss(entries))
    feed, created, listed = feeds.add(site.url + "/feed.rss")
    assert created and listed == 6 and feed.title == "Test Wire"

    report = feeds.poll_due()[0]
    assert report.status == "new" and report.added == 6
    assert stored_count(lib) == 6
    titles = {a.title for a in lib.latest(10)}
    assert titles == {a["title"] for a in corpus_articles[:6]}

    clock.now += timedelta(hours=1)
    pages_before = sum(p.startswith("/a/") for p in site.requests)
    report = feeds.poll_due()[0]
    assert report.status == "unchanged" and report.results == []
    assert site.not_modified == ["/feed.rss"]  # the conditional request was answered 304
    assert sum(p.startswith("/a/") for p in site.requests) == pages_before  # no page fetched again
    assert stored_count(lib) == 6


def test_a_changed_feed_brings_only_its_new_entries(site, lib, feeds, clock, corpus_articles):
    entries = serve_articles(site, corpus_articles[:8])
    site.routes["/feed.rss"] = (200, RSS, rss(entries[:5]))
    feeds.add(site.url + "/feed.rss")
    assert feeds.poll_due()[0].added == 5

    site.routes["/feed.rss"] = (200, RSS, rss(entries[3:8]))  # two old ones dropped, three new ones on top
    clock.now += timedelta(hours=1)
    report = feeds.poll_due()[0]
    assert report.added == 3 and [r.source for r in report.results] == [e["link"] for e in entries[5:8]]
    assert sorted(p for p in site.requests if p.startswith("/a/")) == sorted(f"/a/{i}" for i in range(8))
    assert stored_count(lib) == 8


def test_the_same_story_under_two_urls_and_two_feeds_is_stored_once(site, lib, feeds, corpus_articles):
    story = corpus_articles[10]
    site.routes["/wire/story"] = (200, "text/html", page(story))
    # the partner's copy: another URL, another headline, and a line of its own at the end
    syndicated = dict(story, title=story["title"] + " | Partner Site", source="Partner",
                      text=story["text"] + "\nThis story first appeared on the Wire; republished with permission.")
    site.routes["/partner/copy"] = (200, "text/html", page(syndicated))
    site.routes["/one.rss"] = (200, RSS, rss([entry(site.url, "/wire/story", story)], title="Wire"))
    site.routes["/two.atom"] = (200, "application/atom+xml", atom(
        [entry(site.url, "/partner/copy", syndicated),
         entry(site.url, "/wire/story?utm_source=rss&utm_medium=feed", story, guid="partner-2")], title="Partner"))
    feeds.add(site.url + "/one.rss")
    feeds.add(site.url + "/two.atom")
    reports = {r.feed.title: r for r in feeds.poll_due()}
    outcomes = sorted(r.outcome.value for report in reports.values() for r in report.results)
    assert outcomes == ["added", "duplicate", "duplicate"]
    assert stored_count(lib) == 1
    reasons = sorted(r.reason for report in reports.values() for r in report.results if r.outcome is Outcome.DUPLICATE)
    assert reasons == ["near-identical text", "same URL"]


def test_corpus_html_pages_are_extracted_from_their_feed_entries(site, lib, feeds, corpus):
    pages = sorted((corpus / "html").glob("*.html"))[:4]
    entries = []
    for i, path in enumerate(pages):
        site.routes[f"/raw/{i}"] = (200, "text/html", path.read_bytes())
        entries.append({"link": f"{site.url}/raw/{i}", "title": f"Raw page {i}", "guid": f"raw-{i}"})
    site.routes["/raw.rss"] = (200, RSS, rss(entries))
    feeds.add(site.url + "/raw.rss")
    report = feeds.poll_due()[0]
    assert report.added == len(pages)
    stored = {a.url: a for a in lib.latest(10)}
    for i, path in enumerate(pages):  # the same text as the page ingested on its own, title and date included
        alone = article_from_html(path.read_bytes(), url=f"{site.url}/raw/{i}")
        article = stored[f"{site.url}/raw/{i}"]
        assert (article.text, article.title, article.published) == (alone.text, alone.title, alone.published)


def test_the_feeds_full_text_is_used_when_the_page_cannot_be_read_with_the_entrys_date_and_author(
        site, lib, feeds, corpus_articles):
    article = corpus_articles[20]
    body = "".join(f"<p>{p}</p>" for p in article["text"].split("\n") if p.strip())
    site.routes["/full.rss"] = (200, RSS, rss([{
        "link": site.url + "/gone", "guid": "gone-1", "title": article["title"], "content": body,
        "published": "Tue, 19 Nov 2019 07:30:00 GMT", "author": "Jane Reporter"}], title="Full Text Wire"))
    feeds.add(site.url + "/full.rss")
    report = feeds.poll_due()[0]
    assert report.added == 1
    stored = lib.latest(1)[0]
    assert stored.url == site.url + "/gone"
    assert stored.title == article["title"]
    assert (stored.published or "").startswith("2019-11-19")
    assert stored.author == "Jane Reporter" and stored.source == "Full Text Wire"
    first_paragraph = next(p for p in article["text"].split("\n") if p.strip())
    assert " ".join(first_paragraph.split()) in stored.text


def test_entries_without_links_or_dates_are_handled(site, lib, feeds, corpus_articles):
    article = corpus_articles[30]
    site.routes["/odd.rss"] = (200, RSS, rss([
        {"title": "No link, no text", "guid": "nothing-1"},
        {"title": article["title"], "guid": "text-only", "content": "<p>" + "</p><p>".join(
            p for p in article["text"].split("\n") if p.strip()) + "</p>"},
        {"title": "Dead link", "guid": "dead-1", "link": site.url + "/missing"},
    ]))
    feeds.add(site.url + "/odd.rss")
    report = feeds.poll_due()[0]
    assert report.status == "new"
    by_source = {r.source: r for r in report.results}
    assert report.added == 1  # the entry carrying its text, though it has no link and no date
    dead = by_source[site.url + "/missing"]
    assert dead.outcome is Outcome.REJECTED and "404" in dead.reason
    assert stored_count(lib) == 1


@pytest.mark.parametrize(("body", "content_type", "message"), [
    (b"this is not xml at all", "text/plain", "not an RSS or Atom feed"),
    (b"<!doctype html><html><body><a href='/feed'>RSS</a></body></html>", "text/html", "HTML page"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image/png", "binary"),
    (b"", RSS, "empty"),
])
def test_a_bad_feed_gets_a_clear_error_and_the_others_go_on(site, lib, feeds, corpus_articles, body, content_type,
                                                             message):
    entries = serve_articles(site, corpus_articles[:2])
    site.routes["/good.rss"] = (200, RSS, rss(entries))
    site.routes["/bad"] = (200, content_type, body)
    with pytest.raises(FeedError, match=message):  # refused when added by hand ...
        feeds.add(site.url + "/bad")
    feeds.add(site.url + "/bad", check=False)       # ... and reported at each poll when it turns bad later
    feeds.add(site.url + "/good.rss")
    reports = {r.feed.url: r for r in feeds.poll_due()}
    bad = reports[site.url + "/bad"]
    assert bad.status == "failed" and message in bad.error
    assert reports[site.url + "/good.rss"].added == 2
    listed = {f.url: f for f in feeds.list()}
    assert listed[site.url + "/bad"].last_error == bad.error and listed[site.url + "/bad"].failures == 1


def test_a_hanging_a_huge_and_a_missing_feed_fail_alone(site, lib, feeds, corpus_articles):
    entries = serve_articles(site, corpus_articles[:2])
    site.routes["/good.rss"] = (200, RSS, rss(entries))
    site.routes["/huge.rss"] = (200, RSS, b"<rss>" + b"<item><title>x</title></item>" * 400_000 + b"</rss>")  # 11 MB
    for path in ("/hang", "/huge.rss", "/nowhere.rss", "/good.rss"):
        feeds.add(site.url + path, check=False)
    reports = {r.feed.url.rsplit("/", 1)[1]: r for r in feeds.poll_due()}
    assert "timed out" in reports["hang"].error
    assert "too large" in reports["huge.rss"].error
    assert "404" in reports["nowhere.rss"].error
    assert reports["good.rss"].added == 2
    assert stored_count(lib) == 2


def test_a_feed_with_a_broken_encoding_is_read_leniently(site, lib, feeds, corpus_articles):
    entries = serve_articles(site, corpus_articles[:2])
    broken = rss(entries, title="Caf\u00e9 News", encoding="latin-1").replace(b"latin-1", b"utf-8", 1)
    site.routes["/broken.rss"] = (200, RSS, broken)
    feeds.add(site.url + "/broken.rss", check=False)
    report = feeds.poll_due()[0]
    assert report.status == "new" and report.added == 2


def test_a_failing_feed_backs_off_and_recovers(site, lib, feeds, clock, corpus_articles):
    site.routes["/flaky.rss"] = (503, "text/plain", b"busy")
    feeds.add(site.url + "/flaky.rss", check=False)
    delays = []
    for _ in range(4):
        assert feeds.poll_due()[0].status == "failed"
        feed = feeds.list()[0]
        due = datetime.fromisoformat(feed.next_poll_at)
        delays.append((due - clock.now).total_seconds())
        clock.now = due - timedelta(minutes=1)
        assert feeds.poll_due() == []  # not due before its time
        clock.now = due
    assert all(later > 1.5 * earlier for earlier, later in zip(delays, delays[1:], strict=False))
    assert feeds.list()[0].failures == 4 and "503" in feeds.list()[0].last_error
    site.routes["/flaky.rss"] = (200, RSS, rss(serve_articles(site, corpus_articles[:1])))
    clock.now += timedelta(days=1)
    assert feeds.poll_due()[0].added == 1
    feed = feeds.list()[0]
    assert feed.failures == 0 and feed.last_error is None


def test_private_addresses_are_refused_unless_allowed(tmp_path, embedder, site):
    site.routes["/feed.rss"] = (200, RSS, rss([]))
    with Library(tmp_path / "strict", embedder) as library, pytest.raises(FeedError, match="private or local"):
        Feeds(library).add(site.url + "/feed.rss")
    assert site.requests == []


def test_intervals_are_jittered_and_read_from_words():
    assert parse_interval("30m") == 1800 and parse_interval("every 2h") == 7200 and parse_interval("1d") == 86400
    assert parse_interval("45") == 2700
    for bad in ("", "soon", "1m", "30 weeks", "-5m"):
        with pytest.raises(FeedError):
            parse_interval(bad)
    now = datetime(2026, 1, 1, tzinfo=UTC)
    rng = random.Random(1)
    offsets = {(next_poll(now, 1800, 0, rng) - now).total_seconds() for _ in range(50)}
    assert len(offsets) > 40 and min(offsets) >= 1620 and max(offsets) <= 1980
    assert (next_poll(now, 1800, 30, rng) - now).total_seconds() <= 24 * 3600 * 1.1


def test_opml_round_trips_and_bad_opml_is_refused(site, lib, feeds):
    opml = (b'<?xml version="1.0"?><opml version="2.0"><head><title>mine</title></head><body>'
            b'<outline text="News"><outline text="Wire &amp; Co" xmlUrl="' + site.url.encode() + b'/a.rss"/>'
            b'<outline title="Atom" xmlUrl="' + site.url.encode() + b'/b.atom"/></outline>'
            b'<outline text="bad" xmlUrl="ftp://nowhere/feed"/></body></opml>')
    outcome = feeds.import_opml(opml)
    assert [o for _, o in outcome[:2]] == ["added", "added"] and "not an http(s)" in outcome[2][1]
    assert feeds.import_opml(opml)[0][1] == "already there"
    exported = feeds.export_opml().encode()
    assert read_opml(exported) == [(site.url + "/a.rss", "Wire & Co"), (site.url + "/b.atom", "Atom")]
    for bad in (b"not xml", b"<html><body/></html>",
                b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x "y">]><opml><body/></opml>'):
        with pytest.raises(FeedError):
            read_opml(bad)


def test_removing_a_feed_keeps_its_articles(site, lib, feeds, corpus_articles):
    site.routes["/feed.rss"] = (200, RSS, rss(serve_articles(site, corpus_articles[:2])))
    feeds.add(site.url + "/feed.rss")
    feeds.poll_due()
    assert feeds.remove(site.url + "/feed.rss") and not feeds.remove(site.url + "/feed.rss")
    assert feeds.list() == [] and stored_count(lib) == 2


def test_parse_feed_reads_atom_and_rss_fields():
    parsed = parse_feed(atom([{"link": "https://x.test/1", "title": "One", "guid": "urn:1",
                               "published": "2019-11-20T10:00:00Z", "author": "Ann", "content": "<p>Hi</p>"}]),
                        "https://x.test/feed")
    assert parsed.title == "Test Atom"
    (only,) = parsed.entries
    assert (only.key, only.link, only.title, only.published, only.author) == (
        "urn:1", "https://x.test/1", "One", "2019-11-20T10:00:00+00:00", "Ann")
    assert "Hi" in only.content


def test_an_unexpected_error_on_one_feed_is_recorded_on_it_and_the_others_go_on(site, lib, feeds, corpus_articles,
                                                                                monkeypatch):
    site.routes["/good.rss"] = (200, RSS, rss(serve_articles(site, corpus_articles[:2])))
    site.routes["/cursed.rss"] = (200, RSS, rss(serve_articles(site, corpus_articles[2:4], prefix="/c/")))
    feeds.add(site.url + "/good.rss")
    feeds.add(site.url + "/cursed.rss")
    take = feeds._take

    def cursed(feed, parsed):
        if feed.url.endswith("/cursed.rss"):
            raise RuntimeError("disk on fire")
        return take(feed, parsed)

    monkeypatch.setattr(feeds, "_take", cursed)
    reports = {r.feed.url.rsplit("/", 1)[1]: r for r in feeds.poll_due()}
    assert reports["good.rss"].added == 2
    assert reports["cursed.rss"].status == "failed" and "internal error (RuntimeError)" in reports["cursed.rss"].error
    assert {f.url.rsplit("/", 1)[1]: f.failures for f in feeds.list()} == {"good.rss": 0, "cursed.rss": 1}
