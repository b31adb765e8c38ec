"""The exceptions the library raises; the edges (CLI, bot) turn them into one-line messages.

    BriefbotError
     ├── RejectedSource        a source that cannot become an article; `reason` says why, in a few words
     │    ├── FetchError        the URL could not be fetched (refused, timed out, not HTML, too large, private)
     │    └── ExtractError      the content is empty, too short, binary, not UTF-8 or has no article in it
     ├── FeedError             a news feed that cannot be read or used (not a feed, HTML, bad OPML, bad interval)
     ├── StoreError            the library on disk is unusable (schema from a newer version, other model)
     └── QueryError            a question that cannot be searched (empty, too long)

The name IndexError is never used: it would shadow the builtin.
"""


class BriefbotError(Exception):
    """Base of every error the library raises on purpose."""


class RejectedSource(BriefbotError):
    """A source that cannot become an article. `reason` is short and fit to show a user."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class FetchError(RejectedSource):
    """The URL could not be fetched within the limits."""


class ExtractError(RejectedSource):
    """The content could not be turned into an article."""


class FeedError(BriefbotError):
    """A news feed (or an OPML list of them, or a polling interval) that cannot be used; the message says why."""


class StoreError(BriefbotError):
    """The library on disk cannot be used as it is."""


class QueryError(BriefbotError):
    """The question cannot be searched."""
