"""The library's SQLite schema, as numbered migrations: `Store` runs those a library has not had yet, each in
one transaction, and keeps the count in PRAGMA user_version. A migration is SQL, or a function of the open
connection where SQL cannot say it. Append only: a released migration never changes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from .chunking import CJK_RUN, searchable


def _index_cjk_in_pairs(db: sqlite3.Connection) -> None:
    """Migration 4: passages with Chinese or Japanese text are indexed again in the keyword index's new form,
    their character runs as pairs (chunking.searchable); other passages are unchanged."""
    articles = [(i, title, text) for i, title, text in db.execute("SELECT id, title, text FROM articles")
                if CJK_RUN.search(title) or CJK_RUN.search(text)]
    for article_id, title, text in articles:
        passages = db.execute("SELECT id, ordinal, start, end FROM passages WHERE article_id = ?",
                              (article_id,)).fetchall()
        for pid, ordinal, start, end in passages:
            db.execute("DELETE FROM passages_fts WHERE rowid = ?", (pid,))
            db.execute("INSERT INTO passages_fts (rowid, title, body) VALUES (?, ?, ?)",
                       (pid, searchable(title) if ordinal == 0 else "", searchable(text[start:end])))


# Each step is SQL, or a function for what SQL cannot do; a library's PRAGMA user_version counts the steps done.
MIGRATIONS: list[str | Callable[[sqlite3.Connection], None]] = [
    # 1: articles, passages, keyword index
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL,                 -- as published, minus tracking parameters and fragment
        canonical TEXT NOT NULL UNIQUE,    -- the URL as a key: lower-case host, no trailing slash
        title TEXT NOT NULL,
        source TEXT NOT NULL,
        published TEXT,                    -- ISO date or date-time as the page gave it
        author TEXT,
        lang TEXT,
        text TEXT NOT NULL,                -- paragraphs separated by a blank line; quotes are substrings
        text_hash TEXT NOT NULL UNIQUE,    -- of the normalised text: the same article under another URL
        simhash INTEGER NOT NULL,          -- for near-identical copies
        added_at TEXT NOT NULL
    );
    CREATE INDEX articles_added ON articles(added_at);
    CREATE TABLE article_urls (            -- every other URL (canonical) an article was seen under
        canonical TEXT PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
    );
    CREATE TABLE passages (
        id INTEGER PRIMARY KEY,            -- also the id in the FAISS index
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        start INTEGER NOT NULL,            -- character offsets into articles.text
        end INTEGER NOT NULL,
        vector BLOB NOT NULL               -- float32, normalised; FAISS is rebuilt from these
    );
    CREATE INDEX passages_article ON passages(article_id);
    CREATE VIRTUAL TABLE passages_fts USING fts5(title, body, tokenize = 'porter unicode61 remove_diacritics 2');
    """,
    # 2: digest subscriptions and the record of every scheduled digest
    """
    CREATE TABLE subscriptions (
        chat_id INTEGER PRIMARY KEY,
        thread_id INTEGER,                 -- forum topic the digest goes to, if any
        at TEXT NOT NULL,                  -- local time of day, HH:MM
        tz TEXT NOT NULL,                  -- IANA time zone
        topics TEXT NOT NULL DEFAULT '[]', -- JSON list of words
        quiet INTEGER NOT NULL DEFAULT 1,  -- 1: send nothing when nothing is new; 0: say so
        created_at TEXT NOT NULL
    );
    CREATE TABLE digest_runs (
        chat_id INTEGER NOT NULL,
        slot TEXT NOT NULL,                -- the scheduled time, UTC ISO; one row per (chat, slot), ever
        status TEXT NOT NULL,              -- sending | sent | empty | skipped | failed
        window_start TEXT,                 -- the digest covered articles added from here ...
        finished_at TEXT,                  -- ... to here
        PRIMARY KEY (chat_id, slot)
    );
    """,
    # 3: news feeds and the entries already taken from them
    """
    CREATE TABLE feeds (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL DEFAULT '',
        interval_s INTEGER NOT NULL,       -- how often it is polled when it answers
        etag TEXT,                         -- from its last answer, for a conditional request
        last_modified TEXT,
        next_poll_at TEXT NOT NULL,        -- UTC ISO: interval, jitter and backoff applied
        failures INTEGER NOT NULL DEFAULT 0, -- polls failed in a row
        last_error TEXT,
        last_polled_at TEXT,
        added_at TEXT NOT NULL
    );
    CREATE TABLE feed_entries (            -- one row per entry seen, so an entry is taken once
        feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        entry_key TEXT NOT NULL,           -- its guid, else its link
        article_id INTEGER,                -- the article it became (or duplicated), if any
        attempts INTEGER NOT NULL DEFAULT 1, -- tries at an entry whose page could not be read
        seen_at TEXT NOT NULL,
        PRIMARY KEY (feed_id, entry_key)
    );
    """,
    # 4: Chinese and Japanese text in the keyword index as pairs of characters
    _index_cjk_in_pairs,
    # 5: outlets and authors listed without reading every article (the names a question may use for them)
    """
    CREATE INDEX IF NOT EXISTS articles_source ON articles(source);
    CREATE INDEX IF NOT EXISTS articles_author ON articles(author);
    """,
]
