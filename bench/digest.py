"""Digests for many chats due at the same minute: compose and send through the fake Bot API, which
refuses more than 30 messages a second in all (429), as Telegram does.

    .venv/bin/python bench/digest.py [--chats 1000] [--topics-share 0.3]

Prints the time to compose and deliver, the highest send rate seen in any one-second window, the 429s the
bot ran into, and digests lost. Asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import resource
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.app import build_application  # noqa: E402
from bot.config import Settings  # noqa: E402
from index import Library, SentenceTransformerEmbedder, Subscription  # noqa: E402
from tests.fakes.botapi import TOKEN, FakeBotAPI  # noqa: E402

CORPUS = ROOT.parent / "shared/corpus/news/articles.jsonl"
TOPICS = [("space",), ("football", "tennis"), ("china", "trade"), ("health",), ("technology", "games")]


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--chats", type=int, default=1000)
    parser.add_argument("--topics-share", type=float, default=0.3, help="share of chats with topics")
    args = parser.parse_args()
    embedder = SentenceTransformerEmbedder()
    rng = random.Random(3)
    with tempfile.TemporaryDirectory() as tmp, FakeBotAPI(flood_limit=30) as server:
        with Library(Path(tmp), embedder) as library:
            list(library.ingest([str(CORPUS)]))
            created = (datetime.now(UTC) - timedelta(days=1)).isoformat(timespec="seconds")
            for n in range(args.chats):
                chat_id = 100_000 + n
                topics = rng.choice(TOPICS) if rng.random() < args.topics_share else ()
                library.store.subscribe(Subscription(chat_id=chat_id, at="07:30", tz="Europe/Warsaw", topics=topics),
                                        created_at=created)
                server.add_chat(chat_id)
        settings = Settings(_env_file=None, telegram_token=TOKEN, telegram_api_url=server.base_url, data_dir=tmp,
                            sample_library=False, digest_stories=10)
        app = build_application(settings, embedder)
        await app.initialize()
        await app.post_init(app)
        jobs = [job for job in app.job_queue.jobs() if job.name.startswith("digest:")]
        start = time.monotonic()
        outcomes = await asyncio.gather(*(job.callback(_Context(app, job)) for job in jobs))
        elapsed = time.monotonic() - start
        sends = sorted(c.at for c in server.calls if c.method == "sendMessage" and c.status == 200)
        refused = sum(1 for c in server.calls if c.status == 429)
        peak = max(sum(1 for t in sends[i:i + 40] if t < s + 1.0) for i, s in enumerate(sends)) if sends else 0
        delivered = {int(c.params["chat_id"]) for c in server.calls if c.method == "sendMessage" and c.status == 200}
        store = app.bot_data["services"].library.store
        statuses = [store.run_status(job.data["chat_id"], job.data["slot"]) for job in jobs]
        print(f"{len(jobs)} chats due at once ({args.topics_share:.0%} with topics); {len(sends)} messages sent "
              f"in {elapsed:.1f} s ({len(sends) / elapsed:.1f}/s)")
        print(f"highest rate in any 1 s window: {peak} messages; 429 answers met: {refused}")
        print(f"chats with a digest: {len(delivered)} of {len(jobs)}; runs recorded: "
              f"{ {s: statuses.count(s) for s in set(statuses)} }; lost: {len(jobs) - len(delivered)}")
        print(f"peak memory (RSS): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
        del outcomes
        await app.post_shutdown(app)
        await app.shutdown()


class _Context:
    """What a job callback reads from its context: the application and the job."""

    def __init__(self, application, job):
        self.application, self.job = application, job


if __name__ == "__main__":
    asyncio.run(main())
