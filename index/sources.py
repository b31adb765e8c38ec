"""Where articles come from: a SOURCE argument (file, folder, JSON Lines, URL) expanded into articles.

Each yields (label, Article) or (label, RejectedSource): one bad source, or one bad line of a JSON Lines
file, is reported and the rest go on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import ExtractError, RejectedSource
from .extract import article_from_html, article_from_text, build_article, decode_text
from .fetch import FetchLimits, fetch
from .models import Article

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED = HTML_SUFFIXES | TEXT_SUFFIXES | JSONL_SUFFIXES


@dataclass(frozen=True, slots=True)
class SourceLimits:
    max_file_bytes: int = 5 * 1024 * 1024     # one page or text file
    max_jsonl_bytes: int = 512 * 1024 * 1024  # an exported library
    max_record_bytes: int = 5 * 1024 * 1024   # one JSON Lines line
    fetch: FetchLimits = FetchLimits()


Item = tuple[str, Article | RejectedSource]


def expand(source: str, limits: SourceLimits = SourceLimits()) -> Iterator[Item]:
    """Every article (or rejection) that one SOURCE argument stands for."""
    if source.startswith(("http://", "https://")):
        yield source, _guard(lambda: from_url(source, limits))
        return
    path = Path(source)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED)
        if not files:
            yield source, RejectedSource("no HTML, text, Markdown or JSON Lines files in the folder")
        for file in files:
            yield from expand(str(file), limits)
        return
    if not path.exists():
        yield source, RejectedSource("no such file, and not an http(s) URL")
        return
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from from_jsonl(path, limits)
        return
    yield source, _guard(lambda: from_file(path, limits))


def from_url(url: str, limits: SourceLimits) -> Article:
    page = fetch(url, limits.fetch)
    if page.content_type in ("text/plain", "text/markdown"):
        return article_from_text(decode_text(page.content), url=page.url, markdown=page.content_type == "text/markdown")
    return article_from_html(page.content, url=page.url)


def from_file(path: Path, limits: SourceLimits, url: str | None = None) -> Article:
    """One HTML, text or Markdown file; its URL is the file's own unless the caller knows the real one."""
    size = path.stat().st_size
    if size > limits.max_file_bytes:
        raise ExtractError(f"too large ({size:,} bytes, limit {limits.max_file_bytes:,})")
    return from_bytes(path.read_bytes(), path.name, url or path.resolve().as_uri())


def from_bytes(data: bytes, filename: str, url: str) -> Article:
    """Content whose kind is told by its file name (an upload, a file on disk)."""
    suffix = Path(filename).suffix.lower()
    looks_like_html = data.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html"))
    if suffix in HTML_SUFFIXES or suffix not in TEXT_SUFFIXES and looks_like_html:
        if b"\x00" in data[:8192]:
            raise ExtractError("binary file, not HTML")
        return article_from_html(data, url=url, page_knows_better=url.startswith("file:"))
    if suffix in TEXT_SUFFIXES or not suffix:
        return article_from_text(decode_text(data), url=url, markdown=suffix in (".md", ".markdown"))
    raise ExtractError(f"unsupported file type {suffix or '(none)'}")


def from_jsonl(path: Path, limits: SourceLimits) -> Iterator[Item]:
    """One article a line: {url, title, published, source, text} (clean text) or {url, html}."""
    size = path.stat().st_size
    if size > limits.max_jsonl_bytes:
        yield str(path), ExtractError(f"too large ({size:,} bytes, limit {limits.max_jsonl_bytes:,})")
        return
    with open(path, "rb") as f:
        yield from _records(f, str(path), limits)


def from_upload(data: bytes, filename: str, url: str, limits: SourceLimits) -> Iterator[Item]:
    """A file sent to the bot: JSON Lines by its name, else one page or text whose URL is `url`."""
    if Path(filename).suffix.lower() in JSONL_SUFFIXES:
        yield from _records(data.splitlines(keepends=True), filename, limits)
    else:
        yield filename, _guard(lambda: from_bytes(data, filename, url))


def _records(lines, label: str, limits: SourceLimits) -> Iterator[Item]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        if len(line) > limits.max_record_bytes:
            yield f"{label}:{number}", ExtractError(f"line too large ({len(line):,} bytes)")
            continue
        yield f"{label}:{number}", _guard(lambda line=line: from_record(line))


def from_record(line: bytes) -> Article:
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ExtractError(f"malformed JSON ({exc.__class__.__name__}: {str(exc)[:60]})") from None
    if not isinstance(record, dict):
        raise ExtractError("a JSON Lines record must be an object")
    url = record.get("url")
    if not isinstance(url, str) or not url.strip():
        raise ExtractError("record has no url")
    if isinstance(record.get("html"), str):
        return article_from_html(record["html"], url=url)
    text = record.get("text")
    if not isinstance(text, str):
        raise ExtractError("record has neither text nor html")
    return build_article(url=url, title=str(record.get("title") or ""), text=text,
                         source=str(record.get("source") or ""), published=record.get("published"),
                         author=record.get("author"), lang=record.get("lang"))


def _guard(make) -> Article | RejectedSource:
    try:
        return make()
    except RejectedSource as exc:
        return exc
    except OSError as exc:
        return RejectedSource(f"unreadable ({exc.strerror or exc.__class__.__name__})")
