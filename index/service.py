"""The library's front door: ingest sources, ask questions, list and export articles. Orchestration only:
parsing lives in extract/sources, cutting in chunking, retrieval in search, choosing quotes in quotes,
persistence in store/vectors.

Methods are synchronous and thread-safe; async callers (the bot) run them with `asyncio.to_thread`.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import logging
import re
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

import numpy as np

from . import filters, quotes, search, words
from .chunking import passages
from .embedder import Embedder
from .errors import QueryError, RejectedSource, StoreError
from .extract import canonical_url, clean_url
from .models import Answer, Article, Excerpt, Headline, IngestResult, Outcome, Quote, Story
from .search import Candidate, SearchConfig
from .sources import SourceLimits, expand, from_upload
from .store import Store
from .stories import (
    TOPIC_COSINE,
    Topics,
    cluster,
    mean_direction,
    near_duplicate,
    rank_stories,
    simhash,
    text_hash,
    topic_bar,
)
from .vectors import VectorIndex

log = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 1000
MAX_SPELLING_CHECKS = 6  # unusual words of a question looked up for a slip of the keys (5-12 ms each)
RETRIEVERS = ("hybrid", "dense", "keyword")
MAX_DIGEST_ARTICLES = 1000  # newest articles a digest considers (clustering is quadratic in them)
ENCODE_BATCH = 64  # passages encoded together: large enough for the model's batch efficiency


@dataclass
class _Pending:
    """An article that passed the duplicate checks, waiting for its vectors."""

    label: str
    article: Article
    url: str
    text_hash: str
    simhash: int
    spans: list[tuple[int, int]]
    aliases: list[str] = field(default_factory=list)


class Library:
    """Articles in, quoted passages out. Open with `Library(data_dir, embedder)`; close when done."""

    def __init__(self, data_dir: Path, embedder: Embedder, limits: SourceLimits = SourceLimits(),
                 config: SearchConfig = SearchConfig()):
        self.data_dir = Path(data_dir)
        self.embedder = embedder
        self.limits = limits
        self.config = config
        self._last_query: tuple[str, np.ndarray] | None = None
        self.store = Store(self.data_dir / "library.sqlite3")
        stored_model = self.store.get_meta("embedder")
        if stored_model is None:
            self.store.set_meta("embedder", embedder.name)
        elif stored_model != embedder.name:
            raise StoreError(f"the library at {self.data_dir} was built with the model {stored_model!r}, "
                             f"not {embedder.name!r}; use another data folder or re-ingest an export")
        self.vectors = VectorIndex(self.data_dir / "passages.faiss", embedder.dim)
        log.info("vector index %s", self.vectors.load_or_rebuild(self.store))
        self._simhashes = self.store.simhashes()
        self._seen_version = self.store.data_version()
        self._write_lock = threading.Lock()
        self._cache_lock = threading.Lock()
        self._remembered_sets: OrderedDict[tuple, object] = OrderedDict()  # article sets' directions and groups

    def close(self) -> None:
        self.vectors.save()
        self.store.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- ingest ---------------------------------------------------------------------------------------

    def ingest(self, sources: Iterable[str], on_item: Callable[[], None] | None = None) -> Iterator[IngestResult]:
        """Ingest every source argument; yields one result per article or rejection as it is settled."""
        def items():
            for source in sources:
                for item in expand(source, self.limits):
                    if on_item:
                        on_item()
                    yield item
        yield from self.ingest_items(items())

    def ingest_items(self, items: Iterable[tuple[str, Article | RejectedSource]]) -> Iterator[IngestResult]:
        """Ingest already-read articles (or report rejections), encoding passages in batches.

        Each article is committed in its own transaction with all its passages and vectors; the vector
        file is saved at the end (and rebuilt from SQLite at the next start if the process dies first).
        """
        with self._write_lock:
            self._catch_up_locked()
            batch: list[_Pending | IngestResult] = []  # in input order, so results come out in that order
            try:
                for label, item in items:
                    if isinstance(item, RejectedSource):
                        batch.append(IngestResult(label, Outcome.REJECTED, reason=item.reason))
                        continue
                    batch.append(self._check_duplicate(label, item, [p for p in batch if isinstance(p, _Pending)]))
                    if sum(len(p.spans) for p in batch if isinstance(p, _Pending)) >= ENCODE_BATCH:
                        yield from self._commit(batch)
                        batch = []
                yield from self._commit(batch)
            finally:
                self.vectors.save()
                _give_back_memory()

    def ingest_upload(self, data: bytes, filename: str, url: str) -> Iterator[IngestResult]:
        """Ingest a file received as bytes (an upload): JSON Lines by its name, else one page or text."""
        yield from self.ingest_items(from_upload(data, filename, url, self.limits))

    def _check_duplicate(self, label: str, article: Article, pending: list[_Pending]) -> _Pending | IngestResult:
        url = canonical_url(article.url)
        fingerprint = text_hash(article.text)
        existing = self.store.find_by_url(url)
        reason = "same URL"
        if existing is None:
            existing = self.store.find_by_hash(fingerprint)
            reason = "same text"
        if existing is not None:
            if reason != "same URL":
                self.store.add_url(url, existing.id)
            return IngestResult(label, Outcome.DUPLICATE, reason=reason, article_id=existing.id,
                                title=existing.title, duplicate_of=existing)
        for other in pending:
            if url == other.url or fingerprint == other.text_hash:
                other.aliases.append(url)
                return IngestResult(label, Outcome.DUPLICATE, reason="same URL" if url == other.url else "same text",
                                    title=other.article.title, duplicate_of=other.article)
        hashed = simhash(article.text)
        near = near_duplicate(article.text, hashed, self._simhashes, self._article_text)
        if near is not None:
            self.store.add_url(url, near)
            original = self.store.articles([near])[near]
            return IngestResult(label, Outcome.DUPLICATE, reason="near-identical text", article_id=near,
                                title=original.title, duplicate_of=original)
        by_pending = near_duplicate(article.text, hashed, [(i, p.simhash) for i, p in enumerate(pending)],
                                    lambda i: pending[i].article.text)
        if by_pending is not None:
            pending[by_pending].aliases.append(url)
            return IngestResult(label, Outcome.DUPLICATE, reason="near-identical text",
                                title=pending[by_pending].article.title, duplicate_of=pending[by_pending].article)
        spans = [(s.start, s.end) for s in passages(article.text)]
        return _Pending(label, replace(article, url=clean_url(article.url)), url, fingerprint, hashed, spans)

    def _article_text(self, article_id: int) -> str:
        return self.store.articles([article_id])[article_id].text

    def _commit(self, batch: list[_Pending | IngestResult]) -> Iterator[IngestResult]:
        pending = [p for p in batch if isinstance(p, _Pending)]
        inputs = [embedding_input(p.article, start, end) for p in pending for start, end in p.spans]
        vectors = self.embedder.encode(inputs) if inputs else None
        offset = 0
        for p in batch:
            if isinstance(p, IngestResult):
                yield p
                continue
            own = vectors[offset : offset + len(p.spans)]
            offset += len(p.spans)
            article_id, passage_ids = self.store.add_article(p.article, p.url, p.text_hash, p.simhash, p.spans, own)
            for alias in p.aliases:
                self.store.add_url(alias, article_id)
            self.vectors.add(passage_ids, own)
            self._simhashes.append((article_id, p.simhash))
            yield IngestResult(p.label, Outcome.ADDED, article_id=article_id, title=p.article.title,
                               passages=len(passage_ids))

    def catch_up(self) -> None:
        """Take in what another process committed to the library meanwhile (a `briefbot ingest`, `remove` or
        `feed poll` beside the running bot): the passages it added or removed reach the FAISS index in memory,
        its articles the near-duplicate check. SQLite's data_version changes only for other connections'
        commits, so when nothing happened this costs one pragma. While this process is ingesting, it waits
        for the next call rather than hold up a question."""
        if self.store.data_version() == self._seen_version or not self._write_lock.acquire(blocking=False):
            return
        try:
            self._catch_up_locked()
        except sqlite3.Error as exc:  # the question is still answered, from what this process knows
            log.warning("could not take in another process's changes yet: %s", exc)
        finally:
            self._write_lock.release()

    def _catch_up_locked(self) -> None:
        version = self.store.data_version()  # read first: a commit after it is caught at the next call
        if version == self._seen_version:
            return
        stored, indexed = self.store.passage_ids(), self.vectors.ids()
        gone, new = np.setdiff1d(indexed, stored), np.setdiff1d(stored, indexed)
        self.vectors.remove(gone.tolist())
        ids, vectors = self.store.vectors_of(new.tolist())
        self.vectors.add(ids, vectors)
        self._simhashes = self.store.simhashes()
        self._seen_version = version
        if len(gone) or len(ids):
            log.info("took in another process's changes: %d passages added, %d removed", len(ids), len(gone))

    def remove(self, url: str) -> Article | None:
        """Remove the article stored under `url` (or seen under it); returns it, or None if unknown."""
        with self._write_lock:
            self._catch_up_locked()
            article = self.store.find_by_url(canonical_url(url))
            if article is None:
                return None
            removed = self.store.remove_article(article.id)
            self.vectors.remove(removed)
            self.vectors.save()
            self._simhashes = [(i, h) for i, h in self._simhashes if i != article.id]
            return article

    # --- ask ------------------------------------------------------------------------------------------

    def ask(self, question: str, retriever: str = "hybrid") -> Answer:
        """Quotes that answer `question`, or, when nothing does well enough, the nearest headlines.
        `retriever` is "hybrid" (the product), or "dense" / "keyword" alone, for comparison."""
        if retriever not in RETRIEVERS:
            raise QueryError(f"unknown retriever {retriever!r}; one of {', '.join(RETRIEVERS)}")
        question = " ".join(question.split())
        if len(question) > MAX_QUESTION_CHARS:
            raise QueryError(f"the question is too long (over {MAX_QUESTION_CHARS} characters)")
        asked = question
        question, limits = filters.parse(question, datetime.now(UTC).date())
        if not question:
            raise QueryError("the question is empty" + (" (there are only filters)" if limits else ""))
        english = words.is_english(question)
        # Typed in title case or in capitals, a question is read as typed without capitals: its names are then
        # guessed from the words the dictionary does not list, as its capitals mark every word alike.
        if english and words.capitals_say_nothing(question):
            question = question.lower()
        # A slip of the keys ("How many emplyees …?", "Mratin Indyk") is read as the word the library holds.
        corrected = self._spelling(question) if english else ()
        for typed, read in corrected:
            question = re.sub(rf"(?<!\w){re.escape(typed)}(?!\w)", read, question)
        within = self.store.passages_where(limits.matches) if limits else None
        candidates = self.candidates(question, dense=retriever != "keyword", keyword=retriever != "dense",
                                     within=within)
        said = {"question": asked, "filters": limits.describe(), "corrected": corrected}
        # A question about a name no article holds ("Who is the CEO of Nvidia?") is not answered from articles
        # on something else; English questions only, as other languages capitalise more than names. Typed
        # without capitals ("who is the ceo of nvidia?"), a word the dictionary does not know may be a name.
        capitalised = words.names(question) if english else []
        guessed = words.uncapitalised_names(question, joins=self.store.written_as_name) if english else []
        # (typed without capitals, a word of three letters may be an acronym an article spells out: "eee", "cdc")
        missing = set(self.store.unseen([w for name in capitalised + guessed for w in name.split()
                                         if name in capitalised or len(w) > 3]))
        unknown = [name for name in capitalised + guessed if missing.intersection(name.split())]
        # A name made of ordinary words ("Best Buy", "Farewell Spit") is held only where a passage writes it as one
        # phrase; not someone's ("Victor Burton" may be written "Victor Lamont Burton"), nor one that takes in the
        # question's verb ("Who Directed Wild Rose?"), nor one whose last word the articles write as a name: "the
        # New York Fed" is the Federal Reserve Bank of New York, the Fed ("Oculus Quest" is still unknown).
        unknown += [name for name in capitalised if name not in unknown and len(name.split()) > 1
                    and all(words.is_ordinary_word(w.lower()) for w in name.split())
                    and not words.is_listed_name(name.split()[0]) and question.split()[1:2] != name.split()[:1]
                    and self.store.unseen_phrase(name)
                    and not self.store.written_as_name(name.split()[-1])]
        if unknown:
            return Answer(**said, answered=False, related=self._related(candidates), unknown=tuple(unknown))
        terms = words.content_terms(question)
        frequencies, total = self.store.document_frequencies(list(terms.values()))
        weights = words.idf_weights(terms, frequencies, total)
        considered = candidates[: self.config.candidate_passages]
        articles = self.store.articles(list({c.passage.article_id for c in considered}))
        # A question about a year ("Who won the 1998 World Cup final?") is answered only from articles that
        # name it or were published in it; when the articles found are all of another time, that is said.
        years = quotes.years_asked(question)
        if years and articles:
            articles = {i: a for i, a in articles.items() if quotes.about_the_years(a, years)}
            if not articles:
                return Answer(**said, answered=False, related=self._related(candidates),
                              lacking=f"anything on {' or '.join(years)}")
        # A word guessed to be a name is taken for one where the articles write it so ("boris johnson"; not
        # "makeup", which the dictionary is too old to list).
        named = capitalised + [n for n in guessed if all(map(self.store.written_as_name, n.split()))]
        # An outlet asked about by its letters ("BGR's early Black Friday deals") is a name to choose by: its own
        # articles write it (as their outlet), so they come first. Only to choose: others may spell it out ("an
        # Associated Press journalist" for "the AP journalist").
        outlets = self.store.outlet_acronyms() if english else set()
        letters = [w for w in dict.fromkeys(re.findall(r"\b[A-Z]{2,}\b", question)) if w in outlets and w not in named]
        scored, further = quotes.select_quotes(candidates, articles, weights, self.config, question, named + letters,
                                               every_name=not guessed)
        dense = retriever != "keyword"
        # A quote that answers in its own words stays first, however far its passage in meaning; otherwise the
        # first quote close in meaning comes first.
        in_words = bool(scored) and self._answers_in_words(scored[0], question, named)
        if not in_words:
            scored = search.closest_first(scored, self.config, question, dense)
        answers = in_words or bool(scored) and search.is_answer(scored[0], self.config, question, dense)
        answers = answers or bool(scored) and dense and self._quote_close(scored[0], question)
        answers = answers or bool(scored) and self._answers_in_words(scored[0], question, named)
        # So does a quote whose paragraph holds every word of the question, its speaker named once at the close.
        answers = answers or bool(scored) and english and quotes.paragraph_holds_all(scored[0], weights)
        # A further quote is shown only if it is close in meaning too (cosine, judged like the first).
        scored = scored[:1] + [q for q in scored[1:] if not search.far_in_meaning(q, self.config, question, dense)]
        # A question for a measure ("What was the final score …?") is not answered by an article on its subject
        # that never gives one: the near miss is said as such.
        lacking = quotes.lacking_measure(scored[0], question, named) if answers else None
        # Unless a further quote gives it in a sentence that holds every word of the question: that one comes
        # first ("How many moons does Jupiter have?": "… Europa, one of Jupiter's 79 moons", not a sentence on
        # a probe that will orbit Jupiter and study the moon).
        giving = next((q for q in scored[1:] if q.coverage >= search.ALL_WORDS
                       and quotes.measure_in_sentence(q, question, named)), None) if lacking is not None else None
        if giving is not None:
            scored, lacking = [giving] + [q for q in scored if q is not giving], None
        if lacking is not None:
            return Answer(**said, answered=False, related=self._related(candidates), lacking=lacking.name)
        # And a question for someone's words by an article that never has them speak ("What did Nancy Pelosi say
        # about the hearings?" by "Nancy Pelosi wants to wrap up impeachment …").
        speaker = quotes.unquoted_speaker(scored[0], question, named) if answers else None
        if speaker is not None:
            return Answer(**said, answered=False, related=self._related(candidates),
                          lacking=f"anything {speaker} said")
        # Or one that has them speak, but never on what they are asked about ("What did Kristi Noem say about the
        # cost of the campaign?" by her words on the campaign's aim).
        unheard = quotes.unheard_topic(scored[0], question, named) if answers else None
        if unheard is not None:
            return Answer(**said, answered=False, related=self._related(candidates),
                          lacking=f"anything {unheard[0]} said about {unheard[1]}")
        # And a question for someone or something by what they are ("What is the name of the hunter who …?",
        # "Which hospital treated him?") by a quote that names nobody, or nothing.
        person = quotes.unnamed(scored[0], question) if answers else None
        if person is not None:
            return Answer(**said, answered=False, related=self._related(candidates), lacking=f"the name of {person}")
        # Nor a question for someone's birth or death by a quote that never speaks of one, nor one for who did something
        # by an article that never tells the deed ("Who designed the …?").
        life = quotes.lacking_birth_or_death(scored[0], question) if answers else None
        deed = quotes.lacking_deed(scored[0], question) if answers and life is None else None
        if life or deed:
            return Answer(**said, answered=False, related=self._related(candidates), lacking=life or deed)
        # And a question for a time to come by a quote that gives none ("When will US troops leave Afghanistan?").
        if answers and quotes.lacking_time(scored[0], question):
            return Answer(**said, answered=False, related=self._related(candidates), lacking="the date")
        # So is a question about one model answered by a quote on another ("the Boeing 777X" by the 787-9).
        model = quotes.other_model(scored[0], question) if answers else None
        if model is not None:
            return Answer(**said, answered=False, related=self._related(candidates), lacking=f"that for the {model}")
        # Nor a question on something the quote's article never names ("When will Stadia launch in Japan?").
        unwritten = quotes.unwritten_name(scored[0], question, named) if answers else None
        if unwritten is not None:
            return Answer(**said, answered=False, related=self._related(candidates), lacking=f"anything on {unwritten}")
        shown = tuple(quote for quote in map(self._quote, scored) if quote is not None) if answers else ()
        if not shown:
            return Answer(**said, answered=False, related=self._related(candidates))
        more = tuple(quote for quote in map(self._quote, further) if quote is not None)
        return Answer(**said, answered=True, quotes=shown, more=more)

    @staticmethod
    def _answers_in_words(quote: quotes.ScoredQuote, question: str, named: list[str]) -> bool:
        """Whether a quote answers by what it writes, where a short question may stay far in meaning from the
        passage around the answer: someone's age right after their name ("Mr Ebbers, 63, has always insisted
        …"), someone speaking on what they are asked about ("What does Buser think of the creativity from game
        developers?": "… ," Buser says. "The creativity that is coming …"), the kind asked for right before a
        name ("indie developer Tequila Works"), what someone is and where right after their name ("…, a
        molecular microbiologist at Washington University"), a work's kind right before its title ("his blog
        Think, Save, Retire"), the measure asked with all of the question's words but one, or in the subhead of
        a round-up's section on what is asked ("Sonos Move for $400")."""
        return (quotes.age_beside_name(quote, question, named) or quotes.heard_in_quote(quote, question, named)
                or quotes.noun_beside_name(quote, question, named)
                or quotes.workplace_beside_name(quote, question, named) or quotes.title_beside_owner(quote, question)
                or quotes.measure_in_sentence(quote, question, named) or quotes.measure_in_heading(quote, question))

    def _quote_close(self, quote: quotes.ScoredQuote, question: str) -> bool:
        """Whether the quote's own text (its sentence and the context shown with it) is close in meaning to an
        English question, however far its passage: the model judges English only. A quote that holds under a
        third of the question's words is not read again (it would take the model's time on every question
        declined)."""
        if not words.is_english(question) or not quote.article.in_english or quote.coverage < self.config.min_coverage:
            return False
        text = quote.article.text[quote.span.start : quote.span.end]
        cosine = float(self.embedder.encode([text])[0] @ self._query_vector(question))
        return cosine >= self.config.min_quote_cosine

    def _query_vector(self, question: str) -> np.ndarray:
        """The question's embedding, kept for the question last asked (the quote's judge needs it again)."""
        last = self._last_query
        if last is not None and last[0] == question:
            return last[1]
        vector = self.embedder.encode_query(question)
        self._last_query = (question, vector)
        return vector

    def _spelling(self, question: str) -> tuple[tuple[str, str], ...]:
        """(typed, read) for each word of the question that no passage holds and the dictionary does not list,
        but that is one slip from a word the library writes (`Store.spelled_as`), read in the case typed. A
        name the dictionary does list ("Chian", of Chios; "Hics", as "hic" is a word) is read
        so too where no passage holds it, but only as a word the library writes as a name ("China",
        "Hicks"; not "Greta" as "great"): held by no article, it would otherwise decline the question."""
        unusual = words.unusual_words(question)
        listed = [w for name in words.names(question) for w in name.split()
                  if w.isalpha() and 4 <= len(w) <= words.MAX_SLIP_LETTERS and w not in unusual]
        pairs = []
        for typed in (unusual + listed)[:MAX_SPELLING_CHECKS]:
            read = self.store.spelled_as(typed, as_name=typed not in unusual)
            if read:
                pairs.append((typed, read.upper() if typed.isupper() else
                              read[0].upper() + read[1:] if typed[0].isupper() else read))
        return tuple(pairs)

    def candidates(self, question: str, dense: bool = True, keyword: bool = True,
                   within: Sequence[int] | None = None) -> list[Candidate]:
        """Passages ranked by the fused retrievers (either may be switched off, for comparison); `within`: only
        these passages (the reader's filters), else all."""
        if within is not None and not within:
            return []
        self.catch_up()
        dense_hits = self.vectors.search(self._query_vector(question), self.config.dense_k,
                                         within) if dense else []
        match = search.keyword_query(question)
        keyword_hits = self.store.keyword_search(match, self.config.keyword_k, within) if keyword and match else []
        fused = search.firsts_within(search.fuse(dense_hits, keyword_hits, self.config.rrf_k),
                                     (dense_hits, keyword_hits), self.config.candidate_passages)
        cosines = dict(dense_hits)
        found = self.store.passages([pid for pid, _ in fused])
        return [Candidate(found[pid], score, cosines.get(pid, 0.0))
                for pid, score in fused if pid in found]

    def _quote(self, scored: quotes.ScoredQuote) -> Quote | None:
        """The quote, each excerpt checked to be a non-empty substring of the stored text (else the quote, or the
        further excerpt, is dropped and logged)."""
        article = scored.article
        excerpts = []
        for span in (scored.span, *scored.also):
            text = article.text[span.start : span.end]
            if text.strip() and text in article.text:
                excerpts.append(Excerpt(text, span.start, span.end))
            else:
                log.error("dropped an excerpt that is not verbatim from article %s (%s)", article.id, span)
        if not excerpts or excerpts[0].start != scored.span.start:
            return None
        first, also = excerpts[0], tuple(excerpts[1:])
        link = quotes.text_fragment_link(article.url, *(e.text for e in sorted(excerpts, key=lambda e: e.start)))
        return Quote(text=first.text, article=article, start=first.start, end=first.end,
                     score=round(scored.score, 4), link=link, also=also)

    def _related(self, candidates: list[Candidate], limit: int = 5) -> tuple[Headline, ...]:
        seen: list[int] = []
        for c in candidates:
            if c.passage.article_id not in seen:
                seen.append(c.passage.article_id)
            if len(seen) == limit:
                break
        articles = self.store.articles(seen)
        found = [articles[i] for i in seen if i in articles]
        return tuple(Headline(a.title, a.url, a.source, a.published) for a in found)

    # --- stories, for digests -------------------------------------------------------------------------

    def stories(self, since: datetime | None, topics: Sequence[str] = (), limit: int = 10,
                now: datetime | None = None) -> list[Story]:
        """The stories among articles added since `since` (None: all), same-story articles grouped, ranked
        by how many outlets carry them, how recent they are and, with topics, how well they match. A topic
        `source:bbc` keeps the stories an outlet carries, led by its article (the others are "also in")."""
        now = now or datetime.now(UTC)
        outlets_asked = filters.Filters(tuple(t.lower().split(":", 1)[1] for t in topics
                                              if t.lower().startswith("source:") and len(t) > len("source:")))
        topics = [t for t in topics if not t.lower().startswith("source:")]
        start = (since or datetime(1970, 1, 1, tzinfo=UTC)).astimezone(UTC).isoformat(timespec="seconds")
        articles = self.store.articles_added_since(start, MAX_DIGEST_ARTICLES)
        if not articles:
            return []
        ids = [a.id for a in articles]
        vectors, groups = self._grouped(tuple(ids))
        topic_vector = self.embedder.encode_query(" ".join(topics)) if topics else None
        bar = topic_bar(self._directions(tuple(self.store.newest_ids(MAX_DIGEST_ARTICLES))), topic_vector) \
            if topic_vector is not None else TOPIC_COSINE
        return rank_stories(articles, vectors, groups, self.store.added_at(ids), now, limit,
                            Topics(topic_vector, {w for t in topics for w in words.tokens(t)}, outlets_asked, bar))

    def _grouped(self, ids: tuple[int, ...]) -> tuple[np.ndarray, list[list[int]]]:
        """Article vectors and same-story groups for a set of articles, remembered for the last few sets:
        a thousand chats due at the same minute share one clustering."""
        def compute() -> tuple[np.ndarray, list[list[int]]]:
            vectors = self._directions(ids)
            return vectors, cluster(vectors)
        return self._remembered(("groups", ids), compute)

    def _directions(self, ids: tuple[int, ...]) -> np.ndarray:
        """Each article's direction (the mean of its passage vectors), remembered like `_grouped`."""
        def compute() -> np.ndarray:
            passage_vectors = self.store.article_vectors(ids)
            return np.vstack([mean_direction(passage_vectors[i]) for i in ids]) if ids \
                else np.zeros((0, self.embedder.dim), dtype=np.float32)
        return self._remembered(("directions", ids), compute)

    def _remembered(self, key: tuple, compute: Callable[[], object]):
        """compute(), or what it gave for the same key among the last 16 kept."""
        with self._cache_lock:
            if key in self._remembered_sets:
                self._remembered_sets.move_to_end(key)
                return self._remembered_sets[key]
        result = compute()
        with self._cache_lock:
            self._remembered_sets[key] = result
            while len(self._remembered_sets) > 16:
                self._remembered_sets.popitem(last=False)
        return result

    # --- reading the library --------------------------------------------------------------------------

    def stats(self) -> dict:
        s = self.store.stats()
        return {"articles": s.articles, "passages": s.passages, "vectors": self.vectors.size,
                "sources": s.sources, "newest": s.newest, "model": s.model, "data_dir": str(self.data_dir)}

    def latest(self, limit: int = 10, narrowed_by: str = "") -> list[Article]:
        """The newest articles; `narrowed_by`: filters as typed in a question ("source:bbc since:7d"), nothing else."""
        words, limits = filters.parse(narrowed_by, datetime.now(UTC).date())
        if words:
            raise QueryError(f"only filters narrow the newest articles (source:, since:, until:), not {words!r}")
        return self.store.newest(limit, limits.matches if limits else None)

    def export(self, out: TextIO) -> int:
        """Write every article as a JSON Lines record that `ingest` reads back; returns how many."""
        count = 0
        for article in self.store.iter_articles():
            record = {"url": article.url, "title": article.title, "published": article.published,
                      "source": article.source, "text": article.text, "author": article.author, "lang": article.lang}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
        return count


def _give_back_memory() -> None:
    """Return freed heap to the system after an ingest (glibc keeps it otherwise: measured ~300 MiB after
    2,000 articles). A no-op where the C library has no malloc_trim."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).malloc_trim(0)


def embedding_input(article: Article, start: int, end: int) -> str:
    """What the model reads for a passage: the headline, then the passage, so that a passage which never
    names its subject is still found by it."""
    return f"{article.title}\n{article.text[start:end]}"


def vector_check(library: Library) -> bool:
    """Whether every passage in SQLite is in FAISS and nothing else is (used by tests and `stats --check`)."""
    return bool(np.array_equal(np.sort(library.vectors.ids()), library.store.passage_ids()))
