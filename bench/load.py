"""Load through the fake Bot API: 50 users asking 10 questions each, concurrently, to the real Application
with the real model and the shared corpus; then the event-loop stall while an ingest runs.

    .venv/bin/python bench/load.py [--users 50] [--questions 10] [--think SECONDS] [--max-rate 30]

Without --max-rate the bot is unpaced: the figures are its own capacity. With --max-rate 30 it keeps to
Telegram's overall limit, as `briefbot run` does by default; then 50 users who never pause cannot all be
answered within a second (two requests an answer: "typing" and the message), so --think gives them reading time.

Prints throughput, reply latency p50/p95 (from the user's message reaching the server to the bot's answer
being sent), replies lost, and the longest event-loop stall during an ingest. Asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.app import build_application  # noqa: E402
from bot.config import Settings  # noqa: E402
from index import Library, SentenceTransformerEmbedder  # noqa: E402
from tests.fakes.botapi import TOKEN, FakeBotAPI  # noqa: E402

CORPUS = ROOT.parent / "shared/corpus/news"
ADMIN = 1


class Replies:
    """Watches the fake server's calls and resolves a future per (chat, after-message-id) waiter."""

    def __init__(self, server: FakeBotAPI, loop: asyncio.AbstractEventLoop):
        self.server, self.loop = server, loop
        self.waiting: dict[int, tuple[int, asyncio.Future]] = {}
        self.lock = threading.Lock()
        threading.Thread(target=self._watch, daemon=True).start()

    def expect(self, chat_id: int, after_id: int) -> asyncio.Future:
        future = self.loop.create_future()
        with self.lock:
            self.waiting[chat_id] = (after_id, future)
        return future

    def _watch(self) -> None:
        seen = 0
        while True:
            with self.server.cond:
                while len(self.server.calls) == seen:
                    self.server.cond.wait()
                new, seen = self.server.calls[seen:], len(self.server.calls)
            for call in new:
                if call.method != "sendMessage" or call.status != 200:
                    continue
                chat_id = int(call.params["chat_id"])
                with self.lock:
                    waiter = self.waiting.get(chat_id)
                    if waiter and call.result["message_id"] > waiter[0]:
                        del self.waiting[chat_id]
                        self.loop.call_soon_threadsafe(_resolve, waiter[1], call.at)


def _resolve(future: asyncio.Future, at: float) -> None:
    if not future.done():
        future.set_result(at)


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--questions", type=int, default=10)
    parser.add_argument("--think", type=float, default=0.0,
                        help="seconds a user reads an answer before the next question (random up to twice this)")
    parser.add_argument("--max-rate", type=float, default=0.0,
                        help="the bot's BRIEFBOT_TELEGRAM_MAX_RATE (0: unpaced, the bot's own capacity)")
    parser.add_argument("--pytorch", action="store_true", help="run the model with PyTorch only, for a ratio")
    args = parser.parse_args()
    questions = [json.loads(line)["question"] for line in (CORPUS / "dev_questions.jsonl").open(encoding="utf-8")]
    embedder = SentenceTransformerEmbedder(onnx=not args.pytorch)
    print(f"runtime: {'PyTorch' if args.pytorch else 'ONNX Runtime'}")
    with tempfile.TemporaryDirectory() as tmp, FakeBotAPI() as server:
        with Library(Path(tmp), embedder) as library:
            list(library.ingest([str(CORPUS / "articles.jsonl")]))
        settings = Settings(_env_file=None, telegram_token=TOKEN, telegram_api_url=server.base_url, data_dir=tmp,
                            admin_ids=[ADMIN], questions_per_minute=10_000, sample_library=False,
                            telegram_max_rate=args.max_rate)
        app = build_application(settings, embedder)
        await app.initialize()
        await app.post_init(app)
        await app.updater.start_polling(poll_interval=0, timeout=5)
        await app.start()
        replies = Replies(server, asyncio.get_running_loop())
        latencies: list[float] = []
        lost = 0

        async def user(chat_id: int) -> None:
            nonlocal lost
            rng = random.Random(chat_id)
            for _ in range(args.questions):
                await asyncio.sleep(rng.uniform(0, 2 * args.think))
                update = server.user_message(rng.choice(questions), chat_id=chat_id, user_id=chat_id)
                sent = time.monotonic()
                future = replies.expect(chat_id, update["update_id"])
                try:
                    latencies.append(await asyncio.wait_for(future, 60) - sent)
                except TimeoutError:
                    lost += 1

        start = time.monotonic()
        await asyncio.gather(*(user(1000 + i) for i in range(args.users)))
        elapsed = time.monotonic() - start
        latencies.sort()
        total = args.users * args.questions
        print(f"load: {args.users} users x {args.questions} questions = {total}, in {elapsed:.1f} s "
              f"(think time {args.think:g} s on average, pacing {args.max_rate or 'off'} requests/s)")
        print(f"throughput: {len(latencies) / elapsed:.1f} answers/s; replies lost: {lost}")
        print(f"reply latency: p50 {latencies[len(latencies) // 2] * 1000:.0f} ms, "
              f"p95 {latencies[int(len(latencies) * 0.95)] * 1000:.0f} ms, "
              f"mean {statistics.mean(latencies) * 1000:.0f} ms")

        # The event loop's longest stall while an admin's upload of 300 new articles is ingested.
        words = " ".join(json.loads(line)["text"] for line in (CORPUS / "articles.jsonl").open()).split()
        rng = random.Random(7)
        upload = "\n".join(json.dumps({"url": f"https://bench.test/{i}", "title": f"Bench {i}",
                                       "text": " ".join(rng.choices(words, k=400)) + "."}) for i in range(300))
        document = server.add_file(upload.encode(), "bench.jsonl")
        stall = 0.0
        done = False

        async def ticker() -> None:
            nonlocal stall
            while not done:
                before = time.monotonic()
                await asyncio.sleep(0.01)
                stall = max(stall, time.monotonic() - before - 0.01)

        tick = asyncio.create_task(ticker())
        ingest_start = time.monotonic()
        update = server.user_message(document=document, chat_id=ADMIN, user_id=ADMIN)
        ingest_done = replies.expect(ADMIN, update["update_id"])
        during = []
        for i in range(5):  # questions while the ingest runs, one after another
            await asyncio.sleep(1)
            ask = server.user_message(questions[i], chat_id=5, user_id=5)
            asked = time.monotonic()
            during.append(await replies.expect(5, ask["update_id"]) - asked)
        await ingest_done
        ingest_time = time.monotonic() - ingest_start
        done = True
        await tick
        print(f"ingest of 300 articles through the bot: {ingest_time:.1f} s; longest event-loop stall meanwhile: "
              f"{stall * 1000:.0f} ms; questions answered meanwhile in "
              f"{', '.join(f'{d * 1000:.0f}' for d in during)} ms")
        await app.updater.stop()
        await app.stop()
        await app.post_shutdown(app)
        await app.shutdown()


if __name__ == "__main__":
    asyncio.run(main())
