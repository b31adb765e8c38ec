"""RSS 2.0 and Atom documents and article pages for feed tests, built from corpus articles.

`page(article)` is an HTML page of one article; `rss(...)` / `atom(...)` list entries, each
{"link", "title", "guid", "published" (RFC 822 / ISO), "author", "content" (HTML, optional)}.
"""

from __future__ import annotations

from html import escape


def page(article: dict) -> bytes:
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in article["text"].split("\n") if p.strip())
    return (f"<!doctype html><html><head><title>{escape(article['title'])}</title>"
            f"<meta property=\"og:site_name\" content=\"{escape(article.get('source') or '')}\"></head>"
            f"<body><article><h1>{escape(article['title'])}</h1>{paragraphs}</article></body></html>").encode()


def entry(base: str, path: str, article: dict, **extra) -> dict:
    return {"link": base + path, "title": article["title"], "guid": base + path, **extra}


def rss(entries: list[dict], title: str = "Test Wire", encoding: str = "utf-8") -> bytes:
    items = []
    for e in entries:
        parts = [f"<title>{escape(e.get('title', ''))}</title>"]
        if e.get("link"):
            parts.append(f"<link>{escape(e['link'])}</link>")
        if e.get("guid"):
            parts.append(f"<guid isPermaLink=\"false\">{escape(e['guid'])}</guid>")
        if e.get("published"):
            parts.append(f"<pubDate>{e['published']}</pubDate>")
        if e.get("author"):
            parts.append(f"<dc:creator>{escape(e['author'])}</dc:creator>")
        if e.get("content"):
            parts.append(f"<content:encoded><![CDATA[{e['content']}]]></content:encoded>")
        items.append("<item>" + "".join(parts) + "</item>")
    return (f'<?xml version="1.0" encoding="{encoding}"?>\n'
            '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
            f"<title>{escape(title)}</title><link>https://wire.test/</link><description>news</description>"
            + "".join(items) + "</channel></rss>").encode(encoding, errors="xmlcharrefreplace")


def atom(entries: list[dict], title: str = "Test Atom") -> bytes:
    items = []
    for e in entries:
        parts = [f"<title>{escape(e.get('title', ''))}</title>", f"<id>{escape(e.get('guid') or e.get('link'))}</id>"]
        if e.get("link"):
            parts.append(f'<link rel="alternate" href="{escape(e["link"])}"/>')
        if e.get("published"):
            parts.append(f"<updated>{e['published']}</updated>")
        if e.get("author"):
            parts.append(f"<author><name>{escape(e['author'])}</name></author>")
        if e.get("content"):
            parts.append(f'<content type="html">{escape(e["content"])}</content>')
        items.append("<entry>" + "".join(parts) + "</entry>")
    return ('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{escape(title)}</title><id>urn:test:{escape(title)}</id><updated>2019-11-20T00:00:00Z</updated>"
            + "".join(items) + "</feed>").encode()
