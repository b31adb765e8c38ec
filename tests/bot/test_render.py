"""Rendering within Telegram's limits, whatever the article text holds; every message accepted by the
strict fake server (Telegram's HTML rules, 4096 UTF-16 units after parsing)."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import ParseMode

from bot import render
from bot.services import RateLimiter, RecentAnswers
from index import Answer, Article, Excerpt, Headline, Quote
from index.chunking import paragraphs
from tests.fakes.botapi import TOKEN
from tests.fakes.telegram_html import parse, utf16

ADVERSARIAL = [
    "Fish & chips <b>bold</b> </blockquote> &amp; &lt;script&gt;alert(1)&lt;/script&gt; \"quoted\" 'single'",
    "Emoji 😀👩‍👩‍👧‍👦🇺🇦 counted twice in UTF-16 " * 120,
    "שלום עולם — مرحبا بالعالم، right-to-left text with \u202e override \u200f marks " * 40,
    "A" * 9000,
    "https://example.com/" + "very-long-path/" * 400 + "?q=<x>&y=\"z\"",
    "Zero\u200bwidth\u2060joiners and combining a\u0301\u0301 marks " * 100,
    "Line one\nLine two\n\n\nLine three with tabs\tand CR\r\n",
]


def quote(text: str, title: str = "Headline", url: str = "https://news.test/a?x=1&y=2", source: str = "Outlet",
          published: str | None = "2019-11-19") -> Quote:
    article = Article(url=url, title=title, text=text, source=source, published=published, id=1)
    return Quote(text=text, article=article, start=0, end=len(text), score=1.0,
                 link=f"{url}#:~:text=" + "x" * 20)


def check(reply: render.Reply) -> None:
    """What Telegram checks, done locally as well (the server test below sends them for real)."""
    text, entities = parse(reply.html)
    assert 0 < utf16(text.strip()) <= 4096
    assert len(entities) <= 100
    for row in reply.buttons:
        for button in row:
            assert button.callback is None or len(button.callback.encode()) <= 64


@pytest.mark.parametrize("text", ADVERSARIAL)
def test_adversarial_quotes_render_within_limits(text):
    title = "Title <with> & \"marks\" " + text[:300]
    two = replace(quote(text), also=(Excerpt(text, len(text), 2 * len(text)),))  # a quote of two excerpts
    replies = render.answer_replies(Answer("q", True, (quote(text, title=title), two)), "more:abc:0")
    for reply in replies:
        check(reply)
    shown = "".join(parse(r.html)[0] for r in replies)
    # Nothing of the quote is lost: every word of it is shown.
    for word in set(text.split()):
        assert word in shown or len(word) > 3000


def test_declined_and_lists_render_within_limits():
    headlines = tuple(Headline(t, "https://x.test/" + t[:10], "Out<let>", None) for t in ADVERSARIAL)
    check(render.declined_reply(Answer("q", False, related=headlines)))
    for text in ADVERSARIAL:  # filters are the reader's own text, shown back in the declined line
        reply = render.declined_reply(Answer("q", False, related=headlines[:2], filters=f"from {text[:500]}"))
        check(reply)
        assert "<script>" not in reply.html and "<b>bold" not in reply.html
    for text in ADVERSARIAL:  # so are the names no article holds
        reply = render.declined_reply(Answer("q", False, related=headlines[:2], unknown=(text[:300], "Nvidia")))
        check(reply)
        assert "<script>" not in reply.html and " or Nvidia." in reply.html
    articles = [Article(url="file:///tmp/x.txt", title=t[:200], text=t, source="S&P") for t in ADVERSARIAL]
    check(render.headlines_reply("Newest", articles, "empty"))
    for reply in render.plain("\n".join(ADVERSARIAL)):
        check(reply)


def test_a_quote_of_two_excerpts_shows_both_verbatim_in_the_article_order_then_its_source():
    text = "The bridge reopened on Monday. The mayor spoke.\n\nThe repairs cost 4.2 million euros."
    article = Article(url="https://news.test/b", title="Bridge <open>", text=text, source="Herald", id=1)
    best = Excerpt("The repairs cost 4.2 million euros.", 49, 84)
    other = Excerpt("The bridge reopened on Monday.", 0, 30)
    both = Quote(best.text, article, best.start, best.end, 1.0, "https://news.test/b#:~:text=a&text=b", (other,))
    (reply,) = render.answer_replies(Answer("q", True, (both,)))
    check(reply)
    shown, entities = parse(reply.html)
    assert f"{other.text}\n…\n{best.text}\nBridge <open> · Herald" in shown  # one quote, the elision marked
    assert [e["type"] for e in entities].count("blockquote") == 1


def test_a_question_about_an_unknown_name_says_which_name():
    assert render.declined_line(Answer("q", False, unknown=("Nvidia",))) == "Nothing in the library mentions Nvidia."
    assert render.declined_line(Answer("q", False, unknown=("Zorblax", "Quux Corp"), filters="from bbc")) == (
        "Nothing in the library (from bbc) mentions Zorblax or Quux Corp.")


def test_words_read_as_the_library_spells_them_are_said_first():
    text = "The repairs cost 4.2 million euros."
    article = Article(url="https://news.test/b", title="Bridge", text=text, source="Herald", id=1)
    found = Quote(text, article, 0, len(text), 1.0, "https://news.test/b#:~:text=x")
    (reply,) = render.answer_replies(Answer("q", True, (found,), corrected=(("repiars", "repairs"),)))
    check(reply)
    assert parse(reply.html)[0].startswith("Read “repiars” as “repairs”.\n\nThe repairs cost")
    declined = render.declined_reply(Answer("q", False, corrected=(("<b>x", "y"), ("Brigde", "Bridge"))))
    check(declined)
    assert parse(declined.html)[0].startswith("Read “<b>x” as “y”, “Brigde” as “Bridge”.\nNothing in the library")
    assert render.answer_replies(Answer("q", True, (found,)))[0].html.startswith("<blockquote>")


def test_a_question_for_a_measure_no_article_gives_says_which_measure():
    assert render.declined_line(Answer("q", False, lacking="the score")) == (
        "Nothing in the library answers that: the nearest article does not give the score.")


def test_non_web_links_are_plain_text():
    (reply,) = render.answer_replies(Answer("q", True, (quote("Some text.", url="briefbot://guide/x"),)))
    assert "<a " not in reply.html and not reply.buttons


async def test_every_corpus_article_renders_and_the_fake_server_accepts_it(botapi, corpus_articles):
    """Each article as quotes (its longest paragraph, the whole text as one oversized quote, and the longest
    paragraph with the first as a quote of two excerpts)."""
    botapi.user_message("/start", chat_id=42)  # the chat exists
    replies = []
    for record in corpus_articles:
        text = record["text"]
        longest = max((text[p.start : p.end] for p in paragraphs(text)), key=len)
        article = Article(url=record["url"], title=record["title"], text=text, source=record["source"],
                          published=record["published"], id=1)
        quotes = tuple(Quote(q, article, 0, len(q), 1.0, record["url"] + "#:~:text=" + q[:20]) for q in (longest, text))
        first = text[paragraphs(text)[0].start : paragraphs(text)[0].end]
        quotes += (replace(quotes[0], also=(Excerpt(first, 0, len(first)),)),)  # and as a quote of two excerpts
        replies += render.answer_replies(Answer("q", True, quotes), "more:abcdefgh:12")
    for reply in replies:
        check(reply)
    async with Bot(TOKEN, base_url=botapi.base_url) as bot:
        for reply in replies:
            markup = InlineKeyboardMarkup([[InlineKeyboardButton(b.text, url=b.url, callback_data=b.callback)
                                            for b in row] for row in reply.buttons]) if reply.buttons else None
            await bot.send_message(42, reply.html, parse_mode=ParseMode.HTML, reply_markup=markup)
    # Every reply was accepted, and long articles did need several messages.
    assert len(botapi.sent(42)) == len(replies) > len(corpus_articles)


def test_rate_limiter_allows_a_burst_then_waits():
    limiter = RateLimiter(limit=2, window=60)
    assert limiter.wait_time(1, now=0) == 0 and limiter.wait_time(1, now=1) == 0
    assert limiter.wait_time(1, now=2) == pytest.approx(58)
    assert limiter.wait_time(2, now=2) == 0  # per user
    assert limiter.wait_time(1, now=60.5) == 0


def test_recent_answers_forget_the_oldest():
    answers = RecentAnswers(capacity=2)
    keys = [answers.put(Answer(str(i), False)) for i in range(3)]
    assert answers.get(keys[0]) is None and answers.get(keys[2]).question == "2"
    assert all(len(f"more:{k}:99".encode()) <= 64 for k in keys)


def test_dates_are_shown_for_people():
    assert render.format_date("2019-11-19T10:00:00+00:00") == "19 Nov 2019"
    assert render.format_date(None) == "" and render.format_date("soon") == ""
    assert json.dumps(render.format_date("2024-01-02")) == '"2 Jan 2024"'


def test_a_digest_names_each_other_outlet_once_and_links_an_outlets_second_report_by_its_headline():
    from index import Story

    def article(n: int, source: str, title: str) -> Article:
        return Article(url=f"https://news.test/{n}", title=title, text="Talks stalled.", source=source, id=n)

    story = Story("Pension strike talks stall", "https://news.test/1", "Talks stalled.",
                  (article(1, "BBC News", "Pension strike talks stall"), article(2, "Reuters", "Unions walk out"),
                   article(3, "BBC News", "Talks aim to avert pension strike")))
    (reply,) = render.digest_replies([story], "Your briefing", None)
    check(reply)
    shown = parse(reply.html)[0]
    assert "BBC News — also in: Reuters · another report: Talks aim to avert pension strike" in shown
    assert shown.count("BBC News") == 1
    alone = replace(story, articles=story.articles[::2])
    assert "BBC News — another report: Talks aim to avert pension strike" in parse(render.digest_replies(
        [alone], "Your briefing", None)[0].html)[0]


def test_digests_render_within_limits_whatever_the_articles_hold(corpus_articles):
    from index import Story

    articles = [Article(url=r["url"], title=r["title"], text=r["text"], source=r["source"], published=r["published"])
                for r in corpus_articles]
    odd = [Article(url="https://x.test/" + str(i), title=t[:300], text=t, source="S<&>" + t[:20]) for i, t in
           enumerate(ADVERSARIAL)]
    stories = [Story(a.title, a.url, a.text[:600], tuple([a] + articles[i + 1 : i + 9]))
               for i, a in enumerate(articles + odd)]
    replies = render.digest_replies(stories, "Your briefing <today> & more", "unsub")
    for reply in replies:
        check(reply)
    assert len(replies) > 10 and replies[-1].buttons[0][0].callback == "unsub"
    shown = "".join(parse(r.html)[0] for r in replies)
    assert all(story.headline[:50] in shown for story in stories[:50])
    assert "and 3 more" in shown  # at most six outlets are listed by name
