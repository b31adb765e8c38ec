"""The article library: articles in, verbatim quoted passages out. No Telegram here.

`bot` imports only what `__all__` lists.
"""

from .embedder import DEFAULT_MODEL, Embedder, SentenceTransformerEmbedder
from .errors import BriefbotError, ExtractError, FetchError, QueryError, RejectedSource, StoreError
from .fetch import FetchLimits
from .models import Answer, Article, Headline, IngestResult, Outcome, Quote, Story
from .search import SearchConfig
from .service import Library, vector_check
from .sources import SourceLimits
from .store import Subscription

__all__ = [
    "DEFAULT_MODEL", "Answer", "Article", "BriefbotError", "Embedder", "ExtractError", "FetchError", "FetchLimits",
    "Headline", "IngestResult", "Library", "Outcome", "QueryError", "Quote", "RejectedSource", "SearchConfig",
    "SentenceTransformerEmbedder", "SourceLimits", "Story", "StoreError", "Subscription", "vector_check",
]
