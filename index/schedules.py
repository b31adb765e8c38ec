"""The bot's schedules, in the library's SQLite file: chats subscribed to the daily digest, the digest runs
that make each delivery happen at most once, and feeds with the entries taken from them. `Store` holds these
methods; they use its connection and lock."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime


@dataclass(frozen=True, slots=True)
class Subscription:
    chat_id: int
    at: str                    # HH:MM, local
    tz: str                    # IANA name
    topics: tuple[str, ...] = ()
    thread_id: int | None = None
    quiet: bool = True         # nothing new: send nothing (True) or a short note (False)
    created_at: str = ""       # UTC ISO, set by the store


@dataclass(frozen=True, slots=True)
class Feed:
    id: int
    url: str
    title: str
    interval_s: int
    next_poll_at: str
    etag: str | None = None
    last_modified: str | None = None
    failures: int = 0
    last_error: str | None = None
    last_polled_at: str | None = None
    added_at: str = ""


class ScheduleTables:
    """Subscriptions, digest runs and feeds; mixed into `Store`, which opens the connection."""

    _db: sqlite3.Connection
    _lock: threading.RLock

    # --- subscriptions and digest runs ----------------------------------------------------------------

    def subscribe(self, sub: Subscription, created_at: str | None = None) -> None:
        """Add or change a chat's subscription (its creation time stays the first one's)."""
        with self._lock:
            self._db.execute(
                "INSERT INTO subscriptions (chat_id, thread_id, at, tz, topics, quiet, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (chat_id) DO UPDATE SET thread_id = excluded.thread_id, "
                "at = excluded.at, tz = excluded.tz, topics = excluded.topics, quiet = excluded.quiet",
                (sub.chat_id, sub.thread_id, sub.at, sub.tz, json.dumps(list(sub.topics)), int(sub.quiet),
                 created_at or now()))

    def unsubscribe(self, chat_id: int) -> bool:
        with self._lock:
            return self._db.execute("DELETE FROM subscriptions WHERE chat_id = ?", (chat_id,)).rowcount > 0

    def subscription(self, chat_id: int) -> Subscription | None:
        with self._lock:
            row = self._db.execute(f"SELECT {_SUB_COLUMNS} FROM subscriptions WHERE chat_id = ?",
                                   (chat_id,)).fetchone()
        return _subscription(row) if row else None

    def subscriptions(self) -> list[Subscription]:
        with self._lock:
            rows = self._db.execute(f"SELECT {_SUB_COLUMNS} FROM subscriptions ORDER BY chat_id").fetchall()
        return [_subscription(r) for r in rows]

    def claim_run(self, chat_id: int, slot: str, window_start: str) -> bool:
        """Record that the digest for (chat, slot) is being sent. False if it ever was (or was skipped):
        the one place that makes delivery at most once, across restarts."""
        with self._lock:
            cursor = self._db.execute("INSERT OR IGNORE INTO digest_runs (chat_id, slot, status, window_start) "
                                      "VALUES (?, ?, 'sending', ?)", (chat_id, slot, window_start))
            return cursor.rowcount == 1

    def finish_run(self, chat_id: int, slot: str, status: str) -> None:
        with self._lock:
            self._db.execute("UPDATE digest_runs SET status = ?, finished_at = ? WHERE chat_id = ? AND slot = ?",
                             (status, now(), chat_id, slot))

    def run_status(self, chat_id: int, slot: str) -> str | None:
        with self._lock:
            row = self._db.execute("SELECT status FROM digest_runs WHERE chat_id = ? AND slot = ?",
                                   (chat_id, slot)).fetchone()
        return row[0] if row else None

    def last_digest_end(self, chat_id: int) -> str | None:
        """When the chat's last delivered digest was composed: the next one starts there."""
        with self._lock:
            row = self._db.execute("SELECT MAX(finished_at) FROM digest_runs WHERE chat_id = ? AND status IN "
                                   "('sent', 'empty')", (chat_id,)).fetchone()
        return row[0] if row else None

    # --- feeds ----------------------------------------------------------------------------------------

    def add_feed(self, url: str, title: str, interval_s: int, next_poll_at: str) -> tuple[Feed, bool]:
        """Store a feed, or change the interval of one already stored. (the feed, whether it is new)"""
        with self._lock:
            cursor = self._db.execute("INSERT OR IGNORE INTO feeds (url, title, interval_s, next_poll_at, added_at) "
                                      "VALUES (?, ?, ?, ?, ?)", (url, title, interval_s, next_poll_at, now()))
            if cursor.rowcount == 0:
                self._db.execute("UPDATE feeds SET interval_s = ?, title = CASE WHEN ? != '' THEN ? ELSE title END "
                                 "WHERE url = ?", (interval_s, title, title, url))
            return self.feed(url), cursor.rowcount == 1

    def feed(self, url: str) -> Feed | None:
        with self._lock:
            row = self._db.execute(f"SELECT {_FEED_COLUMNS} FROM feeds WHERE url = ?", (url,)).fetchone()
        return Feed(*row) if row else None

    def feeds(self, due_by: str | None = None) -> list[Feed]:
        """Every feed, or those due for a poll by `due_by` (UTC ISO), soonest first."""
        with self._lock:
            if due_by is None:
                rows = self._db.execute(f"SELECT {_FEED_COLUMNS} FROM feeds ORDER BY added_at, id").fetchall()
            else:
                rows = self._db.execute(f"SELECT {_FEED_COLUMNS} FROM feeds WHERE next_poll_at <= ? "
                                        "ORDER BY next_poll_at, id", (due_by,)).fetchall()
        return [Feed(*r) for r in rows]

    def remove_feed(self, url: str) -> bool:
        with self._lock:
            return self._db.execute("DELETE FROM feeds WHERE url = ?", (url,)).rowcount > 0

    def feed_polled(self, feed_id: int, *, next_poll_at: str, failures: int, error: str | None,
                    etag: str | None = None, last_modified: str | None = None, title: str | None = None) -> None:
        """Record a poll's outcome. A failed poll keeps the validators of the last good one."""
        with self._lock:
            if error is None:
                self._db.execute("UPDATE feeds SET next_poll_at = ?, failures = 0, last_error = NULL, etag = ?, "
                                 "last_modified = ?, title = COALESCE(NULLIF(?, ''), title), last_polled_at = ? "
                                 "WHERE id = ?", (next_poll_at, etag, last_modified, title, now(), feed_id))
            else:
                self._db.execute("UPDATE feeds SET next_poll_at = ?, failures = ?, last_error = ?, "
                                 "last_polled_at = ? WHERE id = ?", (next_poll_at, failures, error, now(), feed_id))

    def entries_done(self, feed_id: int, keys: Sequence[str], max_attempts: int) -> set[str]:
        """Which of these entries need no more work: taken, or tried `max_attempts` times."""
        done: set[str] = set()
        with self._lock:
            for start in range(0, len(keys), 500):
                chunk = list(keys[start : start + 500])
                rows = self._db.execute(
                    f"SELECT entry_key FROM feed_entries WHERE feed_id = ? AND entry_key IN "
                    f"({','.join('?' * len(chunk))}) AND (article_id IS NOT NULL OR attempts >= ?)",
                    (feed_id, *chunk, max_attempts)).fetchall()
                done.update(r[0] for r in rows)
        return done

    def entry_seen(self, feed_id: int, key: str, article_id: int | None) -> None:
        """An entry was taken (article_id set) or tried and failed (one more attempt)."""
        with self._lock:
            self._db.execute(
                "INSERT INTO feed_entries (feed_id, entry_key, article_id, seen_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (feed_id, entry_key) DO UPDATE SET article_id = COALESCE(excluded.article_id, "
                "article_id), attempts = attempts + 1, seen_at = excluded.seen_at", (feed_id, key, article_id, now()))


_FEED_COLUMNS = ("id, url, title, interval_s, next_poll_at, etag, last_modified, failures, last_error, "
                 "last_polled_at, added_at")

_SUB_COLUMNS = "chat_id, at, tz, topics, thread_id, quiet, created_at"


def _subscription(row: tuple) -> Subscription:
    return Subscription(chat_id=row[0], at=row[1], tz=row[2], topics=tuple(json.loads(row[3])), thread_id=row[4],
                        quiet=bool(row[5]), created_at=row[6])


def now() -> str:
    """UTC now, ISO 8601 to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds")
