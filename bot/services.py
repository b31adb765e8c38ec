"""What the handlers share, built once by the application: the library, the settings, recent answers kept
for the "More" button, and the per-user question limit."""

from __future__ import annotations

import asyncio
import secrets
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime

from index import Answer, Feeds, Library

from .config import Settings


class RecentAnswers:
    """The last answers with further passages, by a short key that fits in a button's callback data."""

    def __init__(self, capacity: int = 1000):
        self.capacity = capacity
        self._answers: OrderedDict[str, Answer] = OrderedDict()

    def put(self, answer: Answer) -> str:
        key = secrets.token_urlsafe(6)
        self._answers[key] = answer
        while len(self._answers) > self.capacity:
            self._answers.popitem(last=False)
        return key

    def get(self, key: str) -> Answer | None:
        return self._answers.get(key)


class RateLimiter:
    """At most `limit` events per `window` seconds for each user (sliding window)."""

    def __init__(self, limit: int, window: float = 60.0):
        self.limit = limit
        self.window = window
        self._events: dict[int, deque[float]] = {}

    def wait_time(self, user_id: int, now: float | None = None) -> float:
        """0 and the event is counted, or how many seconds until the user may ask again."""
        now = time.monotonic() if now is None else now
        events = self._events.setdefault(user_id, deque())
        while events and events[0] <= now - self.window:
            events.popleft()
        if len(events) >= self.limit:
            return events[0] + self.window - now
        events.append(now)
        return 0.0


@dataclass
class Services:
    settings: Settings
    library: Library
    answers: RecentAnswers = field(default_factory=RecentAnswers)
    limiter: RateLimiter | None = None
    inline_limiter: RateLimiter | None = None
    # Questions get threads of their own: most of an ask is waiting for the shared model batch, so many
    # can wait at once (bigger batches), and a long ingest never holds the threads questions need.
    ask_pool: ThreadPoolExecutor = field(default_factory=lambda: ThreadPoolExecutor(32, thread_name_prefix="ask"))
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))  # tests set the time
    feeds: Feeds | None = None
    feed_poll: asyncio.Lock = field(default_factory=asyncio.Lock)  # held while feeds are polled
    admin_menus: set[int] = field(default_factory=set)  # admins whose chat shows the admin commands

    def __post_init__(self) -> None:
        if self.limiter is None:
            self.limiter = RateLimiter(self.settings.questions_per_minute)
        if self.inline_limiter is None:
            self.inline_limiter = RateLimiter(self.settings.inline_queries_per_minute)
        if self.feeds is None:
            self.feeds = Feeds(self.library, workers=self.settings.feed_workers)

    async def ask(self, question: str) -> Answer:
        return await asyncio.get_running_loop().run_in_executor(self.ask_pool, self.library.ask, question)

    def close(self) -> None:
        self.ask_pool.shutdown(wait=True)
        self.library.close()

    def is_admin(self, user_id: int | None) -> bool:
        return user_id is not None and user_id in self.settings.admin_ids
