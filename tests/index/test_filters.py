"""Filters typed into a question: source:, since:, until: narrow the search before anything is ranked."""

import json
from datetime import date
from urllib.parse import urlsplit

import pytest

from index import QueryError, quotes
from index.filters import Filters, parse, published_day
from index.quotes import select_quotes

TODAY = date(2026, 11, 25)


@pytest.mark.parametrize(("question", "text", "filters"), [
    ("Who won? source:bbc", "Who won?", Filters(("bbc",))),
    ("source:BBC source:reuters Who won?", "Who won?", Filters(("bbc", "reuters"))),
    ('Who won? source:"New York  Times"', "Who won?", Filters(("new york times",))),
    ("Who won? source:“New York Times”", "Who won?", Filters(("new york times",))),  # a phone's quotes
    ('Who won? source:"Times', "Who won?", Filters(("times",))),
    ("Who won? since:2019-11-18", "Who won?", Filters(since=date(2019, 11, 18))),
    ("Who won? since:2019-11 until:2019-11", "Who won?", Filters(since=date(2019, 11, 1), until=date(2019, 11, 30))),
    ("Who won? since:2020 until:2020", "Who won?", Filters(since=date(2020, 1, 1), until=date(2020, 12, 31))),
    ("Who won? since:2w", "Who won?", Filters(since=date(2026, 11, 11))),
    ("Who won? since:yesterday", "Who won?", Filters(since=date(2026, 11, 24))),
    ("What happened at 10:30 in http://x.test/a?", "What happened at 10:30 in http://x.test/a?", Filters()),
])
def test_filters_are_read_and_taken_out_of_the_question(question, text, filters):
    assert parse(question, TODAY) == (text, filters)


@pytest.mark.parametrize(("question", "message"), [
    ("Who won? since:2019-13-01", "since:2019-13-01 is not a date"),
    ("Who won? until:last-week", "until:last-week is not a date"),
    ("Who won? since:2019-02-30", "since:2019-02-30 is not a date"),
    ("Who won? source:", "source: needs a value"),
    ("Who won? since:2020 until:2019", "since:2020-01-01 is after until:2019-12-31"),
])
def test_a_filter_that_cannot_be_read_is_a_clear_error(question, message):
    with pytest.raises(QueryError, match=message):
        parse(question, TODAY)


def test_a_source_matches_the_outlet_name_or_the_web_address():
    bbc = Filters(("bbc",))
    assert bbc.matches("BBC News", "https://example.test/a", None)
    assert bbc.matches("", "https://www.bbc.co.uk/news/1", None)
    assert not bbc.matches("Reuters", "https://reuters.test/a", None)
    assert Filters(("newyorktimes",)).matches("The New York Times", "https://x.test", None)


def test_an_article_without_a_date_matches_no_date_filter():
    since = Filters(since=date(2019, 11, 18))
    assert since.matches("X", "https://x.test", "2019-11-18T09:00:00+00:00")
    assert not since.matches("X", "https://x.test", "2019-11-17")
    assert not since.matches("X", "https://x.test", None)
    assert not since.matches("X", "https://x.test", "sometime")
    assert published_day("2019-11-18T23:59:00-05:00") == date(2019, 11, 18)


STORIES = [
    ("https://herald.test/strike", "Port strike ends", "City Herald", "2019-11-10",
     "The port strike ended on Friday after the union accepted a pay rise of three percent. Ships that had "
     "waited at anchor for a week began to unload. The harbour master expects the backlog to clear by Sunday."),
    ("https://coast.test/strike", "Dockers back at work", "Coast News", "2019-11-20",
     "Dockers returned to work on Monday; the union said the pay rise of three percent ended the strike. "
     "Fishing crews welcomed the news. The ferry company will add two evening crossings this month."),
    ("https://undated.test/strike", "Strike over", "Undated Wire", None,
     "The strike at the port is over, with a pay rise for the workers who had walked out. Exporters had "
     "warned of lost orders. Talks on pensions will resume in the spring, both sides said."),
]


@pytest.fixture
def strikes(library, tmp_path):
    path = tmp_path / "strikes.jsonl"
    path.write_text("\n".join(json.dumps({"url": u, "title": t, "source": s, "published": p, "text": x})
                              for u, t, s, p, x in STORIES), encoding="utf-8")
    list(library.ingest([str(path)]))
    return library


def test_the_filters_choose_the_articles_quoted(strikes):
    question = "What pay rise ended the port strike?"
    everything = strikes.ask(question)
    assert {q.article.source for q in everything.quotes} >= {"City Herald", "Coast News"}
    coast = strikes.ask(question + " source:coast")
    assert coast.answered and {q.article.source for q in coast.quotes} == {"Coast News"}
    assert coast.question == question + " source:coast" and coast.filters == "from coast"
    recent = strikes.ask("since:2019-11-15 " + question)
    assert recent.answered and {q.article.source for q in recent.quotes} == {"Coast News"}
    older = strikes.ask(question + " until:2019-11-15")
    assert older.answered and {q.article.source for q in older.quotes} == {"City Herald"}


