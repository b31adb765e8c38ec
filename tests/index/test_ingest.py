"""Ingest: sources of every kind, duplicates, bad input that is refused without harming what is stored."""

import io
import json
import re
import socket

import pytest

from index import FetchLimits, Library, Outcome, SourceLimits, vector_check
from tests.fakes.web import WebServer

BODY = ("The city council approved a new budget for public schools on Tuesday after a long debate. "
        "Teachers will receive a raise of four percent, the mayor said. ")


_FILLER = ("officials", "residents", "engineers", "critics", "analysts", "volunteers", "drivers", "farmers")


def article_text(topic: str, n: int = 6) -> str:
    return "\n\n".join(
        f"{BODY}In part {i}, {_FILLER[i % 8]} discussed {topic} with {_FILLER[(i + 3) % 8]} for {i + 2} hours. "
        f"Their verdict on {topic} number {i} was reported by {_FILLER[(i + 5) % 8]} late in the evening."
        for i in range(n))


def record(url: str, topic: str, **extra) -> str:
    return json.dumps({"url": url, "title": f"News about {topic}", "published": "2024-05-01",
                       "source": "Example Times", "text": article_text(topic), **extra})


def write_jsonl(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def snapshot(library: Library) -> str:
    out = io.StringIO()
    library.export(out)
    return out.getvalue() + json.dumps(library.stats())


def outcomes(results):
    return [(r.outcome, r.reason) for r in results]


def test_jsonl_articles_go_in_with_passages_and_vectors(library, tmp_path, embedder):
    source = write_jsonl(tmp_path / "a.jsonl", [record("https://news.test/a", "rivers"),
                                                record("https://news.test/b", "mountains")])
    results = list(library.ingest([source]))
    assert [r.outcome for r in results] == [Outcome.ADDED, Outcome.ADDED]
    stats = library.stats()
    assert stats["articles"] == 2 and stats["passages"] == stats["vectors"] > 0
    assert vector_check(library)
    assert embedder.encoded == stats["passages"]  # each passage encoded once, in batches


def test_duplicates_by_url_text_and_near_identical_text(library, tmp_path):
    original = record("https://news.test/story?id=1", "harbours")
    same_url = record("https://news.test/story?id=1&utm_source=twitter", "other words entirely")
    same_text = record("https://mirror.test/copy", "harbours")
    near = json.loads(record("https://syndicated.test/x", "harbours"))
    near["text"] = near["text"].replace("long debate", "lengthy debate", 1) + "\n\nReporting by a wire service."
    results = list(library.ingest([write_jsonl(tmp_path / "d.jsonl",
                                               [original, same_url, same_text, json.dumps(near)])]))
    assert outcomes(results) == [(Outcome.ADDED, ""), (Outcome.DUPLICATE, "same URL"),
                                 (Outcome.DUPLICATE, "same text"), (Outcome.DUPLICATE, "near-identical text")]
    assert library.stats()["articles"] == 1
    kept = results[0].article_id
    # The other URLs are remembered: asking for them finds the kept article.
    assert library.store.find_by_url("https://syndicated.test/x").id == kept
    assert library.store.find_by_url("https://mirror.test/copy").id == kept
    # each says which article it repeats: by its number once stored, else as read earlier in the same batch
    assert "near-identical" in results[3].describe() and "earlier in this batch" in results[3].describe()
    assert not [r.describe() for r in results if "None" in r.describe()]
    again = list(library.ingest([write_jsonl(tmp_path / "e.jsonl", [same_text])]))
    assert f"#{kept} " in again[0].describe()


def test_duplicates_are_recognised_across_runs(library, tmp_path):
    source = write_jsonl(tmp_path / "a.jsonl", [record("https://news.test/a", "rivers")])
    list(library.ingest([source]))
    again = list(library.ingest([source]))
    assert outcomes(again) == [(Outcome.DUPLICATE, "same URL")]


def test_html_text_and_markdown_files_and_folders(library, tmp_path, corpus):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "page.html").write_bytes((corpus / "html" / "aeb-70cb2d5b.html").read_bytes())
    (folder / "seed.txt").write_bytes((corpus / "raw" / "seed-page.txt").read_bytes())
    (folder / "note.md").write_text("# Harbour news\n\n" + article_text("harbours"), encoding="utf-8")
    (folder / "ignored.png").write_bytes(b"\x89PNG")
    results = list(library.ingest([str(folder)]))
    assert [r.outcome for r in results] == [Outcome.ADDED] * 3
    titles = {r.title for r in results}
    assert titles == {"Harbour news", "Nobody is willing to fight in defense of Putin’s regime: Ilya Ponomarev",
                      "Taylor Swift's AMA row seems to be over"}


@pytest.fixture
def stored(library, tmp_path):
    list(library.ingest([write_jsonl(tmp_path / "base.jsonl", [record("https://news.test/base", "bridges")])]))
    return snapshot(library)


