"""Digest schedules and subscription arguments (pure: `now` is always an argument).

Times are wall-clock times in the chat's IANA zone: 07:30 in Europe/Warsaw is 06:30 UTC in winter and
05:30 UTC in summer, and the digest comes at 07:30 local on both sides of a change. A local time that does
not exist on a spring-forward day (02:30 in a 02:00-03:00 gap) is sent as far past the gap (03:30); one that
exists twice on a fall-back day is sent once, at its first occurrence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

EXAMPLE = "/subscribe 07:30 Europe/Warsaw ukraine energy"
MAX_TOPICS = 10


class ArgumentError(ValueError):
    """Bad subscription input; the message says what is wrong and shows an example."""


@dataclass(frozen=True, slots=True)
class Schedule:
    at: str        # HH:MM
    tz: str        # IANA name
    topics: tuple[str, ...] = ()


def parse_time(text: str) -> str:
    match = re.fullmatch(r"(\d{1,2})[:.h](\d{2})", text.strip())
    if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise ArgumentError(f"“{text}” is not a time of day. Use HH:MM from 00:00 to 23:59, e.g. {EXAMPLE}")
    return f"{int(match.group(1)):02d}:{match.group(2)}"


def parse_zone(text: str) -> str:
    try:
        ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        raise ArgumentError(f"“{text}” is not a time zone I know. Use an IANA name such as Europe/Warsaw, "
                            f"America/New_York or UTC, e.g. {EXAMPLE}") from None
    return text


def parse_subscription(args: list[str], default: Schedule) -> Schedule:
    """`[HH:MM] [Area/City] [topic ...]` in any order; what is not given comes from `default`."""
    at, tz, topics = default.at, default.tz, []
    for arg in args:
        if re.fullmatch(r"\d{1,2}[:.h]\d{2}", arg) or re.fullmatch(r"\d{1,2}[:.h]\d+|\d{1,2}:\d*", arg):
            at = parse_time(arg)
        elif "/" in arg or arg.upper() in ("UTC", "GMT"):
            tz = parse_zone("UTC" if arg.upper() in ("UTC", "GMT") else arg)
        else:
            word = arg.strip().lower()[:40]
            if word and word not in topics:
                topics.append(word)
    if len(topics) > MAX_TOPICS:
        raise ArgumentError(f"At most {MAX_TOPICS} topics, please. For example: {EXAMPLE}")
    return Schedule(at, tz, tuple(topics) or default.topics)


def local_slot(day: date, at: str, tz: str) -> datetime:
    """The UTC instant of `at` on `day` in `tz` (see the module's note on gaps and repeats)."""
    hour, minute = map(int, at.split(":"))
    # fold=0: a repeated time is its first occurrence; a skipped one is read with the offset before the
    # change, which lands as far past the gap as it was into it (02:30 -> 03:30 on a one-hour change).
    return datetime.combine(day, time(hour, minute), tzinfo=ZoneInfo(tz)).astimezone(UTC)


def next_delivery(at: str, tz: str, after: datetime) -> datetime:
    """The first scheduled instant strictly after `after` (aware), in UTC."""
    today = after.astimezone(ZoneInfo(tz)).date()
    for offset in range(-1, 3):
        slot = local_slot(today + timedelta(days=offset), at, tz)
        if slot > after:
            return slot
    raise AssertionError("unreachable: a day always has the slot")


def previous_delivery(at: str, tz: str, now: datetime) -> datetime:
    """The last scheduled instant at or before `now`, in UTC."""
    today = now.astimezone(ZoneInfo(tz)).date()
    for offset in range(0, -3, -1):
        slot = local_slot(today + timedelta(days=offset), at, tz)
        if slot <= now:
            return slot
    raise AssertionError("unreachable: a day always has the slot")


def parse_since(text: str, now: datetime) -> datetime | None:
    """`24h`, `3d`, `90m`, `all` (None) or an ISO date/time, for the command line."""
    text = text.strip().lower()
    if text == "all":
        return None
    match = re.fullmatch(r"(\d+)\s*([mhdw])", text)
    if match:
        unit = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}[match.group(2)]
        return now - timedelta(**{unit: int(match.group(1))})
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise ArgumentError(f"“{text}” is not a period: use 24h, 3d, all or a date like 2026-11-24") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
