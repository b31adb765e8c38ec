"""Frozen values passed between the layers: what goes into the library and what comes out of it."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as the library keeps it: clean text plus what tells a reader where it is from.

    `text` holds paragraphs separated by a blank line; every quote is a substring of it.
    `id` is set once the article is stored.
    """

    url: str
    title: str
    text: str
    source: str = ""
    published: str | None = None  # ISO date or date-time, as precise as the page said
    author: str | None = None
    lang: str | None = None
    id: int | None = None

    @property
    def in_english(self) -> bool:
        """Whether the article is in English, or has no language given."""
        return (self.lang or "en").split("-")[0].lower() == "en"


@dataclass(frozen=True, slots=True)
class Passage:
    """A piece of an article, cut on sentence boundaries, small enough for the embedding model."""

    article_id: int
    ordinal: int
    start: int  # character offsets into Article.text
    end: int
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Excerpt:
    """A verbatim piece of an article: text == article.text[start:end]."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Quote:
    """A verbatim excerpt that answers a question, with everything needed to cite it. `text` is the best
    excerpt; `also` holds a further excerpt of the same article that holds what it lacks, if any."""

    text: str
    article: Article
    start: int
    end: int
    score: float
    link: str  # the article URL with a text fragment that scrolls to the quote (and marks every excerpt)
    also: tuple[Excerpt, ...] = ()

    @property
    def excerpts(self) -> list[Excerpt]:
        """Every excerpt, in the article's order."""
        return sorted((Excerpt(self.text, self.start, self.end), *self.also), key=lambda e: e.start)


@dataclass(frozen=True, slots=True)
class Headline:
    """A nearby article offered when nothing answers the question."""

    title: str
    url: str
    source: str = ""
    published: str | None = None


@dataclass(frozen=True, slots=True)
class Answer:
    """What `ask` returns: quotes when the library answers the question, else the nearest headlines.
    `more` holds further passages, weaker than the answer, for a reader who asks for more."""

    question: str
    answered: bool
    quotes: tuple[Quote, ...] = ()
    more: tuple[Quote, ...] = ()
    related: tuple[Headline, ...] = ()
    filters: str = ""  # the reader's filters in words ("from bbc, since 18 Nov 2019"), if any
    unknown: tuple[str, ...] = ()  # names in the question that no article holds, when that is why it is declined
    lacking: str = ""  # what the nearest article never gives ("the score", "anything on 1998"), when that is why
    corrected: tuple[tuple[str, str], ...] = ()  # (typed, read): words of the question read as the library spells them


@dataclass(frozen=True, slots=True)
class Story:
    """One story of a digest: the articles of several outlets that tell it, the most central one first.
    `lead` is quoted verbatim from the first article."""

    headline: str
    url: str
    lead: str
    articles: tuple[Article, ...]
    score: float = 0.0

    @property
    def outlets(self) -> list[str]:
        seen: dict[str, None] = {}
        for article in self.articles:
            seen.setdefault(article.source or article.url, None)
        return list(seen)


class Outcome(StrEnum):
    ADDED = "added"
    DUPLICATE = "duplicate"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What happened to one source: added, a duplicate of a stored article, or rejected with a reason."""

    source: str
    outcome: Outcome
    reason: str = ""
    article_id: int | None = None
    title: str = ""
    passages: int = 0
    duplicate_of: Article | None = field(default=None)

    def describe(self) -> str:
        """One line for people: what happened to this source and why."""
        if self.outcome is Outcome.ADDED:
            return f"added: {self.title} ({self.passages} passages) <- {self.source}"
        if self.outcome is Outcome.DUPLICATE and self.duplicate_of is not None:
            kept = self.duplicate_of
            if kept.id is None:  # an article of the same batch, not stored yet when this one was read
                return f"duplicate ({self.reason}) of {kept.title!r}, earlier in this batch <- {self.source}"
            return f"duplicate ({self.reason}) of #{kept.id} {kept.title!r} <- {self.source}"
        return f"rejected: {self.reason} <- {self.source}"
