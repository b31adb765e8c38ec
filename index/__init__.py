"""The article library: articles in, verbatim quoted passages out. No Telegram here.

`bot` imports what `__all__` lists, and `index.evaluate` for `briefbot eval`.
"""

from .embedder import DEFAULT_MODEL, Embedder, SentenceTransformerEmbedder
from .errors import BriefbotError, ExtractError, FeedError, FetchError, QueryError, RejectedSource, StoreError
from .feeds import DEFAULT_INTERVAL, Feeds, PollReport, describe_feed, describe_interval, parse_interval
from .fetch import FetchLimits
from .filters import only_filters
from .models import Answer, Article, Excerpt, Headline, IngestResult, Outcome, Quote, Story
from .schedules import Feed, Subscription
from .search import SearchConfig
from .service import Library, vector_check
from .sources import SourceLimits

__all__ = [
    "DEFAULT_INTERVAL", "DEFAULT_MODEL", "Answer", "Article", "BriefbotError", "Embedder", "Excerpt",
    "ExtractError", "Feed", "FeedError", "Feeds", "FetchError", "FetchLimits", "PollReport", "describe_feed",
    "describe_interval", "only_filters", "parse_interval", "Headline", "IngestResult", "Library", "Outcome",
    "QueryError", "Quote", "RejectedSource", "SearchConfig", "SentenceTransformerEmbedder", "SourceLimits", "Story",
    "StoreError", "Subscription", "vector_check",
]