@pytest.mark.parametrize(("name", "content", "reason"), [
    ("empty.txt", b"", "empty"),
    ("binary.txt", bytes(range(256)) * 8, "binary"),
    ("latin1.txt", "Café crème ".encode("latin-1") * 40, "not valid UTF-8"),
    ("nav.html", b"<html><body><nav><a href='/'>Home</a> <a href='/x'>World</a></nav></body></html>",
     "no article text|too short"),
    ("short.txt", b"Just a teaser line.", "too short"),
    ("data.bin", b"\x00\x01\x02", "unsupported file type"),
])
def test_bad_files_get_a_one_line_reason_and_change_nothing(library, tmp_path, stored, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    results = list(library.ingest([str(path)]))
    assert len(results) == 1 and results[0].outcome is Outcome.REJECTED
    assert re.search(reason, results[0].reason)
    assert "\n" not in results[0].describe()
    assert snapshot(library) == stored


def test_a_file_over_the_size_limit_is_refused(tmp_path, embedder):
    with Library(tmp_path / "lib", embedder, SourceLimits(max_file_bytes=1000)) as library:
        path = tmp_path / "big.txt"
        path.write_text(article_text("size") * 5, encoding="utf-8")
        (result,) = library.ingest([str(path)])
        assert result.outcome is Outcome.REJECTED and result.reason.startswith("too large")
        assert library.stats()["articles"] == 0


def test_a_malformed_jsonl_line_is_reported_and_the_rest_go_in(library, tmp_path, stored):
    source = write_jsonl(tmp_path / "mixed.jsonl", [
        record("https://news.test/1", "ferries"), "{not json", '["a list"]', json.dumps({"title": "no url"}),
        record("https://news.test/2", "tunnels")])
    results = list(library.ingest([source]))
    assert [r.outcome for r in results] == [Outcome.ADDED, Outcome.REJECTED, Outcome.REJECTED, Outcome.REJECTED,
                                            Outcome.ADDED]
    assert results[1].reason.startswith("malformed JSON") and results[1].source.endswith(":2")
    assert library.stats()["articles"] == 3


def test_missing_source_is_reported(library):
    (result,) = library.ingest(["/nonexistent/file.html"])
    assert result.outcome is Outcome.REJECTED and "no such file" in result.reason


PAGE = (b"<html lang='en'><head><title>Bridge reopens</title></head><body><article><h1>Bridge reopens</h1>"
        + b"".join(b"<p>" + BODY.encode() + b" Paragraph %d about the old bridge.</p>" % i for i in range(6))
        + b"</article></body></html>")


@pytest.fixture
def web():
    with WebServer({"/page.html": (200, "text/html; charset=utf-8", PAGE),
                    "/photo.png": (200, "image/png", b"\x89PNG" + bytes(100)),
                    "/huge.html": (200, "text/html", b"<p>" + b"x" * 20000 + b"</p>"),
                    "/gone": (404, "text/html", b"missing")}) as server:
        yield server


def fetching_library(tmp_path, embedder, **fetch):
    limits = SourceLimits(fetch=FetchLimits(**{"allow_private": True, "timeout": 1.0, **fetch}))
    return Library(tmp_path / "lib", embedder, limits)


def test_a_url_is_fetched_and_extracted(tmp_path, embedder, web):
    with fetching_library(tmp_path, embedder) as library:
        (result,) = library.ingest([f"{web.url}/page.html?utm_source=feed"])
        assert result.outcome is Outcome.ADDED and result.title == "Bridge reopens"
        (again,) = library.ingest([f"{web.url}/redirect?to=/page.html"])
        assert again.outcome is Outcome.DUPLICATE


@pytest.mark.parametrize(("path", "reason", "fetch"), [
    ("/hang", "timed out", {}),
    ("/photo.png", "not an article page (content type image/png)", {}),
    ("/huge.html", "too large", {"max_bytes": 5000}),
    ("/gone", "HTTP 404", {}),
])
def test_bad_urls_get_a_reason(tmp_path, embedder, web, path, reason, fetch):
    with fetching_library(tmp_path, embedder, **fetch) as library:
        (result,) = library.ingest([web.url + path])
        assert result.outcome is Outcome.REJECTED and reason in result.reason
        assert library.stats()["articles"] == 0


def test_a_refused_connection_gets_a_reason(tmp_path, embedder, web):
    port = web.httpd.server_address[1]
    web.__exit__()  # nothing listens there any more
    with fetching_library(tmp_path, embedder) as library:
        (result,) = library.ingest([f"http://127.0.0.1:{port}/page.html"])
        assert result.outcome is Outcome.REJECTED and "could not connect" in result.reason


def test_private_addresses_are_refused_by_default(tmp_path, embedder, web):
    with Library(tmp_path / "lib", embedder) as library:
        for url in (f"{web.url}/page.html", "http://localhost/", "http://169.254.169.254/latest/meta-data",
                    "http://[::1]/", "ftp://example.com/x"):
            (result,) = library.ingest([url])
            assert result.outcome is Outcome.REJECTED, url
        assert web.requests == []  # nothing was ever sent to the private address


def test_a_redirect_to_a_private_address_is_refused(tmp_path, embedder, web, monkeypatch):
    from index import fetch as fetch_module

    # The test server on 127.0.0.1 stands in for a public host; everything else private stays private.
    monkeypatch.setattr(fetch_module, "is_public", lambda address: address == "127.0.0.1")
    with Library(tmp_path / "lib", embedder) as library:
        (result,) = library.ingest([f"{web.url}/redirect?to=http://10.0.0.1/"])
    assert result.outcome is Outcome.REJECTED and "refused: 10.0.0.1 is a private" in result.reason
    assert web.requests == ["/redirect?to=http://10.0.0.1/"]  # the first hop only


def test_the_connection_goes_to_the_address_that_was_checked(monkeypatch):
    """DNS rebinding: a host that resolves to a public address while it is checked and to a private one
    afterwards. The connection must go to an address that was checked, never to the name resolved again."""
    from index import fetch as fetch_module

    answers = iter(["93.184.216.34", "93.184.216.34"])  # then 127.0.0.1, for anyone who asks again

    def resolve(host, port, *args, **kwargs):
        address = next(answers, "127.0.0.1")
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]

    connected = []

    def connect(address, *args, **kwargs):  # records where the socket would go; nothing leaves the machine
        connected.append(address)
        raise OSError("test: no network")

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    monkeypatch.setattr(socket, "create_connection", connect)
    with pytest.raises(fetch_module.FetchError, match="could not connect"):
        fetch_module.fetch("http://rebind.test/page.html")
    assert connected == [("93.184.216.34", 80)]


