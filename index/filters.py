"""Filters a reader types into a question, as in a search engine's box.

    source:bbc          articles whose outlet or web address holds "bbc" (several source: filters: any of them)
    source:"new york"   an outlet name with spaces, in quotes
    since:2019-11-18    published on or after that day; since:2019-11 and since:2019 take the first day,
                        since:7d and since:2w count back from today
    until:2019-11-30    published on or before that day; until:2019-11 takes the month's last day

The filters are taken out of the question before it is searched. An article without a publication date
matches no date filter: the library cannot tell when it appeared.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import urlsplit

from .errors import QueryError

# A value in straight or curly quotes (phones type “ ”) may hold spaces.
_FILTER = re.compile(r"(?<!\S)(source|since|until):(?:[\"“]([^\"“”]*)[\"”]|(\S*))", re.IGNORECASE)
_DAY = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_AGO = re.compile(r"(\d{1,4})([dw])", re.IGNORECASE)
_DATE_HELP = "a date like 2019-11-18, a month like 2019-11, a year, or days back like 7d"


@dataclass(frozen=True, slots=True)
class Filters:
    sources: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None

    def __bool__(self) -> bool:
        return bool(self.sources) or self.since is not None or self.until is not None

    def matches(self, source: str, url: str, published: str | None) -> bool:
        if self.sources:
            host = (urlsplit(url).hostname or "").removeprefix("www.")
            name = source.lower()
            if not any(s in name or s.replace(" ", "") in name.replace(" ", "") or s in host
                       for s in self.sources):
                return False
        if self.since is None and self.until is None:
            return True
        day = published_day(published)
        return day is not None and (self.since is None or day >= self.since) and (
            self.until is None or day <= self.until)

    def describe(self) -> str:
        """The filters in words: 'from bbc or reuters, since 18 Nov 2019'."""
        parts = []
        if self.sources:
            parts.append("from " + " or ".join(self.sources))
        if self.since:
            parts.append(f"since {_words(self.since)}")
        if self.until:
            parts.append(f"until {_words(self.until)}")
        return ", ".join(parts)


def parse(question: str, today: date) -> tuple[str, Filters]:
    """(the question without its filters, the filters). Raises QueryError for a filter it cannot read."""
    sources: list[str] = []
    since = until = None
    for match in _FILTER.finditer(question):
        key, value = match.group(1).lower(), (match.group(2) if match.group(2) is not None else match.group(3))
        value = " ".join(value.strip('"“”').split()).lower()
        if not value:
            example = "source:bbc" if key == "source" else f"{key}:2019-11-18"
            raise QueryError(f"{key}: needs a value, e.g. {example}")
        if key == "source":
            if value not in sources:
                sources.append(value)
        elif key == "since":
            since = _day(value, today, key, end=False)
        else:
            until = _day(value, today, key, end=True)
    if since and until and since > until:
        raise QueryError(f"since:{since.isoformat()} is after until:{until.isoformat()}")
    text = " ".join(_FILTER.sub(" ", question).split())
    return text, Filters(tuple(sources), since, until)


def only_filters(text: str) -> bool:
    """Whether `text` holds filters and nothing else ("source:bbc since:7d"): a request to browse, not a question."""
    return bool(_FILTER.search(text)) and not _FILTER.sub(" ", text).strip()


def published_day(published: str | None) -> date | None:
    """The day of an ISO date or date-time as stored, or None when there is none or it cannot be read."""
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def _day(value: str, today: date, key: str, end: bool) -> date:
    ago = _AGO.fullmatch(value)
    if ago:
        return today - timedelta(days=int(ago.group(1)) * (7 if ago.group(2).lower() == "w" else 1))
    if value in ("today", "yesterday"):
        return today - timedelta(days=value == "yesterday")
    match = _DAY.fullmatch(value)
    if not match:
        raise QueryError(f"{key}:{value} is not a date; use {_DATE_HELP}")
    year, month, day = int(match.group(1)), match.group(2), match.group(3)
    try:
        if month is None:
            return date(year, 12, 31) if end else date(year, 1, 1)
        if day is None:
            last = calendar.monthrange(year, int(month))[1]
            return date(year, int(month), last if end else 1)
        return date(year, int(month), int(day))
    except (ValueError, calendar.IllegalMonthError):
        raise QueryError(f"{key}:{value} is not a date; use {_DATE_HELP}") from None


def _words(day: date) -> str:
    return f"{day.day} {calendar.month_abbr[day.month]} {day.year}"
