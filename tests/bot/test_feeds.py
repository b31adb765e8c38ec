"""/feed end to end: an admin adds, lists, exports and removes feeds through the fake Bot API; the bot polls
them on its job queue from a local web server; other users are refused."""

from __future__ import annotations

import asyncio

import pytest

from index.feeds import read_opml
from tests.bot.conftest import ADMIN, make_settings, reply_to, running
from tests.fakes.feeds import entry, page, rss
from tests.fakes.web import WebServer

pytestmark = pytest.mark.asyncio(loop_scope="function")

RSS = "application/rss+xml"


@pytest.fixture
def site(corpus_articles):
    with WebServer() as server:
        entries = []
        for i, article in enumerate(corpus_articles[40:43]):
            server.routes[f"/a/{i}"] = (200, "text/html", page(article))
            entries.append(entry(server.url, f"/a/{i}", article))
        server.routes["/feed.rss"] = (200, RSS, rss(entries, title="Harbour Wire"))
        server.routes["/page.html"] = (200, "text/html", page(corpus_articles[50]))
        yield server


def text_of(call) -> str:
    return call.params.get("text") or call.params.get("caption") or ""


async def test_an_admin_follows_a_feed_and_its_articles_arrive(botapi, tmp_path, embedder, site, corpus_articles):
    admin = {"user_id": ADMIN, "chat_id": ADMIN}
    async with running(make_settings(botapi, tmp_path / "data"), embedder) as app:
        added = botapi.user_message(f"/feed add {site.url}/feed.rss every 2h", **admin)
        reply = await reply_to(botapi, added)
        assert "Following Harbour Wire (3 entries listed), polled every 2h" in text_of(reply)
        polled = await reply_to(botapi, added, lambda c: "3 added" in text_of(c))
        assert text_of(polled) == "Harbour Wire: 3 added"
        library = app.bot_data["services"].library
        assert {a.title for a in library.latest(5)} == {a["title"] for a in corpus_articles[40:43]}

        listing = await reply_to(botapi, botapi.user_message("/feed list", **admin))
        assert f"Harbour Wire &lt;{site.url}/feed.rss&gt; every 2h, last polled" in text_of(listing)

        export = botapi.user_message("/feed export", **admin)
        sent = await asyncio.to_thread(botapi.wait_for, lambda c: c.method == "sendDocument" and c.status == 200)
        assert sent.result["document"]["file_name"] == "briefbot-feeds.opml"
        data, _ = botapi.files[sent.result["document"]["file_id"]]
        assert read_opml(data) == [(f"{site.url}/feed.rss", "Harbour Wire")]
        assert int(sent.params["chat_id"]) == ADMIN and export["message"]["chat"]["id"] == ADMIN

        bad = await reply_to(botapi, botapi.user_message(f"/feed add {site.url}/page.html", **admin))
        assert "HTML page, not a feed" in text_of(bad)
        wrong = await reply_to(botapi, botapi.user_message(f"/feed add {site.url}/feed.rss every 1m", **admin))
        assert "between 5 minutes and 7 days" in text_of(wrong)
        usage = await reply_to(botapi, botapi.user_message("/feed", **admin))
        assert "/feed add URL" in text_of(usage)

        removed = await reply_to(botapi, botapi.user_message(f"/feed remove {site.url}/feed.rss", **admin))
        assert "Stopped following" in text_of(removed)
        empty = await reply_to(botapi, botapi.user_message("/feed list", **admin))
        assert "No feeds yet" in text_of(empty)
        assert library.stats()["articles"] == 3  # the articles stay


async def test_an_opml_file_sent_by_an_admin_is_imported(botapi, tmp_path, embedder, site):
    opml = (f'<?xml version="1.0"?><opml version="2.0"><head/><body><outline text="Harbour" '
            f'xmlUrl="{site.url}/feed.rss"/><outline text="bad" xmlUrl="file:///etc/passwd"/></body></opml>').encode()
    async with running(make_settings(botapi, tmp_path / "data"), embedder) as app:
        upload = botapi.user_message(document=botapi.add_file(opml, "subscriptions.opml", "text/x-opml"),
                                     user_id=ADMIN, chat_id=ADMIN)
        reply = await reply_to(botapi, upload)
        assert f"✅ added: {site.url}/feed.rss" in text_of(reply) and "not an http(s) feed URL" in text_of(reply)
        assert "1 of 2 feeds added" in text_of(reply)
        assert [f.url for f in app.bot_data["services"].feeds.list()] == [f"{site.url}/feed.rss"]


async def test_other_users_cannot_touch_feeds(botapi, tmp_path, embedder, site):
    async with running(make_settings(botapi, tmp_path / "data"), embedder) as app:
        for command in (f"/feed add {site.url}/feed.rss", "/feed list", "/feed export"):
            reply = await reply_to(botapi, botapi.user_message(command, user_id=501))
            assert "only the library's admins" in text_of(reply)
        assert app.bot_data["services"].feeds.list() == []
    assert site.requests == []
    assert not any(c.method == "sendDocument" for c in botapi.calls)
