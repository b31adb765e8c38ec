"""SQLite, the library's source of truth: articles, their other URLs, passages with offsets and vectors,
and an FTS5 keyword index over passages. The bot's schedules (subscriptions, digest runs, feeds) are kept in
the same file by the methods of schedules.py. The tables and their numbered migrations are in schema.py.

One connection, shared by threads under a lock; each article goes in inside one transaction, so a crash
leaves it either wholly in or wholly out.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .chunking import searchable
from .errors import StoreError
from .models import Article, Passage
from .schedules import ScheduleTables, now
from .schema import MIGRATIONS
from .words import as_country_names, one_edit_away


@dataclass(frozen=True, slots=True)
class Stats:
    articles: int
    passages: int
    sources: int
    newest: str | None
    model: str | None


class Store(ScheduleTables):
    """The SQLite library file. Every method is safe to call from any thread."""

    def __init__(self, path: Path):
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._db.execute("PRAGMA foreign_keys = ON")
            self._db.execute("PRAGMA busy_timeout = 5000")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open the library at {path}: {exc}") from None
        self._lock = threading.RLock()
        self._bylines: tuple[int, set[str]] | None = None  # (data_version, words of outlets and authors)
        self._outlets: tuple[int, set[str]] | None = None  # (data_version, outlets' words in capitals)
        self._migrate()
        # The keyword index's words (as its tokenizer keeps them), read by prefix in `unseen`; a temporary view
        # of this connection, not a part of the library's schema.
        self._db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.passage_words "
                         "USING fts5vocab(main, passages_fts, row)")

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, rolled back on any exception."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def _migrate(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > len(MIGRATIONS):
            raise StoreError(f"the library at {self.path} was written by a newer briefbot (schema {version})")
        for number, step in enumerate(MIGRATIONS[version:], start=version + 1):
            with self.transaction() as db:
                if callable(step):
                    step(db)
                else:
                    for statement in step.split(";\n"):
                        if statement.strip():
                            db.execute(statement)
                db.execute(f"PRAGMA user_version = {number}")

    # --- meta -----------------------------------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        with self._lock:
            row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self._lock:
            self._db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    # --- articles -------------------------------------------------------------------------------------

    def add_article(self, article: Article, canonical: str, text_hash: str, simhash: int,
                    spans: Sequence[tuple[int, int]], vectors: np.ndarray) -> tuple[int, list[int]]:
        """Store an article with its passages, vectors and keyword rows in one transaction."""
        if len(spans) != len(vectors):
            raise ValueError("one vector per passage")
        added_at = now()
        with self.transaction() as db:
            cursor = db.execute(
                "INSERT INTO articles (url, canonical, title, source, published, author, lang, text, text_hash,"
                " simhash, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (article.url, canonical, article.title, article.source, article.published, article.author, article.lang,
                 article.text, text_hash, _signed64(simhash), added_at),
            )
            article_id = cursor.lastrowid
            self._bylines = self._outlets = None
            passage_ids = []
            for ordinal, ((start, end), vector) in enumerate(zip(spans, vectors, strict=True)):
                cursor = db.execute(
                    "INSERT INTO passages (article_id, ordinal, start, end, vector) VALUES (?, ?, ?, ?, ?)",
                    (article_id, ordinal, start, end, np.asarray(vector, dtype=np.float32).tobytes()),
                )
                passage_ids.append(cursor.lastrowid)
                db.execute("INSERT INTO passages_fts (rowid, title, body) VALUES (?, ?, ?)",
                           (cursor.lastrowid, searchable(article.title) if ordinal == 0 else "",
                            searchable(article.text[start:end])))
        return article_id, passage_ids

    def add_url(self, canonical: str, article_id: int) -> None:
        """Remember another URL of a stored article (a duplicate seen elsewhere)."""
        with self._lock:
            self._db.execute("INSERT OR IGNORE INTO article_urls (canonical, article_id) VALUES (?, ?)",
                             (canonical, article_id))

    def remove_article(self, article_id: int) -> list[int]:
        """Delete an article with its passages and keyword rows; returns the removed passage ids."""
        with self.transaction() as db:
            ids = [r[0] for r in db.execute("SELECT id FROM passages WHERE article_id = ?", (article_id,))]
            db.executemany("DELETE FROM passages_fts WHERE rowid = ?", [(i,) for i in ids])
            db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
            self._bylines = self._outlets = None
        return ids

    def find_by_url(self, canonical: str) -> Article | None:
        """The article stored under this canonical URL, or seen under it as a duplicate."""
        with self._lock:
            row = self._db.execute(
                f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE canonical = ? UNION ALL "
                f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = "
                "(SELECT article_id FROM article_urls WHERE canonical = ?) LIMIT 1", (canonical, canonical)).fetchone()
        return _article(row) if row else None

    def find_by_hash(self, text_hash: str) -> Article | None:
        with self._lock:
            row = self._db.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE text_hash = ?",
                                   (text_hash,)).fetchone()
        return _article(row) if row else None

    def simhashes(self) -> list[tuple[int, int]]:
        """(article id, simhash) of every article, for the near-duplicate check."""
        with self._lock:
            return [(i, h & 0xFFFFFFFFFFFFFFFF) for i, h in self._db.execute("SELECT id, simhash FROM articles")]

    def articles(self, ids: Sequence[int]) -> dict[int, Article]:
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        with self._lock:
            rows = self._db.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id IN ({marks})",
                                    list(ids)).fetchall()
        return {row[0]: _article(row) for row in rows}

    def urls(self, article_id: int) -> list[str]:
        """The article's canonical URL first, then every other (canonical) URL it was seen under."""
        with self._lock:
            rows = self._db.execute(
                "SELECT canonical FROM articles WHERE id = ? UNION ALL "
                "SELECT canonical FROM article_urls WHERE article_id = ?",
                (article_id, article_id)).fetchall()
        return [r[0] for r in rows]

    def iter_articles(self) -> Iterator[Article]:
        """Every article, oldest first, read in pages so a large library does not sit in memory."""
        last = 0
        while True:
            with self._lock:
                rows = self._db.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id > ? ORDER BY id LIMIT 200",
                                        (last,)).fetchall()
            if not rows:
                return
            for row in rows:
                yield _article(row)
            last = rows[-1][0]

    def newest(self, limit: int, keep: Callable[[str, str, str | None], bool] | None = None) -> list[Article]:
        """The most recently published (then added) articles; `keep(source, url, published)`: only those."""
        order = "ORDER BY COALESCE(published, '') DESC, added_at DESC, id DESC"
        if keep is None:
            with self._lock:
                rows = self._db.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles {order} LIMIT ?", (limit,)).fetchall()
            return [_article(r) for r in rows]
        chosen = self.article_ids_where(keep, order)[:limit]
        found = self.articles(chosen)
        return [found[i] for i in chosen if i in found]

    # --- passages -------------------------------------------------------------------------------------

    def passages(self, ids: Sequence[int]) -> dict[int, Passage]:
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        with self._lock:
            rows = self._db.execute(f"SELECT id, article_id, ordinal, start, end FROM passages WHERE id IN ({marks})",
                                    list(ids)).fetchall()
        return {r[0]: Passage(id=r[0], article_id=r[1], ordinal=r[2], start=r[3], end=r[4]) for r in rows}

    def article_ids_where(self, keep: Callable[[str, str, str | None], bool], order: str = "") -> list[int]:
        """Ids of the articles for which keep(source, url, published) holds (a reader's filters)."""
        with self._lock:
            rows = self._db.execute(f"SELECT id, source, url, published FROM articles {order}").fetchall()
        return [r[0] for r in rows if keep(r[1], r[2], r[3])]

    def passages_where(self, keep: Callable[[str, str, str | None], bool]) -> list[int]:
        """Ids of the passages of the articles for which keep(source, url, published) holds."""
        chosen = self.article_ids_where(keep)
        with self._lock:
            found = self._db.execute("SELECT id FROM passages WHERE article_id IN (SELECT value FROM json_each(?))",
                                     (json.dumps(chosen),)).fetchall()
        return [r[0] for r in found]

    def article_passages(self, article_id: int) -> list[Passage]:
        with self._lock:
            rows = self._db.execute("SELECT id, article_id, ordinal, start, end FROM passages WHERE article_id = ?"
                                    " ORDER BY ordinal", (article_id,)).fetchall()
        return [Passage(id=r[0], article_id=r[1], ordinal=r[2], start=r[3], end=r[4]) for r in rows]

    def passage_ids(self) -> np.ndarray:
        with self._lock:
            rows = self._db.execute("SELECT id FROM passages ORDER BY id").fetchall()
        return np.array([r[0] for r in rows], dtype=np.int64)

    def data_version(self) -> int:
        """A number that changes when another connection (another process) commits to the library."""
        with self._lock:
            return self._db.execute("PRAGMA data_version").fetchone()[0]

    def vectors_of(self, ids: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
        """(ids, vectors) of these passages, those still stored."""
        with self._lock:
            rows = self._db.execute("SELECT id, vector FROM passages WHERE id IN (SELECT value FROM json_each(?))"
                                    " ORDER BY id", (json.dumps([int(i) for i in ids]),)).fetchall()
        if not rows:
            return np.zeros(0, dtype=np.int64), np.zeros((0, 0), dtype=np.float32)
        return (np.array([r[0] for r in rows], dtype=np.int64),
                np.vstack([np.frombuffer(r[1], dtype=np.float32) for r in rows]))

    def iter_vectors(self, batch: int = 5000) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """(ids, vectors) in batches, for rebuilding the FAISS index."""
        last = 0
        while True:
            with self._lock:
                rows = self._db.execute("SELECT id, vector FROM passages WHERE id > ? ORDER BY id LIMIT ?",
                                        (last, batch)).fetchall()
            if not rows:
                return
            ids = np.array([r[0] for r in rows], dtype=np.int64)
            yield ids, np.vstack([np.frombuffer(r[1], dtype=np.float32) for r in rows])
            last = rows[-1][0]

    def keyword_search(self, match: str, limit: int, within: Sequence[int] | None = None) -> list[tuple[int, float]]:
        """(passage id, BM25 score, higher is better) for an FTS5 MATCH expression; a title hit counts double.
        `within`: only these passages (a reader's filters)."""
        ranked = "SELECT rowid, -bm25(passages_fts, 2.0, 1.0) AS score FROM passages_fts WHERE passages_fts MATCH ?"
        if within is None:
            query, args = f"{ranked} ORDER BY score DESC LIMIT ?", (match, limit)
        else:  # the matches first, then the filter: asked the other way round, FTS5 tests every kept row (50x)
            query = (f"WITH hits AS MATERIALIZED ({ranked}) SELECT rowid, score FROM hits"
                     " WHERE rowid IN (SELECT value FROM json_each(?)) ORDER BY score DESC LIMIT ?")
            args = (match, json.dumps(list(within)), limit)
        with self._lock:
            try:
                rows = self._db.execute(query, args).fetchall()
            except sqlite3.OperationalError:
                return []
        return [(r[0], r[1]) for r in rows]

    def document_frequencies(self, terms: Sequence[str]) -> tuple[dict[str, int], int]:
        """How many passages hold each (already tokenised) term, and how many passages there are."""
        with self._lock:
            total = self._db.execute("SELECT COUNT(*) FROM passages").fetchone()[0]
            counts = {}
            for term in terms:
                try:
                    counts[term] = self._db.execute("SELECT COUNT(*) FROM passages_fts WHERE passages_fts MATCH ?",
                                                    (f'"{term}"',)).fetchone()[0]
                except sqlite3.OperationalError:
                    counts[term] = 0
        return counts, total

    def unseen(self, names: Sequence[str]) -> list[str]:
        """The names no article holds: no passage holds the word (its inflections too, by the porter stemmer)
        or, for a word of six letters or more, a word that begins as it does but for its last three letters
        (four at least) and is at most three letters longer: "Zelensky" is seen where the library spells it
        "Zelenskiy", "Argentinian" where it writes "Argentina"; a shorter start would be seen in too many words
        ("Crawford" in "crawl", "Mona" in "Monaco"), a longer word is another word ("Telematics" is not seen in
        the German "Telematikinfrastruktur"). Nor, for a country's other form, the country's name
        ("Norwegian": Norway), and no outlet or author is named so ("Al Jazeera", whose articles need not say
        it)."""
        unseen = []
        with self._lock:
            bylines = self._byline_words()
            for name in names:
                word = searchable(name.lower()).replace('"', "")
                folded = _fold(word)
                long_name = len(folded) >= 6  # long enough to be spelled otherwise at its end
                start, longest = folded[: max(4, len(folded) - 3)], len(folded) + 3
                if any(w.startswith(start) and len(w) <= longest if long_name else w == folded for w in bylines):
                    continue
                match = f'"{word}"'
                country = searchable(as_country_names(name).lower()).replace('"', "")
                if country != word:
                    match += f' OR "{country}"'
                try:
                    found = self._db.execute("SELECT 1 FROM passages_fts WHERE passages_fts MATCH ? LIMIT 1",
                                             (match,)).fetchone()
                except sqlite3.OperationalError:
                    found = True  # a name FTS5 cannot read is not said to be missing
                if found is None and long_name:
                    found = self._db.execute("SELECT 1 FROM temp.passage_words WHERE term >= ? AND term < ? "
                                             "AND length(term) <= ? LIMIT 1",
                                             (start, start + "\U0010ffff", longest)).fetchone()
                if word and found is None:
                    unseen.append(name)
        return unseen

    def unseen_phrase(self, name: str) -> bool:
        """Whether no passage writes a name of several words as one phrase ("Best Buy", "Farewell Spit"): each
        of its words may stand anywhere by itself, so the words alone do not tell that the name is held. Not an
        outlet's or an author's name ("National Review"), which its articles need not write. A possessive may
        stand inside it ("the Hall of Fame's Class of 2020" writes "Fame Class")."""
        parts = [_fold(searchable(w.lower()).replace('"', "")) for w in name.split()]
        if not all(part.isalnum() for part in parts):
            return False  # a name FTS5 may not read as written is not said to be missing
        phrases = [parts] + [parts[:i] + ["s"] + parts[i:] for i in range(1, len(parts))]
        # a name of three words or more may be written without its brand or its model ("the Stadia Premiere
        # Edition" as "a $129.99 Premiere Edition")
        if len(parts) > 2:
            phrases += [parts[1:], parts[:-1]]
        with self._lock:
            if set(parts) <= self._byline_words():
                return False
            return not any(self._passage_count(f'"{" ".join(p)}"', limit=1) for p in phrases)

    def spelled_as(self, word: str, as_name: bool = False) -> str | None:
        """The word of the library that `word`, which no passage holds, is most likely a slip of the keys for:
        one edit away ("emplyees": employees), written so in a passage, and of those the one most passages
        hold (by its stem); `as_name`: of those the library writes as a name (`written_as_name`). Else, for a
        word typed without a capital, the two words it joins ("longline": "long line"). None when a passage
        holds `word` itself, or no such word."""
        folded = _fold(word)
        if not folded.isalnum():
            return None
        with self._lock:
            if self._passage_count(f'"{folded}"', limit=1):
                return None
            edits = sorted(w for w in one_edit_away(folded) if w.isalnum())
            # Asked in groups, then word by word in the groups that hold one: a few dozen lookups, not hundreds.
            groups = [edits[i : i + 32] for i in range(0, len(edits), 32)]
            held = [w for group in groups if self._passage_count(" OR ".join(f'"{w}"' for w in group), limit=1)
                    for w in group if self._passage_count(f'"{w}"', limit=1)]
            counts = {w: self._passage_count(f'"{w}"') for w in held}
            held = sorted(counts, key=lambda w: -counts[w])
            # The index holds stems: "fasteds" meets every passage on "fasted"; only a word written so counts.
            read = next((w for w in held if self._written(w) and (not as_name or self.written_as_name(w))), None)
            if read is not None or as_name or word[:1].isupper():
                return read
            # A word the library writes as two ("longline": "long lines"), the phrase most passages hold; each
            # part of three letters or more, so that no prefix or suffix stands alone. Not a name's ("Boxhill").
            pairs = [f"{folded[:i]} {folded[i:]}" for i in range(3, len(folded) - 2)]
            if not pairs or not self._passage_count(" OR ".join(f'"{p}"' for p in pairs), limit=1):
                return None  # one lookup where none is held, as for the slips above
            counts = {p: self._passage_count(f'"{p}"') for p in pairs}
            return max((p for p in pairs if counts[p]), key=lambda p: counts[p], default=None)

    def _passage_count(self, match: str, limit: int = -1) -> int:
        """How many passages an FTS5 query matches, counting up to `limit` (-1: all)."""
        try:
            return self._db.execute(f"SELECT COUNT(*) FROM (SELECT 1 FROM passages_fts WHERE passages_fts MATCH ? "
                                    f"LIMIT {int(limit)})", (match,)).fetchone()[0]
        except sqlite3.OperationalError:
            return 0

    def _written(self, word: str, rows: int = 200) -> bool:
        """Whether a passage writes `word` as it is (not only a word of the same stem); the first `rows`
        passages of its stem are read."""
        pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")
        found = self._db.execute(f"SELECT title, body FROM passages_fts WHERE passages_fts MATCH ? LIMIT {rows}",
                                 (f'"{word}"',))
        return any(pattern.search(_fold(f"{title} {body}")) for title, body in found)

    def written_as_name(self, word: str, rows: int = 50) -> bool:
        """Whether the library writes `word` as a name: inside a sentence, most times with a capital and
        not all in capitals ("Johnson", "WeWork"; not "makeup", nor "CEO", which may be spelled out), in the
        first `rows` passages that hold it. A question typed without capitals names nothing by its case;
        the articles say how the word is written."""
        pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
        with self._lock:
            try:
                found = self._db.execute(f"SELECT body FROM passages_fts WHERE passages_fts MATCH ? LIMIT {rows}",
                                         (f'"{_fold(word)}"',)).fetchall()
            except sqlite3.OperationalError:
                return False
        written = [m.group() for (body,) in found for m in pattern.finditer(body)
                   if body[: m.start()].rstrip(" \"'“‘(")[-1:] not in ("", ".", "!", "?", ":", "\n")]
        named = sum(w[0].isupper() and not w.isupper() for w in written)
        return named > len(written) / 2

    def _byline_words(self) -> set[str]:
        """The words of every outlet and author name, folded as the keyword index folds words; read again
        after this store or another process changed the articles."""
        version = self._db.execute("PRAGMA data_version").fetchone()[0]
        if self._bylines is None or self._bylines[0] != version:
            rows = self._db.execute("SELECT source FROM articles INDEXED BY articles_source GROUP BY source "
                                    "UNION SELECT author FROM articles INDEXED BY articles_author GROUP BY author")
            words = {_fold(w) for (value,) in rows if value for w in re.findall(r"[^\W_]+", value)}
            self._bylines = (version, words)
        return self._bylines[1]

    def outlet_acronyms(self) -> set[str]:
        """The words in capitals of the outlets' names ("BGR", "BBC" of "BBC News", "AP" of "Times Union (AP)"):
        a question that writes one asks about that outlet's articles ("in BGR's deals")."""
        with self._lock:
            version = self._db.execute("PRAGMA data_version").fetchone()[0]
            if self._outlets is None or self._outlets[0] != version:
                rows = self._db.execute("SELECT source FROM articles INDEXED BY articles_source GROUP BY source")
                self._outlets = (version, {w for (value,) in rows if value
                                           for w in re.findall(r"\b[A-Z]{2,}\b", value)})
            return self._outlets[1]

    def articles_added_since(self, since: str, limit: int) -> list[Article]:
        """Articles added at or after `since` (UTC ISO), newest first, at most `limit`."""
        with self._lock:
            rows = self._db.execute(f"SELECT {_ARTICLE_COLUMNS}, added_at FROM articles WHERE added_at >= ? "
                                    "ORDER BY added_at DESC, id DESC LIMIT ?", (since, limit)).fetchall()
        return [_article(r[:-1]) for r in rows]

    def newest_ids(self, limit: int) -> list[int]:
        """The ids of the articles added last, newest first, at most `limit`."""
        with self._lock:
            return [r[0] for r in self._db.execute("SELECT id FROM articles ORDER BY added_at DESC, id DESC LIMIT ?",
                                                   (limit,))]

    def added_at(self, ids: Sequence[int]) -> dict[int, str]:
        marks = ",".join("?" * len(ids))
        with self._lock:
            return dict(self._db.execute(f"SELECT id, added_at FROM articles WHERE id IN ({marks})", list(ids)))

    def article_vectors(self, ids: Sequence[int]) -> dict[int, np.ndarray]:
        """Each article's passage vectors, in order."""
        marks = ",".join("?" * len(ids))
        with self._lock:
            rows = self._db.execute(f"SELECT article_id, vector FROM passages WHERE article_id IN ({marks}) "
                                    "ORDER BY article_id, ordinal", list(ids)).fetchall()
        found: dict[int, list[np.ndarray]] = {}
        for article_id, blob in rows:
            found.setdefault(article_id, []).append(np.frombuffer(blob, dtype=np.float32))
        return {i: np.vstack(v) for i, v in found.items()}

    def stats(self) -> Stats:
        with self._lock:
            articles, sources, newest = self._db.execute(
                "SELECT COUNT(*), COUNT(DISTINCT source), MAX(published) FROM articles").fetchone()
            passages = self._db.execute("SELECT COUNT(*) FROM passages").fetchone()[0]
        return Stats(articles=articles, passages=passages, sources=sources, newest=newest,
                     model=self.get_meta("embedder"))


_ARTICLE_COLUMNS = "id, url, title, source, published, author, lang, text"


def _article(row: tuple) -> Article:
    return Article(id=row[0], url=row[1], title=row[2], source=row[3], published=row[4], author=row[5],
                   lang=row[6], text=row[7])


def _fold(word: str) -> str:
    """Lower case without accents, as FTS5's unicode61 tokenizer (remove_diacritics 2) compares words."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


def _signed64(value: int) -> int:
    """SQLite integers are signed 64-bit."""
    return value - (1 << 64) if value >= 1 << 63 else value