def test_export_round_trip_loses_nothing(library, tmp_path, corpus, embedder):
    list(library.ingest([str(corpus / "html" / "aeb-70cb2d5b.html"),
                         write_jsonl(tmp_path / "a.jsonl", [record("https://news.test/a", "rivers", author="Ann")])]))
    first = io.StringIO()
    library.export(first)
    dump = tmp_path / "export.jsonl"
    dump.write_text(first.getvalue(), encoding="utf-8")
    with Library(tmp_path / "copy", embedder) as copy:
        assert [r.outcome for r in copy.ingest([str(dump)])] == [Outcome.ADDED, Outcome.ADDED]
        second = io.StringIO()
        copy.export(second)
    assert second.getvalue() == first.getvalue()
    assert json.loads(first.getvalue().splitlines()[1])["author"] == "Ann"


def test_remove_takes_out_the_article_its_passages_and_vectors(library, tmp_path):
    list(library.ingest([write_jsonl(tmp_path / "a.jsonl", [record("https://news.test/a", "rivers"),
                                                            record("https://news.test/b", "mountains")])]))
    removed = library.remove("https://news.test/a?utm_source=x")
    assert removed is not None and removed.title == "News about rivers"
    assert library.stats()["articles"] == 1 and vector_check(library)
    assert library.remove("https://news.test/a") is None


def test_a_running_library_takes_in_what_another_process_ingests_and_removes(tmp_path, embedder):
    """The bot keeps FAISS in memory; `briefbot ingest` or `remove` in another process writes to the same
    SQLite file. The running library's next question (or ingest) takes those changes in."""
    with Library(tmp_path / "lib", embedder) as running:
        list(running.ingest([write_jsonl(tmp_path / "a.jsonl", [record("https://news.test/a", "rivers")])]))
        with Library(tmp_path / "lib", embedder) as other:  # its own SQLite connection, as another process has
            list(other.ingest([write_jsonl(tmp_path / "b.jsonl", [record("https://news.test/b", "volcanoes")])]))
        answer = running.ask("What is the news about volcanoes?", retriever="dense")
        assert answer.answered and answer.quotes[0].article.url == "https://news.test/b"
        assert vector_check(running)
        copy = json.loads(record("https://news.test/b-copy", "volcanoes"))
        copy["text"] += " One more line."
        (result,) = running.ingest([write_jsonl(tmp_path / "c.jsonl", [json.dumps(copy)])])
        assert result.outcome is Outcome.DUPLICATE  # its fingerprint came in with the other process's article
        with Library(tmp_path / "lib", embedder) as other:
            assert other.remove("https://news.test/b") is not None
        answer = running.ask("What is the news about volcanoes?", retriever="dense")
        assert all(q.article.url != "https://news.test/b" for q in answer.quotes + answer.more)
        assert vector_check(running)