def test_when_no_article_matches_the_filters_the_answer_says_so(strikes):
    answer = strikes.ask("What pay rise ended the port strike? source:nowhere since:2019")
    assert not answer.answered and not answer.related
    assert answer.filters == "from nowhere, since 1 Jan 2019"


def test_a_question_of_filters_only_is_refused(strikes):
    with pytest.raises(QueryError, match="only filters"):
        strikes.ask("source:coast since:2019")


def test_filters_hold_for_every_quote_over_the_real_corpus(corpus_library, dev_questions, corpus_articles):
    """Each dev factoid, asked again narrowed to the outlet of its second quote and then to that quote's day
    onward: every quote (and every further passage) must come from articles the filter admits."""
    library, _ = corpus_library
    checked = 0
    for question in [q for q in dev_questions if q["kind"] == "factoid"][:25]:
        plain = library.ask(question["question"])
        if len(plain.quotes) < 2 or not plain.quotes[1].article.published:
            continue
        second = plain.quotes[1].article
        host = urlsplit(second.url).hostname.removeprefix("www.")
        narrowed = library.ask(f"{question['question']} source:{host}")
        # declined only for a reason said: the outlet's articles may not give what is asked (VentureBeat's story
        # on WeWork names no Meetup, whose price the question asks)
        assert narrowed.answered or narrowed.lacking or narrowed.unknown
        assert all(host in q.article.url for q in narrowed.quotes + narrowed.more)
        day = published_day(second.published)
        recent = library.ask(f"{question['question']} since:{day.isoformat()}")
        assert all(published_day(q.article.published) >= day for q in recent.quotes + recent.more)
        checked += 1
    assert checked >= 10


def test_the_newest_articles_can_be_narrowed_by_filters_alone(strikes):
    assert [a.source for a in strikes.latest(10, "source:coast")] == ["Coast News"]
    assert [a.source for a in strikes.latest(10, "until:2019-11-30")] == ["Coast News", "City Herald"]
    assert len(strikes.latest(10)) == 3
    assert strikes.latest(10, "source:nowhere") == []
    with pytest.raises(QueryError, match="only filters"):
        strikes.latest(10, "port strike source:coast")


def test_a_question_for_the_latest_puts_the_newest_close_answer_first(strikes):
    latest = strikes.ask("What is the latest on the pay rise that ended the port strike?")
    assert [q.article.source for q in latest.quotes][0] == "Coast News"  # 20 Nov, the newest dated article
    dated = [q.article.published for q in latest.quotes if q.article.published]
    assert dated == sorted(dated, reverse=True)


def test_the_newest_article_comes_first_only_among_those_on_the_name_asked_about(strikes, tmp_path, monkeypatch):
    # "Fatboy Slim's latest album" was first answered from a 2019 article on another band's albums: the quotes
    # chosen put the newest first, though it never names the band asked about
    path = tmp_path / "albums.jsonl"
    rows = [("https://music.test/old", "Dockers' band returns", "Music Desk", None,
             "The latest album by the Dockers Choir, Harbour Lights, sold poorly in its first month. The band blamed "
             "the strike for the quiet launch, and promised a tour of the coast in the spring."),
            ("https://music.test/new", "Band reunites", "Pop Weekly", "2019-11-25",
             "The band first played the Dockers Arms in 1975 and stayed together until 1982, appearing on four "
             "albums. The name of its latest album is Blue Harbour, which came out last month to warm reviews.")]
    path.write_text("\n".join(json.dumps({"url": u, "title": t, "source": s, "published": p, "text": x})
                              for u, t, s, p, x in rows), encoding="utf-8")
    list(strikes.ingest([str(path)]))
    chosen = []

    def select(*args, **kwargs):
        selected = select_quotes(*args, **kwargs)
        chosen.append([q.article.source for q in selected[0]])
        return selected

    monkeypatch.setattr(quotes, "select_quotes", select)
    answer = strikes.ask("What is the name of the Dockers Choir's latest album?")
    assert chosen == [["Music Desk"]]  # the newer article on another band is not shown with it
    assert answer.answered and answer.quotes[0].article.source == "Music Desk"


def test_an_outlet_named_by_its_letters_puts_its_articles_first(strikes, tmp_path):
    """"… in BGR's early Black Friday deals" was first answered from 9to5Mac's deals: an outlet asked about by its
    letters is a name the question asks about, which its own articles write (as their outlet)."""
    path = tmp_path / "wire.jsonl"
    text = ("The port strike ended with a pay rise of 3.5 percent after ten days out. Cranes moved again by the "
            "evening shift, and the first container ship left before midnight. Hauliers said the queues on the "
            "coast road would be gone within two days.")
    path.write_text(json.dumps({"url": "https://wpt.test/strike", "title": "Deal at the docks", "source": "WPT",
                                "published": "2019-11-12", "text": text}), encoding="utf-8")
    list(strikes.ingest([str(path)]))
    question = "What pay rise ended the port strike, according to WPT?"
    assert strikes.ask(question).quotes[0].article.source == "WPT"
    assert "WPT" in strikes.store.outlet_acronyms() and "News" not in strikes.store.outlet_acronyms()
