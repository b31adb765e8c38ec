"""Polling many feeds: 200 feeds of 50 entries each, served from 127.0.0.1, with the real model.

    .venv/bin/python bench/feeds.py [--feeds 200] [--entries 50] [--new 10] [--workers 4]

Phases, each timed with the process's memory (RSS) after it:
  0. first poll: every feed lists the same 50 wire stories (the syndication case): 50 pages are fetched and
     ingested once, the other entries are recognised by URL without a fetch (setup, timed for information);
  1. quiet poll: nothing changed, every feed answers 304 (the cost of a poll with nothing new);
  2. changed but nothing new: every feed's bytes change (a new build date), so each is fetched and parsed in
     full, and its 50 entries are all found already taken;
  3. 10 new entries in each feed, each a page of its own: fetched, extracted, embedded and stored.
Pages are made at run time from paragraphs of the shared corpus, mixed so that no two are near-duplicates.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from index import FetchLimits, Library, SentenceTransformerEmbedder, SourceLimits  # noqa: E402
from index.feeds import Feeds  # noqa: E402
from tests.fakes.feeds import page, rss  # noqa: E402
from tests.fakes.web import WebServer  # noqa: E402

CORPUS = ROOT.parent / "shared/corpus/news/articles.jsonl"


def rss_mib() -> float:
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS")) / 1024


def mixed_articles(count: int, rng: random.Random) -> list[dict]:
    """`count` articles, each five paragraphs drawn from different corpus articles."""
    corpus = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    paragraphs = [p for a in corpus if (a.get("lang") or "en") == "en" for p in a["text"].split("\n")
                  if len(p.split()) >= 25]
    out = []
    for i in range(count):
        chosen = rng.sample(paragraphs, 5)
        out.append({"title": f"Bench story {i}: " + " ".join(chosen[0].split()[:8]), "source": "Bench Wire",
                    "text": "\n".join(chosen)})
    return out


def timed(label: str, action, unit_count: int | None = None, unit: str = ""):
    start = time.perf_counter()
    result = action()
    elapsed = time.perf_counter() - start
    rate = f", {unit_count / elapsed:.1f} {unit}/s" if unit_count else ""
    print(f"{label:<44} {elapsed:8.2f} s{rate}; RSS {rss_mib():.0f} MiB")
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--entries", type=int, default=50)
    parser.add_argument("--new", type=int, default=10)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    rng = random.Random(5)
    stories = mixed_articles(args.entries + args.feeds * args.new, rng)

    embedder = SentenceTransformerEmbedder()
    embedder.encode(["warm up the model"] * 8)
    print(f"{args.feeds} feeds x {args.entries} entries, {args.new} new each in phase 3; {args.workers} workers; "
          f"bf16={embedder.bf16}; RSS at start {rss_mib():.0f} MiB")
    with WebServer() as site, tempfile.TemporaryDirectory() as tmp:
        for i, story in enumerate(stories):
            site.routes[f"/story/{i}"] = (200, "text/html; charset=utf-8", page(story))

        def item(i: int) -> dict:
            return {"link": f"{site.url}/story/{i}", "guid": f"{site.url}/story/{i}", "title": stories[i]["title"],
                    "published": "Wed, 25 Nov 2026 06:00:00 GMT"}

        def publish(build: str, new: bool) -> None:
            for f in range(args.feeds):
                own = [item(args.entries + f * args.new + k) for k in range(args.new)] if new else []
                entries = (own + [item(i) for i in range(args.entries)])[: args.entries]
                site.routes[f"/feed/{f}.rss"] = (200, "application/rss+xml",
                                                 rss(entries, title=f"Feed {f} {build}"))

        limits = SourceLimits(fetch=FetchLimits(allow_private=True, timeout=10.0))
        with Library(Path(tmp), embedder, limits) as library:
            feeds = Feeds(library, workers=args.workers)
            publish("a", new=False)
            for f in range(args.feeds):
                feeds.add(f"{site.url}/feed/{f}.rss", check=False)

            reports = timed("0. first poll (50 shared stories, setup)", lambda: feeds.poll_due(everything=True))
            print(f"   {sum(r.added for r in reports)} articles added, "
                  f"{sum(len(r.results) - r.added for r in reports)} entries known by URL")

            requests = len(site.requests)
            reports = timed("1. quiet poll (304)", lambda: feeds.poll_due(everything=True), args.feeds, "feeds")
            print(f"   {len(site.not_modified)} answered 304, {len(site.requests) - requests} requests, "
                  f"{sum(len(r.results) for r in reports)} entries taken")

            publish("b", new=False)
            requests = len(site.requests)
            reports = timed("2. changed, nothing new (200, parsed)", lambda: feeds.poll_due(everything=True),
                            args.feeds, "feeds")
            print(f"   {len(site.requests) - requests} requests, {sum(len(r.results) for r in reports)} entries "
                  "taken")

            publish("c", new=True)
            before = library.stats()
            reports = timed(f"3. {args.new} new entries per feed", lambda: feeds.poll_due(everything=True),
                            args.feeds * args.new, "articles")
            after = library.stats()
            print(f"   {sum(r.added for r in reports)} articles added "
                  f"({after['passages'] - before['passages']} passages), "
                  f"{sum(r.status == 'failed' for r in reports)} feeds failed")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
