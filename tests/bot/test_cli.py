"""The briefbot command line, run as a user would (in-process, real model, a temporary data folder)."""

import json

import pytest

from bot.cli import main


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no .env from the developer's checkout
    monkeypatch.setenv("BRIEFBOT_DATA_DIR", str(tmp_path / "data"))
    return tmp_path


@pytest.fixture
def ingested(env, corpus, capsys):
    source = env / "few.jsonl"
    lines = (corpus / "articles.jsonl").read_text(encoding="utf-8").splitlines()[:12]
    source.write_text("\n".join(lines[:6] + ["{broken"] + lines[6:]) + "\n", encoding="utf-8")
    status = main(["ingest", str(source), str(corpus / "html" / "aeb-70cb2d5b.html")])
    return status, capsys.readouterr()


def test_ingest_reports_each_source_and_a_summary(ingested):
    status, out = ingested
    lines = out.out.splitlines()
    assert status == 1  # one line was rejected
    assert sum(line.startswith("added: ") for line in lines) == 13
    assert any(line.startswith("rejected: malformed JSON") and line.endswith("few.jsonl:7") for line in lines)
    assert lines[-1].startswith("13 added, 0 duplicates, 1 rejected; the library holds 13 articles")


def test_ask_json_gives_quotes_with_sources(ingested, capsys):
    assert main(["ask", "--json", "How much did Adam Neumann plan to charge WeWork for his trademark?"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert set(answer) == {"question", "answered", "quotes", "related"}
    assert answer["answered"] is True
    first = answer["quotes"][0]
    assert set(first) == {"text", "also", "title", "source", "published", "url", "link", "score"}
    assert "$6 million" in first["text"] and first["link"].startswith(first["url"] + "#:~:text=")


def test_ask_prints_quotes_for_people(ingested, capsys):
    assert main(["ask", "Which", "group", "owns", "most", "of", "Taylor", "Swift's", "music?"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("“") and "Big Machine" in out and "#:~:text=" in out
    assert "\n  — Taylor Swift's AMA row seems to be over (BBC News, 2019-11-19)\n" in out


def test_ask_for_the_news_itself_prints_the_digest(ingested, capsys):
    assert main(["ask", "what's", "new?"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1. ") and "\n   “" in out and "#:~:text=" not in out  # stories, not quotes
    assert main(["digest", "--since", "2999-01-01"]) == 0
    assert capsys.readouterr().out == "Nothing new since 01 Jan 2999 00:00 UTC.\n"


def test_ask_batch_answers_each_line_and_echoes_extra_fields(ingested, env, capsys):
    batch = env / "questions.txt"
    batch.write_text("Who is Ilya Ponomarev?\n\n"
                     + json.dumps({"question": "What did Taylor Swift get to play at the AMAs?", "qid": "x1"})
                     + "\n{bad json\n", encoding="utf-8")
    assert main(["ask", "--batch", str(batch)]) == 1
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r.get("qid") for r in records] == [None, "x1", None]
    assert records[0]["question"] == "Who is Ilya Ponomarev?" and "answered" in records[0]
    assert records[2]["error"].startswith("not a JSON object")


def test_stats_json_counts_articles_passages_and_vectors(ingested, capsys):
    assert main(["stats", "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["articles"] == 13 and stats["passages"] == stats["vectors"] > 13


def test_export_then_ingest_elsewhere_round_trips(ingested, env, capsys, monkeypatch):
    assert main(["export", "-o", str(env / "one.jsonl")]) == 0
    monkeypatch.setenv("BRIEFBOT_DATA_DIR", str(env / "other"))
    assert main(["ingest", "--quiet", str(env / "one.jsonl")]) == 0
    assert main(["export", "-o", str(env / "two.jsonl")]) == 0
    one, two = (env / "one.jsonl").read_text(), (env / "two.jsonl").read_text()
    assert one == two and len(one.splitlines()) == 13


def test_remove_by_url(ingested, capsys):
    assert main(["remove", "https://www.bbc.com/news/newsbeat-50470672?utm_source=x"]) == 0
    assert main(["remove", "https://www.bbc.com/news/newsbeat-50470672"]) == 1
    assert "no article stored" in capsys.readouterr().err


def test_usage_errors_say_what_to_do(env, capsys):
    assert main([]) == 2
    assert "ingest" in capsys.readouterr().out
    assert main(["ask"]) == 2
    assert "give a question" in capsys.readouterr().err


def test_run_without_a_token_says_how_to_get_one_and_exits_without_a_terminal(env, capsys, monkeypatch):
    monkeypatch.delenv("BRIEFBOT_TELEGRAM_TOKEN", raising=False)
    assert main(["run"]) == 1  # stdin is not a terminal under pytest
    err = capsys.readouterr().err
    assert "@BotFather" in err and "BRIEFBOT_TELEGRAM_TOKEN=" in err and "briefbot chat" in err


def test_run_in_webhook_mode_on_a_busy_port_says_so_before_loading_anything(env, capsys, monkeypatch):
    import socket

    with socket.create_server(("127.0.0.1", 0)) as busy:
        port = busy.getsockname()[1]
        monkeypatch.setenv("BRIEFBOT_TELEGRAM_TOKEN", "123:abc")
        monkeypatch.setenv("BRIEFBOT_WEBHOOK_URL", "https://bot.example/hook")
        monkeypatch.setenv("BRIEFBOT_WEBHOOK_PORT", str(port))
        assert main(["run"]) == 2
    err = capsys.readouterr().err
    assert f"cannot listen on 127.0.0.1:{port}" in err and "BRIEFBOT_WEBHOOK_PORT" in err
    assert not (env / "data").exists()  # nothing was opened


async def test_chat_in_a_terminal_uses_the_same_handlers(env, embedder):
    import io

    from bot.config import Settings
    from bot.terminal import chat

    out = io.StringIO()
    lines = iter(["/start", "How do I ask a question in a group?", "more", "more", "/stats", "", "quit"])
    await chat(Settings(_env_file=None, data_dir=env / "data"), lines=lines, out=out, embedder=embedder)
    text = out.getvalue()
    assert "briefbot answers questions" in text  # /start, rendered as text
    assert "│ " in text and "How to ask briefbot a question · briefbot guide" in text  # a quote and its source
    assert "More on: How do I ask a question in a group?" in text
    assert "(The last reply has no More button.)" in text  # "more" twice: the second is no question
    assert "6 articles from 1 outlet;" in text  # the terminal user is an admin
    assert "<blockquote>" not in text and "&amp;" not in text


async def test_a_document_the_bot_sends_in_the_terminal_is_saved_beside_you(env, embedder):
    import io

    from bot.config import Settings
    from bot.terminal import chat
    from index.feeds import read_opml

    (env / "briefbot-feeds.opml").write_text("mine", encoding="utf-8")  # never overwritten
    out = io.StringIO()
    await chat(Settings(_env_file=None, data_dir=env / "data"), lines=iter(["/feed export"]), out=out,
               embedder=embedder)
    assert "📎 briefbot-feeds-1.opml saved here" in out.getvalue()
    assert (env / "briefbot-feeds.opml").read_text(encoding="utf-8") == "mine"
    assert read_opml((env / "briefbot-feeds-1.opml").read_bytes()) == []


def test_feed_commands_follow_poll_export_and_remove(env, corpus_articles, capsys, monkeypatch):
    from tests.fakes.feeds import entry, page, rss
    from tests.fakes.web import WebServer

    monkeypatch.setenv("BRIEFBOT_FETCH_ALLOW_PRIVATE", "true")
    with WebServer() as site:
        entries = []
        for i, article in enumerate(corpus_articles[60:62]):
            site.routes[f"/a/{i}"] = (200, "text/html", page(article))
            entries.append(entry(site.url, f"/a/{i}", article))
        site.routes["/feed.rss"] = (200, "application/rss+xml", rss(entries, title="Quay News"))
        feed = f"{site.url}/feed.rss"
        assert main(["feed", "add", feed, "--every", "2h"]) == 0
        assert capsys.readouterr().out == "following Quay News: 2 entries listed, polled every 2h\n"
        assert main(["feed", "poll"]) == 0
        assert capsys.readouterr().out == "Quay News: 2 added\n"
        assert main(["feed", "poll"]) == 0  # not due again for two hours
        assert capsys.readouterr().out == "no feed is due\n"
        assert main(["feed", "poll", "--all"]) == 0
        assert capsys.readouterr().out == "Quay News: nothing new\n" and site.not_modified == ["/feed.rss"]
        assert main(["feed", "list", "--json"]) == 0
        (listed,) = json.loads(capsys.readouterr().out)["feeds"]
        assert (listed["url"], listed["interval_s"], listed["last_error"]) == (feed, 7200, None)
        assert main(["feed", "export", "-o", str(env / "feeds.opml")]) == 0
        assert main(["feed", "remove", feed]) == 0
        assert main(["feed", "remove", feed]) == 1
        capsys.readouterr()
        assert main(["feed", "import", str(env / "feeds.opml")]) == 0
        assert capsys.readouterr().out == f"added: {feed}\n"
        assert main(["feed", "add", f"{site.url}/a/0"]) == 1
        assert "an HTML page, not a feed" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["feed"])
